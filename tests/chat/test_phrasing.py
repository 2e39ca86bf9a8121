"""Varied wording: deterministic choices that never reuse a sentence already said."""

from __future__ import annotations

from haven.chat.phrasing import Phraser, sentence_key, sentences

OPTIONS = ("One thing.", "Another thing.", "A third thing.")


def test_same_seed_same_choice_and_different_seeds_vary():
    picks = {Phraser(f"seed {i}").pick("slot", OPTIONS) for i in range(30)}
    assert Phraser("a").pick("slot", OPTIONS) == Phraser("a").pick("slot", OPTIONS)
    assert picks == set(OPTIONS)


def test_said_sentences_are_skipped():
    said = ["Something else. One thing.", "Another thing."]
    assert Phraser("any", said).pick("slot", OPTIONS) == "A third thing."


def test_optional_slot_is_left_out_when_all_were_said_and_required_repeats():
    p = Phraser("x", [" ".join(OPTIONS)])
    assert p.pick("slot", OPTIONS, required=False) is None
    assert p.pick("slot", OPTIONS) in OPTIONS


def test_citation_numbers_and_markup_do_not_make_a_sentence_new():
    assert sentence_key("- **Box breathing** [2]: Breathe in.") == sentence_key(
        "**Box breathing** [1]: breathe in."
    )
    assert sentences("One. Two?\n- Three") == ["One.", "Two?", "- Three"]


def test_a_reply_does_not_say_the_same_thing_twice_in_other_words():
    # seen in the held-out2 conversations: "Thanks for putting that into words. It took something to put that into words."
    p = Phraser("x")
    assert p.pick("reflect", ["Thanks for putting that into words."]) == "Thanks for putting that into words."
    validate = ["It took something to put that into words.", "You're not the only one who has felt like this."]
    assert (
        p.pick("validate", validate) == "You're not the only one who has felt like this."
    )  # common words: no echo
    later = Phraser("x", ["Thanks for putting that into words."])
    assert later.pick("validate", validate[:1]) == validate[0]  # across turns only exact repeats count
    quoting = Phraser("x")
    quoting.pick("reflect", ["A loss like this touches everything."])
    assert quoting.pick(
        "lead", ["From Haven's library: {snippet}"], snippet="A loss like this can shake you."
    )  # a quote


def test_no_phrase_puts_them_where_a_subject_goes():
    """ "How did them take it?" was said to a man who had told his wife: "{them}" is an object ("tell {them}"); the
    one who does something is "{they}" ("How did they take it?", "How did she take it?")."""
    import re

    from haven.chat import phrases

    said = [
        phrase
        for value in vars(phrases).values()
        for phrase in (value if isinstance(value, tuple) else (value,))
        if isinstance(phrase, str)
    ]
    assert any("{they}" in phrase for phrase in said)
    assert not [p for p in said if re.search(r"\b(did|does|do|will|would|can|could|has|have|is|was) \{them\}", p)]
