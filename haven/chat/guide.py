"""The guide engine: no model, offline, deterministic. Reflects, explains a little, suggests, asks.

In the manner of Woebot and Wysa: name back what the person feels, offer one short piece of
psychoeducation from an article (cited), one to three exercises from what retrieval found (cited), and one
follow-up question. Every fact it states is a library passage; its own words are only the connective tissue
in :mod:`haven.chat.phrases`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Protocol

from haven.chat import phrases as P
from haven.chat.phrasing import Phraser
from haven.chat.types import Citation, Draft, EngineRequest
from haven.content.loader import Library
from haven.content.models import Exercise
from haven.retrieval.types import Hit

#: How many earlier assistant messages count as "already said".
MEMORY_TURNS = 12
_LIST_OR_HEADING = re.compile(r"^\s*([-*+]|\d+\.|#+)\s+")


_PROSE_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_ANAPHORIC = re.compile(r"^(it|this|that|these|those|they|then|so|but|and|or|also)\b", re.I)


def _first_sentences(text: str, count: int = 2, limit: int = 240) -> list[str]:
    """Whole prose sentences from a passage (list items and headings skipped), each under ``limit`` characters."""
    found = []
    for line in text.splitlines():
        if line.strip() and not _LIST_OR_HEADING.match(line):
            found += [s.strip() for s in _PROSE_SENTENCE.split(line.strip())]
    # left out: a sentence ending in ":" (it introduces a list not quoted with it), one cut inside a quote
    whole = [s for s in found if s and len(s) <= limit and not s.endswith(":") and s.count('"') % 2 == 0]
    return whole[: max(count, 0) or None]


def _article_prose(hit: Hit) -> list[str]:
    """The sentences of an article passage worth quoting; an overview's first paragraph is the summary."""
    text = hit.passage
    if hit.section == "Overview" and "\n\n" in text:
        text = text.split("\n\n", 1)[1]
    return _first_sentences(text, count=0)


def _snippet_starts(prose: list[str]) -> list[int]:
    """Where a quote may begin: not on a sentence that leans on the one before ("It ...", "This ...")."""
    starts = [i for i, s in enumerate(prose) if not _ANAPHORIC.match(s)]
    return starts or [0]


class _Citer:
    """Numbers passages in the order the reply first cites them."""

    def __init__(self) -> None:
        self.citations: list[Citation] = []

    def peek(self, doc_id: str) -> int:
        """The number ``doc_id`` has, or would get if cited next."""
        return next((c.n for c in self.citations if c.doc_id == doc_id), len(self.citations) + 1)

    def cite(self, hit: Hit) -> int:
        for c in self.citations:
            if c.doc_id == hit.doc_id:
                return c.n
        citation = Citation.of(len(self.citations) + 1, hit)
        self.citations.append(citation)
        return citation.n


class ReviewedMatcher(Protocol):
    """Finds a clinician's approved reply for a message (``haven.reviews.ReviewedReplies``)."""

    def match(self, text: str): ...


class GuideEngine:
    """Scripted replies grounded in the retrieved passages. Build once; ``reply`` is pure."""

    name = "guide"

    def __init__(self, library: Library, reviewed: ReviewedMatcher | None = None) -> None:
        self.library = library
        self.reviewed = reviewed

    # --- the engine interface ----------------------------------------------------------------------

    def reply(self, request: EngineRequest) -> Draft:
        approved = self._clinician_reviewed(request)
        if approved is not None:
            return approved
        said = [t.text for t in request.history if t.role == "assistant"][-MEMORY_TURNS:]
        seed = "\x1e".join([request.text, *(t.text for t in request.history)])
        phraser = Phraser(seed, said)
        citer = _Citer()
        compose = getattr(self, f"_{request.understanding.intent}", self._feeling)
        paragraphs, suggested = compose(request, phraser, citer)
        text = "\n\n".join(p for p in paragraphs if p)
        return Draft(text=text, citations=tuple(citer.citations), suggested_exercises=tuple(suggested))

    def stream(self, request: EngineRequest) -> Iterator[str | Draft]:
        """The reply a few words at a time (for the page's typewriter), then the finished draft."""
        draft = self.reply(request)
        yield from re.findall(r"\S+\s*", draft.text)
        yield draft

    def _clinician_reviewed(self, request: EngineRequest) -> Draft | None:
        """A clinician's approved better reply to a message close enough to this one (triage ran before)."""
        if self.reviewed is None:
            return None
        match = self.reviewed.match(request.text)
        if match is None:
            return None
        note = f"A clinician-reviewed reply ({match.reviewer}, {match.reviewed_on:%d %b %Y})."
        return Draft(text=match.text, note=note)

    # --- pieces --------------------------------------------------------------------------------------

    def _exercise_hit(self, exercise_id: str, hits: tuple[Hit, ...]) -> Hit:
        """The retrieved passage of an exercise, or its overview when retrieval did not bring it."""
        for hit in hits:
            if hit.doc_id == exercise_id:
                return hit
        ex = self.library.exercises[exercise_id]
        source = self._source(exercise_id)
        return Hit(
            doc_id=ex.id,
            kind="exercise",
            title=ex.title,
            section="What it is for",
            source=source,
            score=0.0,
            passage=f"{ex.summary}\n\n{ex.purpose.strip()}",
            references=list(ex.references),
        )

    def _source(self, doc_id: str) -> str:
        path = self.library.paths.get(doc_id)
        if path is None:
            return ""
        parts = path.parts
        return "/".join(parts[-2:])

    def _exercise_fields(self, ex: Exercise, n: int) -> dict[str, str]:
        purpose = _first_sentences(ex.purpose, 1)
        return {
            "title": ex.title,
            "n": str(n),
            "minutes": str(ex.duration_minutes),
            "summary": ex.summary.strip(),
            "purpose": purpose[0] if purpose else ex.summary.strip(),
            "when": ex.when_it_helps[0],
        }

    def _exercise_lines(self, request, phraser: Phraser, citer: _Citer, limit: int) -> tuple[list[str], list[str]]:
        """One to ``limit`` exercises from the hits (already ranked for this person), each a fresh line."""
        lines, chosen = [], []
        for hit in request.hits:
            if hit.kind != "exercise" or hit.doc_id not in self.library.exercises:
                continue
            ex = self.library.exercises[hit.doc_id]
            fields = self._exercise_fields(ex, citer.peek(ex.id))
            line = phraser.first_fresh(option.format(**fields) for option in P.EXERCISE_LINE)
            if line is None:
                continue
            citer.cite(hit)
            lines.append(line)
            chosen.append(ex.id)
            if len(chosen) == limit:
                break
        return lines, chosen

    def _psychoeducation(self, request, phraser: Phraser, citer: _Citer) -> str | None:
        """Two sentences from one of the two best article passages, not said before, cited."""
        articles = [h for h in request.hits if h.kind == "article"][:2]  # further down is likely off the point
        for hit in articles:
            prose = _article_prose(hit)
            n = str(citer.peek(hit.doc_id))
            for start in _snippet_starts(prose):
                window = prose[start : start + 2]
                if len(window) < min(2, len(prose)):
                    continue  # a lone last sentence often leans on the one before it
                snippet = " ".join(window)
                if not phraser.fresh(snippet):
                    continue
                text = phraser.pick("psychoed", P.PSYCHOED_LEAD, required=False, snippet=snippet, n=n)
                if text:
                    citer.cite(hit)
                    return text
        return None

    def _follow_up(self, request, phraser: Phraser) -> str:
        u = request.understanding
        if u.intent == "acknowledgement":
            return phraser.pick("follow", P.FOLLOW_UP_GENERAL)
        if u.feelings and all(f in P.POSITIVE_FEELINGS for f in u.feelings):
            return phraser.pick("follow-positive", P.FOLLOW_UP_POSITIVE)
        options: list[str] = []
        for theme in u.themes:
            options += P.FOLLOW_UP_THEME.get(theme, ())
        question = phraser.pick("follow-theme", options, required=False) if options else None
        return question or phraser.pick("follow", P.FOLLOW_UP_GENERAL)

    def _reflection(self, request, phraser: Phraser) -> str:
        u = request.understanding
        about = next((P.THEME_ABOUT[t] for t in u.themes if t in P.THEME_ABOUT), "")
        if "grieving" in u.feelings:
            return phraser.pick("reflect-grief", P.REFLECT_GRIEF)
        if u.feelings:
            words = [P.FEELING_WORDS.get(f, f) for f in u.feelings[:2]]
            feeling = " and ".join(words)
            if all(f in P.POSITIVE_FEELINGS for f in u.feelings):
                return phraser.pick("reflect-positive", P.REFLECT_POSITIVE, feeling=feeling)
            return phraser.pick("reflect", P.REFLECT_FEELING, feeling=feeling, about=about)
        if u.themes:
            theme = P.THEME_NOUNS.get(u.themes[0], u.themes[0])
            return phraser.pick("reflect-theme", P.REFLECT_THEME, theme=theme)
        return phraser.pick("reflect-general", P.REFLECT_GENERAL)

    # --- intents ---------------------------------------------------------------------------------------

    def _feeling(self, request, phraser, citer):
        u = request.understanding
        positive = bool(u.feelings) and all(f in P.POSITIVE_FEELINGS for f in u.feelings)
        opening = self._reflection(request, phraser)
        if not positive:
            validation = phraser.pick("validate", P.VALIDATE, required=False)
            opening = f"{opening} {validation}" if validation else opening
        psychoed = None if positive else self._psychoeducation(request, phraser, citer)
        lines, chosen = self._exercise_lines(request, phraser, citer, limit=1 if positive else 2)
        block = None
        if lines:
            leads = P.EXERCISES_LEAD_POSITIVE if positive else P.EXERCISES_LEAD
            lead = phraser.pick("exercises", leads, required=False) or "You could try:"
            block = "\n".join([lead, *lines])
        return [opening, psychoed, block, self._follow_up(request, phraser)], chosen

    def _greeting(self, request, phraser, citer):
        hello = phraser.pick("greeting", P.GREETING)
        return [f"{hello} {phraser.pick('greeting-q', P.GREETING_QUESTION)}"], []

    def _thanks(self, request, phraser, citer):
        return [f"{phraser.pick('thanks', P.THANKS)} {phraser.pick('thanks-q', P.THANKS_QUESTION)}"], []

    def _goodbye(self, request, phraser, citer):
        return [phraser.pick("goodbye", P.GOODBYE)], []

    def _acknowledgement(self, request, phraser, citer):
        last = next((t for t in reversed(request.history) if t.role == "assistant"), None)
        if last and last.suggested_exercises and last.suggested_exercises[0] in self.library.exercises:
            title = self.library.exercises[last.suggested_exercises[0]].title
            nudge = phraser.pick("ack-exercise", P.ACKNOWLEDGE_EXERCISE, required=False, title=f"**{title}**")
            if nudge:
                return [nudge, self._follow_up(request, phraser)], []
        return [f"{phraser.pick('ack', P.ACKNOWLEDGE)} {self._follow_up(request, phraser)}"], []

    def _capabilities(self, request, phraser, citer):
        titles = [self.library.exercises[i].title.lower() for i in sorted(self.library.exercises)[:40]]
        picks = phraser.order("cap-examples", titles)[:2] or ["box breathing"]
        about = phraser.pick("capabilities", P.CAPABILITIES, examples=" and ".join(picks))
        return [about, phraser.pick("capabilities-q", P.CAPABILITIES_QUESTION)], []

    def _offtopic(self, request, phraser, citer):
        return [f"{phraser.pick('offtopic', P.OFFTOPIC)} {phraser.pick('offtopic-q', P.OFFTOPIC_QUESTION)}"], []

    def _human(self, request, phraser, citer):
        intro = phraser.pick("human", P.HUMAN_INTRO)
        how = P.HUMAN_HOW.get(request.region.upper(), P.HUMAN_HOW["default"])
        parts = [f"{intro} {how}"]
        article = next((h for h in request.hits if h.kind == "article" and "help" in h.title.lower()), None)
        if article is not None:
            prose = _article_prose(article)[:2]
            if prose:
                parts.append(f"{' '.join(prose)} [{citer.cite(article)}]")
        if request.help_lines:
            parts.append("\n".join([P.HUMAN_LINES_LEAD, *(f"- {line}" for line in request.help_lines)]))
        parts.append(phraser.pick("human-q", P.HUMAN_QUESTION))
        return parts, []

    def _exercise_request(self, request, phraser, citer):
        ex = self.library.exercises[request.understanding.named_exercise]
        n = citer.cite(self._exercise_hit(ex.id, request.hits))
        fields = self._exercise_fields(ex, n)
        first = phraser.pick("request", P.REQUEST, **fields)
        how = phraser.pick("request-how", P.REQUEST_HOW, required=False, **fields)
        start = phraser.pick("request-start", P.REQUEST_START, required=False)
        caution = phraser.first_fresh(ex.cautions[:1])
        body = " ".join(p for p in (first, how, caution, start) if p)
        return [body, phraser.pick("request-q", P.REQUEST_QUESTION)], [ex.id]

    def _question(self, request, phraser, citer):
        named = request.understanding.named_document
        if named in self.library.exercises:
            ex = self.library.exercises[named]
            n = citer.cite(self._exercise_hit(ex.id, request.hits))
            purpose = [s for s in _first_sentences(ex.purpose, 0) if phraser.fresh(s)][:3]
            explain = f"**{ex.title}**: {ex.summary} {' '.join(purpose)} [{n}]".replace("  ", " ")
            offer = phraser.pick("offer", P.EXPLAIN_EXERCISE_OFFER, title=ex.title)
            return [explain, offer], [ex.id]
        hits = request.hits
        if named:
            hits = tuple(sorted(hits, key=lambda h: h.doc_id != named))
        article = next((h for h in hits if h.kind == "article"), None)
        if article is None:
            return [phraser.pick("not-in-library", P.NOT_IN_LIBRARY), self._follow_up(request, phraser)], []
        prose = _article_prose(article)
        start = next((i for i in _snippet_starts(prose) if phraser.fresh(" ".join(prose[i : i + 3]))), 0)
        prose = prose[start : start + 3]
        n = citer.cite(article)
        answer = f"{' '.join(prose)} [{n}]"
        phraser.remember(answer)
        lines, chosen = self._exercise_lines(request, phraser, citer, limit=1)
        block = (
            "\n".join([phraser.pick("exercises", P.EXERCISES_LEAD, required=False) or "", *lines])
            if lines
            else None
        )
        return [answer, block, phraser.pick("explain-q", P.EXPLAIN_FOLLOW_UP)], chosen
