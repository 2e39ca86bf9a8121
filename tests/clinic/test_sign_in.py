"""Clinic sign-in: the identity provider's claims become an Identity, or a refusal with a plain reason."""

from __future__ import annotations

import pytest

from haven.clinic.identity import Identity
from haven.clinic.sign_in import (
    SESSION_HOURS,
    ClinicianClaimMissing,
    IdentityNotConfirmed,
    NoSubject,
    SessionExpired,
    SignInRefused,
    identity_from_claims,
    require_clinician,
)

NOW = 1_800_000_000.0


def claims(**extra):
    """Claims as st.user holds them after a sign-in a minute ago (ID token claims plus Streamlit's own)."""
    return {"sub": "u-123", "name": "Ada Lovelace", "email": "ada@example.org", "iat": NOW - 60,
            "exp": NOW + 240, "iss": "http://127.0.0.1:9400", "is_logged_in": True, **extra}  # fmt: skip


def test_a_person_is_their_subject_name_and_email():
    who = identity_from_claims(claims(), now=NOW)
    assert who == Identity(subject="u-123", name="Ada Lovelace", email="ada@example.org", role="person")
    assert not who.is_clinician


def test_the_clinician_role_comes_from_the_configured_claim_and_group():
    assert identity_from_claims(claims(groups=["staff", "haven-clinicians"]), now=NOW).role == "clinician"
    assert identity_from_claims(claims(groups=["staff"]), now=NOW).role == "person"
    assert identity_from_claims(claims(groups="staff haven-clinicians"), now=NOW).role == "clinician"
    # another claim name, and a nested one (Keycloak puts realm roles under realm_access.roles)
    assert identity_from_claims(claims(roles=["therapist"]), clinician_claim="roles",
                                clinician_group="therapist", now=NOW).is_clinician  # fmt: skip
    nested = claims(realm_access={"roles": ["offline_access", "haven-clinicians"]})
    assert identity_from_claims(nested, clinician_claim="realm_access.roles", now=NOW).is_clinician
    # the group named in another claim does not count
    assert not identity_from_claims(claims(roles=["haven-clinicians"]), now=NOW).is_clinician


def test_a_name_falls_back_to_the_username_then_the_email():
    assert identity_from_claims(claims(name=None, preferred_username="ada"), now=NOW).name == "ada"
    assert identity_from_claims(claims(name=""), now=NOW).name == "ada@example.org"
    assert identity_from_claims({"sub": "x", "iat": NOW}, now=NOW) == Identity("x", "you", None, "person")


@pytest.mark.parametrize("sub", [None, "", "   ", 42])
def test_no_subject_is_refused(sub):
    with pytest.raises(NoSubject) as refused:
        identity_from_claims(claims(sub=sub), now=NOW)
    assert "sign in again" in refused.value.reason.lower()


@pytest.mark.parametrize("flag", [{"email_verified": False}, {"active": False}])
def test_an_identity_the_provider_has_not_confirmed_is_refused(flag):
    with pytest.raises(IdentityNotConfirmed):
        identity_from_claims(claims(**flag), now=NOW)
    assert identity_from_claims(claims(email_verified=True), now=NOW).subject == "u-123"


def test_a_session_older_than_the_clinic_allows_has_ended():
    hours = SESSION_HOURS * 3600
    assert identity_from_claims(claims(iat=NOW - hours + 5), now=NOW).subject == "u-123"
    for iat in (NOW - hours - 5, None, "yesterday"):
        with pytest.raises(SessionExpired):
            identity_from_claims(claims(iat=iat), now=NOW)
    with pytest.raises(SessionExpired):
        identity_from_claims(claims(iat=NOW - 3 * 3600), session_hours=2, now=NOW)


def test_the_id_tokens_own_short_expiry_does_not_end_a_session():
    """Providers set exp minutes ahead and Streamlit never refreshes it: the session length decides."""
    assert identity_from_claims(claims(exp=NOW - 3000), now=NOW).subject == "u-123"


def test_clinician_pages_refuse_a_person():
    person = identity_from_claims(claims(), now=NOW)
    with pytest.raises(ClinicianClaimMissing):
        require_clinician(person)
    clinician = identity_from_claims(claims(groups=["haven-clinicians"]), now=NOW)
    assert require_clinician(clinician) is clinician


def test_refusals_never_repeat_what_the_claims_hold():
    secret = claims(sub="", email="hidden@example.org", name="Hidden Name", email_verified=False)
    for bad in (secret, claims(email_verified=False, name="Hidden Name"), claims(iat=0, name="Hidden Name")):
        with pytest.raises(SignInRefused) as refused:
            identity_from_claims(bad, now=NOW)
        text = refused.value.reason + refused.value.title
        assert "Hidden" not in text and "hidden@" not in text and "u-123" not in text
