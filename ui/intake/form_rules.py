"""What a case form must hold before it can be sent, in words for the operator."""

from __future__ import annotations

import re

from PySide6.QtCore import QObject

from client_api.case_draft import CaseDraft

MAX_ADDRESS = 512
MAX_DESCRIPTION = 4000
PHONE = re.compile(r"^\+?[0-9][0-9-]{5,19}$")
OBJECT_CODE = re.compile(r"^[0-9]{16}$")


class FormRules(QObject):
    """``problems(draft)`` lists (field, message) pairs, most important first; empty when sendable."""

    def problems(self, draft: CaseDraft) -> list[tuple[str, str]]:
        found: list[tuple[str, str]] = []
        phone = draft.reporter_phone.strip()
        if phone and not PHONE.match(phone):
            found.append(
                ("reporter_phone", self.tr("The phone number may hold only digits, - and a leading +."))
            )
        if not draft.category_code:
            found.append(("category", self.tr("Choose a category from the list.")))
        address = draft.address.strip()
        if not address:
            found.append(("address", self.tr("Enter the address.")))
        elif len(address) > MAX_ADDRESS:
            found.append(
                ("address", self.tr("The address is longer than {n} characters.").format(n=MAX_ADDRESS))
            )
        code = draft.object_code.strip()
        if code and not OBJECT_CODE.match(code):
            found.append(("object_code", self.tr("An object code has 16 digits.")))
        text = draft.description.strip()
        if not text:
            found.append(("description", self.tr("Enter a description.")))
        elif len(text) > MAX_DESCRIPTION:
            found.append(
                (
                    "description",
                    self.tr("The description is longer than {n} characters.").format(n=MAX_DESCRIPTION),
                )
            )
        return found
