"""Crises and check-ins in other languages that a false card at the start of a conversation had been holding by accident.

Round 37 tried asking about, instead of assuming, the learned layer's crisis alone in another language with none of
that language's words of risk. On dev it took the card off 36 ordinary opening messages; the blind sets it was tested
on lost seven turns wanting help ("ça fait 4 jours que je mange presque rien, j'ai fait un malaise" held no listed
word), so by the rule written before the read it was taken out (docs/benchmarks.md, round 37). What it found stays:
with the opening card gone, these messages were read on their own words, and each must hold its level by itself.
"""

from __future__ import annotations

import pytest

from haven.safety.triage import read_message

PHRASES = [
    ("Seit meine Frau gestorben ist, sehe ich in nichts mehr einen Sinn.", "concern"),
    ("w domu jest ostatnio ciężko. mąż dużo pije i wtedy robi się… różnie", "concern"),
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
    verdict = read_message(text)
    # a check-in at least (the learned layer may read the card on its own, as it does on several of them)
    assert verdict.is_crisis if level == "crisis" else verdict.is_risk


def test_the_dog_given_to_the_neighbour_is_at_least_a_check_in(triage_model):
    assert read_message("J'ai donné Tango, le chien, au voisin. Il sera mieux chez eux.").is_risk


def test_feeding_the_neighbours_cat_is_not_giving_it_away():
    assert read_message("j'ai donné à manger au chat du voisin").level == "none"


OPENERS = [
    "hola, no sé muy bien por qué escribo esto",
    "Buenas. Me dijo mi hija que probara esto, no sé muy bien cómo va",
    "Guten Abend. Ich schreibe zum ersten Mal hier.",
    "hey. keine ahnung warum ich das hier schreib",
    "cześć. nie wiem czy to dobre miejsce",
    "Bonsoir. C'est ma petite-fille qui m'a installé ce truc sur le téléphone.",
]


@pytest.mark.parametrize("text", OPENERS)
def test_an_opening_message_in_another_language_is_no_crisis(triage_model, text):
    # the learned layer read these as crises (0.87-0.90) through an English encoder, and the card then held the
    # whole conversation; only whole sentences that open a conversation are set aside from it
    assert read_message(text).level == "none"


@pytest.mark.parametrize(
    "text",
    [
        "hola, no sé por qué te escribo. ya no quiero vivir",
        "hola. no sé por qué escribo, compré una cuerda",
        "Guten Abend. Ich schreibe zum ersten Mal hier. Ich will nicht mehr leben.",
    ],
)
def test_whatever_else_an_opening_message_says_is_read_as_ever(triage_model, text):
    assert read_message(text).is_crisis


def test_an_opener_is_a_whole_sentence_of_filler_words_never_a_word_of_risk():
    from haven.safety.patterns import load_pattern_book

    opening = load_pattern_book().frames["opening_words_other_languages"]
    assert opening.fullmatch("no se muy bien por que te escribo")
    assert not opening.fullmatch("no se por que escribo quiero morir")
    assert not opening.fullmatch("no se si quiero vivir")
    assert not opening.fullmatch("hola muerte")
