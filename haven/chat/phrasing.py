"""Varied, repeatable wording: pick among phrasings by a hash of the conversation, never reusing a sentence.

A scripted guide that says "That sounds hard." every turn feels like a form letter. Each slot of a reply has
several phrasings; the choice is a hash of the message and the history (so the same conversation always
gets the same reply, which tests rely on), skipping any phrasing whose sentences Haven already said.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Sequence

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=:)\s+(?=[A-Z\"*])|\n+")
_MARKER = re.compile(r"\s*\[\d+\]")
_MARKUP = re.compile(r"[*_`>#]|^\s*[-•]\s*|^\s*\d+\.\s+", re.M)


def sentences(text: str) -> list[str]:
    """The sentences of a reply as a reader meets them: list items count, and so does the part after a colon
    ("Something worth knowing: Sleep and mood..."), so a quote is not new just because its lead-in is."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def sentence_key(sentence: str) -> str:
    """A sentence stripped of citation numbers, markup, case and spacing: how a reader hears a repeat."""
    plain = _MARKUP.sub("", _MARKER.sub("", sentence)).lower()
    return re.sub(r"[^a-z0-9 ]+", "", re.sub(r"\s+", " ", plain)).strip()


#: Words too common to make two sentences sound alike ("a lot to", "you don't have").
_COMMON = frozenset(
    "a an the and or but so to of in on at for with about it its it's that this these those you your you're i me my "
    "is are was were be been do does did don't have has had can could would should will what how who when where why "
    "there here some something lot not no just more any one all like feel felt way ways".split()
)


def echoes(sentence: str) -> set[tuple[str, ...]]:
    """The three-word runs of a sentence that carry a word of its own ("that into words"): two sentences of one
    reply that share one sound like the same thing said twice ("Thanks for putting that into words. It took
    something to put that into words.")."""
    words = sentence_key(sentence).split()
    runs = zip(words, words[1:], words[2:], strict=False)
    return {run for run in runs if any(w not in _COMMON and len(w) > 3 for w in run)}


def stable_hash(*parts: str) -> int:
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


class Phraser:
    """Chooses phrasings for one reply. ``said`` holds the sentences Haven must not repeat."""

    def __init__(self, seed: str, said: Iterable[str] = (), not_for_them: Callable[[str], bool] | None = None) -> None:
        self.seed = seed
        self.not_for_them = not_for_them  # a sentence this reader must not be given (another country's referral)
        self.used: set[str] = {sentence_key(s) for text in said for s in sentences(text)}
        self.in_this_reply: set[tuple[str, ...]] = set()  # echoes() of what this reply already says

    def fresh(self, text: str) -> bool:
        """True if none of ``text``'s sentences has been said (or chosen for this reply) already, nor is one this
        reader must not be given (``not_for_them``): every line quoted from the library is checked here."""
        found = sentences(text)
        keys = [sentence_key(s) for s in found]
        if self.not_for_them is not None and any(self.not_for_them(s) for s in found):
            return False
        return bool(keys) and not any(k in self.used for k in keys if k)

    def echoed(self, text: str) -> bool:
        """True if a sentence of ``text`` says again, in other words, what Haven's own wording in this reply
        said ("It took something to put that into words." after "Thanks for putting that into words.")."""
        return any(echoes(s) & self.in_this_reply for s in sentences(text))

    def remember(self, text: str, own: bool = False) -> None:
        """``text`` is said (``own``: in Haven's own wording, not a quote, so later wording must not echo it)."""
        for sentence in sentences(text):
            self.used.add(sentence_key(sentence))
            if own:
                self.in_this_reply |= echoes(sentence)

    def order(self, slot: str, options: Sequence[str]) -> list[str]:
        """The options in this conversation's order for ``slot`` (deterministic)."""
        ranked = sorted(range(len(options)), key=lambda i: stable_hash(self.seed, slot, str(i)))
        return [options[i] for i in ranked]

    def pick(self, slot: str, options: Sequence[str], required: bool = True, **fields: str) -> str | None:
        """A phrasing for ``slot`` not said before, filled with ``fields``.

        When every option has been said, a required slot repeats the first in order; an optional one is left
        out (returns None), since a missing nicety is better than a parroted one.
        """
        ordered = self.order(slot, options)
        filled = [option.format(**fields) for option in ordered]
        for option, text in zip(ordered, filled, strict=True):
            own = "{" not in option  # Haven's own words through and through, no quote or detail in them
            if self.fresh(text) and not (own and self.echoed(text)):
                self.remember(text, own=own)
                return text
        if required and filled:
            return filled[0]
        return None

    def first_fresh(self, candidates: Iterable[str]) -> str | None:
        """The first candidate (in the given order) not said before; remembered if found."""
        for text in candidates:
            if text and self.fresh(text):
                self.remember(text)
                return text
        return None
