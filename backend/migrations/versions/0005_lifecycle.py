"""Lifecycle: lead department, result, satisfaction, reopenings and supervision level of a case.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

COLUMNS = ("lead_department", "result", "satisfaction", "reopen_count", "supervision_level")


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("lead_department", sa.String(32), nullable=True))
        batch.add_column(sa.Column("result", sa.Text, nullable=True))
        batch.add_column(sa.Column("satisfaction", sa.String(24), nullable=True))
        batch.add_column(sa.Column("reopen_count", sa.Integer, nullable=False, server_default="0"))
        batch.add_column(sa.Column("supervision_level", sa.String(16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        for column in COLUMNS:
            batch.drop_column(column)
