"""The case-form draft on disk: saved every few seconds, reopened after a crash or power loss."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import msgspec

from app.paths import data_dir
from client_api.case_draft import CaseDraft

log = logging.getLogger("app.drafts")


class DraftStore:
    """One draft per seat in ``draft.json`` of the data dir, written atomically and fsynced."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / "draft.json"

    def save(self, draft: CaseDraft) -> None:
        """Write so that a power cut leaves the old draft or the new one (call it off the GUI thread)."""
        tmp = self.path.with_suffix(f".{os.getpid()}-{id(self)}.tmp")  # two forms never share a temp file
        with open(tmp, "wb") as f:
            f.write(msgspec.json.encode(draft))
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.path)

    def load(self) -> CaseDraft | None:
        if not self.path.exists():
            return None
        try:
            draft = msgspec.json.decode(self.path.read_bytes(), type=CaseDraft)
        except (OSError, msgspec.DecodeError, msgspec.ValidationError) as exc:
            log.error("the saved draft %s is unreadable (%s); starting with an empty form", self.path, exc)
            return None
        return None if draft.is_empty() else draft

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)
