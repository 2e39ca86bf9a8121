"""The index snapshot: a start reads the library index without Chroma while the files are unchanged, and a
changed, added or missing file, or a deleted index, still takes the slow path that brings the index in step."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from haven.config import PROJECT_ROOT, Settings
from haven.retrieval import index, snapshot
from haven.retrieval.search import build_library_search, index_is_current


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Two real exercises and one real article in a library of their own, with their own index."""
    for sub, names in {"exercises": ["box-breathing.yaml", "worry-time.yaml"], "knowledge": ["panic-attacks.md"]}.items():
        (tmp_path / sub).mkdir()
        for name in names:
            shutil.copy(PROJECT_ROOT / sub / name, tmp_path / sub / name)
    return Settings(data_dir=tmp_path / "data", library_dir=tmp_path, collection="snapshot-tests")


def _no_chroma(monkeypatch) -> None:
    def refuse(*_args, **_kwargs):
        raise AssertionError("Chroma was opened")

    monkeypatch.setattr(index, "chroma_client", refuse)


def _texts(searcher) -> dict[str, str]:
    return {p.chunk_id: p.text for p in searcher.passages}


def test_a_second_start_reads_the_snapshot_without_opening_chroma_and_finds_the_same(settings, monkeypatch):
    first = build_library_search(settings=settings)
    assert snapshot.path_for(settings).is_file()
    _no_chroma(monkeypatch)
    second = build_library_search(settings=settings)
    assert _texts(second) == _texts(first) and len(first.passages) > 3
    query = "my heart races and I think I'm dying"
    assert [h.doc_id for h in second.search(query, k=3)] == [h.doc_id for h in first.search(query, k=3)]
    from haven.content.loader import load_library

    assert index_is_current(load_library(settings.exercises_dir, settings.knowledge_dir), settings)


def test_an_edited_file_is_noticed_and_embedded_and_the_snapshot_follows(settings, monkeypatch):
    build_library_search(settings=settings)
    path = settings.exercises_dir / "worry-time.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Worry time", "Worry window", 1), encoding="utf-8")
    assert snapshot.read(settings) is None  # the files no longer match what the snapshot was taken of
    rebuilt = build_library_search(settings=settings)
    assert any(p.title == "Worry window" for p in rebuilt.passages)
    _no_chroma(monkeypatch)
    again = build_library_search(settings=settings)
    assert _texts(again) == _texts(rebuilt)


def test_an_added_and_a_removed_file_are_noticed(settings):
    build_library_search(settings=settings)
    (settings.knowledge_dir / "panic-attacks.md").unlink()
    assert not any(p.doc_id == "panic-attacks" for p in build_library_search(settings=settings).passages)
    shutil.copy(PROJECT_ROOT / "exercises" / "grounding-54321.yaml", settings.exercises_dir)
    assert any(p.doc_id == "grounding-54321" for p in build_library_search(settings=settings).passages)


def test_a_deleted_index_is_rebuilt_not_served_from_a_stale_copy(settings):
    first = build_library_search(settings=settings)
    shutil.rmtree(settings.chroma_path)  # the snapshot lives inside it and goes with it
    assert snapshot.read(settings) is None
    rebuilt = build_library_search(settings=settings)
    assert _texts(rebuilt) == _texts(first)
    assert index.library_collection(settings).count() > 0


def test_an_ingest_that_changes_the_index_removes_the_snapshot_first(settings):
    from haven.content.loader import load_library

    build_library_search(settings=settings)
    index.ingest(load_library(settings.exercises_dir, settings.knowledge_dir), settings=settings, rebuild=True)
    assert not snapshot.path_for(settings).exists()


def test_a_damaged_snapshot_is_a_miss_not_an_error(settings):
    first = build_library_search(settings=settings)
    snapshot.path_for(settings).write_bytes(b"not a snapshot")
    assert snapshot.read(settings) is None
    assert _texts(build_library_search(settings=settings)) == _texts(first)
    assert snapshot.read(settings) is not None  # written again


def test_a_chroma_server_keeps_no_snapshot(settings):
    assert snapshot.path_for(settings.model_copy(update={"chroma_url": "http://127.0.0.1:9"})) is None
