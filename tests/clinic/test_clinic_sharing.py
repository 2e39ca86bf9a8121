"""Sharing with a clinician, revoking, the caseload and the audit log, at the service level.

A person shares their report and, separately, chosen conversations with a named clinician; the clinician
sees exactly those while they are shared, each opening lands in the person's audit log, and after a revoke
the clinician is refused with nothing read and nothing written. Wrong askers (a person calling clinician
functions, another clinician, an unknown clinician) are refused the same way.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from clinic_data import ANA, BEN, NOLAN, RIVERA, row_counts

from haven.chat import store
from haven.clinic.audit import access_log
from haven.clinic.errors import NotClinician, NotShared, UnknownClinician
from haven.clinic.identity import Identity
from haven.clinic.sharing import (
    caseload,
    clinicians,
    my_shares,
    open_shared_conversation,
    open_shared_report,
    revoke_share,
    share_conversation,
    share_report,
    shared_items,
)
from haven.content.loader import Library
from haven.reports import ReportOptions
from haven.storage.owners import OwnerRequired
from haven.tracking.checkins import CheckInEntry, record_check_in

TODAY = date.today()
OPTIONS = ReportOptions(start=TODAY - timedelta(days=13), end=TODAY)


def _conversation(engine, person: str, words: str) -> int:
    conversation = store.create_conversation(engine, person)
    store.save_turn(engine, person, conversation, "user", words)
    store.save_turn(engine, person, conversation, "assistant", "Thank you for telling me.")
    return conversation


@pytest.fixture
def ana_shares(signed_in):
    """Ana has two conversations and some check-ins; she shares her report and the first conversation."""
    for mood in (3, 5, 6):
        record_check_in(signed_in, ANA.subject, CheckInEntry(mood=mood, note="slept badly"))
    shared = _conversation(signed_in, ANA.subject, "I keep worrying about exams")
    private = _conversation(signed_in, ANA.subject, "something I keep to myself")
    report = share_report(signed_in, ANA, RIVERA.email, OPTIONS)
    conversation = share_conversation(signed_in, ANA, RIVERA.subject, shared)
    return {"report": report, "conversation": conversation, "private": private}


def test_the_clinician_sees_exactly_what_was_shared(signed_in, ana_shares):
    (entry,) = caseload(signed_in, RIVERA)
    assert (entry.person_subject, entry.name, entry.items) == (ANA.subject, "Ana Lopez", 2)
    items = shared_items(signed_in, RIVERA, ANA.subject)
    assert {(i.kind, i.title) for i in items} == {("report", "Report"), ("conversation", "I keep worrying about exams")}
    opened = open_shared_conversation(signed_in, RIVERA, ana_shares["conversation"].id)
    assert [t.text for t in opened.turns] == ["I keep worrying about exams", "Thank you for telling me."]
    report = open_shared_report(signed_in, RIVERA, ana_shares["report"].id, library=Library())
    assert "Mood" in report.markdown and "No mood check-ins in this period." not in report.markdown
    assert caseload(signed_in, NOLAN) == [] and shared_items(signed_in, NOLAN) == []


def test_each_opening_is_in_the_persons_audit_log(signed_in, ana_shares):
    assert access_log(signed_in, ANA) == []
    open_shared_report(signed_in, RIVERA, ana_shares["report"].id, library=Library())
    open_shared_conversation(signed_in, RIVERA, ana_shares["conversation"].id)
    log = access_log(signed_in, ANA)
    assert [(e.clinician_name, e.kind) for e in log] == [("Dr Sam Rivera", "conversation"), ("Dr Sam Rivera", "report")]
    assert log[0].what == "Conversation: I keep worrying about exams"
    assert log[1].what == f"Report, {OPTIONS.start} to {OPTIONS.end}"
    assert access_log(signed_in, BEN) == []  # Ben's log is Ben's


def test_after_a_revoke_the_clinician_is_refused_and_nothing_is_written(signed_in, ana_shares):
    revoke_share(signed_in, ANA, ana_shares["conversation"].id)
    revoke_share(signed_in, ANA, ana_shares["report"].id)
    before = row_counts(signed_in)
    with pytest.raises(NotShared):
        open_shared_conversation(signed_in, RIVERA, ana_shares["conversation"].id)
    with pytest.raises(NotShared):
        open_shared_report(signed_in, RIVERA, ana_shares["report"].id, library=Library())
    assert row_counts(signed_in) == before and access_log(signed_in, ANA) == []
    assert caseload(signed_in, RIVERA) == [] and shared_items(signed_in, RIVERA) == []
    assert [s.live for s in my_shares(signed_in, ANA, include_revoked=True)] == [False, False]
    with pytest.raises(NotShared):  # revoking twice
        revoke_share(signed_in, ANA, ana_shares["report"].id)


def test_revoking_one_item_keeps_the_other(signed_in, ana_shares):
    revoke_share(signed_in, ANA, ana_shares["report"].id)
    assert [i.kind for i in shared_items(signed_in, RIVERA)] == ["conversation"]
    assert caseload(signed_in, RIVERA)[0].items == 1


def test_what_was_not_shared_stays_closed(signed_in, ana_shares):
    before = row_counts(signed_in)
    with pytest.raises(NotShared):  # another clinician, the same share
        open_shared_conversation(signed_in, NOLAN, ana_shares["conversation"].id)
    with pytest.raises(NotShared):  # a share of one kind opened as the other
        open_shared_report(signed_in, RIVERA, ana_shares["conversation"].id, library=Library())
    with pytest.raises(NotShared):  # a share that does not exist
        open_shared_conversation(signed_in, RIVERA, 9999)
    assert row_counts(signed_in) == before


def test_a_person_calling_clinician_functions_is_refused(signed_in, ana_shares):
    pretending = Identity(subject=BEN.subject, name=BEN.name, role="clinician")  # a forged role: Ben signed in as a person
    before = row_counts(signed_in)
    for asker in (BEN, ANA, pretending):
        with pytest.raises(NotClinician):
            caseload(signed_in, asker)
        with pytest.raises(NotClinician):
            shared_items(signed_in, asker)
        with pytest.raises(NotClinician):
            open_shared_conversation(signed_in, asker, ana_shares["conversation"].id)
        with pytest.raises(NotClinician):
            open_shared_report(signed_in, asker, ana_shares["report"].id, library=Library())
    assert row_counts(signed_in) == before


def test_a_clinician_demoted_at_sign_in_loses_the_caseload(signed_in, ana_shares):
    from haven.clinic.people import person_for

    person_for(signed_in, Identity(subject=RIVERA.subject, name=RIVERA.name, email=RIVERA.email))  # no group
    with pytest.raises(NotClinician):
        caseload(signed_in, RIVERA)


@pytest.mark.parametrize("clinician", ["", "   ", "nobody@clinic.example", "not-a-subject", BEN.email, BEN.subject])
def test_sharing_with_someone_who_is_not_a_clinician_is_refused(signed_in, clinician):
    conversation = _conversation(signed_in, ANA.subject, "hello")
    before = row_counts(signed_in)
    with pytest.raises(UnknownClinician):
        share_report(signed_in, ANA, clinician, OPTIONS)
    with pytest.raises(UnknownClinician):
        share_conversation(signed_in, ANA, clinician, conversation)
    assert row_counts(signed_in) == before


def test_a_person_cannot_share_or_revoke_what_is_not_theirs(signed_in, ana_shares):
    before = row_counts(signed_in)
    with pytest.raises(store.ConversationNotFound):
        share_conversation(signed_in, BEN, RIVERA.subject, ana_shares["private"])
    with pytest.raises(NotShared):
        revoke_share(signed_in, BEN, ana_shares["report"].id)
    assert row_counts(signed_in) == before
    assert my_shares(signed_in, BEN) == []


def test_sharing_by_email_ignores_case_and_sharing_again_replaces_the_report(signed_in):
    first = share_report(signed_in, ANA, "S.Rivera@Clinic.Example", OPTIONS)
    wider = ReportOptions(start=TODAY - timedelta(days=60), end=TODAY)
    again = share_report(signed_in, ANA, RIVERA.subject, wider)
    assert again.id == first.id and again.options == wider
    assert [(s.clinician_name, s.kind) for s in my_shares(signed_in, ANA)] == [("Dr Sam Rivera", "report")]


def test_a_person_picks_from_the_clinics_clinicians(signed_in):
    assert [(c.name, c.email) for c in clinicians(signed_in, ANA)] == [
        ("Dr Jo Nolan", "j.nolan@clinic.example"), ("Dr Sam Rivera", "s.rivera@clinic.example")
    ]  # fmt: skip


@pytest.mark.parametrize("asker", [Identity(subject="", name="x"), Identity(subject="never-signed-in", name="x")])
def test_every_clinic_service_refuses_without_a_signed_in_owner(signed_in, ana_shares, asker):
    before = row_counts(signed_in)
    calls = [
        lambda: share_report(signed_in, asker, RIVERA.subject, OPTIONS),
        lambda: share_conversation(signed_in, asker, RIVERA.subject, ana_shares["private"]),
        lambda: revoke_share(signed_in, asker, ana_shares["report"].id),
        lambda: my_shares(signed_in, asker),
        lambda: access_log(signed_in, asker),
        lambda: clinicians(signed_in, asker),
        lambda: caseload(signed_in, asker),
        lambda: open_shared_conversation(signed_in, asker, ana_shares["conversation"].id),
    ]
    for call in calls:
        with pytest.raises(OwnerRequired):
            call()
    assert row_counts(signed_in) == before
