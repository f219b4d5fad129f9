"""The database tables, as SQLAlchemy Core. Changes to them go through an Alembic migration."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

meta = sa.Table(
    "meta",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

areas = sa.Table(
    "areas",
    metadata,
    sa.Column("code", sa.String(32), primary_key=True),
    sa.Column("name", sa.String(128), nullable=False),
    sa.Column("level", sa.String(16), nullable=False),
    sa.Column("parent_code", sa.String(32), sa.ForeignKey("areas.code"), nullable=True, index=True),
)

departments = sa.Table(
    "departments",
    metadata,
    sa.Column("code", sa.String(32), primary_key=True),
    sa.Column("name", sa.String(128), nullable=False),
    sa.Column("area_code", sa.String(32), sa.ForeignKey("areas.code"), nullable=True),
    sa.Column("duty_phone", sa.String(32), nullable=True),
    # Added by migration 0006: the dispatch tree (区 → 镇 → 村 → 网格); a parent sees its children's cases.
    sa.Column("level", sa.String(16), nullable=False, server_default="district"),
    sa.Column("parent_code", sa.String(32), nullable=True),
)

categories = sa.Table(
    "categories",
    metadata,
    sa.Column("code", sa.String(32), primary_key=True),
    sa.Column("name", sa.String(128), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("parent_code", sa.String(32), sa.ForeignKey("categories.code"), nullable=True),
)

accounts = sa.Table(
    "accounts",
    metadata,
    sa.Column("username", sa.String(64), primary_key=True),
    sa.Column("display_name", sa.String(128), nullable=False),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("password_hash", sa.Text, nullable=False),
    sa.Column("department_code", sa.String(32), nullable=True),  # 0006: the unit; None = district center
    # 0007: lockout after failed logins, a password that must be changed, a disabled account
    sa.Column("failed_logins", sa.Integer, nullable=False, server_default="0"),
    sa.Column("locked_until", sa.Float, nullable=True),
    sa.Column("must_change_password", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("disabled", sa.Boolean, nullable=False, server_default=sa.false()),
)

cases = sa.Table(
    "cases",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("case_no", sa.String(32), nullable=False, unique=True),
    sa.Column("category_code", sa.String(32), sa.ForeignKey("categories.code"), nullable=False),
    sa.Column("address", sa.String(512), nullable=False),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("grid_code", sa.String(32), sa.ForeignKey("areas.code"), nullable=True),
    sa.Column("status", sa.String(24), nullable=False),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.Column("created_by", sa.String(64), nullable=False),
    sa.Column("seat_id", sa.String(64), nullable=False),
    # Added by migration 0002 (intake):
    sa.Column("appeal_type", sa.String(16), nullable=True),
    sa.Column("urgency", sa.String(16), nullable=False, server_default="normal"),  # normal|urgent|critical
    sa.Column("channel", sa.String(16), nullable=False, server_default="hotline"),
    sa.Column("reporter_name", sa.String(64), nullable=True),
    sa.Column("reporter_phone", sa.String(32), nullable=True),
    sa.Column("confidential", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("lat", sa.Float, nullable=True),
    sa.Column("lon", sa.Float, nullable=True),
    sa.Column("town_code", sa.String(32), nullable=True),
    sa.Column("village_code", sa.String(32), nullable=True),
    sa.Column("object_code", sa.String(16), nullable=True),
    sa.Column("deadline_at", sa.Float, nullable=True),
    sa.Column("resolution", sa.Text, nullable=True),
    sa.Column("closed_at", sa.Float, nullable=True),
    sa.Column("reporter_count", sa.Integer, nullable=False, server_default="1"),
    # Added by migration 0004:
    sa.Column("attachment_count", sa.Integer, nullable=False, server_default="0"),
    # Added by migration 0005 (lifecycle):
    sa.Column("lead_department", sa.String(32), nullable=True),
    sa.Column("result", sa.Text, nullable=True),
    sa.Column("satisfaction", sa.String(24), nullable=True),
    sa.Column("reopen_count", sa.Integer, nullable=False, server_default="0"),
    sa.Column("supervision_level", sa.String(16), nullable=True),  # general|key|listed|escalated
    # Added by migration 0006 (dispatch and SLA):
    sa.Column("co_departments", sa.String(256), nullable=False, server_default=""),  # comma-separated
    sa.Column("stage_started_at", sa.Float, nullable=True),
    sa.Column("stage_deadline_at", sa.Float, nullable=True),
    sa.Column("stage_overdue", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("overdue", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("extension_state", sa.String(16), nullable=True),  # pending|approved|refused
    sa.Column("link_count", sa.Integer, nullable=False, server_default="0"),
    sa.Column("dispatched_at", sa.Float, nullable=True),
    sa.Column("completed_at", sa.Float, nullable=True),
    sa.Column("return_count", sa.Integer, nullable=False, server_default="0"),
    sa.Column("owner_unit", sa.String(32), nullable=True),  # the desk that took it (None: district)
)

events = sa.Table(
    "events",
    metadata,
    sa.Column(
        "seq", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True, autoincrement=True
    ),
    sa.Column("type", sa.String(64), nullable=False),
    sa.Column("ts", sa.Float, nullable=False, index=True),
    sa.Column("payload", sa.Text, nullable=False),
    sqlite_autoincrement=True,  # never reuse a sequence number
)

# --- intake (migration 0002) ------------------------------------------------------------------------

# Extra columns of a case recorded at intake live on `cases` (see migration 0002); every report that
# makes or joins a case is a row here, so a merge adds a reporter and can be undone.
case_reports = sa.Table(
    "case_reports",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False, index=True),
    sa.Column("received_at", sa.Float, nullable=False),
    sa.Column("channel", sa.String(16), nullable=False),
    sa.Column("reporter_name", sa.String(64), nullable=True),
    sa.Column("reporter_phone", sa.String(32), nullable=True, index=True),
    sa.Column("confidential", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("address", sa.String(512), nullable=True),
    sa.Column("lat", sa.Float, nullable=True),
    sa.Column("lon", sa.Float, nullable=True),
    sa.Column("call_id", sa.Integer, nullable=True),
    sa.Column("intake_item_id", sa.Integer, nullable=True),
    sa.Column("merged_by", sa.String(64), nullable=True),  # set when the report joined an existing case
    sa.Column("merged_at", sa.Float, nullable=True),
    sa.Column("detached_by", sa.String(64), nullable=True),  # set when a supervisor undid the merge
    sa.Column("detached_at", sa.Float, nullable=True),
)

case_timeline = sa.Table(
    "case_timeline",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False, index=True),
    sa.Column("ts", sa.Float, nullable=False),
    sa.Column("actor", sa.String(64), nullable=False),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("seat_id", sa.String(64), nullable=True),
    sa.Column("action", sa.String(32), nullable=False),
    sa.Column("from_status", sa.String(24), nullable=True),
    sa.Column("to_status", sa.String(24), nullable=True),
    sa.Column("note", sa.Text, nullable=True),
    sa.Column("department_code", sa.String(32), nullable=True),  # 0006: the unit the case was with
    sa.Column("deadline_at", sa.Float, nullable=True),  # 0006: the completion deadline in force then
)

calls = sa.Table(
    "calls",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("caller_number", sa.String(32), nullable=False, index=True),
    sa.Column("state", sa.String(16), nullable=False),  # ringing|answered|held|transferred|ended|abandoned
    sa.Column("queued_at", sa.Float, nullable=False, index=True),
    sa.Column("offered_to", sa.String(64), nullable=True),  # seat id the call rings at
    sa.Column("answered_at", sa.Float, nullable=True),
    sa.Column("answered_by", sa.String(64), nullable=True),
    sa.Column("seat_id", sa.String(64), nullable=True),
    sa.Column("ended_at", sa.Float, nullable=True),
    sa.Column("end_reason", sa.String(32), nullable=True),
    sa.Column("transferred_to", sa.String(64), nullable=True),
    sa.Column("opening", sa.Text, nullable=True),  # what a simulated caller says first
    sa.Column("simulated", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("case_id", sa.Integer, nullable=True),
)

operator_states = sa.Table(
    "operator_states",
    metadata,
    sa.Column("username", sa.String(64), primary_key=True),
    sa.Column("seat_id", sa.String(64), nullable=True),
    sa.Column("state", sa.String(16), nullable=False),  # ready|busy|wrap_up|away|offline
    sa.Column("reason", sa.String(64), nullable=True),
    sa.Column("since", sa.Float, nullable=False),
)

intake_items = sa.Table(
    "intake_items",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("channel", sa.String(16), nullable=False),  # hotline|inspector|grid|app|web|enterprise|iot
    sa.Column("priority", sa.Integer, nullable=False, server_default="0"),
    sa.Column("received_at", sa.Float, nullable=False, index=True),
    sa.Column("reporter_name", sa.String(64), nullable=True),
    sa.Column("reporter_phone", sa.String(32), nullable=True),
    sa.Column("content", sa.Text, nullable=False),
    sa.Column("address", sa.String(512), nullable=True),
    sa.Column("lat", sa.Float, nullable=True),
    sa.Column("lon", sa.Float, nullable=True),
    sa.Column("status", sa.String(16), nullable=False),  # new|taken|done|dismissed
    sa.Column("taken_by", sa.String(64), nullable=True),
    sa.Column("taken_at", sa.Float, nullable=True),
    sa.Column("case_id", sa.Integer, nullable=True),
    sa.Column("service_code", sa.String(32), nullable=True),  # Open311 service
    sa.Column("app_name", sa.String(64), nullable=True),  # Open311 client that sent it
    sa.Column("media_url", sa.String(1024), nullable=True),
    sa.Column("dismiss_reason", sa.Text, nullable=True),  # migration 0003
)
sa.Index(
    "ix_intake_items_status_priority",
    intake_items.c.status,
    intake_items.c.priority,
    intake_items.c.received_at,
)

api_keys = sa.Table(
    "api_keys",
    metadata,
    sa.Column("key_hash", sa.String(64), primary_key=True),  # sha256 hex of the key; the key is shown once
    sa.Column("app_name", sa.String(64), nullable=False),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.Column("revoked", sa.Boolean, nullable=False, server_default=sa.false()),
)

kb_articles = sa.Table(
    "kb_articles",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("title", sa.String(256), nullable=False),
    sa.Column("answer", sa.Text, nullable=False),
    sa.Column("keywords", sa.Text, nullable=False, server_default=""),
    sa.Column("category_code", sa.String(32), nullable=True),
)

sa.Index("ix_cases_reporter_phone_created_at", cases.c.reporter_phone, cases.c.created_at)
sa.Index("ix_cases_category_created_at", cases.c.category_code, cases.c.created_at)
sa.Index("ix_cases_object_code", cases.c.object_code)

# --- attachments (migration 0004) -------------------------------------------------------------------

attachments = sa.Table(
    "attachments",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=True, index=True),  # None until used
    sa.Column("uploaded_by", sa.String(64), nullable=False),
    sa.Column("uploaded_at", sa.Float, nullable=False),
    sa.Column("name", sa.String(255), nullable=False),
    sa.Column("mime", sa.String(128), nullable=False),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("data", sa.LargeBinary, nullable=False),
)

# --- dispatch, SLA and joint handling (migration 0006) ----------------------------------------------

sa.Index("ix_cases_lead_department", cases.c.lead_department)
sa.Index("ix_cases_status_stage_deadline", cases.c.status, cases.c.stage_deadline_at)

routing_rules = sa.Table(
    "routing_rules",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("category_code", sa.String(32), nullable=True),  # None: any category
    sa.Column("area_code", sa.String(32), nullable=True),  # None: anywhere; else this area and below
    sa.Column("department_code", sa.String(32), nullable=False),
    sa.Column("co_departments", sa.String(256), nullable=False, server_default=""),
    sa.Column("priority", sa.Integer, nullable=False, server_default="0"),
    sa.Column("note", sa.Text, nullable=True),
)

extensions = sa.Table(
    "extensions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False, index=True),
    sa.Column("requested_by", sa.String(64), nullable=False),
    sa.Column("requested_at", sa.Float, nullable=False),
    sa.Column("amount", sa.Integer, nullable=False),
    sa.Column("unit", sa.String(16), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("state", sa.String(16), nullable=False),  # pending|approved|refused
    sa.Column("decided_by", sa.String(64), nullable=True),
    sa.Column("decided_at", sa.Float, nullable=True),
    sa.Column("decision_note", sa.Text, nullable=True),
    sa.Column("old_deadline_at", sa.Float, nullable=True),
    sa.Column("new_deadline_at", sa.Float, nullable=True),
)

callbacks = sa.Table(
    "callbacks",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False, index=True),
    sa.Column("ts", sa.Float, nullable=False),
    sa.Column("by", sa.String(64), nullable=False),
    sa.Column("satisfaction", sa.String(24), nullable=False),  # satisfied|basically_satisfied|unsatisfied
    sa.Column("note", sa.Text, nullable=True),
)

case_links = sa.Table(
    "case_links",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False, index=True),
    sa.Column("other_case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False, index=True),
    sa.Column("kind", sa.String(16), nullable=False),  # same_incident | parent (case_id is the parent)
    sa.Column("created_by", sa.String(64), nullable=False),
    sa.Column("created_at", sa.Float, nullable=False),
)

consultations = sa.Table(
    "consultations",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False, index=True),
    sa.Column("topic", sa.Text, nullable=False),
    sa.Column("departments", sa.String(256), nullable=False),  # comma-separated codes
    sa.Column("opened_by", sa.String(64), nullable=False),
    sa.Column("opened_at", sa.Float, nullable=False),
    sa.Column("state", sa.String(16), nullable=False),  # open|concluded
    sa.Column("conclusion", sa.Text, nullable=True),
    sa.Column("concluded_by", sa.String(64), nullable=True),
    sa.Column("concluded_at", sa.Float, nullable=True),
)

# --- security (migration 0007) ----------------------------------------------------------------------

audit_log = sa.Table(
    "audit_log",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True, autoincrement=True),
    sa.Column("ts", sa.Float, nullable=False, index=True),
    sa.Column("actor", sa.String(64), nullable=True),
    sa.Column("role", sa.String(16), nullable=True),
    sa.Column("seat_id", sa.String(64), nullable=True),
    sa.Column("address", sa.String(64), nullable=True),
    sa.Column("action", sa.String(64), nullable=False),
    sa.Column("target", sa.String(64), nullable=True),
    sa.Column("outcome", sa.String(16), nullable=False),
    sa.Column("detail", sa.Text, nullable=True),
    sa.Column("prev_hash", sa.String(64), nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
    sqlite_autoincrement=True,
)

# A command's idempotency key, recorded in the transaction that applies it; its answer once sent.
applied_commands = sa.Table(
    "applied_commands",
    metadata,
    sa.Column("username", sa.String(64), primary_key=True),
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("type", sa.String(64), nullable=False),
    sa.Column("applied_at", sa.Float, nullable=False, index=True),
    sa.Column("response", sa.Text, nullable=True),  # the answer's payload (JSON) once it was built
)

# Alerts (CAP 1.2 aligned; client_api.alert_messages.AlertRecord). List-valued fields are JSON text.
alerts = sa.Table(
    "alerts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("identifier", sa.String(255), nullable=False),
    sa.Column("sender", sa.String(255), nullable=False),
    sa.Column("sent", sa.Float, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("msg_type", sa.String(16), nullable=False),
    sa.Column("scope", sa.String(16), nullable=False),
    sa.Column("source", sa.String(16), nullable=False),  # cap | rule | manual
    sa.Column("rule", sa.String(32), nullable=True),
    sa.Column("language", sa.String(16), nullable=False),
    sa.Column("categories", sa.Text, nullable=False),
    sa.Column("event", sa.String(255), nullable=False),
    sa.Column("urgency", sa.String(16), nullable=False),
    sa.Column("severity", sa.String(16), nullable=False),
    sa.Column("certainty", sa.String(16), nullable=False),
    sa.Column("response_types", sa.Text, nullable=False),
    sa.Column("headline", sa.Text, nullable=False),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("instruction", sa.Text, nullable=False),
    sa.Column("sender_name", sa.String(255), nullable=False),
    sa.Column("areas", sa.Text, nullable=False),
    sa.Column("expires", sa.Float, nullable=True),
    sa.Column("priority", sa.Integer, nullable=False),
    sa.Column("evidence", sa.Text, nullable=False),
    sa.Column("lat", sa.Float, nullable=True),
    sa.Column("lon", sa.Float, nullable=True),
    sa.Column("grid_code", sa.String(32), nullable=True),
    sa.Column("state", sa.String(16), nullable=False, index=True),
    sa.Column("acked_by", sa.String(64), nullable=True),
    sa.Column("acked_by_name", sa.String(64), nullable=True),
    sa.Column("acked_seat", sa.String(64), nullable=True),
    sa.Column("acked_at", sa.Float, nullable=True),
    sa.Column("ack_reason", sa.Text, nullable=True),
    sa.Column("escalation_level", sa.Integer, nullable=False, server_default="0"),
    sa.Column("escalated_at", sa.Float, nullable=True),
    sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=True),
    sa.Column("references", sa.Text, nullable=False),
    sa.Column("received_at", sa.Float, nullable=False, index=True),
    sa.Column("updated_at", sa.Float, nullable=False),
    # a warning model's subject (e.g. "group_rental:H-0012"): one active alert per key
    sa.Column("dedupe_key", sa.String(128), nullable=True, index=True),
    sa.Column("cap_xml", sa.Text, nullable=True),  # the message as received, for the record
    sa.UniqueConstraint("sender", "identifier", name="uq_alerts_sender_identifier"),
)

# The warning models' rules: thresholds are data, edited by supervisors.
warning_rules = sa.Table(
    "warning_rules",
    metadata,
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("enabled", sa.Boolean, nullable=False),
    sa.Column("params", sa.Text, nullable=False),  # JSON object
    sa.Column("severity", sa.String(16), nullable=False),
    sa.Column("updated_by", sa.String(64), nullable=True),
    sa.Column("updated_at", sa.Float, nullable=True),
)

# The video wall (client_api.wall_messages): one wall per backend; its monitors and layouts as JSON.
wall_state = sa.Table(
    "wall_state",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),  # always 1
    sa.Column("name", sa.String(64), nullable=False),
    sa.Column("rows", sa.Integer, nullable=False),
    sa.Column("cols", sa.Integer, nullable=False),
    sa.Column("monitors", sa.Text, nullable=False),  # JSON list of Monitor
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("changed_by", sa.String(64), nullable=True),
    sa.Column("changed_at", sa.Float, nullable=True),
    sa.Column("cause", sa.String(128), nullable=False),
)

wall_changes = sa.Table(
    "wall_changes",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("at", sa.Float, nullable=False),
    sa.Column("by", sa.String(64), nullable=False),
    sa.Column("cause", sa.String(128), nullable=False),
    sa.Column("summary", sa.Text, nullable=False),
)

wall_presets = sa.Table(
    "wall_presets",
    metadata,
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("scope", sa.String(16), nullable=False),
    sa.Column("layouts", sa.Text, nullable=False),  # JSON list of Layout
    sa.Column("updated_by", sa.String(64), nullable=True),
    sa.Column("updated_at", sa.Float, nullable=True),
)

wall_rules = sa.Table(
    "wall_rules",
    metadata,
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("rule", sa.Text, nullable=False),  # JSON WallRule
    sa.Column("updated_by", sa.String(64), nullable=True),
    sa.Column("updated_at", sa.Float, nullable=True),
)

cameras = sa.Table(
    "cameras",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("name", sa.String(128), nullable=False),
    sa.Column("group_name", sa.String(64), nullable=False),
    sa.Column("lat", sa.Float, nullable=False),
    sa.Column("lon", sa.Float, nullable=False),
    sa.Column("url", sa.String(1024), nullable=False),
    sa.Column("grid_code", sa.String(32), nullable=True),
)

# Converged communications (client_api.comms_messages): records as the protocol's JSON.
directory = sa.Table(
    "directory",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("name", sa.String(128), nullable=False),
    sa.Column("record", sa.Text, nullable=False),  # JSON DirectoryEntry (presence lives in memory)
)

comms_calls = sa.Table(
    "comms_calls",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("owner", sa.String(64), nullable=False),
    sa.Column("case_id", sa.Integer, nullable=True, index=True),
    sa.Column("started_at", sa.Float, nullable=False),
    sa.Column("ended_at", sa.Float, nullable=True),
    sa.Column("record", sa.Text, nullable=False),  # JSON CommsCall, its latest state
)

radio_log = sa.Table(
    "radio_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(16), nullable=False),  # transmission | emergency | patch
    sa.Column("ref", sa.Integer, nullable=False),  # the record's own id
    sa.Column("group_id", sa.String(64), nullable=False, index=True),
    sa.Column("at", sa.Float, nullable=False),
    sa.Column("case_id", sa.Integer, nullable=True, index=True),
    sa.Column("record", sa.Text, nullable=False),  # JSON Transmission | Emergency | Patch
)

comms_messages = sa.Table(
    "comms_messages",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("sender", sa.String(64), nullable=False),
    sa.Column("case_id", sa.Integer, nullable=True, index=True),
    sa.Column("sent_at", sa.Float, nullable=False),
    sa.Column("record", sa.Text, nullable=False),  # JSON Message with its receipts
)

video_sessions = sa.Table(
    "video_sessions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("entry_id", sa.String(64), nullable=False),
    sa.Column("started_at", sa.Float, nullable=False),
    sa.Column("ended_at", sa.Float, nullable=True),
    sa.Column("record", sa.Text, nullable=False),  # JSON VideoSession
)

# Drills (client_api.drill_messages): runs and their logs, as the protocol's JSON.
drills = sa.Table(
    "drills",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("scenario_id", sa.String(64), nullable=False),
    sa.Column("state", sa.String(16), nullable=False),
    sa.Column("started_at", sa.Float, nullable=False),
    sa.Column("record", sa.Text, nullable=False),  # JSON DrillState, its latest
)

drill_log = sa.Table(
    "drill_log",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("drill_id", sa.Integer, sa.ForeignKey("drills.id"), nullable=False, index=True),
    sa.Column("t", sa.Float, nullable=False),
    sa.Column("at", sa.Float, nullable=False),
    sa.Column("record", sa.Text, nullable=False),  # JSON LogEntry
)
