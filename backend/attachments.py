"""Attachments: kept in the database beside their case, so a backup of one holds both."""

from __future__ import annotations

import hashlib
import re
import time

import sqlalchemy as sa

from backend import schema
from backend.case_writes import invalid
from client_api import messages as m
from client_api.errors import ErrorCode, ProtocolError

MAX_BYTES = 700 * 1024  # base64 grows it by a third: the frame stays under the 1 MiB limit
MAX_PER_CASE = 10
ALLOWED_MIME = re.compile(
    r"^(image/(jpeg|png|webp|gif)|application/pdf|audio/(amr|mpeg|wav|x-wav|ogg)|text/plain)$"
)
BAD_NAME = re.compile(r"[\\/\x00-\x1f]")


def info_from_row(row: sa.Row[object]) -> m.AttachmentInfo:
    return m.AttachmentInfo(
        id=row.id,
        name=row.name,
        mime=row.mime,
        size=row.size,
        sha256=row.sha256,
        uploaded_by=row.uploaded_by,
        uploaded_at=row.uploaded_at,
        case_id=row.case_id,
    )


def insert_attachment(conn: sa.Connection, req: m.UploadAttachment, operator: m.Operator) -> m.AttachmentInfo:
    name = req.name.strip()
    if not name or len(name) > 255 or BAD_NAME.search(name):
        raise invalid("name", "the file name is empty, too long or holds a path or control characters")
    if not ALLOWED_MIME.match(req.mime):
        raise invalid("mime", f"files of type {req.mime!r} are not accepted (photos, PDF, recordings, text)")
    if not req.data:
        raise invalid("data", "the file is empty")
    if len(req.data) > MAX_BYTES:
        raise invalid("data", f"the file is larger than {MAX_BYTES // 1024} KiB")
    values = {
        "uploaded_by": operator.username,
        "uploaded_at": time.time(),
        "name": name,
        "mime": req.mime,
        "size": len(req.data),
        "sha256": hashlib.sha256(req.data).hexdigest(),
        "data": req.data,
    }
    new_id = conn.execute(sa.insert(schema.attachments).values(**values).returning(schema.attachments.c.id))
    row = conn.execute(
        sa.select(schema.attachments).where(schema.attachments.c.id == new_id.scalar_one())
    ).one()
    return info_from_row(row)


def link_attachments(conn: sa.Connection, ids: list[int], operator: m.Operator, case_id: int) -> int:
    """Give the case its attachments (in the case's transaction); each must be this operator's and unused."""
    if len(ids) > MAX_PER_CASE:
        raise invalid("attachment_ids", f"a case takes at most {MAX_PER_CASE} attachments")
    table = schema.attachments
    for attachment_id in dict.fromkeys(ids):
        row = conn.execute(sa.select(table).where(table.c.id == attachment_id)).first()
        if row is None or row.uploaded_by != operator.username:
            raise invalid("attachment_ids", f"no attachment {attachment_id} uploaded by {operator.username}")
        if row.case_id is not None:
            raise invalid("attachment_ids", f"attachment {attachment_id} already belongs to a case")
        conn.execute(sa.update(table).where(table.c.id == attachment_id).values(case_id=case_id))
    return len(dict.fromkeys(ids))


def read_attachment(conn: sa.Connection, attachment_id: int) -> tuple[m.AttachmentInfo, bytes]:
    row = conn.execute(sa.select(schema.attachments).where(schema.attachments.c.id == attachment_id)).first()
    if row is None:
        raise ProtocolError(ErrorCode.NOT_FOUND, f"no attachment {attachment_id}")
    return info_from_row(row), bytes(row.data)
