"""The Qt side's access to what makes the form fast: suggestions, deadlines, places, duplicates, answers.

Every call is "latest wins": a slower answer to an older question is dropped, so what the operator sees
always matches what is in the form now.
"""

from __future__ import annotations

from typing import Any, TypeVar

import msgspec

from app.seat_service import SeatService
from client_api import intake_messages as xm

T = TypeVar("T")


class Stale(Exception):
    """A newer request of the same kind was sent meanwhile; drop this answer."""


class IntakeService:
    def __init__(self, seat: SeatService) -> None:
        self._seat = seat
        self._generation: dict[str, int] = {}

    async def _latest(self, type_: str, payload: msgspec.Struct) -> Any:
        generation = self._generation.get(type_, 0) + 1
        self._generation[type_] = generation
        result = await self._seat.client.request(type_, payload)
        if self._generation[type_] != generation:
            raise Stale(type_)
        return result

    async def suggest(self, description: str) -> list[xm.CategorySuggestion]:
        result: xm.CategorySuggestions = await self._latest(
            "case.suggest_category", xm.SuggestCategory(description=description)
        )
        return result.suggestions

    async def deadline(self, category_code: str, urgency: str, appeal_type: str | None) -> xm.Deadline:
        request = xm.ComputeDeadline(category_code=category_code, urgency=urgency, appeal_type=appeal_type)
        result: xm.Deadline = await self._latest("deadline.compute", request)
        return result

    async def complete(self, prefix: str) -> list[xm.Place]:
        result: xm.Places = await self._latest("location.complete", xm.CompleteLocation(prefix=prefix))
        return result.places

    async def resolve(self, address: str) -> xm.ResolvedLocation:
        result: xm.ResolvedLocation = await self._latest(
            "location.resolve", xm.ResolveLocation(address=address)
        )
        return result

    async def resolve_point(self, lat: float, lon: float) -> xm.ResolvedLocation:
        result: xm.ResolvedLocation = await self._seat.client.request(
            "location.resolve", xm.ResolveLocation(lat=lat, lon=lon)
        )
        return result

    async def duplicates(self, query: xm.FindDuplicates) -> xm.DuplicateCandidates:
        result: xm.DuplicateCandidates = await self._latest("case.find_duplicates", query)
        return result

    async def merge(self, case_id: int, report: xm.ReportInput) -> xm.ReportMerged:
        result: xm.ReportMerged = await self._seat.client.request(
            "case.merge_report", xm.MergeReport(case_id=case_id, report=report)
        )
        self._seat.cases.upsert(result.case)
        return result

    async def answers(self, query: str) -> list[xm.KbArticle]:
        result: xm.KbArticles = await self._latest("kb.search", xm.SearchKb(query=query))
        return result.articles
