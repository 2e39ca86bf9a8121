"""Builders shared by the chat tests, the benchmark and notebooks: the real searcher without Chroma."""

from __future__ import annotations

import numpy as np


def build_searcher(library):
    """The real hybrid searcher (LibrarySearch) over every passage of ``library``, held in memory."""
    from haven.retrieval.chunking import chunk_document
    from haven.retrieval.embeddings import embed
    from haven.retrieval.search import LibrarySearch

    passages, probe_texts, owners = [], [], []
    for doc in library.documents():
        source = "/".join(library.paths[doc.id].parts[-2:])
        doc_passages, probes = chunk_document(doc, source)
        index = {p.chunk_id: len(passages) + i for i, p in enumerate(doc_passages)}
        passages += doc_passages
        probe_texts += [p.text for p in probes]
        owners += [index[p.chunk_id] for p in probes]
    return LibrarySearch(passages, embed(probe_texts), np.asarray(owners, dtype=np.int64))
