"""Reading the injects that become cases: hotline calls and reports from other channels, with what the
trainee is expected to make of them (category, department, true place, duplicate, urgency)."""

from __future__ import annotations

from backend.case_writes import CHANNELS
from backend.drill.scenario_model import CallInject, Expected, ReportInject
from backend.drill.scenario_nodes import Fields, suggestion
from backend.drill.scenario_reference import PHONE, Reference

URGENCIES = ("normal", "urgent", "critical")
URGENCY_WORDS = {"普通": "normal", "紧急": "urgent", "特急": "critical"}
# The words channels go by in the center, for the backend's channel codes (intake.submit).
CHANNEL_WORDS = {
    "12345": "hotline",
    "12319": "hotline",
    "热线转办": "hotline",
    "城管巡查": "inspector",
    "巡查员": "inspector",
    "监督员": "inspector",
    "网格员上报": "grid",
    "网格员": "grid",
    "全要素网格通": "grid",
    "APP": "app",
    "政务APP": "app",
    "微信": "app",
    "小程序": "app",
    "随手拍": "app",
    "网站": "web",
    "一企来": "enterprise",
    "企业专席": "enterprise",
    "物联网": "iot",
    "传感器": "iot",
    "物联感知": "iot",
}
MAX_SAYS = 40  # lines a caller speaks


def read_expected(f: Fields, ref: Reference) -> Expected:
    """The ``expected`` mapping of a call or report (an empty Expected when there is none)."""
    node = f.node("expected")
    if node is None:
        return Expected()
    e = f.child(node)
    expected = expected_fields(e, ref)
    e.finish()
    return expected


def expected_fields(e: Fields, ref: Reference) -> Expected:
    """category, department, grid, duplicate_of and urgency of a mapping, each checked."""
    category = e.text("category") or None
    if category is not None:
        if category not in ref.categories:
            e.problem("category", f"category {category!r} is not in the taxonomy")
        elif category not in ref.leaves:
            minors = ", ".join(ref.minor_classes(category)[:6])
            e.problem("category", f"category {category!r} is a major class; expect one of its own: {minors}")
    department = e.text("department") or None
    if department is not None and department not in ref.departments:
        near = suggestion(department, ref.departments)
        e.problem("department", f"department {department!r} is not a unit of the district{near}")
    grid = e.text("grid") or None
    if grid is not None:
        area = ref.areas.get(grid)
        if area is None:
            e.problem("grid", f"grid {grid!r} is not a town, village or grid code of the district")
        elif area.level == "district":
            e.problem("grid", f"grid {grid!r} is the whole district; name a town, village or grid")
    duplicate_of = e.ref("duplicate_of")
    urgency = e.choice("urgency", URGENCIES, aliases=URGENCY_WORDS)
    return Expected(category, department, grid, duplicate_of, urgency)


def _phone(f: Fields, key: str, required: bool) -> str:
    number = f.text(key, required)
    if number and not PHONE.fullmatch(number):
        f.problem(key, f"{key} must be a phone number like 13812345678 or 0512-66010001, not {number!r}")
    return number


def _address(f: Fields, ref: Reference, expected: Expected, misleading: bool) -> str:
    """The address given, checked against the gazetteer and, unless misleading, the expected place."""
    address = f.text("address", limit=512)
    if not address:
        return ""
    if not ref.knows_address(address):
        f.problem("address", f"address {address!r} is not in the demo district's gazetteer")
        return address
    grid = ref.area_of(address)
    if misleading or grid is None or expected.grid is None or expected.grid not in ref.areas:
        return address
    if not ref.within(grid, expected.grid):
        f.problem(
            "address",
            f"address {address!r} lies in {ref.areas[grid].name} ({grid}), outside the expected "
            f"{ref.areas[expected.grid].name} ({expected.grid}); flag the caller misleading if that is meant",
        )
    return address


def read_call(f: Fields, ref: Reference, trainer_note: str) -> CallInject:
    number = _phone(f, "caller_number", True)
    says = f.texts("says", required=True)
    if len(says) > MAX_SAYS:
        f.problem("says", f"says has {len(says)} lines, at most {MAX_SAYS}")
    name = f.text("caller_name", limit=64)
    hint = f.text("location_hint", limit=512)
    misleading = f.boolean("misleading")
    if misleading and not trainer_note:
        f.problem("misleading", "a misleading caller needs a trainer_note that says what is true")
    patience = f.duration("patience")
    if patience is not None and patience <= 0:
        f.problem("patience", "patience must be more than 0 s")
    expected = read_expected(f, ref)
    address = _address(f, ref, expected, misleading)
    return CallInject(number, says, name, address, hint, misleading, patience, expected)


def read_report(f: Fields, ref: Reference) -> ReportInject:
    label = f.text("channel", required=True)
    channel = CHANNEL_WORDS.get(label, label)
    if label and channel not in CHANNELS:
        words = ", ".join([*CHANNELS, *CHANNEL_WORDS])
        near = suggestion(label, [*CHANNELS, *CHANNEL_WORDS])
        f.problem("channel", f"channel must be one of {words}, not {label!r}{near}")
    text = f.text("text", required=True)
    name = f.text("reporter_name", limit=64)
    phone = _phone(f, "reporter_phone", False)
    photo = f.text("photo", limit=200)
    expected = read_expected(f, ref)
    address = _address(f, ref, expected, False)
    return ReportInject(channel, label, text, address, name, phone, photo, expected)
