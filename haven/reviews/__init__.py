"""Clinician review: therapists read what Haven said, mark each reply, and write better ones.

- ``export``: :class:`ConversationExport`, one conversation as a JSON file to hand to a reviewer.
- ``models``: a review file's shape (:class:`Review`, :class:`ReviewedTurn`) and building one from marks.
- ``store``: a review of the person's conversation, kept in their database (encrypted with the rest).
- ``publish``: approved reply pairs, de-identified, made a library file by an explicit step.
- ``files``: published reviews in the library (``knowledge/reviewed/<slug>.yaml``), loading, ``validate_reviews``.
- ``matcher``: :class:`ReviewedReplies`, an approved better reply for a message close to a reviewed one.
- ``summary``: :func:`review_summary`, how many turns were reviewed and what share was marked unsafe.
"""

from haven.reviews.export import ConversationExport, export_conversation
from haven.reviews.files import reviewed_dir, save_review, validate_reviews
from haven.reviews.matcher import MATCH_THRESHOLD, ReviewedReplies, ReviewedReply
from haven.reviews.models import Review, ReviewedTurn, Verdict
from haven.reviews.summary import ReviewSummary, review_summary

__all__ = [
    "MATCH_THRESHOLD",
    "ConversationExport",
    "Review",
    "ReviewSummary",
    "ReviewedReplies",
    "ReviewedReply",
    "ReviewedTurn",
    "Verdict",
    "export_conversation",
    "review_summary",
    "reviewed_dir",
    "save_review",
    "validate_reviews",
]
