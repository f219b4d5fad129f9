"""What a wall tile's source is called: on the tile's title bar, in the designer and in the browser."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication

from client_api import wall_messages as wm


def dashboard_name(kind: str) -> str:
    names = {
        "cases_by_hour": QCoreApplication.translate("TileNames", "Cases by hour"),
        "cases_by_category": QCoreApplication.translate("TileNames", "Cases by category"),
        "cases_by_grid": QCoreApplication.translate("TileNames", "Cases by grid"),
        "sla_compliance": QCoreApplication.translate("TileNames", "Deadline compliance"),
    }
    return names.get(kind, kind)


def kind_name(kind: str) -> str:
    """The kind of a source in a word (for the browser's groups and for tooltips)."""
    names = {
        "camera": QCoreApplication.translate("TileNames", "Camera"),
        "map": QCoreApplication.translate("TileNames", "Grid map"),
        "dashboard": QCoreApplication.translate("TileNames", "Dashboard"),
        "cases": QCoreApplication.translate("TileNames", "Case list"),
        "alerts": QCoreApplication.translate("TileNames", "Alert list"),
        "alert": QCoreApplication.translate("TileNames", "Alert"),
        "text": QCoreApplication.translate("TileNames", "Text panel"),
        "empty": QCoreApplication.translate("TileNames", "Empty"),
    }
    return names.get(kind, kind)


def source_title(
    source: wm.TileSource,
    cameras: Mapping[str, wm.Camera],
    alert_headline: Callable[[int], str | None] = lambda _id: None,
) -> str:
    """The source's name: the camera's name, the dashboard's, the alert's headline, the text's first line."""
    if source.kind == "camera":
        camera = cameras.get(source.ref or "")
        if camera is None:
            return QCoreApplication.translate("TileNames", "Camera {ref} (not registered)").format(
                ref=source.ref
            )
        return camera.name
    if source.kind == "dashboard":
        return dashboard_name(source.ref or "")
    if source.kind == "alert":
        ref = source.ref or ""
        headline = alert_headline(int(ref)) if ref.isdigit() else None
        return headline or QCoreApplication.translate("TileNames", "Alert {ref}").format(ref=source.ref)
    if source.kind == "text" and source.text:
        return source.text.splitlines()[0][:40]
    return kind_name(source.kind)
