"""Warning rules as data: the shipped rules, their checks (unknown param, wrong type, out of range), and
``warning.rules`` / ``warning.rule_save`` over the wire, a saved rule taking effect for the next item."""

from __future__ import annotations

import time
from typing import Any

import pytest

from backend.store import Store
from backend.warnings.params import SPECS, ParamError, check_params, defaults
from backend.warnings.rule_store import default_rules
from client_api import alert_messages as am
from client_api.alert_messages import RULE_KINDS, StorageLevel
from client_api.errors import ErrorCode, ProtocolError
from tests.backend.test_intake_support import seats
from tests.backend.test_warning_support import warning_server


def test_the_shipped_rules_cover_every_kind_and_pass_their_checks() -> None:
    rules = default_rules()
    assert sorted(r.kind for r in rules) == sorted(RULE_KINDS)
    for rule in rules:
        assert rule.params == check_params(rule.kind, rule.params) == defaults(rule.kind) | rule.params
        assert set(rule.params) == set(SPECS[rule.kind])


BAD = [
    ("surge", {"window": 60}, "window", "surge has no parameter 'window'"),
    ("surge", {"min_count": "5"}, "min_count", "min_count must be a number, not '5'"),
    ("surge", {"min_count": True}, "min_count", "min_count must be a number, not True"),
    ("surge", {"min_count": 4.5}, "min_count", "min_count must be a whole number, not 4.5"),
    ("surge", {"p_max": 0.5}, "p_max", "p_max must be within 1e-09…0.1, not 0.5"),
    ("surge", {"window_min": 60, "bucket_min": 7}, "bucket_min", "bucket_min must divide window_min"),
    ("surge", {"area_level": "town"}, "area_level", "area_level must be one of grid, village, not 'town'"),
    ("group_rental", {"factor": float("nan")}, "factor", "factor must be within 1…10, not nan"),
    ("group_rental", {"days": 0}, "days", "days must be within 1…30, not 0"),
    ("hazmat_route", {"corridor_m": -5}, "corridor_m", "corridor_m must be within 10…5000, not -5"),
    ("hazmat_route", {"zone_severity": "Bad"}, "zone_severity", "zone_severity must be one of"),
    ("overdue", {"due_soon": 1}, "due_soon", "due_soon must be true or false, not 1"),
]


@pytest.mark.parametrize(("kind", "params", "param", "message"), BAD)
def test_bad_params_name_the_parameter(kind: str, params: dict[str, Any], param: str, message: str) -> None:
    with pytest.raises(ParamError) as info:
        check_params(kind, params)
    assert info.value.param == param and str(info.value).startswith(message)


def test_whole_numbers_may_come_as_floats_and_missing_params_take_defaults() -> None:
    full = check_params("surge", {"min_count": 6.0})
    assert full["min_count"] == 6 and isinstance(full["min_count"], int)
    assert full["window_min"] == 60


def save(name: str = "hazmat_storage", **over: Any) -> am.SaveWarningRule:
    fields: dict[str, Any] = {"enabled": True, "params": {"warn_ratio": 0.5}, "severity": "Severe"} | over
    return am.SaveWarningRule(name=name, **fields)


def test_rules_over_the_wire(aio: Any, seeded_store: Store) -> None:
    async def scenario(server: Any, service: Any) -> None:
        async with seats(server, "supervisor1", "operator1") as (supervisor, operator):
            listed: am.WarningRules = await operator.client.request("warning.rules", am.ListWarningRules())
            assert [r.name for r in listed.rules] == sorted(RULE_KINDS)
            before = {r.name: r for r in listed.rules}["hazmat_storage"]
            assert before.params == {"warn_ratio": 0.9, "warn_severity": "Moderate"}
            with pytest.raises(ProtocolError) as info:
                await operator.client.request("warning.rule_save", save())
            assert info.value.code == ErrorCode.FORBIDDEN
            for bad, field in [
                (save(params={"warn_ratio": 2}), "params"),
                (save(params={"ratio": 0.5}), "params"),
                (save(severity="Loud"), "severity"),
            ]:
                with pytest.raises(ProtocolError) as info:
                    await supervisor.client.request("warning.rule_save", bad)
                assert (info.value.code, info.value.details["field"]) == (ErrorCode.INVALID_FIELD, field)
            with pytest.raises(ProtocolError) as info:
                await supervisor.client.request("warning.rule_save", save("no_such_rule"))
            assert info.value.code == ErrorCode.NOT_FOUND
            # nothing changed by the refusals; a reading at 60% of the licence is quiet
            now = time.time()
            quiet = await service.ingest([StorageLevel(site="S-01", level=36, ts=now)])
            assert quiet.alerts == []
            saved: am.WarningRuleSaved = await supervisor.client.request("warning.rule_save", save())
            assert saved.rule.params == {"warn_ratio": 0.5, "warn_severity": "Moderate"}
            assert (saved.rule.updated_by, saved.rule.severity) == ("supervisor1", "Severe")
            # in effect for the next reading: 61% is now near the licence
            loud = await service.ingest([StorageLevel(site="S-01", level=36.6, ts=now + 1)])
            assert len(loud.alerts) == 1
            again: am.WarningRules = await operator.client.request("warning.rules", am.ListWarningRules())
            assert {r.name: r for r in again.rules}["hazmat_storage"] == saved.rule
            off = await supervisor.client.request("warning.rule_save", save(enabled=False))
            assert off.rule.enabled is False
            assert (await service.ingest([StorageLevel(site="S-02", level=24, ts=now + 2)])).alerts == []

    with warning_server(aio, seeded_store) as (server, service):
        aio.run(scenario(server, service))


def test_saved_rules_survive_a_restart(aio: Any, seeded_store: Store) -> None:
    with warning_server(aio, seeded_store) as (server, _service):

        async def change() -> None:
            async with seats(server, "supervisor1") as (supervisor,):
                await supervisor.client.request("warning.rule_save", save(params={"warn_ratio": 0.75}))

        aio.run(change())
    with warning_server(aio, seeded_store) as (_server, service):
        assert service.engine.rules["hazmat_storage"].params["warn_ratio"] == 0.75
