"""The guide follows what the person is talking about, in their words (issue 12, conversation6's fixes).

Each test plays a short conversation through the whole chat service, in words written for these tests (not taken
from any benchmark set), and asserts on what was read and what was said back.
"""

from __future__ import annotations


def _play(service, *messages: str):
    """Each message in turn in one conversation; the replies."""
    replies, conversation_id = [], None
    for text in messages:
        reply = service.respond("me", text, conversation_id)
        conversation_id = reply.conversation_id
        replies.append(reply)
    return replies


def test_the_service_normalises_once_and_the_guide_works_out_the_subject_once(service, monkeypatch):
    from haven.chat.guide import GuideEngine
    from haven.chat.understanding import normalise

    seen, calls = [], []
    real_reply, real_subjects = GuideEngine.reply, GuideEngine._subjects_of

    def reply(self, request):
        seen.append(request.normalised)
        return real_reply(self, request)

    def subjects_of(request):
        calls.append(request.text)
        return real_subjects(request)

    monkeypatch.setattr(GuideEngine, "reply", reply)
    monkeypatch.setattr(GuideEngine, "_subjects_of", staticmethod(subjects_of))
    text = "Work is piling up and I can't stop worrying about the Friday deadline"
    [answer] = _play(service, text)
    assert answer.engine == "guide" and answer.suggested_exercises  # a reply that ranked exercises and articles
    assert seen == [normalise(text)]
    assert calls == [text]

