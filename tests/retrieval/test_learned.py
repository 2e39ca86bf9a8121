"""The learned query layer: it loads, it is trained on the data in the repo, and it reads what a person means.

The example queries here are hand-written or come from the train and dev splits; the held-out split is read
only by the floor test and benchmarks/retrieval.py.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from haven.cli import app
from haven.retrieval.evaluation import graded_score, mean_scores
from haven.retrieval.issues import clauses
from haven.retrieval.labelled import KINDS, load_labelled, split, split_of
from haven.retrieval.learned import load_query_model
from haven.retrieval.query import affirmed, reading
from haven.retrieval.search import FUSION_FILE
from haven.retrieval.training import library_lines, training_hash

#: (query, the document that must come first). The issue's examples of what fails, and their kind.
MEANT = [
    ("my therapist said I catastrophize, what does that mean?", {"thinking-traps"}),
    ("I'm not anxious, I just keep replaying what I said", {"cognitive-defusion"}),
    ("feel numb", {"low-mood-and-depression"}),
    ("my heart races even though the doctor says it's fine, I keep thinking something is badly wrong",
     {"decatastrophizing", "anxiety-and-worry"}),
    ("intrusive images of the accident keep coming, is that a thinking trap?", {"grounding-54321"}),
    ("I don't want to calm my breathing, I want to understand why I blow up", {"anger"}),
    ("cba doing anything lately, just rotting in bed all day", {"behavioral-activation", "low-mood-and-depression"}),
]


def test_the_learned_layer_loads_and_knows_every_document(library_search):
    model = load_query_model()
    assert model is not None, "run: .venv/bin/python -m haven.retrieval.training"
    assert set(model.doc_ids) == set(library_search.doc_ids)
    probabilities = model.probabilities("I can't sleep")
    assert abs(sum(probabilities.values()) - 1) < 1e-4
    assert library_search.model is not None


def test_the_committed_model_was_trained_on_the_data_in_the_repo():
    model = load_query_model()
    expected = training_hash(library_lines())
    assert model.data_hash == expected, (
        "the labelled queries or the library's situation lines changed since the model was trained: "
        "run .venv/bin/python -m haven.retrieval.training and commit haven/retrieval/data/"
    )
    assert json.loads(FUSION_FILE.read_text())["data_hash"] == expected


def test_the_split_is_fixed_by_the_text_and_covers_every_kind_and_document(library_search):
    assert split_of("I can't sleep") == split_of("  i CAN'T   sleep ")
    queries = load_labelled()
    assert len(queries) >= 15 * len(library_search.doc_ids)
    for doc_id in library_search.doc_ids:
        assert sum(q.best == doc_id for q in queries) >= 15, doc_id
    held_out = split("heldout")
    assert {q.kind for q in held_out} == set(KINDS)
    assert 0.15 <= len(held_out) / len(queries) <= 0.25


@pytest.mark.parametrize(("query", "wanted"), MEANT)
def test_what_a_person_means_ranks_first(library_search, query, wanted):
    assert split_of(query) != "heldout"
    hits = library_search.search(query, k=3)
    assert hits[0].doc_id in wanted, [h.doc_id for h in hits]


def test_two_problems_get_one_document_each_in_the_top_three(library_search):
    query = "I keep losing my temper and I've been drinking more"  # dev split
    assert split_of(query) != "heldout" and len(clauses(reading(query))) == 2
    top = [h.doc_id for h in library_search.search(query, k=3)]
    assert "anger" in top and "urge-surfing" in top


def test_a_denied_topic_is_not_read_as_the_topic():
    assert affirmed("I'm not anxious, I just keep replaying what I said") == "I just keep replaying what I said"
    assert affirmed("my chest is tight but it's not a panic attack") == "my chest is tight"
    assert affirmed("I can't sleep, my mind races") == "I can't sleep, my mind races"  # can't is not a denial
    assert affirmed("I'm not sure") == "I'm not sure"  # nothing else said: kept whole


def test_shorthand_is_spelled_out_with_triage_normalisation():
    assert reading("cba rn tbh") == "can't be bothered right now to be honest"
    assert reading("ppl walk all over me n i let them") == "people walk all over me and i let them"
    assert reading("sooooo tired") == "so tired"  # haven.safety.reading shortens stretched letters


def test_every_hit_says_why_it_is_there(library_search):
    hits = library_search.search("my heart is racing and I feel faint", k=5)
    assert all(hit.why for hit in hits[:3])
    names = {"dense", "lexical", "gist", "learned", "issue"}
    assert all(set(hit.why) <= names and all(r >= 1 for r in hit.why.values()) for hit in hits)


def test_search_json_carries_why(library_search):
    result = CliRunner().invoke(app, ["search", "I snap at people I love", "--json", "--k", "3"])
    hits = json.loads(result.stdout)["hits"]
    assert all(isinstance(hit["why"], dict) for hit in hits) and hits[0]["why"]


def test_held_out_floor(library_search):
    """A floor a little under the figures measured when the layer was trained (see docs/benchmarks.md)."""
    scores = [
        graded_score([h.doc_id for h in library_search.search(q.text, k=10)], q.grades, q.issues)
        for q in split("heldout")
    ]
    figures = mean_scores(scores)
    assert figures.hit_at_1 >= HELD_OUT_HIT_AT_1_FLOOR, figures
    assert figures.ndcg_at_5 >= HELD_OUT_NDCG_FLOOR, figures


HELD_OUT_HIT_AT_1_FLOOR = 0.76  # measured 0.82 (106 queries)
HELD_OUT_NDCG_FLOOR = 0.77  # measured 0.83
