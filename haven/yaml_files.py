"""Reading the project's own YAML files quickly.

Why: the safety files (patterns, languages, responses, help lines) are read at the start of every ``haven``
process and every app start, before the first message can be triaged. PyYAML's pure-Python parser took most
of a second for them; libyaml's C parser, which PyYAML wheels ship, gives the same data about ten times faster.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

#: libyaml's safe loader when PyYAML was built with it (it is, in the wheels), else the pure-Python one
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    """``yaml.safe_load`` of a UTF-8 file, through libyaml when PyYAML has it (the same safe subset)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)  # noqa: S506 - a safe loader
