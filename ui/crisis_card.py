"""The crisis card and the concern panel: drawing only, for responses from ``haven.safety.response``.

- ``render_crisis_card``: a distinct, unmissable panel that shows a ``CrisisResponse`` and pauses the chat.
  Lines for the kind of crisis come first under their own label ("For abuse at home"), then the general
  lines, then lines for young people; for someone worried about another person, the steps they can take.
- ``render_concern``: a calm inline panel for a ``ConcernResponse`` (level "concern"): the message, one
  gentle question and compact line buttons. Not the red card, and it does not pause the chat.

Links are ``tel:``, ``sms:``, ``https://wa.me/`` and the organisations' own pages; nothing is loaded from
the network to draw them.
"""

from __future__ import annotations

import re

import streamlit as st

from haven.safety import CrisisResponse, Helpline
from haven.safety.response import ConcernResponse
from ui.clinic_contact import draw_clinic_urgent_contact

CONTINUE_LABEL = "I'm safe to continue"
#: On the chat's card only: the person says Haven misread them, in words the conversation reads as a correction.
MISREAD_LABEL = "That's not what I meant"
#: On the chat's card only: the person says they are not safe. Sent as their message, it keeps the crisis and
#: brings the most direct reply (emergency number first, someone to be with them), and the chat stays open to
#: them: the card must never leave a person in danger with only "I'm safe" to press.
NOT_SAFE_LABEL = "I'm not safe right now"


def dialable(number: str) -> str:
    """A dialable number for a ``tel:``/``sms:`` link ("116 123" -> "116123")."""
    return re.sub(r"[^0-9+]", "", number)


def _line_buttons(line: Helpline) -> list[tuple[str, str]]:
    buttons = []
    if line.call:
        buttons.append((f"Call {line.call}", f"tel:{dialable(line.call)}"))
    if line.text:
        body = f"?&body={line.text_body}" if line.text_body else ""
        label = f"Text {line.text_body} to {line.text}" if line.text_body else f"Text {line.text}"
        buttons.append((label, f"sms:{dialable(line.text)}{body}"))
    if line.whatsapp and line.whatsapp_url:
        buttons.append(("WhatsApp", line.whatsapp_url))
    if line.chat:
        buttons.append(("Find a helpline" if line.is_directory else "Chat online", line.chat))
    return buttons


def _draw_line(line: Helpline, key: str, compact: bool = False) -> None:
    hours = f" · {line.hours}" if line.hours and line.hours != "directory" else ""
    if compact:
        st.caption(f"**{line.name}**{hours}")
    else:
        st.markdown(f"**{line.name}**{hours}")
    buttons = _line_buttons(line)
    if buttons:
        columns = st.columns(max(3, len(buttons)))
        for index, (column, (label, url)) in enumerate(zip(columns, buttons, strict=False)):
            column.link_button(label, url, key=f"{key}_link{index}", width="stretch")
    if line.alt_call and not compact:
        st.caption(f"Also: {line.alt_call}")
    if line.email and not compact:
        st.caption(f"Email: {line.email}")


def _draw_emergency(response: CrisisResponse, key: str) -> None:
    number = dialable(response.emergency_number)
    if number:
        st.link_button(
            f"Emergency: call {response.emergency_number}", f"tel:{number}", key=f"{key}_emergency", type="primary"
        )
    else:
        st.markdown(f"**In an emergency, call {response.emergency_number}.**")
    if response.emergency_line:
        st.markdown(response.emergency_line)
    if response.emergency_note:
        st.caption(response.emergency_note)


def _draw_lines(response: CrisisResponse, key: str) -> None:
    if response.held:
        st.markdown(f"**{response.lines_heading or 'Talk to someone now'}**")
        for index, line in enumerate(response.helplines):
            _draw_line(line, f"{key}_{index}")
        return
    for g, group in enumerate(response.groups()):
        st.markdown(f"**{group.label}**")
        for index, line in enumerate(group.lines):
            _draw_line(line, f"{key}_{g}_{index}")


def render_crisis_card(
    response: CrisisResponse, key: str = "crisis_card", on_misread=None, on_not_safe=None
) -> bool:
    """Draw the card; True once the person has chosen to continue (the caller keeps the chat paused until then).

    ``key`` keeps several cards apart in one session; the choice is remembered in ``st.session_state``.
    ``on_misread``: in the chat, a button lets a person whose words were misread say so in one tap (they should
    not have to claim "I'm safe" to correct Haven); the callback sends that as their next message, which steps
    the conversation down to a gentle check, never back to ordinary talk at once.
    ``on_not_safe``: in the chat, a button lets a person say they are not safe without having to type it while
    the input waits; the callback sends it as their message, and the crisis reply that answers it stays on.
    """
    state_key = f"{key}_continued"

    def _chosen(then=None) -> None:
        if then is not None:
            then()  # the chat sends the choice as the person's words
        st.session_state[state_key] = True

    with st.container(border=True, key=f"{key}_box"):
        st.error(f"**{response.title}**")
        st.markdown(response.message)
        if response.emergency_first:
            _draw_emergency(response, key)
        if response.steps:
            st.markdown(f"**{response.steps_heading}**")
            st.markdown("\n".join(f"{i}. {step}" for i, step in enumerate(response.steps, 1)))
        _draw_lines(response, key)
        draw_clinic_urgent_contact()  # clinic mode only: the clinic's own contact; no one is watching
        if not response.emergency_first:
            _draw_emergency(response, key)
        if response.safety_plan:
            st.markdown("**Your safety plan**")
            st.markdown("\n".join(f"{i}. {step}" for i, step in enumerate(response.safety_plan, 1)))
        if response.closing:
            st.caption(response.closing)
        if response.question:
            st.markdown(f"**{response.question}**")
        choices = [(CONTINUE_LABEL, "continue", None)]
        if on_not_safe is not None:
            choices.append((NOT_SAFE_LABEL, "not_safe", on_not_safe))
        if on_misread is not None:
            choices.append((MISREAD_LABEL, "misread", on_misread))
        if len(choices) == 1:
            st.button(CONTINUE_LABEL, key=f"{key}_continue", on_click=_chosen)
        else:
            for column, (label, name, then) in zip(st.columns(len(choices)), choices, strict=True):
                column.button(label, key=f"{key}_{name}", on_click=_chosen, args=(then,), width="stretch")
    return bool(st.session_state.get(state_key, False))


def render_concern(response: ConcernResponse, key: str = "concern") -> None:
    """Draw a concern reply as a calm inline panel: message, one question, compact line buttons."""
    with st.container(border=True, key=f"{key}_box"):
        st.info(response.message)
        if response.question:
            st.markdown(f"**{response.question}**")
        st.caption(response.lines_intro)
        for index, line in enumerate(response.helplines):
            _draw_line(line, f"{key}_{index}", compact=True)
        draw_clinic_urgent_contact()
        number = dialable(response.emergency_number)
        if number:
            st.link_button(f"Emergency: call {response.emergency_number}", f"tel:{number}", key=f"{key}_emergency")
        else:
            st.caption(f"In an emergency, call {response.emergency_number}.")
        if response.emergency_note:
            st.caption(response.emergency_note)
