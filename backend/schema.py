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
