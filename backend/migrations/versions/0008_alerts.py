"""Alerts (CAP 1.2 aligned) and the warning models' rules.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("identifier", sa.String(255), nullable=False),
        sa.Column("sender", sa.String(255), nullable=False),
        sa.Column("sent", sa.Float, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("msg_type", sa.String(16), nullable=False),
        sa.Column("scope", sa.String(16), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
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
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("acked_by", sa.String(64), nullable=True),
        sa.Column("acked_by_name", sa.String(64), nullable=True),
        sa.Column("acked_seat", sa.String(64), nullable=True),
        sa.Column("acked_at", sa.Float, nullable=True),
        sa.Column("ack_reason", sa.Text, nullable=True),
        sa.Column("escalation_level", sa.Integer, nullable=False, server_default="0"),
        sa.Column("escalated_at", sa.Float, nullable=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=True),
        sa.Column("references", sa.Text, nullable=False),
        sa.Column("received_at", sa.Float, nullable=False),
        sa.Column("updated_at", sa.Float, nullable=False),
        sa.Column("dedupe_key", sa.String(128), nullable=True),
        sa.Column("cap_xml", sa.Text, nullable=True),
        sa.UniqueConstraint("sender", "identifier", name="uq_alerts_sender_identifier"),
    )
    op.create_index("ix_alerts_state", "alerts", ["state"])
    op.create_index("ix_alerts_received_at", "alerts", ["received_at"])
    op.create_index("ix_alerts_dedupe_key", "alerts", ["dedupe_key"])
    op.create_table(
        "warning_rules",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("enabled", sa.Boolean, nullable=False),
        sa.Column("params", sa.Text, nullable=False),
        sa.Column("severity", sa.String(16), nullable=False),
        sa.Column("updated_by", sa.String(64), nullable=True),
        sa.Column("updated_at", sa.Float, nullable=True),
    )


def downgrade() -> None:
    op.drop_table("warning_rules")
    op.drop_index("ix_alerts_dedupe_key", "alerts")
    op.drop_index("ix_alerts_received_at", "alerts")
    op.drop_index("ix_alerts_state", "alerts")
    op.drop_table("alerts")
