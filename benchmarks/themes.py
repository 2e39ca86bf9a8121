"""What the chat reads a message to be about, measured against labelled everyday messages.

    .venv/bin/python benchmarks/themes.py --split dev      # what to look at while improving the reading
    .venv/bin/python benchmarks/themes.py --split heldout  # the figures to quote (read once per change)

The labelled messages (haven/chat/data/themes/) are split by a hash of their words (haven/chat/theme_model.py):
the learned reader learns from train, `haven train-themes` chooses its thresholds on dev, and held-out is never
used to choose anything. Each part is read twice by the chat's own Understander: the theme words alone (as the
chat read before the learned reader), and the words with the learned reader's say. "main" is the share of
messages whose first theme is the labelled main one (or both say none), "wrong" those read with another first
theme (worse than none read: the reply goes off course); "exact" the share read with exactly the labelled themes;
precision and recall count themes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("train", "dev", "heldout"), required=True)
    parser.add_argument("--show", type=int, default=0, help="print this many misreads of the main theme")
    args = parser.parse_args()

    from haven.chat.theme_model import load_labelled, part, score
    from haven.chat.understanding import Understander
    from haven.content.loader import load_default_library

    rows = part(args.split, load_labelled())
    library = load_default_library()
    readers = {"words alone": Understander(library, theme_model=False), "words + learned": Understander(library)}
    print(f"{args.split}: {len(rows)} labelled messages")
    print("| reading | main theme right | main theme wrong | exact set | precision | recall |")
    print("|---|---|---|---|---|---|")
    for name, reader in readers.items():
        s = score(rows, [reader.read(r.text).themes for r in rows])
        print(
            f"| {name} | {s.right} ({s.main:.3f}) | {s.wrong} ({s.wrong / max(1, s.n):.3f}) | {s.exact:.3f} "
            f"| {s.precision:.3f} | {s.recall:.3f} |"
        )
        for text, want, got in s.wrong_main[: args.show]:
            print(f"    {list(want)} read {list(got)}: {text[:100]}")


if __name__ == "__main__":
    main()
