"""Faults in the library's input: a huge file, a paragraph with no breaks, more passages than Chroma takes in
one call, an ingest under a running chat, and two files claiming one id."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from haven.config import PROJECT_ROOT, Settings
from haven.content.loader import MAX_FILE_BYTES, load_library
from haven.content.validate import validate_library
from haven.retrieval import index
from haven.retrieval.index import chroma_client, ingest, library_collection
from haven.retrieval.search import LibrarySearch

ARTICLE = "\n".join(
    "related_exercises: [box-breathing]" if line.startswith("related_exercises:") else line
    for line in (PROJECT_ROOT / "knowledge" / "panic-attacks.md").read_text(encoding="utf-8").splitlines()
) + "\n"  # fmt: skip


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    """Two real exercises and one real article, to change freely."""
    for sub, names in {"exercises": ["box-breathing.yaml", "worry-time.yaml"], "knowledge": ["panic-attacks.md"]}.items():
        (tmp_path / sub).mkdir()
        for name in names:
            shutil.copy(PROJECT_ROOT / sub / name, tmp_path / sub / name)
    (tmp_path / "knowledge" / "panic-attacks.md").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


@pytest.fixture
def settings(library_dir: Path) -> Settings:
    return Settings(data_dir=library_dir / "data", library_dir=library_dir, collection="faults-library")


def _problems(library_dir: Path) -> list[str]:
    return [str(p) for p in validate_library(library_dir / "exercises", library_dir / "knowledge").problems]


def test_a_5_mb_article_fails_validation_unread_and_is_never_ingested(library_dir):
    huge = library_dir / "knowledge" / "huge.md"
    huge.write_text(ARTICLE.replace("id: panic-attacks", "id: huge") + ("word " * 1_000_000), encoding="utf-8")
    assert huge.stat().st_size > 5 * MAX_FILE_BYTES
    (problem,) = _problems(library_dir)
    assert problem.startswith(f"{huge}:1:") and "at most 100 KB" in problem
    assert "huge" not in load_library(library_dir / "exercises", library_dir / "knowledge").articles


def test_a_paragraph_without_breaks_is_named_at_its_line(library_dir):
    path = library_dir / "knowledge" / "panic-attacks.md"
    lines = ARTICLE.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("## ")) + 2
    lines[at:at] = ["", "calm " * 2_000, ""]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (problem,) = _problems(library_dir)
    assert problem.startswith(f"{path}:{at + 2}:") and "2,000 words" in problem


def test_an_exercise_field_without_breaks_is_named_too(library_dir):
    path = library_dir / "exercises" / "worry-time.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nsummary:", "\nsummary: " + "worry " * 1_000 + "\nold_summary:", 1), encoding="utf-8")
    problems = _problems(library_dir)
    assert any("summary: a paragraph has 1,000 words" in p for p in problems), problems


def test_ingest_adds_in_batches_no_larger_than_the_client_takes(settings, library_dir, monkeypatch):
    monkeypatch.setattr(index, "max_batch_size", lambda collection: 4)
    sizes = []
    real_add = type(library_collection(settings)).add

    def counting_add(self, *args, **kwargs):
        sizes.append(len(kwargs["ids"]))
        return real_add(self, *args, **kwargs)

    monkeypatch.setattr(type(library_collection(settings)), "add", counting_add)
    report = ingest(load_library(library_dir / "exercises", library_dir / "knowledge"), settings=settings)
    assert max(sizes) <= 4 and sum(sizes) == report.probes > 4
    assert library_collection(settings).count() == report.probes


def _view(settings: Settings) -> dict[str, str]:
    return {p.chunk_id: p.text for p in LibrarySearch.from_collection(library_collection(settings)).passages}


def test_the_chat_reads_the_previous_index_while_an_ingest_runs(settings, library_dir):
    lib = load_library(library_dir / "exercises", library_dir / "knowledge")
    ingest(lib, settings=settings)
    before = _view(settings)
    path = library_dir / "exercises" / "worry-time.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Worry time", "Worry time, postponed", 1), encoding="utf-8")
    (library_dir / "knowledge" / "panic-attacks.md").unlink()
    seen_during = []
    changed = load_library(library_dir / "exercises", library_dir / "knowledge")
    report = ingest(changed, settings=settings, progress=lambda n, total, d: seen_during.append(_view(settings)))
    assert report.updated == ["worry-time"] and report.removed == ["panic-attacks"]
    assert all(view == before for view in seen_during)  # complete and unchanged until the switch
    after = _view(settings)
    assert after != before and not any(k.startswith("panic-attacks") for k in after)
    assert any("postponed" in text for text in after.values())


def test_a_failed_ingest_leaves_the_previous_index_serving_and_nothing_half_built(settings, library_dir):
    lib = load_library(library_dir / "exercises", library_dir / "knowledge")
    ingest(lib, settings=settings)
    before = _view(settings)
    collections_before = sorted(c.name for c in chroma_client(settings).list_collections())
    path = library_dir / "exercises" / "worry-time.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Worry time", "Worry time, later", 1), encoding="utf-8")

    def killed(n, total, doc_id):
        if n == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest(load_library(library_dir / "exercises", library_dir / "knowledge"), settings=settings, progress=killed)
    assert _view(settings) == before
    assert sorted(c.name for c in chroma_client(settings).list_collections()) == collections_before


def test_a_misnamed_copy_never_replaces_the_file_named_for_the_id(library_dir):
    real = library_dir / "exercises" / "box-breathing.yaml"
    copy = library_dir / "exercises" / "a-copy-of-box-breathing.yaml"  # sorts first
    copy.write_text(real.read_text(encoding="utf-8").replace("title: ", "title: OLD COPY ", 1), encoding="utf-8")
    lib = load_library(library_dir / "exercises", library_dir / "knowledge")
    assert lib.paths["box-breathing"] == real and not lib.exercises["box-breathing"].title.startswith("OLD COPY")
    problems = [str(p) for p in lib.problems]
    assert any(p.startswith(str(copy)) and "duplicate id 'box-breathing'" in p and str(real) in p for p in problems)
    assert any(p.startswith(str(copy)) and "must match the file name" in p for p in problems)


def test_a_second_ingest_is_told_plainly_and_the_chat_serves_the_previous_index(library_dir, monkeypatch):
    from filelock import FileLock
    from typer.testing import CliRunner

    from haven.cli import app
    from haven.config import get_settings
    from haven.retrieval.search import build_library_search

    monkeypatch.setenv("HAVEN_DATA_DIR", str(library_dir / "data"))
    monkeypatch.setenv("HAVEN_LIBRARY_DIR", str(library_dir))
    monkeypatch.setenv("HAVEN_COLLECTION", "faults-cli")
    get_settings.cache_clear()
    try:
        settings = get_settings()
        ingest(load_library(settings.exercises_dir, settings.knowledge_dir), settings=settings)
        before = _view(settings)
        path = library_dir / "exercises" / "worry-time.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("Worry time", "Worry time, soon", 1), encoding="utf-8")
        with FileLock(settings.chroma_path / "ingest.lock"):  # another process is ingesting
            result = CliRunner().invoke(app, ["ingest"])
            assert result.exit_code == 1 and "Another ingest is building" in result.stderr, result.output
            assert "Traceback" not in result.output
            served = build_library_search(settings=settings)  # what the chat loads meanwhile
            assert {p.chunk_id: p.text for p in served.passages} == before
    finally:
        get_settings.cache_clear()
