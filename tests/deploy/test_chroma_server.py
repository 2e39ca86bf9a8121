"""Retrieval against a Chroma server (HAVEN_CHROMA_URL) gives the same answers as the embedded store."""

from __future__ import annotations

from haven.config import Settings
from haven.content.loader import load_default_library
from haven.retrieval.index import ingest, library_collection
from haven.retrieval.search import LibrarySearch

QUERIES = ["I can't stop worrying about money", "my heart is racing", "I lie awake at night", "what is CBT"]


def test_server_index_matches_embedded(chroma_server, library_search, tmp_path):
    settings = Settings(data_dir=tmp_path, chroma_url=chroma_server.url, collection="haven-server-test")
    library = load_default_library()
    first = ingest(library, settings=settings)
    assert len(first.added) == len(list(library.documents()))
    again = ingest(library, settings=settings)
    assert again.probes == 0 and again.unchanged == len(first.added)

    served = LibrarySearch.from_collection(library_collection(settings))
    for query in QUERIES:
        assert [h.doc_id for h in served.search(query, k=3)] == [h.doc_id for h in library_search.search(query, k=3)]
