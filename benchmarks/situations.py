"""Everyday situations (haven/chat/situations.py) measured on each part of their example messages.

    .venv/bin/python benchmarks/situations.py            # train, dev and held-out; held-out misreadings listed

The cues were written from the train messages, so train's figure is no measure; dev and held-out were not read
to write them, and held-out is the figure to quote. "Read" counts messages for which a cue matched; "right"
those read as the situation they were written for. "Negatives set off" counts everyday turns that tell no
situation (greetings, thanks, questions, exercise reports) for which a cue matched; the chat says a situation's
line only in answer to a feeling told or an answer given, so most of those would never show.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    from haven.chat import situations as S
    from haven.chat.understanding import normalise
    from haven.retrieval.embeddings import embed

    reader = S.SituationReader()
    print(f"{len(S.load_situations())} situations")
    print("| part | messages | read | right | precision | right of all | negatives | negatives set off |")
    print("|---|---|---|---|---|---|---|---|")
    wrong: list[str] = []
    for part in ("train", "dev", "heldout"):
        rows = S.examples(part)
        vectors = embed([t for t, _ in rows])
        matches = [reader.read(normalise(t), v) for (t, _), v in zip(rows, vectors, strict=True)]
        read = [(m, name, t) for m, (t, name) in zip(matches, rows, strict=True) if m is not None]
        right = sum(m.name == name for m, name, _ in read)
        negatives = [t for t in S.load_negatives() if S.split_of(t) == part]
        set_off = sum(1 for t in negatives if S.cued(normalise(t)))
        precision = right / len(read) if read else float("nan")
        print(
            f"| {part} | {len(rows)} | {len(read)} | {right} | {precision:.3f} | {right / len(rows):.3f} | "
            f"{len(negatives)} | {set_off} ({set_off / max(1, len(negatives)):.3f}) |"
        )
        if part == "heldout":
            wrong = [f"  [{name} -> {m.name}] {t}" for m, name, t in read if m.name != name]
    print("\nheld-out messages read as another situation:")
    print("\n".join(wrong) or "  none")


if __name__ == "__main__":
    main()
