"""Who is using Haven in clinic mode: the signed-in identity, as the rest of Haven sees it.

Why a dataclass of our own rather than Streamlit's ``st.user``: haven/ never imports streamlit, and every
service must be able to say "this record belongs to that subject" without knowing how the person signed in.
The page layer turns ``st.user`` (OpenID Connect claims) into an :class:`Identity` once per run; services take
the identity (or its ``subject``) and nothing else decides whose data is read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Role = Literal["person", "clinician"]


@dataclass(frozen=True)
class Identity:
    """A signed-in user. ``subject`` is the identity provider's stable ``sub`` claim: the owner of records."""

    subject: str
    name: str
    email: str | None = None
    role: Role = "person"

    @property
    def is_clinician(self) -> bool:
        return self.role == "clinician"
