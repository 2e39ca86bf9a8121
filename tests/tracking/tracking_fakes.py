"""Stand-ins for haven.safety in the tracking tests (the real triage is tested in tests/safety).

Enough to check the wiring (triage first, crisis response passed on), not the triage itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

CRISIS_WORDS = "end it all"


@dataclass(frozen=True)
class FakeTriage:
    level: str
    category: str | None = None
    evidence: str | None = None


@dataclass(frozen=True)
class FakeCrisisResponse:
    region: str
    category: str | None = None
    text: str = "FAKE CRISIS RESPONSE: call 988"
    lines: list[str] = field(default_factory=lambda: ["988"])


@dataclass
class SafetyCalls:
    triaged: list[str] = field(default_factory=list)
    responses: list[FakeCrisisResponse] = field(default_factory=list)


def install_fake_safety(monkeypatch) -> SafetyCalls:
    """Replace haven.safety.triage / crisis_response; returns a record of the calls."""
    import haven.safety

    calls = SafetyCalls()

    def triage(text: str) -> FakeTriage:
        calls.triaged.append(text)
        if CRISIS_WORDS in text.lower():
            return FakeTriage("crisis", "suicidal_ideation", CRISIS_WORDS)
        return FakeTriage("none")

    def crisis_response(region: str, safety_plan=None, category=None) -> FakeCrisisResponse:
        response = FakeCrisisResponse(region, category)
        calls.responses.append(response)
        return response

    monkeypatch.setattr(haven.safety, "triage", triage, raising=False)
    monkeypatch.setattr(haven.safety, "crisis_response", crisis_response, raising=False)
    return calls
