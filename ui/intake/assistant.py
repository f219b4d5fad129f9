"""Works beside the operator while the form fills: suggests a category, shows the deadline, resolves
the address to its grid, offers answers for consultations and looks for duplicates.

Each lookup starts when the fields it depends on changed and the operator paused; its answer is
dropped if the form moved on meanwhile. Lookups only assist: when one fails, the form still works.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Awaitable

from PySide6.QtCore import QObject, QStringListModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCompleter
from qasync import asyncSlot

from app import message
from app.intake_service import IntakeService, Stale
from app.seat_service import SeatService
from client_api import intake_messages as xm
from client_api import messages as m
from client_api.case_draft import CaseDraft
from client_api.errors import NotConnected, ProtocolError, RequestTimeout
from ui.intake.case_form import CaseForm
from ui.intake.duplicate_panel import DuplicatePanel
from ui.intake.map_dialog import MapPickDialog

log = logging.getLogger("ui.intake")
CONSULTATION = "A01"


class IntakeAssistant(QObject):
    def __init__(
        self, service: SeatService, form: CaseForm, duplicates: DuplicatePanel, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._intake = IntakeService(service)
        self._form = form
        self._duplicates = duplicates
        self._last = CaseDraft()
        self._places: dict[str, xm.Place] = {}
        self._tasks: set[asyncio.Future[None]] = set()
        self._completions = QStringListModel(self)
        completer = QCompleter(self._completions, form.address)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated[str].connect(self.on_completer_activated)  # type: ignore[index]
        form.address.setCompleter(completer)
        self._complete_timer = QTimer(self, singleShot=True, interval=250)
        self._complete_timer.timeout.connect(self._complete)
        form.address.textEdited.connect(self.on_address_textEdited)
        form.draftChanged.connect(self.on_form_draftChanged)
        form.suggestions.accepted.connect(lambda code: form.category.set_code(code))
        form.answers.answerAndClose.connect(form.close_at_intake)
        form.caseCreated.connect(lambda _case: self._new_case())
        form.caseQueued.connect(lambda _entry: self._new_case())
        duplicates.mergeRequested.connect(self.on_duplicates_mergeRequested)
        form.map_button.clicked.connect(self.on_map_clicked)
        QShortcut(QKeySequence("Ctrl+Shift+P"), form, self.on_map_clicked)

    # --- the address --------------------------------------------------------------------------

    def on_address_textEdited(self, _text: str) -> None:
        self._form.set_location(None, None)  # typed by hand: the old point no longer applies
        self._complete_timer.start()

    def _complete(self) -> None:
        prefix = self._form.address.text().strip()
        if len(prefix) >= 2:
            self._spawn(self._complete_places(prefix))

    async def _complete_places(self, prefix: str) -> None:
        places = await self._intake.complete(prefix)
        self._places = {
            p.address if p.address.endswith(p.name) else f"{p.address} {p.name}": p for p in places
        }
        self._completions.setStringList(list(self._places))
        completer = self._form.address.completer()
        if completer is not None and places and self._form.address.hasFocus():
            completer.complete()

    def on_completer_activated(self, text: str) -> None:
        place = self._places.get(text)
        if place is not None:
            self._apply_place(
                place.lat, place.lon, place.grid_code, place.village_code, place.town_code, "exact"
            )

    def _apply_place(
        self,
        lat: float | None,
        lon: float | None,
        grid: str | None,
        village: str | None,
        town: str | None,
        precision: str,
    ) -> None:
        self._form.set_location(lat, lon)
        if grid and self._form.grid.currentIndex() <= 0:
            self._form.grid.setCurrentIndex(max(0, self._form.grid.findData(grid)))
        names = [self._service.area_name(code) for code in (town, village, grid) if code]
        precisions = {
            "exact": self.tr("exact address"),
            "interpolated": self.tr("house number interpolated"),
            "landmark": self.tr("near a landmark"),
            "point": self.tr("from the map point"),
        }
        how = precisions.get(precision, precision)
        self._form.area_label.setText(
            self.tr("{area} ({precision})").format(area=" / ".join(names), precision=how)
            if names
            else self.tr("The address is not in the gazetteer: choose the grid by hand.")
        )

    @asyncSlot()
    async def on_map_clicked(self) -> None:
        """Pick the place on the grid map; the grid, village and town follow from the point."""
        draft = self._form.draft()
        point = await MapPickDialog(self._service, draft.lat, draft.lon, parent=self._form).pick()
        if point is None:
            return
        try:
            found = await self._intake.resolve_point(*point)
        except (ProtocolError, NotConnected, RequestTimeout) as exc:
            self._form.show_error(self.tr("The point could not be placed: {reason}").format(reason=exc))
            return
        self._form.grid.setCurrentIndex(0)  # the map decides the grid
        self._apply_place(point[0], point[1], found.grid_code, found.village_code, found.town_code, "point")

    # --- everything else, when the operator pauses ----------------------------------------------

    def on_form_draftChanged(self, draft: CaseDraft) -> None:
        last, self._last = self._last, draft
        if draft.description != last.description and not draft.category_code and draft.description.strip():
            self._spawn(self._suggest(draft.description))
        key = (draft.category_code, draft.urgency, draft.appeal_type)
        if key != (last.category_code, last.urgency, last.appeal_type) and draft.category_code:
            self._spawn(self._deadline(draft))
        if draft.address != last.address and draft.lat is None and draft.address.strip():
            self._spawn(self._resolve(draft.address))
        self._form.answers.setVisible(draft.appeal_type == CONSULTATION)
        if (
            draft.appeal_type == CONSULTATION
            and draft.description != last.description
            and draft.description.strip()
        ):
            self._spawn(self._answers(draft.description))
        watched = ("category_code", "address", "lat", "object_code", "description", "reporter_phone")
        if any(getattr(draft, f) != getattr(last, f) for f in watched):
            self._spawn(self._find_duplicates(draft))

    async def _suggest(self, description: str) -> None:
        self._form.suggestions.show_suggestions(await self._intake.suggest(description))

    async def _deadline(self, draft: CaseDraft) -> None:
        deadline = await self._intake.deadline(draft.category_code, draft.urgency, draft.appeal_type or None)
        due = dt.datetime.fromtimestamp(deadline.deadline_at).strftime("%Y-%m-%d %H:%M")
        self._form.deadline_label.setText(self.tr("Due by {due}").format(due=due))

    async def _resolve(self, address: str) -> None:
        found = await self._intake.resolve(address)
        if found.precision != "none" and self._form.draft().lat is None:
            self._apply_place(
                found.lat, found.lon, found.grid_code, found.village_code, found.town_code, found.precision
            )
        elif found.precision == "none":
            self._apply_place(None, None, None, None, None, found.precision)

    async def _answers(self, description: str) -> None:
        self._form.answers.show_articles(await self._intake.answers(description))

    async def _find_duplicates(self, draft: CaseDraft) -> None:
        query = xm.FindDuplicates(
            category_code=draft.category_code or None,
            lat=draft.lat,
            lon=draft.lon,
            object_code=draft.object_code.strip() or None,
            description=draft.description.strip() or None,
            reporter_phone=draft.reporter_phone.strip() or None,
            address=draft.address.strip() or None,
        )
        if not any((query.category_code, query.object_code, query.description, query.reporter_phone)):
            self._duplicates.reset()
            return
        self._duplicates.show_candidates(await self._intake.duplicates(query))

    # --- merge ------------------------------------------------------------------------------------

    @asyncSlot(object)
    async def on_duplicates_mergeRequested(self, candidate: xm.DuplicateCandidate) -> None:
        await self.merge_into(candidate.case)

    async def merge_into(self, case: m.CaseRecord) -> None:
        """Add the report being entered to ``case`` (a duplicate, or the caller's own earlier case)."""
        draft = self._form.draft()
        if not draft.description.strip():
            self._form.show_error(self.tr("Enter what the caller reports before merging it into a case."))
            return
        report = xm.ReportInput(
            description=draft.description,
            reporter_name=draft.reporter_name or None,
            reporter_phone=draft.reporter_phone or None,
            confidential=draft.confidential,
            address=draft.address or None,
            lat=draft.lat,
            lon=draft.lon,
            channel=draft.channel,
            call_id=draft.call_id,
            intake_item_id=draft.intake_item_id,
        )
        try:
            merged = await self._intake.merge(case.id, report)
        except ProtocolError as exc:
            self._form.show_error(self.tr("The report was not merged: {message}").format(message=exc.message))
            return
        except (NotConnected, RequestTimeout):
            self._form.show_error(
                self.tr("Not connected to the backend; the report was not merged. The form is kept.")
            )
            return
        message.info(
            self.tr("Report added to case {no}. Tell the caller this number.").format(no=merged.case_no)
        )
        self._form.clear()
        self._form.save_draft()
        self._new_case()

    def _new_case(self) -> None:
        self._duplicates.reset()
        self._last = CaseDraft()

    def _spawn(self, coro: Awaitable[None]) -> None:
        task = asyncio.ensure_future(self._quietly(coro))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    @staticmethod
    async def _quietly(coro: Awaitable[None]) -> None:
        try:
            await coro
        except Stale:
            pass
        except (ProtocolError, NotConnected, RequestTimeout) as exc:
            log.info("intake lookup failed: %s", exc)
