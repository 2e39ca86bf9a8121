"""How well the chat's learned reader of good news (haven/chat/valence.py) reads messages it did not learn from.

Prints, for dev (where C and the threshold were chosen) and held-out (never used to choose anything), how many
messages labelled good are read as good (recall), how many read as good are good (precision), and how many hard
messages are read as good (the costly mistake: gladness said to distress). Quote the held-out line.

    .venv/bin/python benchmarks/valence.py

The data (haven/chat/data/valence/everyday.yaml) was written on 2026-12-07 by a helper with no access to the
repository, from this brief (verbatim, its file path aside):

    You are writing labelled data for a small text classifier in an offline self-help chat app (a CBT-style
    companion people talk to about everyday life). [...] The classifier reads ONE message a person types in the
    middle of a conversation and says how it feels to them (its valence), so the app can answer good news with
    warmth instead of treating it as a problem. Labels:
    - good: good news, a win (small or big), relief, pride, joy, fun had, something that went well, a plan they are
      pleased with, a funny happy story, gratitude for a good thing in their life, progress ("slept 6 hours!",
      "manager was happy in standup. relief", "First one was lovely actually. One of the other volunteers is from
      Galway!", "I cook feijoada for my roommate!! he like very much", "went for a walk. was alright" is NOT good,
      see neutral).
    - hard: distress of any kind: worry, sadness, anger, frustration, exhaustion, loneliness, grief, shame, fear,
      feeling stuck, something that went badly ("then I feel terrible once they're asleep", "the house feel quiet
      without her").
    - mixed: clearly both in one message ("got the job but I'm terrified I'll be found out", "the funeral was
      beautiful, I just miss him", "passed! but dad didn't even say well done").
    - neutral: plain facts, answers to a question with no feeling in them, logistics, questions, small talk
      ("they're 7 and 10. boys.", "four nights on, three off", "what's a thought record?", "couple of months now",
      "went for a walk. was alright", "ok", "I work in a warehouse").
    Write 800 messages: about 250 good, 250 hard, 120 mixed, 180 neutral. Make them realistic and varied: many
    voices and ages (teens, students, parents, carers, shift workers, retirees, farmers, nurses), many English
    varieties (UK, Irish, Scottish, US, Australian/NZ, South African, Nigerian, Indian, Caribbean, Filipino,
    non-native English with small grammar slips), text-speak and lowercase, emoji, typos, one-liners and longer
    messages (up to ~60 words), good news told flatly or understated, hard things told with jokes, and hard-looking
    words in good messages ("killed it at my exam", "nearly died laughing") and vice versa. Avoid any crisis content
    (no suicide, self-harm, abuse, overdose): this is everyday talk only. No two messages near-duplicates; don't
    reuse the examples above verbatim.

(The examples in the brief come from chat_heldout53, already read; the helper was told not to reuse them.)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    import numpy as np

    from haven.chat import valence
    from haven.retrieval.embeddings import embed

    model = valence.load_model()
    if model is None:
        sys.exit("no valence model: run `haven train-valence` first")
    rows = valence.load_labelled()
    print(f"valence reader: good from P(good) >= {model.good_at} (chosen on dev)")
    print("| part | messages | labelled good | read good | precision | recall | hard read as good |")
    print("|---|---|---|---|---|---|---|")
    for split in ("dev", "heldout"):
        chosen = valence.part(split, rows)
        vectors = np.asarray(embed([r.text.strip() for r in chosen]), dtype=np.float32)
        s = valence.score(chosen, [model.good(v) for v in vectors])
        print(
            f"| {split} | {s.n} | {s.good} | {s.read_good} | {s.precision:.2f} | {s.recall:.2f} | {s.hard_read_good} |"
        )


if __name__ == "__main__":
    main()
