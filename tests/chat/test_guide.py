"""The guide engine on its own: grounded in the passages it is given, varied, deterministic."""

from __future__ import annotations

import re

import pytest

from haven.chat.guide import GuideEngine
from haven.chat.types import EngineRequest, HistoryTurn


@pytest.fixture(scope="module")
def guide(library):
    return GuideEngine(library)


def _request(understander, searcher, text, history=()):
    return EngineRequest(
        text=text,
        history=tuple(history),
        hits=tuple(searcher.search(text, k=5)),
        understanding=understander.read(text),
    )


def test_feeling_turn_reflects_explains_suggests_and_asks(guide, understander, searcher):
    draft = guide.reply(
        _request(understander, searcher, "I'm so anxious lately, my heart races before every meeting")
    )
    first_paragraph = draft.text.split("\n\n")[0]
    assert "anxious" in first_paragraph
    assert draft.text.rstrip().endswith("?")
    assert 1 <= len(draft.suggested_exercises) <= 3
    kinds = {c.kind for c in draft.citations}
    assert kinds == {"article", "exercise"}
    # every number in the text is a citation and every citation is in the text
    assert {int(n) for n in re.findall(r"\[(\d+)\]", draft.text)} == {c.n for c in draft.citations}
    assert [c.n for c in draft.citations] == list(range(1, len(draft.citations) + 1))


def test_psychoeducation_is_quoted_from_the_cited_passage(guide, understander, searcher):
    draft = guide.reply(_request(understander, searcher, "I feel so lonely since I moved"))
    article = next(c for c in draft.citations if c.kind == "article")
    quoted = re.search(rf": (.+?) \[{article.n}\]", draft.text).group(1)
    assert quoted in " ".join(article.passage.split())


def test_what_can_i_do_about_something_quotes_the_tip_that_names_it(guide, understander, searcher):
    """Found walking the app: "what can I do about the blushing" got three exercises and nothing on blushing. The
    library's "what helps" list has an item about it; it is quoted first, word for word, cited with its passage."""
    draft = guide.reply(_request(understander, searcher, "what can I do about the blushing"))
    tip = draft.citations[0]
    assert tip.doc_id == "social-anxiety" and tip.section == "What helps in the moment"
    quoted = re.search(r": (.+?) \[1\]", draft.text).group(1)
    assert "Blushing" in quoted and quoted in " ".join(tip.passage.split())
    assert draft.suggested_exercises  # the options still follow


def test_a_tip_is_a_whole_list_item_that_names_the_word():
    from haven.chat import passages

    text = (
        'Intro.\n\n- Name it. "This is panic. It will pass."\n- Let the signs be there. Blushing fades on its own.'
    )
    assert passages.tips(text, {"blush"}) == ["Let the signs be there. Blushing fades on its own."]
    assert passages.tips(text, {"panic"}) == []  # "Name it." alone is too short to say anything
    assert passages.tips(text, {"sleep"}) == []


def test_suggestions_come_from_the_retrieved_exercises(guide, understander, searcher):
    request = _request(understander, searcher, "I'm lying in bed and my body won't switch off")
    draft = guide.reply(request)
    retrieved = [h.doc_id for h in request.hits if h.kind == "exercise"]
    assert set(draft.suggested_exercises) <= set(retrieved)
    assert draft.suggested_exercises[0] == retrieved[0]


def test_no_sentence_of_the_last_reply_is_repeated(guide, understander, searcher):
    text = "I feel low and I can't be bothered with anything"
    first = guide.reply(_request(understander, searcher, text))
    history = [HistoryTurn("user", text), HistoryTurn("assistant", first.text)]
    second = guide.reply(_request(understander, searcher, text, history))

    def split(text):
        return {re.sub(r"\[\d+\]|[*_]|^- ", "", s).strip().lower() for s in re.split(r"(?<=[.!?])\s+|\n+", text)}

    assert not (split(first.text) & split(second.text) - {""})


def test_same_input_and_history_give_the_same_reply(guide, understander, searcher):
    history = [HistoryTurn("user", "hi"), HistoryTurn("assistant", "Hello. How are you?")]
    a = guide.reply(_request(understander, searcher, "work is stressing me out", history))
    b = guide.reply(_request(understander, searcher, "work is stressing me out", history))
    assert a == b


def test_named_exercise_request(guide, understander, searcher):
    draft = guide.reply(_request(understander, searcher, "can we do box breathing?"))
    assert draft.suggested_exercises == ("box-breathing",)
    assert draft.citations[0].doc_id == "box-breathing"
    assert "Box breathing" in draft.text and draft.text.rstrip().endswith("?")


def test_question_is_answered_from_an_article(guide, understander, searcher):
    draft = guide.reply(_request(understander, searcher, "what is CBT?"))
    assert draft.citations[0].doc_id == "what-is-cbt"
    assert "cognitive behavioural therapy" in draft.text.lower()


@pytest.mark.parametrize("text", ["hi", "thanks so much", "who won the football last night?", "what can you do?"])
def test_small_talk_cites_nothing_and_stays_short(guide, understander, searcher, text):
    draft = guide.reply(_request(understander, searcher, text))
    assert not draft.citations and not draft.suggested_exercises
    assert len(draft.text.split()) < 80


def test_a_real_person_gets_how_to_find_a_therapist_and_the_lines(guide, understander, searcher):
    request = _request(understander, searcher, "I want to talk to a real person")
    request = EngineRequest(**{**request.__dict__, "region": "GB", "help_lines": ("Samaritans: 116 123",)})
    draft = guide.reply(request)
    assert "NHS Talking Therapies" in draft.text and "Samaritans: 116 123" in draft.text


def test_stream_yields_the_reply_text_then_the_draft(guide, understander, searcher):
    items = list(guide.stream(_request(understander, searcher, "I'm stressed about money")))
    *chunks, draft = items
    assert "".join(chunks) == draft.text


def test_a_one_sentence_lead_in_to_a_list_is_not_quoted_alone():
    # seen in the held-out2 conversations: "Social anxiety often follows a loop, with a before, a during and an
    # after." was quoted without the list it opens
    from haven.chat import passages

    text = "Intro line that stands alone. It says enough.\n\nIt follows a loop, with a before and an after.\n\n- **Before.** One.\n- **After.** Two."
    found = passages.quotes(text, 2)
    assert found == ["Intro line that stands alone. It says enough."]


def test_steps_in_the_moment_say_a_paced_step_with_its_counts_and_no_page_words():
    # walking the app: box breathing in the moment said "Follow the box" with no counts, and "When you are ready, go
    # on." (words for the Exercises page's buttons)
    from haven.chat.guide import GuideEngine
    from haven.content.loader import load_default_library

    steps = GuideEngine._moment_steps(load_default_library().exercises["box-breathing"])
    assert any("breathe in for 4, hold for 4" in s for s in steps)
    assert not any("go on" in s.lower() for s in steps)


def test_a_first_message_from_a_waiting_list_is_heard_after_the_opening_hello(guide, understander, searcher):
    # walking the app: the chat page opens with Haven's hello, so the first message has history, and the waiting
    # list was met with "Thank you for telling me that. What feels like the hardest part right now?"

    opening = (HistoryTurn(role="assistant", text="Hi, I'm Haven. How are you feeling today?"),)
    text = "hi, i'm on a waiting list for therapy, 6 months apparently"
    draft = guide.reply(_request(understander, searcher, text, history=opening))
    assert "6 months is a long" in draft.text and "not therapy" in draft.text
    later = (*opening, HistoryTurn(role="user", text="i feel low"), HistoryTurn(role="assistant", text="I hear you."))
    assert "not therapy" not in guide.reply(_request(understander, searcher, text, history=later)).text
