"""Drills: each drill run with its state, and its log (injects fired and what each seat did).

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "drills",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("scenario_id", sa.String(64), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("started_at", sa.Float, nullable=False),
        sa.Column("record", sa.Text, nullable=False),
    )
    op.create_table(
        "drill_log",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("drill_id", sa.Integer, sa.ForeignKey("drills.id"), nullable=False, index=True),
        sa.Column("t", sa.Float, nullable=False),
        sa.Column("at", sa.Float, nullable=False),
        sa.Column("record", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("drill_log")
    op.drop_table("drills")
