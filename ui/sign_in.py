"""Clinic mode's sign-in page, refusal pages and sign-out button, over Streamlit's own ``st.login``/``st.user``.

Streamlit does the OpenID Connect work and keeps the claims in a signed cookie (``[auth]`` in
``.streamlit/secrets.toml``); :mod:`haven.clinic.sign_in` decides what the claims allow. This module only
draws: the sign-in page before any other page, a clear page for each refusal, and who is signed in.

Personal mode never calls anything here.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from haven.clinic.identity import Identity
from haven.clinic.sign_in import (
    ClinicianClaimMissing,
    SessionExpired,
    SignInRefused,
    identity_from_claims,
    require_clinician,
)
from haven.config import get_settings
from ui.profile import use_signed_in_profile
from ui.resources import database

_IDENTITY = "haven_identity"


def signed_in_identity() -> Identity:
    """The identity of this browser session, as app.py established it this run (clinic mode only)."""
    return st.session_state[_IDENTITY]


def clinician_identity() -> Identity:
    """For a clinician page: the signed-in clinician; anyone else gets the refusal page and the run stops."""
    try:
        return require_clinician(signed_in_identity())
    except ClinicianClaimMissing as refusal:
        draw_refusal(refusal)
        st.stop()


def require_sign_in(pages) -> Identity | None:
    """The signed-in :class:`Identity`, or None once the sign-in page or a refusal page has been drawn.

    app.py: ``identity = require_sign_in(PAGES)``; on None it stops. Whichever address was asked for, the
    page drawn stands in at that address (no "Page not found"), and no page of Haven runs.
    """
    st.session_state.pop(_IDENTITY, None)
    use_signed_in_profile(None)
    if not st.user.is_logged_in:
        _instead_of_every_page(pages, _draw_sign_in, "Sign in")
        return None
    from haven.clinic.people import person_for

    settings = get_settings()
    try:
        identity = identity_from_claims(
            st.user.to_dict(), clinician_claim=settings.clinician_claim, clinician_group=settings.clinician_group
        )
    except SignInRefused as refusal:
        _instead_of_every_page(pages, partial(draw_refusal, refusal), refusal.title)
        return None
    st.session_state[_IDENTITY] = identity
    use_signed_in_profile(person_for(database(), identity))
    return identity


def draw_refusal(refusal: SignInRefused) -> None:
    """A clear page for a sign-in Haven cannot accept: what happened, in plain words, and the way on.

    The reason never repeats what the identity provider sent, and nothing is read or written.
    """
    st.title(refusal.title)
    st.warning(refusal.reason, icon=":material/lock:")
    if isinstance(refusal, SessionExpired):
        st.button("Sign in again", type="primary", key="sign_in_again", on_click=st.login)
    if not isinstance(refusal, ClinicianClaimMissing):  # a person on a clinician page keeps their own menu
        st.button("Sign out", key="sign_out_refused", on_click=st.logout)
    _not_watched()


def sign_out_button(identity: Identity) -> None:
    """Who is signed in, and the button that ends the session (Streamlit removes its cookie)."""
    role = "clinician" if identity.is_clinician else "signed in"
    st.caption(f"{identity.name} · {role}")
    st.button("Sign out", key="sign_out", icon=":material/logout:", on_click=st.logout, width="stretch")


def _draw_sign_in() -> None:
    st.title("Welcome to Haven")
    st.write(
        "Haven is a self-help companion your clinic offers between sessions: exercises, a journal and a "
        "guide to talk things through. Sign in with the account your clinic gave you."
    )
    st.button("Sign in", type="primary", key="sign_in", icon=":material/login:", on_click=st.login)
    st.caption(
        "Your check-ins and conversations are yours: no one else at the clinic sees them unless you choose "
        "to share something with a named clinician, and you can stop sharing at any time."
    )
    _not_watched()


def _not_watched() -> None:
    st.caption(
        "Haven is not watched by anyone while you use it. If you need help now, use **Need help now?** "
        "at the top of the page."
    )


def _instead_of_every_page(pages, draw, title: str) -> None:
    """Run ``draw`` at whichever address was asked for: one hidden stand-in page per address of the app."""
    every = [page for section in pages.values() for page in section] if isinstance(pages, dict) else list(pages)
    addresses = dict.fromkeys(page.url_path for page in every)  # one stand-in per address, in menu order
    stand_ins = [
        st.Page(draw, title=title, icon=":material/lock:", url_path=address or "home", default=not address)
        for address in addresses
    ]
    st.navigation(stand_ins, position="hidden").run()
