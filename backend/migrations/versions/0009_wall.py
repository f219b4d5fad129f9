"""The video wall: its state and change record, presets, switching rules and the camera registry.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "wall_state",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("rows", sa.Integer, nullable=False),
        sa.Column("cols", sa.Integer, nullable=False),
        sa.Column("monitors", sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("changed_by", sa.String(64), nullable=True),
        sa.Column("changed_at", sa.Float, nullable=True),
        sa.Column("cause", sa.String(128), nullable=False),
    )
    op.create_table(
        "wall_changes",
        sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("at", sa.Float, nullable=False),
        sa.Column("by", sa.String(64), nullable=False),
        sa.Column("cause", sa.String(128), nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
    )
    op.create_table(
        "wall_presets",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("scope", sa.String(16), nullable=False),
        sa.Column("layouts", sa.Text, nullable=False),
        sa.Column("updated_by", sa.String(64), nullable=True),
        sa.Column("updated_at", sa.Float, nullable=True),
    )
    op.create_table(
        "wall_rules",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("rule", sa.Text, nullable=False),
        sa.Column("updated_by", sa.String(64), nullable=True),
        sa.Column("updated_at", sa.Float, nullable=True),
    )
    op.create_table(
        "cameras",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("name", sa.String(128), nullable=False),
        sa.Column("group_name", sa.String(64), nullable=False),
        sa.Column("lat", sa.Float, nullable=False),
        sa.Column("lon", sa.Float, nullable=False),
        sa.Column("url", sa.String(1024), nullable=False),
        sa.Column("grid_code", sa.String(32), nullable=True),
    )


def downgrade() -> None:
    for table in ("cameras", "wall_rules", "wall_presets", "wall_changes", "wall_state"):
        op.drop_table(table)
