"""Websocket transport settings shared by the backend, the seat client and the benchmarks' baseline.

No per-message deflate: our frames are small JSON, and websockets compresses each frame once per
connection, so on fan-out the same event would be compressed once per seat. The LAN and loopback
links seats use do not need the bytes saved.
"""

from __future__ import annotations

from client_api.envelope import MAX_FRAME_BYTES

COMPRESSION = None
# Frames up to this size are read (and over MAX_FRAME_BYTES answered with too_large); larger ones
# close the connection with 1009 instead of being buffered.
HARD_FRAME_LIMIT = 16 * MAX_FRAME_BYTES
SERVER_PING_INTERVAL, SERVER_PING_TIMEOUT = 5, 10
CLIENT_PING_INTERVAL, CLIENT_PING_TIMEOUT = 3, 6
