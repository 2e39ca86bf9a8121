"""Published review files: ``<reviewed dir>/<slug>.yaml``, saved readably, loaded and checked like the library.

These are library files, shared with everyone who installs Haven: only :mod:`haven.reviews.publish` writes
them (de-identified, approved pairs). A review of a person's conversation is kept in their database
(:mod:`haven.reviews.store`), never here.

The reviewed dir is ``knowledge/reviewed`` in the library by default and ``HAVEN_REVIEWED_DIR`` when set
(tests point it at a tmp dir). Problems are reported as ``path:line: message``, the style of
``haven validate``; a broken file is skipped, never used.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from haven.content.loader import Problem, _parse_yaml, _validation_problems
from haven.content.models import ID_PATTERN
from haven.reviews.models import Review

REVIEWED_DIR_ENV = "HAVEN_REVIEWED_DIR"
REVIEW_SUFFIXES = (".yaml", ".yml")


def reviewed_dir() -> Path:
    """Where reviews are read and saved: ``$HAVEN_REVIEWED_DIR``, else the library's ``knowledge/reviewed``."""
    configured = os.environ.get(REVIEWED_DIR_ENV, "").strip()
    if configured:
        return Path(configured)
    from haven.config import get_settings

    return get_settings().knowledge_dir / "reviewed"


def slugify(text: str) -> str:
    """Lowercase ASCII words joined by hyphens: 'Dr Zoë Åberg' -> 'dr-zoe-aberg'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def review_slug(review: Review) -> str:
    """``<date>-<reviewer>-conversation-<id>``: sorts by date and says whose review it is."""
    parts = [review.reviewed_on.isoformat(), slugify(review.reviewer) or "reviewer"]
    if review.conversation_id is not None:
        parts.append(f"conversation-{review.conversation_id}")
    return "-".join(parts)


class _ReviewDumper(yaml.SafeDumper):
    """Multi-line text as YAML block scalars, so a reply reads in the file as it reads on screen."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_ReviewDumper.add_representer(str, _text)


def review_yaml(review: Review) -> str:
    data = review.model_dump(mode="json")
    return yaml.dump(data, Dumper=_ReviewDumper, sort_keys=False, allow_unicode=True, width=110)


def save_review(review: Review, directory: Path | None = None) -> Path:
    """Write ``review`` as a new file (never over another review) and return its path."""
    directory = Path(directory) if directory is not None else reviewed_dir()
    directory.mkdir(parents=True, exist_ok=True)
    slug = review_slug(review)
    path, n = directory / f"{slug}.yaml", 2
    while path.exists():
        path, n = directory / f"{slug}-{n}.yaml", n + 1
    path.write_text(review_yaml(review), encoding="utf-8")
    return path


def review_files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.iterdir() if p.is_file() and p.suffix in REVIEW_SUFFIXES)


def load_review(path: Path) -> tuple[Review | None, list[Problem]]:
    """One review file, or the problems that keep it from loading."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(path, 1, f"cannot read file: {error}")]
    data, node, problems = _parse_yaml(path, text)
    if problems:
        return None, problems
    try:
        review = Review.model_validate(data)
    except ValidationError as error:
        return None, _validation_problems(path, error, node)
    if not re.match(ID_PATTERN, path.stem):
        return None, [Problem(path, 1, f"file name '{path.stem}' must be lowercase words joined by hyphens")]
    return review, []


@dataclass(frozen=True)
class LoadedReview:
    path: Path
    review: Review


def load_reviews(directory: Path | None = None) -> tuple[list[LoadedReview], list[Problem]]:
    """Every valid review in ``directory`` (the reviewed dir by default), and the problems of the rest."""
    directory = Path(directory) if directory is not None else reviewed_dir()
    loaded, problems = [], []
    for path in review_files(directory):
        review, found = load_review(path)
        problems += found
        if review is not None:
            loaded.append(LoadedReview(path, review))
    return loaded, problems


def validate_reviews(directory: Path | None = None) -> list[Problem]:
    """Every problem in the review files, as ``path:line: message`` (for ``haven validate``)."""
    return load_reviews(directory)[1]
