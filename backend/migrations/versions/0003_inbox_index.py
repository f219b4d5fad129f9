"""Inbox: keep why an item was dismissed; index the open-items query.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("intake_items") as batch:
        batch.add_column(sa.Column("dismiss_reason", sa.Text, nullable=True))
        batch.create_index("ix_intake_items_status_priority", ["status", "priority", "received_at"])


def downgrade() -> None:
    with op.batch_alter_table("intake_items") as batch:
        batch.drop_index("ix_intake_items_status_priority")
        batch.drop_column("dismiss_reason")
