"""Presets (one monitor or the whole wall) and wall rules in the store: saved, listed and announced with
the full list, applied to the wall on record, and refused field by field."""

from __future__ import annotations

from typing import Any

import pytest

from backend.store import Store
from backend.wall import presets, rules, wall_writes
from backend.wall.records import list_presets, list_rules
from client_api import wall_messages as wm
from client_api.errors import ErrorCode
from client_api.wall_layouts import make_layout
from tests.backend.test_wall_support import (
    MAP,
    NOW,
    SLA,
    changes,
    events,
    refused,
    three_screens,
    write,
)

NIGHT = wm.Preset(name="夜间", scope="monitor", layouts=[make_layout("2x2", [SLA])])


def whole_wall(name: str = "应急") -> wm.Preset:
    return wm.Preset(name=name, scope="wall", layouts=[make_layout(k) for k in ("1", "3x3", "1+7")])


def test_a_monitor_preset_is_saved_listed_and_put_on_one_monitor(aio: Any, store: Store) -> None:
    write(aio, store, wall_writes.configure, three_screens())
    seq = aio.run(store.last_seq())
    saved = write(aio, store, presets.save_preset, wm.SavePreset(preset=NIGHT))
    assert (saved.name, saved.updated_by, saved.updated_at) == ("夜间", "supervisor1", NOW)
    assert aio.run(store.read(list_presets)) == [saved]
    assert events(aio, store, seq) == [("preset.changed", wm.PresetsChanged(presets=[saved]))]
    state = write(aio, store, presets.apply_preset, wm.ApplyPreset(name="夜间", monitor=2))
    assert [m.layout.kind for m in state.monitors] == ["1", "2x2", "1"]
    assert (state.cause, changes(aio, store)[0].summary) == (
        "preset:夜间",
        "preset 夜间: monitor 2 (屏2): 2x2 layout",
    )
    need = refused(aio, store, presets.apply_preset, wm.ApplyPreset(name="夜间"))
    assert (need.details["field"], need.message) == ("monitor", "preset '夜间' is for one monitor: say which")


def test_a_wall_preset_puts_one_layout_on_each_monitor(aio: Any, store: Store) -> None:
    write(aio, store, wall_writes.configure, three_screens())
    write(aio, store, presets.save_preset, wm.SavePreset(preset=whole_wall()))
    state = write(aio, store, presets.apply_preset, wm.ApplyPreset(name="应急"))
    assert [m.layout.kind for m in state.monitors] == ["1", "3x3", "1+7"]
    wrong = refused(aio, store, presets.apply_preset, wm.ApplyPreset(name="应急", monitor=1))
    assert wrong.message == "preset '应急' is for the whole wall; give no monitor"
    missing = refused(aio, store, presets.apply_preset, wm.ApplyPreset(name="白班"))
    assert (missing.code, missing.message) == (ErrorCode.NOT_FOUND, "there is no preset '白班'")


def test_saving_a_preset_again_replaces_it(aio: Any, store: Store) -> None:
    write(aio, store, presets.save_preset, wm.SavePreset(preset=NIGHT))
    again = wm.Preset(name="夜间", scope="monitor", layouts=[make_layout("3x3")])
    write(aio, store, presets.save_preset, wm.SavePreset(preset=again), now=NOW + 1)
    [kept] = aio.run(store.read(list_presets))
    assert (kept.layouts[0].kind, kept.updated_at) == ("3x3", NOW + 1)


def preset(**over: Any) -> wm.SavePreset:
    fields: dict[str, Any] = {"name": "夜间", "scope": "monitor", "layouts": [make_layout("1", [MAP])]}
    return wm.SavePreset(preset=wm.Preset(**(fields | over)))


BAD_PRESETS = [
    (preset(name=" "), "preset.name", "the preset's name is empty"),
    (preset(name="长" * 65), "preset.name", "the preset's name is longer than 64 characters"),
    (preset(scope="floor"), "preset.scope", "scope 'floor' is not one of monitor, wall"),
    (preset(layouts=[]), "preset.layouts", "a monitor preset has one layout, not 0"),
    (
        preset(scope="wall", layouts=[make_layout("1")] * 2),
        "preset.layouts",
        "a wall preset has one layout per monitor (1)",
    ),
    (
        preset(layouts=[wm.Layout(kind="2x2", rows=2, cols=2, tiles=[])]),
        "preset.layouts[0]",
        "preset.layouts[0]: the layout has no tiles",
    ),
]


@pytest.mark.parametrize(("req", "field", "message"), BAD_PRESETS)
def test_bad_presets_are_refused(
    aio: Any, store: Store, req: wm.SavePreset, field: str, message: str
) -> None:
    error = refused(aio, store, presets.save_preset, req)
    assert (error.code, error.details["field"], error.message[: len(message)]) == (
        ErrorCode.INVALID_FIELD,
        field,
        message,
    )
    assert aio.run(store.read(list_presets)) == []


def test_rules_are_saved_and_a_preset_in_use_is_kept(aio: Any, store: Store) -> None:
    write(aio, store, presets.save_preset, wm.SavePreset(preset=NIGHT))
    seq = aio.run(store.last_seq())
    rule = wm.WallRule(name=" 夜班 ", trigger="schedule", at="22:00", preset="夜间", monitor=1)
    saved = write(aio, store, rules.save_rule, wm.SaveWallRule(rule=rule))
    assert saved.name == "夜班" and aio.run(store.read(list_rules)) == [saved]
    assert events(aio, store, seq) == [("wall_rule.changed", wm.WallRulesChanged(rules=[saved]))]
    used = refused(aio, store, presets.delete_preset, wm.DeleteByName(name="夜间"))
    assert used.message == "preset '夜间' is used by wall rule '夜班'"
    assert write(aio, store, rules.delete_rule, wm.DeleteByName(name="夜班")) == wm.Deleted(name="夜班")
    assert write(aio, store, presets.delete_preset, wm.DeleteByName(name="夜间")) == wm.Deleted(name="夜间")
    assert aio.run(store.read(list_presets)) == [] and aio.run(store.read(list_rules)) == []
    gone = refused(aio, store, rules.delete_rule, wm.DeleteByName(name="夜班"))
    assert (gone.code, gone.message) == (ErrorCode.NOT_FOUND, "there is no wall rule '夜班'")


def rule(**over: Any) -> wm.SaveWallRule:
    fields: dict[str, Any] = {"name": "危化品", "trigger": "alert", "switch_cameras": True}
    return wm.SaveWallRule(rule=wm.WallRule(**(fields | over)))


BAD_RULES = [
    (rule(name=""), "rule.name", "the rule's name is empty"),
    (rule(trigger="sensor"), "rule.trigger", "trigger 'sensor' is not one of alert, case, drill, schedule"),
    (rule(categories=["Chemical"]), "rule.categories", "category 'Chemical' is not one of Geo, Met"),
    (rule(trigger="case", categories=["Z9"]), "rule.categories", "no case category code starts with 'Z9'"),
    (rule(min_severity="Huge"), "rule.min_severity", "min_severity 'Huge' is not one of Extreme, Severe"),
    (
        rule(trigger="case", min_severity="Severe"),
        "rule.min_severity",
        "min_severity is for alert rules only",
    ),
    (rule(trigger="schedule", at="25:00", preset="夜间"), "rule.at", "a schedule rule needs at as HH:MM"),
    (rule(trigger="schedule", at="7:30", preset="夜间"), "rule.at", "a schedule rule needs at as HH:MM"),
    (rule(at="07:30"), "rule.at", "at is for schedule rules only"),
    (rule(cameras=0), "rule.cameras", "cameras is 1 to 16, not 0"),
    (rule(trigger="drill"), "rule.switch_cameras", "a drill rule has no place to switch cameras to"),
    (rule(monitor=5), "rule.monitor", "the wall has no monitor 5 (it has 1)"),
    (rule(preset="白班"), "rule.preset", "there is no preset '白班'"),
    (rule(preset="夜间"), "rule.monitor", "preset '夜间' is for one monitor: say which"),
    (rule(switch_cameras=False), "rule.preset", "the rule does nothing: give it a preset or switch_cameras"),
    (rule(trigger="drill", switch_cameras=False), "rule.preset", "the rule does nothing: give it a preset"),
    (
        rule(trigger="drill", switch_cameras=False, categories=["Fire"]),
        "rule.categories",
        "a drill rule has no",
    ),
]


@pytest.mark.parametrize(("req", "field", "message"), BAD_RULES)
def test_bad_rules_are_refused(
    aio: Any, store: Store, req: wm.SaveWallRule, field: str, message: str
) -> None:
    write(aio, store, presets.save_preset, wm.SavePreset(preset=NIGHT))
    error = refused(aio, store, rules.save_rule, req)
    assert (error.details["field"], error.message[: len(message)]) == (field, message), error.message
    assert aio.run(store.read(list_rules)) == []
