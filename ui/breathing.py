"""A breathing pacer drawn with HTML and CSS keyframes only: no script, no network, no images.

The circle grows on "in", rests on "hold", shrinks on "out"; the phase label and a count (1, 2, 3, 4) sit
inside it, the round ("2 of 4") under it, and a bar fills over the whole timer. Everything is timed by CSS
animations that start when the pacer is drawn, so the page shows it only after the person presses Start.
A plain timer (seconds, no phases) gets a resting circle and a countdown instead. People who ask their
system for reduced motion get a still circle; the words and counts still change.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass

import streamlit as st

from haven.content.models import Phase, TimerStep

SMALL, LARGE = 0.55, 1.0


@dataclass(frozen=True)
class Window:
    """Something shown from ``start`` to ``end`` seconds within one loop of the animation."""

    text: str
    start: float
    end: float


def render_pacer(step: TimerStep, uid: str) -> None:
    """Draw the pacer for ``step``; ``uid`` keeps its CSS names apart from any other pacer on the page."""
    st.html(pacer_html(step, uid))


def describe(step: TimerStep) -> str:
    """The pattern in words, e.g. 'Breathe in 4 s, Hold 4 s, Breathe out 4 s, Hold 4 s; 4 rounds (about 1 min).'"""
    total = _duration_words(step.total_seconds)
    if not step.phases:
        return f"A quiet timer of {total}."
    pattern = ", ".join(f"{p.label} {_secs(p.seconds)} s" for p in step.phases)
    rounds = f"{step.cycles} round{'s' if step.cycles != 1 else ''}"
    return f"{pattern}; {rounds} ({total})."


def pacer_html(step: TimerStep, uid: str) -> str:
    """The pacer's HTML and CSS (a pure function of the step, so it can be tested)."""
    p = "hv-" + re.sub(r"[^a-zA-Z0-9_-]", "-", uid)
    total = step.total_seconds
    if step.phases:
        loop = sum(ph.seconds for ph in step.phases)
        layers = [("label", phase_windows(step.phases), loop, step.cycles)]
        layers.append(("count", count_windows(step.phases), loop, step.cycles))
        if step.cycles > 1:
            rounds = [
                Window(f"Round {i + 1} of {step.cycles}", i * loop, (i + 1) * loop) for i in range(step.cycles)
            ]
            layers.append(("round", rounds, total, 1))
        circle = _keyframes(f"{p}-circle", circle_keyframes(step.phases))
        circle_rule = f".{p} .circle {{ animation: {p}-circle {_secs(loop)}s ease-in-out 0s {step.cycles}; }}"
    else:
        layers = [("count", countdown_windows(total), total, 1)]
        circle, circle_rule = "", f".{p} .circle {{ transform: scale({(SMALL + LARGE) / 2}); }}"

    css, spans = [circle, circle_rule], {"label": [], "count": [], "round": []}
    for kind, windows, loop_seconds, iterations in layers:
        for i, window in enumerate(windows):
            name = f"{p}-{kind}-{i}"
            css.append(_keyframes(name, _visibility(window, loop_seconds)))
            css.append(f".{p} .{name} {{ animation: {name} {_secs(loop_seconds)}s step-end 0s {iterations}; }}")
            spans[kind].append(f'<span class="{name}">{html.escape(window.text)}</span>')
    css += [
        f"@keyframes {p}-bar {{ from {{ width: 0%; }} to {{ width: 100%; }} }}",
        f".{p} .bar > div {{ animation: {p}-bar {_secs(total)}s linear 0s 1 forwards; }}",
        f"@keyframes {p}-end {{ 0% {{ opacity: 0; }} 100% {{ opacity: 1; }} }}",
        f".{p} .end {{ animation: {p}-end {_secs(total)}s step-end 0s 1 forwards; }}",
    ]
    return _TEMPLATE.format(
        p=p,
        base_css=_BASE_CSS.replace("{p}", p).replace("{small}", str(SMALL)),
        css="\n".join(c for c in css if c),
        label="".join(spans["label"]),
        count="".join(spans["count"]),
        rounds="".join(spans["round"]),
        description=html.escape(describe(step)),
    )


# --- timing, as data --------------------------------------------------------------------------------


def phase_windows(phases: list[Phase]) -> list[Window]:
    """When each phase label shows within one round."""
    out, t = [], 0.0
    for phase in phases:
        out.append(Window(phase.label, t, t + phase.seconds))
        t += phase.seconds
    return out


def count_windows(phases: list[Phase]) -> list[Window]:
    """The count within each phase: '1' for its first second, '2' for the next, and so on."""
    out, t = [], 0.0
    for phase in phases:
        for k in range(math.ceil(phase.seconds)):
            out.append(Window(str(k + 1), t + k, min(t + k + 1, t + phase.seconds)))
        t += phase.seconds
    return out


def countdown_windows(total: float) -> list[Window]:
    """Time left on a plain timer: seconds up to 90 s, whole minutes beyond."""
    unit, suffix = (1.0, " s") if total <= 90 else (60.0, " min")
    steps = math.ceil(total / unit)
    return [Window(f"{steps - j}{suffix}", j * unit, min((j + 1) * unit, total)) for j in range(steps)]


def circle_keyframes(phases: list[Phase]) -> list[tuple[float, str]]:
    """(percent of a round, CSS) pairs: grow over an 'in', shrink over an 'out', stay put otherwise."""
    loop = sum(ph.seconds for ph in phases)
    scale = LARGE if phases[0].shape == "out" else SMALL
    frames, t = [(0.0, f"transform: scale({scale});")], 0.0
    for phase in phases:
        t += phase.seconds
        if phase.shape == "in":
            scale = LARGE
        elif phase.shape == "out":
            scale = SMALL
        frames.append((100 * t / loop, f"transform: scale({scale});"))
    return frames


def _visibility(window: Window, loop: float) -> list[tuple[float, str]]:
    frames = [(0.0, "opacity: 0;")] if window.start > 0 else []
    frames.append((100 * window.start / loop, "opacity: 1;"))
    if window.end < loop:
        frames.append((100 * window.end / loop, "opacity: 0;"))
    frames.append((100.0, "opacity: 0;" if window.end < loop else "opacity: 1;"))
    return frames


def _keyframes(name: str, frames: list[tuple[float, str]]) -> str:
    body = " ".join(f"{pct:.4f}% {{ {rule} }}" for pct, rule in frames)
    return f"@keyframes {name} {{ {body} }}"


def _secs(seconds: float) -> str:
    return f"{seconds:g}"


def _duration_words(seconds: float) -> str:
    if seconds < 90:
        return f"{_secs(seconds)} seconds"
    return f"about {round(seconds / 60)} min"


_BASE_CSS = """
.{p} { display: flex; flex-direction: column; align-items: center; gap: .6rem; padding: 1rem 0; }
.{p} .stage { position: relative; width: 220px; height: 220px; display: grid; place-items: center; }
.{p} .circle { position: absolute; inset: 0; border-radius: 50%; transform: scale({small});
  background: radial-gradient(circle at 50% 40%, #cfe7df, #5fa692); box-shadow: 0 0 24px rgba(47,125,109,.25); }
.{p} .words { position: relative; display: flex; flex-direction: column; align-items: center; color: #1f2a2e; }
.{p} .label { display: grid; justify-items: center; font-size: 1.25rem; font-weight: 600; }
.{p} .count { display: grid; justify-items: center; font-size: 2rem; font-variant-numeric: tabular-nums; }
.{p} .label span, .{p} .count span, .{p} .rounds span { grid-area: 1 / 1; opacity: 0; }
.{p} .rounds { display: grid; justify-items: center; min-height: 1.3rem; color: #4b5a5e; font-size: .95rem; }
.{p} .bar { width: 220px; height: 6px; border-radius: 3px; background: #dfe8e4; overflow: hidden; }
.{p} .bar > div { height: 100%; width: 0%; background: #2f7d6d; }
.{p} .end { opacity: 0; font-weight: 600; color: #2f7d6d; }
.{p} .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
@media (prefers-reduced-motion: reduce) { .{p} .circle { animation: none !important; } }
"""

_TEMPLATE = """<style>{base_css}
{css}
</style>
<div class="{p}" role="timer">
  <div class="stage" aria-hidden="true">
    <div class="circle"></div>
    <div class="words"><div class="label">{label}</div><div class="count">{count}</div></div>
  </div>
  <div class="rounds" aria-hidden="true">{rounds}</div>
  <div class="bar" aria-hidden="true"><div></div></div>
  <div class="end">Well done. Go on when you are ready.</div>
  <span class="sr-only">{description}</span>
</div>"""
