"""Quality bars for every document in Haven's real library.

Reading level, safe messaging, honest sources and the ids the app relies on. These tests read the repo's
``exercises/`` and ``knowledge/`` directly, so a new file is checked the moment it is added.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from haven.config import PROJECT_ROOT
from haven.content.loader import Library, load_library
from haven.content.models import Article, Exercise, word_count
from haven.content.prose import reading_grade

EXERCISES_DIR = PROJECT_ROOT / "exercises"
KNOWLEDGE_DIR = PROJECT_ROOT / "knowledge"

REQUIRED_EXERCISES = (
    "thought-record", "cognitive-distortions", "decatastrophizing", "box-breathing", "paced-breathing",
    "grounding-54321", "progressive-muscle-relaxation", "body-scan", "behavioral-activation", "worry-time",
    "problem-solving", "self-compassion-break", "gratitude-journal", "sleep-hygiene", "safety-plan",
    "values-clarification", "opposite-action", "urge-surfing", "exposure-ladder", "assertive-communication",
    "cognitive-defusion", "social-connection", "tipp", "journaling-expressive-writing",
)  # fmt: skip
REQUIRED_ARTICLES = (
    "what-is-cbt", "anxiety-and-worry", "panic-attacks", "low-mood-and-depression", "stress-and-burnout",
    "sleep-and-mood", "anger", "loneliness-and-connection", "grief-and-loss", "self-criticism-and-perfectionism",
    "thinking-traps", "getting-professional-help",
)  # fmt: skip

MAX_READING_GRADE = 9.0

# --- sources a reader can trust --------------------------------------------------------------------------
# A reference must be a public body, a recognised professional body or national charity, a university, or a
# peer-reviewed paper. Listed by who they are, so adding one is a decision, not a convenience.
AUTHORITATIVE_DOMAINS = {
    # health services and public health agencies
    "nhs.uk": "NHS (England, and NHS trusts on *.nhs.uk)",
    "nhsinform.scot": "NHS Scotland",
    "nice.org.uk": "National Institute for Health and Care Excellence",
    "who.int": "World Health Organization",
    "nih.gov": "US National Institutes of Health: NIMH, NCBI/PubMed/PMC, NHLBI",
    "cdc.gov": "US Centers for Disease Control and Prevention",
    "samhsa.gov": "US Substance Abuse and Mental Health Services Administration",
    "hhs.gov": "US Department of Health and Human Services (Surgeon General)",
    "findtreatment.gov": "SAMHSA's treatment locator",
    # professional bodies
    "apa.org": "American Psychological Association",
    "psychiatry.org": "American Psychiatric Association",
    "rcpsych.ac.uk": "Royal College of Psychiatrists",
    "babcp.com": "British Association for Behavioural and Cognitive Psychotherapies",
    # national mental-health charities and crisis services
    "mind.org.uk": "Mind",
    "samaritans.org": "Samaritans",
    "988lifeline.org": "988 Suicide and Crisis Lifeline",
    # the developers' own site for the Stanley-Brown Safety Planning Intervention (the primary source)
    "suicidesafetyplan.com": "Stanley-Brown Safety Planning Intervention",
    # peer-reviewed literature
    "doi.org": "DOI resolver: a published, peer-reviewed paper",
    "cochranelibrary.com": "Cochrane systematic reviews",
    "bmj.com": "The BMJ",
    "thelancet.com": "The Lancet",
}
# Government and university domains, whatever the institution.
AUTHORITATIVE_SUFFIXES = (".gov", ".gov.uk", ".gov.au", ".gc.ca", ".edu", ".edu.au", ".ac.uk")


def is_authoritative(url: str) -> bool:
    """True when the URL is https and its host is on the allow-list (the domain itself or a subdomain)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or not host:
        return False
    if any(host == d or host.endswith("." + d) for d in AUTHORITATIVE_DOMAINS):
        return True
    return host.endswith(AUTHORITATIVE_SUFFIXES)


# --- safe messaging --------------------------------------------------------------------------------------
_HARM = (
    r"(?:suicid\w*|self[- ]?harm\w*|self[- ]?injur\w*"
    r"|kill(?:s|ing|ed)?\s+(?:yourself|myself|themselves|himself|herself|oneself)"
    r"|end(?:s|ing|ed)?\s+(?:your|my|their|his|her|one's)\s+(?:own\s+)?li(?:fe|ves)"
    r"|tak(?:e|es|ing)\s+(?:your|my|their|his|her)\s+own\s+li(?:fe|ves)"
    r"|hurt(?:s|ing)?\s+(?:yourself|myself|themselves))"
)
_METHOD = (
    r"(?:overdos\w*|pills?|tablets?|paracetamol|hang(?:s|ed|ing)?|nooses?|ligatures?|jump(?:s|ed|ing)?"
    r"|cut(?:s|ting)?|bridges?|ropes?|guns?|firearms?|shoot\w*|poison\w*|lethal|dos(?:e|es|age)"
    r"|blades?|razors?|drown\w*|suffocat\w*|methods?|carbon\s+monoxide)"
)
_NEAR = r"(?:\W+\w+){0,5}?\W+"  # up to five words in between
UNSAFE_PATTERNS: dict[str, re.Pattern[str]] = {
    "method named near suicide or self-harm": re.compile(
        rf"\b{_METHOD}\b{_NEAR}{_HARM}\b|\b{_HARM}{_NEAR}{_METHOD}\b", re.I
    ),
    "'commit suicide' frames suicide as a crime": re.compile(r"\bcommit(?:s|ted|ting)?\s+suicide\b", re.I),
    "'successful'/'failed' attempt": re.compile(
        r"\b(?:successful|unsuccessful|failed)\s+(?:suicide\s+)?attempts?\b|\bsuccessful\s+suicide\b", re.I
    ),
    "promise of cure": re.compile(
        r"\bwill\s+(?:cure|fix|heal)\b|\bcures\b|\bguaranteed\s+to\b|\bguarantees?\s+(?:you|results?|recovery)\b"
        r"|\b100\s?%\s+(?:effective|cured?|success\w*|guaranteed)"
        r"|\bfix(?:es)?\s+your\s+(?:depression|anxiety|mental\s+health|mood|panic|insomnia|life)\b"
        r"|\bnever\s+(?:feel|be)\s+(?:anxious|depressed|sad|low|stressed|lonely)\s+again\b"
        r"|\bpermanent(?:ly)?\s+cur\w*",
        re.I,
    ),
    "medication dose": re.compile(r"\b\d+(?:\.\d+)?\s?(?:mg|mcg|µg|milligrams?|micrograms?)\b", re.I),
}


def safe_messaging_problems(text: str) -> list[str]:
    """Every phrase in ``text`` that breaks our safe-messaging rules, as 'rule: "phrase"'."""
    return [
        f'{rule}: "{" ".join(m.group(0).split())}"'
        for rule, pattern in UNSAFE_PATTERNS.items()
        for m in pattern.finditer(text)
    ]


# --- the real library ------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def real_library() -> Library:
    return load_library(EXERCISES_DIR, KNOWLEDGE_DIR)


def document_paths() -> list[Path]:
    return sorted(EXERCISES_DIR.glob("*.y*ml")) + sorted(KNOWLEDGE_DIR.glob("*.md"))


def loaded(path: Path) -> Exercise | Article:
    doc = real_library().get(path.stem)
    if doc is None:
        problems = [str(p) for p in real_library().problems if p.path == path]
        pytest.fail(f"{path.name} did not load: {problems}")
    return doc


def doc_param(path: Path):
    return pytest.param(path, id=f"{path.parent.name}/{path.name}")


ALL_DOCS = [doc_param(p) for p in document_paths()]
ARTICLES = [doc_param(p) for p in sorted(KNOWLEDGE_DIR.glob("*.md"))]


@pytest.mark.parametrize("doc_id", REQUIRED_EXERCISES)
def test_required_exercise_exists(doc_id: str) -> None:
    assert doc_id in real_library().exercises, f"exercises/{doc_id}.yaml is missing or does not load"


@pytest.mark.parametrize("doc_id", REQUIRED_ARTICLES)
def test_required_article_exists(doc_id: str) -> None:
    assert doc_id in real_library().articles, f"knowledge/{doc_id}.md is missing or does not load"


@pytest.mark.parametrize("path", ALL_DOCS)
def test_reading_grade_at_most_9(path: Path) -> None:
    grade = reading_grade(loaded(path))
    assert grade <= MAX_READING_GRADE, f"{path.name}: Flesch-Kincaid grade {grade:.1f} > {MAX_READING_GRADE}"


@pytest.mark.parametrize("path", ALL_DOCS)
def test_safe_messaging(path: Path) -> None:
    loaded(path)
    assert safe_messaging_problems(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", ALL_DOCS)
def test_references_are_https_and_authoritative(path: Path) -> None:
    doc = loaded(path)
    assert doc.references, f"{path.name} has no references"
    bad = [str(ref.url) for ref in doc.references if not is_authoritative(str(ref.url))]
    assert bad == [], f"{path.name}: not https or not on the allow-list: {bad}"


@pytest.mark.parametrize("path", ALL_DOCS)
def test_references_are_not_repeated(path: Path) -> None:
    urls = [str(ref.url).rstrip("/") for ref in loaded(path).references]
    assert len(urls) == len(set(urls)), f"{path.name} lists a reference twice"


# --- the shape of an article (what retrieval cites) -------------------------------------------------------


@pytest.mark.parametrize("path", ARTICLES)
def test_article_sections_stand_on_their_own(path: Path) -> None:
    article = loaded(path)
    assert 4 <= len(article.sections) <= 7, f"{path.name}: {len(article.sections)} sections"
    for section in article.sections:
        words = word_count(section.body)
        assert 60 <= words <= 200, f"{path.name}:{section.line}: '{section.heading}' has {words} words"
    assert 2 <= len(article.references) <= 4


@pytest.mark.parametrize("path", ARTICLES)
def test_article_ends_with_where_to_get_help(path: Path) -> None:
    last = loaded(path).sections[-1]
    assert re.search(r"\bhelp\b|\bcrisis\b", last.heading, re.I), f"{path.name}: last section is '{last.heading}'"
    assert re.search(r"\b988\b|116 123|emergency number", last.body), f"{path.name}: no crisis route at the end"


@pytest.mark.parametrize("path", ARTICLES)
def test_article_paragraphs_are_not_hard_wrapped(path: Path) -> None:
    """document_prose() turns each line into a sentence, so a wrapped paragraph would fake a low reading grade."""
    body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    wrapped = [
        line
        for prev, line in zip(body.splitlines(), body.splitlines()[1:], strict=False)
        if prev.strip() and line.strip() and not re.match(r"\s*(?:[-*+]|\d+\.|#)\s", line)
    ]
    assert wrapped == [], f"{path.name}: paragraph continues on a new line: {wrapped[:2]}"


# --- the checkers themselves catch what they should -------------------------------------------------------

PLANTED_UNSAFE = [
    "Some people take an overdose of pills to end their life.",
    "He died by hanging himself after years of self-harm.",
    "Suicide by jumping from a bridge is more common than you think.",
    "People who kill themselves with a gun rarely survive.",
    "Self-harm often involves cutting the arms.",
    "She committed suicide last year.",
    "Too many people commit suicide every year.",
    "It was his second failed suicide attempt.",
    "This app will cure your anxiety.",
    "Slow breathing cures panic in minutes.",
    "Our plan is guaranteed to lift your mood.",
    "CBT is 100% effective for everyone.",
    "These five steps fix your depression for good.",
    "Do this daily and you will never feel anxious again.",
    "Take 50 mg each night to sleep.",
]
PLANTED_SAFE = [
    "If you are thinking about suicide, call or text 988.",
    "Self-harm is a sign of deep distress, and help is available.",
    "If you think about ending your life, please get help now.",
    "Jumping to conclusions is a common thinking trap.",
    "Cut down on caffeine after lunchtime.",
    "Talk to your doctor before you change or stop any medicine.",
    "There is no quick cure, but many people feel better with support.",
    "Pills are not the only treatment for low mood.",
    "In the UK and Ireland, call Samaritans on 116 123.",
]


@pytest.mark.parametrize("sentence", PLANTED_UNSAFE)
def test_safe_messaging_checker_catches_planted_sentence(sentence: str) -> None:
    assert safe_messaging_problems(sentence), f"missed: {sentence}"


@pytest.mark.parametrize("sentence", PLANTED_SAFE)
def test_safe_messaging_checker_allows_safe_sentence(sentence: str) -> None:
    assert safe_messaging_problems(sentence) == []


def test_safe_messaging_checker_catches_a_planted_sentence_inside_a_real_article() -> None:
    text = (KNOWLEDGE_DIR / "low-mood-and-depression.md").read_text(encoding="utf-8")
    assert safe_messaging_problems(text) == []
    planted = text.replace("## Small steps that help", "Some people overdose on pills to end their life.\n\n## Small")
    assert planted != text
    assert any(p.startswith("method named") for p in safe_messaging_problems(planted))


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://www.nhs.uk/mental-health/conditions/panic-disorder/", True),
        ("https://www.rnoh.nhs.uk/patients-and-visitors/", True),
        ("https://www.nimh.nih.gov/health/topics/depression", True),
        ("https://pubmed.ncbi.nlm.nih.gov/20025372/", True),
        ("https://www.va.gov/WHOLEHEALTHLIBRARY/", True),
        ("https://ggia.berkeley.edu/practice/self_compassion_break", True),
        ("https://doi.org/10.1037/bul0000138", True),
        ("http://www.nhs.uk/mental-health/", False),  # not https
        ("https://www.psychologytoday.com/us/therapists", False),  # a directory, not a source
        ("https://en.wikipedia.org/wiki/Cognitive_behavioral_therapy", False),
        ("https://nhs.uk.example.com/fake", False),  # look-alike host
        ("https://www.evilnhs.uk/", False),
    ],
)
def test_reference_allow_list(url: str, ok: bool) -> None:
    assert is_authoritative(url) is ok
