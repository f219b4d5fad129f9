"""Converged communications: the directory, the call log, radio traffic, messages, video sessions.

Records are stored as the protocol's JSON (client_api.comms_messages) beside the columns they are
looked up by.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "directory",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name", sa.String(128), nullable=False),
        sa.Column("record", sa.Text, nullable=False),
    )
    op.create_table(
        "comms_calls",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("owner", sa.String(64), nullable=False),
        sa.Column("case_id", sa.Integer, nullable=True, index=True),
        sa.Column("started_at", sa.Float, nullable=False),
        sa.Column("ended_at", sa.Float, nullable=True),
        sa.Column("record", sa.Text, nullable=False),
    )
    op.create_table(
        "radio_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("ref", sa.Integer, nullable=False),
        sa.Column("group_id", sa.String(64), nullable=False, index=True),
        sa.Column("at", sa.Float, nullable=False),
        sa.Column("case_id", sa.Integer, nullable=True, index=True),
        sa.Column("record", sa.Text, nullable=False),
    )
    op.create_table(
        "comms_messages",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("sender", sa.String(64), nullable=False),
        sa.Column("case_id", sa.Integer, nullable=True, index=True),
        sa.Column("sent_at", sa.Float, nullable=False),
        sa.Column("record", sa.Text, nullable=False),
    )
    op.create_table(
        "video_sessions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("entry_id", sa.String(64), nullable=False),
        sa.Column("started_at", sa.Float, nullable=False),
        sa.Column("ended_at", sa.Float, nullable=True),
        sa.Column("record", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for table in ("video_sessions", "comms_messages", "radio_log", "comms_calls", "directory"):
        op.drop_table(table)
