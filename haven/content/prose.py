"""The reader-facing prose of a document, for reading-level and safe-messaging checks."""

from __future__ import annotations

import re

from haven.content.models import (
    Article,
    ChoiceStep,
    Exercise,
    ListStep,
    PromptStep,
    RatingStep,
    Step,
    TimerStep,
)

_MARKDOWN = re.compile(r"(\*\*|__|\*|_|`|^#+\s*|^\s*[-*+]\s+|^\s*\d+\.\s+|\[([^\]]*)\]\([^)]*\))", re.M)


def _plain(markdown: str) -> str:
    text = _MARKDOWN.sub(lambda m: m.group(2) or "", markdown)
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _sentence(text: str) -> str:
    """Close a fragment with a full stop so list items count as sentences, not one run-on line."""
    text = text.strip()
    return text if not text or text[-1] in ".!?:" else text + "."


def document_prose(doc: Exercise | Article) -> str:
    """Everything a person reads in the document, as plain sentences (no front matter, no references)."""
    if isinstance(doc, Exercise):
        parts = [doc.summary, doc.purpose, *doc.when_it_helps, *doc.cautions]
        for step in doc.steps:
            parts += [step.prompt, step.help or ""]
            parts += getattr(step, "options", [])
        return "\n".join(_sentence(_plain(p)) for p in parts if p and p.strip())
    parts = [doc.meta.summary, doc.intro] + [s.body for s in doc.sections]
    lines: list[str] = []
    for part in parts:
        for block in _blocks(part):
            lines += [_sentence(line) for line in _plain(block).splitlines()]
    return "\n".join(lines)


def _blocks(markdown: str) -> list[str]:
    """Paragraphs with hard-wrapped lines joined (list items stay one per line)."""
    blocks = []
    for para in re.split(r"\n\s*\n", markdown):
        lines = para.splitlines()
        if any(re.match(r"\s*([-*+]|\d+\.)\s", line) for line in lines):
            blocks.append(para)
        else:
            blocks.append(" ".join(line.strip() for line in lines))
    return blocks


def reading_grade(doc: Exercise | Article) -> float:
    """Flesch-Kincaid grade of the document's prose (textstat). Our target is 9 or below."""
    import textstat

    return float(textstat.flesch_kincaid_grade(document_prose(doc)))


def _seconds(value: float) -> str:
    return f"{value:g} s"


def step_outline(step: Step) -> str:
    """One step as plain text, the way the runner presents it: kind, prompt, then what the person works with.

    For authors previewing a draft (notebooks/author_an_exercise.ipynb): options, pacing phases and the timer's
    total length are what most often need a second look.
    """
    lines = [f"[{step.kind}] {step.prompt}"]
    if step.help:
        lines.append(f"    hint: {step.help}")
    if isinstance(step, RatingStep):
        lines.append(f"    {step.min} = {step.low_label} ... {step.max} = {step.high_label}")
    elif isinstance(step, ChoiceStep):
        lines.append(f"    {'pick any' if step.multiple else 'pick one'}: " + " | ".join(step.options))
    elif isinstance(step, ListStep):
        label = f" ({step.item_label})" if step.item_label else ""
        lines.append(f"    list of {step.min_items}-{step.max_items} items{label}")
    elif isinstance(step, TimerStep):
        if step.phases:
            pattern = ", ".join(f"{p.label} {_seconds(p.seconds)} ({p.shape})" for p in step.phases)
            lines.append(f"    {pattern}; x{step.cycles} cycles")
        lines.append(f"    total {_seconds(step.total_seconds)}")
    elif isinstance(step, PromptStep) and step.optional:
        lines.append("    (optional)")
    return "\n".join(lines)
