"""A library searcher built on first use, and tried again a while after a failure.

Why: the chat service is built before anyone writes, but the library index may be missing, half-built by
an ingest that failed, or on a Chroma server that is down. Building the searcher eagerly made those faults
stop the whole chat, crisis help included. Deferred, a broken index only makes :meth:`search` raise, which
the chat service treats as "no passages" for that turn. It is tried again after ``retry_after`` seconds,
not on every message, since building may mean an ingest that takes a while to fail.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from haven.retrieval.types import Hit

RETRY_AFTER = 60.0


class DeferredSearch:
    """Stands in for :class:`~haven.retrieval.search.LibrarySearch` until the real one can be built."""

    def __init__(self, build: Callable[[], object], retry_after: float = RETRY_AFTER) -> None:
        self._build = build
        self._retry_after = retry_after
        self._searcher = None
        self._failure: tuple[float, Exception] | None = None
        self._lock = threading.Lock()

    def searcher(self):
        """The real searcher, built now if need be; raises what building raised (e.g. IndexUnavailable)."""
        with self._lock:
            if self._searcher is not None:
                return self._searcher
            if self._failure is not None and time.monotonic() - self._failure[0] < self._retry_after:
                raise self._failure[1]
            try:
                self._searcher = self._build()
            except Exception as error:
                self._failure = (time.monotonic(), error)
                raise
            self._failure = None
            return self._searcher

    def search(self, query: str, k: int = 5) -> list[Hit]:
        """The library's best passages for ``query``; raises when the index cannot be opened."""
        return self.searcher().search(query, k=k)
