"""Constants the fault tests share (a module of its own: ``conftest`` is ambiguous when several test
folders are collected together)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CRISIS = "I want to kill myself tonight"
PASSPHRASE = "correct horse battery"
