"""The exact library passage a quoted sentence comes from, and quotes that stand on their own.

A citation is a promise: open [1] and you find the sentence Haven said, under the section it names. Search
brings back one passage per document (its best match for the message), but the guide often quotes another
part of the same document (an exercise's summary sits in "What it is for", its cautions in "Take care"). So a
quote is cited with the passage that holds it, cut the same way the index cuts the library
(:func:`haven.retrieval.chunking.chunk_document`), never with whatever passage search happened to bring.

A quote must also make sense without the text around it: not starting on "It ..." or "This ...", not pointing
at "these habits" or "the steps above", not ending on a teaser ("Panic often follows a loop.") whose point is in
the sentences left out.
"""

from __future__ import annotations

import re

from haven.retrieval.types import Hit

_SPACE = re.compile(r"\s+")
_LIST_OR_HEADING = re.compile(r"^\s*([-*+]|\d+\.|#+)\s+")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(])")
#: A sentence that leans on the one before it.
LEANS_BACK = re.compile(
    r"^(it|this|that|these|those|they|then|so|but|and|or|also|here|there|such|both|others|for example|"
    r"for instance|each one|do the same|often that|instead)\b",
    re.I,
)
#: Words that point at text a quote may have cut ("noticing these habits", "the steps above").
POINTS_BACK = re.compile(r"\b(these|those|the above|above|the following|such|the other way|as well|too)\b", re.I)
#: A sentence that promises what comes next rather than saying it.
TEASER = re.compile(
    r"(:\s*$)|\b(follows a loop|here'?s how|as follows|like this|for example|for instance)\W*$", re.I
)

#: The countries the library names a sentence for ("In the US and Canada, call or text 988.", "In England, you can
#: refer yourself to NHS Talking Therapies."), as region codes. "Northern Ireland" comes before "Ireland".
_COUNTRY = {
    "us": {"US"}, "usa": {"US"}, "united states": {"US"}, "canada": {"CA"}, "uk": {"GB"}, "united kingdom": {"GB"},
    "england": {"GB"}, "scotland": {"GB"}, "wales": {"GB"}, "northern ireland": {"GB"}, "ireland": {"IE"},
    "australia": {"AU"}, "new zealand": {"NZ"},
}
_COUNTRY_NAMES = "|".join(sorted(_COUNTRY, key=len, reverse=True))
_IN_COUNTRY = re.compile(rf"\bin (?:the )?({_COUNTRY_NAMES})\b(?:,? (?:and|or) (?:the )?({_COUNTRY_NAMES})\b)?", re.I)
#: Region codes written for the same country ("UK" and "GB").
_SAME_REGION = {"UK": "GB"}


def for_another_country(sentence: str, region: str) -> bool:
    """True if ``sentence`` says it is for people in other countries than ``region``'s ("In the US, a primary care
    doctor is a good first step" to someone in Ireland), so it is left out of what that person is told.

    Why: the library names where each referral applies, and the guide quoted the US ones to people in Ireland and
    Nigeria (chat_heldout62's blind reader). A sentence that names no country, or names theirs, is for them; the
    crisis card's own lines come by region from the safety layer, not from here.
    """
    region = _SAME_REGION.get(region.upper(), region.upper())
    named: set[str] = set()
    for match in _IN_COUNTRY.finditer(sentence):
        for country in filter(None, match.groups()):
            named |= _COUNTRY[country.lower()]
    return bool(named) and region not in named


def for_their_country(quote: str, region: str) -> str:
    """``quote`` up to its first sentence for other countries than ``region``'s ("See a doctor or a talking therapy
    service if panic attacks keep coming back. In England, you can refer yourself..." to someone in Ireland: the
    first sentence alone); empty when that is the first.

    Why up to, not without: the sentences after one for another country go on about that country ("In England, you
    can refer yourself to NHS Talking Therapies. You do not need to see a GP first. Search "NHS Talking Therapies"
    with your postcode..." was told to someone in Galway with its first sentence taken out, seen trying the app)."""
    kept: list[str] = []
    for sentence in _SENTENCE.split(quote):
        if for_another_country(sentence, region):
            break
        kept.append(sentence)
    return " ".join(kept).strip()


def _plain(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def contains(passage: str, quote: str) -> bool:
    """True if ``quote`` is in ``passage`` word for word (spacing and line breaks aside)."""
    return _plain(quote) in _plain(passage)


_CUT: dict[tuple[int, str], tuple[Hit, ...]] = {}


def of_document(library, doc_id: str) -> tuple[Hit, ...]:
    """Every passage of a library document, as the index holds them (section by section); cut once."""
    key = (id(library), doc_id)
    if key not in _CUT:
        from haven.retrieval.chunking import chunk_document

        doc = library.get(doc_id)
        path = library.paths.get(doc_id)
        if doc is None:
            return ()
        passages, _ = chunk_document(doc, "/".join(path.parts[-2:]) if path is not None else "")
        _CUT[key] = tuple(
            Hit(
                doc_id=p.doc_id,
                kind=p.kind,
                title=p.title,
                section=p.section,
                source=p.source,
                score=0.0,
                passage=p.text,
                references=list(p.references),
            )
            for p in passages
        )
    return _CUT[key]


def holding(library, doc_id: str, *quotes: str, hits=()) -> Hit | None:
    """The passage of ``doc_id`` that holds every one of ``quotes``: a retrieved one if it does, else the
    document's own; None when no single passage holds them all (then the quote is not to be cited as one)."""
    wanted = [q for q in quotes if q and q.strip()]
    for hit in [*(h for h in hits if h.doc_id == doc_id), *of_document(library, doc_id)]:
        if all(contains(hit.passage, q) for q in wanted):
            return hit
    return None


def section(library, doc_id: str, name: str) -> Hit:
    """A document's passage by its section name ("How to do it")."""
    return next(h for h in of_document(library, doc_id) if h.section == name)


def paragraphs(text: str) -> list[list[str]]:
    """The prose paragraphs of a passage as lists of sentences (list items and headings left out)."""
    out = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line for line in block.splitlines() if line.strip() and not _LIST_OR_HEADING.match(line)]
        if lines:
            out.append([s.strip() for s in _SENTENCE.split(_plain(" ".join(lines))) if s.strip()])
    return out


def tips(text: str, words: set[str], length: int = 2) -> list[str]:
    """List items of a passage ("- Let the signs be there. Blushing and shaking rise and fall...") that speak of
    one of ``words`` (stems of the person's own words, five letters or more), as quotes of up to ``length``
    sentences that stand on their own. Why: a "what helps" section is a list, which :func:`quotes` leaves out,
    and "what can I do about the blushing" is answered by the one item about blushing, not by the first one."""
    found = []
    for item in items(text):
        lowered = item.lower()
        if not any(re.search(rf"\b{re.escape(w)}", lowered) for w in words):
            continue
        sentences = [s.strip() for s in _SENTENCE.split(item) if s.strip()]
        for size in range(min(length, len(sentences)), 0, -1):
            quote = " ".join(sentences[:size])
            if stands_alone(sentences[:size]) and len(quote.split()) >= _TIP_WORDS:
                found.append(quote)
                break
    return found


def items(text: str) -> list[str]:
    """Every list item of a passage, whole ("Pause. Stop talking and take a slow breath before you respond.").
    Why: a "what helps in the moment" list is a set of steps to give as they are, not to pick one sentence from."""
    return [
        _plain(_LIST_OR_HEADING.sub("", line, count=1))
        for line in text.splitlines()
        if re.match(r"^\s*[-*+]\s+", line)
    ]


#: The fewest words a tip may have: "Name it." alone says nothing without the sentence after it.
_TIP_WORDS = 6


def stands_alone(sentences: list[str]) -> bool:
    """A quote readable without the text around it."""
    if not sentences or LEANS_BACK.match(sentences[0]):
        return False
    text = " ".join(sentences)
    if POINTS_BACK.search(text) or TEASER.search(sentences[-1]) or text.count('"') % 2:
        return False
    return all(len(s) <= 260 for s in sentences)


def _list_leads(text: str) -> set[str]:
    """One-sentence paragraphs that open a list right after them ("Social anxiety often follows a loop, with a
    before, a during and an after." over "- Before. ..."): said alone, they promise what they do not give."""
    blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
    leads = set()
    for block, after in zip(blocks, blocks[1:], strict=False):
        if _LIST_OR_HEADING.match(block.strip()) or not re.match(r"^\s*[-*+]\s+", after):
            continue
        sentences = [s.strip() for s in _SENTENCE.split(_plain(block)) if s.strip()]
        if len(sentences) == 1:
            leads.add(sentences[0])
    return leads


def quotes(text: str, length: int = 2, skip_summary: bool = False) -> list[str]:
    """Quotes of up to ``length`` whole sentences from a passage, each the opening of a paragraph (a sentence in
    the middle leans on the ones before it: "Others notice aches", "Common ones are..."), each standing on its
    own; in the passage's order."""
    found: list[str] = []
    leads = _list_leads(text)
    paras = [p for p in paragraphs(text) if " ".join(p) not in leads]
    if skip_summary and len(paras) > 1:
        paras = paras[1:]  # an overview's first paragraph is the document's summary line
    for para in paras:  # a paragraph's first sentences: mid-paragraph ones lean on what came before
        for size in range(min(length, len(para)), 0, -1):
            if stands_alone(para[:size]):
                found.append(" ".join(para[:size]))
                break
    return found


def _quotes_kept_whole(sentences: list[str]) -> list[str]:
    """Sentences with a quotation split across them joined again: 'Use "I" statements: "I felt hurt when plans
    changed at the last minute. Can we agree to text first?"' is one example, not a quote cut at its full stop."""
    joined: list[str] = []
    for sentence in sentences:
        if joined and joined[-1].count('"') % 2:
            joined[-1] = f"{joined[-1]} {sentence}"
        else:
            joined.append(sentence)
    return joined


def _term_pattern(term: str) -> str:
    """A term as the library may write it: its words apart or joined by a hyphen or quotes, and one or many ("an
    I-statement" is the library's 'calm "I" statements', chat_heldout45, read)."""
    words = [re.escape(w) for w in re.split(r"[\s\-]+", term.strip(" \"'“”‘’")) if w]
    if not words:
        return r"(?!)"
    return r"\b" + r"[\"'“”‘’]?[\s\-]*[\"'“”‘’]?".join(words) + r"(?:s|es)?\b"


def defining(library, term: str, strict: bool = False) -> tuple[Hit, str] | None:
    """The first sentence in the library that names ``term`` (a word or two), with its passage: articles before
    exercises. Why: "wats pomodoro" asks what one word means; a search ranks passages by what a message is about,
    and one sentence that names the word ("Some people call 25 minutes of work ... the Pomodoro technique") ranked
    below whole exercises. None when no sentence names it, and the chat then says it has nothing on it."""
    wanted = re.compile(_term_pattern(term), re.IGNORECASE)
    # a sentence that says what the word is ("Catastrophising ... is", "people call ... the Pomodoro technique")
    named = _term_pattern(term)
    says_what = re.compile(rf"{named}( \([^)]*\))?( \w+)? (is|are|means)\b|\bcall\w*\b.*{named}", re.IGNORECASE)
    found: list[tuple[Hit, str]] = []
    for doc_id in [*library.articles, *library.exercises]:
        for hit in of_document(library, doc_id):
            if hit.section == "When it helps" or not wanted.search(hit.passage):
                continue  # "When it helps" is in people's own voices ("I'd like to try mindfulness but..."), no answer
            for block in [*items(hit.passage), *(" ".join(p) for p in paragraphs(hit.passage))]:
                for sentence in _quotes_kept_whole(_SENTENCE.split(_plain(block))):
                    if wanted.search(sentence) and len(sentence.split()) >= 6:
                        found.append((hit, sentence.strip()))
    # ``strict``: only a sentence that says what it is ("often called the Pomodoro technique"); "I can't stop snapping
    # at my kids" names "stop" and says nothing of a STOP exercise
    return next((f for f in found if says_what.search(f[1])), None if strict else (found[0] if found else None))


def mentions(library, term: str) -> bool:
    """Whether any passage of the library names ``term`` at all."""
    wanted = re.compile(_term_pattern(term), re.IGNORECASE)
    return any(wanted.search(h.passage) for d in [*library.articles, *library.exercises] for h in of_document(library, d))


def nearest_sentence(library, doc_id: str, words: set[str], said) -> tuple[Hit, str] | None:
    """The sentence of a document (its steps and list items included, its "When it helps" lines not) sharing most of
    ``words`` (words of four letters or more, a plural "s" dropped; two at least), not said already (``said(sentence)`` true when fresh), with its passage; None when none
    shares two. Why: "So I'd write the worries down at night and only deal with them at a set time the next day?",
    asked just after worry time was explained, is answered by the step that says so."""
    best: tuple[int, Hit, str] | None = None
    for hit in of_document(library, doc_id):
        if hit.section == "When it helps":
            continue
        # paragraphs, list items and numbered steps ("2. During the day, when a worry pops up, write it down")
        blocks = re.split(r"\n\s*\n|\n(?=\s*(?:\d+\.|[-*+])\s)", hit.passage)
        for block in (_LIST_OR_HEADING.sub("", b.strip(), count=1) for b in blocks):
            for sentence in _SENTENCE.split(_plain(block)):
                shared = len(words & {w.rstrip("s") for w in re.findall(r"[a-z]{4,}", sentence.lower())})
                if shared >= 2 and not LEANS_BACK.match(sentence.lower()) and said(sentence) and (best is None or shared > best[0]):
                    best = (shared, hit, sentence.strip())
    return (best[1], best[2]) if best else None

