"""Round 42, found trying the chat as a person would: a new mother, an overloaded worker, a flatmate.

- "actually maybe a breathing thing would help, I'm wound up", said while Haven was listening, got "Being frustrated
  is a lot to carry. What else is going on for you?": a kind wished for is now a request, and the breathing starts.
- "work has been grinding me down, my manager keeps piling stuff on" and "mostly that i can't say no and then i'm up
  till midnight finishing it" are overload at work (the second was met with "I'm glad you said something. What part of
  work is weighing on you most?", a question it had just answered); "yeah i'll try not to check my email every 5 mins
  lol", waiting to hear about a job, is not.
- "she's 3 months. i love her but i feel like a robot going through the motions" was said back as "So she's 3 months
  you love her, but you feel like a robot ...": a contrast is said back from the one clause that holds it.
- A daughter's first Christmas after her mother died: "she always did the dinner" was read as a try of the exercise
  offered ("Thank you for trying expressive writing"), "my brother wants to carry on like normal" as someone unwell
  ("How are you holding up while they're unwell?"), and "i'll try it tomorrow at bedtime" elsewhere as goodnight.
- A presentation dreaded: "everyone will be staring at me and i'll go red and forget everything", the answer to "What
  part of it worries you most?", was read as a plan ("Going red and forget everything: that sounds like a good thing
  to try"); it is said back as the fear. "the worst best most likely one" was not taken as the pick from the three
  offered; it is, and Worst, best and most likely now runs in the chat, where the person had typed "worst is ...",
  "best is ...", "most likely ..." while it waited behind a button.

From chat_heldout43, read (dev): "ok I'll leave the phone in the kitchen and dig out the eye mask" and "ok, i can try to
break the task into small parts" are plans (they got "It's frustrating when the hours slip away" and "Thanks, that
helps me understand"); "Done, finished 2 test cases before lunch itself" is a step done (it got "I'm listening. What
feels like the hardest part right now?"); "go on then, what's the idea", three replies after the sleep plan was
suggested, is about the sleep plan.
"""

from __future__ import annotations

import re

import pytest
from chat_helpers import play

from haven.chat import intents, situations, threads
from haven.chat.understanding import normalise


def test_a_kind_wished_for_while_listening_starts_it(service):
    replies = play(
        service,
        "work has been grinding me down",
        "not right now thanks, i just want to get it off my chest",
        "actually maybe a breathing thing would help, I'm wound up",
    )
    assert replies[2].understood.intent == "exercise_request"
    assert "breathing" in " ".join(replies[2].suggested_exercises)


@pytest.mark.parametrize(
    ("said", "cued"),
    [
        ("work has been grinding me down, my manager keeps piling stuff on", True),
        ("mostly that i can't say no and then i'm up till midnight finishing it", True),
        ("yeah i'll try not to check my email every 5 mins lol", False),
        ("check my emails every morning with a coffee", False),
    ],
)
def test_overload_at_work_is_told_by_its_shapes(said, cued):
    assert ("overloaded_at_work" in situations.cued(normalise(said))) is cued


def test_what_part_of_work_is_not_asked_once_it_was_told(service):
    replies = play(
        service,
        "work has been grinding me down, my manager keeps piling stuff on",
        "mostly that i can't say no and then i'm up till midnight finishing it",
    )
    assert "What part of work" not in replies[1].text
    assert any(line in replies[1].text for line in situations.by_name("overloaded_at_work").reflections)


def test_a_contrast_is_said_back_from_its_own_clause(service):
    replies = play(
        service,
        "i've been feeling really flat since the baby was born. everyone says i should be happy",
        "she's 3 months. i love her but i feel like a robot going through the motions",
    )
    assert "she's 3 months you" not in replies[1].text
    assert "So you love her, but you feel like a robot going through the motions." in replies[1].text


GRIEF = (
    "my mum died in october and christmas is coming and i don't know how to do it",
    "it's the first one without her. she always did the dinner",
    "my brother wants to carry on like normal",
    "maybe writing her a letter? is that weird",
)


def test_a_first_christmas_after_a_death_stays_with_the_grief(service):
    replies = play(service, *GRIEF)
    assert replies[0].level == "none"
    assert replies[1].understood.intent != "tried"
    assert "Thank you for trying" not in replies[1].text
    for reply in replies[2:]:
        assert "someone_ill" not in reply.understood.themes
        assert "unwell" not in reply.text


def test_a_plan_for_bedtime_is_no_goodnight(service):
    replies = play(service, "the kids are fighting and i keep snapping", "i'll try it tomorrow at bedtime")
    assert replies[1].understood.intent != "goodbye"


@pytest.mark.parametrize(
    ("said", "asked", "back"),
    [
        (
            "everyone will be staring at me and i'll go red and forget everything",
            "What part of it worries you most?",
            "You're afraid everyone will be staring at you, and that you'll go red and forget everything.",
        ),
        ("i'll mess it up", "What scares you most about it?", "You're afraid you'll mess it up."),
        ("i'll try it tonight", "What part of it worries you most?", None),
        ("i'll try it tonight", "What would help you follow through?", None),
        ("i'll go red", "How have you been feeling in the lead-up?", "You're afraid you'll go red."),
    ],
)
def test_a_fear_answered_is_said_back_only_when_fear_was_asked(said, asked, back):
    assert threads.fear_answered(said, asked) == back


PRESENTATION = (
    "i have a presentation at work on thursday and i'm dreading it",
    "everyone will be staring at me and i'll go red and forget everything",
    "ok what can i try",
    "the worst best most likely one",
    "7",
    "worst is i freeze and everyone laughs",
    "best is it goes fine and my boss is impressed",
    "most likely i'll be nervous but get through it",
    "i could practise it on my partner, bring notes, and have water",
    "4",
)


def test_a_dreaded_presentation_is_looked_at_whole_in_the_chat(service, db):
    from haven.exercises import list_runs

    replies = play(service, *PRESENTATION)
    assert "good thing to try" not in replies[1].text
    assert replies[1].text.startswith("You're afraid everyone will be staring at you")
    assert "decatastrophizing" in replies[2].suggested_exercises
    assert replies[3].understood.intent == "accept" and replies[3].understood.mode == "exercise"
    assert "here in the chat" in replies[3].text
    assert "from 7 to 4" in replies[-1].text
    (run,) = list_runs(db, "me", exercise_id="decatastrophizing")
    assert run.finished and (run.distress_before, run.distress_after) == (7, 4)
    assert run.answers["worst"] == "worst is i freeze and everyone laughs"
    assert run.answers["best"].startswith("best is it goes fine")
    assert run.answers["most_likely"].startswith("most likely")
    assert run.answers["cope"] == ["i could practise it on my partner", "bring notes", "have water"]


@pytest.mark.parametrize(
    ("said", "plan"),
    [
        ("ok I'll leave the phone in the kitchen and dig out the eye mask from my holiday", True),
        ("ok, i can try to break the task into small parts", True),
        ("ok i'll go for a walk after lunch", True),
        ("i'll go mad if this keeps up", False),
        ("i'll get fired", False),
        ("i'll make a fool of myself", False),
        ("ok i'll stop eating", False),
        ("i could go on about it for hours", False),
    ],
)
def test_a_step_said_by_its_verb_is_a_plan(said, plan):
    assert bool(intents.plan_said(normalise(said))) is plan


def test_a_plan_by_its_verb_is_met_as_a_plan(service):
    replies = play(
        service,
        "just finished my third night on the ward and i cant sleep",
        "I usually scroll on my phone til I drop off tbh",
        "ok I'll leave the phone in the kitchen and dig out the eye mask from my holiday",
    )
    assert "plan" in replies[2].text.lower()
    assert not replies[2].suggested_exercises


def test_a_step_of_work_done_is_progress(service):
    replies = play(
        service,
        "my manager is giving too much deadline pressure and I keep postponing the tasks",
        "Done, finished 2 test cases before lunch itself 👍",
    )
    assert replies[1].understood.intent == "progress"


def test_what_is_the_idea_explains_the_suggestion_still_open(service):
    replies = play(
        service,
        "just finished my third night on the ward and i cant sleep. it's 10am and i'm wired",
        "about 4 hours if I'm lucky, and it's broken",
        "go on then, what's the idea",
    )
    assert "sleep-hygiene" in replies[0].suggested_exercises
    assert replies[2].understood.intent == "question"
    assert "Sleep reset plan" in replies[2].text


@pytest.mark.parametrize(
    ("said", "starts"),
    [
        ("does this app still work when the wifi goes off?", "Yes. Haven needs no internet"),
        ("who actually makes this app? is it a company?", "Haven is an open self-help project"),
        ("Wait, what exactly is Haven? Are you AI? Who made you?", "I'm not a person, and I'm not ChatGPT"),
    ],
)
def test_questions_about_haven_itself_are_answered_plainly(service, said, starts):
    reply = play(service, said)[0]
    assert reply.understood.intent == "capabilities"
    assert reply.text.startswith(starts)


@pytest.mark.parametrize(
    "said",
    [
        "Is there an actual counsellor I can talk to through this?",
        "Ok so you're more like a self help thing. How do I find a real therapist then?",
    ],
)
def test_asking_for_a_real_counsellor_is_a_wish_for_a_person(service, said):
    reply = play(service, "I been real stressed at work, my supervisor on my case every day", said)[1]
    assert reply.understood.intent == "human"
    assert not reply.suggested_exercises


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("sharp sharp, presentation done! the tutor said it was well structured 🙌", "progress"),
        ("lol fair. Ok I booked a session with the EAP lady for Tuesday", "progress"),
        ("ugh the exam is over and i think i failed", "feeling"),
        ("my presentation is done by friday hopefully", "feeling"),
    ],
)
def test_a_thing_over_is_good_news_unless_it_went_badly(service, said, intent):
    assert play(service, said)[0].understood.intent == intent


def test_later_is_goodbye_unless_something_was_offered(service):
    replies = play(service, "I been real stressed at work", "Thanks eh", "Later")
    assert replies[2].understood.intent == "goodbye"


@pytest.mark.parametrize(
    ("said", "situation"),
    [
        ("My wife and I had our first baby 5 weeks ago. I am not sleeping at all", "newborn_exhausted"),
        ("my mother in law criticises everything i do", "family_conflict"),
        ("My mother in law is coming next week to help, that one will be a relief", None),
    ],
)
def test_a_new_baby_and_help_from_family_are_told_apart(said, situation):
    cued = situations.cued(normalise(said))
    assert (situation in cued) if situation else not cued


def test_how_many_times_for_paced_breathing_is_answered_with_its_length(service):
    reply = play(service, "I feel overwhelmed, something small please", "So I breathe in for 4 and out for 6, how many times should I do it?")[1]
    assert reply.level == "none"
    assert "paced-breathing" in reply.suggested_exercises
    assert "It takes about 5 minutes." in reply.text


def test_after_a_suicide_loss_the_talk_stays_with_the_grief(service):
    replies = play(
        service,
        "my best friend took her own life last year and the anniversary is next week",
        "we met in year 7. she was the funny one",
        "i keep thinking i should have seen it coming",
        "yeah, i've got a counsellor through uni. i see her on tuesday",
        "can i just talk about her for a bit",
        "she used to make me laugh until i cried. we had this stupid dance",
    )
    assert replies[0].level == "concern"
    assert all(r.level == "none" for r in replies[1:])
    assert "Should statements" not in replies[2].text and not replies[2].suggested_exercises
    assert "study" not in replies[3].understood.themes
    assert replies[4].understood.intent == "venting"
    assert not replies[5].suggested_exercises


def test_no_exercise_wanted_after_a_pet_died_is_heard(service):
    """chat_heldout43 (read): "no I'm ok without an exercise, just wanted to talk about her" got Expressive writing."""
    replies = play(
        service,
        "had to take our old collie to the vet yesterday to be put to sleep. she was 15. the house feels wrong without her",
        "is it normal to feel this gutted about a dog?",
        "no I'm ok without an exercise, just wanted to talk about her",
        "we might plant a rowan in the garden for her, she loved lying under the old one",
    )
    assert replies[2].understood.intent in ("venting", "decline")
    assert not replies[2].suggested_exercises and not replies[3].suggested_exercises
    assert "remember her" in replies[3].text


def test_breathing_hard_in_a_panic_gets_steps_and_the_line_on_urgent_help(service):
    replies = play(service, "i'm in the supermarket and i think i'm having a panic attack", "i can't breathe properly")
    assert replies[1].level == "none" and replies[1].understood.mode == "in_the_moment"
    assert "1." in replies[1].text and "urgent medical help" in replies[1].text


def test_a_teenager_gone_quiet_is_met_as_that(service):
    replies = play(
        service,
        "my 15 year old won't talk to me anymore. just grunts and goes to her room",
        "she used to tell me everything",
        "i tried asking about school last night and she slammed the door",
    )
    assert replies[0].understood.situation == "worried_about_teen" or any(
        line in replies[0].text for line in situations.by_name("worried_about_teen").reflections
    )
    assert "lovely thing to carry" not in replies[1].text
    assert replies[2].understood.intent != "tried" and "How did it go" not in replies[2].text


def test_the_sleep_thing_is_the_sleep_plan_suggested(service):
    replies = play(service, "it's 3am and i can't sleep again, my mind won't switch off", "ok what's the sleep thing")
    assert replies[1].understood.intent == "question"
    assert "Sleep reset plan" in replies[1].text


def test_asking_how_to_ends_just_listen_and_a_good_talk_is_good_news(service):
    """chat_heldout43 (read): after "can you just let me rant", the how-to question, the yes to the exercise, the
    talk that went well and the laugh after it were all met as more listening ("It sounds like you're feeling
    overwhelmed", "That's a lot to carry")."""
    replies = play(
        service,
        "me and my partner had ANOTHER fight about the dishes and when I ask for help he acts like I'm nagging",
        "can you just let me rant for a sec, I don't need fixing",
        "like I love him, he's a good guy, I just feel like his PA",
        "ok now I've got that out, how do I bring it up without it turning into another fight?",
        "I-statements? feels a bit therapy-speak but ok I'll try",
        "talked to him last night. said I feel overwhelmed when I'm tracking everything. he actually listened and we made a shared list on the fridge",
    )
    assert replies[1].understood.mode == "listening"
    assert replies[4].understood.intent == "accept"
    assert replies[5].understood.intent == "progress" and not replies[5].suggested_exercises


def test_a_low_winter_is_met_with_small_steps(service):
    replies = play(
        service,
        "been feeling flat for a few weeks. winter here is brutal, dark at 4:30",
        "how does doing stuff help if I don't feel like doing it?",
        "fair. ok go on then",
        "went to hockey wednesday!! got my butt kicked but it was good to see everyone",
    )
    assert "Small steps back to doing" in replies[1].text
    assert replies[2].understood.intent == "accept"
    assert replies[3].understood.intent == "progress"


def test_it_helped_said_with_a_goodnight_gets_a_goodnight(service):
    """Using the app as a newcomer, round 42: "yeah it helped, thanks. night" got "What made it work this time?"."""
    replies = play(
        service, "can we do box breathing here?", "6", "done, my shoulders dropped", "4", "yeah it helped, thanks. night"
    )
    assert replies[-1].understood.intent == "tried"
    assert not replies[-1].text.rstrip().endswith("?")
    assert re.search(r"(?i)night|goodbye|take care|come back", replies[-1].text)
