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
