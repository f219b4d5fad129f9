"""Typed payloads of every message, and the registry that names them.

``REQUESTS`` maps a request type to (request payload, response payload); ``EVENTS`` maps an event type
to its payload. The server, the client and ``docs/protocol.md`` are all checked against these tables.
"""

from __future__ import annotations

import msgspec

# --- shared records ---------------------------------------------------------------------------------


class Operator(msgspec.Struct, frozen=True):
    """A logged-in person."""

    username: str
    display_name: str
    role: str
    unit: str | None = None  # the department (unit) the account belongs to; None: the district center


class AreaNode(msgspec.Struct, frozen=True):
    """One node of the administrative tree: district, town, village or grid."""

    code: str
    name: str
    level: str  # district | town | village | grid
    parent_code: str | None = None


class Department(msgspec.Struct, frozen=True):
    """A unit cases are dispatched to: a district department or a town, village or grid unit."""

    code: str
    name: str
    area_code: str | None = None
    duty_phone: str | None = None
    level: str = "district"  # district | town | village | grid (区/镇/村/网格)
    parent_code: str | None = None  # the unit that dispatches on to this one; None: the district center


class Category(msgspec.Struct, frozen=True):
    """A case category: an event or object class of city management, or a 12345 appeal type."""

    code: str
    name: str
    kind: str  # event | object | appeal
    parent_code: str | None = None


class CaseRecord(msgspec.Struct, frozen=True):
    """A case (工单) as seats see it. A confidential reporter's name and phone are masked for roles
    that may not see them (GB/T 33358)."""

    id: int
    case_no: str
    category_code: str
    address: str
    description: str
    status: str
    created_at: float
    created_by: str
    seat_id: str
    grid_code: str | None = None
    appeal_type: str | None = None  # 咨询 … 表扬 as category codes A01 … A06
    urgency: str = "normal"  # normal | urgent | critical (普通/紧急/特急)
    channel: str = "hotline"  # hotline | inspector | grid | app | web | enterprise | iot
    reporter_name: str | None = None
    reporter_phone: str | None = None
    confidential: bool = False
    lat: float | None = None
    lon: float | None = None
    town_code: str | None = None
    village_code: str | None = None
    object_code: str | None = None  # 16-digit city object code (部件编码)
    deadline_at: float | None = None
    resolution: str | None = None  # answer given when closed at intake (直接办结)
    closed_at: float | None = None
    reporter_count: int = 1
    attachment_count: int = 0
    lead_department: str | None = None
    result: str | None = None  # what the department reported on completion
    satisfaction: str | None = None  # the reporter at callback: satisfied | basically_satisfied
    reopen_count: int = 0  # 重办
    supervision_level: str | None = None  # 督办 general|key|listed (一般/重点/挂牌); escalated (提级督办)
    co_departments: tuple[str, ...] = ()  # 协办 units beside the lead department
    stage_started_at: float | None = None  # when the case entered its current status
    stage_deadline_at: float | None = None  # when the current stage must be done (None: no limit)
    stage_overdue: bool = False  # the current stage's deadline passed (flagged by the backend)
    overdue: bool = False  # the completion deadline (deadline_at) passed before completion
    extension_state: str | None = None  # the last extension request: pending | approved | refused
    link_count: int = 0  # linked cases (协调联动)
    dispatched_at: float | None = None  # first dispatch
    completed_at: float | None = None  # the department's last completion report
    return_count: int = 0  # 退回
    owner_unit: str | None = None  # the unit whose desk took the case (None: the district center)


# --- requests and their responses -------------------------------------------------------------------


class Hello(msgspec.Struct):
    """First frame of a connection: who is calling and which protocol versions it speaks."""

    client: str
    versions: list[int]


class HelloOk(msgspec.Struct):
    server: str
    version: int
    node: str
    exercise: bool
    demo: bool
    last_seq: int


class Login(msgspec.Struct):
    username: str
    password: str
    seat_id: str


class LoginOk(msgspec.Struct):
    operator: Operator
    seat_id: str


class Logout(msgspec.Struct):
    pass


class LogoutOk(msgspec.Struct):
    pass


class Subscribe(msgspec.Struct):
    """Start receiving events; ``from_seq`` is the last sequence number the client already has."""

    from_seq: int = 0


class SubscribeOk(msgspec.Struct):
    last_seq: int
    replayed: int


class Ping(msgspec.Struct):
    pass


class Pong(msgspec.Struct):
    server_time: float


class GetReference(msgspec.Struct):
    """Ask for the reference data a seat needs: areas, departments, categories."""


class Reference(msgspec.Struct):
    areas: list[AreaNode]
    departments: list[Department]
    categories: list[Category]


class CreateCase(msgspec.Struct):
    category_code: str
    address: str
    description: str
    grid_code: str | None = None
    appeal_type: str | None = None
    urgency: str = "normal"
    channel: str = "hotline"
    reporter_name: str | None = None
    reporter_phone: str | None = None
    confidential: bool = False
    lat: float | None = None
    lon: float | None = None
    object_code: str | None = None
    call_id: int | None = None  # the call this case was taken on
    intake_item_id: int | None = None  # the inbox item it was taken from
    resolution: str | None = None  # set: answered and closed at intake (直接办结), no dispatch
    attachment_ids: list[int] = []  # uploaded with attachment.upload by this operator, not yet used


class CaseCreated(msgspec.Struct):
    case: CaseRecord


class ListCases(msgspec.Struct):
    """Newest first; ``before_id`` pages backwards."""

    limit: int = 200
    before_id: int | None = None


class CaseList(msgspec.Struct):
    cases: list[CaseRecord]
    last_seq: int


class GetStatus(msgspec.Struct):
    """Ask how the backend is: database kind, schema revision, counts."""


class Status(msgspec.Struct):
    database: str
    schema_revision: str
    cases: int
    last_seq: int
    connected_seats: int


class AttachmentInfo(msgspec.Struct, frozen=True):
    id: int
    name: str
    mime: str
    size: int
    sha256: str
    uploaded_by: str
    uploaded_at: float
    case_id: int | None = None


class UploadAttachment(msgspec.Struct):
    """A file for a case being entered (at most 700 KiB, so that the frame stays under 1 MiB)."""

    name: str
    mime: str
    data: bytes  # base64 in JSON


class AttachmentUploaded(msgspec.Struct):
    attachment: AttachmentInfo


class GetAttachment(msgspec.Struct):
    attachment_id: int


class AttachmentData(msgspec.Struct):
    attachment: AttachmentInfo
    data: bytes


class ErrorPayload(msgspec.Struct):
    code: str
    message: str
    details: dict[str, object] = {}


REQUESTS: dict[str, tuple[type[msgspec.Struct], type[msgspec.Struct]]] = {
    "hello": (Hello, HelloOk),
    "login": (Login, LoginOk),
    "logout": (Logout, LogoutOk),
    "subscribe": (Subscribe, SubscribeOk),
    "ping": (Ping, Pong),
    "reference.get": (GetReference, Reference),
    "case.create": (CreateCase, CaseCreated),
    "case.list": (ListCases, CaseList),
    "status.get": (GetStatus, Status),
    "attachment.upload": (UploadAttachment, AttachmentUploaded),
    "attachment.get": (GetAttachment, AttachmentData),
}

# --- server-pushed events ---------------------------------------------------------------------------


class CaseCreatedEvent(msgspec.Struct):
    case: CaseRecord


class ResyncRequired(msgspec.Struct):
    """The server could not replay what the client missed; it must reload its state."""

    reason: str
    last_seq: int


EVENTS: dict[str, type[msgspec.Struct]] = {
    "case.created": CaseCreatedEvent,
    "resync.required": ResyncRequired,
}

# Requests allowed before login.
PUBLIC_REQUESTS = frozenset({"hello", "login", "ping"})
