"""Clinic mode: from the identity provider's claims (what ``st.user`` holds) to an :class:`Identity`, or a refusal.

Streamlit's ``st.login`` does the OpenID Connect work (redirect, code exchange, signature and issuer checks)
and keeps the ID token's claims in a signed cookie; nothing here handles tokens, passwords or sessions. This
module only reads the claims it is given and decides, in one place, who the person is and what they may open:

- ``sub`` is the owner of every record, so no ``sub``, no sign-in.
- An identity the provider itself marks unconfirmed (``email_verified`` false) is refused: the clinic's
  provider has not vouched for it.
- Streamlit does not check the token's times (its cookie lasts 30 days). A clinic session here lasts
  :data:`SESSION_HOURS` from sign-in (``iat``); after that the person signs in again. The ID token's own
  ``exp`` is not used: providers set it from 5 minutes (Keycloak) to an hour, far shorter than a session,
  and Streamlit never refreshes it.
- The clinician role comes from a claim named in settings (``groups`` by default) holding the clinician
  group; anyone else is a person. Clinician pages refuse a person with :class:`ClinicianClaimMissing`.

Each refusal is a :class:`SignInRefused` with a plain ``reason`` a page can show as it is: it never repeats
claim values, so nothing about the identity leaks onto the page.
"""

from __future__ import annotations

import time
from collections.abc import Mapping

from haven.clinic.identity import Identity

#: How long one clinic sign-in lasts, counted from the moment the provider issued the ID token.
SESSION_HOURS = 12


class SignInRefused(Exception):
    """The claims do not make a usable identity; ``reason`` is a plain sentence for the page."""

    title = "You are not signed in"

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class NoSubject(SignInRefused):
    """The provider did not say who signed in (no ``sub``): there is no owner to give records to."""

    title = "Your sign-in did not say who you are"


class IdentityNotConfirmed(SignInRefused):
    """The provider marks the identity as not confirmed (an unverified email) or not active."""

    title = "This account is not confirmed"


class SessionExpired(SignInRefused):
    """The sign-in is older than the clinic's session length (or has no time at all)."""

    title = "Your session has ended"


class ClinicianClaimMissing(SignInRefused):
    """A clinician page was opened by someone the provider does not name as a clinician."""

    title = "This page is for the clinic's clinicians"


def identity_from_claims(
    claims: Mapping[str, object],
    *,
    clinician_claim: str = "groups",
    clinician_group: str = "haven-clinicians",
    session_hours: float = SESSION_HOURS,
    now: float | None = None,
) -> Identity:
    """The signed-in :class:`Identity` the claims describe, or a :class:`SignInRefused` saying why not."""
    subject = _text(claims.get("sub"))
    if not subject:
        raise NoSubject(
            "The sign-in service did not send an account identifier, so Haven cannot keep your records apart "
            "from anyone else's. Please sign in again; if this keeps happening, tell the clinic."
        )
    if claims.get("email_verified") is False or claims.get("active") is False:
        raise IdentityNotConfirmed(
            "The clinic's sign-in service has not confirmed this account, so Haven cannot open it. "
            "Confirm your account with the clinic (for example the email they sent you), then sign in again."
        )
    _check_session_age(claims.get("iat"), session_hours, time.time() if now is None else now)
    email = _text(claims.get("email")) or None
    name = _text(claims.get("name")) or _text(claims.get("preferred_username")) or email or "you"
    role = "clinician" if clinician_group in _claim_values(claims, clinician_claim) else "person"
    return Identity(subject=subject, name=name, email=email, role=role)


def require_clinician(identity: Identity) -> Identity:
    """The identity, when it is a clinician's; :class:`ClinicianClaimMissing` for anyone else."""
    if not identity.is_clinician:
        raise ClinicianClaimMissing(
            "Your account is not one of the clinic's clinician accounts, so this page stays closed. "
            "If you work for the clinic, ask its administrator to add you to the clinicians' group, then "
            "sign out and in again."
        )
    return identity


def _check_session_age(issued_at: object, session_hours: float, now: float) -> None:
    try:
        issued = float(issued_at)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        issued = None
    if issued is None or now - issued > session_hours * 3600:
        raise SessionExpired(
            "For your privacy a sign-in lasts a limited time, and yours has ended. Sign in again to go on; "
            "nothing you wrote before is lost."
        )


def _claim_values(claims: Mapping[str, object], name: str) -> set[str]:
    """The values of a claim as a set of strings; ``name`` may be a dotted path (``realm_access.roles``)."""
    value: object = claims
    for part in name.split("."):
        value = value.get(part) if isinstance(value, Mapping) else None
    if isinstance(value, str):
        return set(value.replace(",", " ").split())
    if isinstance(value, list | tuple | set | frozenset):
        return {str(item) for item in value}
    return set()


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""
