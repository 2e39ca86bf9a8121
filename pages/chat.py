"""Chat: talk things through with Haven's guide. Draws what the chat service returns; holds no logic."""

from __future__ import annotations

import contextlib
import itertools
import threading

import streamlit as st

from haven.chat.types import TurnStarted
from ui.conversations import conversation_label
from ui.entry import through_app
from ui.excerpts import publisher_links
from ui.profile import active_profile, demo_banner
from ui.resources import chat_service, library

through_app()

_CONVERSATION = "chat_conversation"  # {profile: conversation id} being shown, one entry; id None = a new one
_CRISIS = "chat_crisis"  # the crisis response on screen; the input waits until the person continues
_WAITING = "chat_waiting"  # messages sent and not yet answered, oldest first
_INPUT = "chat_input"
_TURN_LOCK = "chat_turn_lock"  # held by the page run that is answering
_FIRST_MESSAGE = "chat_first_message"  # set by the welcome when triage flagged what was typed there


def _shown() -> dict:
    """The conversation being shown, in a dict that is changed in place, never replaced. Why: once a newer run of
    the page has started (a message sent while a reply is worked out), the older run stops at its next touch of
    st.session_state, yet the turn it started is finished all the same; it says which conversation that turn went
    to through this dict, taken beforehand, so the newer run goes on there instead of opening a new one."""
    return st.session_state.setdefault(_CONVERSATION, {})


def _current(person: str) -> int | None:
    return _shown().get(person)


def _show(shown: dict, person: str, conversation_id: int | None) -> None:
    shown.clear()  # one profile's at a time: another profile opens on a new conversation
    shown[person] = conversation_id


def _open(person: str, conversation_id: int | None) -> None:
    _show(_shown(), person, conversation_id)
    st.session_state.pop(_CRISIS, None)


def _citations(citations) -> None:
    """One quiet "Sources" line per reply; opened, each numbered passage, its document and its own sources."""
    if not citations:
        return
    label = " · ".join(f"[{c.n}] {c.title}" for c in citations)
    with st.expander(label, icon=":material/menu_book:"):
        for c in citations:
            st.markdown(f"**[{c.n}] {c.label()}**")
            st.markdown(c.passage)
            from_where = publisher_links(c.references)
            st.caption(f"From Haven's {c.kind} *{c.title}*" + (f", drawing on {from_where}" if from_where else ""))


def _exercise_buttons(turn_key: str, exercise_ids) -> None:
    """At most one exercise button, the first suggestion: the reply itself names the others, and a button
    under every reply turns a long conversation into a wall."""
    exercises = library().exercises
    for ex_id in [i for i in exercise_ids if i in exercises][:1]:
        if st.button(
            f"Start {exercises[ex_id].title}", key=f"start-{turn_key}-{ex_id}", icon=":material/play_arrow:"
        ):
            st.session_state["start_exercise"] = ex_id
            st.session_state["exercise_from_chat"] = True  # the exercise page offers a way back here
            st.switch_page("pages/exercises.py")


def _assistant_extras(turn_key: str, citations, exercise_ids, notice: str) -> None:
    if notice:
        st.caption(notice)
    _citations(citations)
    _exercise_buttons(turn_key, exercise_ids)


def _history(turns, paused: bool, answering: bool = False) -> None:
    """Earlier turns; only the latest reply keeps its exercise button (none while a new one is coming)."""
    last_reply = max((i for i, t in enumerate(turns) if t.role == "assistant"), default=-1)
    for i, turn in enumerate(turns):
        if paused and i == len(turns) - 1 and turn.level == "crisis" and turn.role == "assistant":
            continue  # the crisis card below shows this one
        with st.chat_message(turn.role):
            if turn.role == "assistant" and turn.engine == "safety":
                with st.container(border=True):
                    st.markdown(turn.text)
                if i == last_reply and not answering and turn.level == "crisis":
                    _misread_button(str(turn.id))
                continue
            st.markdown(turn.text)
            if turn.role == "assistant":
                offers = turn.suggested_exercises if i == last_reply and not answering else ()
                _assistant_extras(str(turn.id), turn.citations, offers, turn.notice)


def _waiting() -> list[str]:
    return st.session_state.setdefault(_WAITING, [])


def _keep_message() -> None:
    """The chat input's on_submit: it runs before the page does, so a message sent while the last reply is
    still appearing waits its turn behind it instead of replacing it."""
    text = st.session_state.get(_INPUT)
    if text and text.strip():  # a blank message is no turn: nothing to answer or keep
        _waiting().append(text)


def _send_from_the_card(words: str) -> None:
    """A choice on the card that speaks for the person ("That's not what I meant", on the card or under a held reply;
    "I'm not safe right now", on the card): any card closes, and the words are sent as the person's next message on
    the rerun the click starts, so the conversation answers them (a correction read as one; not safe, the crisis
    reply that puts the emergency number first) and the input is open to them again."""
    st.session_state.pop(_CRISIS, None)
    _waiting().insert(0, words)


def _misread_button(turn_key: str) -> None:
    """Under a held crisis reply, the card's "That's not what I meant" (it steps down only when nothing risky is
    left in what the person said)."""
    from ui.crisis_card import MISREAD_LABEL

    st.button(
        MISREAD_LABEL,
        key=f"misread-{turn_key}",
        on_click=_send_from_the_card,
        args=(MISREAD_LABEL,),
        icon=":material/undo:",
    )


def _crisis_card(crisis, can_correct: bool = True) -> bool:
    """The shared crisis card; True once the person chooses to go on, says they are not safe, or says Haven
    misread them (the last two are sent as their next message)."""
    from ui.crisis_card import MISREAD_LABEL, NOT_SAFE_LABEL, render_crisis_card

    response, key = crisis
    return render_crisis_card(
        response,
        key=key,
        on_misread=(lambda: _send_from_the_card(MISREAD_LABEL)) if can_correct else None,
        on_not_safe=(lambda: _send_from_the_card(NOT_SAFE_LABEL)) if can_correct else None,
    )


def _answer(service, person: str, prompt: str) -> None:
    """Show the person's message, stream the reply, then its citations and exercise buttons.

    A run of this page can be cut at any Streamlit call (another message sent, a button clicked while the reply
    appears), and once a newer run has started, at any touch of st.session_state too. So the waiting list and the
    conversation are taken first; the message leaves the list only as its turn starts, with neither in between;
    the turn says where it went only through ``shown``; and once started it is finished and saved before the
    next run goes on, which shows it from the history.
    """
    with st.chat_message("user"):
        st.markdown(prompt)
    waiting, shown = _waiting(), _shown()
    waiting.remove(prompt)  # not pop(0): a card's words may have been put first meanwhile
    turn = service.respond_stream(person, prompt, shown.get(person))
    try:
        _show_reply(service, person, turn, shown)
    finally:
        turn.close()  # a cut reply is finished and saved now, before the page runs again


def _show_reply(service, person: str, turn, shown: dict) -> None:
    """Draw one turn as it streams: the safety layer's card or check, or the guide's words, sources and button."""
    first = next(turn)  # triage reads the message before anything is drawn
    # kept at once (the turn began, or a safety reply was saved): a message sent mid-reply goes on in it
    if first.conversation_id is not None:
        _show(shown, person, first.conversation_id)
    if isinstance(first, TurnStarted):
        first = next(turn)
    holder: list = []

    def pieces():
        for item in itertools.chain([first], turn):
            if isinstance(item, str):
                yield item
            else:
                holder.append(item)

    with st.chat_message("assistant"):
        placeholder = st.empty()
        with placeholder:
            streamed = st.write_stream(pieces)
        reply = holder[-1]
        _show(shown, person, reply.conversation_id)
        if reply.crisis is not None and not getattr(reply.crisis, "held", False):
            turn_id = service.turns(person, reply.conversation_id)[-1].id
            st.session_state[_CRISIS] = (reply.crisis, f"crisis_{turn_id}")  # a fresh card for each crisis
            st.rerun()
        if reply.concern is not None:
            from ui.crisis_card import render_concern

            placeholder.empty()
            render_concern(reply.concern, key=f"concern_{len(service.turns(person, reply.conversation_id))}")
            return
        if reply.engine == "safety":  # a held crisis, a check: plain words in a bordered box
            placeholder.empty()
            with st.container(border=True):
                st.markdown(reply.text)
            if reply.level == "crisis":
                _misread_button(str(service.turns(person, reply.conversation_id)[-1].id))
            return
        if (streamed if isinstance(streamed, str) else "".join(map(str, streamed))).strip() != reply.text.strip():
            placeholder.markdown(reply.text)  # the guard or the fallback changed what was streamed
        turns = service.turns(person, reply.conversation_id)
        _assistant_extras(str(turns[-1].id), reply.citations, reply.suggested_exercises, reply.notice)


def _sidebar(service, person: str) -> None:
    with st.sidebar:
        st.subheader("Conversations")
        new = st.container(key="navigates-new")  # on a phone, the sidebar closes to show the conversation
        if new.button("New conversation", icon=":material/add_comment:", use_container_width=True):
            _open(person, None)
            st.rerun()
        current = _current(person)
        for summary in service.conversations(person):
            left, right = st.columns([5, 1], vertical_alignment="center")
            label = conversation_label(summary)
            kind = "primary" if summary.id == current else "secondary"
            opener = left.container(key=f"navigates-{summary.id}")
            if opener.button(label, key=f"open-{summary.id}", type=kind, use_container_width=True):
                _open(person, summary.id)
                st.rerun()
            if right.button(
                "", key=f"delete-{summary.id}", icon=":material/delete:", help="Delete this conversation"
            ):
                service.delete(person, summary.id)
                if summary.id == current:
                    _open(person, None)
                st.rerun()


def _without_the_service(error: Exception) -> None:
    """The chat cannot run (its database will not open): say so, and still answer a crisis with the card.

    Triage needs no database: a message is read here on its own, and help comes from static data.
    """
    from haven.chat.safety_first import safety_first
    from haven.config import get_settings
    from haven.logfile import describe, record_fault
    from ui.crisis_card import render_concern

    record_fault(error, "the Chat page")
    st.warning(
        f"Haven's chat cannot start right now ({describe(error)}), so nothing written here is saved. "
        "If you are struggling, write it anyway: Haven still reads every message for safety and shows help.",
        icon=":material/warning:",
    )
    crisis = st.session_state.get(_CRISIS)
    prompt = st.chat_input("How are you feeling?", disabled=crisis is not None)
    if prompt and prompt.strip() and crisis is None:
        with st.chat_message("user"):
            st.markdown(prompt)
        reply = safety_first(prompt, get_settings().region)
        if reply is not None and reply.crisis is not None:
            st.session_state[_CRISIS] = (reply.crisis, f"crisis_unsaved_{len(prompt)}_{hash(prompt) & 0xFFFF}")
            st.rerun()
        with st.chat_message("assistant"):
            if reply is not None and reply.concern is not None:
                render_concern(reply.concern, key="concern_unsaved")
            else:
                st.markdown("I can't give a full answer until your conversations can be opened again. I'm sorry.")
    if crisis is not None and _crisis_card(crisis, can_correct=False):  # nothing is saved to correct
        st.session_state.pop(_CRISIS, None)
        st.rerun()


def _greeting(service, person: str) -> str:
    """A new conversation opens by the person's name and from what they said they'd like help with."""
    from haven.chat import welcome

    try:
        return welcome.greeting(welcome.load(service.db, person))
    except Exception:  # noqa: BLE001 - an unreadable welcome costs only the name
        return welcome.greeting(None)


@contextlib.contextmanager
def _after_the_last_turn():
    """Streamlit starts a new run of this page as soon as a message is sent, even while the last run is still
    finishing a turn (a reply being written, models loading on a cold start). This run waits for that turn however
    long it takes: replies come one at a time, in the order the messages were sent, in the same conversation, and
    the history is drawn whole. (Giving up after two minutes answered the waiting message beside the running turn,
    in a new conversation when that turn had not yet said where it went.) Meanwhile the message stays in the
    waiting list and the page says why; each second's notice is also where a newer run stops this one."""
    lock = st.session_state.setdefault(_TURN_LOCK, threading.Lock())
    notice = st.empty()
    while not lock.acquire(timeout=1):
        notice.caption(":material/hourglass_top: Haven is still answering your last message. Yours is next.")
    try:
        notice.empty()
        yield
    finally:
        lock.release()


def main() -> None:
    st.title("Chat")
    st.caption("Haven is a self-help guide, not a therapist.")
    demo_banner()
    try:
        service = chat_service()
    except Exception as error:  # noqa: BLE001 - help must not wait on the database
        _without_the_service(error)
        return
    person = active_profile()
    with _after_the_last_turn():
        _conversation_page(service, person)


def _conversation_page(service, person: str) -> None:
    """The conversation, the message being answered, any crisis card, and the list of conversations."""
    crisis = st.session_state.get(_CRISIS)
    st.chat_input(
        "Choose an answer on the card to go on" if crisis else "How are you feeling?",
        disabled=crisis is not None,
        key=_INPUT,
        on_submit=_keep_message,
    )
    if _FIRST_MESSAGE in st.session_state:  # words typed in the welcome that triage flagged
        _waiting().insert(0, st.session_state.pop(_FIRST_MESSAGE))
    prompt = _waiting()[0] if _waiting() and crisis is None else None  # after a card, the rest are read in turn
    conversation_id = _current(person)
    if conversation_id is None:
        recap = service.opening(person)
        with st.chat_message("assistant"):
            st.markdown(recap.text if recap else _greeting(service, person))
    else:
        answering = prompt is not None
        if not answering and crisis is None:  # back from the Exercises page: what was done there, said once
            service.note_exercises(person, conversation_id)
        _history(service.turns(person, conversation_id), paused=crisis is not None, answering=answering)
    if prompt is not None:
        _answer(service, person, prompt)
        if _waiting() and _CRISIS not in st.session_state:  # sent while this reply appeared: answered next
            st.rerun()
    if crisis is not None and _crisis_card(crisis):
        st.session_state.pop(_CRISIS, None)
        st.rerun()
    _sidebar(service, person)


main()
