"""Registration to the PBX, on the SIP thread: the account, its status, retries and a watchdog.

PJSIP's own retry is switched off; this class retries every failure with back-off (2 s, 4 s, 8 s … up
to a minute by default) and says when in ``retry_at``. A PBX that does not answer at all would leave a
REGISTER pending for 32 s (SIP timer F): a watchdog gives up on it after ``answer_timeout`` instead, and
the next attempt starts from a fresh account (the stuck transaction goes with the old one). A refresh
that gets no answer before the registration runs out is a registration lost, the same way.
"""

from __future__ import annotations

import logging
import math
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pjsua2 as pj

from backend.comms.sip_results import registration_failure, retry_delay
from backend.comms.sip_thread import PjsipThread, Timer, log_failure
from backend.comms.sip_uri import Registrar
from client_api.comms_messages import TelephonyStatus

log = logging.getLogger("backend.comms.sip")

# PJSIP refreshes a registration no sooner than this many seconds after the last one, however short
# its lifetime (PJSIP_REGISTER_CLIENT_DELAY_BEFORE_REFRESH).
_PJSIP_SHORTEST_REFRESH = 5


@dataclass(frozen=True, slots=True)
class SipSettings:
    """What the adapter was configured with (see SipAdapter)."""

    registrar: Registrar
    user: str
    password: str
    domain: str
    reregister: float
    answer_timeout: float
    retry_first: float
    retry_longest: float

    @property
    def refresh_margin(self) -> int:
        """Seconds before the registration runs out that PJSIP refreshes it."""
        return 5 if self.reregister >= 20 else max(1, int(self.reregister // 3))


class SipAccount(pj.Account):
    """The PJSIP account; hands its callbacks to the Registration (held weakly: no reference cycle
    keeps a PJSIP object alive for a garbage collection on another thread)."""

    def __init__(self, owner: Registration) -> None:
        super().__init__()
        self._owner = weakref.ref(owner)

    def onRegState(self, prm: Any) -> None:
        owner = self._owner()
        if owner is not None:
            guarded(owner.on_reg_state, prm.code, prm.reason, prm.expiration, prm.status)

    def onIncomingCall(self, prm: Any) -> None:
        owner = self._owner()
        if owner is not None:
            guarded(owner.on_incoming, self, prm.callId)


def guarded(fn: Callable[..., None], *args: Any) -> None:
    """Run a PJSIP callback's handler; an exception must not cross back into PJSIP's C++."""
    try:
        fn(*args)
    except Exception:
        log_failure("a SIP callback failed")


class Registration:
    """Keeps the account registered. Runs on the SIP thread only.

    Attributes:
        account: the current SipAccount (None before start and after stop).
        status: the last TelephonyStatus reported.
    """

    def __init__(
        self,
        thread: PjsipThread,
        settings: SipSettings,
        on_status: Callable[[TelephonyStatus], None],
        on_incoming: Callable[[SipAccount, int], None],
    ) -> None:
        self._thread = thread
        self._settings = settings
        self._on_status = on_status
        self.on_incoming = on_incoming
        self.account: SipAccount | None = None
        self.status = TelephonyStatus(
            adapter="sip", state="starting", registrar=settings.registrar.hostport, since=time.time()
        )
        self._registered = False
        self._stale = False  # the account has a REGISTER nobody answered: replace it
        self._attempts = 0
        self._watchdog: Timer | None = None
        self._retry: Timer | None = None
        self._stopped = False

    @property
    def registered(self) -> bool:
        return self._registered

    def start(self) -> None:
        self._attempt()

    def stop(self) -> None:
        """Unregister (the account's deletion sends it) and stop retrying."""
        self._stopped = True
        self._cancel_timers()
        self._drop_account()
        self._registered = False
        self._set("unregistered", "the SIP adapter has stopped")

    # --- PJSIP callbacks ----------------------------------------------------------------------------

    def on_reg_state(self, code: int, reason: str, expiration: int, status: int) -> None:
        if self._stopped:
            return
        if 200 <= code < 300:
            if expiration > 0:
                self._on_registered(expiration)
            return
        if self._retry is not None:
            log.debug("SIP registration answered %s %s after it was given up", code, reason)
            return
        transport_error = "" if status == 0 or code not in (502, 503) else _error_text(status)
        self._on_failed(code, reason, transport_error)

    # --- the state machine --------------------------------------------------------------------------

    def _attempt(self) -> None:
        self._retry = None
        settings = self._settings
        self._set("registering", f"registering as {settings.user} at {settings.registrar.hostport}")
        if self.account is not None and not self._stale:
            try:
                self.account.setRegistration(True)
            except pj.Error as exc:
                log.debug("SIP re-registration needs a new account: %s", exc.info())
                self._new_account()
        else:
            self._new_account()
        self._arm_watchdog(settings.answer_timeout)

    def _new_account(self) -> None:
        self._drop_account()
        self._stale = False
        account = SipAccount(self)
        account.create(self._account_config())
        self.account = account

    def _drop_account(self) -> None:
        """Delete the PJSIP account (it unregisters) and its Python object at once: the object's
        destructor deletes whatever account has its id, and PJSIP gives the id to the next one."""
        account, self.account = self.account, None
        if account is not None:
            account.shutdown()
            del account

    def _on_registered(self, expiration: int) -> None:
        self._cancel_timers()
        settings = self._settings
        if not self._registered:  # a refresh changes nothing the panel shows
            self._set("registered", f"registered as {settings.user} at {settings.registrar.hostport}")
        self._registered = True
        self._attempts = 0
        refresh_in = max(expiration - settings.refresh_margin, _PJSIP_SHORTEST_REFRESH)
        self._arm_watchdog(refresh_in + settings.answer_timeout)

    def _on_no_answer(self) -> None:
        self._watchdog = None
        self._stale = True
        self._on_failed(0, "", "")

    def _on_failed(self, code: int, reason: str, transport_error: str) -> None:
        """Report the failure (unregistered: a registration was lost; failed: none was made) and
        schedule the next attempt."""
        self._cancel_timers()
        lost = self._registered
        self._registered = False
        settings = self._settings
        detail = registration_failure(code, reason, transport_error, settings.registrar.hostport, lost)
        delay = retry_delay(self._attempts, settings.retry_first, settings.retry_longest)
        self._attempts += 1
        self._retry = self._thread.call_later(delay, self._attempt)
        self._set("unregistered" if lost else "failed", detail, retry_at=time.time() + delay)

    def _arm_watchdog(self, seconds: float) -> None:
        if self._watchdog is not None:
            self._watchdog.cancel()
        self._watchdog = self._thread.call_later(seconds, self._on_no_answer)

    def _cancel_timers(self) -> None:
        for timer in (self._watchdog, self._retry):
            if timer is not None:
                timer.cancel()
        self._watchdog = self._retry = None

    def _set(self, state: str, detail: str, retry_at: float | None = None) -> None:
        self.status = TelephonyStatus(
            adapter="sip",
            state=state,
            detail=detail,
            registrar=self._settings.registrar.hostport,
            retry_at=retry_at,
            since=time.time(),
        )
        log.info("SIP telephony %s: %s", state, detail)
        self._on_status(self.status)

    def _account_config(self) -> Any:
        settings = self._settings
        registrar = settings.registrar
        config = pj.AccountConfig()
        config.idUri = f"sip:{settings.user}@{settings.domain or registrar.hostport}"
        config.regConfig.registrarUri = f"sip:{registrar.hostport}"
        config.regConfig.timeoutSec = max(1, math.ceil(settings.reregister))
        config.regConfig.delayBeforeRefreshSec = settings.refresh_margin
        config.regConfig.retryIntervalSec = 0  # retries are ours, with back-off
        config.regConfig.firstRetryIntervalSec = 0
        config.regConfig.unregWaitMsec = 1000
        config.regConfig.dropCallsOnFail = False
        config.sipConfig.transportId = self._thread.transport_id
        if settings.domain and settings.domain != registrar.host:
            config.sipConfig.proxies.append(f"sip:{registrar.hostport};lr")
        if settings.password:
            config.sipConfig.authCreds.append(
                pj.AuthCredInfo("digest", "*", settings.user, 0, settings.password)
            )
        nat = config.natConfig
        nat.contactRewriteUse = 0
        nat.viaRewriteUse = 0
        nat.sdpNatRewriteUse = 0
        nat.sipOutboundUse = 0
        nat.udpKaIntervalSec = 0
        return config


def _error_text(status: int) -> str:
    endpoint = pj.Endpoint.instance()
    return str(endpoint.utilStrError(status))
