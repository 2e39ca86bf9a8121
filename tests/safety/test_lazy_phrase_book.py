"""The phrase book of languages.yaml compiles a phrase only when a message could match it.

Why: compiling the ~300 curated regular expressions cost more than half a second of every `haven triage`
and the English message most people send needs none of them. The anchors that put the compiling off must
never change what matches: every phrase is checked with and without them on every labelled message.
"""

from __future__ import annotations

import re

import pytest

from haven.safety.labelled import load_labelled
from haven.safety.languages import (
    LANGUAGES_FILE,
    _variants,
    anchors_of,
    fold,
    load_language_book,
    match_phrases,
)


def _fresh_book():
    """A book read now, so no earlier test has compiled any of its phrases yet."""
    return load_language_book.__wrapped__(LANGUAGES_FILE)


def test_every_phrase_mask_and_no_intent_pattern_compiles():
    """What load_language_book used to check at load: a pattern that does not compile names itself here."""
    book = _fresh_book()
    for entry in book.languages.values():
        for phrase in entry.phrases:
            assert isinstance(phrase.regex, re.Pattern), phrase.id
        assert len(entry.masks) == len(entry.mask_patterns), entry.code
        assert len(entry.no_intent) == len(entry.no_intent_patterns), entry.code


def test_every_phrase_has_anchors():
    """A phrase without anchors is tried (and compiled) for every message: none is, today."""
    assert [p.id for p in _fresh_book().phrases if not p.anchors] == []


def test_an_english_message_compiles_no_phrase():
    book = _fresh_book()
    assert match_phrases("I feel a bit low today and I can't sleep before exams", book) == []
    assert [p.id for p in book.phrases if "regex" in p.__dict__] == []
    assert [code for code, entry in book.languages.items() if "masks" in entry.__dict__] == []


def test_a_foreign_crisis_phrase_in_english_still_matches():
    book = _fresh_book()
    hits = match_phrases("my friend just texted me 'quiero morir' and I don't know what to do", book)
    assert any(hit.phrase.language == "es" and hit.phrase.level == "crisis" for hit in hits)


def test_anchors_never_skip_a_phrase_that_matches():
    """Each phrase, each labelled message (and its earlier turns): the anchors' answer is the regex's own."""
    book = load_language_book()
    texts = {fold(text) for row in load_labelled() for text in (row.text, *row.context)}
    folded = {variant for text in texts for variant in _variants(text)}
    matched = 0
    for phrase in book.phrases:
        for text in folded:
            found = phrase.regex.search(text) is not None
            assert (phrase.search(text) is not None) == found, (phrase.id, text)
            matched += found
    assert matched > 100  # the labelled data holds many foreign phrases, so the check is not empty


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(?<!\S)(?:(?:quiero|kiero) morir)(?!\S)", {" morir"}),
        (r"(?:quiero|kiero) (?:\w+ ){0,2}(?:morir|matarme)", {"quiero", "kiero"}),
        (r"suicid\w*", {"suicid"}),
        (r"(?:ab )?jeena", {"jeena"}),
        (r"x{2,}y?", {"x"}),
        (r"morir|\w+ me", {"morir", " me"}),
        (r"morir|\w+", None),  # one branch promises no word, so nothing can be skipped
        (r"(?:morir)?", None),
        (r"(?i)morir", None),
        (r"(?i:morir)", None),
        (r"[ab]c?", None),
    ],
)
def test_anchors_of(pattern, expected):
    anchors = anchors_of(pattern)
    assert (None if anchors is None else set(anchors)) == expected
    if expected:  # and each is sound: a match holds one
        for text in ("quiero morir", "kiero mucho morir", "suicidio", "ab jeena", "xxx"):
            found = re.search(pattern, text)
            if found:
                assert any(a in found.group(0) for a in anchors)


def test_a_pattern_that_does_not_parse_fails_loudly():
    with pytest.raises(re.error):
        anchors_of("(?:quiero morir")
