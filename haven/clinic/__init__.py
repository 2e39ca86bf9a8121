"""Clinic mode: people sign in, each person's records are theirs alone, and a clinician sees only what is shared.

Personal mode (the default) never touches this package's sign-in parts: one local profile, no account.

- ``identity``: :class:`Identity`, the signed-in user as services see it (``subject`` owns records).
- ``sign_in``: the identity provider's claims (``st.user``) to an :class:`Identity`, or a refusal.
- ``people``: ``person_for`` (the row made at sign-in; its key is what every service takes), ``delete_my_data``.
- ``sharing``: a person shares their report or chosen conversations with a clinician, revocably; the
  clinician's caseload and shared items, each opening logged.
- ``audit``: the log of those openings, which the person reads.
- ``reviews``: the review tool on the clinician's side, and its de-identified publish step.
- ``errors``: the refusals (``NotClinician``, ``NotShared``, ``UnknownClinician``, ``OwnerRequired``).

Scoping itself lives below, in :mod:`haven.storage.owners` (one place for every service) and PostgreSQL's
row-level security (:mod:`haven.storage.row_security`, policies in migration 0004).
"""
