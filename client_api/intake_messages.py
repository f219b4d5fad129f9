"""Messages of the intake capability (see docs/protocol-intake.md). Merged into client_api.registry.

What makes the case form fast and right: category search and suggestion, time limits, address completion
and resolution to grids, duplicate candidates, merging a report into a case (and undoing it), and
knowledge-base answers for consultations closed at intake.
"""

from __future__ import annotations

import msgspec

from client_api.lifecycle_records import Callback, Consultation, Extension, LinkedCase
from client_api.messages import AttachmentInfo, CaseRecord

# --- categories -------------------------------------------------------------------------------------


class SearchCategories(msgspec.Struct, kw_only=True):
    """Find case categories by name, code or pinyin initials (``zls`` → 自来水管破裂)."""

    query: str
    limit: int = 10


class CategoryMatch(msgspec.Struct, kw_only=True):
    code: str
    name: str
    kind: str
    parent_code: str | None = None
    parent_name: str | None = None
    score: float  # 0..100, higher is better
    matched: str  # code | name | pinyin | keyword | parent


class CategoryMatches(msgspec.Struct, kw_only=True):
    matches: list[CategoryMatch]


class SuggestCategory(msgspec.Struct, kw_only=True):
    """Guess the category of a case from what the caller said."""

    description: str
    limit: int = 3


class CategorySuggestion(msgspec.Struct, kw_only=True):
    code: str
    name: str
    confidence: float  # 0..1
    keywords: list[str] = []  # the taxonomy keywords found in the description


class CategorySuggestions(msgspec.Struct, kw_only=True):
    suggestions: list[CategorySuggestion]


# --- time limits ------------------------------------------------------------------------------------


class ComputeDeadline(msgspec.Struct, kw_only=True):
    """When a case of this category and urgency, received at ``at`` (default now), is due."""

    category_code: str
    urgency: str = "normal"
    at: float | None = None
    appeal_type: str | None = None


class TimeLimit(msgspec.Struct, kw_only=True):
    amount: int
    unit: str  # minutes | hours | working_hours | working_days
    rule: str  # the time-limit table row that gave it: a code, "kind:event", "*"


class Deadline(msgspec.Struct, kw_only=True):
    deadline_at: float
    limit: TimeLimit
    dispatch_deadline_at: float | None = None  # city management: register and dispatch by then
    dispatch_limit: TimeLimit | None = None


# --- location ---------------------------------------------------------------------------------------


class CompleteLocation(msgspec.Struct, kw_only=True):
    """Gazetteer entries matching what the operator typed (substring or pinyin initials)."""

    prefix: str
    limit: int = 10


class Place(msgspec.Struct, kw_only=True):
    id: str
    name: str
    kind: str  # address | school | market | hospital | residential | landmark | government | …
    address: str
    lat: float
    lon: float
    town_code: str | None = None
    village_code: str | None = None
    grid_code: str | None = None


class Places(msgspec.Struct, kw_only=True):
    places: list[Place]


class ResolveLocation(msgspec.Struct, kw_only=True):
    """Coordinates and town/village/grid of an address, or of a point."""

    address: str | None = None
    lat: float | None = None
    lon: float | None = None


class ResolvedLocation(msgspec.Struct, kw_only=True):
    lat: float | None = None
    lon: float | None = None
    town_code: str | None = None
    village_code: str | None = None
    grid_code: str | None = None
    precision: str  # point | exact | interpolated | landmark | none
    place: Place | None = None  # the gazetteer entry the address matched


# --- duplicates -------------------------------------------------------------------------------------


class FindDuplicates(msgspec.Struct, kw_only=True):
    """Open cases that may be the same problem as the one being entered. Any field may be left out."""

    category_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    object_code: str | None = None
    description: str | None = None
    reporter_phone: str | None = None
    address: str | None = None
    limit: int = 10


class DuplicateCandidate(msgspec.Struct, kw_only=True):
    case: CaseRecord
    distance_m: float | None = None
    age_s: float
    reporter_count: int
    reasons: list[str]  # same_object | nearby_same_category | similar_description | same_caller_same_place
    score: float
    text_similarity: float | None = None  # 0..100


class DuplicateCandidates(msgspec.Struct, kw_only=True):
    candidates: list[DuplicateCandidate]
    radius_m: float
    window_h: float


# --- merge and undo ---------------------------------------------------------------------------------


class ReportInput(msgspec.Struct, kw_only=True):
    """One report of a problem: who reported it, through which channel, what they said, where."""

    description: str
    reporter_name: str | None = None
    reporter_phone: str | None = None
    confidential: bool = False
    address: str | None = None
    lat: float | None = None
    lon: float | None = None
    channel: str = "hotline"
    call_id: int | None = None
    intake_item_id: int | None = None


class MergeReport(msgspec.Struct, kw_only=True):
    """Add a report to an open case instead of opening a duplicate."""

    case_id: int
    report: ReportInput


class ReportMerged(msgspec.Struct, kw_only=True):
    case: CaseRecord
    report_id: int
    case_no: str  # to tell the caller


class Unmerge(msgspec.Struct, kw_only=True):
    """Undo a merge (supervisors): detach the report and open a case of its own for it."""

    report_id: int
    reason: str


class Unmerged(msgspec.Struct, kw_only=True):
    case: CaseRecord  # the case the report left
    new_case: CaseRecord


# --- knowledge base ---------------------------------------------------------------------------------


class SearchKb(msgspec.Struct, kw_only=True):
    query: str
    limit: int = 5


class KbArticle(msgspec.Struct, kw_only=True):
    id: int
    title: str
    answer: str
    keywords: list[str]
    category_code: str | None = None
    score: float


class KbArticles(msgspec.Struct, kw_only=True):
    articles: list[KbArticle]


# --- grid map ---------------------------------------------------------------------------------------


class GetGrids(msgspec.Struct, kw_only=True):
    """The grid polygons of the district, for the map the operator picks a case's location on."""


class GridPolygon(msgspec.Struct, kw_only=True):
    code: str
    name: str
    village_code: str
    town_code: str
    rings: list[list[tuple[float, float]]]  # [[lat, lon], ...]; the outline first, then any holes


class Grids(msgspec.Struct, kw_only=True):
    grids: list[GridPolygon]


# --- case detail ------------------------------------------------------------------------------------


class GetCaseDetail(msgspec.Struct, kw_only=True):
    """A case with its reports and timeline, for the case detail view."""

    case_id: int


class CaseReport(msgspec.Struct, kw_only=True):
    """One report of a case. A confidential reporter is masked like the case's."""

    id: int
    received_at: float
    channel: str
    reporter_name: str | None = None
    reporter_phone: str | None = None
    confidential: bool = False
    description: str
    address: str | None = None
    merged_by: str | None = None  # set when the report joined an existing case
    merged_at: float | None = None
    detached_by: str | None = None  # set when a supervisor undid the merge
    detached_at: float | None = None


class TimelineEntry(msgspec.Struct, kw_only=True):
    ts: float
    actor: str
    role: str
    seat_id: str | None = None
    action: str  # created | closed | merged | unmerged | split | …
    from_status: str | None = None
    to_status: str | None = None
    note: str | None = None
    department_code: str | None = None  # the unit the case was with (the new one for a dispatch)


class CaseDetail(msgspec.Struct, kw_only=True):
    case: CaseRecord
    reports: list[CaseReport]  # oldest first
    timeline: list[TimelineEntry]  # oldest first
    attachments: list[AttachmentInfo] = []
    links: list[LinkedCase] = []
    consultations: list[Consultation] = []  # newest first
    extensions: list[Extension] = []  # newest first
    callbacks: list[Callback] = []  # oldest first


REQUESTS: dict[str, tuple[type[msgspec.Struct], type[msgspec.Struct]]] = {
    "category.search": (SearchCategories, CategoryMatches),
    "case.suggest_category": (SuggestCategory, CategorySuggestions),
    "deadline.compute": (ComputeDeadline, Deadline),
    "location.complete": (CompleteLocation, Places),
    "location.resolve": (ResolveLocation, ResolvedLocation),
    "case.find_duplicates": (FindDuplicates, DuplicateCandidates),
    "case.merge_report": (MergeReport, ReportMerged),
    "case.unmerge": (Unmerge, Unmerged),
    "case.detail": (GetCaseDetail, CaseDetail),
    "kb.search": (SearchKb, KbArticles),
    "geo.grids": (GetGrids, Grids),
}

# --- events -----------------------------------------------------------------------------------------


class CaseUpdatedEvent(msgspec.Struct):
    """A case changed (a report merged into it or detached from it); seats replace their copy."""

    case: CaseRecord


EVENTS: dict[str, type[msgspec.Struct]] = {
    "case.updated": CaseUpdatedEvent,
}
