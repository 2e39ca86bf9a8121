"""Writing small review files for the tests."""

from __future__ import annotations

from pathlib import Path


def turn(message: str, verdict: str, better: str, approved: bool, comment: str = "Reviewed.") -> str:
    return (
        f"  - user_message: {message!r}\n    original_reply: That sounds hard.\n    verdict: {verdict}\n"
        f"    comment: {comment}\n    better_reply: {better!r}\n    approved: {str(approved).lower()}\n"
    )


def write_review(folder: Path, name: str, *turns: str, on: str = "2025-03-02") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.yaml").write_text(f"reviewer: Dr Sam Example\nreviewed_on: {on}\nturns:\n{''.join(turns)}")
