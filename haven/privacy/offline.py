"""Offline and silent: no model hub, no telemetry, no usage statistics, whatever a library defaults to."""

from __future__ import annotations

import os

#: Environment switches honoured by the libraries Haven uses (Hugging Face, Chroma, Streamlit).
OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
}


def enforce_offline() -> dict[str, str]:
    """Set every switch (call it before those libraries are imported); returns what was set."""
    os.environ.update(OFFLINE_ENV)
    return dict(OFFLINE_ENV)
