"""Refresh the translation catalogues: ``python -m resources.translations.update``.

Runs lupdate over every Python source of the console into the .ts files (keeping what is translated),
then lrelease into the .qm files the console loads. Translate new strings with ``pyside6-linguist``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
LANGUAGES = ("zh_CN",)
SOURCE_PACKAGES = ("app", "ui", "widgets")


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for pkg in SOURCE_PACKAGES for p in (ROOT / pkg).rglob("*.py"))


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    return found


def lupdate(ts: Path) -> None:
    subprocess.run(
        [tool("pyside6-lupdate"), *sources(), "-ts", str(ts), "-target-language", ts.stem.split("_", 2)[-1],
         "-no-obsolete", "-locations", "none", "-silent"],
        cwd=ROOT, check=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT, check=True)


def main() -> int:
    for lang in LANGUAGES:
        ts = HERE / f"command_seat_{lang}.ts"
        lupdate(ts)
        lrelease(ts, ts.with_suffix(".qm"))
        print(f"updated {ts.name} and {ts.with_suffix('.qm').name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
