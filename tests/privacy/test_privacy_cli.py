"""`haven export`, `haven import`, `haven delete`: the same services, with a hidden passphrase prompt."""

from __future__ import annotations

import json

from privacy_data import PASSPHRASE, SECRET_WORD
from typer.testing import CliRunner

from haven.cli import app
from haven.privacy import export_document, set_passphrase
from haven.storage import crypto
from haven.storage.db import close_engines, get_engine

runner = CliRunner()


def _as_new_process() -> None:
    """Forget the engine and the passphrase, as a fresh `haven` process would start."""
    close_engines()
    crypto.remember_passphrase(None)


def test_export_delete_import_round_trip(populated, tmp_path):
    out, csv_out = tmp_path / "out" / "haven.json", tmp_path / "check-ins.csv"
    result = runner.invoke(app, ["export", "--out", str(out), "--csv", str(csv_out)])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["counts"]["check_ins"] == 14 and summary["out"] == str(out)
    assert SECRET_WORD in csv_out.read_text(encoding="utf-8")
    before = {k: v for k, v in json.loads(out.read_text(encoding="utf-8")).items() if k != "exported_at"}

    result = runner.invoke(app, ["delete", "--yes"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["deleted"]["check_ins"] == 14

    result = runner.invoke(app, ["import", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["total_added"] == sum(before["counts"].values())
    again = runner.invoke(app, ["import", str(out)])
    assert json.loads(again.stdout)["total_added"] == 0
    after = {k: v for k, v in export_document(get_engine()).items() if k != "exported_at"}
    assert after == before


def test_delete_without_yes_asks_for_the_word(populated):
    refused = runner.invoke(app, ["delete"], input="delete\n")
    assert refused.exit_code == 1 and "Nothing was deleted" in refused.stderr
    assert export_document(get_engine())["counts"]["check_ins"] == 14
    confirmed = runner.invoke(app, ["delete"], input="DELETE\n")
    assert confirmed.exit_code == 0, confirmed.output
    assert export_document(get_engine())["counts"]["check_ins"] == 0


def test_a_bad_file_exits_2_naming_where(populated, tmp_path):
    good = export_document(populated)
    good["check_ins"][3]["mood"] = "awful"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(good), encoding="utf-8")
    result = runner.invoke(app, ["import", str(bad)])
    assert result.exit_code == 2
    assert "check_ins[3].mood: Input should be a valid integer (found 'awful')" in result.stderr
    missing = runner.invoke(app, ["import", str(tmp_path / "nowhere.json")])
    assert missing.exit_code == 2 and "cannot be read" in missing.stderr


def test_an_encrypted_database_asks_for_the_passphrase(populated, tmp_path):
    set_passphrase(PASSPHRASE)
    _as_new_process()
    wrong = runner.invoke(app, ["export", "--out", str(tmp_path / "x.json")], input="not it at all\n")
    assert wrong.exit_code == 1
    assert "does not open" in wrong.stderr and "haven.db" in wrong.stderr
    assert not (tmp_path / "x.json").exists()
    _as_new_process()
    right = runner.invoke(app, ["export", "--out", str(tmp_path / "x.json")], input=PASSPHRASE + "\n")
    assert right.exit_code == 0, right.output
    assert json.loads(right.stdout)["counts"]["check_ins"] == 14


def test_haven_passphrase_is_used_without_asking(populated, tmp_path, monkeypatch):
    from haven.config import get_settings

    set_passphrase(PASSPHRASE)
    _as_new_process()
    monkeypatch.setenv("HAVEN_PASSPHRASE", PASSPHRASE)
    get_settings.cache_clear()
    result = runner.invoke(app, ["export", "--out", str(tmp_path / "x.json")], input="")
    assert result.exit_code == 0, result.output
    monkeypatch.setenv("HAVEN_PASSPHRASE", "wrong passphrase here")
    get_settings.cache_clear()
    _as_new_process()
    result = runner.invoke(app, ["delete", "--yes"])
    assert result.exit_code == 1 and "does not open" in result.stderr
