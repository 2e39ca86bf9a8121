"""PostgreSQL row-level security, the defence in depth under the services' own scoping.

A throw-away PostgreSQL on loopback, opened in clinic mode as an ordinary role (a superuser is refused:
row-level security never binds one). Ana, Ben and two clinicians write and share through the real services;
then queries that FORGET every owner filter (``SELECT * FROM check_ins`` as it were) are run with only the
transaction's owner set, the way a buggy service would. Each sees only its owner's rows and what was shared
with them, writes into someone else's rows change nothing, and with no owner at all nothing is seen.
"""

from __future__ import annotations

import re
import uuid
from datetime import date, timedelta

import pytest
from clinic_data import ANA, BEN, NOLAN, RIVERA
from sqlalchemy import delete, select, update
from sqlalchemy.exc import DBAPIError

from haven.chat import store
from haven.clinic.audit import access_log
from haven.clinic.errors import NotShared
from haven.clinic.people import delete_my_data, person_for
from haven.clinic.reviews import conversation_for_review, my_reviews, publish, publishable, save_review
from haven.clinic.sharing import (
    open_shared_conversation,
    open_shared_report,
    revoke_share,
    share_conversation,
    share_report,
)
from haven.content.loader import Library
from haven.exercises.runs import create_run
from haven.reports import ReportOptions
from haven.reviews.models import TurnMark, Verdict, review_pairs
from haven.storage.db import get_engine, make_engine, session_scope
from haven.storage.models import (
    AccessEntry,
    AssessmentResult,
    ChatTurn,
    CheckIn,
    Conversation,
    ConversationReview,
    ExerciseRun,
    Person,
    Share,
)
from haven.storage.owners import set_row_owner
from haven.storage.row_security import (
    PROTECTED_TABLES,
    RowSecurityBypassed,
    enable_row_security,
    tables_without_row_security,
)
from haven.tracking.assessments import save_assessment
from haven.tracking.checkins import CheckInEntry, record_check_in
from haven.tracking.scoring import score

OPTIONS = ReportOptions(start=date.today() - timedelta(days=7), end=date.today())
PER_PERSON = [CheckIn, Conversation, ChatTurn, ExerciseRun, AssessmentResult]


@pytest.fixture
def clinic_pg(postgres_server, data_dir, monkeypatch, request):
    """Haven in clinic mode on a fresh PostgreSQL database, connected as an ordinary role."""
    from haven.config import get_settings

    name = f"c_{re.sub(r'[^a-z0-9]', '_', request.node.name.lower())[:30]}_{uuid.uuid4().hex[:6]}"
    url = postgres_server.create_app_database(name)
    monkeypatch.setenv("HAVEN_MODE", "clinic")
    monkeypatch.setenv("HAVEN_DATABASE_URL", url)
    get_settings.cache_clear()
    get_engine.cache_clear()
    engine = get_engine()  # what the app does: migrate, then switch row-level security on
    yield engine
    engine.dispose()
    get_engine.cache_clear()
    get_settings.cache_clear()


@pytest.fixture
def populated(clinic_pg):
    """Everyone signed in; Ana and Ben each wrote one of everything; Ana shares her report and one
    conversation with Dr Rivera, and keeps a second conversation to herself."""
    engine = clinic_pg
    for identity in (ANA, BEN, RIVERA, NOLAN):
        person_for(engine, identity)
    ids = {}
    for who in (ANA, BEN):
        record_check_in(engine, who.subject, CheckInEntry(mood=4, note=f"{who.name} private note"))
        conversations = []
        for words in ("shared words", "private words"):
            conversation = store.create_conversation(engine, who.subject)
            store.save_turn(engine, who.subject, conversation, "user", f"{who.name} {words}")
            conversations.append(conversation)
        create_run(engine, who.subject, "box-breathing")
        save_assessment(engine, who.subject, score("gad7", [1] * 7))
        ids[who.subject] = conversations
    report = share_report(engine, ANA, RIVERA.subject, OPTIONS)
    conversation = share_conversation(engine, ANA, RIVERA.subject, ids[ANA.subject][0])
    return {"report": report, "conversation": conversation, "conversations": ids}


def _everything(engine, owner: str | None) -> dict[str, list]:
    """Every row of every per-person table, with NO owner filter: only the transaction's owner is set."""
    with session_scope(engine) as session:
        if owner is not None:
            set_row_owner(session, owner)
        seen = {model.__tablename__: list(session.scalars(select(model))) for model in PER_PERSON}
        seen["people"] = list(session.scalars(select(Person)))
        seen["shares"] = list(session.scalars(select(Share)))
        seen["access_log"] = list(session.scalars(select(AccessEntry)))
        session.expunge_all()
        return seen


def _words(rows) -> set[str]:
    return {getattr(r, "note", None) or getattr(r, "text", None) for r in rows} - {None, ""}


def test_row_security_is_on_and_forced_on_every_table(clinic_pg):
    assert tables_without_row_security(clinic_pg) == []
    assert set(PROTECTED_TABLES) == {"people", "shares", "access_log"} | {m.__tablename__ for m in PER_PERSON} | {
        "reviews"
    }  # fmt: skip


def test_a_superuser_connection_is_refused(clinic_pg, postgres_server):
    superuser = make_engine(clinic_pg.url.set(username="haven").render_as_string(hide_password=False))
    with pytest.raises(RowSecurityBypassed):
        enable_row_security(superuser)
    superuser.dispose()


def test_a_query_that_forgets_the_owner_still_sees_only_the_owners_rows(populated, clinic_pg):
    ana, ben = _everything(clinic_pg, ANA.subject), _everything(clinic_pg, BEN.subject)
    for model in PER_PERSON:
        name = model.__tablename__
        assert ana[name] and ben[name]
        assert not {r.id for r in ana[name]} & {r.id for r in ben[name]}, name
    assert _words(ana["check_ins"]) == {"Ana Lopez private note"}
    assert _words(ben["chat_turns"]) == {"Ben Okafor shared words", "Ben Okafor private words"}
    assert {p.subject for p in ana["people"]} == {ANA.subject, RIVERA.subject, NOLAN.subject}  # clinicians: to pick
    assert {p.subject for p in ben["people"]} == {BEN.subject, RIVERA.subject, NOLAN.subject}
    assert len(ana["shares"]) == 2 and ben["shares"] == []


def test_with_no_owner_set_nothing_personal_is_seen(populated, clinic_pg):
    nobody = _everything(clinic_pg, None)
    assert all(nobody[name] == [] for name in ("check_ins", "conversations", "chat_turns", "exercise_runs",
                                               "assessments", "shares", "access_log"))  # fmt: skip
    assert {p.role for p in nobody["people"]} == {"clinician"}


def test_a_clinician_sees_only_what_is_shared_even_without_filters(populated, clinic_pg):
    rivera, nolan = _everything(clinic_pg, RIVERA.subject), _everything(clinic_pg, NOLAN.subject)
    assert _words(rivera["chat_turns"]) == {"Ana Lopez shared words"}  # not her private one, nothing of Ben's
    assert _words(rivera["check_ins"]) == {"Ana Lopez private note"}  # the report is shared: its data
    assert {p.subject for p in rivera["people"]} == {ANA.subject, RIVERA.subject, NOLAN.subject}
    assert all(nolan[m.__tablename__] == [] for m in PER_PERSON)
    revoke_share(clinic_pg, ANA, populated["report"].id)
    revoke_share(clinic_pg, ANA, populated["conversation"].id)
    after = _everything(clinic_pg, RIVERA.subject)
    assert all(after[m.__tablename__] == [] for m in PER_PERSON)
    assert ANA.subject not in {p.subject for p in after["people"]}


def test_writes_without_a_filter_touch_only_the_owners_rows(populated, clinic_pg):
    with session_scope(clinic_pg) as session:
        set_row_owner(session, BEN.subject)
        session.execute(update(CheckIn).values(note="overwritten"))
        session.execute(delete(ChatTurn))
    assert _words(_everything(clinic_pg, ANA.subject)["check_ins"]) == {"Ana Lopez private note"}
    assert len(_everything(clinic_pg, ANA.subject)["chat_turns"]) == 2
    ana_id = _everything(clinic_pg, ANA.subject)["people"]
    ana_id = next(p.id for p in ana_id if p.subject == ANA.subject)
    with pytest.raises(DBAPIError, match="row-level security"), session_scope(clinic_pg) as session:
        set_row_owner(session, BEN.subject)
        session.add(CheckIn(person_id=ana_id, mood=1, note="written into Ana's journal"))
        session.flush()
    with pytest.raises(DBAPIError, match="row-level security"), session_scope(clinic_pg) as session:
        set_row_owner(session, RIVERA.subject)  # a clinician may read the shared report, never write into it
        session.add(CheckIn(person_id=ana_id, mood=1, note="a clinician's note"))
        session.flush()
    with pytest.raises(DBAPIError, match="row-level security"), session_scope(clinic_pg) as session:
        set_row_owner(session, NOLAN.subject)  # an audit entry for a share that is not theirs
        session.add(AccessEntry(person_subject=ANA.subject, clinician_subject=NOLAN.subject, clinician_name="x",
                                share_id=populated["report"].id, kind="report", what="forged"))  # fmt: skip
        session.flush()
    assert access_log(clinic_pg, ANA) == []


def test_the_services_work_under_row_security(populated, clinic_pg):
    report = open_shared_report(clinic_pg, RIVERA, populated["report"].id, library=Library())
    assert "No mood check-ins in this period." not in report.markdown
    opened = open_shared_conversation(clinic_pg, RIVERA, populated["conversation"].id)
    assert [t.text for t in opened.turns] == ["Ana Lopez shared words"]
    assert [e.kind for e in access_log(clinic_pg, ANA)] == ["conversation", "report"]
    revoke_share(clinic_pg, ANA, populated["conversation"].id)
    with pytest.raises(NotShared):
        open_shared_conversation(clinic_pg, RIVERA, populated["conversation"].id)
    delete_my_data(clinic_pg, ANA)
    left = _everything(clinic_pg, BEN.subject)
    assert len(left["check_ins"]) == 1 and _everything(clinic_pg, RIVERA.subject)["shares"] == []


def test_the_clinician_review_works_under_row_security(clinic_pg, tmp_path):
    for identity in (ANA, RIVERA, NOLAN):
        person_for(clinic_pg, identity)
    conversation = store.create_conversation(clinic_pg, ANA.subject)
    store.save_turn(clinic_pg, ANA.subject, conversation, "user", "i can't sleep, ana here")
    store.save_turn(clinic_pg, ANA.subject, conversation, "assistant", "That sounds tiring.")
    share = share_conversation(clinic_pg, ANA, RIVERA.email, conversation)
    export = conversation_for_review(clinic_pg, RIVERA, share.id)
    (pair,) = review_pairs(export)
    mark = TurnMark(Verdict.UNHELPFUL, better_reply="Sleep trouble is hard. Want to try a wind-down routine?",
                    approved=True)  # fmt: skip
    stored = save_review(clinic_pg, RIVERA, share.id, {pair.index: mark})
    path = publish(clinic_pg, RIVERA, stored.id, publishable(clinic_pg, RIVERA, stored.id), directory=tmp_path)
    assert "ana" not in path.read_text(encoding="utf-8").lower()
    assert _words(_everything(clinic_pg, NOLAN.subject)["chat_turns"]) == set()
    with session_scope(clinic_pg) as session:  # the review quotes Ana: Nolan's unfiltered query finds nothing
        set_row_owner(session, NOLAN.subject)
        assert session.scalars(select(ConversationReview)).all() == []
    revoke_share(clinic_pg, ANA, share.id)
    assert my_reviews(clinic_pg, RIVERA) == []
    with session_scope(clinic_pg) as session:
        set_row_owner(session, RIVERA.subject)
        assert session.scalars(select(ConversationReview)).all() == []
