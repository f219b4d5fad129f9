"""The seat console's main window: the places (Intake, Cases, Alerts, Wall, Comms), the alert banner
above them, status bar, toasts, the exercise watermark, the outbox and the idle lock."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex
from PySide6.QtGui import QAction, QCloseEvent, QColor, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from app import message, ui_state
from app.alerts_service import AlertsService
from app.calls_service import CallsService
from app.comms_service import CommsService
from app.drill_service import DrillService
from app.idle_watch import IdleWatch
from app.inbox_service import InboxService
from app.outbox_service import OutboxWatch
from app.radio_service import RadioService
from app.seat_service import SeatService
from app.wall_service import WallService
from client_api import messages as m
from ui.alerts.seat_alerts import SeatAlerts
from ui.cases_screen import CasesScreen
from ui.comms.radio_panel import RadioPanel
from ui.comms_screen import CommsScreen
from ui.drill.drill_seat import DrillSeat
from ui.help_overlay import HelpOverlay
from ui.intake_screen import IntakeScreen
from ui.lock_screen import LockScreen
from ui.outbox_dialog import OutboxDialog
from ui.status_bar import SeatStatusBar
from ui.wall_designer import WallDesigner
from widgets.toast_area import ToastArea
from widgets.watermark import ExerciseWatermark


class MainWindow(QMainWindow):
    """Attributes: tabs, intake, cases, alerts (AlertsService), wall (WallService), wall_designer (the Wall
    place), comms (CommsService), radio (RadioService), comms_screen (the Comms place with the radio
    console), seat_alerts (SeatAlerts: the banner above the tabs, popups, actions, the Alerts place and
    their wiring), alerts_screen, banner, popups, alert_actions (short names for those parts), status,
    toasts, watermark, outbox (OutboxWatch), outbox_dialog (while open), lock_screen, idle (IdleWatch;
    ``idle_lock_s`` 0 never locks), drill (DrillService), drill_seat (DrillSeat)."""

    def __init__(
        self,
        service: SeatService,
        calls: CallsService | None = None,
        parent: QWidget | None = None,
        idle_lock_s: float = 0,
        alerts: AlertsService | None = None,
        wall: WallService | None = None,
        radio: RadioService | None = None,
        comms: CommsService | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self.outbox = OutboxWatch(service, self)
        self.outbox_dialog: OutboxDialog | None = None
        self.calls = calls or CallsService(service, self)
        self.inbox = InboxService(service, self)
        self.alerts = alerts or AlertsService(service, parent=self)
        self.wall = wall or WallService(service, self)
        self.radio = radio or RadioService(service, self)
        self.comms = comms or CommsService(service, self)
        self.setObjectName("seatMainWindow")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("places")
        self.seat_alerts = SeatAlerts(self.alerts, self.tabs, self)
        self.alerts_screen, self.banner = self.seat_alerts.screen, self.seat_alerts.banner
        self.alert_actions = self.seat_alerts.actions
        self.intake = IntakeScreen(service, self.calls, self.inbox, self)
        self.cases = CasesScreen(service, self)
        self.tabs.addTab(self.intake, self.tr("Intake"))
        self.tabs.addTab(self.cases, self.tr("Cases"))
        self.tabs.addTab(self.alerts_screen, self.tr("Alerts"))
        self.wall_designer = WallDesigner(self.wall, self.alerts, self)
        self.tabs.addTab(self.wall_designer, self.tr("Wall"))
        self.comms_screen = CommsScreen(self.comms, self.wall, RadioPanel(self.radio), self)
        self.tabs.addTab(self.comms_screen, self.tr("Comms"))
        # drill mode (#9): the banner on every seat, the caller's voice, the Drill place on trainer seats
        self.drill = DrillService(service, self)
        self.drill_seat = DrillSeat(self.drill, self.calls, self.alerts, self.tabs, self)
        self._follow_case_in_context()
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.status = SeatStatusBar(service, self.outbox, self)
        self.status.outboxRequested.connect(self.show_outbox)
        self.setStatusBar(self.status)
        self.toasts = ToastArea(self)
        self.popups = self.seat_alerts.start_popups(self.toasts)
        self.watermark = ExerciseWatermark(self)
        self.help = HelpOverlay(self)
        self.lock_screen = LockScreen(service, self)
        self.idle = IdleWatch(idle_lock_s, parent=self)
        self.idle.idle.connect(self.on_idle_idle)
        self.lock_screen.unlocked.connect(self.idle.reset)
        self._build_menu()
        self._update_title()
        bridge = message.global_bridge()
        bridge.shown.connect(self.on_bridge_shown)
        self._bridge_attached = True
        for msg in bridge.attach_view():
            self.on_bridge_shown(msg)
        service.serverChanged.connect(self.on_service_serverChanged)
        service.loggedIn.connect(lambda _op: self._update_title())
        if service.client.server is not None:
            self.on_service_serverChanged(service.client.server)
        geometry = ui_state.load_geometry("main")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)

    def _build_menu(self) -> None:
        seat_menu = self.menuBar().addMenu(self.tr("&Seat"))
        sound = QAction(self.tr("Alert &sound…"), self)
        sound.triggered.connect(lambda _checked=False: self.seat_alerts.on_alert_sound())
        seat_menu.addAction(sound)
        # The key is taken in event(), not as the action's shortcut: the case form's attachment has it too.
        ack = QAction(self.tr("&Acknowledge the top alert…") + "\tCtrl+Shift+A", self)
        ack.triggered.connect(lambda _checked=False: self.seat_alerts.acknowledge_top())
        seat_menu.addAction(ack)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        seat_menu.addAction(quit_action)
        wall_menu = self.menuBar().addMenu(self.tr("&Wall"))
        designer = self.wall_designer.commands
        for action in (designer.undo, designer.redo, designer.save_preset, designer.push, designer.discard):
            wall_menu.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        shortcuts = QAction(self.tr("&Keyboard shortcuts"), self)
        shortcuts.setShortcut(QKeySequence("F1"))
        shortcuts.triggered.connect(lambda: self.help.toggle())
        help_menu.addAction(shortcuts)
        about = QAction(self.tr("&About"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)
        for index in range(self.tabs.count()):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Alt+{index + 1}"))
            action.triggered.connect(lambda _checked=False, i=index: self.tabs.setCurrentIndex(i))
            self.addAction(action)

    def _follow_case_in_context(self) -> None:
        """The comms panel works on the case selected in the Cases place, or the one just created."""
        self.intake.form.caseCreated.connect(lambda case: self.comms_screen.set_case(case.id))
        self.intake.caller_card.caseChosen.connect(lambda case: self.comms_screen.set_case(case.id))
        self.cases.table.selectionModel().currentRowChanged.connect(self.on_cases_currentRowChanged)
        self.comms_screen.ringingChanged.connect(self.on_comms_screen_ringingChanged)
        # radio: transmissions go into the case in context; the radio speaks through the seat's voice
        self.comms.case.caseChanged.connect(self.on_comms_caseChanged)
        self.radio.speak_through(lambda: self.alerts.speech)

    def on_cases_currentRowChanged(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.comms_screen.set_case(self.cases.proxy.case_at(current.row()).id)

    def on_comms_caseChanged(self, case_id: int | None) -> None:
        self.radio.ptt.case_id = case_id

    def on_comms_screen_ringingChanged(self, ringing: bool) -> None:
        """A ringing comms call marks the Comms tab (the card itself pulses on the place)."""
        index = self.tabs.indexOf(self.comms_screen)
        text = self.tr("Comms")
        self.tabs.setTabText(index, f"☎ {text}" if ringing else text)
        self.tabs.tabBar().setTabTextColor(index, QColor("#b54708") if ringing else QColor())

    def _update_title(self) -> None:
        title = self.tr("Command seat")
        operator = self._service.operator
        if operator is not None:
            title = f"{title} — {operator.display_name}"
        if self._service.exercise:
            title = self.tr("[EXERCISE] {title}").format(title=title)
        self.setWindowTitle(title)

    def on_service_serverChanged(self, server: m.HelloOk) -> None:
        self.watermark.set_active(server.exercise)
        self.seat_alerts.set_exercise(server.exercise)
        self._update_title()

    def on_bridge_shown(self, msg: message.Message) -> None:
        text = msg.text
        if self._service.exercise:
            text = self.tr("【演练】") + text
        self.toasts.show_message(msg.level.value, text)

    def on_idle_idle(self) -> None:
        if self._service.operator is not None:
            self.lock_screen.lock()
        else:
            self.idle.reset()

    def show_outbox(self) -> None:
        if self.outbox_dialog is None:
            self.outbox_dialog = OutboxDialog(self.outbox, self)
        self.outbox_dialog.show()
        self.outbox_dialog.raise_()
        self.outbox_dialog.reload()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About"),
            self.tr("Seat console of the regional governance command center."),
        )

    def event(self, event: QEvent) -> bool:
        # Ctrl+Shift+A while an alert waits on the banner (the type test first: event() runs during __init__)
        if event.type() == QEvent.Type.ShortcutOverride and self.seat_alerts.take_key(event):
            return True
        return super().event(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        ui_state.save_geometry("main", self.saveGeometry())
        self.idle.remove()
        self.alerts.stop()
        if self._bridge_attached:
            self._bridge_attached = False
            message.global_bridge().shown.disconnect(self.on_bridge_shown)
            message.global_bridge().detach_view()
        super().closeEvent(event)
