"""The LLM engine: any LangChain chat model, grounded in the library passages it is given, checked as it streams.

Two kinds of server, both chosen by the person (``HAVEN_LLM`` or the Settings page), both usually local:
``ollama:<model>`` (ChatOllama) and ``openai:<model>`` (ChatOpenAI with a ``base_url``: llama.cpp server,
vLLM, LM Studio or a hosted API). Text is released a sentence at a time, after its citation markers are
checked and the reply so far has passed ``safety.check_output``; anything that goes wrong raises
:class:`LLMUnavailable`, and the chat service answers with the guide instead.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from haven.chat.citations import CitationChecker
from haven.chat.sanitise import clean_markdown, hosts_in, unfinished_markup
from haven.chat.types import Draft, EngineRequest

DEFAULT_BASE_URLS = {"ollama": "http://localhost:11434", "openai": "http://localhost:8080/v1"}
PROVIDERS = tuple(DEFAULT_BASE_URLS)
#: Tokens of earlier conversation sent with each turn (the passages and prompt come on top).
HISTORY_TOKENS = 1200
MAX_REPLY_TOKENS = 400
_READY = re.compile(r"^(.*(?:[.!?](?=\s)|\n))", re.S)  # everything up to the last sentence end or newline

SYSTEM_PROMPT = """You are Haven, a warm self-help guide informed by cognitive behavioural therapy (CBT).
You are not a therapist and not a doctor: never diagnose, never advise on medication, never promise a cure.
Use only the numbered library passages below for facts and techniques, and cite each one you use as [n].
If the passages do not cover something, say so briefly instead of guessing.
Reply in plain, kind, short sentences (about 60 to 150 words): reflect what the person feels, offer one idea
or exercise from the passages, and end with one gentle question.
If the person mentions danger to themselves or others, tell them to contact emergency services or a crisis line now.

Library passages:
{passages}"""


class LLMUnavailable(RuntimeError):
    """The model could not be reached, timed out, or broke off mid-reply (the message says which)."""


@dataclass(frozen=True)
class EngineSpec:
    """A parsed engine choice: 'guide', 'ollama:llama3.2' or 'openai:qwen2.5-7b-instruct'."""

    provider: str  # "guide" | "ollama" | "openai"
    model: str = ""

    @classmethod
    def parse(cls, spec: str) -> EngineSpec:
        spec = (spec or "guide").strip()
        if spec == "guide":
            return cls("guide")
        provider, _, model = spec.partition(":")
        if provider not in PROVIDERS or not model.strip():
            raise ValueError(f"unknown chat engine '{spec}': use guide, ollama:<model> or openai:<model>")
        return cls(provider, model.strip())

    def __str__(self) -> str:
        return self.provider if self.provider == "guide" else f"{self.provider}:{self.model}"


def server_url(spec: EngineSpec, base_url: str | None) -> str:
    return (base_url or "").strip() or DEFAULT_BASE_URLS.get(spec.provider, "")


def build_chat_model(spec: EngineSpec, base_url: str | None, timeout: float, max_tokens: int = MAX_REPLY_TOKENS):
    """The LangChain chat model for ``spec`` talking to ``base_url``; no retries, so a dead server fails fast.

    ``timeout`` bounds each read and also the whole reply (:mod:`haven.chat.deadline`): a server that
    trickles bytes is cut off as surely as a silent one.
    """
    from haven.chat.deadline import DeadlineTransport, deadline_client

    url = server_url(spec, base_url)
    if spec.provider == "ollama":
        from langchain_ollama import ChatOllama

        return ChatOllama(
            model=spec.model,
            base_url=url,
            temperature=0.3,
            num_predict=max_tokens,
            client_kwargs={"timeout": timeout},
            sync_client_kwargs={"transport": DeadlineTransport(timeout)},
        )
    if spec.provider == "openai":
        from langchain_openai import ChatOpenAI

        return ChatOpenAI(
            model=spec.model,
            base_url=url,
            api_key=os.environ.get("OPENAI_API_KEY") or "not-needed",
            timeout=timeout,
            http_client=deadline_client(timeout, timeout),
            max_retries=0,
            temperature=0.3,
            max_tokens=max_tokens,
        )
    raise ValueError(f"'{spec}' is not a model engine")


def _chunk_text(chunk: Any) -> str:
    """The text of a message chunk, whether its content is a string or a list of content blocks."""
    content = getattr(chunk, "content", "")
    if isinstance(content, str):
        return content
    parts = []
    for block in content or []:
        if isinstance(block, str):
            parts.append(block)
        elif isinstance(block, dict) and block.get("type") == "text":
            parts.append(str(block.get("text", "")))
    return "".join(parts)


def allowed_hosts(request: EngineRequest) -> set[str]:
    """Hosts a reply may link to: the sources of the passages it was given, and the help lines' pages."""
    urls = [str(ref.url) for hit in request.hits for ref in hit.references]
    return hosts_in([*urls, *request.help_lines])


def format_passages(request: EngineRequest) -> str:
    if not request.hits:
        return "(none found for this message)"
    return "\n\n".join(f"[{i}] {h.citation_label()}\n{h.passage}" for i, h in enumerate(request.hits, start=1))


class LLMEngine:
    """Grounded, checked replies from a LangChain chat model."""

    def __init__(
        self,
        model: Any,
        name: str,
        guard: Callable[..., Any] | None = None,
        history_tokens: int = HISTORY_TOKENS,
        server: str = "",
        deadline: float | None = None,
    ) -> None:
        self.model = model
        self.name = name
        self.server = server
        self.deadline = deadline  # seconds for the whole reply (None: no limit beyond the client's own)
        self.history_tokens = history_tokens
        if guard is None:
            from haven.safety import check_output as guard
        self.guard = guard

    def messages(self, request: EngineRequest) -> list:
        """System prompt with the passages, the recent history within the token budget, then the message."""
        from langchain_core.messages import AIMessage, HumanMessage, SystemMessage, trim_messages

        history = [
            HumanMessage(t.text) if t.role == "user" else AIMessage(t.text)
            for t in request.history
            if t.text.strip()
        ]
        if history:
            history = trim_messages(
                history,
                max_tokens=self.history_tokens,
                token_counter="approximate",
                strategy="last",
                start_on="human",
                allow_partial=False,
            )
        system = SystemMessage(SYSTEM_PROMPT.format(passages=format_passages(request)))
        return [system, *history, HumanMessage(request.text)]

    def reply(self, request: EngineRequest) -> Draft:
        draft = None
        for item in self.stream(request):
            if isinstance(item, Draft):
                draft = item
        assert draft is not None
        return draft

    def stream(self, request: EngineRequest) -> Iterator[str | Draft]:
        """Checked sentences as they form, then the finished draft. Raises LLMUnavailable on any failure.

        Each piece is cleaned of images, HTML and links to unknown hosts before it is shown (a piece never
        ends inside a link or tag), and the whole reply must finish within ``deadline`` seconds.
        """
        checker = CitationChecker(request.hits)
        hosts = allowed_hosts(request)
        shown, pending = "", ""
        ends = time.monotonic() + self.deadline if self.deadline else None
        chunks = None
        try:
            chunks = self.model.stream(self.messages(request))
            for chunk in chunks:
                if ends is not None and time.monotonic() > ends:
                    raise LLMUnavailable(f"the model did not finish its reply within {self.deadline:g} s")
                pending += _chunk_text(chunk)
                match = _READY.match(pending)
                if not match or unfinished_markup(match.group(1)):
                    continue
                ready, pending = match.group(1), pending[match.end() :]
                released = self._release(shown, clean_markdown(checker.clean(ready), hosts), request.text)
                if isinstance(released, Draft):
                    yield released
                    return
                shown += released
                yield released
        except LLMUnavailable:
            raise
        except Exception as exc:  # connection refused, timeout, HTTP error, malformed stream...
            raise LLMUnavailable(_describe(exc)) from exc
        finally:
            _close(chunks)  # hang up at once (past the deadline, or the guard took over)
        if pending:
            released = self._release(shown, clean_markdown(checker.clean(pending), hosts), request.text)
            if isinstance(released, Draft):
                yield released
                return
            shown += released
            yield released
        if not shown.strip():
            raise LLMUnavailable("the model sent an empty reply")
        yield self._draft(shown.strip(), checker)

    def _release(self, shown: str, piece: str, message: str) -> str | Draft:
        """``piece`` if the reply with it still passes the output guard; else the guard's safe reply, final."""
        result = self.guard(shown + piece, context=message)
        if getattr(result, "safe", True):
            return piece
        return Draft(text=result.text, citations=(), suggested_exercises=())

    @staticmethod
    def _draft(text: str, checker: CitationChecker) -> Draft:
        citations = checker.citations
        exercises = tuple(c.doc_id for c in citations if c.kind == "exercise")[:3]
        return Draft(text=text, citations=citations, suggested_exercises=exercises)


def _close(chunks) -> None:
    """Close a model's stream so its connection is released now, not when the generator is collected."""
    try:
        getattr(chunks, "close", lambda: None)()
    except Exception:  # noqa: BLE001 - closing is a courtesy; the turn goes on either way
        pass


def _describe(exc: BaseException) -> str:
    """A short reason a person can act on: timed out, could not connect, broke off, or the server's error."""
    chain: list[BaseException] = []
    while exc is not None and exc not in chain:
        chain.append(exc)
        exc = exc.__cause__ or exc.__context__
    words = " ".join(f"{type(e).__name__} {e}" for e in chain).lower()
    if "timeout" in words or "timed out" in words:
        return "the model took too long to answer"
    if "incomplete" in words or "remoteprotocol" in words or "peer closed" in words:
        return "the connection broke off in the middle of the reply"
    if "refused" in words or "connecterror" in words or "connection error" in words:
        return "could not connect"
    first = chain[0]
    text = str(first).strip().splitlines()[0] if str(first).strip() else ""
    return f"{type(first).__name__}: {text}"[:200] if text else type(first).__name__


@dataclass(frozen=True)
class ConnectionCheck:
    """The result of 'Test connection' on the Settings page."""

    ok: bool
    message: str
    seconds: float = 0.0


def test_connection(spec: str, base_url: str | None, timeout: float) -> ConnectionCheck:
    """Ask the configured model for one tiny reply, and say plainly whether and how fast it answered."""
    try:
        parsed = EngineSpec.parse(spec)
    except ValueError as exc:
        return ConnectionCheck(False, str(exc))
    if parsed.provider == "guide":
        return ConnectionCheck(True, "The guide engine needs no server: it runs inside Haven, offline.")
    url = server_url(parsed, base_url)
    start = time.perf_counter()
    try:
        from langchain_core.messages import HumanMessage

        model = build_chat_model(parsed, url, timeout, max_tokens=8)
        answer = _chunk_text(model.invoke([HumanMessage("Reply with the single word: ready")]))
    except Exception as exc:
        return ConnectionCheck(False, f"No answer from {parsed.provider} at {url} ({_describe(exc)}).")
    seconds = time.perf_counter() - start
    if not answer.strip():
        return ConnectionCheck(False, f"{parsed.provider} at {url} answered, but with an empty reply.", seconds)
    return ConnectionCheck(True, f"{parsed} at {url} answered in {seconds:.1f} s.", seconds)


test_connection.__test__ = False  # not a pytest test, despite the name
