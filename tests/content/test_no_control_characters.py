"""No source, pattern or content file holds a control character.

Why: a pattern written through a script as "\\bno (time|energy) for" without a raw string became a backspace
character before "no", so "I don't really have time for exercises" was never read as a no, and nothing failed.
A backspace, a form feed or a NUL is never meant in these files; a test finds one the moment it is written.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = ("haven", "pages", "ui", "tests", "benchmarks", "knowledge", "exercises")
SUFFIXES = {".py", ".yaml", ".yml", ".md", ".toml", ".json"}
#: Every control character but tab, newline and carriage return.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _files() -> list[Path]:
    found = [ROOT / "app.py"]
    for folder in FOLDERS:
        base = ROOT / folder
        if base.is_dir():
            found += [p for p in base.rglob("*") if p.suffix in SUFFIXES and p.is_file()]
    return sorted(found)


def test_no_control_characters():
    bad = []
    for path in _files():
        text = path.read_text(encoding="utf-8", errors="replace")
        lines = [n for n, line in enumerate(text.splitlines(), 1) if CONTROL.search(line)]
        if lines:
            bad.append(f"{path.relative_to(ROOT)}: lines {lines[:5]}")
    assert not bad, bad
