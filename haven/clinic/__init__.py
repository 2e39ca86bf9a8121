"""Clinic mode: people sign in, each person's records are theirs alone, and a clinician sees only what is shared.

Personal mode (the default) never touches this package's sign-in parts: one local profile, no account.
"""
