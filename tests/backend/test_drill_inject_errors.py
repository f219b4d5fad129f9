"""Problems of injects of each kind (readings, radio, message, department response, CAP update) in a
drill scenario, each reported on its line."""

from __future__ import annotations

import pytest

from backend.drill.scenario import parse_scenario
from tests.backend.drill_scenario_support import line, problems, with_injects

CASES = [
    pytest.param(
        "  - {id: r1, at: 3m, kind: readings, model: group_rental,\n"
        "     readings: [{household: H-9999, water: 1}]}\n",
        "H-9999",
        "inject r1 (readings): unknown household 'H-9999'",
        id="unknown-household",
    ),
    pytest.param(
        "  - id: r1\n    at: 3m\n    kind: readings\n    model: hazmat_route\n    readings:\n"
        "      - {vehicle: V-03, lat: 39.9, lon: 116.4, speed_kmh: 40}\n",
        "39.9",
        "inject r1 (readings): position (39.9, 116.4) is outside the district",
        id="position-outside-district",
    ),
    pytest.param(
        "  - {id: x1, at: 3m, kind: radio, unit_id: radio-1, text: 收到}\n",
        "radio-1",
        "inject x1 (radio): unit_id must look like unit-01, not 'radio-1'",
        id="radio-unit-shape",
    ),
    pytest.param(
        "  - {id: x1, at: 3m, kind: radio, unit_id: unit-06, group_id: tg-city, text: 收到}\n",
        "tg-city",
        "inject x1 (radio): unit-06 is not on talk group tg-city (its groups: tg-district, tg-emergency)",
        id="radio-unit-not-on-group",
    ),
    pytest.param(
        "  - {id: m1, at: 3m, kind: message, to: [tg-district, '32099900100101'], body: 注意}\n",
        "tg-district",
        "inject m1 (message): to names one talk group, one grid or one town, or directory entries; not a mix",
        id="message-mixed-audience",
    ),
    pytest.param(
        "  - {id: d1, at: 3m, kind: department_response, case: c1, department: D-SW, after: 1m,\n"
        "     outcome: accept}\n",
        "id: d1",
        "inject d1 (department_response): a department response has no at: "
        "it comes after the dispatch (use after)",
        id="response-with-at",
    ),
    pytest.param(
        "  - {id: d1, kind: department_response, case: c1, department: D-SW, after: 5m, outcome: complete, "
        "note: 已修复}\n",
        "id: d1",
        "inject d1 (department_response): D-SW completes case 'c1' without accepting it first "
        "(add an accept with a smaller after)",
        id="complete-without-accept",
    ),
    pytest.param(
        "  - {id: d1, kind: department_response, case: c1, department: D-SW, after: 1m, outcome: return}\n",
        "id: d1",
        "inject d1 (department_response): outcome 'return' needs a note: the department's reason",
        id="return-without-reason",
    ),
    pytest.param(
        "  - {id: a2, at: 4m, kind: cap, msg_type: Update, event: 暴雨, urgency: Expected, severity: Severe, "
        "certainty: Likely, headline: 升级, area: {desc: 临江街道}}\n",
        "id: a2",
        "inject a2 (cap): an Update needs references: the id of the cap inject it changes",
        id="cap-update-without-reference",
    ),
]


@pytest.mark.parametrize(("extra", "marker", "message"), CASES)
def test_a_problem_of_an_added_inject_names_its_line(extra: str, marker: str, message: str) -> None:
    text = with_injects(extra)
    assert any(p.startswith(f"{line(text, marker)}: {message}") for p in problems(text)), problems(text)


def test_readings_that_raise_no_alert_cannot_be_acknowledged() -> None:
    """One day of a household's usage is not enough for the group rental model (3 days): no alert."""
    text = with_injects(
        "  - id: r1\n    at: 3m\n    kind: readings\n    model: group_rental\n    readings:\n"
        "      - {household: H-0014, water: 1.5, electricity: 40, parcels: 5}\n"
    ).replace("inject: a1, within: 1m", "inject: r1, within: 1m")
    expected = (
        "rubric item 4 (alert_ack): 'r1' raises no alert with the group_rental model's shipped rules, "
        "so there is nothing to acknowledge"
    )
    assert f"{line(text, 'inject: r1')}: {expected}" in problems(text)
    three_days = text.replace(
        "      - {household: H-0014, water: 1.5, electricity: 40, parcels: 5}\n",
        "".join(
            f"      - {{household: H-0014, ago: {d}d, water: 1.5, electricity: 40, parcels: 5}}\n"
            for d in (2, 1, 0)
        ),
    )
    assert parse_scenario(three_days).rubric[-1].inject == "r1"
