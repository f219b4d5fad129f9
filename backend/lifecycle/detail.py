"""What a case's detail carries beside its reports and timeline: attachments, linked cases,
consultations, extensions and callbacks."""

from __future__ import annotations

from typing import Any

import msgspec
import sqlalchemy as sa

from backend import schema
from backend.case_writes import split_codes
from client_api import lifecycle_records as lr
from client_api import messages as m

_ATTACHMENT_COLUMNS = [c for c in schema.attachments.c if c.name != "data"]


def lifecycle_detail(conn: sa.Connection, case_id: int) -> dict[str, Any]:
    """Keyword arguments for ``CaseDetail``: everything joined to the case, read in one connection."""
    a, co, ex, cb = (
        schema.attachments,
        schema.consultations,
        schema.extensions,
        schema.callbacks,
    )
    attachments = conn.execute(sa.select(*_ATTACHMENT_COLUMNS).where(a.c.case_id == case_id).order_by(a.c.id))
    consultations = conn.execute(sa.select(co).where(co.c.case_id == case_id).order_by(co.c.id.desc()))
    extensions = conn.execute(sa.select(ex).where(ex.c.case_id == case_id).order_by(ex.c.id.desc()))
    callbacks = conn.execute(sa.select(cb).where(cb.c.case_id == case_id).order_by(cb.c.id))
    return {
        "attachments": [_convert(r, m.AttachmentInfo) for r in attachments],
        "links": linked_cases(conn, case_id),
        "consultations": [
            _convert(r, lr.Consultation, departments=list(split_codes(r.departments))) for r in consultations
        ],
        "extensions": [_convert(r, lr.Extension) for r in extensions],
        "callbacks": [_convert(r, lr.Callback) for r in callbacks],
    }


def linked_cases(conn: sa.Connection, case_id: int) -> list[lr.LinkedCase]:
    """Cases linked to ``case_id`` either way; a parent link reads 'parent' from the child's side."""
    ln, c = schema.case_links, schema.cases
    found: list[lr.LinkedCase] = []
    for mine, theirs, parent_kind in (
        (ln.c.case_id, ln.c.other_case_id, "child"),
        (ln.c.other_case_id, ln.c.case_id, "parent"),
    ):
        query = (
            sa.select(
                ln.c.kind,
                ln.c.created_by,
                ln.c.created_at,
                c.c.id,
                c.c.case_no,
                c.c.status,
                c.c.category_code,
            )
            .join(c, c.c.id == theirs)
            .where(mine == case_id)
            .order_by(ln.c.id)
        )
        for r in conn.execute(query):
            found.append(
                lr.LinkedCase(
                    case_id=r.id,
                    case_no=r.case_no,
                    kind=parent_kind if r.kind == "parent" else r.kind,
                    status=r.status,
                    category_code=r.category_code,
                    created_by=r.created_by,
                    created_at=r.created_at,
                )
            )
    return found


def _convert(row: sa.Row[Any], kind: type[Any], **overrides: Any) -> Any:
    fields = {name: getattr(row, name) for name in kind.__struct_fields__ if name in row._fields}
    return msgspec.convert(fields | overrides, kind)
