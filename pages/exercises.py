"""Exercises: pick one, do it step by step (saved as you go), and read it back. Draws only.

``haven.exercises`` does the work: where a run is, checking and saving answers, crisis triage of every
written answer, summaries. This page keeps only which view is open in ``st.session_state``.

Other pages open an exercise by setting ``st.session_state["start_exercise"] = "<id>"`` and calling
``st.switch_page("pages/exercises.py")``; a link can use ``?exercise=<id>``. Either way the exercise's
introduction (purpose, time, cautions) is shown before anything starts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import streamlit as st

from haven.content.models import ChoiceStep, Exercise, ListStep, PromptStep, RatingStep, Step, TimerStep
from haven.exercises import (
    AnswerResult,
    ExerciseSession,
    IncompleteStep,
    RunNotFound,
    RunRecord,
    Stage,
    approaches_used,
    concern_help,
    crisis_help,
    delete_run,
    distress_change,
    filter_exercises,
    get_run,
    list_runs,
    need_tags,
    render_summary,
    summary_markdown,
)
from haven.exercises.answers import TIMER_DONE, TIMER_SKIPPED
from ui.breathing import describe, render_pacer
from ui.conversations import spoken_time
from ui.entry import through_app
from ui.profile import active_profile, demo_banner
from ui.resources import database, library

through_app()

START_REQUEST = "start_exercise"  # set by the Chat and Library pages
PICKED = "ex_picked"  # exercise id whose introduction is open
OPEN_RUN = "ex_run"  # run id being done or read
EDITING = "ex_edit"  # finished run id being edited
CRISIS = "ex_crisis"  # a PausedForCrisis while the crisis card is up
CONCERN = "ex_concern"  # (run id, ConcernResponse) after an answer that read as a concern
FROM_CHAT = "exercise_from_chat"  # set by the Chat page when it opens an exercise: offer the way back
TOP_NEEDS = 12  # needs shown as pills; the rest go in a multiselect


@dataclass
class PausedForCrisis:
    """The exercise is paused on a crisis card; ``then`` is what the person had asked for (next, leave...)."""

    response: Any
    run_id: int
    then: str


# --- routing -----------------------------------------------------------------------------------------


def show_page() -> None:
    st.title("Exercises")
    demo_banner()
    exercises = library().exercises
    take_request(exercises)
    if st.session_state.get(CRISIS):
        show_crisis_pause()
    elif st.session_state.get(EDITING):
        show_edit(int(st.session_state[EDITING]), exercises)
    elif st.session_state.get(OPEN_RUN):
        show_run(int(st.session_state[OPEN_RUN]), exercises)
    elif st.session_state.get(PICKED) in exercises:
        show_intro(exercises[st.session_state[PICKED]])
    else:
        show_browse(exercises)


def take_request(exercises: dict[str, Exercise]) -> None:
    """Honour 'open this exercise' from another page or from ``?exercise=<id>`` (once)."""
    wanted = st.session_state.pop(START_REQUEST, None)
    if "exercise" in st.query_params:
        wanted = wanted or st.query_params["exercise"]
        del st.query_params["exercise"]
    if not wanted:
        return
    if wanted in exercises:
        go(picked=wanted)
    else:
        st.warning(f"Haven has no exercise called '{wanted}'. Here are the ones it has.")


def go(*, picked: str | None = None, run: int | None = None, edit: int | None = None) -> None:
    st.session_state[PICKED] = picked
    st.session_state[OPEN_RUN] = run
    st.session_state[EDITING] = edit


def person() -> str:
    return active_profile()


def session_for(run_id: int, exercises: dict[str, Exercise]) -> ExerciseSession | None:
    """The open run as a session, or None if it was deleted or its exercise left the library."""
    try:
        record = get_run(database(), person(), run_id)
    except RunNotFound:
        return None
    if record.exercise_id not in exercises:
        return None
    return ExerciseSession(database(), person(), exercises[record.exercise_id], record)


# --- browsing ----------------------------------------------------------------------------------------


def show_browse(exercises: dict[str, Exercise]) -> None:
    runs = list_runs(database(), person())
    unfinished = [r for r in runs if not r.finished]
    if unfinished:
        st.subheader("Continue where you left off")
        for run in unfinished:
            show_run_row(run, exercises, unfinished=True)

    finished = [r for r in runs if r.finished]
    if finished:
        with st.expander(f"Your past exercises ({len(finished)})"):
            for run in finished:
                show_run_row(run, exercises, unfinished=False)

    st.subheader("Find an exercise")
    all_ex = list(exercises.values())
    tags = need_tags(all_ex)  # most used first
    longest = max(max((ex.duration_minutes for ex in all_ex), default=1), 2)
    with st.expander(filter_label(longest), icon=":material/filter_list:"):  # closed: the list comes first
        needs = st.pills("What do you need?", tags[:TOP_NEEDS], selection_mode="multi", key="ex-filter-needs")
        more = (
            st.multiselect("More topics", sorted(tags[TOP_NEEDS:]), key="ex-filter-more")
            if tags[TOP_NEEDS:]
            else []
        )
        approaches = st.pills(
            "Approach", approaches_used(all_ex), selection_mode="multi", key="ex-filter-approach"
        )
        minutes = st.slider("Time you have (minutes)", 1, longest, longest, key="ex-filter-minutes")
    needs = [*(needs or []), *more]
    shown = filter_exercises(all_ex, needs=needs, approaches=approaches or [], max_minutes=minutes)
    if not shown:
        st.info("Nothing matches all of that. Try fewer filters.")
    for ex in shown:
        with st.container(border=True):
            st.markdown(f"**{ex.title}** · {ex.duration_minutes} min · {ex.approach.value}")
            st.caption(ex.summary)
            st.button("Open", key=f"ex-open-{ex.id}", on_click=go, kwargs={"picked": ex.id})


def filter_label(longest: int) -> str:
    """'Filter by need, approach or time', with how many filters are on, so a closed filter is not forgotten."""
    state = st.session_state
    on = len(state.get("ex-filter-needs") or []) + len(state.get("ex-filter-more") or [])
    on += len(state.get("ex-filter-approach") or []) + (state.get("ex-filter-minutes", longest) < longest)
    return "Filter by need, approach or time" + (f" · {on} on" if on else "")


def show_run_row(run: RunRecord, exercises: dict[str, Exercise], *, unfinished: bool) -> None:
    ex = exercises.get(run.exercise_id)
    title = ex.title if ex else f"{run.exercise_id} (no longer in the library)"
    with st.container(border=True):
        when = spoken_time(run.completed_at or run.updated_at)
        detail = f"step {min(run.current_step + 1, len(ex.steps))} of {len(ex.steps)}" if ex and unfinished else ""
        change = distress_change(run) or ""
        st.markdown(f"**{title}** · {when}" + (f" · {detail}" if detail else ""))
        if change and not unfinished:
            st.caption(change)
        row = st.container(horizontal=True)  # side by side on a phone too
        if ex:
            label = "Continue" if unfinished else "Read"
            row.button(label, key=f"ex-resume-{run.id}", on_click=go, kwargs={"run": run.id})
            if not unfinished:
                row.button("Edit", key=f"ex-edit-{run.id}", on_click=go, kwargs={"edit": run.id})
        with row.popover("Delete"):
            st.write("Delete this and everything you wrote in it? This cannot be undone.")
            st.button("Yes, delete", key=f"ex-delete-{run.id}", on_click=remove_run, args=(run.id,))


def remove_run(run_id: int) -> None:
    delete_run(database(), person(), run_id)
    go()


# --- introduction ------------------------------------------------------------------------------------


def show_intro(ex: Exercise) -> None:
    st.header(ex.title)
    st.markdown(f"⏱️ About {ex.duration_minutes} min · {ex.approach.value}")
    st.markdown(ex.purpose)
    st.markdown("**When it can help**\n" + "\n".join(f"- {line}" for line in ex.when_it_helps))
    for caution in ex.cautions:
        st.warning(caution, icon=":material/warning:")
    earlier = list_runs(database(), person(), exercise_id=ex.id, finished=False)
    cols = st.columns(3)
    if earlier:
        st.caption(f"You started this on {earlier[0].started_at:%d %b %Y} and did not finish.")
        cols[0].button(
            "Continue where you left off",
            key="ex-intro-continue",
            on_click=go,
            kwargs={"run": earlier[0].id},
            type="primary",
        )
        cols[1].button("Start afresh", key="ex-intro-start", on_click=start_new, args=(ex,))
    else:
        cols[0].button("Start", key="ex-intro-start", on_click=start_new, args=(ex,), type="primary")
    cols[2].button("Back to all exercises", key="ex-intro-back", on_click=go)
    if st.session_state.get(FROM_CHAT):
        back_to_chat("ex-intro-chat")
    show_references(ex)


def start_new(ex: Exercise) -> None:
    go(run=ExerciseSession.start(database(), person(), ex).run.id)


def show_references(ex: Exercise) -> None:
    st.divider()
    st.caption("Sources: " + " · ".join(f"[{r.title}]({r.url}) ({r.publisher})" for r in ex.references))
    st.caption("Haven is self-help, not therapy. If you feel unsafe, call your local emergency number.")


# --- doing a run -------------------------------------------------------------------------------------


def rerun_runner() -> None:
    """Draw the runner again after an answer: only the runner when this is its own rerun (a click in it), the
    whole page otherwise (its first draw, or AppTest, which reruns pages whole)."""
    from streamlit.errors import StreamlitAPIException

    try:
        st.rerun(scope="fragment")
    except StreamlitAPIException:  # scope="fragment" is refused during a run of the whole page
        st.rerun()


def leave_button(label: str, key: str, then, *, where=st, **options) -> None:
    """A button that takes the person out of the runner (to the list, the editor): the whole page is drawn
    again, since what it shows is decided outside the runner's fragment."""
    if where.button(label, key=key, **options):
        then()
        st.rerun()


@st.fragment
def show_run(run_id: int, exercises: dict[str, Exercise]) -> None:
    """The run being done, as a fragment: each Next, Back or rating reruns only this, not the page around
    it (the app's frame, the navigation, the title), so a step costs only its own drawing and saving."""
    session = session_for(run_id, exercises)
    if session is None:
        st.warning("That exercise is not available any more.")
        leave_button("Back to all exercises", "ex-missing-back", go)
        return
    if session.stage is Stage.FINISHED:
        show_summary(session)
        return
    ex = session.exercise
    st.header(ex.title)
    progress = session.progress
    st.progress(progress.fraction, text=f"{progress.done} of {progress.total} done")
    stage = session.stage
    if stage is Stage.DISTRESS_BEFORE:
        show_distress(session, before=True)
    elif stage is Stage.STEP:
        show_concern(session)
        show_step(session, session.step)
    elif stage is Stage.DISTRESS_AFTER:
        show_distress(session, before=False)
    else:  # READY: every step done but not yet marked finished (left just before the end)
        st.button("Finish", key="ex-finish", type="primary", on_click=finish, args=(session,))
    leave_button(
        "Save and leave",
        "ex-leave",
        lambda: leave(session),
        type="tertiary",
        icon=":material/bookmark:",
        help="Everything you answered is kept; continue any time from the Exercises page.",
    )
    show_references(ex)


def show_distress(session: ExerciseSession, *, before: bool) -> None:
    if before:
        question = "Before you start: how upset or distressed do you feel right now?"
    else:
        question = "And now: how upset or distressed do you feel?"
    saved = session.run.distress_before if before else session.run.distress_after
    where = (
        f"distress-{'before' if before else 'after'}"  # per-stage keys: a late click never lands on the next stage
    )
    key = f"ex{session.run.id}-{where}"
    value = rating_pills(question, 0, 10, saved, key, "calm", "the most distressed you can imagine")
    row = st.container(horizontal=True)
    if not before:
        row.button("Back", key=f"ex-back-{where}", on_click=go_back, args=(session,))
    label = "Next" if before else "Finish"
    if row.button(label, key=f"ex-next-{where}", type="primary"):
        if value is None:
            st.warning("Choose a number from 0 to 10 first: it shows you later what helps.")
            return
        (session.rate_distress_before if before else session.rate_distress_after)(value)
        if not before:
            finish(session)
        rerun_runner()


def show_step(session: ExerciseSession, step: Step) -> None:
    key = f"ex{session.run.id}-{step.id}"
    if isinstance(step, TimerStep):
        show_timer(session, step, key)
        return
    step_input(step, session.answer_of(step.id), key)
    row = st.container(horizontal=True)  # directly under the step, side by side, at any width
    where = (session.run.id, step.id, key)
    row.button("Back", key=f"ex-back-{step.id}", disabled=session.run.current_step == 0,
               on_click=step_button, args=(*where, "back"))  # fmt: skip
    row.button("Next", key=f"ex-next-{step.id}", type="primary", on_click=step_button, args=(*where, "next"))
    show_step_note(session.run.id, step.id)


def typed_value(step: Step, key: str) -> Any:
    """What the step's widgets hold now (as ``step_input`` returns it), read in a button's callback."""
    if isinstance(step, ListStep):
        count = st.session_state.get(f"{key}-n", 0)
        return [st.session_state.get(f"{key}-{i}", "") for i in range(count)]
    return st.session_state.get(key)


def step_button(run_id: int, step_id: str, key: str, then: str) -> None:
    """Next or Back, done in the button's callback, before the runner is drawn again: one run saves the
    answer (triaged first) and shows the next step. A crisis pauses the exercise on the crisis card (the
    whole page is drawn again); anything else to say is left for the runner to show under the step."""
    session = session_for(run_id, library().exercises)
    if session is None or session.stage is not Stage.STEP or session.step.id != step_id:
        return  # a late click on a step already left
    step = session.step
    value = typed_value(step, key)
    if isinstance(step, RatingStep) and value is None:
        if then == "back":  # nothing to keep: just go back
            session.back()
        else:
            leave_note(run_id, step_id, "warning", f"Choose a number from {step.min} to {step.max} first.")
        return
    result = session.answer(step.id, value)
    if result.crisis:
        pause_for_crisis(session, result, then)
        st.rerun()  # from a callback: the whole page, which draws the crisis card instead of the runner
    noticed = result.triage is not None and result.triage.level == "concern"
    st.session_state[CONCERN] = (session.run.id, concern_help(result.triage)) if noticed else None
    if not result.saved:
        leave_note(run_id, step_id, "error", result.problem or "That answer could not be saved.")
        return
    problem = carry_on(session, then)
    if problem:
        leave_note(run_id, step_id, "error", problem)


STEP_NOTE = "ex_step_note"  # (run id, step id, kind, words): what a step's button left to say under it


def leave_note(run_id: int, step_id: str, kind: str, words: str) -> None:
    st.session_state[STEP_NOTE] = (run_id, step_id, kind, words)


def show_step_note(run_id: int, step_id: str) -> None:
    note = st.session_state.get(STEP_NOTE)
    if note and note[:2] == (run_id, step_id):
        st.session_state.pop(STEP_NOTE)
        (st.warning if note[2] == "warning" else st.error)(note[3])


def show_timer(session: ExerciseSession, step: TimerStep, key: str) -> None:
    st.markdown(f"**{step.prompt}**")
    if step.help:
        st.caption(step.help)
    st.caption(describe(step))
    runs_key = f"{key}-started"
    started = st.session_state.get(runs_key, 0)
    if started:
        render_pacer(step, uid=f"{key}-{started}")  # a new uid restarts the animation
    row = st.container(horizontal=True)
    row.button(
        "Back", key=f"ex-back-{step.id}", disabled=session.run.current_step == 0, on_click=go_back, args=(session,)
    )
    if started:
        if row.button("Done, go on", key=f"ex-timer-done-{step.id}", type="primary"):
            submit(session, step, TIMER_DONE, then="next")
        row.button("Start again", key=f"ex-timer-again-{step.id}", on_click=_bump, args=(runs_key,))
    else:
        row.button("Start", key=f"ex-timer-start-{step.id}", type="primary", on_click=_bump, args=(runs_key,))
    if row.button("Skip", key=f"ex-timer-skip-{step.id}"):
        submit(session, step, TIMER_SKIPPED, then="next")


def _bump(counter_key: str) -> None:
    st.session_state[counter_key] = st.session_state.get(counter_key, 0) + 1


def step_input(step: Step, saved: Any, key: str, *, in_form: bool = False) -> Any:
    """The widget for a non-timer step, filled with what was saved; returns its current value."""
    label = step.prompt + (" (optional)" if getattr(step, "optional", False) else "")
    if isinstance(step, PromptStep):
        if is_instruction(step) and not in_form:
            return instruction_input(step, saved, key)
        value = st.text_area(label, value=saved or "", placeholder=step.placeholder or "", key=key)
        show_help(step)
        return value
    if isinstance(step, RatingStep):
        value = rating_pills(label, step.min, step.max, rating_start(step, saved), key, step.low_label,
                             step.high_label)  # fmt: skip
        show_help(step)
        return value
    if isinstance(step, ChoiceStep):
        show_help(step)
        if step.multiple:
            chosen = [o for o in (saved or []) if o in step.options]  # options may have changed since
            return st.pills(label, step.options, selection_mode="multi", default=chosen, key=key)
        chosen = saved if saved in step.options else None
        return st.pills(label, step.options, selection_mode="single", default=chosen, key=key)
    if isinstance(step, ListStep):
        return list_input(step, label, saved or [], key, in_form=in_form)
    raise TypeError(f"no input for step kind {step.kind}")  # pragma: no cover


def rating_start(step: RatingStep, saved: int | None) -> int | None:
    """The number already chosen: the saved answer, else none. A scale that starts at 5 suggests 5."""
    return saved


def rating_pills(label: str, low: int, high: int, saved: int | None, key: str, low_label: str, high_label: str):
    """A 0-10 (or any short) scale as a row of numbers to tap, none chosen until the person chooses one:
    easier on a phone than a slider, and it does not put a number in anyone's mouth."""
    value = st.pills(label, list(range(low, high + 1)), selection_mode="single", default=saved, key=key)
    st.caption(f"{low} = {low_label} · {high} = {high_label}")
    return value


def is_instruction(step: PromptStep) -> bool:
    """An optional prompt that asks nothing ("Sit comfortably. Let your shoulders drop.") is something to
    do, not a question: it is shown as words, with writing offered but not laid out as an empty box."""
    return step.optional and "?" not in step.prompt


def instruction_input(step: PromptStep, saved: str | None, key: str) -> str:
    st.markdown(f"**{step.prompt}**")
    show_help(step)
    with st.expander("Write something here (optional)", expanded=bool(saved)):
        return st.text_area(step.prompt, value=saved or "", key=key, label_visibility="collapsed")


def list_input(step: ListStep, label: str, saved: list[str], key: str, *, in_form: bool = False) -> list[str]:
    """One text box per item, with 'Add another' up to the step's maximum (a form, which cannot hold
    buttons, gets two spare rows instead)."""
    st.markdown(f"**{label}**")
    show_help(step)
    count_key = f"{key}-n"
    if count_key not in st.session_state:
        spare = 2 if in_form else 1
        st.session_state[count_key] = min(max(step.min_items, len(saved) + spare, 1), step.max_items)
    items = []
    for i in range(st.session_state[count_key]):
        name = f"{step.item_label or 'Item'} {i + 1}"
        items.append(st.text_input(name, value=saved[i] if i < len(saved) else "", key=f"{key}-{i}"))
    if not in_form and st.session_state[count_key] < step.max_items:
        st.button("Add another", key=f"{key}-add", on_click=_bump, args=(count_key,))
    return items


def show_help(step: Step) -> None:
    if step.help:
        st.caption(step.help)


# --- actions -----------------------------------------------------------------------------------------


def submit(session: ExerciseSession, step: Step, value: Any, *, then: str) -> None:
    """Save the answer (triaged first), then move; a crisis pauses everything on the crisis card, a concern
    shows a calm check-in above the next step while the exercise goes on."""
    result = session.answer(step.id, value)
    if result.crisis:
        pause_for_crisis(session, result, then)
        st.rerun()
    noticed = result.triage is not None and result.triage.level == "concern"
    st.session_state[CONCERN] = (session.run.id, concern_help(result.triage)) if noticed else None
    if not result.saved:
        st.error(result.problem or "That answer could not be saved.")
        return
    problem = carry_on(session, then)
    if problem:
        st.error(problem)
        return
    rerun_runner()


def carry_on(session: ExerciseSession, then: str) -> str | None:
    """Do what the person asked for after a saved answer; returns what is still missing, if anything."""
    if then == "back":
        session.back()
    elif then == "leave":
        go()
    elif then == "next":
        try:
            session.next()
        except IncompleteStep as missing:
            return str(missing)
        if session.stage is Stage.READY:
            finish(session)
    return None


def go_back(session: ExerciseSession) -> None:
    session.back()


def finish(session: ExerciseSession) -> None:
    session.complete()


def leave(session: ExerciseSession) -> None:
    """Keep whatever is typed in the current step, then go back to the list."""
    step = session.step
    typed = st.session_state.get(f"ex{session.run.id}-{step.id}") if isinstance(step, PromptStep) else None
    if typed:
        result = session.answer(step.id, typed)
        if result.crisis:
            pause_for_crisis(session, result, "leave")
            return
    go()


def pause_for_crisis(session: ExerciseSession, result: AnswerResult, then: str) -> None:
    response = crisis_help(session.engine, session.person, result.triage)
    st.session_state[CRISIS] = PausedForCrisis(response, session.run.id, then)


def show_concern(session: ExerciseSession) -> None:
    """The check-in Haven owes an answer that read as a concern, until the next answer is given."""
    noticed = st.session_state.get(CONCERN)
    if noticed and noticed[0] == session.run.id:
        from ui.crisis_card import render_concern

        render_concern(noticed[1], key="ex_concern")
        st.caption("What you wrote is saved. Carry on with the exercise whenever you're ready, or take a break.")


def show_crisis_pause() -> None:
    """The crisis card, and nothing of the exercise, until the person chooses to continue."""
    from ui.crisis_card import render_crisis_card

    paused: PausedForCrisis = st.session_state[CRISIS]
    st.info("Your exercise is paused. What you wrote is saved.")
    if render_crisis_card(paused.response):
        st.session_state[CRISIS] = None
        session = session_for(paused.run_id, library().exercises)
        if session is not None and session.stage is not Stage.FINISHED:
            carry_on(session, paused.then)
        st.rerun()


# --- reading and editing a finished run --------------------------------------------------------------


def show_summary(session: ExerciseSession) -> None:
    ex, run = session.exercise, session.run
    st.header(ex.title)
    st.success(f"Finished on {run.completed_at:%d %B %Y at %H:%M}.")
    change = distress_change(run)
    if change:
        st.markdown(f"**{change}**")
    for item in render_summary(ex, run):
        st.markdown(f"**{item.title}**")
        if item.text:
            st.markdown(item.text)
        if item.items:
            st.markdown("\n".join(f"- {entry}" for entry in item.items))

    st.markdown("**Did this help?**")
    cols = st.columns(2)
    helped = {1: "Yes, it helped", -1: "Not really"}
    for col, (score, text) in zip(cols, helped.items(), strict=True):
        chosen = run.helpful == score
        if col.button(
            ("✓ " if chosen else "") + text, key=f"ex-helpful-{score}", type="primary" if chosen else "secondary"
        ):
            session.rate_helpful(None if chosen else score > 0)
            rerun_runner()
    st.caption("Your answer helps Haven suggest what works for you.")

    back_to_chat("ex-summary-chat")
    row = st.container(horizontal=True)
    leave_button("Edit", "ex-summary-edit", lambda: go(edit=run.id), where=row)
    row.download_button(
        "Download",
        summary_markdown(ex, run),
        file_name=f"{ex.id}-{run.id}.md",
        mime="text/markdown",
        key="ex-summary-download",
        on_click="ignore",
    )
    leave_button("Back to all exercises", "ex-summary-back", go, where=row)
    show_references(ex)


def back_to_chat(key: str) -> None:
    """The way back to the conversation: "Back to the chat" when the chat opened this exercise, else an
    offer to talk it over there."""
    from_chat = st.session_state.get(FROM_CHAT)
    label = "Back to the chat" if from_chat else "Talk it over in the chat"
    if st.button(label, key=key, icon=":material/chat:", type="primary" if from_chat else "secondary"):
        st.session_state.pop(FROM_CHAT, None)
        st.switch_page("pages/chat.py")


def show_edit(run_id: int, exercises: dict[str, Exercise]) -> None:
    session = session_for(run_id, exercises)
    if session is None:
        go()
        st.rerun()
    ex = session.exercise
    st.header(f"Edit: {ex.title}")
    values: dict[str, Any] = {}
    with st.form(f"ex-edit-form-{run_id}"):
        before = after = None
        if ex.rate_distress:
            before = st.slider(
                "Distress before (0-10)",
                0,
                10,
                session.run.distress_before or 0,
                key=f"edit{run_id}-distress-before",
            )
        for step in ex.steps:
            if isinstance(step, TimerStep):
                continue
            key = f"edit{run_id}-{step.id}"
            values[step.id] = step_input(step, session.answer_of(step.id), key, in_form=True)
        if ex.rate_distress:
            after = st.slider(
                "Distress after (0-10)", 0, 10, session.run.distress_after or 0, key=f"edit{run_id}-distress-after"
            )
        saved = st.form_submit_button("Save changes", type="primary")
    st.button("Cancel", key="ex-edit-cancel", on_click=go, kwargs={"run": run_id})
    if not saved:
        return
    results = session.update_answers(values)
    if before is not None and after is not None:
        session.rate_distress_before(before)
        session.rate_distress_after(after)
    crisis = next((r for r in results.values() if r.crisis), None)
    if crisis:
        pause_for_crisis(session, crisis, "stay")
        go(run=run_id)
        st.rerun()
    problems = [f"{session.step_by_id(sid).prompt}: {r.problem}" for sid, r in results.items() if not r.saved]
    if problems:
        for problem in problems:
            st.error(problem)
        return
    go(run=run_id)
    st.rerun()


show_page()
