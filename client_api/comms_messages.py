"""Messages of converged communications (see docs/protocol-comms.md). Merged into client_api.registry.

One directory of people and endpoints with live presence; voice calls through a telephony adapter
(SIP to a PBX, or the simulated adapter of drills and demos) with hold, mute, transfer and
conferences; radio talk groups with push-to-talk, emergency alarms and patches; SMS/IM messages with
receipts; video sessions with field units. Calls, messages and radio traffic tied to a case are
written into the case's timeline.
"""

from __future__ import annotations

import msgspec

# --- directory and presence -------------------------------------------------------------------------

ENTRY_KINDS = ("department", "center", "grid_member", "field_unit", "person")
PRESENCE = ("available", "busy", "in_call", "off_duty", "offline")


class DirectoryEntry(msgspec.Struct, frozen=True):
    """A person or endpoint that can be reached. ``initials`` are the pinyin initials of ``name``
    (张伟 → zw); ``org`` is the department or the town/village center it belongs to."""

    id: str
    name: str
    kind: str
    initials: str = ""
    org: str = ""
    role: str = ""
    town: str = ""  # area code of the town
    grid_code: str = ""
    phone: str = ""
    sip: str = ""  # sip:user@host
    radio_id: str = ""
    talk_groups: tuple[str, ...] = ()
    device: str = ""  # a field unit's device (body camera, handset …)
    video_url: str = ""  # a field unit's stream, for video sessions
    presence: str = "available"
    presence_since: float = 0.0


class SearchDirectory(msgspec.Struct):
    """Every filter that is set must match; ``text`` matches name, pinyin initials, phone, org,
    role or radio id. Results are ordered by kind then name, at most ``limit``."""

    text: str = ""
    kind: str = ""
    grid_code: str = ""
    town: str = ""
    role: str = ""
    limit: int = 200


class DirectoryResult(msgspec.Struct):
    entries: list[DirectoryEntry]


class SetPresence(msgspec.Struct):
    entry_id: str
    presence: str


class PresenceChanged(msgspec.Struct, frozen=True):
    entry_id: str
    presence: str
    since: float


# --- voice ------------------------------------------------------------------------------------------

# A call is the operator's side; its parties are the far ends (two or more parties: a conference).
COMMS_CALL_STATES = ("dialing", "ringing", "active", "held", "ended", "failed")
OPEN_COMMS_CALL_STATES = ("dialing", "ringing", "active", "held")
PARTY_STATES = ("dialing", "ringing", "connected", "held", "left", "failed")
# How a call or a party ended: answered and ended normally, or why it did not connect.
CALL_RESULTS = (
    "completed",
    "no_answer",
    "busy",
    "rejected",
    "unknown_number",
    "unreachable",
    "transferred",
    "cancelled",
)


class CallParty(msgspec.Struct, frozen=True):
    id: int  # unique within the call
    number: str  # what was dialled: a phone number, a SIP URI or an extension
    name: str = ""
    entry_id: str | None = None
    state: str = "dialing"
    muted: bool = False  # muted in the conference by the operator
    joined_at: float | None = None
    left_at: float | None = None
    result: str | None = None


class CommsCall(msgspec.Struct, frozen=True):
    """A call on the comms panel. ``direction`` is out (the seat dialled) or in (a call arrived
    through the adapter for this seat). ``consult_for`` marks the consultation leg of an attended
    transfer. ``recording_ref`` is where the telephony recorded it, when it does."""

    id: int
    owner: str  # username of the operator whose call it is
    direction: str
    state: str
    parties: tuple[CallParty, ...]
    adapter: str  # sim | sip
    started_at: float
    seat_id: str | None = None
    case_id: int | None = None
    answered_at: float | None = None
    ended_at: float | None = None
    result: str | None = None
    reason: str | None = None  # why it failed, in words
    held: bool = False
    muted: bool = False  # the operator's own microphone
    locked: bool = False  # a locked conference takes no more parties
    consult_for: int | None = None
    recording_ref: str | None = None

    @property
    def conference(self) -> bool:
        return sum(1 for p in self.parties if p.state not in ("left", "failed")) > 1


class Target(msgspec.Struct):
    """Whom to reach: a directory entry (its phone or SIP address) or a number typed in."""

    entry_id: str | None = None
    number: str | None = None


class Dial(msgspec.Struct):
    target: Target
    case_id: int | None = None


class CallRef(msgspec.Struct):
    call_id: int


class HoldComms(msgspec.Struct):
    call_id: int
    on: bool = True


class MuteComms(msgspec.Struct):
    """Mute the operator's microphone (``party_id`` None) or one conference party."""

    call_id: int
    on: bool = True
    party_id: int | None = None


class TransferComms(msgspec.Struct):
    """Blind: the far party is handed to ``target`` and the operator leaves. Attended: a consultation
    call to ``target`` starts while the first is held; complete it with comms.transfer_complete."""

    call_id: int
    target: Target
    attended: bool = False


class CompleteTransfer(msgspec.Struct):
    call_id: int  # the held call
    consult_call_id: int


class AddParty(msgspec.Struct):
    call_id: int
    target: Target


class DropParty(msgspec.Struct):
    call_id: int
    party_id: int


class LockConference(msgspec.Struct):
    call_id: int
    on: bool = True


class AttachCall(msgspec.Struct):
    """Tie a call to a case (or untie it with None); the case's timeline records it."""

    call_id: int
    case_id: int | None


class CommsCallOk(msgspec.Struct):
    call: CommsCall


class ListCommsCalls(msgspec.Struct):
    """Open calls of this operator, or the log: ended calls, newest first, of a case when given."""

    log: bool = False
    case_id: int | None = None
    limit: int = 100


class CommsCallList(msgspec.Struct):
    calls: list[CommsCall]


TELEPHONY_STATES = ("starting", "registering", "registered", "unregistered", "failed", "simulated")


class TelephonyStatus(msgspec.Struct, frozen=True):
    """The telephony adapter's link to the PBX. ``retry_at`` is when it tries again after a failure."""

    adapter: str
    state: str
    detail: str = ""
    registrar: str = ""
    retry_at: float | None = None
    since: float = 0.0


class GetTelephonyStatus(msgspec.Struct):
    pass


# --- radio ------------------------------------------------------------------------------------------


class TalkGroup(msgspec.Struct, frozen=True):
    id: str
    name: str
    members: tuple[str, ...] = ()  # directory entry ids
    patched_with: tuple[str, ...] = ()


class Transmission(msgspec.Struct, frozen=True):
    """One press of a push-to-talk: ``unit_id`` is a directory entry, or ``console:<username>``.
    Open while ``ended_at`` is None. ``text`` is the transcript (scripted units speak it through
    text-to-speech on the seats); ``audio_ref`` names recorded audio when there is any."""

    id: int
    group_id: str
    unit_id: str
    unit_name: str
    started_at: float
    ended_at: float | None = None
    text: str = ""
    audio_ref: str | None = None
    emergency: bool = False
    case_id: int | None = None


class Emergency(msgspec.Struct, frozen=True):
    """An emergency button pressed on a unit; it stays until a seat acknowledges it."""

    id: int
    unit_id: str
    unit_name: str
    group_id: str
    at: float
    lat: float | None = None
    lon: float | None = None
    acked_by: str | None = None
    acked_at: float | None = None
    note: str | None = None


class Patch(msgspec.Struct, frozen=True):
    """Two or more talk groups joined until ``until``; ``ended_at`` is set when it ends."""

    id: int
    groups: tuple[str, ...]
    by: str
    at: float
    until: float
    ended_at: float | None = None


class GetRadio(msgspec.Struct):
    pass


class RadioState(msgspec.Struct):
    """Talk groups, transmissions in progress and the last one per group, emergencies not yet
    acknowledged, and patches in force."""

    groups: list[TalkGroup]
    talking: list[Transmission]
    last: list[Transmission]
    emergencies: list[Emergency]
    patches: list[Patch]


class PushToTalk(msgspec.Struct):
    """The console's PTT: ``on`` starts a transmission on the group (refused while another holds the
    floor), off ends it. ``text`` is an optional note of what was said."""

    group_id: str
    on: bool
    text: str = ""
    case_id: int | None = None


class TransmissionOk(msgspec.Struct):
    transmission: Transmission


class AckEmergency(msgspec.Struct):
    emergency_id: int
    note: str = ""


class EmergencyOk(msgspec.Struct):
    emergency: Emergency


class PatchGroups(msgspec.Struct):
    groups: list[str]
    minutes: float = 30.0


class EndPatch(msgspec.Struct):
    patch_id: int


class PatchOk(msgspec.Struct):
    patch: Patch


class GetLastTransmission(msgspec.Struct):
    group_id: str


class LastTransmission(msgspec.Struct):
    transmission: Transmission | None


class SimRadio(msgspec.Struct):
    """Drills and demos: a simulated unit transmits ``text`` on a group (or presses its emergency
    button). ``seconds`` is how long it keeps the floor."""

    unit_id: str
    group_id: str = ""
    text: str = ""
    emergency: bool = False
    seconds: float = 2.0


# --- messages ---------------------------------------------------------------------------------------

MEDIA = ("sms", "im")
RECEIPT_STATES = ("queued", "sent", "delivered", "read", "failed")


class Receipt(msgspec.Struct, frozen=True):
    entry_id: str
    name: str
    address: str  # phone number for SMS, account for IM
    state: str = "queued"
    at: float = 0.0
    reason: str | None = None


class Message(msgspec.Struct, frozen=True):
    """A message as sent: ``audience`` says whom in words (a person, a talk group, all grid members
    of a grid or town); ``receipts`` one per recipient, updated as the medium reports."""

    id: int
    medium: str
    sender: str
    body: str
    audience: str
    sent_at: float
    receipts: tuple[Receipt, ...]
    case_id: int | None = None
    template_id: str | None = None


class SendMessage(msgspec.Struct):
    """Exactly one kind of audience: ``entry_ids``, a talk ``group_id``, or every grid member of
    ``grid_code`` or of ``town`` (a broadcast)."""

    medium: str
    body: str
    entry_ids: list[str] = []
    group_id: str = ""
    grid_code: str = ""
    town: str = ""
    case_id: int | None = None
    template_id: str | None = None


class MessageOk(msgspec.Struct):
    message: Message


class ListMessages(msgspec.Struct):
    case_id: int | None = None
    limit: int = 100


class MessageList(msgspec.Struct):
    messages: list[Message]


class MessageTemplate(msgspec.Struct, frozen=True):
    """``body`` may hold {case_id}, {address}, {category}, {deadline}, filled on the seat."""

    id: str
    title: str
    body: str
    medium: str = "sms"


class ListTemplates(msgspec.Struct):
    pass


class TemplateList(msgspec.Struct):
    templates: list[MessageTemplate]


class AttachMessage(msgspec.Struct):
    message_id: int
    case_id: int


# --- video sessions ---------------------------------------------------------------------------------


class VideoSession(msgspec.Struct, frozen=True):
    """A video call with a field unit. While it runs, ``camera_id`` names the camera registry entry
    that carries its stream, so a wall tile can show it like any camera."""

    id: int
    entry_id: str
    name: str
    url: str
    started_at: float
    by: str
    camera_id: str
    ended_at: float | None = None
    case_id: int | None = None


class StartVideo(msgspec.Struct):
    entry_id: str
    case_id: int | None = None


class VideoRef(msgspec.Struct):
    session_id: int


class VideoOk(msgspec.Struct):
    session: VideoSession


class ListVideo(msgspec.Struct):
    pass


class VideoList(msgspec.Struct):
    sessions: list[VideoSession]


REQUESTS: dict[str, tuple[type[msgspec.Struct], type[msgspec.Struct]]] = {
    "comms.directory": (SearchDirectory, DirectoryResult),
    "comms.set_presence": (SetPresence, PresenceChanged),
    "comms.dial": (Dial, CommsCallOk),
    "comms.answer": (CallRef, CommsCallOk),
    "comms.hold": (HoldComms, CommsCallOk),
    "comms.mute": (MuteComms, CommsCallOk),
    "comms.transfer": (TransferComms, CommsCallOk),
    "comms.transfer_complete": (CompleteTransfer, CommsCallOk),
    "comms.add_party": (AddParty, CommsCallOk),
    "comms.drop_party": (DropParty, CommsCallOk),
    "comms.lock": (LockConference, CommsCallOk),
    "comms.hangup": (CallRef, CommsCallOk),
    "comms.attach_call": (AttachCall, CommsCallOk),
    "comms.calls": (ListCommsCalls, CommsCallList),
    "comms.telephony": (GetTelephonyStatus, TelephonyStatus),
    "radio.state": (GetRadio, RadioState),
    "radio.ptt": (PushToTalk, TransmissionOk),
    "radio.ack_emergency": (AckEmergency, EmergencyOk),
    "radio.patch": (PatchGroups, PatchOk),
    "radio.unpatch": (EndPatch, PatchOk),
    "radio.last": (GetLastTransmission, LastTransmission),
    "sim.radio": (SimRadio, TransmissionOk),
    "message.send": (SendMessage, MessageOk),
    "message.list": (ListMessages, MessageList),
    "message.templates": (ListTemplates, TemplateList),
    "message.attach": (AttachMessage, MessageOk),
    "video.start": (StartVideo, VideoOk),
    "video.end": (VideoRef, VideoOk),
    "video.list": (ListVideo, VideoList),
}

# --- server-pushed events ---------------------------------------------------------------------------


class CommsCallUpdated(msgspec.Struct):
    call: CommsCall


class TransmissionUpdated(msgspec.Struct):
    transmission: Transmission


class EmergencyUpdated(msgspec.Struct):
    emergency: Emergency


class PatchUpdated(msgspec.Struct):
    patch: Patch


class MessageUpdated(msgspec.Struct):
    message: Message


class VideoUpdated(msgspec.Struct):
    session: VideoSession


EVENTS: dict[str, type[msgspec.Struct]] = {
    "comms.presence": PresenceChanged,
    "comms.call": CommsCallUpdated,
    "comms.telephony": TelephonyStatus,
    "radio.transmission": TransmissionUpdated,
    "radio.emergency": EmergencyUpdated,
    "radio.patch": PatchUpdated,
    "message.updated": MessageUpdated,
    "video.updated": VideoUpdated,
}
