"""What a drill scenario is once read: frozen records of the scenario, its seats, its injects (one record
per kind) and its rubric, plus the errors a scenario file can have. Qt-free; the drill engine fires the
injects through requests the backend already has (the mapping is in docs/drill-scenarios.md)."""

from __future__ import annotations

from dataclasses import dataclass

import msgspec

from client_api.alert_messages import Reading

FORMAT = 1  # the only scenario format so far

# Levels of the four-level drills (区/镇/村/网格), keyed as AreaNode.level, with their Chinese words.
LEVELS = {"district": "区", "town": "镇", "village": "村", "grid": "网格"}
THEMES = {
    "public_safety": "公共安全",
    "city_management": "城市管理",
    "epidemic": "疫情防控",
    "river": "长江大保护",
    "hazmat": "危化品",
    "group_rental": "群租房",
}
KINDS = ("call", "report", "readings", "cap", "department_response", "radio", "message")
SEAT_ROLES = ("operator", "supervisor", "handler", "trainer")

# Rubric areas, in the order a score sheet lists them, with their Chinese names.
AREAS = {
    "call_control": "呼叫控制",
    "information": "信息采集",
    "classification": "分类定性",
    "location": "定位",
    "dispatch": "派遣",
    "duplicates": "重复件处理",
    "alerts": "预警处置",
    "timing": "派遣时效",
}
# Rubric action → the area it scores.
ACTIONS = {
    "answer_within": "call_control",
    "information": "information",
    "category": "classification",
    "urgency": "classification",
    "location": "location",
    "department": "dispatch",
    "duplicate": "duplicates",
    "alert_ack": "alerts",
    "dispatch_within": "timing",
}


@dataclass(frozen=True, slots=True)
class ScenarioIssue:
    """One problem of a scenario file: the 1-based line and what is wrong, in words."""

    line: int
    message: str


class ScenarioError(Exception):
    """A scenario file that does not validate.

    Attributes:
        source: the file name the lines refer to.
        errors: every problem found (at most MAX_ISSUES; ``more`` counts the rest).
    """

    def __init__(self, source: str, errors: list[ScenarioIssue], more: int = 0) -> None:
        self.source = source
        self.errors = errors
        self.more = more
        super().__init__(str(self))

    def lines(self) -> list[str]:
        """``file:line: problem`` per error, and a last line counting those left out."""
        out = [f"{self.source}:{issue.line}: {issue.message}" for issue in self.errors]
        if self.more:
            out.append(f"{self.source}: … and {self.more} more problems")
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())


@dataclass(frozen=True, slots=True)
class Seat:
    id: str
    role: str
    label: str = ""


@dataclass(frozen=True, slots=True)
class Expected:
    """What a trainee should make of a call or report. ``grid`` is the true place (a grid, village or
    town code) even when the caller gives a wrong address."""

    category: str | None = None
    department: str | None = None
    grid: str | None = None
    duplicate_of: str | None = None  # the inject whose case this one duplicates
    urgency: str | None = None  # normal | urgent | critical


@dataclass(frozen=True, slots=True)
class CallInject:
    """A hotline call (sim.place_call). ``says`` is spoken by TTS once answered and shown as transcript;
    the first line is the call's opening."""

    caller_number: str
    says: tuple[str, ...]
    caller_name: str = ""
    address: str = ""  # the address the caller gives (wrong when misleading)
    location_hint: str = ""  # landmarks the caller mentions
    misleading: bool = False
    patience_s: float | None = None  # hangs up if not answered by then
    expected: Expected = Expected()


@dataclass(frozen=True, slots=True)
class ReportInject:
    """A report from another channel (intake.submit). ``channel`` is the backend's code (grid, app …);
    ``channel_label`` the word the scenario used (网格员上报, 微信 …)."""

    channel: str
    channel_label: str
    text: str
    address: str = ""
    reporter_name: str = ""
    reporter_phone: str = ""
    photo: str = ""  # what the photo shows; the engine attaches a placeholder with this caption
    expected: Expected = Expected()


def reading_origin(started_at: float, duration_s: float) -> float:
    """Where scenario time 0 lies on the clock readings are stamped with: a drill started at
    ``started_at`` (wall clock) stamps an inject's readings ``origin + at_s - ago_s``. So they keep
    scenario order and stay in the past at every speed and across speed changes: the backend refuses
    readings from the future and a vehicle's positions out of time order, and the models judge
    durations (a stop in a forbidden zone) on the readings' own times."""
    return started_at - duration_s


@dataclass(frozen=True, slots=True)
class TimedReading:
    """A reading taken ``ago_s`` scenario seconds before its inject fires (``reading.ts`` is 0)."""

    ago_s: float
    reading: Reading
    line: int = 0

    def at(self, clock: float) -> Reading:
        """The reading stamped ``clock - ago_s``; ``clock`` is the inject's time on the readings' clock
        (``reading_origin(...) + at_s``)."""
        return msgspec.structs.replace(self.reading, ts=clock - self.ago_s)


@dataclass(frozen=True, slots=True)
class ReadingsInject:
    """Readings for a warning model (readings.ingest)."""

    model: str  # group_rental | hazmat_route | hazmat_storage
    readings: tuple[TimedReading, ...]

    def at(self, clock: float) -> list[Reading]:
        """Every reading stamped for an inject at ``clock`` on the readings' clock (see reading_origin)."""
        return [r.at(clock) for r in self.readings]


@dataclass(frozen=True, slots=True)
class Circle:
    lat: float
    lon: float
    radius_km: float


@dataclass(frozen=True, slots=True)
class CapInject:
    """A CAP 1.2 alert (alert.ingest_cap, status Exercise). Update and Cancel name the alert inject they
    change in ``references``."""

    event: str
    headline: str
    urgency: str
    severity: str
    certainty: str
    area_desc: str
    description: str = ""
    instruction: str = ""
    categories: tuple[str, ...] = ("Other",)
    response_types: tuple[str, ...] = ()
    area_codes: tuple[str, ...] = ()
    circle: Circle | None = None
    sender_name: str = ""
    msg_type: str = "Alert"
    references: str | None = None
    expires_s: float | None = None


@dataclass(frozen=True, slots=True)
class DepartmentResponse:
    """A department acts on the case made from inject ``case`` (case.transition), ``after_s`` after the
    case was dispatched to it; nothing happens when it never was."""

    case: str
    department: str
    after_s: float
    outcome: str  # accept | return | complete
    note: str = ""


@dataclass(frozen=True, slots=True)
class RadioInject:
    """A field unit transmits on a talk group (sim.radio)."""

    unit_id: str
    group_id: str
    text: str = ""
    emergency: bool = False
    seconds: float = 2.0


@dataclass(frozen=True, slots=True)
class MessageInject:
    """A message to field people (message.send): ``to`` is a talk group, a grid or town code, or
    directory entry ids."""

    to: tuple[str, ...]
    body: str
    medium: str = "sms"
    sender: str = ""


InjectDetail = (
    CallInject | ReportInject | ReadingsInject | CapInject | DepartmentResponse | RadioInject | MessageInject
)


@dataclass(frozen=True, slots=True)
class Inject:
    """One timed event. ``at_s`` is scenario seconds from the start; None for a department response,
    which follows the trainee's dispatch. ``trainer_note`` is never shown to trainees."""

    id: str
    at_s: float | None
    kind: str
    detail: InjectDetail
    line: int = 0
    trainer_note: str = ""

    @property
    def expected(self) -> Expected | None:
        return self.detail.expected if isinstance(self.detail, CallInject | ReportInject) else None


@dataclass(frozen=True, slots=True)
class RubricItem:
    """An expected action and its weight. ``value`` is what is expected where the action compares
    (a category, department, area code, urgency or the duplicated inject); ``fields`` the case fields
    that must be filled for ``information``."""

    action: str
    inject: str
    weight: float
    area: str
    within_s: float | None = None
    value: str | None = None
    fields: tuple[str, ...] = ()
    line: int = 0


@dataclass(frozen=True, slots=True)
class AreaTotal:
    area: str
    items: int
    weight: float


@dataclass(frozen=True, slots=True)
class Scenario:
    """A validated scenario. ``injects`` are sorted by time (file order among equal times), department
    responses last."""

    id: str
    format: int
    title: str
    level: str  # LEVELS key
    theme: str  # THEMES key
    duration_s: float
    seats: tuple[Seat, ...]
    injects: tuple[Inject, ...]
    rubric: tuple[RubricItem, ...]
    description: str = ""
    area_code: str | None = None  # the town, village or grid the drill is held for
    source: str = ""

    def inject(self, inject_id: str) -> Inject:
        for inject in self.injects:
            if inject.id == inject_id:
                return inject
        raise KeyError(inject_id)

    def rubric_summary(self) -> list[AreaTotal]:
        """Items and total weight per rubric area, in AREAS order (areas without items left out)."""
        totals = []
        for area in AREAS:
            items = [item for item in self.rubric if item.area == area]
            if items:
                totals.append(AreaTotal(area, len(items), sum(item.weight for item in items)))
        return totals
