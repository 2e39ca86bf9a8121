"""How long an import takes, and whether it stays linear: a synthetic export of N check-ins, imported into an
empty database (then again, when every row is already there).

    .venv/bin/python benchmarks/import.py [--rows 100000] [--rows 25000 ...]

The file is written by a stream here (never held whole), in the exact format ``haven export`` writes, with
a person, a conversation, an exercise run and a questionnaire result beside the check-ins. Prints one line
per size: the file's size, seconds to check and import it, seconds to import it again (all matched), rows
per second, and the peak resident memory of the process so far.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]
os.environ.setdefault("HAVEN_DATA_DIR", tempfile.mkdtemp(prefix="haven-import-bench-"))
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

EMOTIONS = ["calm", "tired", "anxious", "hopeful", "sad"]


def write_export(path: Path, rows: int) -> None:
    """An export of ``rows`` check-ins (and one row of each other table), written row by row."""
    from haven.privacy.export_format import tables
    from haven.privacy.schema import schema_head
    from haven.tracking.scoring import score

    band = json.dumps(score("phq9", [1, 0, 2, 0, 0, 1, 0, 0, 0]).band)

    start = datetime(2024, 1, 1, 8, 0, 0)
    counts = {"people": 1, "check_ins": rows, "assessments": 1, "exercise_runs": 1, "conversations": 1,
              "chat_turns": 2}  # fmt: skip
    empty = [t.name for t in tables() if t.name not in counts]  # every other table, listed and empty
    counts.update(dict.fromkeys(empty, 0))
    header = {"format": "haven-export", "format_version": 1, "schema_revision": schema_head(),
              "exported_at": "2026-01-01T00:00:00", "counts": counts}  # fmt: skip
    at = start.isoformat()
    with path.open("w", encoding="utf-8") as out:
        out.write(json.dumps(header)[:-1])
        out.write("".join(f', "{name}": []' for name in empty))
        out.write(f', "people": [{{"id": 1, "name": "me", "is_demo": false, "created_at": "{at}"}}]')
        out.write(', "check_ins": [')
        for n in range(rows):
            row = {"id": n + 1, "person_id": 1, "at": (start + timedelta(minutes=37 * n % 900_000)).isoformat(),
                   "mood": 1 + n % 10, "emotions": EMOTIONS[: n % 3], "tags": [f"tag {n % 40}"],
                   "sleep_hours": 4 + (n % 9) * 0.5, "note": f"Day {n}: a short note about how it went."}  # fmt: skip
            out.write(("," if n else "") + json.dumps(row))
        out.write("]")
        out.write(f', "assessments": [{{"id": 1, "person_id": 1, "instrument": "phq9", "taken_at": "{at}", '
                  '"answers": [1, 0, 2, 0, 0, 1, 0, 0, 0], "total": 4, "band": ' + band + "}]")  # fmt: skip
        out.write(f', "exercise_runs": [{{"id": 1, "person_id": 1, "exercise_id": "box-breathing", '
                  f'"started_at": "{at}", "updated_at": "{at}", "completed_at": null, "current_step": 1, '
                  '"answers": {"noticed": "slower"}, "distress_before": 6, "distress_after": null, "helpful": 1}]')
        out.write(f', "conversations": [{{"id": 1, "person_id": 1, "started_at": "{at}", "title": "A chat", '
                  '"state": null}]')  # fmt: skip
        out.write(f', "chat_turns": [{{"id": 1, "conversation_id": 1, "at": "{at}", "role": "user", "text": "hi", '
                  '"level": "none", "topics": [], "citations": [], "suggested_exercises": [], "engine": "", '
                  f'"notice": ""}}, {{"id": 2, "conversation_id": 1, "at": "{at}", "role": "assistant", '
                  '"text": "Hello.", "level": "none", "topics": [], "citations": [], "suggested_exercises": [], '
                  '"engine": "guide", "notice": ""}]}')


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(rows: int, folder: Path) -> None:
    from haven.privacy import import_file
    from haven.storage.db import make_engine
    from haven.storage.migrate import upgrade

    path = folder / f"export-{rows}.json"
    write_export(path, rows)
    engine = make_engine(f"sqlite:///{folder / f'bench-{rows}.db'}")
    upgrade(engine)
    start = time.perf_counter()
    report = import_file(engine, path)
    first = time.perf_counter() - start
    start = time.perf_counter()
    again = import_file(engine, path)
    second = time.perf_counter() - start
    assert report.added["check_ins"] == rows and again.total_added == 0, (report.as_json(), again.as_json())
    size = path.stat().st_size / 1e6
    print(f"{rows:>9,} rows  {size:7.1f} MB  import {first:6.1f} s  again {second:6.1f} s  "
          f"{rows / first:8,.0f} rows/s  peak RSS {peak_rss_mb():6.0f} MB", flush=True)  # fmt: skip
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, action="append", help="check-ins in the file (repeat for several)")
    sizes = parser.parse_args().rows or [100_000]
    with tempfile.TemporaryDirectory(prefix="haven-import-bench-") as folder:
        for rows in sizes:
            run(rows, Path(folder))


if __name__ == "__main__":
    main()
