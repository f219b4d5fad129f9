"""Request handlers of backend.wall; merged into backend.dispatch."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from backend.handlers import Handler
from backend.wall import cameras, presets, rules, wall_writes
from backend.wall.checks import invalid
from backend.wall.records import list_cameras, list_presets, list_rules
from backend.wall.state import history, read_state
from client_api import wall_messages as wm

if TYPE_CHECKING:
    from backend.events import StoredEvent
    from backend.peer import Peer
    from backend.server import Server

T = TypeVar("T")
MAX_HISTORY = 1000


async def _write(server: Server, peer: Peer, fn: Callable[..., tuple[T, list[StoredEvent]]], req: Any) -> T:
    assert peer.operator is not None
    result: T = await server.store.run_write(fn, req, peer.operator, time.time())
    return result


async def wall_get(server: Server, peer: Peer, req: wm.GetWall) -> wm.WallState:
    state: wm.WallState = await server.store.read(read_state)
    return state


async def wall_configure(server: Server, peer: Peer, req: wm.ConfigureWall) -> wm.WallState:
    return await _write(server, peer, wall_writes.configure, req)


async def wall_set_layouts(server: Server, peer: Peer, req: wm.SetLayouts) -> wm.WallState:
    return await _write(server, peer, wall_writes.set_layouts, req)


async def wall_set_tile(server: Server, peer: Peer, req: wm.SetTile) -> wm.WallState:
    return await _write(server, peer, wall_writes.set_tile, req)


async def wall_pin(server: Server, peer: Peer, req: wm.PinTile) -> wm.WallState:
    return await _write(server, peer, wall_writes.pin, req)


async def wall_history(server: Server, peer: Peer, req: wm.WallHistoryRequest) -> wm.WallHistory:
    if not 1 <= req.limit <= MAX_HISTORY:
        raise invalid("limit", f"limit is 1 to {MAX_HISTORY}, not {req.limit}")
    return wm.WallHistory(changes=await server.store.read(history, req.limit))


async def preset_list(server: Server, peer: Peer, req: wm.ListPresets) -> wm.Presets:
    return wm.Presets(presets=await server.store.read(list_presets))


async def preset_save(server: Server, peer: Peer, req: wm.SavePreset) -> wm.PresetSaved:
    return wm.PresetSaved(preset=await _write(server, peer, presets.save_preset, req))


async def preset_delete(server: Server, peer: Peer, req: wm.DeleteByName) -> wm.Deleted:
    return await _write(server, peer, presets.delete_preset, req)


async def preset_apply(server: Server, peer: Peer, req: wm.ApplyPreset) -> wm.WallState:
    return await _write(server, peer, presets.apply_preset, req)


async def wall_rule_list(server: Server, peer: Peer, req: wm.ListWallRules) -> wm.WallRules:
    return wm.WallRules(rules=await server.store.read(list_rules))


async def wall_rule_save(server: Server, peer: Peer, req: wm.SaveWallRule) -> wm.WallRuleSaved:
    return wm.WallRuleSaved(rule=await _write(server, peer, rules.save_rule, req))


async def wall_rule_delete(server: Server, peer: Peer, req: wm.DeleteByName) -> wm.Deleted:
    return await _write(server, peer, rules.delete_rule, req)


async def camera_list(server: Server, peer: Peer, req: wm.ListCameras) -> wm.Cameras:
    return wm.Cameras(cameras=await server.store.read(list_cameras))


async def camera_save(server: Server, peer: Peer, req: wm.SaveCamera) -> wm.CameraSaved:
    return await _write(server, peer, cameras.save_camera, req)


async def camera_delete(server: Server, peer: Peer, req: wm.DeleteCamera) -> wm.CameraDeleted:
    return await _write(server, peer, cameras.delete_camera, req)


async def camera_nearest(server: Server, peer: Peer, req: wm.NearestCameras) -> wm.CamerasNear:
    cameras.check_nearest(req)
    registered = await server.store.read(list_cameras)
    return wm.CamerasNear(cameras=cameras.nearest(registered, req.lat, req.lon, req.limit))


HANDLERS: dict[str, Handler] = {
    "wall.get": wall_get,
    "wall.configure": wall_configure,
    "wall.set_layouts": wall_set_layouts,
    "wall.set_tile": wall_set_tile,
    "wall.pin": wall_pin,
    "wall.history": wall_history,
    "preset.list": preset_list,
    "preset.save": preset_save,
    "preset.delete": preset_delete,
    "preset.apply": preset_apply,
    "wall_rule.list": wall_rule_list,
    "wall_rule.save": wall_rule_save,
    "wall_rule.delete": wall_rule_delete,
    "camera.list": camera_list,
    "camera.save": camera_save,
    "camera.delete": camera_delete,
    "camera.nearest": camera_nearest,
}
