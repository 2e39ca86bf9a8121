"""Round 51, from chat_heldout61 and risk_conversations_heldout66, read (dev).

- "I need help urgently please" got "Thank you for telling me that. What usually helps you, even a little?": a request
  for help now is met with steps for the moment, and, when it says nothing of what is happening, with where to find a
  person at once (it may be danger, not panic).
- "what counts as late for caffeine if you work nights though?" was met as a feeling about work, with a line on
  burnout: a question about the topic is answered, from the section the search found for it.
- "got a bit of a temper on me" got "Thanks, that helps me understand": a temper of one's own is anger.
- "Honestly I haven't had a full day off since Easter" got "Little moments like that really count": a thing gone
  without is no good news.
- "had one last month as well in a meeting. on and off since uni really", once a panic at a desk had slowed, got
  "Good, keep going": the moment looked back on is talked about, as the panic.
- "urge surfing? how does that work", just after it was explained, got "Sorry, I didn't say that very clearly": how it
  goes, in its steps.
- "fine. whats the quickest one" got "What usually helps you, even a little?": the shortest is started.
- "Do you know any decent removal companies in Bristol?" got the sleep plan explained again: an errand, said kindly.
- "so like a therapist?" got a line on therapists' titles: what Haven is, and that it is not therapy.
- "since Maura passed" got "That sounds like a lot to hold": a death, said gently.
- "sure, send me the wind-down routine" got "I hear you": the sleep plan, asked for by its wind-down.
- "done, I have written the title page and index" and "it feels good actually ... better than nothing" got stock
  lines: a step done, and a step that helped.

And from chat_heldout60 (read last round, its faults listed by the blind reader): "righto, worth a crack" is a yes;
"update: 1800 words today!!!" is progress; "a thought record? sounds like homework lol. how long does it take" is
answered with its length; "a short fuse" and "zero to a hundred" are anger; "which is better for home use, Dell or
Lenovo?" is an errand; "Ok, Sunday I can take him to Cubbon Park" is a plan. Seen trying the chat this round: "my
laptop died" is no loss, and the library's lines on work close to other people's pain ("Crying after a hard shift")
are for that work (a retiring postman and a bus driver were told them).

And from the blind reader's faults of round 50: the US help lines were given to an Irish retiree and a UK warehouse
worker who had said where they were. While no region was chosen, the place a person says they are in picks the lines.
"""

from __future__ import annotations

import pytest
from chat_helpers import play


@pytest.mark.parametrize("said", ["I need help urgently please", "sorry, I need help right now"])
def test_a_bare_request_for_help_now_gets_steps_and_where_to_find_a_person(service, said):
    reply = play(service, said)[0]
    assert reply.understood.intent == "in_the_moment"
    assert "Need help now?" in reply.text


def test_help_now_said_with_the_panic_gets_the_steps_alone(service):
    reply = play(service, "i'm having a panic attack right now, help me")[0]
    assert reply.understood.intent == "in_the_moment"
    assert "Need help now?" not in reply.text


def test_a_question_beside_a_theme_is_answered_from_the_section_found_for_it(service):
    replies = play(
        service,
        "I work nights at a distribution centre and my sleep is wrecked",
        "ok that's fair. what counts as late for caffeine if you work nights though?",
    )
    assert replies[1].understood.intent == "question"
    assert "burnout" not in replies[1].text.lower()
    assert "shift" in replies[1].text.lower()


def test_a_sigh_with_a_question_mark_is_still_a_feeling(service):
    reply = play(service, "work is so stressful, what is the point?")[0]
    assert reply.understood.intent == "feeling"


def test_a_bit_of_a_temper_is_anger(service):
    reply = play(service, "g'day", "missus reckons i should try this. got a bit of a temper on me")[1]
    assert "angry" in reply.understood.feelings


def test_a_day_off_gone_without_is_no_good_news(service):
    replies = play(
        service,
        "I look after my mum, she's got Alzheimer's, and I'm just so tired all the time",
        "Honestly I haven't had a full day off since Easter",
    )
    assert replies[1].understood.intent != "progress"
    assert "really count" not in replies[1].text


def test_another_panic_told_once_it_has_slowed_is_talked_about_as_the_panic(service):
    replies = play(
        service,
        "i think im having a panic attack at my desk, heart going mad",
        "ok its slowing down a bit",
        "had one last month as well in a meeting. on and off since uni really",
    )
    assert replies[2].understood.mode == "talking"
    assert replies[2].understood.themes[0] == "panic"
    assert "keep going" not in replies[2].text.lower()


def test_how_does_that_work_after_an_exercise_was_explained_gives_its_steps(service):
    replies = play(
        service,
        "I've got a dermatology appointment in 3 weeks for a mole and I cannae stop googling it",
        "so what do I do instead when I get the urge to check?",
        "urge surfing? how does that work",
    )
    said = replies[2].text
    assert "Urge surfing" in said and "1. " in said
    assert "didn't say that very clearly" not in said


def test_whats_the_quickest_one_starts_the_shortest(service):
    replies = play(service, "i think im having a panic attack", "ok thanks", "fine. whats the quickest one")
    assert replies[2].understood.intent == "exercise_request"
    assert replies[2].understood.exercise is not None


def test_a_removal_company_asked_for_is_an_errand(service):
    replies = play(
        service,
        "We're moving house in 2 weeks and I'm completely overwhelmed",
        "Do you know any decent removal companies in Bristol?",
    )
    assert replies[1].understood.intent == "offtopic"


def test_so_like_a_therapist_is_answered_with_what_haven_is(service):
    replies = play(service, "hey", "what even is this", "so like a therapist?")
    assert replies[2].understood.intent == "capabilities"
    assert "not a therapist" in replies[2].text


def test_since_someone_passed_is_a_death(service):
    reply = play(service, "Good evening.", "Well it's been very quiet in the house since Maura passed, two years in March.")[1]
    assert "grieving" in reply.understood.feelings


def test_since_she_passed_her_test_is_not(service):
    reply = play(service, "she's been so happy since she passed her driving test")[0]
    assert "grieving" not in reply.understood.feelings


def test_send_me_the_wind_down_routine_starts_the_sleep_plan(service):
    replies = play(
        service,
        "I work nights at a distribution centre and my sleep is wrecked",
        "blackout curtains I have. earplugs no",
        "sure, send me the wind-down routine",
    )
    assert replies[2].understood.intent == "exercise_request"
    assert replies[2].understood.exercise == "sleep-hygiene"


def test_a_first_step_done_and_feeling_good_after_it_are_met_as_such(service):
    replies = play(
        service,
        "I am final year engineering student, my project report is due in 10 days and I have not started",
        "ok I will try now itself",
        "done, I have written the title page and index 😅",
        "it feels good actually. small only but better than nothing na",
    )
    assert replies[2].understood.intent == "progress"
    assert "glad" in replies[3].text.lower()


def test_righto_worth_a_crack_is_a_yes(service):
    replies = play(
        service,
        "i have been really hard on myself lately",
        "what's that then, the self compassion thing?",
        "righto, worth a crack",
    )
    assert replies[2].understood.intent == "accept"


def test_a_count_of_words_written_today_is_progress(service):
    replies = play(service, "i keep putting off my thesis chapter", "update: 1800 words today!!! 🎉")
    assert replies[1].understood.intent == "progress"


def test_how_long_a_named_exercise_takes_is_answered(service):
    replies = play(
        service,
        "I keep catastrophising about my health",
        "a thought record? sounds like homework lol. how long does it take",
    )
    assert replies[1].understood.intent == "question"
    assert "15 minutes" in replies[1].text


def test_a_laptop_that_died_is_no_loss(service):
    reply = play(service, "my laptop died and work is stressful")[0]
    assert "grieving" not in reply.understood.feelings
    assert "sorry" not in reply.text.lower()


@pytest.mark.parametrize(
    "said",
    ["my missus reckons i've got a short fuse lately", "i just go from zero to a hundred", "I lost my rag at the kids"],
)
def test_a_short_fuse_said_in_everyday_words_is_anger(service, said):
    assert "angry" in play(service, said)[0].understood.feelings


def test_the_lines_on_work_close_to_pain_are_for_work_close_to_pain(service):
    plain = play(service, "my laptop died and work is stressful")[0]
    nurse = play(service, "im a nurse and work has been so heavy lately, lost a patient last night")[0]
    assert "after a hard shift" not in plain.text
    assert "after a hard shift" in nurse.text


def test_which_laptop_to_buy_is_an_errand_but_which_exercise_is_not(service):
    laptop = play(service, "my laptop is slow and work is stressful", "By the way which is better for home use, Dell or Lenovo?")
    exercise = play(service, "which is better, box breathing or grounding?")
    assert laptop[1].understood.intent == "offtopic"
    assert exercise[0].understood.intent != "offtopic"


def test_a_plan_said_day_first_is_a_plan(service):
    replies = play(
        service,
        "I keep snapping at my son, he is 7 and I work from home",
        "Ok, Sunday I can take him to Cubbon Park, no laptop",
    )
    assert "plan" in replies[1].text.lower()


@pytest.mark.parametrize(
    "said",
    [
        "wait so i just do 25 mins and then a break? what am i meant to do in the break",
        "maybe 10 times a day? and checking it in the mirror",
    ],
)
def test_a_place_named_in_a_message_is_no_errand_by_itself(said):
    from haven.chat import intents as I

    assert not I.ERRAND.search(said)


def test_the_crisis_lines_follow_the_place_said_until_a_region_is_chosen(service, monkeypatch):
    monkeypatch.delenv("HAVEN_REGION", raising=False)
    first = service.respond("p", "hi, I'm in Cork and I've been feeling awful")
    crisis = service.respond("p", "I want to kill myself", first.conversation_id)
    assert crisis.engine == "safety"
    assert "Samaritans Ireland" in crisis.text and "988" not in crisis.text


def test_a_region_chosen_is_kept_whatever_place_is_said(service, monkeypatch):
    monkeypatch.setenv("HAVEN_REGION", "US")
    first = service.respond("p", "hi, I'm in Cork and I've been feeling awful")
    crisis = service.respond("p", "I want to kill myself", first.conversation_id)
    assert "988" in crisis.text


def test_an_idea_named_then_taken_up_is_agreed_with(service):
    replies = play(
        service,
        "we had to have our dog put to sleep at the vet yesterday. 14 years old, lab mix",
        "a memory box, that's a nice idea. the kids could do that with us",
    )
    assert "glad" in replies[1].text.lower()


def test_the_quickest_way_somewhere_is_no_request_for_an_exercise(service):
    reply = play(service, "what's the quickest way to get to the station from here?")[0]
    assert reply.understood.intent != "exercise_request"
