"""Server time to build every Insights chart (and its insights) for five years of daily check-ins.

    .venv/bin/python benchmarks/charts.py [--years 5] [--repeat 7]

Fills a throwaway SQLite database with the demo generator stretched over ``--years`` (about 2,000 check-ins,
questionnaires every two weeks, exercise runs), then times, for the "All time" period: loading the frames
from the database, building all charts, building the insights, and serialising the figures to JSON (what
``st.plotly_chart`` sends to the browser). Prints the median and best of ``--repeat`` warm runs, plus the
first (cold) run. Goal: under 1 s in total.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=float, default=5.0)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    os.environ["HAVEN_DATA_DIR"] = tempfile.mkdtemp(prefix="haven-bench-charts-")
    os.environ.pop("HAVEN_DATABASE_URL", None)

    from haven.storage.db import DEMO_PERSON, get_engine
    from haven.tracking.charts import build_charts
    from haven.tracking.demo import fill_demo
    from haven.tracking.frames import Period, load_tracking_data
    from haven.tracking.insights import build_insights

    engine = get_engine()
    summary = fill_demo(engine, days=int(args.years * 365.25))
    print(
        f"data: {summary.check_ins} check-ins over {(summary.last_day - summary.first_day).days + 1} days "
        f"({summary.first_day} to {summary.last_day}), {summary.assessments} questionnaire results, "
        f"{summary.exercise_runs} exercise runs"
    )

    def one_run() -> dict[str, float]:
        times: dict[str, float] = {}
        start = time.perf_counter()
        data = load_tracking_data(engine, DEMO_PERSON, Period.last(None, label="All time"))
        times["load frames"] = time.perf_counter() - start
        mark = time.perf_counter()
        charts = build_charts(data)
        times["build charts"] = time.perf_counter() - mark
        mark = time.perf_counter()
        build_insights(data)
        times["insights"] = time.perf_counter() - mark
        mark = time.perf_counter()
        figures = [charts.mood, charts.calendar, charts.emotions, charts.tags, charts.what_helps]
        for figure in [*figures, *charts.questionnaires.values()]:
            figure.to_json()
        times["to JSON"] = time.perf_counter() - mark
        times["total"] = time.perf_counter() - start
        return times

    cold = one_run()
    warm = [one_run() for _ in range(args.repeat)]
    print(f"{'step':<14}{'cold ms':>10}{'median ms':>12}{'best ms':>10}")
    for step in cold:
        values = [run[step] * 1000 for run in warm]
        print(f"{step:<14}{cold[step] * 1000:>10.1f}{statistics.median(values):>12.1f}{min(values):>10.1f}")
    total = statistics.median(run["total"] for run in warm)
    print(f"goal < 1000 ms: {'met' if total < 1.0 else 'NOT met'} (median total {total * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
