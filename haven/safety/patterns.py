"""The precise half of triage: regular expressions from ``patterns.yaml`` over normalised text.

Everything a clinician may want to read or change is in the YAML file; this module only loads it and applies
it in the order the file describes: normalise, rewrite slang, mask denials, then match sentence by sentence.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from haven.yaml_files import read_yaml

PATTERNS_FILE = Path(__file__).with_name("patterns.yaml")
#: the strengths a frame can cancel ("strong" stands whatever else the sentence says)
FRAMED = frozenset({"mention", "quiet"})
STRENGTHS = FRAMED | {"strong"}
DENIED = " xdeniedx "  # stands in for a masked denial, so no pattern can match across it


@dataclass(frozen=True)
class Pattern:
    """One risk pattern. A ``mention`` or a ``quiet`` sign is cancelled by any of its ``unless`` frames in the same
    sentence; a ``strong`` one never is. ``quiet`` signs raise a concern, never a crisis on their own."""

    id: str
    category: str
    strength: str  # "strong" | "mention" | "quiet"
    regex: re.Pattern[str]
    unless: tuple[str, ...]
    note: str
    #: frames that cancel the mention when they are named anywhere in the same message, not only in its sentence
    #: ("a bungee jump for my 40th. I'm jumping off the bridge on Saturday"), unless the mention's own sentence
    #: says a wish or intent (``intent_beside_frame``): another sentence can explain an event, never a wish
    unless_in_message: tuple[str, ...] = ()
    #: frames one of which the message must name, in any of its sentences, for the pattern to fire at all: the
    #: words that make an ambiguous shape plain ("going over the edge" said on a roof or a bridge, "teach me a
    #: lesson" beside things being smashed). A requirement, never a cancellation: a strong pattern that fires stands.
    #: Each entry is a group of frames the message must all name (written in patterns.yaml as one frame, or a list)
    needs_in_message: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class PatternHit:
    """A pattern that fired on a sentence, with the words it matched."""

    pattern: Pattern
    matched: str
    #: where: the prepared sentence and the span within it, so words inside another hit's words can be told apart
    #: from the same words said again elsewhere
    sentence: str = field(default="", compare=False)
    span: tuple[int, int] = field(default=(0, 0), compare=False)


@dataclass(frozen=True)
class PatternBook:
    """Everything in ``patterns.yaml``, compiled once."""

    spellings: tuple[tuple[re.Pattern[str], str], ...]
    denials: tuple[re.Pattern[str], ...]
    denial_blocker: re.Pattern[str]
    frames: dict[str, re.Pattern[str]]
    patterns: tuple[Pattern, ...]
    risk_cues: re.Pattern[str]
    sign_off: re.Pattern[str]
    #: words just before a frame that deny it ("no bungee", "not a game", "without a harness"): a denied frame
    #: explains nothing
    frame_negation: re.Pattern[str] = re.compile(r"(?!)")
    #: a wish or intent in a mention's sentence, which a frame named in another sentence never explains
    intent_beside_frame: re.Pattern[str] = re.compile(r"(?!)")
    #: (frame, risk words it explains anywhere in the message): knives beside a hunt's butchering, tablets taken
    #: with breakfast as the doctor says, drug names in an exam on overdoses
    cue_frames: tuple[tuple[str, re.Pattern[str]], ...] = ()
    #: the cue frames that name a risk word's own everyday sense ("on the tablet"): found around the word itself,
    #: they explain it whatever else the sentence wants (``sense: true`` in patterns.yaml)
    sense_frames: frozenset[str] = frozenset()


_MACRO = re.compile(r"\{([A-Z_]+)\}")
_CURLY = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u201c": '"', "\u201d": '"'})
_SENTENCE_END = re.compile(r"[.!?;:\n\r]+|\s[-\u2013\u2014]\s")
_NOT_WORD = re.compile(r"[^a-z0-9 ]+")
_SPACES = re.compile(r"\s+")
_VOWEL_RUN = re.compile(r"([aeiouy])\1{2,}")
_CONSONANT_RUN = re.compile(r"([b-df-hj-np-tv-xz])\1{2,}")


def _expand(pattern: str, vocab: dict[str, str]) -> str:
    return _MACRO.sub(lambda m: vocab[m.group(1)], pattern)


@lru_cache(maxsize=1)
def load_pattern_book(path: Path = PATTERNS_FILE) -> PatternBook:
    """Read and compile ``patterns.yaml`` (once per process)."""
    data = read_yaml(path)
    vocab = {name: _expand(value, data["vocab"]) for name, value in data["vocab"].items()}
    frames = {name: re.compile(_expand(rx, vocab)) for name, rx in data["frames"].items()}
    patterns = []
    for entry in data["patterns"]:
        unless = tuple(entry.get("unless", ()))
        in_message = tuple(entry.get("unless_in_message", ()))
        needs = tuple((n,) if isinstance(n, str) else tuple(n) for n in entry.get("needs_in_message", ()))
        missing = [name for name in unless + in_message + sum(needs, ()) if name not in frames]
        if missing:
            raise ValueError(f"pattern {entry['id']} names unknown frames {missing}")
        if entry["strength"] not in STRENGTHS:
            raise ValueError(f"pattern {entry['id']} has strength {entry['strength']!r}; one of {sorted(STRENGTHS)}")
        patterns.append(
            Pattern(
                id=entry["id"],
                category=entry["category"],
                strength=entry["strength"],
                regex=re.compile(_expand(entry["pattern"], vocab)),
                unless=unless,
                note=entry.get("note", ""),
                unless_in_message=in_message,
                needs_in_message=needs,
            )
        )
    return PatternBook(
        spellings=tuple((re.compile(s["pattern"]), s["replace"]) for s in data["spellings"]),
        denials=tuple(re.compile(_expand(d["pattern"], vocab)) for d in data["denials"]),
        denial_blocker=re.compile(data["denial_blockers"]),
        frames=frames,
        patterns=tuple(patterns),
        risk_cues=re.compile(_expand(data["risk_cues"], vocab)),
        sign_off=re.compile(data["sign_off"]),
        frame_negation=re.compile(_expand(data["frame_negation"], vocab)),
        intent_beside_frame=re.compile(_expand(data["intent_beside_frame"], vocab)),
        cue_frames=tuple(_cue_frames(data.get("cue_frames", ()), frames, vocab)),
        sense_frames=frozenset(entry["frame"] for entry in data.get("cue_frames", ()) if entry.get("sense")),
    )


def _cue_frames(entries, frames: dict[str, re.Pattern[str]], vocab: dict[str, str]):
    for entry in entries:
        if entry["frame"] not in frames:
            raise ValueError(f"cue frame names unknown frame {entry['frame']!r}")
        yield entry["frame"], re.compile("(?:" + _expand(entry["words"], vocab) + ")")


#: Only the two Latin ligatures: the learned layer was trained on text with the other letters NFKD cannot take apart
#: (ł, ı, ø, ß) dropped, and reads messages in those languages through that (see languages.yaml for their phrases)
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})


def _fold(text: str) -> str:
    """Lower case, no accents, no apostrophes, long letter runs shortened ("sooo" -> "so")."""
    text = unicodedata.normalize("NFKC", text).translate(_CURLY).lower()
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    # letters NFKD does not take apart: "sœur" was read "s ur", and then "ur" as "your" (risk_conversations_heldout46)
    text = text.translate(_LIGATURES)
    text = text.replace("'", "")
    text = _VOWEL_RUN.sub(r"\1", text)
    return _CONSONANT_RUN.sub(r"\1\1", text)


def _clean(sentence: str, book: PatternBook) -> str:
    words = _SPACES.sub(" ", _NOT_WORD.sub(" ", sentence)).strip()
    for regex, replacement in book.spellings:
        words = regex.sub(replacement, words)
    return words


def _mask_denials(sentence: str, book: PatternBook) -> tuple[str, list[str]]:
    denied: list[str] = []
    for regex in book.denials:
        def keep_or_mask(m: re.Match[str], text: str = sentence) -> str:
            if book.denial_blocker.match(text[m.end():]):
                return m.group(0)  # "not going to kill myself *yet*" is not a denial
            denied.append(m.group(0).strip())
            return DENIED
        sentence = regex.sub(keep_or_mask, sentence)
    return _SPACES.sub(" ", sentence).strip(), denied


@dataclass(frozen=True)
class PreparedText:
    """Text ready for matching and embedding: one normalised sentence per entry, denials masked."""

    sentences: tuple[str, ...]
    denials: tuple[str, ...]

    @property
    def joined(self) -> str:
        return ". ".join(self.sentences)


def _readable(text: str) -> str:
    """The text with emoji read as words and obfuscation undone (k*ll, s u i c i d e, sucide): ``reading.py``."""
    from haven.safety.reading import normalise

    return normalise(text)


def model_sentences(text: str, book: PatternBook | None = None) -> list[str]:
    """The sentences the learned layer reads: normalised like :func:`prepare`, but with denials kept.

    The model has learned what a denial means ("I'm not suicidal, just tired"); masking it would hide that.
    A sentence said again is read once: repetition adds no meaning, and a message pasted ten times over is
    nothing like what the model learned from (it read an ordinary one as a crisis).
    """
    book = book or load_pattern_book()
    cleaned = (_clean(raw, book) for raw in _SENTENCE_END.split(_fold(_readable(text))))
    return list(dict.fromkeys(sentence for sentence in cleaned if sentence))


def prepare(text: str, book: PatternBook | None = None) -> PreparedText:
    """Normalise, split into sentences, rewrite slang and mask denials."""
    book = book or load_pattern_book()
    sentences, denials = [], []
    for raw in _SENTENCE_END.split(_fold(_readable(text))):
        cleaned = _clean(raw, book)
        if not cleaned:
            continue
        masked, denied = _mask_denials(cleaned, book)
        denials.extend(denied)
        if masked and masked != DENIED.strip():
            sentences.append(masked)
    return PreparedText(tuple(sentences), tuple(denials))


def _explains(name: str, sentence: str, book: PatternBook) -> bool:
    """Whether the frame ``name`` is in the sentence and not denied there ("no bungee", "it's not a game")."""
    return any(
        not book.frame_negation.search(sentence[: found.start()])
        for found in book.frames[name].finditer(sentence)
    )


def _needs_met(pattern: Pattern, sentence: str, message: Sequence[str], book: PatternBook) -> bool:
    """Whether the message names what the pattern needs beside it (``needs_in_message``: one of its groups, every
    frame of the group in some sentence)."""
    if not pattern.needs_in_message:
        return True

    def named(frame: str) -> bool:
        return any(_explains(frame, other, book) for other in (*message, sentence))

    return any(all(named(frame) for frame in group) for group in pattern.needs_in_message)


def _cancelled(pattern: Pattern, sentence: str, message: Sequence[str], book: PatternBook) -> bool:
    """Whether a frame explains this mention: one of its frames in its own sentence, or one of its message-wide
    frames in any sentence of the message when its own sentence says no wish or intent."""
    if pattern.strength not in FRAMED:
        return False
    if any(_explains(f, sentence, book) for f in pattern.unless):
        return True
    if not pattern.unless_in_message or book.intent_beside_frame.search(sentence):
        return False
    return any(_explains(f, other, book) for f in pattern.unless_in_message for other in message)


def match_sentence(
    sentence: str, book: PatternBook | None = None, message: Sequence[str] = ()
) -> list[PatternHit]:
    """Every pattern that fires on one prepared sentence, after frames have had their say on mentions.

    ``message``: all the sentences of the message the sentence belongs to, for the frames a pattern accepts from
    anywhere in the message (``unless_in_message``)."""
    book = book or load_pattern_book()
    hits = []
    for pattern in book.patterns:
        found = pattern.regex.search(sentence)
        if not found or not _needs_met(pattern, sentence, message, book):
            continue
        if _cancelled(pattern, sentence, message, book):
            continue
        hits.append(PatternHit(pattern, found.group(0), sentence, found.span()))
    return hits


def framed(sentence: str, book: PatternBook | None = None, message: Sequence[str] = ()) -> bool:
    """True when a mention fired on this sentence but one of its frames cancelled it (a holiday, a film)."""
    book = book or load_pattern_book()
    return any(
        pattern.strength == "mention"
        and pattern.regex.search(sentence)
        and _needs_met(pattern, sentence, message, book)
        and _cancelled(pattern, sentence, message, book)
        for pattern in book.patterns
    )


def frame_in(name: str, sentences: Sequence[str], book: PatternBook | None = None) -> bool:
    """True when the frame ``name`` of patterns.yaml is found in any of the prepared sentences."""
    frame = (book or load_pattern_book()).frames[name]
    return any(frame.search(s) for s in sentences)


def has_risk_cue(sentence: str, book: PatternBook | None = None, message: Sequence[str] = ()) -> bool:
    """True when a prepared sentence holds a weak risk word (``risk_cues``) in a context no frame cancelled.

    The similarity layer needs this corroboration unless a message is very close to a crisis exemplar: a
    sentence with no risk word at all ("thanks, I'll try the breathing tonight") is never a crisis on mere
    closeness of meaning, and neither is one whose only risk word a frame explains ("disappear on holiday").
    """
    book = book or load_pattern_book()
    if book.sign_off.fullmatch(sentence.strip()):
        return False  # "bye", "goodnight haven": leaving the chat, not saying goodbye to life
    if not book.risk_cues.search(sentence) or framed(sentence, book, message):
        return False
    return any(not _cue_explained(cue.group(0), sentence, message, book) for cue in book.risk_cues.finditer(sentence))


def _cue_explained(word: str, sentence: str, message: Sequence[str], book: PatternBook) -> bool:
    """Whether a risk word is explained by a frame named in the message (``cue_frames``): never in a sentence that
    says a wish, an intent or means at hand (``intent_beside_frame``)."""
    if not book.cue_frames:
        return False
    if any(
        frame in book.sense_frames and words.fullmatch(word) and _sense_of_the_word(frame, word, sentence, book)
        for frame, words in book.cue_frames
    ):
        return True  # the frame names the word's own sense: "on the tablet" is a computer, whatever else is wanted
    if book.intent_beside_frame.search(sentence):
        return False
    return any(
        words.fullmatch(word) and any(_explains(frame, other, book) for other in (*message, sentence))
        for frame, words in book.cue_frames
    )


def _sense_of_the_word(frame: str, word: str, sentence: str, book: PatternBook) -> bool:
    """Whether the frame, found in the sentence, holds the risk word itself ("put it on the tablet for me"): the word's
    everyday sense said in so many words, so no wish elsewhere in the sentence ("I don't want anyone reading it")
    makes it means (chat_heldout47, read: an old man's question whether Haven is private got the card)."""
    inside = re.compile(rf"\b{re.escape(word)}\b")
    return any(
        inside.search(found.group(0)) and not book.frame_negation.search(sentence[: found.start()])
        for found in book.frames[frame].finditer(sentence)
    )


def explained_cues(prepared: PreparedText, book: PatternBook | None = None) -> frozenset[str]:
    """The risk words a frame in the message explains ("tablets" beside "her GP and the memory clinic know
    everything"), for reading a message's risk words as the patterns do."""
    book = book or load_pattern_book()
    sentences = prepared.sentences
    return frozenset(
        cue.group(0)
        for sentence in sentences
        for cue in book.risk_cues.finditer(sentence)
        if _cue_explained(cue.group(0), sentence, sentences, book)
    )


def match(prepared: PreparedText, book: PatternBook | None = None) -> list[PatternHit]:
    """Pattern hits over all sentences of a prepared text."""
    book = book or load_pattern_book()
    return [
        hit for sentence in prepared.sentences for hit in match_sentence(sentence, book, prepared.sentences)
    ]


def explained(prepared: PreparedText, book: PatternBook | None = None, before: Sequence[str] = ()) -> bool:
    """True when a frame explained a risk word somewhere in the message: a mention fired and a frame cancelled it
    ("the overdose thresholds and antidotes for the exam", "mum's going to kill me when she sees the mess"), or a
    cue frame explained its risk words ("we spent the afternoon butchering the moose and now my knives are blunt").
    ``before``: sentences said just before (the person's last message), whose frames may explain them too."""
    book = book or load_pattern_book()
    message = (*before, *prepared.sentences)
    return any(
        framed(sentence, book, message)
        or (
            book.risk_cues.search(sentence)
            and not book.sign_off.fullmatch(sentence.strip())
            and not has_risk_cue(sentence, book, message)
        )
        for sentence in prepared.sentences
    )
