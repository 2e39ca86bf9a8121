"""The small library helpers the notebooks call: a step as text (content.prose), ranks per query (evaluation)."""

from __future__ import annotations

from haven.content.models import Exercise
from haven.content.prose import step_outline
from haven.retrieval.evaluation import EvalQuery, compare, first_relevant

EXERCISE = Exercise.model_validate(
    {
        "id": "test-walk",
        "title": "A test walk",
        "summary": "A walk used to test the step outline.",
        "approach": "mindfulness",
        "duration_minutes": 5,
        "purpose": "To check how each kind of step reads as plain text.",
        "when_it_helps": ["one", "two", "three"],
        "steps": [
            {"kind": "choice", "id": "where", "prompt": "Where will you walk?", "options": ["Out", "In"]},
            {"kind": "timer", "id": "breathe", "prompt": "Breathe with the circle.", "cycles": 3,
             "phases": [{"label": "In", "seconds": 4, "shape": "in"}, {"label": "Out", "seconds": 6}]},
            {"kind": "timer", "id": "walk", "prompt": "Walk slowly.", "seconds": 120, "help": "Feel your feet."},
            {"kind": "rating", "id": "calm", "prompt": "How calm are you?", "low_label": "tense",
             "high_label": "calm"},
            {"kind": "list", "id": "noticed", "prompt": "What did you notice?", "max_items": 5,
             "item_label": "I noticed"},
            {"kind": "prompt", "id": "note", "prompt": "Anything else?", "optional": True},
        ],
        "references": [{"title": "Mindfulness", "url": "https://www.nhs.uk/", "publisher": "NHS"}],
    }
)  # fmt: skip


def test_step_outline_shows_what_each_kind_of_step_asks_for() -> None:
    choice, paced, plain, rating, listing, prompt = (step_outline(s) for s in EXERCISE.steps)
    assert choice == "[choice] Where will you walk?\n    pick one: Out | In"
    assert "In 4 s (in), Out 6 s (steady); x3 cycles" in paced and paced.endswith("total 30 s")
    assert plain == "[timer] Walk slowly.\n    hint: Feel your feet.\n    total 120 s"
    assert rating.endswith("0 = tense ... 10 = calm")
    assert listing.endswith("list of 1-5 items (I noticed)")
    assert prompt == "[prompt] Anything else?\n    (optional)"


def test_first_relevant_is_the_zero_based_rank_of_the_first_wanted_id() -> None:
    assert first_relevant(["a", "b", "c"], {"c", "b"}) == 1
    assert first_relevant(["a", "b"], {"z"}) is None


def test_compare_keeps_each_querys_rank() -> None:
    queries = [
        EvalQuery("q1", frozenset({"x"})),
        EvalQuery("q2", frozenset({"y"})),
        EvalQuery("q3", frozenset({"z"})),
    ]
    ranking = {"q1": ["x", "y"], "q2": ["x", "z", "w", "y"], "q3": ["x"]}
    [result] = compare({"fixed": lambda q: ranking.get(q, [])}, queries)
    assert result.ranks == [0, 3, None]
    assert result.mrr == (1 + 1 / 4) / 3
    assert [m[0] for m in result.misses] == ["q2", "q3"]
