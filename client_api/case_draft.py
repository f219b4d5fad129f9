"""What the operator has typed into the case form so far, as plain data (saved as a draft)."""

from __future__ import annotations

import msgspec

from client_api import messages as m


class CaseDraft(msgspec.Struct, kw_only=True):
    """Every field of the case form; empty strings mean not filled in yet."""

    category_code: str = ""
    appeal_type: str = ""
    urgency: str = "normal"
    channel: str = "hotline"
    reporter_name: str = ""
    reporter_phone: str = ""
    confidential: bool = False
    address: str = ""
    lat: float | None = None
    lon: float | None = None
    grid_code: str = ""
    object_code: str = ""
    description: str = ""
    call_id: int | None = None
    intake_item_id: int | None = None
    attachment_ids: list[int] = []  # already uploaded; the case takes them when it is created
    attachment_names: list[str] = []
    saved_at: float = 0.0

    def is_empty(self) -> bool:
        return not any(
            (
                self.category_code,
                self.reporter_name,
                self.reporter_phone,
                self.address,
                self.description,
                self.object_code,
                self.attachment_ids,
            )
        )

    def to_request(self, resolution: str | None = None) -> m.CreateCase:
        def opt(text: str) -> str | None:
            return text.strip() or None

        return m.CreateCase(
            category_code=self.category_code,
            address=self.address,
            description=self.description,
            grid_code=opt(self.grid_code),
            appeal_type=opt(self.appeal_type),
            urgency=self.urgency,
            channel=self.channel,
            reporter_name=opt(self.reporter_name),
            reporter_phone=opt(self.reporter_phone),
            confidential=self.confidential,
            lat=self.lat,
            lon=self.lon,
            object_code=opt(self.object_code),
            call_id=self.call_id,
            intake_item_id=self.intake_item_id,
            resolution=resolution,
            attachment_ids=list(self.attachment_ids),
        )
