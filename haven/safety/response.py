"""What Haven says in a crisis: calm, kind, brief, and one step from a person who can help.

Follows safe-messaging guidance (Action Alliance framework for successful messaging; WHO guidance): it
acknowledges what was said, says the person deserves support now, gives the region's help lines with how to
reach them and the emergency number, and the person's own safety plan if they have one. It never describes
methods, never promises outcomes, and never offers a breathing exercise (or any exercise) in place of help.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from haven.safety.helplines import Helpline, resolve_region


@dataclass(frozen=True)
class _Wording:
    title: str
    message: str
    emergency_first: bool
    emergency_line: str


# {emergency} is filled with the region's emergency number.
_WORDING: dict[str, _Wording] = {
    "suicide_self_harm": _Wording(
        title="You don't have to go through this alone",
        message=(
            "Thank you for telling me. It sounds like you're carrying a lot of pain right now. "
            "You deserve support now, from a person who can listen and help you stay safe."
        ),
        emergency_first=False,
        emergency_line=(
            "If you might act on these thoughts, or someone is in danger right now, call {emergency}. "
            "If you can, put some distance between you and anything you could use to hurt yourself, "
            "and stay near someone you trust."
        ),
    ),
    "medical_emergency": _Wording(
        title="Please get medical help now",
        message=(
            "I'm really glad you told me. This could be a medical emergency, and you deserve help right now."
        ),
        emergency_first=True,
        emergency_line=(
            "Call {emergency} now, or ask someone near you to call. If anything was taken, tell them what "
            "and how much, even if you feel fine: some harm does not show straight away."
        ),
    ),
    "harm_to_others": _Wording(
        title="Let's get you support right now",
        message=(
            "Thank you for being honest about this. Feelings this strong can be frightening, and you deserve "
            "support now to keep yourself and others safe."
        ),
        emergency_first=True,
        emergency_line=(
            "If you feel you might act on this, or anyone is in danger now, call {emergency}. If you can, "
            "move away from the person and from anything that could be used to hurt someone."
        ),
    ),
    "danger_at_home": _Wording(
        title="Your safety matters",
        message=(
            "Thank you for telling me. What you're describing is not okay and it is not your fault. "
            "You deserve to be safe, and support is available now."
        ),
        emergency_first=True,
        emergency_line=(
            "If you are in danger now, call {emergency}. If it isn't safe to talk, go somewhere safer first "
            "if you can, such as a neighbour, a shop or a public place."
        ),
    ),
    "command_voices": _Wording(
        title="You don't have to do what the voices say",
        message=(
            "Thank you for telling me. Voices telling you to harm can be very frightening, and you don't have "
            "to act on them. You deserve support from a person right now."
        ),
        emergency_first=True,
        emergency_line=(
            "If you feel you might act on them, or anyone is in danger, call {emergency} or go to your "
            "nearest emergency department, and stay with someone you trust."
        ),
    ),
}
_DEFAULT_CATEGORY = "suicide_self_harm"
_CLOSING = (
    "Haven is a self-help app and can't give crisis support itself, but these people can, any time. "
    "You reached out, and that matters."
)


class CrisisResponse(BaseModel):
    """A crisis reply ready to draw (UI), print (CLI) or store: plain data, no formatting baked in."""

    model_config = ConfigDict(frozen=True)

    region: str
    region_name: str
    category: str
    title: str
    message: str
    emergency_number: str
    emergency_first: bool
    emergency_line: str
    helplines: list[Helpline]
    safety_plan: list[str]
    closing: str

    def _line_text(self, line: Helpline) -> str:
        details = ", ".join(line.how_to_reach)
        extra = f" ({line.hours})" if line.hours and line.hours != "directory" else ""
        return f"{line.name}: {details}{extra}"

    @property
    def text(self) -> str:
        """Plain-text rendering (same as ``as_text()``)."""
        return self.as_text()

    def as_markdown(self) -> str:
        """The response as Markdown (CLI, notebooks, chat transcripts)."""
        parts = [f"### {self.title}", self.message]
        emergency = f"**Emergency: {self.emergency_number}.** {self.emergency_line}"
        lines = "**Talk to someone now:**\n" + "\n".join(f"- {self._line_text(h)}" for h in self.helplines)
        parts += [emergency, lines] if self.emergency_first else [lines, emergency]
        if self.safety_plan:
            parts.append("**Your safety plan:**\n" + "\n".join(f"{i}. {s}" for i, s in enumerate(self.safety_plan, 1)))
        parts.append(self.closing)
        return "\n\n".join(parts)

    def as_text(self) -> str:
        """The response as plain text (terminals without Markdown)."""
        parts = [self.title, self.message]
        emergency = f"Emergency: {self.emergency_number}. {self.emergency_line}"
        lines = "Talk to someone now:\n" + "\n".join(f"  - {self._line_text(h)}" for h in self.helplines)
        parts += [emergency, lines] if self.emergency_first else [lines, emergency]
        if self.safety_plan:
            parts.append("Your safety plan:\n" + "\n".join(f"  {i}. {s}" for i, s in enumerate(self.safety_plan, 1)))
        parts.append(self.closing)
        return "\n\n".join(parts)


def crisis_response(
    region: str | None = None, safety_plan: list[str] | None = None, category: str | None = None
) -> CrisisResponse:
    """The crisis reply for a region (default: ``settings.region``), with the person's safety plan if any."""
    if region is None:
        from haven.config import get_settings

        region = get_settings().region
    resolved = resolve_region(region)
    wording = _WORDING.get(category or _DEFAULT_CATEGORY, _WORDING[_DEFAULT_CATEGORY])
    emergency = resolved.emergency
    return CrisisResponse(
        region=resolved.code,
        region_name=resolved.name,
        category=category if category in _WORDING else _DEFAULT_CATEGORY,
        title=wording.title,
        message=wording.message,
        emergency_number=emergency,
        emergency_first=wording.emergency_first,
        emergency_line=wording.emergency_line.format(emergency=emergency),
        helplines=list(resolved.lines),
        safety_plan=[step.strip() for step in (safety_plan or []) if step and step.strip()],
        closing=_CLOSING,
    )
