"""What retrieval returns: a library passage with everything needed to cite it."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from haven.content.models import Reference


class Passage(BaseModel):
    """One chunk of the library as indexed: a section of an article or a part of an exercise."""

    model_config = ConfigDict(frozen=True)

    chunk_id: str  # "<doc id>#<n>"
    doc_id: str
    kind: str  # "exercise" | "article"
    title: str
    section: str  # the article's heading, or the part of the exercise ("When it helps", "Steps", ...)
    source: str  # repo-relative path of the file, e.g. "knowledge/panic-attacks.md"
    text: str
    references: list[Reference] = []


class Hit(BaseModel):
    """One document found by a search: its best passage, and how well it matched (higher is better)."""

    model_config = ConfigDict(frozen=True)

    doc_id: str
    kind: str
    title: str
    section: str
    source: str
    score: float
    passage: str
    references: list[Reference] = []
    #: Which rankings put it here: ranking name -> the document's 1-based rank in it ("dense", "lexical",
    #: "gist", "learned"), for rankings that placed it in their top 10; "issue" when it answers one clause
    #: of a message with several problems.
    why: dict[str, int] = {}

    def citation_label(self) -> str:
        """How a citation reads: 'Panic attacks - What helps in the moment'."""
        return f"{self.title} - {self.section}" if self.section else self.title
