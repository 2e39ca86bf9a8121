"""How long each click takes in the app, as a person's browser sees it: page navigation, an exercise's
"Next", a chat turn with the offline guide. Prints p50 / p95 per action (milliseconds).

    .venv/bin/python benchmarks/clicks.py              # starts its own Haven on a throw-away data folder
    .venv/bin/python benchmarks/clicks.py --rounds 3   # more samples
    .venv/bin/python benchmarks/clicks.py --json out.json

What is timed: from the click (or Enter) to the moment the server's "script finished" message for the run it
caused reaches the page (read off the app's WebSocket; an exercise's Next, to the last such message before the
next step shows). That is the server's time for the run plus a loopback round trip: an upper bound on server
time, a lower bound on what a person waits for (drawing comes after). Watching the app's
``data-test-script-state`` for running -> notRunning, as before, missed runs quick enough to start and end
within one render of the page. Needs Debian's chromium (``make browser``) and
``haven prepare`` having been run (as ``make run`` does); quote figures with the load average printed.
The browser test ``tests/browser/test_click_timings.py`` drives the same walk and keeps the numbers in
``test-artifacts/browser/click-timings.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
NAVIGATION = ["Chat", "Library", "Exercises", "Mood", "Check-ups", "Insights", "Settings", "Welcome"]
HEADINGS = {"Welcome": "Welcome to Haven", "Check-ups": "Check-ups"}
EXERCISE = "thought-record"  # the 14-step walk the issue measured at about 40 s of waiting
CHAT = [
    "I've been feeling really stressed about exams",
    "I can't sleep the night before",
    "my mind just races with what ifs",
    "what could I try?",
    "maybe the breathing one",
    "thanks, that's useful",
]

# Every change of the run state, with its time, wherever React draws the app's root (it may re-mount). Used to
# wait until no run is going; the end of a run is read from the server's own message (_SOCKET) instead,
# because a run quick enough to start and end within one of React's renders never shows "running".
_WATCH = """() => {
  if (window.__havenRuns) return true;
  window.__havenRuns = [];
  const note = () => {
    const app = document.querySelector('[data-test-script-state]');
    const state = app ? app.getAttribute('data-test-script-state') : null;
    const runs = window.__havenRuns;
    if (!runs.length || runs[runs.length - 1][1] !== state) runs.push([performance.now(), state]);
  };
  new MutationObserver(note).observe(document.documentElement,
    {subtree: true, childList: true, attributes: true, attributeFilter: ['data-test-script-state']});
  note();
  return true;
}"""
# Installed before the app loads: the time each "script finished" message (Streamlit's ForwardMsg with its
# field 6, script_finished: 0 finished, 1 compile error, 3 fragment finished; 2 is "stopped for a rerun")
# reaches the page, read from the protobuf's top-level fields as the WebSocket delivers it.
_SOCKET = """(() => {
  if (window.__havenFinished) return;
  window.__havenFinished = [];
  const status = (buffer) => {
    const b = new Uint8Array(buffer);
    let i = 0;
    const varint = () => {
      let value = 0, shift = 0, byte;
      do { byte = b[i++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80 && i < b.length);
      return value;
    };
    while (i < b.length) {
      const tag = varint(), field = Math.floor(tag / 8), wire = tag & 7;
      if (wire === 0) { const value = varint(); if (field === 6) return value; }
      else if (wire === 2) { const length = varint(); i += length; }
      else if (wire === 1) i += 8;
      else if (wire === 5) i += 4;
      else return null;
    }
    return null;
  };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        if (!(event.data instanceof ArrayBuffer)) return;
        const finished = status(event.data);
        if (finished === 0 || finished === 1 || finished === 3) window.__havenFinished.push(performance.now());
      });
    }
  };
})();"""
_FINISHED_AFTER = """t0 => {
  const app = document.querySelector('[data-test-script-state]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  const done = window.__havenFinished.find(t => t >= t0);
  return done === undefined ? false : done;
}"""

_CHANGED_AFTER = """([t0, before]) => {
  const app = document.querySelector('[data-test-script-state]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  const done = window.__havenFinished.filter(t => t >= t0);
  if (!done.length) return false;
  return (CHANGED) !== before ? done[done.length - 1] : false;
}"""
# What identifies the step on screen: the key of its way forward (Next / Skip), or the summary's question.
_STEP_SHOWN = (
    "(document.querySelector(\"[class*='st-key-ex-next-'], [class*='st-key-ex-timer-skip-']\") || {}).className"
    " || (document.body.innerText.includes('Did this help') ? 'summary' : '')"
)


class ClickTimer:
    """Times actions in one Playwright page: click-to-run-finished, in milliseconds, kept per action."""

    def __init__(self, page, timeout_ms: int = 60_000, server_pid: int | None = None) -> None:
        self.page = page
        self.timeout_ms = timeout_ms
        self.samples: dict[str, list[float]] = {}
        self.cpu: dict[str, list[float]] = {}  # the server process's CPU time per action, when its pid is known
        self._server = None
        if server_pid is not None:
            import psutil

            self._server = psutil.Process(server_pid)

    def _server_cpu(self) -> float:
        if self._server is None:
            return 0.0
        times = self._server.cpu_times()
        return times.user + times.system

    def watch(self) -> None:
        self.page.wait_for_function(_WATCH, timeout=self.timeout_ms)

    def settle(self) -> None:
        """Wait until no run is going (between actions, so one action's time never includes another's)."""
        self.watch()
        self.page.wait_for_function(
            "() => { const a = document.querySelector('[data-test-script-state]');"
            " return a && a.getAttribute('data-test-script-state') === 'notRunning'; }",
            timeout=self.timeout_ms,
        )
        self.page.wait_for_timeout(250)

    def time(self, action: str, do: Callable[[], None], changed: str | None = None) -> float:
        """Time ``do`` to the end of the run it causes; with ``changed`` (a JS expression for what the page
        shows), to the end of the first run after which that differs from before the click: a click that
        saves and then draws the next step in a second run is timed to the second."""
        self.settle()
        before = self.page.evaluate(f"() => {changed}") if changed else None
        cpu0 = self._server_cpu()
        t0 = self.page.evaluate("performance.now()")
        do()
        if changed:
            check = _CHANGED_AFTER.replace("CHANGED", changed)
            done = self.page.wait_for_function(check, arg=[t0, before], timeout=30_000).json_value()
        else:
            done = self.page.wait_for_function(_FINISHED_AFTER, arg=t0, timeout=self.timeout_ms).json_value()
        ms = float(done) - float(t0)
        self.samples.setdefault(action, []).append(ms)
        if self._server is not None:
            self.cpu.setdefault(action, []).append((self._server_cpu() - cpu0) * 1000)
        return ms


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile by linear interpolation between closest ranks (numpy's default)."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summary(samples: dict[str, list[float]]) -> dict[str, dict[str, float]]:
    return {
        action: {
            "n": len(values),
            "p50_ms": round(percentile(values, 0.5), 1),
            "p95_ms": round(percentile(values, 0.95), 1),
            "max_ms": round(max(values), 1),
            "mean_ms": round(statistics.fmean(values), 1),
        }
        for action, values in samples.items()
    }


def heading(page):
    return page.get_by_role("heading", level=1).first


def navigate(timer: ClickTimer, title: str) -> None:
    """Click the page's link in the sidebar; the run is timed, then the page's heading is checked."""
    from playwright.sync_api import expect

    page = timer.page
    link = page.locator("[data-testid='stSidebarNav'] a").filter(has=page.get_by_text(title, exact=True))
    timer.time("navigate", lambda: link.first.click())
    expect(heading(page)).to_contain_text(HEADINGS.get(title, title))


def _fill_the_step(page) -> None:
    """Answer whatever the step asks: a number on an open scale, the first option of a choice, words in each
    empty box; then let the answer reach the server (a box commits on leaving it) before Next is timed."""
    main = page.locator("[data-testid='stMain']")
    for group in main.locator("[data-testid='stButtonGroup']").all():
        if group.locator("[aria-checked='true'], [aria-pressed='true']").count():
            continue
        five = group.get_by_role("radio", name="5", exact=True)
        (five if five.count() else group.locator("button").first).click()
    for box in main.locator("textarea:visible, input[type='text']:visible").all():
        if not box.input_value():
            box.fill("I thought everyone would notice I was nervous")
            box.press("Tab")


def exercise_steps(timer: ClickTimer, exercise: str = EXERCISE, most: int = 40) -> int:
    """Open ``exercise``, start it, and press Next through it, timing each Next. Returns the Nexts that moved
    the exercise on (its progress changed, or it finished)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
    from playwright.sync_api import expect

    page = timer.page
    navigate(timer, "Exercises")
    timer.time("exercise open", lambda: page.locator(f".st-key-ex-open-{exercise} button").click())
    start = page.locator(".st-key-ex-intro-start button")
    expect(start).to_be_visible()
    timer.time("exercise start", lambda: start.click())
    moved = 0
    for _ in range(most):
        timer.settle()
        if page.get_by_text(re.compile("Did this help", re.I)).count():
            break
        _fill_the_step(page)
        timer.settle()
        before = page.evaluate(f"() => {_STEP_SHOWN}")
        forward = page.locator("[class*='st-key-ex-next-'] button, [class*='st-key-ex-timer-skip-'] button")
        if not forward.count():
            break
        try:
            timer.time("exercise next", forward.first.click, changed=_STEP_SHOWN)
        except PlaywrightTimeoutError:  # the step did not change (an answer it would not take): not timed
            continue
        timer.settle()
        if page.evaluate(f"() => {_STEP_SHOWN}") != before:
            moved += 1
    return moved


def chat_turns(timer: ClickTimer, messages: list[str] = CHAT) -> int:
    """Send each message in a new conversation; returns how many got a reply from Haven."""
    from playwright.sync_api import expect

    page = timer.page
    navigate(timer, "Chat")
    new = page.locator(".st-key-navigates-new button")
    if new.count():
        timer.time("chat new conversation", lambda: new.click())
    answered = 0
    for text in messages:
        box = page.locator("textarea[data-testid='stChatInputTextArea']")
        expect(box).to_be_enabled()
        box.fill(text)
        timer.time("chat turn", lambda box=box: box.press("Enter"))
        timer.settle()
        messages = page.locator("[data-testid='stChatMessage']")
        shown = messages.count()  # the opening greeting is not kept, so the count alone says little
        if shown >= 2 and text in messages.nth(shown - 2).inner_text() and messages.last.inner_text().strip():
            answered += 1  # the message, then Haven's reply under it
    return answered


def server_pid(base_url: str) -> int | None:
    """The process listening on the server's port (for its CPU time), or None if it cannot be told."""
    import psutil

    port = int(base_url.rsplit(":", 1)[-1].strip("/"))
    try:
        for connection in psutil.net_connections(kind="tcp"):
            if connection.laddr and connection.laddr.port == port and connection.status == "LISTEN":
                return connection.pid
    except (psutil.Error, OSError):
        return None
    return None


def walk(page, base_url: str, rounds: int = 2) -> tuple[ClickTimer, dict[str, int]]:
    """The whole walk: navigation round(s) through every page, one exercise, one short conversation."""
    from playwright.sync_api import expect

    page.add_init_script(_SOCKET)  # before the app opens its WebSocket
    page.goto(base_url)
    expect(heading(page)).to_contain_text("Welcome to Haven", timeout=600_000)  # a fresh server warms up
    timer = ClickTimer(page, server_pid=server_pid(base_url))
    timer.settle()
    for _ in range(rounds):
        for title in NAVIGATION:
            navigate(timer, title)
    checks: dict[str, int] = {"exercise_nexts_that_moved_on": exercise_steps(timer)}
    checks["exercise_finished"] = int(bool(page.get_by_text(re.compile("Did this help", re.I)).count()))
    checks["chat_turns_answered"] = chat_turns(timer)
    return timer, checks


def _table(result: dict[str, dict[str, float]]) -> str:
    lines = ["| action | n | p50 ms | p95 ms | max ms |", "|---|---|---|---|---|"]
    for action, row in result.items():
        lines.append(f"| {action} | {row['n']} | {row['p50_ms']:.0f} | {row['p95_ms']:.0f} | {row['max_ms']:.0f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=2, help="Navigation rounds through every page.")
    parser.add_argument("--json", type=Path, help="Also write the figures here.")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "tests"))
    from playwright.sync_api import sync_playwright
    from services import serve_app

    data_dir = tempfile.mkdtemp(prefix="haven-clicks-")
    env = {**os.environ, "HAVEN_DATA_DIR": data_dir, "HAVEN_REGION": "US"}
    env.pop("HAVEN_LLM", None)
    server = serve_app(env, data_dir)
    base_url = next(server)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                         args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])  # fmt: skip
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            print(f"load average before: {os.getloadavg()[0]:.2f} (cores: {os.cpu_count()})")
            started = time.perf_counter()
            try:
                timer, checks = walk(page, base_url, args.rounds)
            except Exception:
                page.screenshot(path=str(Path(data_dir) / "failed.png"), full_page=True)
                print(f"failed: the page is in {data_dir}/failed.png", file=sys.stderr)
                raise
            browser.close()
    finally:
        next(server, None)
    result = summary(timer.samples)
    print(_table(result))
    if timer.cpu:
        print("\nThe server's CPU time per action (less sensitive to a shared machine's load than wall time):")
        print(_table(summary(timer.cpu)))
    print(f"checks: {checks}; walk {time.perf_counter() - started:.0f} s; "
          f"load average after: {os.getloadavg()[0]:.2f}")  # fmt: skip
    if args.json:
        figures = {"actions": result, "server_cpu": summary(timer.cpu), "checks": checks}
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
