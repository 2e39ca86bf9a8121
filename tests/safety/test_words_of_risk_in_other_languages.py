"""The learned layer's crisis alone, in another language, is asked about unless a word of risk in that language backs it.

The learned layer reads every language through an English encoder and character n-grams. On the conversations read
so far (dev) it raised the card on 36 ordinary first messages in other languages ("Buenas. Me dijo mi hija que
probara esto, no sé muy bien cómo va" 0.90, "hi yaar. JEE result aaya aaj. rank bahut bekaar hai" 0.86) against 20
real crises, and every one of the 20 holds a word of risk in its own language (a rope, a bridge, pills, cut, hit,
voices, fainted). ``risk_words`` in languages.yaml lists those words; without one, the crisis is asked about (the
check-in with the help lines inline), never dropped.
"""

from __future__ import annotations

import pytest
from risk_play import replies

from haven.safety.languages import load_language_book, risk_word
from haven.safety.triage import read_message

ORDINARY = [
    "Buenas. Me dijo mi hija que probara esto, no sé muy bien cómo va",
    "hi yaar. JEE result aaya aaj. rank bahut bekaar hai",
    "Desculpa escrever a esta hora. Não consigo dormir.",
    "hey. keine ahnung warum ich das hier schreib",
    "Hoi. Ik slaap al vijf nachten bijna niet.",
    "Salut ! Grosse semaine : j'ai posé ma démission et je mets fin à mon bail à la fin du mois",
]

CRISES = [
    "Compré una cuerda y ya sé en qué árbol del rancho",
    "hab mich vorhin wieder geritzt. tiefer als sonst, es hört nicht richtig auf zu bluten",
    "Ich habe vor, heute Nacht von der Brücke am Hafen zu springen. Es ist alles geregelt.",
    "là je suis sur le pont Jacques-Cartier. je vais sauter ce soir, c'est décidé",
    "já tomei a caixa toda de paracetamol há uma hora, uns vinte comprimidos",
    "kal raat unhone mujhe belt se maara aur bola agli baar aur bura hoga",
    "ik heb de hele strip paracetamol genomen met wijn, ik voel me heel raar",
    "vomito dopo ogni pasto e stasera c'era sangue, mi gira la testa",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_the_models_crisis_alone_with_no_word_of_risk_is_a_check_in(triage_model, text):
    verdict = read_message(text)
    assert verdict.level == "concern" and verdict.source == "model" and verdict.model_alone
    assert "none of its risk words" in verdict.evidence


@pytest.mark.parametrize("text", CRISES)
def test_a_word_of_risk_in_the_messages_own_language_keeps_the_crisis(triage_model, text):
    assert read_message(text).is_crisis


def test_a_curated_phrase_needs_no_risk_word():
    assert read_message("quiero morirme").is_crisis and read_message("ich will sterben").is_crisis


def test_an_idiom_is_no_word_of_risk():
    # "me muero de risa" is cut out with the language's idioms before the words are looked for
    assert risk_word("me muero de risa con este video", "es") is None
    assert risk_word("ya me quiero morir", "es") == "morir"


def test_a_language_with_no_words_listed_has_none():
    assert risk_word("मैं ठीक हूँ", "hi") is None
    assert risk_word("anything at all", "xx") is None


def test_every_language_with_phrases_but_hindi_script_lists_words_of_risk():
    book = load_language_book()
    missing = [code for code, entry in book.languages.items() if entry.risk_words is None]
    assert missing == ["hi"]


def test_a_check_in_asked_on_an_opening_message_in_another_language_does_not_hold_the_conversation(triage_model):
    said = replies(
        "Buenas. Me dijo mi hija que probara esto, no sé muy bien cómo va",
        "Tengo un barco de bajura en Burela. El banco se lo queda en enero",
    )
    assert said[0] == "concern" and said[1] != "held"


# Crises and check-ins that a false card at the start of the conversation had been holding by accident (dev): once the
# opening message is asked about instead, each must be read on its own words.
PHRASES = [
    ("Seit meine Frau gestorben ist, sehe ich in nichts mehr einen Sinn.", "concern"),
    ("w domu jest ostatnio ciężko. mąż dużo pije i wtedy robi się… różnie", "concern"),
    ("J'ai donné Tango, le chien, au voisin. Il sera mieux chez eux.", "concern"),
    ("ze lezen mee via de wifi, daarom typ ik zonder hoofdletters en zonder namen", "concern"),
    ("koi na, tension mat lo. Friday ke baad sab sorted ho jayega. meri LIC policy se papa ka loan bhi clear ho jayega",
     "crisis"),
    ("vanochtend ben ik flauwgevallen onder de douche en mijn hart klopt heel snel en onregelmatig. maar ik mag pas "
     "weer eten als ik onder de 45 kilo zit", "crisis"),
    ("A veces pienso que el seguro de vida vale más que yo. Ya lo he mirado, si parece un accidente en el mar, pagan",
     "crisis"),
    ("J'ai rangé tous les papiers pour ma fille. L'assurance, le notaire, les codes de la banque. Après samedi elle "
     "n'aura rien à chercher.", "crisis"),
    ("Ieri notte sono rimasta in piedi accanto al suo letto col cuscino in mano. Ho pensato che sarebbe facile",
     "crisis"),
]


@pytest.mark.parametrize(("text", "level"), PHRASES)
def test_a_crisis_or_check_in_once_held_by_accident_is_read_on_its_own_words(triage_model, text, level):
    assert read_message(text).level == level


def test_a_curated_check_in_is_not_silenced_by_the_check_in_just_before(triage_model):
    # the opening greeting is asked about (the learned layer alone); the widower's next message is a check-in of its
    # own words, not "the learned layer alone again"
    said = replies(
        "Guten Abend. Ich schreibe zum ersten Mal hier.",
        "Seit meine Frau gestorben ist, sehe ich in nichts mehr einen Sinn.",
        "Ja. Ich habe daran gedacht, mir das Leben zu nehmen. Die Tabletten liegen schon bereit.",
    )
    assert said == ["concern", "concern", "crisis"]


def test_feeding_the_neighbours_cat_is_not_giving_it_away():
    assert read_message("j'ai donné à manger au chat du voisin").level == "none"
