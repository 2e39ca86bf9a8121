"""Triage: three levels, categories and audiences, robust reading, bad input, the CLI contract, and the
held-out figures of the labelled data (the part never used to choose anything)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from haven.safety import CATEGORIES, Triage, triage
from haven.safety.labelled import data_hash, load_labelled, part, split_of
from haven.safety.patterns import load_pattern_book
from haven.safety.triage import windows

# --- the labelled data and the model built from it -------------------------------------------------------


def test_the_labelled_data_is_big_and_covers_every_category_and_audience():
    rows = load_labelled()
    assert len(rows) >= 2000
    crisis = [r for r in rows if r.level == "crisis"]
    assert {r.category for r in crisis} == set(CATEGORIES)
    assert {r.audience for r in rows if r.level != "none"} == {"self", "third_party", "learning"}
    assert sum(r.level == "concern" for r in rows) >= 200
    assert sum(r.lang != "en" for r in rows) >= 250


def test_the_split_is_fixed_by_the_words_and_roughly_70_15_15():
    rows = load_labelled()
    assert split_of("I want to die") == split_of("  i want TO die ")
    shares = {name: len(part(name)) / len(rows) for name in ("train", "dev", "heldout")}
    assert 0.62 < shares["train"] < 0.78 and 0.10 < shares["dev"] < 0.20 and 0.10 < shares["heldout"] < 0.20


def test_data_waiting_in_triage_next_is_valid_and_not_trained_on():
    """Rounds tried and not shipped wait in data/triage_next/ (docs/benchmarks.md): each file is valid labelled
    data, ready to move, and none of its messages reaches training or the figures while it waits there."""
    from haven.safety.labelled import DATA_DIR

    waiting_dir = DATA_DIR.parent / "triage_next"
    waiting = load_labelled.__wrapped__(waiting_dir)  # empty since round 8 moved rounds 6-8 into data/triage
    assert all(r.level in {"none", "concern", "crisis"} for r in waiting)
    trained = {" ".join(r.text.lower().split()) for r in load_labelled()}
    assert not [r.text for r in waiting if " ".join(r.text.lower().split()) in trained]


def test_the_saved_model_was_trained_on_the_data_as_it_is_now(triage_model):
    """Change the labelled data and forget `haven train-triage`, and this fails."""
    assert triage_model.data_hash == data_hash()


def test_held_out_figures_stay_where_they_were_measured(triage_model):
    """A regression guard on the part never used for choosing (the figures are in the README)."""
    from haven.safety.training import measure

    m = measure(part("heldout"))
    # measured 0.872 and 0.051 (1,124 messages, 437 crisis, after rounds 4 and 5); the model before them: 0.893
    # and 0.057 on the 999 then held out
    # 2026-12-01: 0.883 and 0.053 with the patterns for warning signs said plainly (docs/benchmarks.md)
    # 2026-12-02, round 8 (1,276 messages, 449 crisis, with the held-out share of rounds 6-8): 0.878 and 0.057
    assert m.crisis_recall >= 0.85, m.misses
    assert m.false_crisis <= 0.065, m.misses


# --- levels -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "\n\t", None])
def test_empty_text_is_none(text):
    assert triage(text) == Triage("none", None, "")


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("I want to kill myself", "suicide"),
        ("I keep thinking I'd be better off dead", "suicide"),
        ("I swallowed a whole packet of paracetamol an hour ago", "medical_emergency"),
        ("he hit me again tonight and he's still in the house", "danger_at_home"),
        ("the voices are telling me to hurt my sister", "psychosis"),
        ("I've been cutting again and it's getting deeper", "self_harm"),
    ],
)
def test_a_crisis_gets_its_category(text, category, triage_model):
    result = triage(text)
    assert result.level == "crisis", result
    assert result.category == category, result


def test_most_urgent_category_wins(triage_model):
    assert triage("I want to die and I swallowed a whole packet of paracetamol").category == "medical_emergency"


def test_a_worried_friend_is_a_third_party(triage_model):
    result = triage("my friend texted me that she took a lot of pills and now she won't answer")
    assert result.is_crisis and result.audience == "third_party"


@pytest.mark.parametrize(
    "text",
    [
        "this exam is killing me lol",
        "dying to see that film",
        "my phone died",
        "I killed it at work today",
        "I'm not suicidal, just tired",
        "I'm ending things with my boyfriend this weekend",
        "can I take ibuprofen with my sertraline?",
        "I need to cancel and end my gym membership",
        # a dog's habits, told in grief (chat_heldout16): no method and no danger at home
        "Mornings are the worst. She used to follow me down the garden and lie under the apple tree while I worked",
        "my parents have no idea he exists yet, we've been seeing each other for a year",
        "I'm dying to get this essay finished",
    ],
)
def test_everyday_words_that_sound_risky_are_not_a_crisis(text, triage_model):
    assert triage(text).level != "crisis", triage(text)


@pytest.mark.parametrize(
    "text",
    [
        "my husband pushes me and grabs my arm",  # a grab is not the benign touch of an arm round a shoulder
        "he pushed me into the wall",
        "my boyfriend pushes me to have sex when i say no",
        "my stepdad pushed me down the stairs",
    ],
)
def test_being_pushed_or_grabbed_at_home_is_danger(text, triage_model):
    result = triage(text)
    assert result.is_crisis and result.category == "danger_at_home", result


@pytest.mark.parametrize(
    "text",
    [
        "my parents are pushing me to get married and it's stressing me out",
        "my dad keeps pushing me to study medicine",
        "my mum is pushing me into law and I hate it",
    ],
)
def test_being_pushed_towards_a_life_choice_is_pressure_not_danger(text, triage_model):
    assert triage(text).level == "none", triage(text)


def test_a_question_to_learn_is_not_the_crisis_card(triage_model):
    assert triage("what are the warning signs of suicide in teenagers?").level == "concern"


# --- denials, long messages, robust reading ------------------------------------------------------------------


def test_saying_you_will_not_hurt_anyone_is_a_denial_not_a_threat(triage_model):
    # issue 11: a person correcting a misfire in their own words must not get the harm-to-others card for it
    assert triage("I'm not going to hurt anyone, I'm just annoyed").level == "none"
    assert triage("I would never hurt anyone, I'm just so angry at him").level == "none"
    # the denial is exact: what follows it is still read
    assert triage("I'm not going to hurt anyone else, just me").is_crisis
    assert triage("I'm not going to hurt anyone except myself").is_crisis
    assert triage("im not gonna hurt anyone but i want to kill myself").is_crisis
    assert triage("I'm going to hurt him when he gets home").is_crisis


def test_cutting_losses_is_not_self_harm(triage_model):
    assert not triage("i'm cutting my losses and selling the shares").is_crisis
    assert triage("i'm cutting again, i can't stop").is_crisis


def test_a_denial_is_recorded_and_does_not_hide_the_rest(triage_model):
    assert "denied" in triage("I'm not suicidal, just exhausted after work").evidence
    assert triage("I'm not suicidal. I just have the rope in the garage").is_risk
    assert triage("I'm not suicidal, but honestly I wish I could sleep forever and never wake up").is_crisis


def test_a_risk_in_the_last_sentence_of_a_long_message_is_found(triage_model):
    calm = "Today I went to the shops and bought bread. The weather was mild. I watched a film. " * 40
    assert triage(calm + "Anyway I have written the letters and tonight I will end my life.").is_crisis


def test_a_sentence_pasted_over_and_over_is_read_once(triage_model):
    """Repetition adds no meaning: ten copies of an ordinary sentence read as one, and risk after them still counts."""
    ordinary = "I have been feeling stressed about work and my sleep is poor. " * 10
    assert triage(ordinary).level == "none"
    assert triage(ordinary + "I have the pills counted out for tonight.").is_crisis


def test_windows_keep_the_last_sentences_whole():
    sentences = [f"sentence {i}" for i in range(200)]
    pieces = windows(sentences)
    assert len(pieces) <= 32 and pieces[-1] == "sentence 199" and pieces[-2] == "sentence 198"


@pytest.mark.parametrize(
    "text",
    ["k i l l myself tonight", "i want to k*ll myself", "i want to d1e", "i want to dieeeee", "thinking about sucide"],
)
def test_obfuscated_and_misspelled_words_are_read(text, triage_model):
    assert triage(text).is_crisis, triage(text)


@pytest.mark.parametrize(
    "text",
    ["x" * 200_000, "hello\x00world\x00", "😀😀😀", "🔪🩸", "Привет, как дела? 你好 مرحبا", "\ud800 broken surrogate"],
)
def test_bad_input_gives_a_result_never_an_exception(text, triage_model):
    result = triage(text)
    assert result.level in ("none", "concern", "crisis")


@pytest.mark.parametrize(
    ("text", "pattern_id"),
    [
        ("I'm frightened of what I could do to myself if I stay in tonight", "scared_what_i_do"),
        ("I only wanted to say thank you before I go through with it", "go_through_with_it"),
        ("woke up again this morning and I'm gutted I'm still alive", "disappointed_still_here"),
        ("logging off forever now, you were all kind to me", "signing_off_for_good"),
        ("went round to hug my sister one last time", "one_last_time"),
        ("I sat by mum's headstone and promised I'd be with her soon", "join_the_dead"),
        ("I scratched a letter into my forearm with a compass", "carved_skin"),
        ("I hit the wall till my knuckles bled again", "hurt_self_punishment"),
        ("day 8 of fasting and I passed out at the bus stop", "fast_collapse"),
        ("the nurse told me to go to A&E about my heart rate but I'm not going", "refusing_hospital"),
        ("the kitchen smells of gas and the kids are dizzy and sick", "gas_leak_symptoms"),
        ("I did a second shot of my insulin by accident and I feel shaky", "insulin_extra"),
        ("swallowed a whole packet of sleeping tablets to see what happens", "popped_many"),
        ("how much weight would a loft hatch hold for a grown woman", "weight_hold_person"),
    ],
)
def test_warning_signs_said_plainly_are_a_crisis(text, pattern_id, triage_model):
    """Shapes the dev part showed the model missing (written here in other words): each is a crisis by its own
    pattern, so no model threshold can lose it."""
    result = triage(text)
    assert result.level == "crisis"
    assert f"pattern {pattern_id}" in result.evidence


@pytest.mark.parametrize(
    "text",
    [
        "how much weight can a ceiling hook hold, I want to hang a plant",
        "signing off for good on this account, I made a new one",
        "I'm scared of what I might say in the interview",
        "we're going to go through with the house sale after all",
        "I scratched my car on the gatepost, gutted",
        "I visited the old school one last time before they knock it down",
        "my friend fasted for Ramadan and felt fine",
    ],
)
def test_their_everyday_twins_are_not_a_crisis(text, triage_model):
    assert triage(text).level != "crisis"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("I'm going to drive into a tree on the way home tonight", "suicide"),
        ("I want to walk into the sea and not come back", "suicide"),
        ("I keep thinking about lying under a train", "suicide"),
        ("my ex keeps following me home from work and waiting outside", "danger_at_home"),
        ("he said if I leave him he'll kill me", "danger_at_home"),
    ],
)
def test_the_same_patterns_still_read_danger_said_plainly(text, category, triage_model):
    result = triage(text)
    assert result.is_crisis and result.category == category, result


def test_a_work_mishap_is_the_idiom_not_a_threat_to_kill():
    """The pattern only: the learned layer still reads some of these as danger (0.96 for the teapot below), which
    this frame does not change."""
    from haven.safety.patterns import match, prepare

    hits = match(prepare("my boss said if I knock the handle off this teapot he'll kill me. he won't. probably"))
    assert "kill_me_idiom" not in {hit.pattern.id for hit in hits}
    assert "kill_me_idiom" in {hit.pattern.id for hit in match(prepare("he said if I leave him he'll kill me"))}


def test_the_words_for_existing_are_a_risk_word_only_about_oneself():
    from haven.safety.patterns import has_risk_cue

    assert has_risk_cue("i just dont want to exist anymore")
    assert not has_risk_cue("my parents have no idea he exists")


def test_every_pattern_compiles_and_names_a_known_category():
    book = load_pattern_book()
    assert {p.category for p in book.patterns} <= set(CATEGORIES)
    assert all(p.strength in {"strong", "mention", "quiet"} for p in book.patterns)
    assert all(
        p.strength != "mention" or p.unless or p.unless_in_message for p in book.patterns
    ), "a mention without frames is strong"


# --- context -------------------------------------------------------------------------------------------------


def test_a_crisis_is_not_forgotten_one_turn_later(triage_model):
    context = ["I've decided I'm going to end my life"]
    assert triage("how many would be enough?", context=context).is_crisis


def test_an_answer_is_read_with_its_question(triage_model):
    assert triage("Starting tonight", context=["haven: Which change will you try first?"]).level == "none"
    asked = ["I just want to disappear", "haven: Can I ask: are you thinking about ending your life?"]
    assert triage("yeah", context=asked).is_crisis


STEP = "haven exercise: Good. Name four things you can feel or touch."


BREATH_STEP = "haven exercise: Hold for 4. Then breathe out slowly for 4."
#: Said to a grounding step, stopping words are about the exercise; said to box breathing, "held it. now out" is the
#: breathing (chat_heldout26, read: it got the crisis card, which then held over a teenager's test conversation).
_STEP_ANSWERS = [
    (STEP, "enough, I don't want to do this anymore"),
    (STEP, "I don't want to do this any more"),
    (STEP, "can we stop now please"),
    (BREATH_STEP, "held it. now out"),
    (BREATH_STEP, "in... hold... out"),
    (BREATH_STEP, "held it. now out. counted 4"),
]


@pytest.mark.parametrize(("step", "text"), _STEP_ANSWERS)
def test_an_answer_to_an_exercise_step_is_read_with_it(step, text, triage_model):
    """Issue 11: answers inside exercises are triaged with the step's question; the same words with no step, or
    after Haven's other words, are read as ever."""
    assert triage(text, context=[step]).level == "none"
    assert triage(text, context=["haven: What's been on your mind?"]).level == triage(text).level


#: Risk said beside stopping words, or beside a step's own words: the step explains only what is left calm.
_RISK_IN_A_STEP = [
    *((STEP, text) for text in (
        "I don't want to do this anymore, I want to die",
        "I don't want to do this anymore, I don't want to be here",
        "I don't want to do this anymore, any of it",
        "enough. I dont want to do this any more. everything is pointless",
        "I can't do this anymore",
        "I've had enough of life",
        "I don't want to carry on",
        "I don't want to keep going",
    )),
    *((step, text) for step in (STEP, BREATH_STEP) for text in (
        "I can hear the train coming. I'm going to step in front of it",
        "3 things i can hear. cars. the bridge. the water below me",
        "out. ok. im on the roof edge",
        "i can see the pills on the table",
        "touching the table. i wrote the letters last night",
        "held it. everyone would be better off without me",
        "breathing out. i just want it all to stop forever",
    )),
]


@pytest.mark.parametrize(("step", "text"), _RISK_IN_A_STEP)
def test_risk_said_in_an_exercise_step_stays_a_crisis(step, text, triage_model):
    assert triage(text, context=[step]).is_crisis


def test_a_step_explains_nothing_in_a_conversation_with_risk_so_far(triage_model):
    context = ["I just want to disappear", "haven: I'm glad you told me. How are you doing right now?", BREATH_STEP]
    assert triage("held it. now out", context=context).level == triage("held it. now out").level


def test_stopping_words_do_not_end_a_crisis_that_holds(triage_model):
    context = ["I want to kill myself", STEP]
    assert triage("I don't want to do this anymore", context=context).is_crisis


def test_a_misread_can_be_corrected_in_the_persons_words(triage_model):
    context = ["I'm going to kill him when he gets home"]
    result = triage("I'm not going to hurt anyone, I'm just annoyed", context=context)
    assert result.level == "concern"


# --- the command line ----------------------------------------------------------------------------------------


def test_cli_single_text_prints_one_json_line(triage_model):
    from haven.cli import app

    result = CliRunner().invoke(app, ["triage", "I want to kill myself"])
    assert result.exit_code == 0
    line = json.loads(result.stdout.strip().splitlines()[-1])
    assert set(line) == {"text", "level", "category", "audience", "evidence", "ms"}
    assert line["level"] == "crisis" and line["category"] == "suicide"


def test_cli_jsonl_reads_context_and_plain_lines(triage_model):
    from haven.cli import app

    lines = "\n".join(
        [
            json.dumps({"text": "how many would be enough?", "context": ["I've decided to end my life"]}),
            json.dumps({"text": "how many would be enough?"}),
            "a plain line about my day",
            json.dumps({"text": "yes", "context": [{"role": "assistant", "text": "Are you safe right now?"}]}),
            "[[[[",
        ]
    )
    result = CliRunner().invoke(app, ["triage", "--jsonl"], input=lines + "\n")
    assert result.exit_code == 0, result.output
    out = [json.loads(x) for x in result.stdout.strip().splitlines()]
    assert [o["level"] for o in out][:1] == ["crisis"]
    assert out[2]["level"] == "none" and out[3]["level"] == "none" and len(out) == 5  # a clear yes to "safe?"


def test_the_labelled_data_and_triage_name_the_same_kinds():
    from haven.safety import categories, labelled

    assert set(labelled.CATEGORIES) == set(categories.CATEGORIES)
    assert set(labelled.AUDIENCES) == set(categories.AUDIENCES)
    assert labelled.LEVELS == categories.LEVELS


def _model_only_reading(denials: tuple[str, ...], risk_cue: bool):
    from haven.safety.triage import Reading

    return Reading(
        hits=(), denials=denials, risk_cue=risk_cue, language=None, crisis=0.95, risk=0.95,
        category="suicide", audience="self", window="",
    )


def test_a_denial_lowers_a_model_only_crisis_to_a_check_when_nothing_risky_is_left():
    from haven.safety.triage import _Fallback, decide

    lowered = decide(_model_only_reading(("im not suicidal",), risk_cue=False), _Fallback())
    assert lowered.level == "concern" and "denied" in lowered.evidence
    # a risk word left beside the denial ("...I just have the rope") keeps the crisis: a denial never erases
    assert decide(_model_only_reading(("im not suicidal",), risk_cue=True), _Fallback()).level == "crisis"
    assert decide(_model_only_reading((), risk_cue=False), _Fallback()).level == "crisis"


def test_homicidal_is_a_risk_word_even_beside_a_denial(triage_model):
    result = triage("not suicidal. homicidal, and my coworker is the reason")
    assert result.level == "crisis", result


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # a blade that belongs to a kitchen or a tool, and one that does not
        ("we did a knife skills class, julienning carrots with a ten inch blade", "none"),
        ("new blades for the lawnmower came today", "none"),
        ("I've been using the blade from a pencil sharpener on my arm", "crisis"),
        # an attempt told as history: the words inside it are not a second thing said
        ("I tried to end my life when I was 20. I'm in a good place these days, it just came up at work", "concern"),
        ("I tried to end my life when I was 20. Now I want to end my life again", "crisis"),
        # a burden felt, met with a gentle check
        ("my sons would be better off not having to drive over and check on me every weekend", "concern"),
        # a wish to hurt someone said with an adverb; hyperbole is still hyperbole
        ("on Friday I'm going to seriously hurt someone, I've had enough", "crisis"),
        ("he forgot our anniversary, I could actually kill him 🙃", "none"),
        # pills kept back or put aside, which is stockpiling; put back in the cupboard, which is not
        ("I've started keeping a few of my pregabalin back each night", "crisis"),
        ("I put my tablets back in the cupboard after the doctor changed my dose", "none"),
        # round 17: a denial of two things at once
        ("no, I don't want to kill myself or die, it's just scary", "concern"),
    ],
)
def test_round_sixteen_shapes(text, level, triage_model):
    """Shapes risk_conversations_heldout16 showed (written here in other words), each with its twin."""
    assert triage(text).level == level, triage(text)


def test_a_body_that_does_not_feel_like_ones_own_is_a_quiet_sign():
    """The pattern (a check at least); the learned layer may read more into it (0.89 for the body after an
    accident, as an eating-disorder crisis), which this pattern does not lower."""
    from haven.safety.patterns import match, prepare

    for text in ("since the accident my body doesn't feel like mine, for weeks now", "my hands don't look like my own"):
        assert "feeling_unreal" in {hit.pattern.id for hit in match(prepare(text))}, text
    assert triage("since the accident my body doesn't feel like mine, for weeks now").level != "none"


def test_saying_you_will_not_hurt_yourself_corrects_a_misread_end_it_all():
    from haven.safety.conversation import assess

    crisis = assess("after tonight's gig I just want to end it all")
    assert crisis.reply == "crisis"
    corrected = assess("oh god no, sorry, end the CHOIR. I'm not going to hurt myself, I just want out of the choir", crisis.state)
    assert corrected.reply == "step_down"


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # a question to learn, read by the model as one: a check-in, not the card that would hold over the project
        ("what are some warning signs that someone might be thinking about suicide?", "concern"),
        ("what should you say when someone tells you they want to die", "concern"),
        # means asked about keeps the crisis whatever the audience
        ("what is a lethal dose of paracetamol, for my pharmacology exam", "crisis"),
        ("how many paracetamol would kill someone? asking for a school project", "crisis"),
        # a person's own thoughts are no question to learn
        ("I keep thinking about suicide", "crisis"),
    ],
)
def test_a_question_to_learn_about_a_crisis_topic_is_a_check_in(text, level, triage_model):
    assert triage(text).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("no thanks, not breathing stuff, can you just listen?", "none"),  # declining an exercise (issue 12)
        ("not breathing exercises again please", "none"),
        ("no, not breathing. something else?", "none"),  # a whole sentence turning the exercise down
        ("no not breathing, she's turning blue", "crisis"),
        ("not breathing", "crisis"),
        ("my dad is not breathing", "crisis"),
        ("he's not breathing and his lips are blue", "crisis"),
    ],
)
def test_not_breathing_is_an_emergency_but_not_breathing_stuff_is_a_no_thanks(text, level, triage_model):
    assert triage(text).level == level
