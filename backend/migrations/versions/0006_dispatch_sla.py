"""Dispatch levels, routing rules, co-handling, SLA stages, extensions, callbacks, links, consultations.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

def case_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("co_departments", sa.String(256), nullable=False, server_default=""),
        sa.Column("stage_started_at", sa.Float, nullable=True),
        sa.Column("stage_deadline_at", sa.Float, nullable=True),
        sa.Column("stage_overdue", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("overdue", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("extension_state", sa.String(16), nullable=True),
        sa.Column("link_count", sa.Integer, nullable=False, server_default="0"),
        sa.Column("dispatched_at", sa.Float, nullable=True),
        sa.Column("completed_at", sa.Float, nullable=True),
        sa.Column("return_count", sa.Integer, nullable=False, server_default="0"),
        sa.Column("owner_unit", sa.String(32), nullable=True),
    ]


def upgrade() -> None:
    with op.batch_alter_table("departments") as batch:
        batch.add_column(sa.Column("level", sa.String(16), nullable=False, server_default="district"))
        batch.add_column(sa.Column("parent_code", sa.String(32), nullable=True))
    with op.batch_alter_table("accounts") as batch:
        batch.add_column(sa.Column("department_code", sa.String(32), nullable=True))
    with op.batch_alter_table("cases") as batch:
        for column in case_columns():
            batch.add_column(column)
    with op.batch_alter_table("case_timeline") as batch:
        batch.add_column(sa.Column("department_code", sa.String(32), nullable=True))
        batch.add_column(sa.Column("deadline_at", sa.Float, nullable=True))
    op.create_index("ix_cases_lead_department", "cases", ["lead_department"])
    op.create_index("ix_cases_status_stage_deadline", "cases", ["status", "stage_deadline_at"])
    op.create_table(
        "routing_rules",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("category_code", sa.String(32), nullable=True),
        sa.Column("area_code", sa.String(32), nullable=True),
        sa.Column("department_code", sa.String(32), nullable=False),
        sa.Column("co_departments", sa.String(256), nullable=False, server_default=""),
        sa.Column("priority", sa.Integer, nullable=False, server_default="0"),
        sa.Column("note", sa.Text, nullable=True),
    )
    op.create_table(
        "extensions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False, index=True),
        sa.Column("requested_by", sa.String(64), nullable=False),
        sa.Column("requested_at", sa.Float, nullable=False),
        sa.Column("amount", sa.Integer, nullable=False),
        sa.Column("unit", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("decided_by", sa.String(64), nullable=True),
        sa.Column("decided_at", sa.Float, nullable=True),
        sa.Column("decision_note", sa.Text, nullable=True),
        sa.Column("old_deadline_at", sa.Float, nullable=True),
        sa.Column("new_deadline_at", sa.Float, nullable=True),
    )
    op.create_table(
        "callbacks",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False, index=True),
        sa.Column("ts", sa.Float, nullable=False),
        sa.Column("by", sa.String(64), nullable=False),
        sa.Column("satisfaction", sa.String(24), nullable=False),
        sa.Column("note", sa.Text, nullable=True),
    )
    op.create_table(
        "case_links",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False, index=True),
        sa.Column("other_case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False, index=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
    )
    op.create_table(
        "consultations",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False, index=True),
        sa.Column("topic", sa.Text, nullable=False),
        sa.Column("departments", sa.String(256), nullable=False),
        sa.Column("opened_by", sa.String(64), nullable=False),
        sa.Column("opened_at", sa.Float, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("conclusion", sa.Text, nullable=True),
        sa.Column("concluded_by", sa.String(64), nullable=True),
        sa.Column("concluded_at", sa.Float, nullable=True),
    )


def downgrade() -> None:
    for table in ("consultations", "case_links", "callbacks", "extensions", "routing_rules"):
        op.drop_table(table)
    op.drop_index("ix_cases_status_stage_deadline", "cases")
    op.drop_index("ix_cases_lead_department", "cases")
    with op.batch_alter_table("cases") as batch:
        for column in case_columns():
            batch.drop_column(column.name)
    with op.batch_alter_table("case_timeline") as batch:
        batch.drop_column("deadline_at")
        batch.drop_column("department_code")
    with op.batch_alter_table("accounts") as batch:
        batch.drop_column("department_code")
    with op.batch_alter_table("departments") as batch:
        batch.drop_column("parent_code")
        batch.drop_column("level")
