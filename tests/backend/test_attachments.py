"""Attachments: uploaded by an operator, taken by one case in its transaction, read back intact."""

from __future__ import annotations

from typing import Any

import pytest

from backend.server import Server
from client_api import messages as m
from client_api.client import SeatClient
from client_api.errors import ProtocolError
from tests.backend.wire import log_in

PHOTO = bytes(range(256)) * 40


def run(aio: Any, server: Server, scenario: Any, *users: str) -> Any:
    async def wrapped() -> Any:
        clients = [SeatClient(server.url) for _ in users]
        try:
            for n, (client, user) in enumerate(zip(clients, users, strict=True)):
                await log_in(client, f"S{n}", username=user)
            return await scenario(*clients)
        finally:
            for client in clients:
                await client.close()

    return aio.run(wrapped())


def test_a_case_takes_its_attachments_and_they_read_back(aio: Any, server: Server) -> None:
    async def scenario(op: SeatClient) -> tuple[m.CaseRecord, m.AttachmentData]:
        up = (
            await op.request("attachment.upload", m.UploadAttachment("现场.jpg", "image/jpeg", PHOTO))
        ).attachment
        req = m.CreateCase("E0502", "滨江路88号", "水管爆裂", attachment_ids=[up.id])
        case = (await op.request("case.create", req)).case
        return case, await op.request("attachment.get", m.GetAttachment(up.id))

    case, got = run(aio, server, scenario, "operator1")
    assert case.attachment_count == 1
    assert got.data == PHOTO and got.attachment.case_id == case.id and got.attachment.size == len(PHOTO)


@pytest.mark.parametrize(
    ("name", "mime", "data", "field"),
    [
        ("a.exe", "application/x-msdownload", b"MZ", "mime"),
        ("../etc/passwd", "text/plain", b"x", "name"),
        ("empty.txt", "text/plain", b"", "data"),
        ("big.jpg", "image/jpeg", b"x" * (700 * 1024 + 1), "data"),
    ],
)
def test_bad_uploads_are_refused(
    aio: Any, server: Server, name: str, mime: str, data: bytes, field: str
) -> None:
    async def scenario(op: SeatClient) -> ProtocolError:
        with pytest.raises(ProtocolError) as raised:
            await op.request("attachment.upload", m.UploadAttachment(name, mime, data))
        return raised.value

    error = run(aio, server, scenario, "operator1")
    assert error.code == "invalid_field" and error.details == {"field": field}


def test_another_operators_or_used_attachment_is_refused_and_nothing_stored(aio: Any, server: Server) -> None:
    async def scenario(op1: SeatClient, op2: SeatClient) -> tuple[list[str], int]:
        up = (
            await op1.request("attachment.upload", m.UploadAttachment("a.png", "image/png", PHOTO))
        ).attachment
        errors = []
        for client in (op2, op1, op1):
            try:
                await client.request("case.create", m.CreateCase("E0101", "路", "事", attachment_ids=[up.id]))
            except ProtocolError as exc:
                errors.append(exc.message)
        return errors, len((await op1.list_cases()).cases)

    errors, cases = run(aio, server, scenario, "operator1", "operator2")
    assert len(errors) == 2 and "uploaded by operator2" in errors[0] and "already belongs" in errors[1]
    assert cases == 1  # only operator1's first attempt made a case
