"""Read a message Haven's English patterns cannot: which language it is in, and whether it holds a crisis.

Haven's crisis patterns and model are written and trained in English, but people write in the language they
think in, most of all when they are in pain. This module is the net under them:
  - :func:`detect_language` names the language offline (lingua, restricted to the languages people write to
    Haven in, so a short message is not mistaken for Swahili), with two things lingua cannot do: Hindi typed
    in Latin letters ("mujhe marna hai" is ``hi_latn``, found by curated Hinglish words) and short English
    (a message made of common English words is English, whatever three letters of it look like Dutch).
  - :func:`read_language` matches the curated crisis phrases of ``languages.yaml`` (idioms and denials cut out
    first), and gives any message that is not English but holds a risk signal ("quiero 💀", "tomé 30
    pastillas", an English "suicide" in a Portuguese sentence) the level ``concern``: Haven cannot read it
    well enough to say "none", so it asks gently instead.

Everything is lazy and cached: the phrase book is read once, and each phrase's regular expression is compiled
only when a message holds one of the words it cannot match without (its "anchors", found by parsing it), so
an English message compiles next to none of the ~300 (compiling them all cost more than half a second of
every ``haven triage``); the lingua detector is built once, on first use, under a lock (the first call costs
a few seconds while lingua loads its models; call :func:`warm_up` at start-up to pay that before the first
message). Nothing here raises on odd input: empty text, NUL bytes, any script, any length.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal

from haven.yaml_files import read_yaml

LANGUAGES_FILE = Path(__file__).with_name("languages.yaml")

Level = Literal["crisis", "concern", "none"]
#: Categories, most urgent first: when phrases of several categories match, the first decides.
CATEGORIES: tuple[str, ...] = (
    "medical_emergency", "psychosis", "suicide", "self_harm", "harm_to_others", "danger_at_home", "eating_disorder",
)
#: The languages lingua chooses among (ISO 639-1). Hindi in Latin script is "hi_latn", found by its words.
DETECTED: tuple[str, ...] = ("en", "es", "pt", "fr", "de", "it", "nl", "pl", "tr", "sv", "ro", "id", "tl", "hi")
#: lingua's high-accuracy mode: slower to load (about 3 s, about 300 MB) but right on short messages, where the
#: low-accuracy mode confidently called "no one understands me" Swedish and "me cortei de novo" German.
LOW_ACCURACY = False
#: lingua's confidences are shares over the 14 languages, so a short message rarely reaches 0.5 even when it
#: is plainly Spanish. Its answer is taken at :data:`MIN_CONFIDENCE`, or from :data:`MIN_SHORT_CONFIDENCE`
#: when it leads the runner-up clearly (x1.5); otherwise it is "unsure" (None): a wrong language is worse
#: than none ("ayer me corté otra vez" is French 0.38 / Spanish 0.31, and answered None).
MIN_CONFIDENCE = 0.5
MIN_SHORT_CONFIDENCE = 0.3
CLEAR_LEAD = 1.5
#: Language identification reads at most this much of a message; phrases are matched over all of it.
SAMPLE_CHARS = 2000


# -------------------------------------------------------------------------------------------------- folding

_CURLY = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "´": "'"})
_LETTERS = str.maketrans({"ß": "ss", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ı": "i", "đ": "d", "ð": "d",
                          "þ": "th", "ħ": "h"})
#: Devanagari nasal marks and the nukta, dropped so that spelling variants meet (मैं/मै, हूँ/हूं, ज़हर/जहर).
_DEVANAGARI_DROP = {"\u0900", "\u0901", "\u0902", "\u093c"}
_SENTENCE_END = re.compile(r"[.!?;…\n\r]+")
_NOT_WORD = re.compile(r"[^0-9a-z\u0900-\u097f]+")
_RUN = re.compile(r"([a-z])\1{2,}")
_WORDS = re.compile(r"[a-z]+")


def fold(text: str) -> str:
    """Lower case, accents off Latin letters, punctuation as spaces, sentences joined by " . ".

    This is the form ``languages.yaml`` patterns are written for (see its header).
    """
    text = unicodedata.normalize("NFKC", text).translate(_CURLY).lower().translate(_LETTERS)
    chars = []
    for char in unicodedata.normalize("NFD", text):
        if "\u0300" <= char <= "\u036f" or char in _DEVANAGARI_DROP:
            continue
        chars.append(char)
    text = unicodedata.normalize("NFC", "".join(chars))
    sentences = (" ".join(_NOT_WORD.sub(" ", part).split()) for part in _SENTENCE_END.split(text))
    return " . ".join(s for s in sentences if s)


def _variants(folded: str) -> list[str]:
    """The folded text with stretched letters read once and read twice ("morirrr" -> morir, morirr)."""
    if not _RUN.search(folded):
        return [folded]
    return [_RUN.sub(r"\1", folded), _RUN.sub(r"\1\1", folded)]


# ---------------------------------------------------------------------------------------------- phrase book

@dataclass(frozen=True)
class Phrase:
    """One curated phrase: its language, what it means (category) and how urgent it is (level).

    ``pattern`` is the whole-word regular expression; ``anchors`` are strings one of which every match
    contains (None: no such set was found, so the phrase is always tried). :attr:`regex` is compiled on
    first use, which :meth:`search` puts off until the text holds an anchor.
    """

    id: str
    language: str
    category: str
    level: Level
    pattern: str
    note: str
    passive: bool = False
    anchors: frozenset[str] | None = None

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern)

    def search(self, folded: str) -> re.Match[str] | None:
        """``regex.search(folded)``, without compiling the regex when no anchor is in the text (no match then)."""
        if self.anchors is not None and not any(anchor in folded for anchor in self.anchors):
            return None
        return self.regex.search(folded)


@dataclass(frozen=True)
class LanguageEntry:
    """One language of ``languages.yaml``: its masks (idioms and denials) and phrases.

    Masks and no-intent patterns are compiled on first use: only a message in which one of this language's
    phrases matched needs them.
    """

    code: str
    name: str
    sources: tuple[str, ...]
    mask_patterns: tuple[str, ...]
    phrases: tuple[Phrase, ...]
    no_intent_patterns: tuple[str, ...] = ()
    #: how many of ``mask_patterns`` are idioms (they come first; the denials follow)
    idiom_count: int = 0

    @cached_property
    def masks(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(pattern) for pattern in self.mask_patterns)

    @property
    def idioms(self) -> tuple[re.Pattern[str], ...]:
        return self.masks[: self.idiom_count]

    @cached_property
    def no_intent(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(pattern) for pattern in self.no_intent_patterns)


@dataclass(frozen=True)
class LanguageBook:
    """Every language of ``languages.yaml``, in file order."""

    languages: dict[str, LanguageEntry] = field(default_factory=dict)

    @property
    def phrases(self) -> tuple[Phrase, ...]:
        return tuple(p for entry in self.languages.values() for p in entry.phrases)


_MACRO = re.compile(r"\{([A-Z_]+)\}")


def _expand(pattern: str, vocab: dict[str, str]) -> str:
    return _MACRO.sub(lambda m: vocab[m.group(1)], pattern)


def _whole_words(pattern: str) -> str:
    return rf"(?<!\S)(?:{pattern})(?!\S)"


def anchors_of(pattern: str) -> frozenset[str] | None:
    """Strings one of which is inside every match of ``pattern``, or None when no such set is known.

    Read from the parsed pattern (the first half of compiling it, and the cheaper one): a run of literal
    characters must appear as it is; an alternation needs one of its branches' anchors (None if any branch
    has none); a group or a repeat of at least once needs its body's; anything else (classes, ``\\w``, a
    repeat that may be skipped, flags, lookarounds) promises nothing. Of a sequence's items the one whose
    shortest anchor is longest is kept. Any shape not listed here gives None, so the phrase is always tried:
    the anchors may only ever save work, never skip a phrase that would have matched. Raises ``re.error``
    for a pattern that does not parse.
    """
    from re import _constants as sre  # the parser ``re.compile`` itself uses
    from re import _parser as parser

    parsed = parser.parse(pattern)
    try:
        if parsed.state.flags & ~sre.SRE_FLAG_UNICODE:
            return None  # e.g. (?i): a literal would no longer be the text's own letters
        return _sequence_anchors(list(parsed), sre)
    except Exception:  # noqa: BLE001 - a shape another Python's parser gives differently: always tried
        return None


def _sequence_anchors(items: list, sre) -> frozenset[str] | None:
    found: list[frozenset[str]] = []
    run: list[str] = []
    for op, value in items:
        if op is sre.LITERAL:
            run.append(chr(value))
            continue
        if run:
            found.append(frozenset(["".join(run)]))
            run = []
        inner = _item_anchors(op, value, sre)
        if inner:
            found.append(inner)
    if run:
        found.append(frozenset(["".join(run)]))
    return max(found, key=lambda anchors: min(map(len, anchors)), default=None)


def _item_anchors(op, value, sre) -> frozenset[str] | None:
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, body = value
        return None if add_flags or del_flags else _sequence_anchors(list(body), sre)
    if op is sre.BRANCH:
        branches = [_sequence_anchors(list(branch), sre) for branch in value[1]]
        return None if not all(branches) else frozenset().union(*branches)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
        least, _most, body = value
        return _sequence_anchors(list(body), sre) if least >= 1 else None
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return _sequence_anchors(list(value), sre)
    return None


@lru_cache(maxsize=1)
def load_language_book(path: Path = LANGUAGES_FILE) -> LanguageBook:
    """Read ``languages.yaml`` once per process; a bad entry fails loudly with its id.

    Each phrase is parsed (for its anchors) but compiled only when first needed; a test compiles them all.
    """
    data = read_yaml(path)
    languages: dict[str, LanguageEntry] = {}
    for code, entry in data["languages"].items():
        vocab = entry.get("vocab") or {}
        masks = tuple(
            _whole_words(_expand(item["pattern"], vocab))
            for item in (entry.get("idioms") or []) + (entry.get("denials") or [])
        )
        phrases = []
        for item in entry["phrases"]:
            if item["category"] not in CATEGORIES or item["level"] not in ("crisis", "concern"):
                raise ValueError(f"{item['id']}: unknown category or level")
            try:
                pattern = _whole_words(_expand(item["pattern"], vocab))
                anchors = anchors_of(pattern)
            except (re.error, KeyError) as exc:
                raise ValueError(f"{item['id']}: {exc}") from exc
            phrases.append(Phrase(item["id"], code, item["category"], item["level"], pattern, item.get("note", ""),
                                  bool(item.get("passive", False)), anchors))
        no_intent = tuple(_whole_words(_expand(item["pattern"], vocab)) for item in entry.get("no_intent") or [])
        languages[code] = LanguageEntry(code, entry["name"], tuple(entry.get("sources") or ()), masks,
                                        tuple(phrases), no_intent, len(entry.get("idioms") or []))
    return LanguageBook(languages)


@dataclass(frozen=True)
class PhraseHit:
    """A phrase that matched, with the words it matched."""

    phrase: Phrase
    matched: str


def _mask(text: str, masks: tuple[re.Pattern[str], ...]) -> str:
    for regex in masks:
        text = regex.sub(" ~ ", text)
    return text


def without_idioms(sentence: str, language: str | None, book: LanguageBook | None = None) -> str:
    """A sentence with its language's everyday figures of speech cut out, for the learned layer to read; the
    sentence as it was when it holds none (or the language has no entry).

    Why: the learned layer reads other languages through an English encoder, and the curated idioms ("me muero por",
    "me mata la espalda", "ich sterbe vor Hunger") were cut only before the curated phrases were matched; it read
    "y la comida... me moría por volver a comer salmorejo" (dying to eat it again) 0.78 as a crisis
    (risk_conversations_heldout56, read)."""
    entry = (book or load_language_book()).languages.get(language or "")
    if entry is None or not entry.idiom_count:
        return sentence
    folded = fold(sentence)
    masked = _mask(folded, entry.idioms)
    return sentence if masked == folded else " ".join(masked.replace("~", " ").split())


def match_phrases(text: str, book: LanguageBook | None = None) -> list[PhraseHit]:
    """Every curated phrase in ``text`` (any language: detection is not trusted on short messages).

    Each language's idioms and denials are cut out before its own phrases are matched, so "me muero de risa"
    never fires and "no quiero morir, pero ya no quiero vivir" still does.
    """
    book = book or load_language_book()
    hits: dict[str, PhraseHit] = {}
    for folded in _variants(fold(text)):
        for entry in book.languages.values():
            # Masking only ever removes words, so a phrase that does not match the unmasked text cannot match
            # the masked one: look first, and pay for the masks only when something matched.
            candidates = [p for p in entry.phrases if p.id not in hits and p.search(folded)]
            if not candidates:
                continue
            masked = _mask(folded, entry.masks)
            for phrase in candidates:
                found = phrase.regex.search(masked)
                if found:
                    hits[phrase.id] = PhraseHit(phrase, found.group(0))
    return list(hits.values())


# --------------------------------------------------------------------------------------- language detection

#: Common English words that are not also common words of the other languages here ("die", "was", "will",
#: "is", "me", "no", "so", "in" are left out: they are German, Dutch, Spanish...).
ENGLISH_WORDS: frozenset[str] = frozenset("""
the and i you to of it that this my your be been have has had do does did dont cant wont im ive its not just
but or if when what why how who with for from about at up out all any anymore really very much more some
want wanna gonna feel feeling felt like know think get got go going can could would should they she we her
him them myself anyone someone nobody everyone everything nothing something thanks thank please hi hello hey
yeah yes okay ok lol idk today tonight tomorrow again still never always because tired sad help sleep life
work day time people friend friends mum mom dad boss same good better worse now too there here then than off
only even one kill dead hate love miss cry crying hurt pain scared anxious anxiety stress stressed exam school
sorry bye night morning week anything well back after before over been being were am are was is me no so
don't can't won't i'm i've it's doesn't didn't isn't wasn't haven't let lets make made take took need keep
say said tell told talk talking thing things way much many little lot lots bit kind sure maybe think thought
ty thx tysm tx thnx ngl tbh omg pls plz kk yh yep yup nah nope np brb rn imo irl btw ikr smh tho cuz coz
""".split()) - {"was", "is", "me", "no", "so", "over", "am", "are", "were", "been", "being", "after", "well"}

#: Hindi words as people type them in Latin letters, chosen so that none is a common English, Spanish,
#: German, Turkish, Indonesian or Tagalog word ("main", "ko", "na", "hindi", "to", "papa", "mann", "dil" and
#: "ab" are left out for that reason). Two different ones, making a fifth of the words, mean Hinglish.
HINGLISH_WORDS: frozenset[str] = frozenset("""
hai hain nahi nahin nhi mujhe mujhko mujhse mera meri mere tera teri tere kya kyun kyu kyon kuch kuchh bahut
bohot bohat yaar hoon hun raha rahi rahe karna karta karti karke tha thi aur bhi abhi sab koi kabhi sirf
lekin agar kaise kahan yahan wahan jaana jana jaunga jaungi chahta chahti chahiye lagta lagti zindagi
jindagi jeena jeene jina marna maut dard dukh ghar pyaar pyar accha acha achha theek thik pata samajh matlab
khud khatam khatm pareshan hoga hogi gaya gayi gya gyi diya liya sakta sakti sakte wala wali yeh woh bhai
didi kal aaj raat subah kaha kehta kehti bolta bolti jaan goliyan khudkushi aatmahatya hu nai apna apni apne
unko usko isko humein tumhe aap kar kr rha rhi karunga karungi karega karegi karenge karoon karun lunga
lungi dunga dungi jaun ho kyunki
""".split())


_detector = None
_detector_lock = threading.Lock()


def _get_detector():
    """The lingua detector, built once (thread-safe; lingua itself is safe to share between threads)."""
    global _detector
    if _detector is None:
        with _detector_lock:
            if _detector is None:
                from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

                languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
                             for code in DETECTED]
                builder = LanguageDetectorBuilder.from_languages(*languages)
                if LOW_ACCURACY:
                    builder = builder.with_low_accuracy_mode()
                _detector = builder.build()
    return _detector


def warm_up() -> None:
    """Load the phrase book and lingua's models now, so the first person's message does not wait for them."""
    load_language_book()
    _get_detector().compute_language_confidence_values("warm up the detector")


def _scripts(text: str) -> tuple[int, int, int]:
    latin = devanagari = other = 0
    for char in text:
        if "\u0900" <= char <= "\u097f":
            devanagari += 1
        elif char.isalpha():
            if char.isascii() or "\u00c0" <= char <= "\u024f":
                latin += 1
            else:
                other += 1
    return latin, devanagari, other


def _without_emoji(text: str) -> str:
    if text.isascii():
        return text
    import emoji

    return emoji.replace_emoji(text, replace=" ")


def detect_language(text: str | None) -> str | None:
    """ISO 639-1 code of the language of ``text`` ("hi_latn" for Hindi in Latin letters), or None.

    None means too short or unsure: one word, no letters, a script Haven does not read (Cyrillic, Arabic,
    CJK), or lingua below :data:`MIN_CONFIDENCE`.
    """
    if not text:
        return None
    sample = _without_emoji(str(text)[:SAMPLE_CHARS]).replace("\x00", " ")
    latin, devanagari, other = _scripts(sample)
    if devanagari >= 3 and devanagari >= latin and devanagari >= other:
        return "hi"
    if other > latin or latin < 3:
        return None
    words = _WORDS.findall(fold(sample))
    if len(words) < 2:
        return None
    if _hinglish(words):
        return "hi_latn"
    english = sum(w in ENGLISH_WORDS for w in words)
    if english >= 2 and english * 2 >= len(words):
        return "en"
    values = _get_detector().compute_language_confidence_values(sample)
    if not values:
        return None
    top, second = values[0].value, (values[1].value if len(values) > 1 else 0.0)
    if top >= MIN_CONFIDENCE:
        return values[0].language.iso_code_639_1.name.lower()
    if top >= MIN_SHORT_CONFIDENCE and top >= CLEAR_LEAD * second:
        runner_up = values[1].language.iso_code_639_1.name.lower() if len(values) > 1 else None
        if runner_up == "en" and english:
            return None  # "I'm fuming" reads Tagalog by a nose: with English words in it, say unsure
        return values[0].language.iso_code_639_1.name.lower()
    return None


def _hinglish(words: list[str]) -> bool:
    markers = [w for w in words if w in HINGLISH_WORDS]
    return len(set(markers)) >= 2 and len(markers) * 5 >= len(words)


# -------------------------------------------------------------------------------------------------- reading

@dataclass(frozen=True)
class LanguageReading:
    """What this module saw in one message.

    ``language``: the detected language (or, when detection is unsure, the language of the phrase that
    matched); ``level``: crisis / concern / none; ``category``: the most urgent category, or None;
    ``evidence``: why, for the log and the clinician.
    """

    language: str | None
    level: Level
    category: str | None
    evidence: str


NONE = LanguageReading(None, "none", None, "")

#: English risk words that still count in a message written in another language ("quiero suicide").
_ENGLISH_RISK = re.compile(
    r"(?<!\S)(?:die|dying|dead|kill|killing|killed|kms|kys|suicide|suicidal|suicid\w*|overdose\w*|pills|"
    r"self ?harm|selfharm|unalive|cut myself|hang myself|end my life|want to die)(?!\S)")
#: English words that are everyday words in another language: "die" is German and Dutch for "the"/"that".
_NOT_RISK_IN = {"de": {"die"}, "nl": {"die"}}
#: A number of pills or tablets, in any of the languages here.
_PILL_COUNT = re.compile(
    r"(?<!\S)\d{1,4} ?x? (?:\w+ ){0,2}(?:pills|tablets|pastillas|pastis|pildoras|tabletas|comprimidos|comprimes|"
    r"cachets|gelules|pilules|tabletten|pillen|pillole|pastiglie|compresse|remedios|pilulas|capsulas|"
    r"tabletki|tabletek|hap|tablet|goliyan|goliya|goli|medicamentos|medicaments|medikamente|medicijnen|"
    r"farmaci|paracetamol\w*|ibuprofen\w*|dafalgan|doliprane|tylenol|xanax|rivotril|lexomil|gocce)(?!\S)")


#: Laughter, in the ways people type it: "vou matar meu irmão kkk" is a joke, not a threat.
_LAUGHTER = re.compile(r"(?<!\S)(?:(?:ha|ja|je|he|hi|rs){2,}h?|k{3,}|lol\w*|lmao\w*|mdr|ptdr|xd+|jsjs\w*|hahaha\w*)(?!\S)")


def _said_no_intent(hits: list[PhraseHit], folded: str, book: LanguageBook) -> bool:
    """Every crisis hit is a passive wish, and the message says the person would not act on it."""
    crisis = [h for h in hits if h.phrase.level == "crisis"]
    if not crisis or not all(h.phrase.passive for h in crisis):
        return False
    codes = {h.phrase.language for h in crisis}
    return any(regex.search(folded) for code in codes for regex in book.languages[code].no_intent)


def _most_urgent(hits: list[PhraseHit]) -> PhraseHit:
    return min(hits, key=lambda h: (h.phrase.level != "crisis", CATEGORIES.index(h.phrase.category)))


def _evidence(hits: list[PhraseHit]) -> str:
    ordered = sorted(hits, key=lambda h: (h.phrase.level != "crisis", CATEGORIES.index(h.phrase.category)))
    return "; ".join(f'phrase {h.phrase.id}: "{h.matched}"' for h in ordered[:3])


def _risk_signals(text: str, folded: str, language: str) -> tuple[str, str] | None:
    """A risk signal in a message Haven cannot read: (category, evidence), or None."""
    try:
        from haven.safety.reading import risk_emoji

        emoji_found = risk_emoji(text[:SAMPLE_CHARS * 10])
    except Exception:  # the emoji reading is a help, never a reason to fail
        emoji_found = []
    if emoji_found:
        return "suicide", "risk emoji " + " ".join(emoji_found[:5])
    count = _PILL_COUNT.search(folded)
    if count:
        return "medical_emergency", f'a number of pills: "{count.group(0)}"'
    skip = _NOT_RISK_IN.get(language, set())
    for found in _ENGLISH_RISK.finditer(folded):
        if found.group(0) not in skip:
            return "suicide", f'risk word: "{found.group(0)}"'
    return None


def read_language(text: str | None) -> LanguageReading:
    """Curated phrases and risk signals in a message, with its language.

    - a curated phrase matched: its level and category (the most urgent one if several matched);
    - else, a message not in English (detected, and not "en") that holds any risk signal (a risk emoji read
      in context, a number of pills, an English risk word): ``concern``, category suicide (medical emergency
      for a number of pills);
    - else ``none``.
    """
    if not text or not str(text).strip():
        return NONE
    text = str(text).replace("\x00", " ")
    language = detect_language(text)
    hits = match_phrases(text)
    if language == "en":
        # an English message is read by the English patterns; only a crisis phrase in another language
        # ("my friend just texted me 'quiero morir'") adds anything, and a loan word such as "pro ana" is not
        # a foreign phrase at all
        hits = [h for h in hits if h.phrase.level == "crisis"]
    folded = fold(text)
    if _LAUGHTER.search(folded) or "😂" in text or "🤣" in text:
        # "je vais le tuer lol": a joke about others, not a threat (a crisis phrase still stands)
        hits = [h for h in hits if not (h.phrase.category == "harm_to_others" and h.phrase.level == "concern")]
    if hits:
        best = _most_urgent(hits)
        level, why = best.phrase.level, _evidence(hits)
        if _said_no_intent(hits, folded, load_language_book()):
            level, why = "concern", why + "; said they would not act on it"
        return LanguageReading(language or best.phrase.language, level, best.phrase.category, why)
    if language is None or language == "en":
        return LanguageReading(language, "none", None, "")
    entry = load_language_book().languages.get(language)
    masked = _mask(folded, entry.masks) if entry else folded  # "main suicide nahi karunga" is a denial
    signal = _risk_signals(text, masked, language)
    if signal:
        category, why = signal
        return LanguageReading(language, "concern", category, f"{language} message with {why}")
    return LanguageReading(language, "none", None, "")
