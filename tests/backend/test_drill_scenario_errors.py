"""Broken drill scenario files: each problem is reported with the line it is on and what is wrong, and
all problems of a file are reported at once (up to 50). Problems of each inject kind:
test_drill_inject_errors.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from backend.drill.scenario import load_all, load_scenario, parse_scenario
from backend.drill.scenario_model import ScenarioError
from tests.backend.drill_scenario_support import BASE, changed, line, problems, with_injects


def test_the_base_snippet_is_valid() -> None:
    scenario = parse_scenario(BASE, "water-main.yaml")
    assert scenario.id == "water-main" and [i.id for i in scenario.injects] == ["c1", "c2", "a1"]


CASES = [
    pytest.param(
        changed("expected: {category: E0502", "expected: {category: P9999"),
        "P9999",
        "inject c1 (call): category 'P9999' is not in the taxonomy",
        id="category-not-in-taxonomy",
    ),
    pytest.param(
        changed("category: E0502", "category: E05"),
        "E05,",
        "inject c1 (call): category 'E05' is a major class; expect one of its own: E0501 路面塌陷",
        id="category-major-class",
    ),
    pytest.param(
        changed("duration: 20m", "duration: '90'"),
        "duration",
        "duration must be like 30m or 1h30m, not '90'",
        id="duration-bare-number",
    ),
    pytest.param(
        changed("    address: 滨江路88号\n", "    adress: 滨江路88号\n"),
        "adress",
        "unknown key 'adress' in inject c1 (call) (did you mean 'address'?)",
        id="unknown-key",
    ),
    pytest.param(
        changed("title: 测试演练", "titel: 测试演练"),
        "titel",
        "unknown key 'titel' (did you mean 'title'?)",
        id="unknown-top-key",
    ),
    pytest.param(
        changed("  - id: c2\n    at: 1m", "  - id: c2\n    at: 21m"),
        "at: 21m",
        "inject c2 (call): at 21m is after the end of the scenario (20m)",
        id="time-beyond-duration",
    ),
    pytest.param(
        changed("  - id: c2\n", "  - id: c1  # the second c1\n"),
        "the second c1",
        "inject id 'c1' is used twice (first on line 11)",
        id="duplicate-inject-id",
    ),
    pytest.param(
        changed("{duplicate_of: c1}", "{duplicate_of: c9}"),
        "duplicate_of",
        "inject c2 (call): duplicate_of 'c9' is not an inject of this scenario",
        id="reference-to-missing-inject",
    ),
    pytest.param(
        changed("{duplicate_of: c1}", "{duplicate_of: a1}"),
        "duplicate_of",
        "inject c2 (call): duplicate_of 'a1' is a cap inject, not a call or a report",
        id="reference-to-wrong-kind",
    ),
    pytest.param(
        changed("inject: c1, weight: 2}", "inject: c1, weight: heavy}"),
        "weight: heavy",
        "rubric item 2 (category): weight must be a number, not 'heavy'",
        id="wrong-type-number",
    ),
    pytest.param(
        changed("says: 滨江路那边水一直在冒", "says: {text: 滨江路那边水一直在冒}"),
        "says: {text",
        "inject c2 (call): says must be text or a list of texts, not a mapping",
        id="wrong-type-text",
    ),
    pytest.param(
        changed("inject: c1, weight: 2}", "inject: c1, weight: -2}"),
        "weight: -2",
        "rubric item 2 (category): weight must be more than 0, not -2",
        id="weight-not-positive",
    ),
    pytest.param(
        changed("action: category", "action: categry"),
        "categry",
        "rubric item 2: action must be one of answer_within, information, category, urgency, location, "
        "department, duplicate, alert_ack, dispatch_within, not 'categry' (did you mean 'category'?)",
        id="unknown-action",
    ),
    pytest.param(
        changed("{action: duplicate, inject: c2", "{action: duplicate, inject: c1"),
        "action: duplicate",
        "rubric item 3 (duplicate): inject 'c1' has no expected duplicate_of; "
        "give it in the inject's expected",
        id="rubric-without-expectation",
    ),
    pytest.param(
        changed("inject: a1, within: 1m", "inject: a7, within: 1m"),
        "a7",
        "rubric item 4 (alert_ack): inject 'a7' is not an inject of this scenario",
        id="rubric-missing-inject",
    ),
    pytest.param(
        changed("department: D-SW", "department: D-XX"),
        "D-XX",
        "inject c1 (call): department 'D-XX' is not a unit of the district",
        id="unknown-department",
    ),
    pytest.param(
        changed('grid: "32099900100101"', 'grid: "32099900100199"'),
        "32099900100199",
        "inject c1 (call): grid '32099900100199' is not a town, village or grid code of the district",
        id="unknown-grid",
    ),
    pytest.param(
        changed('grid: "32099900100101"', 'grid: "32099900200101"'),
        "address: 滨江路88号",
        "inject c1 (call): address '滨江路88号' lies in 滨江社区第1网格 (32099900100101), "
        "outside the expected 东湖村第1网格 (32099900200101); flag the caller misleading if that is meant",
        id="address-outside-expected-grid",
    ),
    pytest.param(
        changed("address: 滨江路88号", "address: 火星路1号"),
        "火星路",
        "inject c1 (call): address '火星路1号' is not in the demo district's gazetteer",
        id="address-unknown",
    ),
    pytest.param(
        changed('caller_number: "13812345678"', "caller_number: call-me"),
        "call-me",
        "inject c1 (call): caller_number must be a phone number like 13812345678 or 0512-66010001, "
        "not 'call-me'",
        id="phone-shape",
    ),
    pytest.param(
        changed("    says: 滨江路那边水一直在冒\n", "    says: 滨江路那边水一直在冒\n    misleading: true\n"),
        "misleading",
        "inject c2 (call): a misleading caller needs a trainer_note that says what is true",
        id="misleading-without-truth",
    ),
    pytest.param(
        changed("severity: Moderate", "severity: Bad"),
        "severity: Bad",
        "inject a1 (cap): severity must be one of Extreme, Severe, Moderate, Minor, Unknown, not 'Bad'",
        id="cap-value",
    ),
    pytest.param(
        changed("level: 镇", "level: 村"),
        'area: "320999001"',
        "area 320999001 (临江街道) is a town, but the level is 村 (village)",
        id="area-of-another-level",
    ),
    pytest.param(
        changed("format: 1", "format: 2"),
        "format",
        "format 2 is not known; this version reads format 1",
        id="format-version",
    ),
    pytest.param(
        changed("    at: 1m\n    kind: call", "    at: 1m\n    kind: cal  # typo"),
        "# typo",
        "inject 2: kind must be one of call, report, readings, cap, department_response, radio, message, "
        "not 'cal' (did you mean 'call'?)",
        id="unknown-kind",
    ),
    pytest.param(
        changed("  - trainer\n", "  - {id: seat-1, role: trainer}\n"),
        "role: trainer",
        "seat id 'seat-1' is used twice (first on line 8)",
        id="duplicate-seat",
    ),
]


@pytest.mark.parametrize(("text", "marker", "message"), CASES)
def test_a_problem_names_its_line_and_what_is_wrong(text: str, marker: str, message: str) -> None:
    found = problems(text)
    assert any(p.startswith(f"{line(text, marker)}: {message}") for p in found), found


def test_every_problem_is_reported_sorted_by_line() -> None:
    text = (
        changed("title: 测试演练", "titel: 测试演练")
        .replace("category: E0502", "category: P9999")
        .replace("{duplicate_of: c1}", "{duplicate_of: c9}")
        .replace("action: category", "action: categry")
    )
    found = problems(text)
    assert len(found) == 5  # titel is unknown and title is missing
    assert [int(p.split(":")[0]) for p in found] == sorted(int(p.split(":")[0]) for p in found)


def test_at_most_fifty_problems_are_listed_and_the_rest_counted() -> None:
    bad = "".join(
        f"  - {{id: b{n}, at: 3m, kind: call, caller_number: '13800000000', says: 喂,\n"
        f"     expected: {{category: Z{n}}}}}\n"
        for n in range(60)
    )
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(with_injects(bad), "big.yaml")
    assert len(caught.value.errors) == 50 and caught.value.more == 10
    lines = str(caught.value).splitlines()
    assert lines[0].startswith("big.yaml:") and "category 'Z0' is not in the taxonomy" in lines[0]
    assert lines[-1] == "big.yaml: … and 10 more problems"


def test_yaml_that_does_not_parse_names_its_line() -> None:
    text = changed("    says: 滨江路那边水一直在冒\n", "    says: [滨江路那边水一直在冒\n")
    found = problems(text)
    assert len(found) == 1 and found[0].split(":")[1].strip() == "not valid YAML"


def test_a_file_names_itself_in_errors_and_a_bad_file_does_not_hide_the_good_ones(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(BASE, encoding="utf-8")
    (tmp_path / "bad.yaml").write_text(changed("category: E0502", "category: P9999"), encoding="utf-8")
    (tmp_path / "zcopy.yaml").write_text(
        BASE.replace("format: 1\n", "format: 1\nid: good\n"), encoding="utf-8"
    )
    (tmp_path / "latin1.yaml").write_bytes("title: café".encode("latin-1"))
    found = load_all(tmp_path)
    assert [s.id for s in found.scenarios] == ["good"]
    errors = {e.source: str(e) for e in found.errors}
    assert (
        errors["bad.yaml"]
        == f"bad.yaml:{line(BASE, 'E0502')}: inject c1 (call): category 'P9999' is not in the taxonomy"
    )
    assert errors["zcopy.yaml"] == "zcopy.yaml:1: scenario id 'good' is already used by good.yaml"
    assert errors["latin1.yaml"].startswith("latin1.yaml:1: the file is not UTF-8 text")
    with pytest.raises(ScenarioError, match=r"^empty.yaml:1: the file is empty$"):
        (tmp_path / "empty.yaml").write_text("# nothing\n", encoding="utf-8")
        load_scenario(tmp_path / "empty.yaml")


def test_codes_and_numbers_written_without_quotes_are_taken_as_written() -> None:
    """YAML reads 32099900100101 and 13812345678 as integers and 0512… as octal; codes keep their text."""
    text = (
        BASE.replace('caller_number: "13812345678"', "caller_number: 13812345678")
        .replace('grid: "32099900100101"', "grid: 32099900100101")
        .replace('codes: ["320999001"]', "codes: [0320999001, 320999001]")
    )
    found = problems(text)
    assert found == [
        f"{line(text, '0320999001')}: inject a1 (cap): area code '0320999001' is not a town, "
        "village or grid of the district"
    ]
    scenario = parse_scenario(text.replace("0320999001, ", ""))
    call = scenario.inject("c1")
    assert call.expected is not None and call.expected.grid == "32099900100101"
    assert getattr(call.detail, "caller_number", None) == "13812345678"
