"""The crisis card: a distinct, unmissable panel that shows a ``CrisisResponse`` and pauses the chat.

Drawing only: the words and help lines come from ``haven.safety.crisis_response``. Links are ``tel:``,
``sms:`` and the organisations' own chat pages; nothing is loaded from the network to draw the card.
"""

from __future__ import annotations

import re

import streamlit as st

from haven.safety import CrisisResponse, Helpline

CONTINUE_LABEL = "I'm safe to continue"


def dialable(number: str) -> str:
    """A dialable number for a ``tel:``/``sms:`` link ("116 123" -> "116123")."""
    return re.sub(r"[^0-9+]", "", number)


def _draw_line(line: Helpline, key: str) -> None:
    st.markdown(f"**{line.name}**" + (f" · {line.hours}" if line.hours and line.hours != "directory" else ""))
    columns = st.columns(3)
    if line.call:
        columns[0].link_button(f"Call {line.call}", f"tel:{dialable(line.call)}", width="stretch")
    if line.text:
        body = f"?&body={line.text_body}" if line.text_body else ""
        label = f"Text {line.text_body} to {line.text}" if line.text_body else f"Text {line.text}"
        columns[1].link_button(label, f"sms:{dialable(line.text)}{body}", width="stretch")
    if line.chat:
        columns[2].link_button("Chat online", line.chat, width="stretch")
    if line.alt_call:
        st.caption(f"Also: {line.alt_call}")


def _draw_emergency(response: CrisisResponse) -> None:
    number = dialable(response.emergency_number)
    if number:
        st.link_button(f"Emergency: call {response.emergency_number}", f"tel:{number}", type="primary")
    st.markdown(response.emergency_line)


def render_crisis_card(response: CrisisResponse, key: str = "crisis_card") -> bool:
    """Draw the card; True once the person has chosen to continue (the caller keeps the chat paused until then).

    ``key`` keeps several cards apart in one session; the choice is remembered in ``st.session_state``.
    """
    state_key = f"{key}_continued"

    def _continue() -> None:
        st.session_state[state_key] = True

    with st.container(border=True, key=f"{key}_box"):
        st.error(f"**{response.title}**")
        st.markdown(response.message)
        if response.emergency_first:
            _draw_emergency(response)
        st.markdown("**Talk to someone now**")
        for index, line in enumerate(response.helplines):
            _draw_line(line, f"{key}_{index}")
        if not response.emergency_first:
            _draw_emergency(response)
        if response.safety_plan:
            st.markdown("**Your safety plan**")
            st.markdown("\n".join(f"{i}. {step}" for i, step in enumerate(response.safety_plan, 1)))
        st.caption(response.closing)
        st.button(CONTINUE_LABEL, key=f"{key}_continue", on_click=_continue)
    return bool(st.session_state.get(state_key, False))
