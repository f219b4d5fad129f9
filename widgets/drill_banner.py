"""The drill banner every seat shows while a drill runs: "演练进行中：<title>" (marked when paused), in
the exercise red, beside the places' tabs."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from client_api.drill_messages import DrillState


class DrillBanner(QLabel):
    """Hidden unless a drill is running or paused."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drillBanner")
        self.setStyleSheet(
            "QLabel#drillBanner{background:#b42318;color:white;font-weight:bold;padding:3px 10px;"
            "border-radius:3px;margin:2px 4px;}"
        )
        self.hide()

    def show_drill(self, drill: DrillState | None) -> None:
        if drill is None or drill.state not in ("running", "paused"):
            self.clear()
            self.hide()
            return
        text = self.tr("演练进行中：{title}").format(title=drill.title)
        if drill.state == "paused":
            text = self.tr("{banner} (paused)").format(banner=text)
        self.setText(text)
        self.setToolTip(self.tr("Drill #{id}: everything on this seat is exercise data").format(id=drill.id))
        self.show()
