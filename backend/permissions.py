"""Who may send which request: the one table of request type × role, checked on every request; and
which requests are pure reads (everything else is a command: audited, applied once per key).

Every request type in client_api.registry must have a row (a test enumerates the table).
"""

from __future__ import annotations

from client_api.drill_messages import TRAINER_EVENTS

ROLES = ("operator", "supervisor", "handler", "trainer", "admin", "installer")

EVERYONE = frozenset(ROLES)
INTAKE = frozenset({"operator", "supervisor", "trainer", "admin", "installer"})
SUPERVISION = frozenset({"supervisor", "admin"})
# Roles that take hotline calls (the call center tracks their presence), and those that run the call
# simulator for drills and demos.
HOTLINE = frozenset({"operator", "supervisor", "trainer", "admin"})
SIMULATION = frozenset({"trainer", "supervisor", "admin"})
# Who may change the video wall (layouts, tiles, presets, rules) and its camera registry.
WALL = frozenset({"supervisor", "trainer", "admin"})
# The seats that work the inbox (trainers run drills through it); field staff and gateways, whose
# accounts carry the handler role, may only send reports in.
INBOX = frozenset({"operator", "supervisor", "trainer", "admin"})
INBOX_SUBMIT = INBOX | {"handler"}
# Who runs drills (and sees their rubric, scores and live progress).
TRAINING = frozenset({"trainer", "admin"})
# Who works the comms panel (calls, radio, messages, video sessions).
COMMS = frozenset({"operator", "supervisor", "trainer", "admin"})

PERMISSIONS: dict[str, frozenset[str]] = {
    # core (before login, anyone may say hello, log in and ping)
    "hello": EVERYONE,
    "login": EVERYONE,
    "logout": EVERYONE,
    "ping": EVERYONE,
    "subscribe": EVERYONE,
    "reference.get": EVERYONE,
    "status.get": EVERYONE,
    "case.list": EVERYONE,
    "case.create": INTAKE,
    "attachment.upload": INTAKE,
    "attachment.get": EVERYONE,
    # The lifecycle: who may take which action is the lifecycle table's (backend/lifecycle/rules.py).
    "case.transition": frozenset({"operator", "supervisor", "handler", "admin"}),
    "case.actions": EVERYONE,
    # dispatch and joint handling: routing rules are the center's data, edited by supervisors; who may
    # act on which case is narrowed further by the unit tree (backend/lifecycle/units.py)
    "routing.list": EVERYONE,
    "routing.save": SUPERVISION,
    "routing.delete": SUPERVISION,
    "routing.suggest": frozenset({"operator", "supervisor", "handler", "admin"}),
    "case.progress": frozenset({"handler", "supervisor", "admin"}),
    "case.link": frozenset({"operator", "supervisor", "admin"}),
    "case.unlink": SUPERVISION,
    "consultation.open": SUPERVISION,
    "consultation.conclude": SUPERVISION,
    # time limits and supervision
    "extension.request": frozenset({"handler", "supervisor", "admin"}),
    "extension.decide": SUPERVISION,
    "case.supervise": SUPERVISION,
    "case.urge": SUPERVISION,
    "kpi.departments": EVERYONE,
    # intake: look-ups for the case form are reads; merging writes, undoing a merge is supervision
    "category.search": EVERYONE,
    "case.suggest_category": EVERYONE,
    "deadline.compute": EVERYONE,
    "location.complete": EVERYONE,
    "location.resolve": EVERYONE,
    "case.find_duplicates": EVERYONE,
    "kb.search": EVERYONE,
    "case.merge_report": INTAKE,
    "case.unmerge": SUPERVISION,
    "case.detail": EVERYONE,  # whoever reads the case list reads a case's reports and timeline
    "geo.grids": EVERYONE,
    # inbox
    "intake.list": INBOX,
    "intake.submit": INBOX_SUBMIT,
    "intake.take": INBOX,
    "intake.release": INBOX,
    "intake.dismiss": INBOX,
    # calls
    "operator.set_state": HOTLINE,
    "call.answer": HOTLINE,
    "call.hold": HOTLINE,
    "call.transfer": HOTLINE,
    "call.hangup": HOTLINE,
    "call.list": INTAKE,
    "caller.history": HOTLINE,
    "kpi.hotline": EVERYONE,
    "sim.place_call": SIMULATION,
    "sim.caller_hangup": SIMULATION,
    # alerts and warning models: everyone at a seat sees and acknowledges alerts; making a case from
    # one is intake; CAP and readings come from gateways (handler accounts) or supervisors
    "alert.list": EVERYONE,
    "alert.ack": EVERYONE,
    "alert.to_case": INTAKE,
    "alert.link_case": frozenset({"operator", "supervisor", "trainer", "admin"}),
    "alert.ingest_cap": frozenset({"supervisor", "trainer", "admin", "handler"}),
    "alert.export_cap": EVERYONE,
    "alert.raise": frozenset({"supervisor", "trainer", "admin"}),
    "warning.rules": EVERYONE,
    "warning.rule_save": SUPERVISION,
    "readings.ingest": frozenset({"handler", "trainer", "supervisor", "admin"}),
    # the video wall: everyone may look, supervisors (and trainers in drills) change it
    "wall.get": EVERYONE,
    "wall.configure": frozenset({"admin", "installer", "supervisor"}),
    "wall.set_layouts": WALL,
    "wall.set_tile": WALL,
    "wall.pin": WALL,
    "wall.history": EVERYONE,
    "preset.list": EVERYONE,
    "preset.save": WALL,
    "preset.delete": WALL,
    "preset.apply": WALL,
    "wall_rule.list": EVERYONE,
    "wall_rule.save": WALL,
    "wall_rule.delete": WALL,
    "camera.list": EVERYONE,
    "camera.save": frozenset({"admin", "installer", "supervisor"}),
    "camera.delete": frozenset({"admin", "installer", "supervisor"}),
    "camera.nearest": EVERYONE,
    # converged communications: presence is set by the person or a supervisor (checked in the handler)
    "comms.directory": EVERYONE,
    "comms.set_presence": EVERYONE,
    "comms.dial": COMMS,
    "comms.answer": COMMS,
    "comms.hold": COMMS,
    "comms.mute": COMMS,
    "comms.transfer": COMMS,
    "comms.transfer_complete": COMMS,
    "comms.add_party": COMMS,
    "comms.drop_party": COMMS,
    "comms.lock": COMMS,
    "comms.hangup": COMMS,
    "comms.attach_call": COMMS,
    "comms.calls": COMMS,
    "comms.telephony": EVERYONE,
    "radio.state": EVERYONE,
    "radio.ptt": COMMS,
    "radio.ack_emergency": COMMS,
    "radio.patch": COMMS,
    "radio.unpatch": COMMS,
    "radio.last": EVERYONE,
    "sim.radio": SIMULATION,
    "message.send": COMMS,
    "message.list": COMMS,
    "message.templates": EVERYONE,
    "message.attach": COMMS,
    "video.start": COMMS,
    "video.end": COMMS,
    "video.list": EVERYONE,
    # drills: anyone sees which scenarios exist and the drill running; trainers run and judge them
    "drill.scenarios": EVERYONE,
    "drill.start": TRAINING,
    "drill.control": TRAINING,
    "drill.inject": TRAINING,
    "drill.current": EVERYONE,
    "drill.list": TRAINING,
    "drill.log": TRAINING,
    "drill.scores": TRAINING,
    "drill.progress": TRAINING,
}

# Requests that change nothing. Every other request type is a command: it is audited, and its
# idempotency key is honoured. A new request type is a command until it is listed here.
READS = frozenset(
    {
        "hello",
        "ping",
        "subscribe",
        "reference.get",
        "status.get",
        "case.list",
        "case.detail",
        "case.actions",
        "attachment.get",
        "routing.list",
        "routing.suggest",
        "kpi.departments",
        "kpi.hotline",
        "category.search",
        "case.suggest_category",
        "deadline.compute",
        "location.complete",
        "location.resolve",
        "case.find_duplicates",
        "kb.search",
        "geo.grids",
        "intake.list",
        "call.list",
        "caller.history",
        "alert.list",
        "alert.export_cap",
        "warning.rules",
        "wall.get",
        "comms.directory",
        "comms.calls",
        "comms.telephony",
        "radio.state",
        "radio.last",
        "message.list",
        "message.templates",
        "video.list",
        "drill.scenarios",
        "drill.current",
        "drill.list",
        "drill.log",
        "drill.scores",
        "drill.progress",
        "wall.history",
        "preset.list",
        "wall_rule.list",
        "camera.list",
        "camera.nearest",
    }
)


def allowed(request_type: str, role: str) -> bool:
    return role in PERMISSIONS.get(request_type, frozenset())


def sees_event(role: str | None, event_type: str) -> bool:
    """Whether a seat logged in with ``role`` gets events of this type (drill scoring is trainers')."""
    return event_type not in TRAINER_EVENTS or role in TRAINING
