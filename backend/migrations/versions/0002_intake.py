"""Intake: extra case fields, reports and timeline, calls, operator states, inbox, API keys, answers.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("appeal_type", sa.String(16), nullable=True))
        batch.add_column(sa.Column("urgency", sa.String(16), nullable=False, server_default="normal"))
        batch.add_column(sa.Column("channel", sa.String(16), nullable=False, server_default="hotline"))
        batch.add_column(sa.Column("reporter_name", sa.String(64), nullable=True))
        batch.add_column(sa.Column("reporter_phone", sa.String(32), nullable=True))
        batch.add_column(sa.Column("confidential", sa.Boolean, nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("lat", sa.Float, nullable=True))
        batch.add_column(sa.Column("lon", sa.Float, nullable=True))
        batch.add_column(sa.Column("town_code", sa.String(32), nullable=True))
        batch.add_column(sa.Column("village_code", sa.String(32), nullable=True))
        batch.add_column(sa.Column("object_code", sa.String(16), nullable=True))
        batch.add_column(sa.Column("deadline_at", sa.Float, nullable=True))
        batch.add_column(sa.Column("resolution", sa.Text, nullable=True))
        batch.add_column(sa.Column("closed_at", sa.Float, nullable=True))
        batch.add_column(sa.Column("reporter_count", sa.Integer, nullable=False, server_default="1"))
        batch.create_index("ix_cases_reporter_phone_created_at", ["reporter_phone", "created_at"])
        batch.create_index("ix_cases_category_created_at", ["category_code", "created_at"])
        batch.create_index("ix_cases_object_code", ["object_code"])
    op.create_table(
        "case_reports",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("received_at", sa.Float, nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("reporter_name", sa.String(64), nullable=True),
        sa.Column("reporter_phone", sa.String(32), nullable=True),
        sa.Column("confidential", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("address", sa.String(512), nullable=True),
        sa.Column("lat", sa.Float, nullable=True),
        sa.Column("lon", sa.Float, nullable=True),
        sa.Column("call_id", sa.Integer, nullable=True),
        sa.Column("intake_item_id", sa.Integer, nullable=True),
        sa.Column("merged_by", sa.String(64), nullable=True),
        sa.Column("merged_at", sa.Float, nullable=True),
        sa.Column("detached_by", sa.String(64), nullable=True),
        sa.Column("detached_at", sa.Float, nullable=True),
    )
    op.create_index("ix_case_reports_case_id", "case_reports", ["case_id"])
    op.create_index("ix_case_reports_reporter_phone", "case_reports", ["reporter_phone"])
    op.create_table(
        "case_timeline",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("ts", sa.Float, nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("seat_id", sa.String(64), nullable=True),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("from_status", sa.String(24), nullable=True),
        sa.Column("to_status", sa.String(24), nullable=True),
        sa.Column("note", sa.Text, nullable=True),
    )
    op.create_index("ix_case_timeline_case_id", "case_timeline", ["case_id"])
    op.create_table(
        "calls",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("caller_number", sa.String(32), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("queued_at", sa.Float, nullable=False),
        sa.Column("offered_to", sa.String(64), nullable=True),
        sa.Column("answered_at", sa.Float, nullable=True),
        sa.Column("answered_by", sa.String(64), nullable=True),
        sa.Column("seat_id", sa.String(64), nullable=True),
        sa.Column("ended_at", sa.Float, nullable=True),
        sa.Column("end_reason", sa.String(32), nullable=True),
        sa.Column("transferred_to", sa.String(64), nullable=True),
        sa.Column("opening", sa.Text, nullable=True),
        sa.Column("simulated", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("case_id", sa.Integer, nullable=True),
    )
    op.create_index("ix_calls_caller_number", "calls", ["caller_number"])
    op.create_index("ix_calls_queued_at", "calls", ["queued_at"])
    op.create_table(
        "operator_states",
        sa.Column("username", sa.String(64), primary_key=True),
        sa.Column("seat_id", sa.String(64), nullable=True),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("reason", sa.String(64), nullable=True),
        sa.Column("since", sa.Float, nullable=False),
    )
    op.create_table(
        "intake_items",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("priority", sa.Integer, nullable=False, server_default="0"),
        sa.Column("received_at", sa.Float, nullable=False),
        sa.Column("reporter_name", sa.String(64), nullable=True),
        sa.Column("reporter_phone", sa.String(32), nullable=True),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("address", sa.String(512), nullable=True),
        sa.Column("lat", sa.Float, nullable=True),
        sa.Column("lon", sa.Float, nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("taken_by", sa.String(64), nullable=True),
        sa.Column("taken_at", sa.Float, nullable=True),
        sa.Column("case_id", sa.Integer, nullable=True),
        sa.Column("service_code", sa.String(32), nullable=True),
        sa.Column("app_name", sa.String(64), nullable=True),
        sa.Column("media_url", sa.String(1024), nullable=True),
    )
    op.create_index("ix_intake_items_received_at", "intake_items", ["received_at"])
    op.create_table(
        "api_keys",
        sa.Column("key_hash", sa.String(64), primary_key=True),
        sa.Column("app_name", sa.String(64), nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
        sa.Column("revoked", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "kb_articles",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("title", sa.String(256), nullable=False),
        sa.Column("answer", sa.Text, nullable=False),
        sa.Column("keywords", sa.Text, nullable=False, server_default=""),
        sa.Column("category_code", sa.String(32), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("kb_articles")
    op.drop_table("api_keys")
    op.drop_table("intake_items")
    op.drop_table("operator_states")
    op.drop_table("calls")
    op.drop_table("case_timeline")
    op.drop_table("case_reports")
    with op.batch_alter_table("cases") as batch:
        for index in (
            "ix_cases_reporter_phone_created_at",
            "ix_cases_category_created_at",
            "ix_cases_object_code",
        ):
            batch.drop_index(index)
        for column in (
            "appeal_type",
            "urgency",
            "channel",
            "reporter_name",
            "reporter_phone",
            "confidential",
            "lat",
            "lon",
            "town_code",
            "village_code",
            "object_code",
            "deadline_at",
            "resolution",
            "closed_at",
            "reporter_count",
        ):
            batch.drop_column(column)
