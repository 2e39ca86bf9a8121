"""Whole-process start-up: how long a person waits for each `haven` command, from launch to exit.

    .venv/bin/python benchmarks/startup.py            # 5 runs each: min / median / max seconds
    .venv/bin/python benchmarks/startup.py --runs 3

Run `haven prepare` first (as `make run` does): the ONNX graphs and the library index are then in place, as they
are for anyone after the first start. A throw-away data folder is used, so nothing of yours is read or written.
Quote figures from a quiet machine (the load average is printed beside them); the issue's targets are
`haven triage` <= 2 s and `haven chat` / `haven search` <= 3 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HAVEN = str(Path(sys.executable).with_name("haven"))
COMMANDS = {
    "haven triage": [HAVEN, "triage", "I feel a bit low today"],
    "haven search": [HAVEN, "search", "I can't sleep before exams"],
    "haven chat": [HAVEN, "chat", "I can't sleep before exams"],
}


def _seconds(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds, and the CPU seconds (user + system) the command used: on a shared machine the wall time
    grows with everyone else's load, the CPU time much less, so both are printed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="haven-startup-") as data_dir:
        env = {**os.environ, "HAVEN_DATA_DIR": data_dir}
        subprocess.run([HAVEN, "prepare"], env=env, check=True, stderr=subprocess.DEVNULL, cwd=ROOT)
        print(f"load average before: {os.getloadavg()[0]:.2f} (cores: {os.cpu_count()})")
        print("| command | min s | median s | max s | median CPU s |\n|---|---|---|---|---|")
        for name, command in COMMANDS.items():
            runs = [_seconds(command, env) for _ in range(args.runs)]
            times, cpu = [wall for wall, _ in runs], [used for _, used in runs]
            print(f"| `{name}` | {min(times):.2f} | {statistics.median(times):.2f} | {max(times):.2f} "
                  f"| {statistics.median(cpu):.2f} |")  # fmt: skip
        print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
