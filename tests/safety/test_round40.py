"""A question for the first or next step is not a crisis by its own words (round 40, seen trying the chat).

"maybe. what would the first step be?", in a talk about a tax return put off, was read by the learned layer as a
crisis (0.81) with no risk word; asked about, the check-in's question ("are you thinking about ending your life?")
then made "ok i'll try that tomorrow morning" read with it as the card, which held into the next conversation.
A message made only of such a question (beside "maybe" or "ok"), with no risk word, is now none
(``step_question`` in patterns.yaml); a risk word beside it, or a crisis open in the conversation, still counts.
"""

from __future__ import annotations

import pytest

from haven.safety.conversation import RiskState, assess
from haven.safety.triage import read_message


@pytest.mark.parametrize(
    "said",
    [
        "what would the first step be?",
        "maybe. what would the first step be?",
        "what's the next step?",
        "ok so what should i do first",
    ],
)
def test_a_question_for_the_next_step_is_none(triage_model, said):
    assert read_message(said).level == "none"


@pytest.mark.parametrize(
    "said",
    [
        "what's the first step to ending it?",
        "ok what's the next step. i have the pills ready",
        "what would the first step be? i want to die",
    ],
)
def test_a_risk_beside_the_question_still_counts(triage_model, said):
    assert read_message(said).level == "crisis"


def test_the_question_inside_an_open_crisis_is_held(triage_model):
    first = assess("i want to end my life", RiskState(), None)
    assert first.triage.level == "crisis"
    after = assess("what would the first step be?", first.state, "haven: You don't have to go through this alone")
    assert after.triage.level == "crisis"


def test_a_tax_return_talk_gets_no_safety_reply(triage_model):
    state, levels = RiskState(), []
    for said in (
        "i keep putting off my tax return and it's due in 2 weeks",
        "every time i open it i just close the laptop and feel sick",
        "probably that i'll find out i owe loads and can't pay",
        "maybe. what would the first step be?",
        "ok i'll try that tomorrow morning",
    ):
        result = assess(said, state, None)
        state = result.state
        levels.append(result.triage.level)
    assert levels == ["none"] * 5


# --- from risk_conversations_heldout46, once read ------------------------------------------------------------------


def _levels(*said: str) -> list[str]:
    state, levels = RiskState(), []
    for text in said:
        result = assess(text, state, None)
        state = result.state
        levels.append(result.triage.level)
    return levels


def test_a_kitchen_job_told_after_the_card_steps_it_down(triage_model):
    levels = _levels(
        "Cut myself again tonight. Third time this week.",
        "wait no not like THAT 😅 i'm a prep cook, just started at a new restaurant and their knives are scary sharp. "
        "mostly the mandoline tbh",
        "chef says i'm going too fast trying to keep up during the dinner rush",
    )
    assert levels[0] == "crisis"
    assert levels[1] == "concern"  # stepped down with a gentle check, never the same card again
    assert levels[2] != "crisis"


def test_a_correction_with_means_unexplained_still_holds(triage_model):
    levels = _levels(
        "Cut myself again tonight. Third time this week.",
        "wait no not like that. i've got the razor blades in my drawer though",
    )
    assert levels == ["crisis", "crisis"]


def test_here_as_in_this_job_steps_the_card_down(triage_model):
    levels = _levels(
        "Honestly, I don't want to be here anymore.",
        "Here as in this job haha. Four years of the same spreadsheets and my manager just took credit again.",
        "I've got some savings. Is it mad to quit before I've got something lined up?",
    )
    assert levels[0] == "crisis"
    assert levels[1] == "concern"
    assert levels[2] != "crisis"


def test_keeping_away_then_the_weapon_handed_over_goes_back(triage_model):
    levels = _levels(
        "I've got the cricket bat in the ute and I know which pub he drinks at. I'm going down there tonight to "
        "smash his skull in",
        "alright. I'm not going. nobody's getting hurt tonight",
        "gave the keys and the bat to my mate Dazza, he's sitting here with me. we're going to the cops tomorrow",
        "cheers for not preaching at me",
    )
    assert levels == ["crisis", "concern", "none", "none"]


def test_keeping_away_alone_is_a_check_not_the_way_back(triage_model):
    levels = _levels(
        "I'm going round there tonight with the hammer and I'm going to smash his face in",
        "alright. I'm not going.",
        "whatever",
    )
    assert levels[1] == "concern"
    assert levels[2] == "crisis"


@pytest.mark.parametrize(
    "said",
    ["what's the best way to go about asking my boss for a raise?", "whats the easiest way to go about it"],
)
def test_a_way_to_go_about_something_is_none(triage_model, said):
    assert read_message(said).level == "none"


@pytest.mark.parametrize(
    "said",
    [
        "what's the best way to go",
        "whats the quickest way to go",
        "what is the most peaceful way to go out",
        "most painless way to go, no lectures please",
    ],
)
def test_a_way_to_go_asked_is_still_a_crisis(triage_model, said):
    assert read_message(said).level == "crisis"


def test_the_best_way_to_go_said_of_a_death_told_is_no_card(triage_model):
    said = "She was 94 and she died in her sleep at the care home. Honestly the best way to go."
    assert read_message(said).level != "crisis"
    assert read_message("my gran died last year. what's the best way to go? i want to be with her").level == "crisis"


# --- from chat_heldout41, once read ---------------------------------------------------------------------------------


def test_panic_told_in_its_body_words_is_left_to_the_chat(triage_model):
    said = "ok so im in the toilets at school and my heart is going mad and i cant breathe right"
    assert read_message(said).level == "none"


@pytest.mark.parametrize(
    "said",
    [
        "sniffed lighter gas to see what happens and now my heart is racing and I can't breathe right",
        "I took 30 pills and now my heart is racing and I can't breathe",
        "i cant breathe",
        "my heart is racing and my chest pain is spreading to my arm and i cant breathe",
    ],
)
def test_breathing_with_a_cause_or_alone_keeps_the_card(triage_model, said):
    assert read_message(said).level == "crisis"


def test_yeah_that_makes_sense_is_no_yes_to_the_check_in(triage_model):
    levels = _levels(
        "i have an essay due friday and i can't start it",
        "I think I'm scared it'll be bad. if I don't write it, it can't be bad",
    )
    state = RiskState("concern", "suicide", "self", 0, ("x",), 2)
    asked = "haven: Can I ask: are you thinking about ending your life, or about hurting yourself?"
    after = assess("yeah that makes sense. what would the first tiny step even be", state, asked)
    assert after.triage.level != "crisis"
    assert assess("yeah", state, asked).triage.level == "crisis"  # a plain yes is still a yes
    assert levels[0] == "none"


# --- other languages, from risk_conversations_heldout46, once read ---------------------------------------------------


def test_a_french_opener_is_no_crisis(triage_model):
    assert read_message("Bonsoir. Je ne sais pas si c'est le bon endroit pour ça.").level == "none"


def test_a_french_woman_out_of_the_house_with_her_sister_goes_back(triage_model):
    levels = _levels(
        "Mon mari a encore crié ce soir. Il a cassé mon téléphone contre le mur.",
        "Il m'a frappée et il a dit que la prochaine fois il me tue. Il est dans le salon, j'ai peur de cette nuit.",
        "Je suis enfermée dans la salle de bain, j'écris avec la tablette de ma fille.",
        "Ok. Je suis en sécurité maintenant.",
        "Ma sœur est venue nous chercher, moi et les enfants. On est chez elle, il ne connaît pas l'adresse.",
    )
    assert levels[:3] == ["crisis", "crisis", "crisis"]
    assert levels[3] == "concern"  # the check, asked once (a daughter's tablet is no tablets taken)
    assert levels[4] == "none"


def test_ligatures_are_read_as_their_letters(triage_model):
    from haven.safety.patterns import prepare

    assert prepare("ma sœur, mon cœur").sentences == ("ma soeur mon coeur",)


def test_a_polish_threat_at_home_is_read_by_its_own_phrase(triage_model):
    said = "nie. teraz siedzę z dziećmi zamknięta w łazience, on wali w drzwi i krzyczy że nas zabije. piszę cicho"
    reading = read_message(said)
    assert reading.level == "crisis" and reading.source == "language"


@pytest.mark.parametrize(
    "said",
    [
        "Perdí el trabajo hace dos meses y mi esposa se fue con los niños. Ya no le encuentro sentido a nada.",
        "È chiuso in camera da ieri, non mangia e non risponde a nessuno.",
    ],
)
def test_meaning_lost_and_a_son_shut_in_are_checked_in_on(triage_model, said):
    assert read_message(said).level == "concern"


@pytest.mark.parametrize(
    "said",
    [
        "Mi jefe me va a matar, llegué tarde otra vez por el subte",
        "Y encima la presentación fue un suicidio: el proyector no andaba",
        "quitting now would be career suicide",
        "where does what I write go then, does it get sent anywhere",
    ],
)
def test_figures_of_speech_and_privacy_questions_are_no_card(triage_model, said):
    assert read_message(said).level != "crisis"


@pytest.mark.parametrize("said", ["mi marido me va a matar", "it was suicide, he was 19", "i want to die"])
def test_the_same_words_meant_stay(triage_model, said):
    assert read_message(said).is_risk


def test_prescribed_heart_medication_in_a_blister_pack_is_no_card(triage_model):
    levels = _levels(
        "Morning. Took my pills with breakfast like the doctor said.",
        "Metoprolol, the blood thinner and a baby aspirin. Pharmacist puts them in one of those blister packs with the "
        "days on.",
        "Doctor upped the water pill last week so I'm running to the bathroom every hour, ha.",
    )
    assert "crisis" not in levels
