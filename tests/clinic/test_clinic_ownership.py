"""Clinic mode: every record has an owner, and no service works without one.

Each existing service is called with keys that are not a signed-in person ('', 'me', 'demo', a subject that
never signed in): each refuses with OwnerRequired and the database is left exactly as it was. Then two
people who did sign in write the same kinds of records, and neither can read the other's through any
service, by listing or by id.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from clinic_data import ANA, BEN, RIVERA, row_counts
from sqlalchemy import select

from haven.chat import store
from haven.chat.memory import exercise_preferences, previous_conversation
from haven.clinic.identity import Identity
from haven.clinic.people import delete_my_data, person_for
from haven.content.loader import Library
from haven.exercises.runs import RunNotFound, create_run, get_run, list_runs
from haven.privacy.deletion import delete_everything
from haven.privacy.exporting import check_ins_csv, export_document
from haven.reports import ReportOptions, build_report
from haven.reviews.export import ConversationNotFound as ExportNotFound
from haven.reviews.export import export_conversation, exportable_conversations
from haven.reviews.models import Review, ReviewedTurn, Verdict
from haven.reviews.store import store_review, stored_reviews
from haven.storage.db import get_or_create_person, session_scope
from haven.storage.models import Person
from haven.storage.owners import OwnerRequired
from haven.tracking.assessments import assessment_history, save_assessment
from haven.tracking.checkins import (
    CheckInEntry,
    CheckInNotFound,
    get_check_in,
    known_tags,
    recent_check_ins,
    record_check_in,
)
from haven.tracking.demo import demo_exists, fill_demo, remove_demo
from haven.tracking.frames import load_tracking_data
from haven.tracking.scoring import score

NOT_OWNERS = ["", "me", "demo", "never-signed-in-subject"]
TODAY = date.today()
OPTIONS = ReportOptions(start=TODAY - timedelta(days=30), end=TODAY)
REVIEW = Review(reviewer="Dr Sam Rivera", reviewed_on=TODAY,
                turns=[ReviewedTurn(user_message="hi", original_reply="Hello.", verdict=Verdict.HELPFUL)])  # fmt: skip

#: Every service that reads or writes a person's records, as (name, call(engine, person)).
SERVICES = [
    ("record a check-in", lambda e, p: record_check_in(e, p, CheckInEntry(mood=5, note="ok"))),
    ("list check-ins", lambda e, p: recent_check_ins(e, p)),
    ("a check-in by id", lambda e, p: get_check_in(e, p, 1)),
    ("known tags", lambda e, p: known_tags(e, p)),
    ("start a conversation", lambda e, p: store.create_conversation(e, p)),
    ("list conversations", lambda e, p: store.list_conversations(e, p)),
    ("read a conversation", lambda e, p: store.load_turns(e, p, 1)),
    ("save a chat turn", lambda e, p: store.save_turn(e, p, 1, "user", "hello")),
    ("the chat's recap", lambda e, p: previous_conversation(e, p)),
    ("exercise preferences", lambda e, p: exercise_preferences(e, p)),
    ("start an exercise", lambda e, p: create_run(e, p, "box-breathing")),
    ("list exercise runs", lambda e, p: list_runs(e, p)),
    ("save a questionnaire", lambda e, p: save_assessment(e, p, score("gad7", [1] * 7))),
    ("questionnaire history", lambda e, p: assessment_history(e, p)),
    ("insights data", lambda e, p: load_tracking_data(e, p)),
    ("a report", lambda e, p: build_report(e, p, OPTIONS, library=Library())),
    ("conversations to review", lambda e, p: exportable_conversations(e, p)),
    ("export a conversation", lambda e, p: export_conversation(e, 1, person=p)),
    ("store a review", lambda e, p: store_review(e, REVIEW, person=p)),
    ("list reviews", lambda e, p: stored_reviews(e, p)),
]


@pytest.mark.parametrize("service", SERVICES, ids=[name for name, _ in SERVICES])
def test_every_service_refuses_without_a_signed_in_owner(signed_in, service):
    before = row_counts(signed_in)
    for person in NOT_OWNERS:
        with pytest.raises(OwnerRequired):
            service[1](signed_in, person)
        assert row_counts(signed_in) == before, f"{service[0]} for {person!r} wrote something"


@pytest.mark.parametrize(
    "whole_database",
    [export_document, check_ins_csv, delete_everything, lambda e: stored_reviews(e, None), remove_demo, fill_demo],
    ids=["export everything", "every check-in as CSV", "delete everything", "every review", "remove demo",
         "fill demo"],
)  # fmt: skip
def test_whole_database_tools_refuse_in_clinic_mode(signed_in, whole_database):
    record_check_in(signed_in, ANA.subject, CheckInEntry(mood=6, note="Ana's own"))
    before = row_counts(signed_in)
    with pytest.raises(OwnerRequired):
        whole_database(signed_in)
    assert row_counts(signed_in) == before
    assert not demo_exists(signed_in)


def test_no_profile_is_made_by_a_service_in_clinic_mode(clinic_engine):
    with session_scope(clinic_engine) as session, pytest.raises(OwnerRequired):
        get_or_create_person(session)  # the personal default, 'me'
    assert row_counts(clinic_engine)["people"] == 0


def test_sign_in_makes_the_row_once_and_keeps_it_current(clinic_engine):
    assert person_for(clinic_engine, ANA) == ANA.subject
    renamed = Identity(subject=ANA.subject, name="Ana L.", email="ana@new.example", role="person")
    assert person_for(clinic_engine, renamed) == ANA.subject
    with session_scope(clinic_engine) as session:
        (row,) = session.scalars(select(Person))
        assert (row.subject, row.display_name, row.email, row.role) == (ANA.subject, "Ana L.", "ana@new.example",
                                                                        "person")  # fmt: skip
        assert ANA.subject not in row.name  # the profile label never repeats the subject


@pytest.mark.parametrize("subject", ["", "   "])
def test_sign_in_without_a_subject_is_refused(clinic_engine, subject):
    with pytest.raises(OwnerRequired):
        person_for(clinic_engine, Identity(subject=subject, name="Nobody"))
    assert row_counts(clinic_engine)["people"] == 0


def test_sign_in_is_refused_in_personal_mode(engine):
    with pytest.raises(OwnerRequired):
        person_for(engine, ANA)


def _write_everything(engine, person: str, words: str) -> dict[str, int]:
    """One of each kind of record for ``person``; returns their ids."""
    check_in = record_check_in(engine, person, CheckInEntry(mood=4, tags=(words,), note=words)).check_in
    conversation = store.create_conversation(engine, person)
    store.save_turn(engine, person, conversation, "user", words, topics=["sleep"])
    store.save_turn(engine, person, conversation, "assistant", "That sounds hard.")
    run = create_run(engine, person, "box-breathing")
    assessment = save_assessment(engine, person, score("gad7", [2] * 7))
    return {"check_in": check_in.id, "conversation": conversation, "run": run.id, "assessment": assessment.id}


def test_one_person_never_reads_anothers_records(signed_in):
    ana = _write_everything(signed_in, ANA.subject, "ana private words")
    _write_everything(signed_in, BEN.subject, "ben private words")
    for mine, theirs in ((ANA.subject, "ben"), (BEN.subject, "ana")):
        listed = [
            *(c.note for c in recent_check_ins(signed_in, mine)),
            *known_tags(signed_in, mine),
            *(t.text for c in store.list_conversations(signed_in, mine) for t in store.load_turns(signed_in, mine, c.id)),
        ]  # fmt: skip
        assert listed and not any(theirs in text for text in listed)
        assert len(list_runs(signed_in, mine)) == 1 and len(assessment_history(signed_in, mine)) == 1
        assert len(load_tracking_data(signed_in, mine).check_ins) == 1
    with pytest.raises(CheckInNotFound):
        get_check_in(signed_in, BEN.subject, ana["check_in"])
    with pytest.raises(store.ConversationNotFound):
        store.load_turns(signed_in, BEN.subject, ana["conversation"])
    with pytest.raises(store.ConversationNotFound):
        store.save_turn(signed_in, BEN.subject, ana["conversation"], "user", "writing into Ana's chat")
    with pytest.raises(ExportNotFound):
        export_conversation(signed_in, ana["conversation"], person=BEN.subject)
    with pytest.raises(RunNotFound):
        get_run(signed_in, BEN.subject, ana["run"])
    assert [c.id for c in exportable_conversations(signed_in, BEN.subject)] != [ana["conversation"]]


def test_a_report_holds_only_its_owners_records(signed_in):
    record_check_in(signed_in, ANA.subject, CheckInEntry(mood=3, note="ana"))
    ana = build_report(signed_in, ANA.subject, OPTIONS, library=Library()).markdown
    ben = build_report(signed_in, BEN.subject, OPTIONS, library=Library()).markdown
    assert "No mood check-ins in this period." in ben
    assert "No mood check-ins in this period." not in ana


def test_a_clinician_is_an_owner_of_their_own_records_only(signed_in):
    _write_everything(signed_in, ANA.subject, "ana private words")
    assert recent_check_ins(signed_in, RIVERA.subject) == []
    assert store.list_conversations(signed_in, RIVERA.subject) == []


def test_deleting_my_data_removes_me_and_only_me(signed_in):
    _write_everything(signed_in, ANA.subject, "ana")
    _write_everything(signed_in, BEN.subject, "ben")
    delete_my_data(signed_in, ANA)
    with pytest.raises(OwnerRequired):
        recent_check_ins(signed_in, ANA.subject)
    assert len(recent_check_ins(signed_in, BEN.subject)) == 1
    assert row_counts(signed_in)["check_ins"] == 1 and row_counts(signed_in)["chat_turns"] == 2


def test_crisis_help_still_shows_when_there_is_no_owner_to_read_a_safety_plan_for(signed_in):
    from haven.exercises import crisis_help

    response = crisis_help(signed_in, "", triage=None)
    assert response.helplines and response.safety_plan == []


def test_a_run_cannot_be_handed_to_another_person(signed_in):
    from haven.exercises.runs import update_run

    run = create_run(signed_in, ANA.subject, "box-breathing")
    with session_scope(signed_in) as session:
        ben_id = session.scalar(select(Person.id).where(Person.subject == BEN.subject))
    with pytest.raises(TypeError):
        update_run(signed_in, ANA.subject, run.id, person_id=ben_id)
    assert list_runs(signed_in, BEN.subject) == [] and len(list_runs(signed_in, ANA.subject)) == 1


def test_the_command_line_in_clinic_mode_says_why_it_cannot_act(signed_in, monkeypatch, capsys, tmp_path):
    from haven import cli

    monkeypatch.setattr("sys.argv", ["haven", "export", "--out", str(tmp_path / "everything.json")])
    with pytest.raises(SystemExit) as stopped:
        cli.main()
    assert stopped.value.code == 2 and "clinic mode" in capsys.readouterr().err
    assert not (tmp_path / "everything.json").exists()
