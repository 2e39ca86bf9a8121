"""Refusals of the clinic services, each with a message a page can show as it is.

Why named exceptions: a page (or a test) must tell "you may not" apart from a fault, and every refusal
happens before anything is read for the asker or written anywhere. The messages never repeat another
person's name, subject or data.
"""

from __future__ import annotations

from haven.storage.owners import OwnerRequired


class ClinicRefusal(Exception):
    """The asker may not do this. Nothing was read for them and nothing was written.

    Not a PermissionError (an OSError): a refusal must never be mistaken for a file that could not be written."""


class NotClinician(ClinicRefusal):
    """A clinician's function asked for by someone who is not a signed-in clinician."""

    def __init__(self) -> None:
        super().__init__("This is for the clinic's clinicians, and this account is not one of them.")


class NotShared(ClinicRefusal):
    """The item was never shared with this clinician, or the person has since stopped sharing it."""

    def __init__(self) -> None:
        super().__init__("This is not shared with you (or no longer is).")


class UnknownClinician(ClinicRefusal, LookupError):
    """No clinician with that subject or email has signed in to Haven yet."""

    def __init__(self) -> None:
        super().__init__(
            "No clinician with that name or email has signed in to Haven yet. Check the address, or ask them "
            "to sign in once."
        )


__all__ = ["ClinicRefusal", "NotClinician", "NotShared", "OwnerRequired", "UnknownClinician"]
