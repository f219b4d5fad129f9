"""The command-line options of the warning models and the services they build."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from backend.cli import build_parser
from backend.services import build_services
from backend.warnings.generators import SensorSimulator
from backend.warnings.http_ingest import IngestHttpService
from backend.warnings.service import WarningService


def ours(argv: list[str]) -> list[Any]:
    services = build_services(build_parser().parse_args(argv))
    return [s for s in services if isinstance(s, WarningService | IngestHttpService | SensorSimulator)]


def test_the_warning_service_always_runs_the_rest_on_request() -> None:
    [warnings] = ours([])
    assert isinstance(warnings, WarningService) and warnings.scan_interval == 30.0
    assert "H-0014" in warnings.catalog.households
    warnings, http, sim = ours(["--ingest-port", "8766", "--simulate-sensors", "--sensor-interval", "0.5"])
    assert isinstance(http, IngestHttpService) and http.port == 8766
    assert isinstance(sim, SensorSimulator) and sim.interval == 0.5 and sim.warnings is warnings


def test_another_registry_file(tmp_path: Path) -> None:
    path = tmp_path / "registry.json"
    path.write_text(
        '{"households": [{"id": "A-1", "address": "滨江路1号", "grid_code": "32099900100101",'
        ' "lat": 31.3365, "lon": 120.5397, "registered": 2}], "vehicles": [], "forbidden_zones": [],'
        ' "storage_sites": []}',
        encoding="utf-8",
    )
    [warnings] = ours(["--warning-data", str(path)])
    assert list(warnings.catalog.households) == ["A-1"]


@pytest.mark.parametrize(
    ("content", "why"),
    [
        ("{", "not a usable warning data file"),
        ('{"households": [], "vehicles": [], "forbidden_zones": []}', "storage_sites"),
        (
            '{"households": [{"id": "A-1", "address": "x", "grid_code": "32099900100101", "lat": 31.9,'
            ' "lon": 120.54, "registered": 2}], "vehicles": [], "forbidden_zones": [], "storage_sites": []}',
            "household A-1: (31.9, 120.54) is outside the district",
        ),
    ],
)
def test_a_bad_registry_file_is_refused_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, why: str
) -> None:
    path = tmp_path / "registry.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--warning-data", str(path)])
    assert why in capsys.readouterr().err


def test_bad_numbers_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["--sensor-interval", "0"], ["--ingest-port", "70000"], ["--warning-scan-interval", "x"]):
        with pytest.raises(SystemExit):
            build_parser().parse_args(argv)
    assert "is not a number of seconds" in capsys.readouterr().err
