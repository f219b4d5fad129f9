"""case.detail: a case with its reports and timeline, masked by role, after create, merge and unmerge."""

from __future__ import annotations

from typing import Any

import pytest

from backend.store import Store
from client_api import intake_messages as im
from client_api.errors import ErrorCode, ProtocolError
from tests.backend.test_intake_support import HOME, create, seats, served

SECOND = im.ReportInput(
    description="滨江路88号水管还在冒水",
    reporter_name="李先生",
    reporter_phone="13700003333",
    address="滨江路88号",
    lat=HOME[0],
    lon=HOME[1],
    channel="app",
)


@pytest.fixture
def intake_server(aio: Any, seeded_store: Store) -> Any:
    with served(aio, seeded_store) as server:
        yield server


async def detail(seat: Any, case_id: int) -> im.CaseDetail:
    result: im.CaseDetail = await seat.client.request("case.detail", im.GetCaseDetail(case_id=case_id))
    return result


def test_reports_and_timeline_after_create_merge_and_unmerge(
    aio: Any, seeded_store: Store, intake_server: Any
) -> None:
    case = create(aio, seeded_store, reporter_name="王女士", reporter_phone="13800001111")

    async def scenario() -> tuple[Any, ...]:
        async with seats(intake_server, "operator1", "supervisor1") as (operator, supervisor):
            fresh = await detail(operator, case.id)
            merged = await operator.api.merge_report(case.id, SECOND)
            after_merge = await detail(supervisor, case.id)
            undone = await supervisor.api.unmerge(merged.report_id, "另一处水管")
            after_unmerge = await detail(operator, case.id)
            split = await detail(operator, undone.new_case.id)
            return fresh, merged, after_merge, undone, after_unmerge, split

    fresh, merged, after_merge, undone, after_unmerge, split = aio.run(scenario())
    assert fresh.case == case
    (first,) = fresh.reports
    assert (first.channel, first.reporter_name, first.reporter_phone, first.description) == (
        "hotline",
        "王女士",
        "13800001111",
        case.description,
    )
    assert (first.merged_by, first.merged_at, first.detached_by, first.detached_at) == (
        None,
        None,
        None,
        None,
    )
    assert [(t.action, t.actor, t.role, t.seat_id, t.to_status) for t in fresh.timeline] == [
        ("created", "operator1", "operator", "S1", "received")
    ]

    assert after_merge.case.reporter_count == 2
    assert [r.id for r in after_merge.reports] == [first.id, merged.report_id]
    second = after_merge.reports[1]
    assert (second.channel, second.reporter_name, second.reporter_phone, second.address) == (
        "app",
        "李先生",
        "13700003333",
        "滨江路88号",
    )
    assert second.merged_by == "operator1" and second.merged_at is not None and second.detached_at is None
    assert [(t.action, t.actor, t.seat_id) for t in after_merge.timeline] == [
        ("created", "operator1", "S1"),
        ("merged", "operator1", "S1"),
    ]

    assert after_unmerge.case.reporter_count == 1
    detached = after_unmerge.reports[1]
    assert (detached.id, detached.detached_by) == (merged.report_id, "supervisor1")
    assert detached.detached_at is not None
    timeline = after_unmerge.timeline
    assert [(t.action, t.actor, t.role, t.seat_id) for t in timeline] == [
        ("created", "operator1", "operator", "S1"),
        ("merged", "operator1", "operator", "S1"),
        ("unmerged", "supervisor1", "supervisor", "S2"),
    ]
    assert timeline[-1].note is not None and "另一处水管" in timeline[-1].note

    assert split.case.id == undone.new_case.id
    assert [(r.description, r.merged_by) for r in split.reports] == [(SECOND.description, None)]
    assert [t.action for t in split.timeline] == ["created", "split"]


def test_confidential_reporters_are_masked_for_an_operator_not_a_supervisor(
    aio: Any, seeded_store: Store, intake_server: Any
) -> None:
    case = create(aio, seeded_store, reporter_name="王女士", reporter_phone="13800001111", confidential=True)
    plain_case = create(aio, seeded_store, "井盖缺失", reporter_name="赵先生", reporter_phone="13900002222")
    secret = im.ReportInput(
        description="同一处水管", reporter_name="钱女士", reporter_phone="13600004444", confidential=True
    )

    async def scenario() -> tuple[Any, ...]:
        async with seats(intake_server, "operator1", "supervisor1") as (operator, supervisor):
            await operator.api.merge_report(case.id, SECOND)
            await operator.api.merge_report(plain_case.id, secret)
            return (
                await detail(operator, case.id),
                await detail(supervisor, case.id),
                await detail(operator, plain_case.id),
                await detail(supervisor, plain_case.id),
            )

    as_operator, as_supervisor, plain_operator, plain_supervisor = aio.run(scenario())
    assert (as_operator.case.reporter_name, as_operator.case.reporter_phone) == ("***", "138****1111")
    assert [(r.reporter_name, r.reporter_phone) for r in as_operator.reports] == [
        ("***", "138****1111"),
        ("***", "137****3333"),  # the case is confidential: every reporter of it is kept so
    ]
    assert (as_supervisor.case.reporter_name, as_supervisor.case.reporter_phone) == ("王女士", "13800001111")
    assert [(r.reporter_name, r.reporter_phone) for r in as_supervisor.reports] == [
        ("王女士", "13800001111"),
        ("李先生", "13700003333"),
    ]
    # A confidential report in a case that is not: only that reporter is masked.
    assert [(r.reporter_name, r.reporter_phone) for r in plain_operator.reports] == [
        ("赵先生", "13900002222"),
        ("***", "136****4444"),
    ]
    assert [(r.reporter_name, r.reporter_phone) for r in plain_supervisor.reports] == [
        ("赵先生", "13900002222"),
        ("钱女士", "13600004444"),
    ]


def test_an_unknown_case_is_not_found(aio: Any, intake_server: Any) -> None:
    async def scenario() -> ProtocolError:
        async with seats(intake_server, "operator1") as (seat,):
            with pytest.raises(ProtocolError) as caught:
                await detail(seat, 999_999)
            return caught.value

    error = aio.run(scenario())
    assert (error.code, error.details["field"]) == (ErrorCode.NOT_FOUND, "case_id")
