"""Builders shared by the chat tests, the benchmark and notebooks: the real searcher without Chroma."""

from __future__ import annotations

import numpy as np


def build_searcher(library):
    """The real hybrid searcher (LibrarySearch) over every passage of ``library``, held in memory."""
    from haven.retrieval.chunking import chunk_document
    from haven.retrieval.search import LibrarySearch

    passages, probe_texts, owners = [], [], []
    for doc in library.documents():
        source = "/".join(library.paths[doc.id].parts[-2:])
        doc_passages, probes = chunk_document(doc, source)
        index = {p.chunk_id: len(passages) + i for i, p in enumerate(doc_passages)}
        passages += doc_passages
        probe_texts += [p.text for p in probes]
        owners += [index[p.chunk_id] for p in probes]
    return LibrarySearch(passages, probe_vectors(probe_texts), np.asarray(owners, dtype=np.int64))


def probe_vectors(texts: list[str]) -> np.ndarray:
    """The probes' embeddings, computed once per machine for these texts and this model, not once per process.

    Why: embedding every probe of the library is about half a minute of CPU on two cores, and the chat, fault
    and page tests each build a searcher, in every pytest-xdist worker and every benchmark run. ``embed_kept``
    keeps the vectors on disk under a digest of the texts and the model (a changed passage embeds afresh, the
    vectors are exactly ``embed``'s); the lock makes a second process wait for the first one's file instead of
    embedding the same texts beside it.
    """
    from filelock import FileLock

    from haven.retrieval.embeddings import embed_kept, kept_dir

    kept_dir().mkdir(parents=True, exist_ok=True)
    with FileLock(kept_dir() / "library-probes.lock"):
        return embed_kept(texts, "library-probes")


def play(service, *messages: str, person: str = "me"):
    """Each message in turn in one conversation through the chat service; the replies."""
    replies, conversation_id = [], None
    for text in messages:
        reply = service.respond(person, text, conversation_id)
        conversation_id = reply.conversation_id
        replies.append(reply)
    return replies
