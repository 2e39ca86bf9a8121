"""Draws the first-run welcome (``haven.chat.welcome``) as a short chat: Haven's lines, quick replies, and a
box for the person's own words where a question asks for them. Every step has a Skip; anything typed is
triaged first, and a crisis or concern ends the welcome and goes to the Chat page as the first message there,
where the chat's own crisis handling answers and holds it.

No ``st.chat_input`` here: on the Welcome page it would pin the view to the bottom of the page, so a phone
would open on the page's last section instead of Haven's first words.
"""

from __future__ import annotations

import streamlit as st

from haven.chat import welcome as W

STEP = "welcome_step"  # 0 what Haven is and is not, 1 where help is, 2 focus, 3 name, 4 done
ANSWERS = "welcome_answers"  # what the person said so far: {"focus", "focus_words", "name"}
FIRST_MESSAGE = "chat_first_message"  # read by the Chat page: a message to answer as soon as it opens
_DONE = 4


def _answers() -> dict:
    return st.session_state.setdefault(ANSWERS, {})


def _haven(*lines: str) -> None:
    with st.chat_message("assistant"):
        for line in lines:
            st.markdown(line)


def _person(text: str) -> None:
    with st.chat_message("user"):
        st.markdown(text)


def _finish(engine, person: str, *, skipped: bool) -> None:
    answers = _answers()
    W.save(engine, person, W.Welcome(name=answers.get("name"), focus=answers.get("focus"), skipped=skipped))
    st.session_state[STEP] = _DONE


def _skip(engine, person: str) -> None:
    _finish(engine, person, skipped=True)
    st.session_state.pop(STEP, None)  # skipped: the page is shown as usual, straight away


def _go_on() -> None:
    st.session_state[STEP] = st.session_state.get(STEP, 0) + 1


def _typed_is_safe(engine, person: str, text: str, region: str) -> bool:
    """Triage first, like every message: a crisis or concern ends the welcome (kept as far as it got) and the
    Chat page answers the words as its first message, with the crisis card and the risk held there."""
    from haven.chat.safety_first import safety_first

    if safety_first(text, region) is None:
        return True
    _finish(engine, person, skipped=True)
    st.session_state[FIRST_MESSAGE] = text
    st.switch_page("pages/chat.py")
    return False


def _buttons(engine, person: str, go_on: str | None, *, key: str, skip_this: bool = False) -> None:
    row = st.container(horizontal=True)
    if go_on and row.button(go_on, key=f"welcome-next-{key}", type="primary"):
        _go_on()
        st.rerun()
    if skip_this and row.button("Skip this", key=f"welcome-skip-this-{key}"):
        _go_on()
        st.rerun()
    if row.button("Skip the welcome", key=f"welcome-skip-{key}", type="tertiary"):
        _skip(engine, person)
        st.rerun()


def _focus_step(engine, person: str, region: str) -> None:
    labels = {f.label: f.key for f in W.FOCUSES}
    picked = st.pills("What would you like help with?", list(labels), key="welcome_focus",
                      label_visibility="collapsed")  # fmt: skip
    if picked:
        _answers().update(focus=labels[picked], focus_words=picked)
        _go_on()
        st.rerun()
    with st.form("welcome-focus-form", border=False, enter_to_submit=True):
        typed = st.text_input("Or in your own words", key="welcome_focus_words", max_chars=300)
        told = st.form_submit_button("Tell Haven")
    if told and typed.strip():
        if not _typed_is_safe(engine, person, typed, region):
            return
        _answers().update(focus=W.focus_from_words(typed), focus_words=typed.strip())
        _go_on()
        st.rerun()
    _buttons(engine, person, None, key="focus", skip_this=True)


def _name_step(engine, person: str, region: str) -> None:
    with st.form("welcome-name-form", border=False, enter_to_submit=True):
        typed = st.text_input("Your name (optional)", key="welcome_name", max_chars=W.NAME_CHARS)
        saved = st.form_submit_button("That's me", type="primary")
    if saved and typed.strip():
        if not _typed_is_safe(engine, person, typed, region):
            return
        _answers()["name"] = W.clean_name(typed)
        _finish(engine, person, skipped=False)
        st.rerun()
    if st.button("Skip this", key="welcome-skip-name", type="tertiary"):
        _finish(engine, person, skipped=False)
        st.rerun()


def draw_welcome(engine, person: str, region: str) -> bool:
    """The welcome for a first visit; True while it is showing.

    Returns False at once for anyone who has done or skipped it, for the demo profile, and for someone who
    already has conversations.
    """
    step = st.session_state.get(STEP)
    if step is None:
        if not W.should_welcome(engine, person):
            return False
        step = st.session_state[STEP] = 0
    answers = _answers()
    _haven(W.INTRO, W.IS_NOT)
    if step == 0:
        _buttons(engine, person, "Sounds good", key="intro")
    if step >= 1:
        from ui.help_now import helpline_markdown

        _person("Sounds good")
        with st.chat_message("assistant"):
            st.markdown(W.WHERE_HELP)
            with st.container(border=True):
                st.markdown(helpline_markdown(region))
        if step == 1:
            _buttons(engine, person, "Got it", key="help")
    if step >= 2:
        _person("Got it")
        _haven(W.ASK_FOCUS)
        if step == 2:
            _focus_step(engine, person, region)
    if step >= 3:
        _person(answers.get("focus_words") or "Not now")
        _haven(W.ASK_NAME)
        if step == 3:
            _name_step(engine, person, region)
    if step >= _DONE:
        _person(answers.get("name") or "Not now")
        _haven(W.thanks(W.Welcome(name=answers.get("name"), focus=answers.get("focus"))))
        row = st.container(horizontal=True)
        if row.button("Start chatting", key="welcome-chat", type="primary", icon=":material/chat:"):
            st.session_state.pop(STEP, None)
            st.switch_page("pages/chat.py")
        if row.button("Look around first", key="welcome-look", type="tertiary"):
            st.session_state.pop(STEP, None)
            st.rerun()
    return True
