"""``check_output(reply)``: the last check on any text a model generates, before a person sees it.

A reply that gives methods, means or doses, diagnoses, promises a cure, advises on medication, or gives
weight-loss instructions is replaced whole by a warm, safe reply that points to a professional and to help
lines; the reasons are recorded. Ordinary supportive CBT replies pass through unchanged. The rules live in
``guard.yaml`` so a clinician can read them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from haven.safety.patterns import _fold, load_pattern_book, match, prepare

GUARD_FILE = Path(__file__).with_name("guard.yaml")
_MACRO = re.compile(r"\{([A-Z_]+)\}")
_SENTENCE_END = re.compile(r"(?<!\d)[.!?;:\n\r]+|[.!?;:\n\r]+(?!\d)")
_NOT_WORD = re.compile(r"[^a-z0-9% ]+")
_AGREEMENT = re.compile(
    r"^(?:yes|yeah|yep|sure|of course|absolutely|definitely|go ahead|go for it|that s fine|thats fine|"
    r"its fine|it s fine|its ok|it s ok|its okay|it s okay|that should be fine|you can|you could|you should|"
    r"it should be fine|that sounds fine|sounds good|i think so|no problem)\b"
)


@dataclass(frozen=True)
class Rule:
    id: str
    reason: str
    patterns: tuple[re.Pattern[str], ...]
    unless: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class GuardResult:
    """The text to show (the reply, or its safe replacement), whether the reply was safe, and why not."""

    text: str
    safe: bool
    reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _GuardBook:
    rules: tuple[Rule, ...]
    safe_replies: dict[str, str]
    unless_medication: tuple[re.Pattern[str], ...]
    medication_question: re.Pattern[str]  # the person asking about changing medication (for `context`)


@lru_cache(maxsize=1)
def _load(path: Path = GUARD_FILE) -> _GuardBook:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    vocab = data["vocab"]

    def compile_(rx: str) -> re.Pattern[str]:
        return re.compile(_MACRO.sub(lambda m: vocab[m.group(1)], rx))

    rules = tuple(
        Rule(rid, spec["reason"], tuple(map(compile_, spec["patterns"])), tuple(map(compile_, spec.get("unless", []))))
        for rid, spec in data["rules"].items()
    )
    medication = next(rule for rule in rules if rule.id == "medication_advice")
    question = compile_(r"\b{CHANGE}\b(?: \w+){0,4} {MED}\b")
    return _GuardBook(rules, data["safe_replies"], medication.unless, question)


def _sentences(text: str) -> list[str]:
    folded = _fold(text)
    pieces = (" ".join(_NOT_WORD.sub(" ", piece).split()) for piece in _SENTENCE_END.split(folded))
    return [piece for piece in pieces if piece]


def _broken_rules(sentences: list[str], book: _GuardBook) -> list[str]:
    broken = []
    for rule in book.rules:
        for sentence in sentences:
            if any(p.search(sentence) for p in rule.patterns) and not any(u.search(sentence) for u in rule.unless):
                broken.append(rule.id)
                break
    return broken


def _agrees_to_medication_change(sentences: list[str], context: str, book: _GuardBook) -> bool:
    """A bare "yes, go ahead" to "should I stop my meds?" is medication advice even without the word."""
    asked = any(book.medication_question.search(s) for s in _sentences(context))
    if not asked or not sentences:
        return False
    opening = sentences[0]
    return bool(_AGREEMENT.search(opening)) and not any(u.search(" ".join(sentences)) for u in book.unless_medication)


def _help_line_sentence() -> str:
    from haven.safety.response import crisis_response

    response = crisis_response()
    line = response.helplines[0] if response.helplines else None
    reach = f"{line.name} ({', '.join(line.how_to_reach)})" if line else "a local help line"
    return (
        f"If you're struggling right now, you can reach {reach}, "
        f"or call {response.emergency_number} in an emergency."
    )


def safe_reply(reason: str) -> str:
    """The replacement text for a broken rule: warm, clear about Haven's limits, and pointing to help."""
    book = _load()
    return f"{book.safe_replies.get(reason, book.safe_replies['method_or_means'])} {_help_line_sentence()}"


def check_output(reply: str, context: str | None = None) -> GuardResult:
    """Check generated text; ``context`` is the person's message it answers (used for medication questions
    and so that a reply to a message with crisis wording is never sent as generated text)."""
    book = _load()
    sentences = _sentences(reply or "")
    reasons = _broken_rules(sentences, book)
    if context and "medication_advice" not in reasons and _agrees_to_medication_change(sentences, context, book):
        reasons.append("medication_advice")
    if context and match(prepare(context, load_pattern_book())):
        reasons.append("crisis_context")
    if not reasons:
        return GuardResult(text=reply, safe=True, reasons=[])
    first = "crisis_context" if "crisis_context" in reasons else reasons[0]
    return GuardResult(text=safe_reply(first), safe=False, reasons=reasons)
