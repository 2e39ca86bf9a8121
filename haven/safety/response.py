"""What Haven says in a crisis or a concern: calm, kind, brief, and one step from a person who can help.

Follows safe-messaging guidance (Action Alliance framework for successful messaging; WHO guidance): it
acknowledges what was said, says the person deserves support now, gives the region's help lines with how to
reach them and the emergency number, and the person's own safety plan if they have one. It never describes
methods, never promises outcomes, and never offers a breathing exercise (or any exercise) in place of help.

The words live in ``responses.yaml`` beside this file, by kind of crisis (category) and by who the message is
about (audience: ``self``, ``third_party`` or ``learning``), so a clinician can read and change them. This
module picks the words, fills in the region's lines and emergency number, and returns plain data:

- ``crisis_response``: the crisis card, the first time a crisis is found;
- ``held_crisis_response``: each later turn while the crisis is held (varies with ``turn``; refuses, kindly,
  to help with means);
- ``concern_response``: the short inline reply for level "concern", with one gentle check-in question;
- ``safety_check_text``, ``step_down_text``, ``back_to_chat_text``: the sentences around a held crisis.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, model_validator

from haven.safety.helplines import (
    FALLBACK_REGION,
    KNOWN_CATEGORIES,
    Helpline,
    LineGroup,
    canonical_audience,
    canonical_category,
    line_groups_for,
    resolve_region,
)
from haven.yaml_files import read_yaml

RESPONSES_FILE = Path(__file__).with_name("responses.yaml")
DEFAULT_CATEGORY = "suicide"
#: The concern reply shows at most this many lines inline (plus the emergency number).
CONCERN_LINES = 2
#: A held crisis repeats at most this many lines.
HELD_LINES = 3


class _Wording(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str
    message: str
    emergency_first: bool
    emergency_line: str
    steps: list[str] = []


class _Responses(BaseModel):
    """``responses.yaml``, checked when loaded: every category has words for every audience."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    crisis: dict[str, dict[str, _Wording]]
    closing: dict[str, str]
    headings: dict[str, str]
    concern: dict
    held: dict
    safety_check: str
    tentative_check: dict
    misread_check: dict
    carried_on_check: dict
    step_down: dict
    back_to_chat: str
    welcome_back_after_crisis: str

    @model_validator(mode="after")
    def _complete(self) -> _Responses:
        for category in KNOWN_CATEGORIES:
            missing = {"self", "third_party", "learning"} - set(self.crisis.get(category, {}))
            if missing:
                raise ValueError(f"crisis.{category} needs words for {sorted(missing)}")
        for audience in ("self", "third_party"):
            for part in ("title", "opener", "opener_unsure"):
                if len(self.held[part][audience]) < 2:
                    raise ValueError(f"held.{part}.{audience} needs at least two versions, so turns differ")
        return self


@lru_cache(maxsize=1)
def load_responses(path: Path = RESPONSES_FILE) -> _Responses:
    """The validated wording file."""
    return _Responses.model_validate(read_yaml(path))


def _fill(text: str, emergency: str) -> str:
    return text.replace("{emergency}", emergency).strip()


def _line_text(line: Helpline, compact: bool = False) -> str:
    details = ", ".join(line.how_to_reach)
    if compact:
        return f"{line.name}: {details}"
    extra = f" ({line.hours})" if line.hours and line.hours != "directory" else ""
    return f"{line.name}: {details}{extra}"


class CrisisResponse(BaseModel):
    """A crisis reply ready to draw (UI), print (CLI) or store: plain data, no formatting baked in.

    ``helplines`` is every line in order; ``line_groups`` the same lines under their labels ("For abuse at
    home", "Talk to someone now", "For young people"). ``steps`` are things to do for someone else (audience
    ``third_party``). ``held`` marks a later turn of a held crisis, drawn compactly and ending on ``question``.
    """

    model_config = ConfigDict(frozen=True)

    region: str
    region_name: str
    category: str
    audience: str = "self"
    title: str
    message: str
    emergency_number: str
    emergency_first: bool
    emergency_line: str
    emergency_note: str = ""
    helplines: list[Helpline]
    line_groups: list[LineGroup] = []
    steps: list[str] = []
    steps_heading: str = "How you can help now"
    safety_plan: list[str]
    closing: str
    question: str = ""
    held: bool = False
    lines_heading: str = ""

    @property
    def text(self) -> str:
        """Plain-text rendering (same as ``as_text()``)."""
        return self.as_text()

    def groups(self) -> list[LineGroup]:
        """The lines under their labels (one general group if the response was built without groups)."""
        if self.line_groups:
            return list(self.line_groups)
        return [LineGroup(kind="general", label="Talk to someone now", lines=list(self.helplines))]

    def _parts(self, markdown: bool) -> list[str]:
        bold = (lambda s: f"**{s}**") if markdown else (lambda s: s)
        bullet = "- " if markdown else "  - "
        parts = [f"### {self.title}" if markdown else self.title, self.message]
        if self.held:
            emergency = f"In an emergency, call {self.emergency_number}."
        else:
            emergency = f"{bold(f'Emergency: {self.emergency_number}.')} {self.emergency_line}".strip()
        if self.emergency_note:
            emergency += f" {self.emergency_note}"
        if self.held:
            heading = self.lines_heading or "Talk to someone now:"
            lines = [heading + "\n" + "\n".join(f"{bullet}{_line_text(h, compact=True)}" for h in self.helplines)]
        else:
            lines = [
                f"{bold(group.label + ':')}\n" + "\n".join(f"{bullet}{_line_text(h)}" for h in group.lines)
                for group in self.groups()
            ]
        steps = []
        if self.steps:
            numbered = "\n".join(f"{'' if markdown else '  '}{i}. {s}" for i, s in enumerate(self.steps, 1))
            steps = [f"{bold(self.steps_heading + ':')}\n{numbered}"]
        if self.emergency_first:
            parts += [emergency, *steps, *lines]
        else:
            parts += [*steps, *lines, emergency]
        if self.safety_plan:
            plan = "\n".join(f"{'' if markdown else '  '}{i}. {s}" for i, s in enumerate(self.safety_plan, 1))
            parts.append(f"{bold('Your safety plan:')}\n{plan}")
        if self.closing:
            parts.append(self.closing)
        if self.question:
            parts.append(bold(self.question))
        return parts

    def as_markdown(self) -> str:
        """The response as Markdown (CLI, notebooks, chat transcripts)."""
        return "\n\n".join(self._parts(markdown=True))

    def as_text(self) -> str:
        """The response as plain text (terminals without Markdown)."""
        return "\n\n".join(self._parts(markdown=False))


class ConcernResponse(BaseModel):
    """The reply for level "concern": a warm sentence, one gentle question, and a few lines inline."""

    model_config = ConfigDict(frozen=True)

    region: str
    region_name: str
    category: str | None
    audience: str
    language: str | None = None
    english: bool = True
    message: str
    question: str
    lines_intro: str
    helplines: list[Helpline]
    emergency_number: str
    emergency_note: str = ""

    @property
    def text(self) -> str:
        return self.as_text()

    def _emergency(self) -> str:
        note = f" {self.emergency_note}" if self.emergency_note else ""
        return f"In an emergency, call {self.emergency_number}.{note}"

    def as_markdown(self) -> str:
        """The reply as Markdown: message, question, then the lines inline."""
        parts = [self.message]
        if self.question:
            parts.append(f"**{self.question}**")
        lines = "\n".join(f"- **{h.name}**: {', '.join(h.how_to_reach)}" for h in self.helplines)
        parts.append(f"{self.lines_intro}\n{lines}\n\n{self._emergency()}")
        return "\n\n".join(parts)

    def as_text(self) -> str:
        """The reply as plain text."""
        parts = [self.message]
        if self.question:
            parts.append(self.question)
        lines = "\n".join(f"  - {_line_text(h, compact=True)}" for h in self.helplines)
        parts.append(f"{self.lines_intro}\n{lines}\n{self._emergency()}")
        return "\n\n".join(parts)


def _region_code(region: str | None) -> str | None:
    if region is None:
        from haven.config import get_settings

        return get_settings().region
    return region


def _is_english(language: str | None) -> bool:
    return not language or language.strip().lower().replace("_", "-").split("-")[0] in ("en", "")


def crisis_response(
    region: str | None = None,
    safety_plan: list[str] | None = None,
    category: str | None = None,
    audience: str = "self",
) -> CrisisResponse:
    """The crisis reply for a region (default: ``settings.region``), kind of crisis and audience.

    The person's own safety plan is shown when the crisis is their own (audience ``self``); for someone else
    or a question it is left out. Unknown categories get the suicide wording (the safest default).
    """
    resolved = resolve_region(_region_code(region))
    name = canonical_category(category) or DEFAULT_CATEGORY
    who = canonical_audience(audience)
    words = load_responses()
    wording = words.crisis[name][who]
    emergency = resolved.emergency_number_for(name)
    groups = line_groups_for(resolved.code, name, who)
    plan = [step.strip() for step in (safety_plan or []) if step and step.strip()] if who == "self" else []
    return CrisisResponse(
        region=resolved.code,
        region_name=resolved.name,
        category=name,
        audience=who,
        title=wording.title,
        message=wording.message,
        emergency_number=emergency,
        emergency_first=wording.emergency_first,
        emergency_line=_fill(wording.emergency_line, emergency),
        emergency_note=resolved.emergency_note,
        helplines=[line for group in groups for line in group.lines],
        line_groups=groups,
        steps=[_fill(step, emergency) for step in wording.steps],
        steps_heading=words.headings["steps"],
        safety_plan=plan,
        closing=words.closing[who],
    )


def held_crisis_response(
    region: str | None = None,
    safety_plan: list[str] | None = None,
    category: str | None = None,
    audience: str = "self",
    turn: int = 1,
    asked_for_means: bool = False,
    unsure: bool = False,
    not_safe: bool = False,
    reaching_out: bool = False,
) -> CrisisResponse:
    """What Haven says on a later turn while a crisis is held (the person hasn't said they're safe yet).

    ``not_safe``: the person said a plain no to "are you safe right now?", or said in words they are not safe:
    thanked, and the emergency number put first ("Please call 911 now"), not the same card in other words. ``reaching_out``: they said they will
    text or call a line or someone now ("ok i'll text them"): the step is met, and Haven says it will be here.

    ``unsure``: the crisis was raised by the learned layer alone, with no risk word said since; the opener leaves the
    door open to say it was a misread (the same lines and question follow), rather than "What you're going through
    sounds really heavy" to someone telling how earplugs helped their sleep.

    Warm and brief, never the first card word for word, and different on consecutive turns (``turn`` counts
    the later turns from 1). It repeats a few lines compactly and ends by asking whether the person is safe
    and can reach a line. If they asked for means, it says kindly that it can't help with that, and why; it
    never gives any detail.
    """
    first = crisis_response(region, safety_plan, category, audience)
    held = load_responses().held
    who = first.audience
    voice = "third_party" if who == "third_party" else "self"
    index = max(turn, 1) - 1

    def pick(options: list[str]) -> str:
        return options[index % len(options)]

    if not_safe:
        message, ask = pick(held["opener_not_safe"][voice]), pick(held["ask_not_safe"][voice])
    elif reaching_out and not asked_for_means:
        message, ask = pick(held["opener_reaching_out"][voice]), pick(held["ask_reaching_out"][voice])
    else:
        message = pick(held["opener_unsure" if unsure else "opener"][voice])
        asks = held["ask"][voice]
        ask = pick(asks.get(first.category, asks["default"]))
    if asked_for_means:
        message = f"{message} {held['means_refusal'][who].strip()}"
    return first.model_copy(
        update={
            "title": pick(held["title"][voice]),
            "message": message,
            "emergency_first": first.category == "medical_emergency" or not_safe,
            "emergency_line": "",
            "steps": [],
            "helplines": first.helplines[:HELD_LINES],
            "line_groups": [],
            "closing": "",
            "question": _fill(ask, first.emergency_number),
            "held": True,
            "lines_heading": pick(held["lines_reminder"]),
        }
    )


def concern_response(
    region: str | None = None,
    category: str | None = None,
    audience: str = "self",
    language: str | None = None,
    history: bool = False,
    again: bool = False,
    bereaved: bool = False,
) -> ConcernResponse:
    """The reply for level "concern": short, warm and plain, with one gentle check-in question and the first
    lines inline. For a message Haven can't read well (``language`` other than English) it says kindly that
    Haven works in English and gives international lines, including the findahelpline.com directory.
    ``history``: the person told a past as the past (triage's ``told_as_history``), so the opening thanks them for
    it rather than saying things sound hard "right now"; the question still asks about now. ``again``: Haven checked
    in on the message before too, so the opening says it asks once more rather than repeating itself. ``bereaved``:
    the person told of someone's death by suicide; the opening is about the loss, the question about them."""
    resolved = resolve_region(_region_code(region))
    name = canonical_category(category)
    who = canonical_audience(audience)
    concern = load_responses().concern
    english = _is_english(language)
    if english:
        messages = concern["message"][who]
        message = messages.get(name or "default", messages["default"]) if isinstance(messages, dict) else messages
        if history and who == "self":
            message = concern["message"]["history"]
        if bereaved and who == "self":
            message = concern["message"]["bereaved"]
        if again and who in concern["again"]:
            message = concern["again"][who]
        questions = concern["question"][who]
        question = questions.get(name or "default", questions["default"])
        if bereaved and who == "self":
            question = concern["question"]["bereaved"]
        lines = [line for group in line_groups_for(resolved.code, name, who) for line in group.lines]
    else:
        message = concern["non_english"]["message"]
        question = concern["non_english"]["question"]
        directory = list(resolve_region(FALLBACK_REGION).lines)
        local = [line for line in resolved.lines if line.name not in {d.name for d in directory}]
        lines = directory + local
    return ConcernResponse(
        region=resolved.code,
        region_name=resolved.name,
        category=name,
        audience=who,
        language=language,
        english=english,
        message=message.strip(),
        question=question.strip(),
        lines_intro=concern["lines_intro"],
        helplines=lines[:CONCERN_LINES],
        emergency_number=resolved.emergency_number_for(name),
        emergency_note=resolved.emergency_note,
    )


def safety_check_text() -> str:
    """What Haven says when a person in a held crisis says they are safe: glad, and one more check."""
    return load_responses().safety_check.strip()


def tentative_check_response(
    region: str | None = None,
    safety_plan: list[str] | None = None,
    category: str | None = None,
    audience: str = "self",
    turn: int = 1,
    misread: bool = False,
    carried_on: bool = False,
) -> CrisisResponse:
    """The one safety check when only the learned reader of safe claims heard help come or calm return: the held
    card's lines, under a question that does not take safety for granted (it may have misheard someone still in
    danger, so no "I'm glad", and the lines stay).

    ``misread``: the person said the card misread them (a crisis the learned layer raised alone, with no risk
    word): the same check, opened with an apology instead. ``carried_on``: the person went on with their own story
    past that card: the same check, saying Haven may have read too much into what they said."""
    held = held_crisis_response(region, safety_plan, category, audience, turn=turn)
    responses = load_responses()
    if carried_on:
        wording = responses.carried_on_check
    else:
        wording = responses.misread_check if misread else responses.tentative_check
    voice = "third_party" if held.audience == "third_party" else "self"
    return held.model_copy(
        update={
            "title": wording["title"][voice],
            "message": wording["message"][voice].strip(),
            "question": wording["ask"][voice].strip(),
        }
    )


def step_down_text(category: str | None = None) -> str:
    """What Haven says when the person corrects a misfire in their own words: thanks, takes it seriously, is
    glad it got it wrong, and asks gently how they are. No card, no lines."""
    step_down = load_responses().step_down
    worry = step_down["worry"].get(canonical_category(category) or "default", step_down["worry"]["default"])
    return step_down["template"].replace("{worry}", worry).strip()


def welcome_back_after_crisis_text() -> str:
    """How a new conversation opens when the last one ended while a crisis held: a check first, no recap."""
    return load_responses().welcome_back_after_crisis.strip()


def back_to_chat_text() -> str:
    """What Haven says once the person confirms they are safe: warm, help one tap away, what would help now."""
    return load_responses().back_to_chat.strip()
