"""Triage: recall 1.0 and few false alarms on the labelled set, and the behaviours the spec names."""

from __future__ import annotations

import json

import numpy as np
import pytest
from typer.testing import CliRunner

from haven.safety import CATEGORIES, Triage, triage
from haven.safety.patterns import load_pattern_book, prepare
from haven.safety.semantic import Thresholds, decide, embedding_text, read_exemplar_file


def _labelled(cases: dict) -> list[tuple[str, bool, str]]:
    rows = [(t, True, cat) for cat, texts in cases["crisis"].items() for t in texts]
    return rows + [(t, False, group) for group, texts in cases["none"].items() for t in texts]


def test_the_labelled_set_is_big_and_has_both_classes(triage_cases):
    rows = _labelled(triage_cases)
    assert len(rows) >= 200
    assert sum(crisis for _, crisis, _ in rows) >= 80
    assert sum(not crisis for _, crisis, _ in rows) >= 100
    assert set(triage_cases["crisis"]) == set(CATEGORIES)


def test_recall_is_one_and_false_positive_rate_at_most_five_percent(triage_cases, exemplars):
    rows = _labelled(triage_cases)
    results = [(text, crisis, triage(text)) for text, crisis, _ in rows]
    missed = [text for text, crisis, r in results if crisis and not r.is_crisis]
    false_alarms = [(text, r.evidence) for text, crisis, r in results if not crisis and r.is_crisis]
    negatives = sum(not crisis for _, crisis, _ in rows)
    assert missed == [], f"missed crises: {missed}"
    assert len(false_alarms) / negatives <= 0.05, f"false alarms: {false_alarms}"


def test_crisis_categories_match_the_labels(triage_cases, exemplars):
    """Each crisis gets the category a clinician would expect (or a more urgent one)."""
    wrong = []
    for category, texts in triage_cases["crisis"].items():
        for text in texts:
            got = triage(text).category
            if got != category and CATEGORIES.index(got) > CATEGORIES.index(category):
                wrong.append((text, category, got))
    assert wrong == []


@pytest.mark.parametrize("text", ["", "   ", "\n\t", None])
def test_empty_text_is_none(text):
    assert triage(text) == Triage("none", None, "")


def test_a_crisis_says_why(exemplars):
    result = triage("I keep thinking I'd be better off dead")
    assert result.level == "crisis" and result.category == "suicide_self_harm"
    assert "better_off_dead" in result.evidence


def test_the_similarity_layer_catches_meaning_without_keywords(exemplars):
    """No pattern matches this; only its meaning gives it away."""
    text = "I found a new family for my cat, soon nobody will have to look after me"
    prepared = prepare(text)
    from haven.safety.patterns import match

    assert not match(prepared)
    result = triage(text)
    assert result.is_crisis and result.evidence.startswith("similar to exemplar")


def test_a_denial_is_recorded_and_not_a_crisis(exemplars):
    result = triage("I'm not suicidal, just exhausted after work")
    assert result.level == "none"
    assert "denied" in result.evidence


def test_a_denial_does_not_hide_a_later_risk(exemplars):
    assert triage("I'm not suicidal, but honestly I wish I could sleep forever").is_crisis


def test_a_crisis_sentence_inside_a_long_calm_journal_entry_is_found(exemplars):
    calm = "Today I went to the shops and bought bread. The weather was mild. I watched a film. " * 6
    entry = calm + "Everyone would be better off if I was not here. " + calm
    assert triage(entry).is_crisis


def test_most_urgent_category_wins(exemplars):
    result = triage("I want to die and I swallowed a whole packet of paracetamol")
    assert result.category == "medical_emergency"


@pytest.mark.parametrize(
    "text",
    [
        "this exam is killing me lol",
        "dying to see that film",
        "my phone died",
        "I killed it at work",
        "I'm not suicidal, just tired",
    ],
)
def test_the_idioms_named_in_the_spec_are_not_crises(text, exemplars):
    assert triage(text).level == "none"


def test_thresholds_rule_never_lets_the_safe_side_veto_a_near_copy():
    rule = Thresholds(high=0.66, low=0.44, margin=0.03, bare=0.62, bare_margin=0.10)
    assert decide(0.70, 0.95, rule)
    assert not decide(0.40, 0.0, rule)
    assert decide(0.50, 0.46, rule) and not decide(0.50, 0.49, rule)


def test_without_a_risk_cue_only_a_clear_near_copy_counts():
    rule = Thresholds(high=0.66, low=0.44, margin=0.03, bare=0.62, bare_margin=0.10)
    assert not decide(0.60, 0.30, rule, corroborated=False)
    assert not decide(0.70, 0.65, rule, corroborated=False)
    assert decide(0.70, 0.55, rule, corroborated=False)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("thanks, I'll try the breathing later", False),
        ("I want to disappear for a while and go on holiday", False),  # the frame explains "disappear"
        ("I keep beating myself up about it", False),
        ("I want to end it with my boyfriend", False),
        ("I want to disappear", True),
        ("my dad beats my mum", True),
        ("there's a bottle of pills next to me", True),
    ],
)
def test_risk_cues_corroborate_only_unexplained_risk_words(text, cue):
    from haven.safety.patterns import has_risk_cue

    assert all(has_risk_cue(s) == cue for s in prepare(text).sentences)


def _rate(texts: list[str]) -> tuple[float, list[tuple[str, str]]]:
    alarms = [(t, r.evidence) for t in texts if (r := triage(t)).is_crisis]
    return len(alarms) / len(texts), alarms


def test_everyday_messages_rarely_raise_a_false_alarm(everyday_messages, exemplars):
    """Thanks, reports on exercises, worries about work, sleep or friends: at most 2% crisis."""
    texts = [t for texts in everyday_messages.values() for t in texts]
    assert len(texts) >= 120
    rate, alarms = _rate(texts)
    assert rate <= 0.02, f"false alarms: {alarms}"


def test_reported_everyday_false_alarms_are_gone(everyday_messages, exemplars):
    assert [t for t in everyday_messages["reported"] if triage(t).is_crisis] == []


def test_when_it_helps_lines_rarely_raise_a_false_alarm(when_it_helps, exemplars):
    """What people say when they need an exercise is distress, not a crisis (safety-plan's lines left out)."""
    assert len(when_it_helps) >= 100
    rate, alarms = _rate(when_it_helps)
    assert rate <= 0.02, f"false alarms: {alarms}"


def test_every_pattern_compiles_and_names_known_frames():
    book = load_pattern_book()
    assert {p.category for p in book.patterns} == set(CATEGORIES)
    assert all(p.strength in {"strong", "mention"} for p in book.patterns)
    assert all(p.strength == "strong" or p.unless for p in book.patterns), "a mention without frames is strong"


def _normalised(text: str) -> str:
    return embedding_text(" ".join(prepare(text).sentences))


def test_exemplars_and_test_cases_are_disjoint(triage_cases, everyday_messages, when_it_helps, exemplars):
    """The sets measure generalisation: no test message is an exemplar or a near-copy of one."""
    from haven.retrieval.embeddings import embed

    data = read_exemplar_file()
    exemplar_texts = [t for texts in data["crisis"].values() for t in texts] + list(data["safe"])
    case_texts = [t for t, _, _ in _labelled(triage_cases)]
    case_texts += [t for texts in everyday_messages.values() for t in texts] + when_it_helps
    assert not {_normalised(t) for t in exemplar_texts} & {_normalised(t) for t in case_texts}
    sims = embed([_normalised(t) for t in case_texts]) @ embed([_normalised(t) for t in exemplar_texts]).T
    worst = np.unravel_index(int(np.argmax(sims)), sims.shape)
    assert sims.max() < 0.85, (case_texts[worst[0]], exemplar_texts[worst[1]], float(sims.max()))


def test_cli_single_text_prints_one_json_line(exemplars):
    from haven.cli import app

    result = CliRunner().invoke(app, ["triage", "I want to kill myself"])
    assert result.exit_code == 0
    line = json.loads(result.stdout.strip().splitlines()[-1])
    assert set(line) == {"text", "level", "category", "evidence", "ms"}
    assert line["level"] == "crisis" and line["category"] == "suicide_self_harm"


def test_cli_jsonl_reads_lines_and_prints_one_result_each(exemplars):
    from haven.cli import app

    stdin = "\n".join(json.dumps({"text": t}) for t in ["my phone died", "kms", "me quiero morir"]) + "\n"
    result = CliRunner().invoke(app, ["triage", "--jsonl"], input=stdin)
    assert result.exit_code == 0
    lines = [json.loads(x) for x in result.stdout.strip().splitlines() if x.startswith("{")]
    assert [x["level"] for x in lines] == ["none", "crisis", "crisis"]
    assert all(isinstance(x["ms"], (int, float)) and x["ms"] >= 0 for x in lines)
