"""'Help now': the crisis route, one tap away on every page and on the lock screen.

The button is drawn in the page (not the sidebar) and pinned into the header bar by ``ui.shell``'s style,
so on a phone it is on screen without opening anything. Everything it shows is static data (help lines
by region): no database, index or model stands between a person and it.
"""

from __future__ import annotations

import streamlit as st

from haven.config import get_settings
from haven.safety import emergency_number, helplines_for, resolve_region
from ui.clinic_contact import clinic_mode_and_contact, draw_clinic_urgent_contact
from ui.crisis_card import dialable


def helpline_markdown(region_code: str) -> str:
    """The region's help lines and emergency number as Markdown (tel: and sms: links where they apply)."""
    region = resolve_region(region_code)
    lines = [f"**In an emergency, call {region.emergency}.**", ""]
    for line in helplines_for(region_code):
        ways = []
        if line.call:
            ways.append(f"call [{line.call}](tel:{dialable(line.call)})")
        if line.text:
            body = f" {line.text_body} to" if line.text_body else ""
            ways.append(f"text{body} [{line.text}](sms:{dialable(line.text)})")
        if line.chat:
            ways.append(f"chat at {line.chat}")
        hours = f" ({line.hours})" if line.hours else ""
        lines.append(f"- **{line.name}**{hours}: " + (", ".join(ways) or line.source))
    return "\n".join(lines)


@st.dialog("Help, right now")
def _help_dialog() -> None:
    region = get_settings().region
    st.markdown(
        "If you might act on thoughts of ending your life or harming yourself or someone else, please reach "
        "out now. You deserve support, and people are ready to listen."
    )
    _lines_as_buttons(region)
    draw_clinic_urgent_contact()  # clinic mode only: the clinic's own contact; no one is watching
    change = "" if clinic_mode_and_contact()[0] else " Change the region in Settings."  # a clinic sets its region
    st.caption(f"Help lines for {resolve_region(region).name}.{change}")


def _lines_as_buttons(region_code: str) -> None:
    """Each line with buttons to call, text or chat (one tap on a phone), then the emergency number."""
    from ui.crisis_card import _draw_line

    for index, line in enumerate(helplines_for(region_code)):
        _draw_line(line, f"help_now_{index}")
    number = resolve_region(region_code).emergency
    if dialable(number):
        st.link_button(f"Emergency: call {number}", f"tel:{dialable(number)}", type="primary",
                       key="help_now_emergency")  # fmt: skip
    else:
        st.markdown(f"**In an emergency, call {number}.**")


def help_now_button() -> None:
    """The header's "Need help now?" button; one tap opens the region's help lines."""
    with st.container(key="help_now_bar"):
        if st.button("Need help now?", key="help_now", icon=":material/support:"):
            _help_dialog()


__all__ = ["emergency_number", "help_now_button", "helpline_markdown"]
