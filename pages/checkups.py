"""Check-ups page: answer the PHQ-9, GAD-7 or WHO-5, see the score in plain words, and look back.

A crisis answer (PHQ-9 item 9) shows the crisis card before the score. Drawing only: scoring, saving and the
reminder come from ``haven.tracking``.
"""

from __future__ import annotations

import streamlit as st

from haven.tracking.assessments import CheckUpOutcome, check_up_due, take_check_up
from haven.tracking.charts import history_span, lone_result, questionnaire_scores
from haven.tracking.clock import local_today
from haven.tracking.frames import load_assessment_frame
from haven.tracking.instruments import Instrument, load_instruments
from haven.tracking.scoring import SCREENING_NOTE, WHEN_TO_SEEK_HELP
from ui.charts import show_chart
from ui.crisis_card import render_crisis_card
from ui.entry import through_app
from ui.profile import active_profile, demo_banner, profile_switcher
from ui.resources import database

through_app()

OUTCOME = "checkup_outcome"
TRIED = "checkup_tried"  # the instrument whose "See my score" was pressed: from then on, open items are marked

engine = database()
profile_switcher()
person = active_profile()
instruments = load_instruments()

st.title("Check-ups")
demo_banner()
st.caption(SCREENING_NOTE)

for status in check_up_due(engine, person):
    if status.due:
        st.info(status.message, icon=":material/event:")


def _answer_key(instrument: Instrument, number: int) -> str:
    return f"{instrument.id}-{number}"


def _open_items(instrument: Instrument) -> list[int]:
    """Items still unanswered, once the person has pressed "See my score" on this questionnaire: marking
    them before then would scold someone who has not finished yet."""
    if st.session_state.get(TRIED) != instrument.id:
        return []
    numbers = range(1, len(instrument.items) + 1)
    return [n for n in numbers if st.session_state.get(_answer_key(instrument, n)) is None]


def _clear_answers(instrument: Instrument) -> None:
    """After a score is saved, "Answer again" starts from a blank form."""
    st.session_state.pop(TRIED, None)
    for number in range(1, len(instrument.items) + 1):
        st.session_state.pop(_answer_key(instrument, number), None)


def _questions(instrument: Instrument) -> None:
    """The form keeps every answer given. Pressing "See my score" with items open marks them at the top of
    the form and beside each item, so nothing needs to be answered twice or searched for."""
    st.markdown(f"**{instrument.stem}**")
    scores = [option.score for option in instrument.options]
    labels = {option.score: option.label for option in instrument.options}
    missing = _open_items(instrument)
    with st.form(f"form-{instrument.id}"):
        if missing:
            which = "question " if len(missing) == 1 else "questions "
            st.warning(f"Please answer {which}{_listed(missing)} to see your score. Your other answers are kept.")
        answers = [
            st.radio(
                f"{number}. {item}" + (" :red[**(still to answer)**]" if number in missing else ""),
                scores, index=None, format_func=labels.get, key=_answer_key(instrument, number),
            )
            for number, item in enumerate(instrument.items, start=1)
        ]  # fmt: skip
        submitted = st.form_submit_button("See my score", type="primary")
    if not submitted:
        return
    if any(answer is None for answer in answers):
        st.session_state[TRIED] = instrument.id
        st.rerun()  # draw the form again with the open items marked at its top
    st.session_state[OUTCOME] = take_check_up(engine, person, instrument.id, answers)
    _clear_answers(instrument)


def _listed(numbers: list[int]) -> str:
    """'3', '3 and 7', '2, 3 and 7'."""
    words = [str(n) for n in numbers]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _outcome(outcome: CheckUpOutcome) -> None:
    result = outcome.result
    if outcome.crisis is not None:
        render_crisis_card(outcome.crisis, key=f"checkup_crisis_{outcome.record.id}")
    with st.container(border=True):
        st.subheader(f"{result.name}: {result.total} out of {result.max_total} — {result.band}")
        st.write(result.advice)
        if result.crisis:
            st.write(
                "You said you have had thoughts that you would be better off dead or of hurting yourself. "
                "Please talk to someone today: the help above is there for exactly this."
            )
        (st.warning if result.seek_help else st.caption)(WHEN_TO_SEEK_HELP)


def _history(instrument: Instrument) -> None:
    """Every result on a dated axis of at least a month; a first result is told in words, not drawn."""
    frame = load_assessment_frame(engine, person)
    rows = frame[frame["instrument"] == instrument.id]
    st.subheader("Your history")
    if rows.empty:
        st.caption(f"Your {instrument.name} results will appear here.")
        return
    lone = lone_result(frame, instrument.id, scope="so far")
    if lone:
        st.markdown(lone)
    else:
        start, end = history_span(rows["day"], local_today())
        show_chart(questionnaire_scores(frame, instrument.id, start, end))
    table = rows.sort_values("taken_at", ascending=False)[["taken_at", "total", "band"]]
    st.dataframe(
        table, hide_index=True,
        column_config={"taken_at": st.column_config.DatetimeColumn("Taken", format="D MMM YYYY, HH:mm"),
                       "total": "Score", "band": "Band"},
    )  # fmt: skip


choice = st.segmented_control(
    "Which check-up?", list(instruments), default="phq9", key="checkup_instrument",
    format_func=lambda key: f"{instruments[key].name} · {instruments[key].measures}",
    on_change=lambda: st.session_state.pop(TRIED, None),  # a new questionnaire starts unmarked
) or "phq9"  # fmt: skip
chosen = instruments[choice]

outcome = st.session_state.get(OUTCOME)
if outcome is not None and outcome.result.instrument == chosen.id:
    _outcome(outcome)
    if st.button("Answer again"):
        del st.session_state[OUTCOME]
        st.rerun()
else:
    _questions(chosen)
    outcome = st.session_state.get(OUTCOME)
    if outcome is not None and outcome.result.instrument == chosen.id:
        st.rerun()  # show the result (and any crisis card) at the top, in place of the questions

with st.expander(f"About the {chosen.name}"):
    st.write(f"{chosen.title}: a short questionnaire about {chosen.measures} over the last two weeks.")
    st.markdown(f"Source: {chosen.source} [{chosen.source_url}]({chosen.source_url})")
_history(chosen)
