"""Typed commands of the intake capability on a SeatClient (see docs/protocol-intake.md)."""

from __future__ import annotations

from client_api import intake_messages as im
from client_api.client import SeatClient


class IntakeApi:
    """What the case form asks the backend while an operator types."""

    def __init__(self, client: SeatClient) -> None:
        self.client = client

    async def search_categories(self, query: str, limit: int = 10) -> list[im.CategoryMatch]:
        result: im.CategoryMatches = await self.client.request(
            "category.search", im.SearchCategories(query=query, limit=limit)
        )
        return result.matches

    async def suggest_category(self, description: str, limit: int = 3) -> list[im.CategorySuggestion]:
        result: im.CategorySuggestions = await self.client.request(
            "case.suggest_category", im.SuggestCategory(description=description, limit=limit)
        )
        return result.suggestions

    async def compute_deadline(
        self,
        category_code: str,
        urgency: str = "normal",
        at: float | None = None,
        appeal_type: str | None = None,
    ) -> im.Deadline:
        req = im.ComputeDeadline(category_code=category_code, urgency=urgency, at=at, appeal_type=appeal_type)
        result: im.Deadline = await self.client.request("deadline.compute", req)
        return result

    async def complete_location(self, prefix: str, limit: int = 10) -> list[im.Place]:
        result: im.Places = await self.client.request(
            "location.complete", im.CompleteLocation(prefix=prefix, limit=limit)
        )
        return result.places

    async def resolve_location(
        self, address: str | None = None, lat: float | None = None, lon: float | None = None
    ) -> im.ResolvedLocation:
        result: im.ResolvedLocation = await self.client.request(
            "location.resolve", im.ResolveLocation(address=address, lat=lat, lon=lon)
        )
        return result

    async def find_duplicates(self, query: im.FindDuplicates) -> im.DuplicateCandidates:
        result: im.DuplicateCandidates = await self.client.request("case.find_duplicates", query)
        return result

    async def merge_report(self, case_id: int, report: im.ReportInput) -> im.ReportMerged:
        result: im.ReportMerged = await self.client.request(
            "case.merge_report", im.MergeReport(case_id=case_id, report=report)
        )
        return result

    async def unmerge(self, report_id: int, reason: str) -> im.Unmerged:
        result: im.Unmerged = await self.client.request(
            "case.unmerge", im.Unmerge(report_id=report_id, reason=reason)
        )
        return result

    async def search_kb(self, query: str, limit: int = 5) -> list[im.KbArticle]:
        result: im.KbArticles = await self.client.request("kb.search", im.SearchKb(query=query, limit=limit))
        return result.articles
