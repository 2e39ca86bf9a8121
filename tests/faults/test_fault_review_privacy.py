"""A clinician's review quotes the person word for word: it must stay in their (encrypted) database, go with
their export and their delete, and reach the shared library only de-identified, by an explicit step."""

from __future__ import annotations

import json
import os

from typer.testing import CliRunner

from haven.cli import app
from haven.reviews import export_conversation
from haven.storage.db import get_engine, get_or_create_person, session_scope
from haven.storage.models import ChatTurn, Conversation

runner = CliRunner()
SECRET = "Quetzalcoatlus"
PASSPHRASE = "correct horse battery"


def _conversation(engine) -> int:
    with session_scope(engine) as session:
        conversation = Conversation(person_id=get_or_create_person(session, "me").id, title=f"{SECRET} and me")
        conversation.turns = [
            ChatTurn(role="user", text=f"My name is Priya, I work at {SECRET} Ltd, call me on 07700 900123"),
            ChatTurn(role="assistant", text="That sounds like a lot.", engine="guide"),
        ]
        session.add(conversation)
        session.flush()
        return conversation.id


def _files_holding(root, word: str) -> list[str]:
    found = []
    for folder, _dirs, files in os.walk(root):
        for name in files:
            with open(os.path.join(folder, name), "rb") as handle:
                if word.encode() in handle.read():
                    found.append(os.path.relpath(os.path.join(folder, name), root))
    return found


def test_a_review_stays_in_the_encrypted_database_until_published_de_identified(data_dir, tmp_path, monkeypatch):
    from haven.privacy import set_passphrase

    library = tmp_path / "library-reviewed"
    monkeypatch.setenv("HAVEN_REVIEWED_DIR", str(library))
    engine = get_engine()
    conversation_id = _conversation(engine)
    exported = tmp_path / "handed-to-the-clinician" / "conversation.json"
    exported.parent.mkdir()
    exported.write_text(export_conversation(engine, conversation_id).to_json(), encoding="utf-8")
    set_passphrase(PASSPHRASE)

    marks = "u\nToo brief.\nThat is a lot to carry. What would help most right now?\ny\n"
    result = runner.invoke(app, ["review", str(exported), "--reviewer", "Dr Sam Example"], input=marks)
    assert result.exit_code == 0, result.output
    exported.unlink()  # the clinician's copy is theirs to delete; what matters is what Haven wrote
    assert _files_holding(tmp_path, SECRET) == []  # in the database only, and that is encrypted
    assert not library.exists()

    result = runner.invoke(app, ["review", "--publish", "1", "--yes"])
    assert result.exit_code == 0, result.output
    (published,) = library.iterdir()
    text = published.read_text(encoding="utf-8")
    for private in (SECRET, "Priya", "07700", "Too brief"):
        assert private not in text, private
    assert "What would help most right now?" in text

    document = tmp_path / "export.json"
    assert runner.invoke(app, ["export", "--out", str(document)]).exit_code == 0
    assert json.loads(document.read_text(encoding="utf-8"))["counts"]["reviews"] == 1  # goes with their data
    assert runner.invoke(app, ["delete", "--yes"]).exit_code == 0
    result = runner.invoke(app, ["review", "--summary"])
    assert json.loads(result.stdout)["turns_reviewed"] == 0  # and goes with their delete
