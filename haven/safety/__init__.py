"""Haven's safety layer: triage of every piece of a person's text, the crisis response, and the guard on
generated text. Data a clinician may audit lives beside the code as YAML: ``patterns.yaml``,
``languages.yaml``, ``conversation.yaml``, ``helplines.yaml`` and ``guard.yaml``; the learned layer's labelled
messages are in ``data/triage/`` and its trained arrays in ``models/``. Nothing here imports streamlit; the crisis card
that draws a response lives in ``ui/crisis_card.py``.
"""

from haven.safety.categories import AUDIENCES, CATEGORIES, LEVELS
from haven.safety.guard import GuardResult, check_output
from haven.safety.helplines import (
    Helpline,
    Region,
    emergency_number,
    helplines_for,
    line_groups_for,
    lines_for,
    regions,
    resolve_region,
)
from haven.safety.response import (
    ConcernResponse,
    CrisisResponse,
    back_to_chat_text,
    concern_response,
    crisis_response,
    held_crisis_response,
    safety_check_text,
    step_down_text,
    welcome_back_after_crisis_text,
)
from haven.safety.triage import Triage, triage

__all__ = [
    "AUDIENCES",
    "CATEGORIES",
    "LEVELS",
    "ConcernResponse",
    "CrisisResponse",
    "GuardResult",
    "Helpline",
    "Region",
    "Triage",
    "back_to_chat_text",
    "welcome_back_after_crisis_text",
    "check_output",
    "concern_response",
    "crisis_response",
    "emergency_number",
    "held_crisis_response",
    "helplines_for",
    "line_groups_for",
    "lines_for",
    "regions",
    "resolve_region",
    "safety_check_text",
    "step_down_text",
    "triage",
]
