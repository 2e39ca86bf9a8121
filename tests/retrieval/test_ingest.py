"""Ingestion is incremental: only documents whose content changed are embedded again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from haven.config import PROJECT_ROOT, Settings
from haven.content.loader import load_library
from haven.retrieval.index import ingest, is_current, library_collection
from haven.retrieval.search import LibrarySearch


@pytest.fixture()
def small_library(tmp_path: Path):
    """A copy of three real documents, so the test can change files freely."""
    for sub, names in {"exercises": ["box-breathing.yaml", "worry-time.yaml"], "knowledge": ["panic-attacks.md"]}.items():
        (tmp_path / sub).mkdir()
        for name in names:
            shutil.copy(PROJECT_ROOT / sub / name, tmp_path / sub / name)
    settings = Settings(data_dir=tmp_path / "data", library_dir=tmp_path, collection="test-ingest")
    return tmp_path, settings


def test_ingest_embeds_only_what_changed(small_library):
    root, settings = small_library
    lib = load_library(root / "exercises", root / "knowledge")
    first = ingest(lib, settings=settings)
    assert sorted(first.added) == ["box-breathing", "panic-attacks", "worry-time"] and first.probes > 0

    again = ingest(load_library(root / "exercises", root / "knowledge"), settings=settings)
    assert (again.added, again.updated, again.removed, again.probes) == ([], [], [], 0)
    assert again.unchanged == 3

    path = root / "exercises" / "worry-time.yaml"
    path.write_text(path.read_text().replace("Worry time", "Worry time, postponed", 1))
    (root / "knowledge" / "panic-attacks.md").unlink()
    lib = load_library(root / "exercises", root / "knowledge")
    assert not is_current(lib, settings=settings)
    third = ingest(lib, settings=settings)
    assert third.updated == ["worry-time"] and third.removed == ["panic-attacks"] and third.unchanged == 1
    assert is_current(lib, settings=settings)

    searcher = LibrarySearch.from_collection(library_collection(settings))
    assert {p.doc_id for p in searcher.passages} == {"box-breathing", "worry-time"}
    assert searcher.search("postponed worries", k=1)[0].title.startswith("Worry time")


def test_rebuild_re_embeds_everything(small_library):
    root, settings = small_library
    lib = load_library(root / "exercises", root / "knowledge")
    ingest(lib, settings=settings)
    rebuilt = ingest(lib, settings=settings, rebuild=True)
    assert len(rebuilt.added) == 3 and rebuilt.unchanged == 0


def test_progress_is_reported_for_every_document(small_library):
    root, settings = small_library
    seen = []
    ingest(load_library(root / "exercises", root / "knowledge"), settings=settings, progress=lambda n, total, d: seen.append((n, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_a_fresh_data_folder_reuses_the_kept_vectors_and_a_changed_document_embeds_afresh(
    small_library, tmp_path, monkeypatch
):
    """The library's vectors are kept in the cache folder (never the person's data): a second data folder
    builds its index without the model, with the same vectors; an edited document is embedded again."""
    import numpy as np

    from haven.retrieval import embeddings

    root, settings = small_library
    monkeypatch.setattr(embeddings, "kept_dir", lambda: tmp_path / "kept")
    ingest(load_library(root / "exercises", root / "knowledge"), settings=settings)
    first = library_collection(settings).get(include=["embeddings"])

    asked: list[list[str]] = []
    real_embed = embeddings.embed
    monkeypatch.setattr(embeddings, "embed", lambda texts: asked.append(list(texts)) or real_embed(texts))
    second_settings = Settings(data_dir=tmp_path / "second-data", library_dir=root, collection="test-ingest")
    report = ingest(load_library(root / "exercises", root / "knowledge"), settings=second_settings)
    assert len(report.added) == 3 and asked == []
    second = library_collection(second_settings).get(include=["embeddings"])
    by_id = dict(zip(first["ids"], first["embeddings"], strict=True))
    for probe_id, vector in zip(second["ids"], second["embeddings"], strict=True):
        np.testing.assert_array_equal(vector, by_id[probe_id])

    path = root / "exercises" / "worry-time.yaml"
    path.write_text(path.read_text().replace("Worry time", "Worry time, postponed", 1))
    third_settings = Settings(data_dir=tmp_path / "third-data", library_dir=root, collection="test-ingest")
    ingest(load_library(root / "exercises", root / "knowledge"), settings=third_settings)
    assert len(asked) == 1 and any("postponed" in text for text in asked[0])
