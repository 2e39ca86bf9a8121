"""Clinic mode's addition to every crisis panel: the clinic's own urgent contact, beside the public lines.

Drawn only when HAVEN_MODE=clinic and HAVEN_CLINIC_URGENT_CONTACT is set. It never says or suggests that a
clinician is watching: Haven alerts no one, so the words say so plainly. Static text from settings only (no
database), so it draws wherever crisis help draws; if the settings cannot be read, the public lines stand alone.
"""

from __future__ import annotations

import streamlit as st

NOT_WATCHED = (
    "No one at your clinic sees what you write in Haven as you write it, and Haven does not alert them. "
    "To reach someone now, use a line above or your clinic's urgent contact."
)


def clinic_mode_and_contact() -> tuple[bool, str | None]:
    """Whether Haven runs in clinic mode, and the clinic's urgent contact when one is configured."""
    try:
        from haven.config import get_settings

        settings = get_settings()
    except Exception:  # noqa: BLE001 - crisis help must draw even when the settings do not load
        return False, None
    if settings.mode != "clinic":
        return False, None
    return True, (settings.clinic_urgent_contact or "").strip() or None


def draw_clinic_urgent_contact() -> None:
    """In clinic mode: the clinic's urgent contact (when configured) and that no one is watching."""
    clinic, contact = clinic_mode_and_contact()
    if contact:
        st.markdown(f"**Your clinic's urgent contact:** {contact}")
    if clinic:
        st.caption(NOT_WATCHED)
