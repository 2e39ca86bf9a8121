"""The real ChatOpenAI and ChatOllama clients against a local server speaking their wire protocols.

Covers a normal streamed turn, a stream cut halfway, a server slower than the timeout, a citation marker
that points at nothing, and an unsafe reply caught by the output guard. No network beyond 127.0.0.1.
"""

from __future__ import annotations

import pytest
from fake_llm_server import FakeModelServer, Script

PROTOCOLS = ["openai", "ollama"]


@pytest.fixture
def server():
    with FakeModelServer() as srv:
        yield srv


def _base_url(server, provider: str) -> str:
    return f"{server.url}/v1" if provider == "openai" else server.url


@pytest.fixture
def configure(monkeypatch):
    from haven.config import get_settings

    # a normal turn gets a generous budget: on a busy CI machine the first OpenAI-protocol turn once went past 5 s
    # against the local server and fell back to the guide; only the slow-server test is about the deadline
    def _configure(provider: str, base_url: str, timeout: float = 30.0) -> None:
        monkeypatch.setenv("HAVEN_LLM", f"{provider}:tiny-model")
        monkeypatch.setenv("HAVEN_LLM_BASE_URL", base_url)
        monkeypatch.setenv("HAVEN_LLM_TIMEOUT", str(timeout))
        get_settings.cache_clear()

    yield _configure
    get_settings.cache_clear()


def _saved(service, reply):
    return service.turns("me", reply.conversation_id)


@pytest.mark.parametrize("provider", PROTOCOLS)
def test_normal_streamed_turn(service, server, configure, provider):
    configure(provider, _base_url(server, provider))
    server.script = Script(
        chunks=["It sounds ", "frightening [1]. ", "Slow breathing ", "can help [2]. ", "What do you notice?"]
    )
    items = list(service.respond_stream("me", "My heart is racing and I can't calm down"))
    reply = items[-1]
    assert reply.engine == f"{provider}:tiny-model" and not reply.notice
    assert reply.text == "It sounds frightening [1]. Slow breathing can help [2]. What do you notice?"
    assert len([i for i in items if isinstance(i, str)]) >= 2  # streamed, sentence by sentence
    assert [c.n for c in reply.citations] == [1, 2]
    # what the client sent: streaming, the passages in the system prompt, the message last
    body = server.requests[-1]["body"]
    assert body["model"] == "tiny-model" and body["stream"] is True
    assert "[1] " in body["messages"][0]["content"] and body["messages"][-1]["content"].startswith("My heart")
    assert [t.role for t in _saved(service, reply)] == ["user", "assistant"]


@pytest.mark.parametrize("provider", PROTOCOLS)
def test_stream_cut_halfway_falls_back_to_the_guide(service, server, configure, provider):
    configure(provider, _base_url(server, provider))
    server.script = Script(chunks=["First part. ", "Second part. ", "Never sent. ", "Never sent."], cut_after=2)
    items = list(service.respond_stream("me", "I'm so stressed about work"))
    reply = items[-1]
    assert "First part." in "".join(i for i in items if isinstance(i, str))
    assert reply.engine == "guide" and "broke off" in reply.notice and server.url.split("//")[1] in reply.notice
    assert "Never sent" not in reply.text
    turns = _saved(service, reply)
    assert turns[0].text == "I'm so stressed about work" and turns[1].engine == "guide"


@pytest.mark.parametrize("provider", PROTOCOLS)
def test_slow_server_times_out_to_the_guide(service, server, configure, provider):
    configure(provider, _base_url(server, provider), timeout=0.5)
    server.script = Script(chunks=["Too late."], delay=2.0)
    reply = service.respond("me", "I feel low today")
    assert reply.engine == "guide" and "too long" in reply.notice
    assert reply.text.rstrip().endswith("?")


@pytest.mark.parametrize("provider", PROTOCOLS)
def test_unknown_citation_marker_is_removed(service, server, configure, provider):
    configure(provider, _base_url(server, provider))
    server.script = Script(chunks=["This may help [2]. ", "So might this [42]. ", "How are you now?"])
    reply = service.respond("me", "My heart is racing and I can't calm down")
    assert reply.text == "This may help [1]. So might this. How are you now?"
    assert len(reply.citations) == 1


@pytest.mark.parametrize("provider", PROTOCOLS)
def test_unsafe_reply_is_caught_by_the_guard(service, server, configure, provider):
    from haven.safety import check_output

    unsafe = "You clearly have major depression. Take 100 mg of sertraline every morning and you will be cured."
    assert not check_output(unsafe).safe  # the premise: the guard flags this text
    configure(provider, _base_url(server, provider))
    server.script = Script(
        chunks=[
            "You clearly have major depression. ",
            "Take 100 mg of sertraline ",
            "every morning and you will be cured.",
        ]
    )
    reply = service.respond("me", "I feel low all the time")
    assert "sertraline" not in reply.text
    assert reply.text == check_output(unsafe).text or check_output(reply.text).safe
    saved = _saved(service, reply)[-1]
    assert "sertraline" not in saved.text


def test_server_down_falls_back(service, configure):
    configure("openai", "http://127.0.0.1:9/v1", timeout=1.0)
    reply = service.respond("me", "I'm worried about money")
    assert reply.engine == "guide" and "could not connect" in reply.notice


@pytest.mark.parametrize("provider", PROTOCOLS)
def test_connection_check(server, provider):
    from haven.chat.llm import test_connection

    server.script = Script(chunks=["ready"])
    ok = test_connection(f"{provider}:tiny-model", _base_url(server, provider), 2.0)
    assert ok.ok and server.url in ok.message
    down = test_connection(f"{provider}:tiny-model", "http://127.0.0.1:9", 1.0)
    assert not down.ok and "127.0.0.1:9" in down.message and "could not connect" in down.message
    assert test_connection("guide", None, 1.0).ok
