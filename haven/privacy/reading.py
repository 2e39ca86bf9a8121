"""Reading an export file as a stream: its header and shape in one pass, then each table's rows one at a time.

Why a stream: a person's export can be hundreds of megabytes, and reading it whole took more memory than
the file's size three times over. ijson (its C parser) hands out one row at a time, so memory stays flat
however large the file is. The first pass also refuses what would otherwise crash the parser or the
validator later: nesting deeper than any export has, or a number too long to be a number.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import ijson

from haven.storage.limits import MAX_DEPTH

#: The file's own levels (the document, a table's list, a row) plus a value's own nesting.
MAX_FILE_DEPTH = 3 + MAX_DEPTH
HEADER_KEYS = ("format", "format_version", "schema_revision", "exported_at", "counts")
_VALUE_STARTS = {"start_map", "start_array", "string", "number", "boolean", "null"}


class Unreadable(ValueError):
    """The file cannot be read as an export at all (not JSON, cut short, too deep, an impossible number)."""


@dataclass
class Survey:
    """What one pass over the file found: the header's values, the top-level keys, and rows per key."""

    header: dict[str, Any] = field(default_factory=dict)
    keys: list[str] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    top_level_is_object: bool = True


class ExportFile:
    """An export on disk or in memory, opened afresh for each pass."""

    def __init__(self, source: Path | str | bytes) -> None:
        self.source = Path(source) if isinstance(source, str) else source

    def _open(self) -> IO[bytes]:
        if isinstance(self.source, bytes):
            return io.BytesIO(self.source)
        try:
            return self.source.open("rb")
        except OSError as error:
            raise Unreadable(f"{self.source}: cannot be read ({error.strerror})") from None

    def survey(self) -> Survey:
        """One streaming pass: header values, top-level keys, how many items each list holds."""
        found = Survey()
        depth, key, builder, last = 0, None, None, ("", "", None)
        with self._open() as handle:
            try:
                for last in ijson.parse(handle, use_float=True):
                    prefix, event, value = last
                    before = depth
                    if event in ("start_map", "start_array"):
                        depth += 1
                        if depth > MAX_FILE_DEPTH:
                            raise Unreadable(f"{_location(last, found)}: nested more than {MAX_DEPTH} levels deep")
                    elif event in ("end_map", "end_array"):
                        depth -= 1
                    if before == 0:
                        found.top_level_is_object = found.top_level_is_object and event == "start_map"
                    elif before == 1 and event == "map_key":
                        if value in found.keys:
                            raise Unreadable(f"{value}: appears twice in the file")
                        key = value
                        found.keys.append(key)
                        builder = ijson.ObjectBuilder() if key in HEADER_KEYS else None
                    elif builder is not None:
                        builder.event(event, value)
                        if depth == 1:  # the header value is complete
                            found.header[key], builder = builder.value, None
                    if before == 2 and event in _VALUE_STARTS and prefix == f"{key}.item":
                        found.rows[key] = found.rows.get(key, 0) + 1
            except Unreadable:
                raise
            except ijson.JSONError as error:
                where = _location(last, found)
                if "overflow" in str(error):
                    raise Unreadable(f"{where}: a number too large to be any value Haven keeps") from None
                raise Unreadable(f"{where}: not JSON ({_first_line(error)}); is the file cut short?") from None
            except ValueError as error:  # a number whose digits Python refuses to convert (too long)
                where = _location(last, found)
                raise Unreadable(f"{where}: a value that cannot be read ({_first_line(error)})") from None
        return found

    def rows(self, table: str) -> Iterator[Any]:
        """The items of the list under ``table``, one at a time (the survey has checked the whole file)."""
        with self._open() as handle:
            yield from ijson.items(handle, f"{table}.item", use_float=True)


def _location(last: tuple[str, str, Any], found: Survey) -> str:
    """Where the parser was when it stopped, as ``check_ins[3].mood`` (the last key it read, in its row)."""
    prefix, event, value = last
    parts = prefix.split(".") if prefix else []
    if event == "map_key":
        parts.append(str(value))
    if not parts:
        return "(the file)"
    table, rest = parts[0], parts[1:]
    text = table
    if rest[:1] == ["item"]:
        text += f"[{max(found.rows.get(table, 1) - 1, 0)}]"
        rest = rest[1:]
    return ".".join([text, *[p for p in rest if p != "item"]])


def _first_line(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return (text[0] if text else type(error).__name__)[:160]
