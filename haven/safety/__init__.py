"""Haven's safety layer: triage of every piece of a person's text, the crisis response, and the guard on
generated text. Data a clinician may audit lives beside the code as YAML: ``patterns.yaml``,
``exemplars.yaml``, ``helplines.yaml`` and ``guard.yaml``. Nothing here imports streamlit; the crisis card
that draws a response lives in ``ui/crisis_card.py``.
"""

from haven.safety.guard import GuardResult, check_output
from haven.safety.helplines import Helpline, Region, emergency_number, helplines_for, regions, resolve_region
from haven.safety.response import CrisisResponse, crisis_response
from haven.safety.triage import CATEGORIES, Triage, triage

__all__ = [
    "CATEGORIES",
    "CrisisResponse",
    "GuardResult",
    "Helpline",
    "Region",
    "Triage",
    "check_output",
    "crisis_response",
    "emergency_number",
    "helplines_for",
    "regions",
    "resolve_region",
    "triage",
]
