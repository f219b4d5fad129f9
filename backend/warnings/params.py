"""The parameters of each warning model (rule kind): type, default and allowed range. A rule's params
are checked against these before they are stored or used."""

from __future__ import annotations

import math
from dataclasses import dataclass

from client_api.alert_messages import CAP_SEVERITIES, RULE_KINDS

ParamValue = float | int | str | bool


@dataclass(frozen=True, slots=True)
class Param:
    """``type_`` is float, int, bool or str; numbers lie in ``low``…``high``; strings in ``choices``."""

    type_: type
    default: ParamValue
    low: float = -math.inf
    high: float = math.inf
    choices: tuple[str, ...] = ()
    doc: str = ""


def _num(type_: type, default: float, low: float, high: float, doc: str) -> Param:
    return Param(type_, default, low, high, doc=doc)


def _severity(default: str, doc: str) -> Param:
    return Param(str, default, choices=CAP_SEVERITIES, doc=doc)


SPECS: dict[str, dict[str, Param]] = {
    "overdue": {
        "due_soon": Param(bool, True, doc="also warn before a stage's deadline"),
        "due_soon_ratio": _num(float, 0.8, 0.5, 0.99, "warn once this share of the stage's time is used"),
        "due_soon_severity": _severity("Moderate", "severity of the about-to-be-overdue alerts"),
    },
    "surge": {
        "area_level": Param(str, "village", choices=("grid", "village"), doc="count per grid or per village"),
        "window_min": _num(int, 60, 10, 1440, "the sliding window, minutes"),
        "bucket_min": _num(int, 5, 1, 60, "the window's step, minutes (divides window_min)"),
        "history_days": _num(int, 28, 1, 90, "the history the expected count is taken from, days"),
        "min_count": _num(int, 5, 2, 1000, "fewest cases in the window that can be a surge"),
        "p_max": _num(float, 0.001, 1e-9, 0.1, "fire when P(X ≥ count | expected) is below this"),
        "min_expected": _num(float, 0.2, 0.01, 100.0, "floor of the expected count per window"),
    },
    "repeat_calls": {
        "window_min": _num(int, 120, 5, 10080, "the window, minutes"),
        "min_count": _num(int, 3, 2, 100, "contacts in the window that make a repeat"),
        "by_phone": Param(bool, True, doc="the same number calling or reporting again"),
        "by_place": Param(bool, True, doc="reports from the same place again"),
        "radius_m": _num(float, 100.0, 10.0, 2000.0, "the same place: within this distance, same grid"),
    },
    "group_rental": {
        "days": _num(int, 3, 1, 30, "average over the latest this many daily values"),
        "water_m3_per_person": _num(float, 0.12, 0.01, 2.0, "daily water per person"),
        "electricity_kwh_per_person": _num(float, 3.0, 0.1, 50.0, "daily electricity per person"),
        "gas_m3_per_person": _num(float, 0.25, 0.01, 5.0, "daily gas per person"),
        "parcels_per_person": _num(float, 0.3, 0.01, 10.0, "daily parcels per person"),
        "factor": _num(float, 2.0, 1.0, 10.0, "implied occupants at least registered × factor …"),
        "min_extra": _num(int, 3, 1, 50, "… and at least registered + min_extra"),
        "min_indicators": _num(int, 2, 1, 4, "how many of water, electricity, gas, parcels must agree"),
    },
    "hazmat_route": {
        "corridor_m": _num(float, 150.0, 10.0, 5000.0, "allowed distance from the approved route, metres"),
        "min_points": _num(
            int, 3, 1, 100, "consecutive positions outside the corridor that make a deviation"
        ),
        "stop_kmh": _num(float, 3.0, 0.0, 30.0, "slower than this counts as stopped"),
        "stop_s": _num(float, 120.0, 0.0, 7200.0, "stopped this long in a forbidden zone fires"),
        "zone_severity": _severity("Extreme", "severity of a stop in a forbidden zone"),
    },
    "hazmat_storage": {
        "warn_ratio": _num(float, 0.9, 0.5, 1.0, "warn at this share of the licensed maximum"),
        "warn_severity": _severity("Moderate", "severity of the near-the-licence alerts"),
    },
}
assert set(SPECS) == set(RULE_KINDS)


class ParamError(ValueError):
    """``param``: the name of the parameter at fault ("" for the whole set)."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(message)
        self.param = param


def defaults(kind: str) -> dict[str, ParamValue]:
    return {name: spec.default for name, spec in SPECS[kind].items()}


def check_params(kind: str, params: dict[str, ParamValue]) -> dict[str, ParamValue]:
    """The full params of a rule of ``kind``: the defaults with ``params`` over them, each checked.
    Raises ParamError naming the first parameter that is unknown, of the wrong type or out of range."""
    if kind not in SPECS:
        raise ParamError("", f"unknown rule kind {kind!r} (one of {', '.join(SPECS)})")
    specs = SPECS[kind]
    full = defaults(kind)
    for name, value in params.items():
        spec = specs.get(name)
        if spec is None:
            raise ParamError(name, f"{kind} has no parameter {name!r} (it has {', '.join(specs)})")
        full[name] = _checked(name, spec, value)
    if kind == "surge" and int(full["window_min"]) % int(full["bucket_min"]):
        raise ParamError("bucket_min", "bucket_min must divide window_min")
    return full


def _checked(name: str, spec: Param, value: ParamValue) -> ParamValue:
    if spec.type_ is bool:
        if not isinstance(value, bool):
            raise ParamError(name, f"{name} must be true or false, not {value!r}")
        return value
    if spec.type_ is str:
        if not isinstance(value, str) or value not in spec.choices:
            raise ParamError(name, f"{name} must be one of {', '.join(spec.choices)}, not {value!r}")
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ParamError(name, f"{name} must be a number, not {value!r}")
    if spec.type_ is int and not (isinstance(value, int) or float(value).is_integer()):
        raise ParamError(name, f"{name} must be a whole number, not {value!r}")
    if not math.isfinite(value) or not spec.low <= value <= spec.high:
        raise ParamError(name, f"{name} must be within {spec.low:g}…{spec.high:g}, not {value!r}")
    return int(value) if spec.type_ is int else float(value)
