"""Issue 13, "Everyday paths that break", on the Check-ups page (AppTest): an unanswered item keeps every
other answer and is marked at the top of the form and beside the item; the screening note shows once; a
first result is a sentence, and two results on one day are two markers."""

from __future__ import annotations

from datetime import datetime, timedelta

from test_tracking_pages import page, submit, texts, walk

from haven.tracking.assessments import assessment_history, save_assessment
from haven.tracking.scoring import SCREENING_NOTE, score


def _radio_values(at, instrument: str, count: int) -> list[int | None]:
    return [at.radio(key=f"{instrument}-{n}").value for n in range(1, count + 1)]


def test_one_unanswered_item_keeps_every_other_answer(app_env):
    at = page("checkups.py")
    given = [1, 2, 0, 3, 1, None, 2, 1, 0]  # item 6 left open
    for number, value in enumerate(given, start=1):
        if value is not None:
            at.radio(key=f"phq9-{number}").set_value(value)
    submit(at, "See my score")
    assert _radio_values(at, "phq9", 9) == given
    assert assessment_history(app_env, "me") == []
    at.radio(key="phq9-6").set_value(2)
    submit(at, "See my score")
    (saved,) = assessment_history(app_env, "me")
    assert saved.answers == (1, 2, 0, 3, 1, 2, 2, 1, 0)


def test_the_missing_item_is_marked_at_the_top_of_the_form_and_beside_it(app_env):
    at = page("checkups.py")
    for number in range(1, 10):
        if number not in (3, 7):
            at.radio(key=f"phq9-{number}").set_value(0)
    submit(at, "See my score")
    form = next(node for node in walk(at.main) if getattr(node, "type", "") == "form")
    inside = list(walk(form))
    warning = next(i for i, node in enumerate(inside) if getattr(node, "type", "") == "warning")
    first_item = next(i for i, node in enumerate(inside) if getattr(node, "key", None) == "phq9-1")
    assert warning < first_item  # seen without scrolling past nine questions
    assert "questions 3 and 7" in inside[warning].value
    marked = [n for n in range(1, 10) if "still to answer" in at.radio(key=f"phq9-{n}").label]
    assert marked == [3, 7]


def test_no_marks_before_the_person_asks_for_a_score(app_env):
    at = page("checkups.py")
    assert not at.warning
    assert not any("still to answer" in at.radio(key=f"phq9-{n}").label for n in range(1, 10))


def test_after_a_score_answer_again_starts_blank(app_env):
    at = page("checkups.py")
    for number in range(1, 10):
        at.radio(key=f"phq9-{number}").set_value(1 if number < 9 else 0)
    submit(at, "See my score")
    assert "PHQ-9: 8 out of 27" in texts(at)
    submit(at, "Answer again")
    assert _radio_values(at, "phq9", 9) == [None] * 9
    assert not at.warning


def test_the_screening_note_shows_once_with_a_score(app_env):
    at = page("checkups.py")
    for number in range(1, 10):
        at.radio(key=f"phq9-{number}").set_value(0)
    submit(at, "See my score")
    assert "PHQ-9: 0 out of 27" in texts(at)
    assert texts(at).count(SCREENING_NOTE) == 1


def test_a_first_result_is_told_in_words_not_drawn_as_a_lone_dot(app_env):
    save_assessment(app_env, "me", score("phq9", [1] * 8 + [0]), taken_at=datetime.now() - timedelta(hours=1))
    at = page("checkups.py")
    assert not at.get("plotly_chart")
    assert "One PHQ-9 result so far: 8 out of 27 (mild)" in texts(at)


def test_two_results_on_one_day_are_two_markers_on_a_dated_axis(app_env):
    now = datetime.now().replace(second=0, microsecond=0)
    first, second = now.replace(hour=9, minute=0), now.replace(hour=9, minute=20)
    save_assessment(app_env, "me", score("phq9", [1] * 8 + [0]), taken_at=first)
    save_assessment(app_env, "me", score("phq9", [1] * 8 + [0]), taken_at=second)
    at = page("checkups.py")
    (chart,) = at.get("plotly_chart")
    import json

    figure = json.loads(chart.proto.spec)
    (trace,) = figure["data"]
    assert len(trace["x"]) == 2 and trace["x"][0] != trace["x"][1]
    assert "marker" in trace["mode"] and "%H:%M" in trace["hovertemplate"]
    assert [note for _, note in trace["customdata"]] == ["<br>one of 2 results that day"] * 2
    axis = figure["layout"]["xaxis"]
    low, high = (datetime.fromisoformat(v) for v in axis["range"])
    assert (high - low).days >= 30  # a month of days, not a few minutes of ticks
    assert all("%S" not in stop["value"] for stop in axis["tickformatstops"])


# Mood and Insights: every check-in is a marker, a lone one is a sentence --------------------------------


def _figure(chart) -> dict:
    import json

    return json.loads(chart.proto.spec)


def _values(array) -> list:
    """A trace's values as a list: plotly sends numeric arrays as base64 typed arrays."""
    if isinstance(array, dict) and "bdata" in array:
        import base64

        import numpy as np

        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


def test_three_check_ins_on_one_day_are_three_markers_on_the_mood_page(app_env, fake_safety):
    from haven.tracking.checkins import CheckInEntry, record_check_in
    from haven.tracking.clock import local_today

    today = datetime.combine(local_today(), datetime.min.time())
    for hour, mood in ((8, 3), (13, 5), (19, 8)):
        record_check_in(app_env, "me", CheckInEntry(mood=mood, at=today.replace(hour=hour)))
    at = page("mood.py")
    (chart,) = at.get("plotly_chart")
    figure = _figure(chart)
    entries = next(trace for trace in figure["data"] if trace["name"] == "Check-ins")
    assert _values(entries["y"]) == [3, 5, 8] and entries["mode"] == "markers" and entries["marker"]["size"] >= 8
    low, high = (datetime.fromisoformat(v) for v in figure["layout"]["xaxis"]["range"])
    assert (low.date(), high.date()) == ((today - timedelta(days=29)).date(), (today + timedelta(days=1)).date())


def test_a_single_check_in_on_insights_is_a_sentence_on_a_period_axis(app_env, fake_safety):
    from haven.tracking.checkins import CheckInEntry, record_check_in

    record_check_in(app_env, "me", CheckInEntry(mood=6, at=datetime.now() - timedelta(hours=1)))
    at = page("insights.py")
    at.segmented_control(key="insights_period").set_value("30 days").run()
    assert not at.exception
    assert any("One check-in in this period: mood 6/10" in i.value for i in at.info)
    assert all(chart.proto.spec and "Mood over time" not in chart.proto.spec for chart in at.get("plotly_chart"))
