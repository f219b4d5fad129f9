"""Inbox items as seats see them, and the errors that explain why an item cannot be touched."""

from __future__ import annotations

from typing import Any

import msgspec
import sqlalchemy as sa

from backend import schema
from client_api.errors import ErrorCode, ProtocolError
from client_api.inbox_messages import IntakeItem

items = schema.intake_items


def item_from_row(row: sa.Row[Any]) -> IntakeItem:
    """An item from a row of ``intake_items`` (all columns)."""
    return msgspec.convert({field: getattr(row, field) for field in IntakeItem.__struct_fields__}, IntakeItem)


def field_error(field: str, message: str, **details: object) -> ProtocolError:
    return ProtocolError(ErrorCode.INVALID_FIELD, message, {"field": field, **details})


def load_item(conn: sa.Connection, item_id: int, field: str = "item_id") -> IntakeItem:
    """The item, or ProtocolError naming ``field``: not_found for the inbox's own requests, invalid_field
    when the id is a field of another request (``case.create``'s ``intake_item_id``)."""
    row = conn.execute(sa.select(items).where(items.c.id == item_id)).first()
    if row is None:
        code = ErrorCode.NOT_FOUND if field == "item_id" else ErrorCode.INVALID_FIELD
        raise ProtocolError(code, f"no inbox item with id {item_id}", {"field": field})
    return item_from_row(row)


def display_name(conn: sa.Connection, username: str) -> str:
    name = conn.execute(
        sa.select(schema.accounts.c.display_name).where(schema.accounts.c.username == username)
    ).scalar()
    return f"{name} ({username})" if name else username


def not_open_error(conn: sa.Connection, item: IntakeItem, field: str = "item_id") -> ProtocolError:
    """Why ``item`` is out of reach: done, dismissed, or taken by someone else."""
    if item.status == "done":
        return field_error(field, f"inbox item {item.id} is done (case {item.case_id})", case_id=item.case_id)
    if item.status == "dismissed":
        return field_error(field, f"inbox item {item.id} was dismissed")
    if item.status == "taken" and item.taken_by is not None:
        who = display_name(conn, item.taken_by)
        return field_error(field, f"inbox item {item.id} is already taken by {who}", taken_by=item.taken_by)
    return field_error(field, f"inbox item {item.id} is not taken; take it first")
