"""Haven's search as a LangChain retriever, for LangChain chains and the LLM engine."""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from haven.retrieval.types import Hit


def hit_to_document(hit: Hit) -> Document:
    """A hit as a LangChain Document: the passage as content, the citation in metadata."""
    return Document(
        page_content=hit.passage,
        metadata={
            "id": hit.doc_id,
            "title": hit.title,
            "kind": hit.kind,
            "section": hit.section,
            "source": hit.source,
            "score": hit.score,
            "references": [r.model_dump(mode="json") for r in hit.references],
        },
    )


class LibraryRetriever(BaseRetriever):
    """Distinct library documents for a query, best first, each as its best passage."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    searcher: Any  # haven.retrieval.search.LibrarySearch
    k: int = 4
    kind: str | None = None

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        return [hit_to_document(hit) for hit in self.searcher.search(query, k=self.k, kind=self.kind)]
