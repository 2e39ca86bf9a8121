"""The textbook RAG retrieval, kept as the yardstick Haven's search is measured against.

RecursiveCharacterTextSplitter(1000, 200) over the raw files, the same MiniLM embeddings, and a Chroma
``similarity_search``: what a tutorial would build. Used by benchmarks/retrieval.py and the retrieval lab.
"""

from __future__ import annotations

import uuid

from langchain_core.embeddings import Embeddings

from haven.content.loader import Library
from haven.retrieval.embeddings import embed_kept, embed_one
from haven.retrieval.evaluation import distinct


class LibraryEmbeddings(Embeddings):
    """The bundled MiniLM behind LangChain's ``Embeddings`` interface: the same ONNX reader and vectors as the
    rest of Haven, so the yardstick differs from Haven's search only in chunking and ranking.

    Chunks' vectors are kept on disk under ``name`` (:func:`embed_kept`): they are library text, never a person's
    words, and the baseline's chunkings would otherwise cost over a minute of CPU in every run of the lab.
    Queries are embedded each time and written nowhere.
    """

    def __init__(self, name: str) -> None:
        self.name = name

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return embed_kept(list(texts), self.name).tolist()

    def embed_query(self, text: str) -> list[float]:
        return embed_one(text).tolist()


class TextbookRetriever:
    """Fixed-size chunks + dense similarity in an in-memory Chroma collection."""

    def __init__(self, library: Library, chunk_size: int = 1000, chunk_overlap: int = 200):
        import chromadb
        from chromadb.config import Settings as ChromaSettings
        from langchain_chroma import Chroma
        from langchain_core.documents import Document
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        splitter = RecursiveCharacterTextSplitter(chunk_size=chunk_size, chunk_overlap=chunk_overlap)
        docs = [
            Document(page_content=library.paths[d.id].read_text(encoding="utf-8"), metadata={"id": d.id})
            for d in library.documents()
        ]
        chunks = splitter.split_documents(docs)
        client = chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))
        # EphemeralClient instances share one in-memory system: a unique name keeps each baseline apart.
        self.store = Chroma(
            client=client,
            collection_name=f"textbook-{chunk_size}-{chunk_overlap}-{uuid.uuid4().hex[:8]}",
            embedding_function=LibraryEmbeddings(f"textbook-{chunk_size}-{chunk_overlap}"),
        )
        self.store.add_documents(chunks)
        self.n_chunks = len(chunks)

    def rank(self, query: str, k: int = 10) -> list[str]:
        """Distinct document ids, best first, from the top ``k`` chunks."""
        return distinct([d.metadata["id"] for d in self.store.similarity_search(query, k=k)])
