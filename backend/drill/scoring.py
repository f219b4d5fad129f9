"""Scores of a drill from its scenario's rubric and its log: a pure function, the same log gives the same
scores. Each rubric item belongs to one inject; the trainee who took the inject (answered the call,
took or filed the report, acknowledged the alert) owns it and is judged on it: the case made from a call
is the answering trainee's, with its category, place and dispatch. An item of an inject no trainee took
is charged to every trainee. Items of injects that never fired (a drill stopped early) are not judged.

Running scores (``final`` False, at scenario time ``now_t``) leave out items still open: no evidence
yet and their time limit not passed. Deductions say, in Chinese, what happened and what was expected.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from backend.drill.scenario_model import AREAS, Scenario
from backend.drill.scoring_evidence import Evidence, Judgement, judge
from client_api.drill_messages import AreaScore, Assignment, Deduction, LogEntry, TraineeScore


@dataclass(frozen=True, slots=True)
class Judged:
    """One rubric item judged for the trainee it is charged to."""

    username: str
    area: str
    weight: float
    judgement: Judgement


def score_drill(
    scenario: Scenario,
    assignments: tuple[Assignment, ...] | list[Assignment],
    entries: list[LogEntry],
    names: Mapping[str, str],
    *,
    final: bool = True,
    now_t: float | None = None,
) -> list[TraineeScore]:
    """A TraineeScore per assigned trainee, in the order of ``assignments``."""
    evidence = Evidence(entries, {a.username for a in assignments}, names)
    judged = judge_items(scenario, evidence, [a.username for a in assignments], final, now_t)
    return [_trainee_score(a, [j for j in judged if j.username == a.username]) for a in assignments]


def judge_items(
    scenario: Scenario,
    evidence: Evidence,
    trainees: list[str],
    final: bool,
    now_t: float | None,
) -> list[Judged]:
    judged = []
    for item in scenario.rubric:
        fired = evidence.fired_t(item.inject)
        if fired is None:
            continue
        try:
            inject = scenario.inject(item.inject)
        except KeyError:
            continue
        owner = evidence.owner(inject)
        result = judge(item, scenario, inject, evidence, fired, final, now_t)
        if result is None:  # still open
            continue
        for username in [owner] if owner is not None else trainees:
            judged.append(Judged(username, item.area, item.weight, result))
    return judged


def _trainee_score(assignment: Assignment, judged: list[Judged]) -> TraineeScore:
    areas = []
    for area in AREAS:
        mine = [j for j in judged if j.area == area]
        if mine:
            top = sum(j.weight for j in mine)
            lost = sum(j.weight * j.judgement.lost for j in mine)
            areas.append(AreaScore(area=area, score=_points(top - lost), max=_points(top)))
    deductions = tuple(
        Deduction(
            area=j.area,
            points=_points(j.weight * j.judgement.lost),
            reason=j.judgement.reason,
            ref=j.judgement.ref,
        )
        for j in judged
        if j.judgement.lost > 0
    )
    return TraineeScore(
        username=assignment.username,
        slot_id=assignment.slot_id,
        total=_points(sum(a.score for a in areas)),
        max=_points(sum(a.max for a in areas)),
        areas=tuple(areas),
        deductions=deductions,
    )


def _points(value: float) -> float:
    return round(value + 0.0, 2)
