"""Clinic mode's menu, by role: what a signed-in person and a signed-in clinician each may open.

- A person: Haven's usual pages, less the clinician review tool, plus "Sharing" (what they share with
  which clinician, revoking it, and the log of every clinician's access). The clinicians' addresses stay
  known but hidden, and draw a plain "this page is for clinicians" page instead of "Page not found".
- A clinician: their caseload, what was shared with them, and the review tool. A person's addresses stay
  known but hidden too, and draw a plain "this page is for people using Haven" page with links to the
  clinician's own pages instead of "Page not found".

app.py: ``pages = clinic_pages(PAGES)``; None when the sign-in page (or a refusal) was drawn instead.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from haven.clinic.identity import Identity
from haven.clinic.sign_in import ClinicianClaimMissing, require_clinician
from ui.sign_in import draw_refusal, require_sign_in, sign_out_button

_PAGES = Path(__file__).resolve().parents[1] / "pages"
#: The address of the review tool: personal mode's page in the person's menu, the clinician's in clinic mode.
REVIEW = "review"
#: The address of a person's Sharing page (clinic mode only).
SHARING = "sharing"


def _clinician_pages() -> list:
    return [
        st.Page(_PAGES / "caseload.py", title="Caseload", icon=":material/groups:", url_path="caseload"),
        st.Page(_PAGES / "shared.py", title="Shared with me", icon=":material/folder_shared:", url_path="shared"),
        st.Page(
            _PAGES / "clinic_review.py", title="Review replies", icon=":material/rate_review:", url_path=REVIEW
        ),
    ]


def clinic_pages(personal_pages: dict) -> dict | None:
    """The menu for whoever is signed in (with the sign-out button), or None when they are not (yet)."""
    identity = require_sign_in({**personal_pages, "Clinic": _clinician_pages()})
    if identity is None:
        return None
    with st.sidebar:
        sign_out_button(identity)
    if identity.is_clinician:
        return _clinician_menu(personal_pages)
    return _person_pages(personal_pages, identity)


def _clinician_menu(personal_pages: dict) -> dict:
    """The clinician's pages, and a person's addresses kept known but hidden: a clinician who opens one (a
    link a person sent, an old bookmark) gets a plain page with the way to their own, not "Page not found"."""
    own = _clinician_pages()
    taken = {page.url_path for page in own}
    closed = [
        st.Page(_for_people, title=page.title, url_path=page.url_path, visibility="hidden")
        for pages in personal_pages.values()
        for page in pages
        if page.url_path and page.url_path not in taken  # "" is the default page: the caseload there
    ]
    closed.append(st.Page(_for_people, title="Sharing", url_path=SHARING, visibility="hidden"))
    return {"Clinic": [*own, *closed]}


def _for_people() -> None:
    """What a clinician sees at a person's address: whose page it is, and links to their own pages."""
    st.title("This page is for people using Haven")
    st.info(
        "You are signed in with a clinician's account, and a person's own pages (their chat, mood, exercises "
        "and settings) open only for them. What people choose to share with you is under Shared with me.",
        icon=":material/lock:",
    )
    for page in _clinician_pages():
        st.page_link(page)


def _person_pages(personal_pages: dict, identity: Identity) -> dict:
    menu = {
        section: [page for page in pages if page.url_path != REVIEW] for section, pages in personal_pages.items()
    }
    menu.setdefault("Share", []).append(
        st.Page(_PAGES / "sharing.py", title="Sharing", icon=":material/share:", url_path=SHARING)
    )

    def not_for_a_person() -> None:
        try:
            require_clinician(identity)
        except ClinicianClaimMissing as refusal:
            draw_refusal(refusal)

    closed = [
        st.Page(not_for_a_person, title=page.title, url_path=page.url_path, visibility="hidden")
        for page in _clinician_pages()
    ]
    menu["Share"].extend(closed)
    return menu


def clinic_mode() -> bool:
    """Whether this server runs in clinic mode (HAVEN_MODE=clinic); personal mode needs no sign-in."""
    import os

    from haven.config import get_settings

    try:
        return get_settings().mode == "clinic"
    except Exception:  # noqa: BLE001 - settings that do not load: the mode asked for still decides
        return os.environ.get("HAVEN_MODE", "").strip().lower() == "clinic"
