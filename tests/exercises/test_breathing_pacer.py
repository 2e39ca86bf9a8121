"""The breathing pacer's timing: the circle follows the breath shape, labels and counts follow the phases."""

from __future__ import annotations

import re

from haven.content.models import Phase, TimerStep
from ui.breathing import (
    LARGE,
    SMALL,
    circle_keyframes,
    count_windows,
    countdown_windows,
    describe,
    pacer_html,
    phase_windows,
)

BOX = TimerStep(
    kind="timer",
    id="breathe",
    prompt="Follow the box.",
    cycles=4,
    phases=[
        Phase(label="Breathe in", seconds=4, shape="in"),
        Phase(label="Hold", seconds=4, shape="hold"),
        Phase(label="Breathe out", seconds=4, shape="out"),
        Phase(label="Hold", seconds=4, shape="hold"),
    ],
)


def test_circle_grows_rests_and_shrinks():
    frames = circle_keyframes(BOX.phases)
    assert [pct for pct, _ in frames] == [0, 25, 50, 75, 100]
    scales = [float(re.search(r"scale\(([\d.]+)\)", rule).group(1)) for _, rule in frames]
    assert scales == [SMALL, LARGE, LARGE, SMALL, SMALL]


def test_labels_and_counts_follow_the_phases():
    assert [(w.text, w.start, w.end) for w in phase_windows(BOX.phases)] == [
        ("Breathe in", 0, 4),
        ("Hold", 4, 8),
        ("Breathe out", 8, 12),
        ("Hold", 12, 16),
    ]
    counts = count_windows(BOX.phases)
    assert [w.text for w in counts[:5]] == ["1", "2", "3", "4", "1"]
    assert counts[4].start == 4 and counts[-1].end == 16
    uneven = count_windows([Phase(label="In", seconds=2.5, shape="in")])
    assert [(w.text, w.start, w.end) for w in uneven] == [("1", 0, 1), ("2", 1, 2), ("3", 2, 2.5)]


def test_pacer_html_is_self_contained():
    html = pacer_html(BOX, "7-breathe")
    assert "@keyframes hv-7-breathe-circle" in html
    assert "16s ease-in-out 0s 4" in html  # one round is 16 s, repeated 4 times
    assert "Round 1 of 4" in html and "Round 4 of 4" in html
    assert "<script" not in html and "http" not in html and "url(" not in html
    assert "prefers-reduced-motion" in html
    assert describe(BOX) == "Breathe in 4 s, Hold 4 s, Breathe out 4 s, Hold 4 s; 4 rounds (64 seconds)."


def test_plain_timer_counts_down():
    short = TimerStep(kind="timer", id="rest", prompt="Rest here.", seconds=30)
    assert [w.text for w in countdown_windows(30)][:2] == ["30 s", "29 s"]
    assert "30 s" in pacer_html(short, "x") and "circle {" not in pacer_html(short, "x").split("</style>")[1]
    assert [w.text for w in countdown_windows(300)] == ["5 min", "4 min", "3 min", "2 min", "1 min"]
    assert describe(short) == "A quiet timer of 30 seconds."
