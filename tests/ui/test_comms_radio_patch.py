"""The "Patch groups" dialog: two or more groups, 1–480 minutes, or no patch request at all."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from client_api import comms_messages as cm
from tests.ui.test_comms_radio_support import GROUPS
from ui.comms.radio_patch_dialog import RadioPatchDialog


def test_a_patch_needs_two_groups_and_a_time_from_one_to_480_minutes(qtbot: Any) -> None:
    dialog = RadioPatchDialog(GROUPS, ["tg-city"])
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.chosen() == ["tg-city"]
    assert not ok.isEnabled() and dialog.problem.text() == "Choose at least two talk groups."
    assert dialog.request() is None
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # nothing to accept

    dialog.checks["tg-emergency"].setChecked(True)
    assert ok.isEnabled() and dialog.problem.text() == ""
    assert (dialog.minutes.minimum(), dialog.minutes.maximum()) == (1, 480)
    dialog.minutes.setValue(0)
    assert dialog.minutes.value() == 1
    dialog.minutes.setValue(999)
    assert dialog.minutes.value() == 480
    dialog.minutes.lineEdit().selectAll()
    qtbot.keyClicks(dialog.minutes, "45")
    assert dialog.request() == cm.PatchGroups(groups=["tg-city", "tg-emergency"], minutes=45.0)

    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_a_patch_joins_at_most_four_groups(qtbot: Any) -> None:
    groups = [*GROUPS, *(cm.TalkGroup(id=f"tg-town-{n}", name=f"镇{n}") for n in range(2))]
    dialog = RadioPatchDialog(groups, [g.id for g in groups])
    qtbot.addWidget(dialog)
    assert dialog.request() is None and dialog.problem.text() == "A patch joins at most 4 talk groups."
    dialog.checks["tg-town-1"].setChecked(False)
    request = dialog.request()
    assert request is not None and len(request.groups) == 4


def test_unchecking_a_group_takes_the_request_back(qtbot: Any) -> None:
    dialog = RadioPatchDialog(GROUPS, ["tg-district", "tg-city"])
    qtbot.addWidget(dialog)
    assert dialog.request() == cm.PatchGroups(groups=["tg-district", "tg-city"], minutes=30.0)
    dialog.checks["tg-district"].setChecked(False)
    assert dialog.request() is None
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
