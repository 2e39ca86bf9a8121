"""haven.chat.threads: the move a message makes in the conversation in play, read without any model."""

from __future__ import annotations

import pytest

from haven.chat import threads
from haven.chat.understanding import normalise


def _read(message: str, *earlier: str, last: str = "") -> threads.Move | None:
    return threads.read(normalise(message), [normalise(e) for e in earlier], last)


@pytest.mark.parametrize(
    ("message", "said_back"),
    [
        ("she said I was selfish", "She said you were selfish."),
        ("he told me I never make time for him", "He told you that you never make time for him."),
        ("my boss called me lazy", "Your boss called you lazy."),
    ],
)
def test_someones_critical_words_are_said_back_in_the_second_person(message, said_back):
    move = _read(message, "I keep replaying an argument with my best friend")
    assert move is not None and move.kind == "reported"
    assert move.said_back == said_back


def test_words_that_are_not_a_criticism_are_not_read_as_one():
    move = _read("my husband says I shouldn't listen to her", "my mum criticises how I raise my kids")
    assert move is not None and move.kind == "reported_other"
    doctor = _read("the doctor said I'm fine", "I keep googling symptoms")
    assert doctor is None or doctor.kind != "reported"


@pytest.mark.parametrize(
    ("message", "gentle"),
    [
        ("maybe she's right", "other"),
        ("and honestly he might have a point", "other"),
        ("I guess she could be right", "other"),
        ("maybe I'm overreacting", "minimising"),
        ("maybe im the idiot for lending it", "self"),
        ("I suppose I did say some harsh things.", "self"),
        ("I know that's not fair of me", "self"),
        ("idk maybe they just dont like me", "unliked"),
    ],
)
def test_a_doubt_about_oneself_is_read_as_one(message, gentle):
    move = _read(message, "she said I was selfish")
    assert move is not None and (move.kind, move.gentle) == ("doubt", gentle)


def test_the_person_in_play_is_named_as_the_person_named_them_with_their_pronoun():
    move = _read("maybe im the idiot for lending it", "my brother borrows money and never pays it back")
    assert (move.who, move.pronoun) == ("your brother", "he")


def test_how_often_and_a_but_are_said_back_only_as_clean_clauses():
    move = _read("he does it every week and never says sorry", "my housemate keeps eating my food")
    assert (move.kind, move.said_back) == ("pattern", "He does it every week and never says sorry.")
    teen = _read('like every single day "have u revised"', "my parents keep going on about it")
    assert teen.kind == "pattern" and teen.said_back is None  # a fragment in text-speak is not parroted
    but = _read("not really, my partner knows but he's just as stressed", "my landlord wants us out")
    assert (but.kind, but.said_back) == ("contrast", "So your partner knows, but he's just as stressed.")


def test_answers_that_depend_on_haven_s_question():
    asked = "Have you been able to tell him how it makes you feel?"
    assert _read("no I haven't said anything", "he never says sorry", last=asked).kind == "not_yet"
    assert _read("no I haven't said anything", "he never says sorry", last="What helps?") is None
    told = _read(
        "ye i guess", "my parents keep going on about it", last="Have you been able to tell your parents?"
    )
    assert (told.kind, told.who) == ("told", "your parents")
    assert _read("yeah but they dont listen", "my parents nag", last="Have you been able to tell them?") is None
    what = "What happened between you most recently?"
    event = _read("my brother went on holiday like nothing happened", "my dad died", last=what)
    assert (event.kind, event.said_back) == ("event", "Your brother went on holiday like nothing happened.")
    assert _read("yeah it did", "I did it, I feel calmer", last="I'm glad it helped.").kind == "confirm"
    assert _read("yeah it did", "I went to the party", last="Did you go?") is None


def test_a_question_about_what_will_happen_and_getting_on_with_steps():
    assert _read("will it happen again tomorow?", "my heart is racing").kind == "ahead"
    assert _read("will it rain tomorrow?", "my heart is racing") is None
    assert _read("ok doing it", "panic on the bus").kind == "doing"


def test_a_first_message_carries_no_thread():
    assert _read("she said I was selfish") is None


@pytest.mark.parametrize("message", ["not really, my brother lives abroad", "no one really", "nah"])
def test_a_no_to_is_there_someone_is_being_alone_with_it(message):
    """Found walking the app: "not really, my brother lives abroad" to "Is there someone in the family you can talk
    to?" was read as not having told someone yet ("what would you most want him to hear?")."""
    move = _read(
        message, "my mum's been in hospital since tuesday", last="Is there someone in the family you can talk to?"
    )
    assert move is not None and move.kind == "alone"
    told = _read("no I haven't said anything", "my housemate eats my food", last="Have you been able to tell him?")
    assert told is not None and told.kind == "not_yet"


@pytest.mark.parametrize(
    ("message", "step", "whose"),
    [
        ("yeah i could talk to him tonight", "Talking to him tonight", "own"),
        ("ok ill go on saturday", "Going on Saturday", "own"),
        ("ok ill try practising in front of my sister", "Practising in front of your sister", "own"),
        ("now I want to drive to see my nan", "Driving to see your nan", "own"),
        (
            "theres a climbing gym near me, maybe i could check it out",
            "There's a climbing gym near you, and checking it out",
            "own",
        ),
        ("yeah my mum could maybe come over on tuesdays", "Your mum coming over on Tuesdays", "other"),
        ("Volunteering might suit me.", "Volunteering", "suits"),
    ],
)
def test_a_step_the_person_could_take_is_said_back_in_their_words(message, step, whose):
    move = _read(message, "I feel stuck lately")
    assert move is not None and move.kind == "plan"
    assert (move.said_back, move.gentle) == (step, whose)


@pytest.mark.parametrize(
    "message",
    [
        "i could just disappear",
        "i could take all my pills",
        "i can see why she said it",
        "i'll tell you what happened",
        "i want to talk about my mum",
        "will i ever go back?",
        "i could talk to him but he never listens",
        "i want to drive into a wall",
        "i could just walk off the bridge",
        "i want to go away forever",
    ],
)
def test_no_step_is_read_where_there_is_none_to_welcome(message):
    move = _read(message, "I feel stuck lately")
    assert move is None or move.kind != "plan"


def test_a_hard_moment_and_what_was_done_with_it_is_said_back_without_haven_s_words():
    move = _read("I was so nervous but I kept breathing slowly like you said", "I passed my driving test!!!")
    assert move is not None and move.kind == "coped"
    assert move.said_back == "You were so nervous, but you kept breathing slowly."


@pytest.mark.parametrize(
    ("message", "said_back"),
    [
        ("i work two jobs so im never home", "You work two jobs so you're never home."),
        ("I worked at the same firm for 40 years.", "You worked at the same firm for 40 years."),
        ("the nurses are always too busy", "The nurses are always too busy."),
        ("everyone says it gets easier but when", None),  # a question without its mark
        ("about a month now", None),  # no clause of its own
        ("idk ur right tho", None),  # text-speak, and short
    ],
)
def test_an_answer_is_said_back_only_as_a_clean_clause(message, said_back):
    assert threads.said_back(normalise(message)) == said_back


@pytest.mark.parametrize(
    ("verb", "ing"),
    [
        ("talk", "talking"),
        ("drive", "driving"),
        ("get", "getting"),
        ("see", "seeing"),
        ("practising", "practising"),
        ("get back", "getting back"),  # a phrasal verb: the verb takes -ing, not its particle ("get backing")
        ("get in touch", "getting in touch"),
        ("pop round", "popping round"),
        ("be", "being"),
    ],
)
def test_gerund(verb, ing):
    assert threads.gerund(verb) == ing


@pytest.mark.parametrize(
    ("message", "step"),
    [
        ("ok ill get back to the gym next week", "Getting back to the gym next week"),
        ("maybe i could get in touch with my old friend", "Getting in touch with your old friend"),
        ("i might pop round to see her on sunday", "Popping round to see her on Sunday"),
    ],
)
def test_a_step_with_a_phrasal_verb_is_said_back_whole(message, step):
    assert threads.plan_said_back(normalise(message)) == (step, "own")


def test_someone_kind_named_after_a_no_is_said_back_whatever_was_asked():
    move = _read(
        "not really, theres one girl in my art class who is nice",
        "my friends made a group chat without me",
        last="What else might explain it?",
    )
    assert move is not None and move.kind == "someone" and move.pronoun == "she"
    assert move.said_back == "There's one girl in your art class who is nice."


@pytest.mark.parametrize(
    "text, one",
    [
        ("It's for a team lead role, first time I've ever gone for a promotion", False),  # was run together
        ("due in 3 weeks. 10k words and ive written like 800", False),
        ("yeah, I work two jobs so I'm never home", True),  # a lead-in before the comma is not a clause
        ("no, I haven't said anything", True),
        ("I work two jobs so I am never home!!", True),
    ],
)
def test_only_one_clause_is_said_back_from_the_normalised_text(text, one):
    assert threads.one_clause(text) is one


def test_a_plan_is_said_back_without_the_reasons_that_follow_it():
    """"instead of ..." after a plan made it too long to say back, so the plan was passed over."""
    from haven.chat.threads import plan_said_back

    said = plan_said_back("ok. i'll just ask him straight on our video call saturday instead of stewing over it all week")
    assert said == ("Asking him straight on your video call Saturday", "own")


def test_names_are_said_back_as_the_person_wrote_them():
    """ "Asking joan sounds like a good plan" was said back to "Perhaps I might ask Joan, one of the altos"."""
    from haven.chat.threads import cased_as_said

    assert cased_as_said("Asking joan on sunday", "Perhaps I might ask Joan on Sunday") == "Asking Joan on Sunday"
    # Haven's own words keep their case, a sentence's first word and words in capitals are not names
    assert cased_as_said("that's good to hear", "I said Good morning") == "that's good to hear"
    assert cased_as_said("you went", "but I WENT!! Went twice") == "you went"
