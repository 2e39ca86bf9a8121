"""A total deadline for one HTTP reply from a model server.

Why: the HTTP clients LangChain uses (httpx, under ChatOpenAI and ChatOllama) only time out a single read.
A server that sends one byte every two seconds never trips that, and a person would wait for ever. This
transport checks the clock each time bytes arrive and breaks the connection once the reply as a whole has
taken longer than its deadline; the LLM engine then says the model took too long and the guide answers.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx


class DeadlineTransport(httpx.BaseTransport):
    """An httpx transport whose every response must be read in full within ``seconds`` of the request."""

    def __init__(self, seconds: float, inner: httpx.BaseTransport | None = None) -> None:
        self.seconds = seconds
        self.inner = inner or httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        ends = time.monotonic() + self.seconds
        response = self.inner.handle_request(request)
        response.stream = _DeadlineStream(response.stream, ends, self.seconds)
        return response

    def close(self) -> None:
        self.inner.close()


class _DeadlineStream(httpx.SyncByteStream):
    """The body of a response, cut off (with a ReadTimeout) once its deadline has passed."""

    def __init__(self, stream, ends: float, seconds: float) -> None:
        self._stream = stream
        self._ends = ends
        self._seconds = seconds

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._stream:
            if time.monotonic() > self._ends:
                raise httpx.ReadTimeout(f"the reply took longer than {self._seconds:g} s in all")
            yield chunk

    def close(self) -> None:
        close = getattr(self._stream, "close", None)
        if close is not None:
            close()


def deadline_client(seconds: float, read_timeout: float) -> httpx.Client:
    """An httpx client for a model server: each read within ``read_timeout``, each reply within ``seconds``."""
    return httpx.Client(transport=DeadlineTransport(seconds), timeout=read_timeout)
