"""Real H.264 streams for the camera tile tests (no tests here): a clip made with the ``ffmpeg`` binary,
served live over HTTP by ffmpeg itself (``-listen 1``: one client, a live MPEG-TS stream) and over RTSP
by Debian's ``rtsp-server-perl`` (RTSP::Server, a relay: ffmpeg publishes the clip to its source port,
players read from its client port). ffmpeg cannot serve RTSP to players on its own: its RTSP output
only publishes to a server.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

FFMPEG = shutil.which("ffmpeg")
RTSP_SERVER = shutil.which("rtsp-server-perl")
CLIP_SECONDS, CLIP_FPS = 3, 25


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def make_clip(path: Path, seconds: int = CLIP_SECONDS, size: str = "640x360") -> Path:
    """An H.264 MP4 of ffmpeg's testsrc2 pattern: ``seconds`` × 25 frames, a key frame every second."""
    assert FFMPEG, "the ffmpeg binary (Debian package ffmpeg) is needed"
    subprocess.run(
        [
            *(FFMPEG, "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi"),
            *("-i", f"testsrc2=size={size}:rate={CLIP_FPS}", "-t", str(seconds)),
            *("-c:v", "libx264", "-pix_fmt", "yuv420p", "-g", str(CLIP_FPS), "-bf", "0", str(path)),
        ],
        check=True,
        timeout=60,
    )
    return path


def listening(port: int) -> bool:
    """Something listens on the TCP port (read from /proc: connecting to ffmpeg's one-client HTTP server
    to find out would use up its one client)."""
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[1].endswith(f":{port:04X}") and fields[3] == "0A":
                return True
    return False


def wait_for_port(port: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not listening(port):
        if time.monotonic() > deadline:
            raise TimeoutError(f"nothing listens on 127.0.0.1:{port} after {timeout} s")
        time.sleep(0.05)


def rtsp_published(url: str, port: int) -> bool:
    """The RTSP server has the stream: it answers DESCRIBE with 200 (not 404)."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(f"DESCRIBE {url} RTSP/1.0\r\nCSeq: 1\r\nAccept: application/sdp\r\n\r\n".encode())
        return sock.recv(200).startswith(b"RTSP/1.0 200")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def publish(clip: Path, *output: str) -> subprocess.Popen[bytes]:
    """ffmpeg sending ``clip`` in a loop at its real rate, copied (no re-encoding), to ``output``."""
    assert FFMPEG
    command = [FFMPEG, "-hide_banner", "-loglevel", "error", "-re", "-stream_loop", "-1", "-i", str(clip)]
    return subprocess.Popen([*command, "-c", "copy", *output], stdin=subprocess.DEVNULL)


@contextmanager
def http_live(clip: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """The clip as a live MPEG-TS stream over HTTP: (URL, the ffmpeg serving it; stop it to cut)."""
    port = free_port()
    server = publish(clip, "-f", "mpegts", "-listen", "1", f"http://127.0.0.1:{port}/cam.ts")
    try:
        wait_for_port(port)
        yield f"http://127.0.0.1:{port}/cam.ts", server
    finally:
        stop(server)


@contextmanager
def rtsp_live(clip: Path) -> Iterator[tuple[str, list[subprocess.Popen[bytes]]]]:
    """The clip over RTSP: (URL for players, [the RTSP server, the ffmpeg publishing to it])."""
    assert RTSP_SERVER, "the RTSP server (Debian package rtsp-server-perl) is needed"
    client_port, source_port = free_port(), free_port()
    server = subprocess.Popen(
        [RTSP_SERVER, "--clientport", str(client_port), "--serverport", str(source_port), "--loglevel", "0"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
    )
    processes = [server]
    try:
        wait_for_port(source_port)
        wait_for_port(client_port)
        processes.append(publish(clip, "-f", "rtsp", f"rtsp://127.0.0.1:{source_port}/cam"))
        url = f"rtsp://127.0.0.1:{client_port}/cam"
        deadline = time.monotonic() + 20
        while not rtsp_published(url, client_port):  # else the tile's first tries find nothing there
            assert time.monotonic() < deadline, "ffmpeg did not publish the clip to the RTSP server"
            time.sleep(0.1)
        yield url, processes
    finally:
        for process in reversed(processes):
            stop(process)
