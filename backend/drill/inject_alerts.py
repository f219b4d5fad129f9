"""Alert injects. A ``cap`` inject is a CAP 1.2 message applied as an ingested one would be (status
Exercise on the drill backend): an Alert is stored, an Update or a Cancel changes the alert of the
inject it references. A ``readings`` inject feeds the warning models (as ``readings.ingest``); the
alerts they raise are the inject's."""

from __future__ import annotations

import time

from backend.alerts.apply import Applied, apply_message
from backend.alerts.cap_areas import placement
from backend.alerts.cap_export import cap_datetime
from backend.alerts.cap_parse import CapMessage, CapRef
from backend.alerts.draft import AlertDraft, local_sender
from backend.drill.inject_outcome import FireContext, Outcome, fired, skipped
from backend.drill.scenario_model import CapInject, Inject, ReadingsInject, reading_origin
from backend.warnings.service import warnings_of
from client_api.alert_messages import AlertArea, Circle, Geocode
from client_api.errors import ErrorCode, ProtocolError

MSG_WORDS = {"Alert": "发布", "Update": "更新", "Cancel": "解除"}


def cap_message(ctx: FireContext, inject: Inject, detail: CapInject, now: float) -> CapMessage:
    """The CAP message of a cap inject, identified ``drill-<drill id>-<inject id>``."""
    area = AlertArea(
        area_desc=detail.area_desc,
        circles=[Circle(lat=c.lat, lon=c.lon, radius_km=c.radius_km) for c in [detail.circle] if c],
        geocodes=[Geocode(value_name="grid", value=code) for code in detail.area_codes],
    )
    lat, lon, grid_code = placement([area])
    references = []
    if detail.references is not None:
        known = ctx.run.links.cap_refs.get(detail.references)
        if known is None:
            raise ProtocolError(
                ErrorCode.INVALID_FIELD,
                f"inject {detail.references!r} has not sent its alert yet; there is nothing to "
                f"{detail.msg_type.lower()}",
                {"field": "references"},
            )
        references.append(CapRef(*known))
    sent = float(int(now))
    identifier = f"drill-{ctx.run.id}-{inject.id}"
    if inject.at_s is None:  # manual: one id may come several times
        identifier += f"-{int(now * 1000)}"
    draft = AlertDraft(
        identifier=identifier,
        sender=local_sender(ctx.server.node),
        sent=sent,
        event=detail.event,
        headline=detail.headline,
        status="Exercise",
        msg_type=detail.msg_type,
        source="cap",
        categories=list(detail.categories),
        urgency=detail.urgency,
        severity=detail.severity,
        certainty=detail.certainty,
        response_types=list(detail.response_types),
        description=detail.description,
        instruction=detail.instruction,
        sender_name=detail.sender_name or ctx.trainer.display_name,
        areas=[area],
        expires=sent + detail.expires_s if detail.expires_s is not None else None,
        lat=lat,
        lon=lon,
        grid_code=grid_code,
        references=[ref.text for ref in references],
    )
    return CapMessage(draft=draft, sent_text=cap_datetime(sent), references=references, has_info=True)


async def fire_cap(ctx: FireContext, inject: Inject) -> Outcome:
    detail = inject.detail
    assert isinstance(detail, CapInject)
    now = time.time()
    message = cap_message(ctx, inject, detail, now)
    server = ctx.server
    applied: Applied = await server.store.run_write(apply_message, message, server.exercise, now)
    ref = message.ref
    ctx.run.links.cap_refs[inject.id] = (ref.sender, ref.identifier, ref.sent)
    ids = [alert.id for alert in applied.alerts]
    for alert_id in ids:
        ctx.run.links.alert_from(alert_id, inject.id)
    verb = MSG_WORDS.get(detail.msg_type, detail.msg_type)
    data: dict[str, object] = {"alert_ids": ids}
    acked = [a.acked_by for a in applied.alerts if a.state == "acknowledged" and a.acked_by]
    if detail.msg_type == "Update" and acked and len(acked) == len(ids):
        data["still_acked_by"] = acked[0]  # an Update that did not revive the alert: nothing to acknowledge
    return fired(f"预警{verb}：{detail.headline}（{detail.severity}）", **data)


async def fire_readings(ctx: FireContext, inject: Inject) -> Outcome:
    detail = inject.detail
    assert isinstance(detail, ReadingsInject)
    try:
        service = warnings_of(ctx.server)
    except ProtocolError as exc:
        return skipped(exc.message, f"感知数据未送出：{exc.message}")
    now = time.time()
    # Stamped on scenario time from the reading origin, not on the wall clock: at ×5 or ×10 a
    # vehicle's positions would otherwise arrive out of order and be refused (scenario_model.py).
    run = ctx.run
    stamp = reading_origin(run.state.started_at, run.scenario.duration_s) + ctx.now_t(now)
    result = await service.ingest(detail.at(stamp), now)
    for alert_id in result.alerts:
        ctx.run.links.alert_from(alert_id, inject.id)
    summary = f"{detail.model} 感知数据 {result.accepted} 条" + (
        f"，触发预警 {len(result.alerts)} 条" if result.alerts else ""
    )
    return fired(
        summary,
        accepted=result.accepted,
        rejected=[f"{r.index}: {r.reason}" for r in result.rejected],
        alert_ids=list(result.alerts),
    )
