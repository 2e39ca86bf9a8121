"""Read the library from disk, turning every problem into ``path:line: message``.

Loading never raises on bad content: a broken file becomes a :class:`Problem` and the rest of the library
still loads, so one author's typo cannot take the app down.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from haven.content.models import STEP_KINDS, Article, ArticleMeta, Exercise, Section
from haven.yaml_files import SAFE_LOADER

#: The largest library file read (the largest today is about 9 KB). A bigger one is refused unread: a
#: 5 MB file once passed validation and then took an ingest 15 minutes and 1.3 GB before it failed.
MAX_FILE_BYTES = 100_000
#: The longest paragraph: passages are cut at paragraph breaks, so one paragraph is at most one passage,
#: and a passage is what a citation shows (and what the embedding model reads: it truncates past ~250 words).
MAX_PARAGRAPH_WORDS = 300


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a content file, pointing at the line to fix."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class Library:
    """Every exercise and article that loaded, plus the problems of those that did not."""

    exercises: dict[str, Exercise] = field(default_factory=dict)
    articles: dict[str, Article] = field(default_factory=dict)
    paths: dict[str, Path] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def get(self, doc_id: str) -> Exercise | Article | None:
        return self.exercises.get(doc_id) or self.articles.get(doc_id)

    def documents(self) -> Iterable[Exercise | Article]:
        yield from self.exercises.values()
        yield from self.articles.values()


# --- YAML with line numbers -------------------------------------------------------------------------


def _node_line(node: yaml.Node | None, loc: tuple[Any, ...]) -> int | None:
    """Follow a pydantic error location through the YAML node tree to a 1-based line."""
    line = node.start_mark.line + 1 if node is not None else None
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if getattr(k, "value", None) == key), None)
            if match is None:
                # the key itself is missing or unknown: point at the key if present, else stay put
                k_node = next((k for k, _ in node.value if getattr(k, "value", None) == key), None)
                return k_node.start_mark.line + 1 if k_node is not None else line
            node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            continue  # discriminator tags such as 'prompt' in a union location
        line = node.start_mark.line + 1
    return line


def _format_error(err: dict[str, Any]) -> str:
    loc = ".".join(str(p) for p in err["loc"] if not (isinstance(p, str) and p in STEP_KINDS))
    msg = err["msg"]
    if err["type"] == "union_tag_invalid":
        msg = f"unknown step kind {err['input'].get('kind')!r}; use one of {', '.join(STEP_KINDS)}"
    elif err["type"] == "extra_forbidden":
        msg = "unknown field"
    elif err["type"] == "missing":
        msg = "required field is missing"
    return f"{loc}: {msg}" if loc else msg


def _validation_problems(
    path: Path, exc: ValidationError, root: yaml.Node | None, line_offset: int = 0
) -> list[Problem]:
    problems = []
    for err in exc.errors():
        line = _node_line(root, tuple(err["loc"])) or 1
        problems.append(Problem(path, line + line_offset, _format_error(err)))
    return problems


def _parse_yaml(path: Path, text: str, line_offset: int = 0) -> tuple[Any, yaml.Node | None, list[Problem]]:
    try:
        # libyaml's C parser when PyYAML has it: the same nodes (with line marks) and data, about ten times
        # faster; every process that searches or chats reads the whole library once
        node = yaml.compose(text, Loader=SAFE_LOADER)
        data = yaml.load(text, Loader=SAFE_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = (mark.line + 1 if mark else 1) + line_offset
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return None, None, [Problem(path, line, f"not valid YAML: {reason}")]
    if not isinstance(data, dict):
        return None, None, [Problem(path, 1 + line_offset, "expected a mapping of fields (key: value)")]
    return data, node, []


# --- exercises -----------------------------------------------------------------------------------


def _read(path: Path) -> str | Problem:
    """The file's text, or the problem that stops it being read (too big, unreadable, not UTF-8)."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return Problem(path, 1, f"the file is {size / 1000:,.0f} KB; a library file may be at most "
                                    f"{MAX_FILE_BYTES // 1000} KB (split it into several)")  # fmt: skip
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return Problem(path, 1, f"cannot read file: {exc}")


def _long_strings(value: Any, loc: tuple = ()) -> list[tuple[tuple, int]]:
    """(where, words) of every text in parsed YAML with a paragraph over :data:`MAX_PARAGRAPH_WORDS`."""
    if isinstance(value, str):
        longest = max((len(p.split()) for p in value.split("\n\n")), default=0)
        return [(loc, longest)] if longest > MAX_PARAGRAPH_WORDS else []
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    return [found for key, item in items for found in _long_strings(item, (*loc, key))]


def load_exercise(path: Path) -> tuple[Exercise | None, list[Problem]]:
    """Parse and validate one ``exercises/<id>.yaml``."""
    text = _read(path)
    if isinstance(text, Problem):
        return None, [text]
    data, node, problems = _parse_yaml(path, text)
    if problems:
        return None, problems
    too_long = [Problem(path, _node_line(node, loc) or 1, f"{'.'.join(map(str, loc))}: a paragraph has {words:,} "
                        f"words; a passage may have at most {MAX_PARAGRAPH_WORDS}")  # fmt: skip
                for loc, words in _long_strings(data)]
    if too_long:
        return None, too_long
    try:
        exercise = Exercise.model_validate(data)
    except ValidationError as exc:
        return None, _validation_problems(path, exc, node)
    return exercise, _id_matches_stem(path, exercise.id, node)


def _id_matches_stem(path: Path, doc_id: str, node: yaml.Node | None, line_offset: int = 0) -> list[Problem]:
    if doc_id == path.stem:
        return []
    line = (_node_line(node, ("id",)) or 1) + line_offset
    return [Problem(path, line, f"id '{doc_id}' must match the file name '{path.stem}'")]


# --- articles ------------------------------------------------------------------------------------


def _split_front_matter(path: Path, text: str) -> tuple[str, str, int] | Problem:
    """Return (front matter, body, line where the body starts), or a Problem."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return Problem(path, 1, "an article starts with YAML front matter between '---' lines")
    for i, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1 :]), i + 2
    return Problem(path, 1, "front matter is not closed by a '---' line")


def _sections(body: str, first_line: int) -> tuple[str, list[Section]]:
    intro: list[str] = []
    sections: list[Section] = []
    heading, heading_line, buf = None, 0, []
    for offset, line in enumerate(body.splitlines()):
        if line.startswith("## "):
            if heading is not None:
                sections.append(Section(heading=heading, body="\n".join(buf).strip(), line=heading_line))
            heading, heading_line, buf = line[3:].strip(), first_line + offset, []
        elif heading is None:
            if not line.startswith("# "):  # a top-level title repeats the front matter's title
                intro.append(line)
        else:
            buf.append(line)
    if heading is not None:
        sections.append(Section(heading=heading, body="\n".join(buf).strip(), line=heading_line))
    return "\n".join(intro).strip(), sections


def _long_paragraphs(path: Path, body: str, first_line: int) -> list[Problem]:
    """Every paragraph over :data:`MAX_PARAGRAPH_WORDS`, at the line it starts on."""
    problems, start, words = [], None, 0
    for offset, line in enumerate([*body.splitlines(), ""]):
        if line.strip():
            start = offset if start is None else start
            words += len(line.split())
            continue
        if start is not None and words > MAX_PARAGRAPH_WORDS:
            problems.append(Problem(path, first_line + start, f"this paragraph has {words:,} words; a passage "
                                    f"may have at most {MAX_PARAGRAPH_WORDS} (break it with blank lines)"))  # fmt: skip
        start, words = None, 0
    return problems


def load_article(path: Path) -> tuple[Article | None, list[Problem]]:
    """Parse and validate one ``knowledge/<id>.md``."""
    text = _read(path)
    if isinstance(text, Problem):
        return None, [text]
    split = _split_front_matter(path, text)
    if isinstance(split, Problem):
        return None, [split]
    front, body, body_line = split
    data, node, problems = _parse_yaml(path, front, line_offset=1)
    if problems:
        return None, problems
    try:
        meta = ArticleMeta.model_validate(data)
    except ValidationError as exc:
        return None, _validation_problems(path, exc, node, line_offset=1)
    too_long = _long_paragraphs(path, body, body_line)
    if too_long:
        return None, too_long
    intro, sections = _sections(body, body_line)
    problems = _id_matches_stem(path, meta.id, node, line_offset=1)
    if not sections:
        return None, problems + [Problem(path, body_line, "an article needs at least one '## ' section")]
    empty = [Problem(path, s.line, f"section '{s.heading}' is empty") for s in sections if not s.body]
    return Article(meta=meta, intro=intro, sections=sections), problems + empty


# --- the whole library ---------------------------------------------------------------------------


def _field_line(path: Path, key: str, value: str | None = None) -> int:
    """The line of ``key:`` in a content file (or of ``value`` after it), for cross-file problems."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1
    start = next((i for i, line in enumerate(lines) if line.lstrip().startswith(f"{key}:")), None)
    if start is None:
        return 1
    if value is not None:
        for i in range(start, min(len(lines), start + 50)):
            if re.search(rf"(?<![\w-]){re.escape(value)}(?![\w-])", lines[i]):
                return i + 1
    return start + 1



def load_library(exercises_dir: Path, knowledge_dir: Path) -> Library:
    """Load every exercise and article; cross-check ids and links. Never raises on content."""
    lib = Library()
    owners: dict[str, Path] = {}

    def admit(doc: Exercise | Article, path: Path, bucket: dict) -> None:
        """Keep ``doc`` unless its id is taken. Of two files with one id, the one *named* for the id is the
        real one (a misnamed copy sorts first as often as not): it is kept, the other reported and left out."""
        owner = owners.get(doc.id)
        if owner is not None:
            replace = path.stem == doc.id and owner.stem != doc.id
            kept, dropped = (path, owner) if replace else (owner, path)
            lib.problems.append(Problem(dropped, _field_line(dropped, "id"),
                                        f"duplicate id '{doc.id}' (also used by {kept}); this file is left out"))  # fmt: skip
            if not replace:
                return
            lib.exercises.pop(doc.id, None)
            lib.articles.pop(doc.id, None)
        owners[doc.id] = path
        lib.paths[doc.id] = path
        bucket[doc.id] = doc

    for path in sorted(exercises_dir.glob("*.y*ml")) if exercises_dir.is_dir() else []:
        exercise, problems = load_exercise(path)
        lib.problems += problems
        if exercise is not None:
            admit(exercise, path, lib.exercises)
    for path in sorted(knowledge_dir.glob("*.md")) if knowledge_dir.is_dir() else []:
        article, problems = load_article(path)
        lib.problems += problems
        if article is not None:
            admit(article, path, lib.articles)
    for article in lib.articles.values():
        for ex_id in article.meta.related_exercises:
            if ex_id not in lib.exercises:
                path = lib.paths[article.id]
                line = _field_line(path, "related_exercises", ex_id)
                lib.problems.append(Problem(path, line, f"related_exercises names unknown exercise '{ex_id}'"))
    lib.problems.sort(key=lambda p: (str(p.path), p.line))
    return lib


def load_default_library() -> Library:
    """The library named by the settings (the repo's ``exercises/`` and ``knowledge/`` by default)."""
    from haven.config import get_settings

    settings = get_settings()
    return load_library(settings.exercises_dir, settings.knowledge_dir)
