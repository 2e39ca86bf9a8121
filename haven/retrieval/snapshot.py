"""A copy of the live library index beside it, read at start without opening Chroma.

Why: every `haven chat`, `haven search` and server start used to open Chroma (about a second and a half of
imports and SQLite on two cores) only to learn that the index was already in step with the library files,
then read every record out of it. The snapshot holds those same records (ids, vectors, passages, metadata)
in one ``.npz`` file, keyed by a fingerprint of the library *files* (names and bytes, as the ingest's
content hashes read them). While the files match the fingerprint, the index was current when the snapshot
was written and still is; when they do not (a file edited, added or removed) or the snapshot is missing,
the caller takes the slow path: ingest through Chroma, read the collection, write a new snapshot.

It lives inside the embedded Chroma folder, so deleting the index deletes the snapshot too, and an ingest
that changes the index removes it before switching (``discard``). With a Chroma server
(``HAVEN_CHROMA_URL``) there is no snapshot: other machines may change a shared index at any time.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path

import numpy as np

from haven.config import Settings
from haven.retrieval.chunking import CHUNKER_VERSION

log = logging.getLogger(__name__)

#: Bumped when what a snapshot holds changes shape; an older snapshot is then ignored and rewritten.
FORMAT = 1

Record = tuple[str, list[float], str, dict]


def path_for(settings: Settings) -> Path | None:
    """Where the snapshot of ``settings.collection`` lives (None with a Chroma server: no snapshot)."""
    if settings.chroma_url:
        return None
    return settings.chroma_path / f"{settings.collection}.snapshot.npz"


def library_fingerprint(settings: Settings) -> str:
    """A digest of every library file the loader reads (the same globs), by name and bytes.

    Reads bytes only, never parses: hashing 36 small files takes a few milliseconds; parsing them, tenths
    of a second.
    """
    digest = hashlib.sha256(f"{FORMAT}:{CHUNKER_VERSION}".encode())
    for folder, pattern in ((settings.exercises_dir, "*.y*ml"), (settings.knowledge_dir, "*.md")):
        files = sorted(folder.glob(pattern)) if folder.is_dir() else []
        for path in files:
            digest.update(f"\0{folder.name}/{path.name}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def read(settings: Settings, fingerprint: str | None = None) -> list[Record] | None:
    """The records of the live index if the snapshot matches the library files now, else None.

    Any fault (missing, damaged, written by another version) is a miss, never an error: the slow path
    through Chroma is always there.
    """
    path = path_for(settings)
    if path is None or not path.is_file():
        return None
    fingerprint = fingerprint or library_fingerprint(settings)
    try:
        with np.load(path, allow_pickle=False) as data:
            header = json.loads(bytes(data["header"]).decode("utf-8"))
            if header.get("format") != FORMAT or header.get("library") != fingerprint:
                return None
            vectors = data["vectors"]
    except Exception:  # noqa: BLE001 - a damaged snapshot is a miss; the slow path rebuilds it
        log.warning("the library index snapshot %s could not be read; reading the index instead", path)
        return None
    ids, documents, metadatas = header["ids"], header["documents"], header["metadatas"]
    if not (len(ids) == len(documents) == len(metadatas) == len(vectors)):
        return None
    return list(zip(ids, vectors, documents, metadatas, strict=True))


def write(settings: Settings, records: list[Record], fingerprint: str) -> None:
    """Keep ``records`` (what the live index holds for the library files of ``fingerprint``).

    Written to a temporary file and renamed, so a reader never sees half a snapshot. A failure is logged
    and ignored: the next start simply reads Chroma again.
    """
    path = path_for(settings)
    if path is None:
        return
    ids, vectors, documents, metadatas = [], [], [], []
    for record_id, vector, document, meta in records:
        ids.append(record_id)
        vectors.append(np.asarray(vector, dtype=np.float32))
        documents.append(document)
        metadatas.append(meta)
    header = {
        "format": FORMAT, "library": fingerprint, "ids": ids, "documents": documents, "metadatas": metadatas,
    }  # fmt: skip
    matrix = np.vstack(vectors) if vectors else np.zeros((0, 0), dtype=np.float32)
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".snapshot-", suffix=".npz")
        with os.fdopen(handle, "wb") as out:
            np.savez(out, header=np.frombuffer(json.dumps(header).encode("utf-8"), dtype=np.uint8), vectors=matrix)
        os.replace(temporary, path)
    except Exception:  # noqa: BLE001 - only a speed-up is lost
        log.exception("could not write the library index snapshot %s", path)
        if temporary is not None:
            with contextlib.suppress(Exception):
                os.unlink(temporary)


def discard(settings: Settings) -> None:
    """Remove the snapshot: the index is about to change."""
    path = path_for(settings)
    if path is not None:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
