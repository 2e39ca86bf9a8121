"""A library searcher built on first use and rebuilt after a failure.

Why: the chat service is built before anyone writes, but the library index may be missing, half-built by
an ingest that failed, or on a Chroma server that is down. Building the searcher eagerly made those faults
stop the whole chat, crisis help included. Deferred, a broken index only makes :meth:`search` raise, which
the chat service treats as "no passages" for that turn, and the next turn tries again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from haven.retrieval.types import Hit


class DeferredSearch:
    """Stands in for :class:`~haven.retrieval.search.LibrarySearch` until the real one can be built."""

    def __init__(self, build: Callable[[], object]) -> None:
        self._build = build
        self._searcher = None
        self._lock = threading.Lock()

    def searcher(self):
        """The real searcher, built now if need be (raises what building raises, e.g. IndexUnavailable)."""
        with self._lock:
            if self._searcher is None:
                self._searcher = self._build()
            return self._searcher

    def search(self, query: str, k: int = 5) -> list[Hit]:
        """The library's best passages for ``query``; raises when the index cannot be opened."""
        return self.searcher().search(query, k=k)
