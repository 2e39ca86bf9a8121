"""Round 54: privacy asked in everyday words, goodbyes said on the way out, and what a message says read before one
word of it.

From chat_heldout66 (read at round 53's end, dev since):
- "does this thing send what I write to anyone? My daughter can't read it?" and "Where do these conversations go? I
  don't want them ending up on the internet.", from two older people, were met with an exercise: where what they
  write is kept, said plainly;
- "night. or morning. whatever it is", "Cheers, lekker. Later", "Thank you darling. Walk good", "ty fr, gotta eat
  dinner" and "Grand. Thanks very much, I'll report back." were each asked a question as the person left;
- "I lost my husband Walt six years ago" was met as trouble with a partner ("What would you like him to understand?");
- "honestly the shift itself was fine ... it's just my brain won't switch off" and "My allowance finished two weeks
  ago" were met as good news;
- "what's the point of a wind down routine if it's daylight though?" was met as low mood;
- "Respite? I didn't know that was a thing I could ask for" was said back as "Asking for sounds like a good plan";
- "Could you give me something quick for the morning" was thanked for and not answered.
"""

from __future__ import annotations

import pytest
from chat_helpers import play


@pytest.mark.parametrize(
    ("before", "asked"),
    [
        (
            "I'm not sure about writing a plan out. Seems a bit much for an old fella.",
            "Tell me, does this thing send what I write to anyone? My daughter can't read it?",
        ),
        (
            "I lost my husband six years ago and most evenings are very quiet.",
            "Where do these conversations go? I don't want them ending up on the internet.",
        ),
        ("my mum keeps going on at me", "can my mum read this"),
    ],
)
def test_where_words_go_is_answered_plainly(service, before, asked):
    reply = play(service, before, asked)[1]
    assert "nobody reads it unless you choose to share it" in reply.text
    assert "**" not in reply.text  # no exercise offered instead


@pytest.mark.parametrize(
    "said",
    [
        "night. or morning. whatever it is 😴",
        "Cheers, lekker. Later",
        "Thank you darling. Walk good",
        "ty fr 🙏 gotta eat dinner",
        "Grand. Thanks very much, I'll report back.",
        "Thanks a million. Right, off to collect the younger one from hurling",
    ],
)
def test_a_goodbye_on_the_way_out_is_a_goodbye(service, said):
    replies = play(service, "work has been so stressful this month", said)
    assert replies[1].understood.intent == "goodbye"
    assert "?" not in replies[1].text


@pytest.mark.parametrize(
    "said",
    ["night. i cant sleep, my head is all over the place", "thanks, i need to think about it more", "I'll do it later"],
)
def test_what_only_looks_like_a_goodbye_is_not_one(service, said):
    assert play(service, "work has been so stressful this month", said)[1].understood.intent != "goodbye"


def test_a_goodbye_in_the_middle_of_an_exercise_ends_it_kindly(service):
    replies = play(
        service,
        "waiting on biopsy results and I keep thinking the worst",
        "Ok try the thought record",
        "It must be cancer",
        "Thank you darling. Walk good",
    )
    assert replies[3].understood.intent == "goodbye"
    assert "?" not in replies[3].text


def test_someone_close_lost_is_grief_not_trouble_with_them(service):
    reply = play(service, "I lost my husband Walt six years ago and most evenings are very quiet.")[0]
    assert "grieving" in reply.understood.feelings
    assert "understand" not in reply.text


@pytest.mark.parametrize("said", ["I lost my dad in the crowd at the match lol", "I lost my dad's watch"])
def test_losing_someone_in_a_crowd_or_their_things_is_no_death(service, said):
    assert "grieving" not in play(service, said)[0].understood.feelings


@pytest.mark.parametrize(
    "said",
    [
        "honestly the shift itself was fine, nobody crashed, bit of a quiet one for once. it's just my brain won't "
        "switch off when i get in",
        "My allowance finished two weeks ago and I don't want to ask my parents again because they are already paying "
        "for my two younger ones",
    ],
)
def test_good_first_then_trouble_is_not_good_news(service, said):
    assert play(service, "I'm a nurse on nights and I can't sleep", said)[1].understood.intent != "progress"


def test_good_news_with_a_happy_aside_is_still_good_news(service):
    assert play(service, "passed my driving test!! didn't think i would")[0].understood.intent == "progress"


def test_the_point_of_a_thing_is_a_question_and_the_point_alone_is_low(service, understander):
    asked = play(service, "nights again", "what's the point of a wind down routine if it's daylight though? genuine question")
    assert asked[1].understood.intent == "question"
    assert "low" in understander.read("what's the point of anything").feelings


def test_a_thing_one_could_ask_for_is_not_said_back_as_a_plan(service):
    replies = play(
        service, "I look after my mom, she has Alzheimer's. I'm just frazzled", "Respite? I didn't know that was a thing I could ask for"
    )
    assert "Asking for" not in replies[1].text


def test_a_plan_said_back_leaves_its_then(service):
    replies = play(service, "I look after my mom, she has Alzheimer's", "I'll call the Alzheimer Society line on Monday then")
    assert "Monday then" not in replies[1].text
    assert "Alzheimer Society line on Monday" in replies[1].text


def test_something_quick_asked_for_is_a_short_exercise(service):
    replies = play(
        service,
        "I look after my mom, she has Alzheimer's. I'm just frazzled",
        "Could you give me something quick for the morning, for when she's refusing to go",
    )
    assert replies[1].understood.intent == "exercise_request"
    assert "Body scan" not in replies[1].text


def test_a_couples_counsellor_asked_for_is_a_person_wanted(service):
    replies = play(
        service,
        "me and my girlfriend keep fighting over dumb stuff",
        "honestly i think we might need an actual couples counsellor, like a person. how do i find one",
    )
    assert replies[1].understood.intent == "human"


def test_what_you_mean_by_without_do_is_a_question(service):
    replies = play(service, "I worry about rent every night", "What you mean by a worry I can solve and one I can't?")
    assert replies[1].understood.intent == "question"


def test_thoughts_going_round_at_night_are_not_good_news(service):
    said = "Yes I lying down and just going round and round in my head, 2, 3 o'clock"
    assert play(service, "I worry about rent every night", said)[1].understood.intent != "progress"


def test_peace_said_last_is_a_goodbye(service):
    assert play(service, "work has been so stressful this month", "appreciate it man. peace")[1].understood.intent == "goodbye"


def test_when_it_is_loudest_is_not_asked_just_after_a_time_or_place_is_told(service):
    replies = play(service, "hi", "just feel gross tbh", "about my body", "pe today. changing rooms")
    assert "loudest" not in replies[3].text


def test_when_it_is_loudest_is_asked_when_nothing_said_tells_it(service):
    replies = play(service, "hi", "just feel gross tbh", "about my body", "i hate how i look")
    assert "?" in replies[3].text


def test_a_rule_the_library_lacks_is_said_plainly_not_answered_with_another_exercise(service):
    replies = play(service, "I keep putting off my design document", "What is this two minute rule you are telling?")
    assert "Spot the thinking trap" not in replies[1].text
    assert "library" in replies[1].text


def test_a_thing_described_is_answered_by_an_exercise_that_shares_its_words(service):
    replies = play(
        service,
        "ap chem exam friday and i am so cooked. i havent even started the unit 6 stuff",
        "wdym break it into chunks tho like how small",
    )
    assert "Expressive writing" not in replies[1].text


@pytest.mark.parametrize("said", ["idk really", "not sure tbh", "dunno"])
def test_not_knowing_is_not_thanked_as_if_it_told_something(service, said):
    reply = play(service, "i've been feeling really low lately, i just sit around", "mostly at home i guess", said)[2]
    assert "helps me understand" not in reply.text
    assert "Thank you for telling me" not in reply.text


def test_the_lines_are_of_the_country_whose_words_the_person_uses(service):
    reply = play(service, "kia ora", "i want to end my life tonight")[1]
    assert "1737" in reply.text
    assert "988" not in reply.text


# From chat_heldout65, read at round 53's start (dev since).


def test_someone_showing_them_the_app_starts_no_exercise(service):
    reply = play(service, "Good afternoon", "My granddaughter show me this app. I worry too much about my pressure")[1]
    assert reply.understood.intent != "exercise_request"
    assert "from 0 to 10" not in reply.text.lower()


def test_thanks_for_having_got_it_off_their_chest_is_thanks(service):
    replies = play(service, "I look after my mom, she has Alzheimer's", "Thanks, I needed to get that off my chest")
    assert replies[1].understood.intent == "thanks"


def test_an_uneasy_face_after_a_warm_word_is_not_good_news(service):
    replies = play(
        service,
        "bit of a weird one but i hate looking at myself in the mirror at the moment",
        "aye mostly since my pal's wedding, saw the photos and just 😬",
    )
    assert replies[1].understood.intent != "progress"


def test_a_doctors_all_clear_is_met_with_relief_not_pride(service):
    replies = play(
        service,
        "I've had this twitch in my eyelid for like 4 days now and I went on google at 2am",
        "hey so I went to the doctor, she said it's stress and too much coffee. all fine 😅",
    )
    assert replies[1].understood.intent == "progress"
    assert "proud" not in replies[1].text
    assert "stressed" not in replies[1].understood.feelings


def test_too_much_coffee_is_not_overwhelm_but_too_much_is(understander):
    assert "overwhelmed" not in understander.read("i had too much coffee today").feelings
    assert "overwhelmed" in understander.read("everything is too much").feelings


def test_a_worry_of_its_own_is_not_met_as_more_of_the_waiting_list(service):
    replies = play(
        service,
        "yeah my GP said there's a waiting list for counselling, 12 weeks",
        "ok i'll chat here in the meantime so",
        "i worry about everything. my mam's health, the job, whether i left the straighteners on",
    )
    assert "sessions" not in replies[2].text
    assert "waiting" not in replies[2].text


def test_a_feeling_quoted_as_an_example_is_not_the_persons_own(service):
    replies = play(
        service,
        "me and my girlfriend keep fighting over dumb stuff. dishes, whose turn to walk the dog",
        "the I statement thing sounds a bit cheesy but ok, like 'I feel stressed when the sink is full'?",
    )
    assert "stressed" not in replies[1].understood.feelings
    assert replies[1].understood.intent == "question"


def test_how_it_goes_said_back_then_a_yes_is_an_accept(service):
    replies = play(
        service,
        "I worry about money all the time",
        "Worry time? How does it work exactly",
        "Ok so I write down the worries and look at them only at 7pm. Let me try it",
    )
    assert replies[2].understood.intent == "accept"


@pytest.mark.parametrize(
    ("before", "plan", "said_back"),
    [
        ("My daughter thinks I'm moping since I retired", "Ah go on so. One thing a day. I'll get the shed cleared out tomorrow.", "shed cleared out"),
        ("I keep putting off my design document", "Haha ok fine. I will continue the document tomorrow morning with fresh mind", "document tomorrow"),
    ],
)
def test_a_plan_for_tomorrow_is_welcomed_as_a_plan(service, before, plan, said_back):
    reply = play(service, before, plan)[1]
    assert reply.understood.intent != "progress"
    assert said_back in reply.text


def test_something_quick_to_calm_down_starts_a_short_calming_exercise(service):
    # seen in the round's own walk: an exercise was asked for only by a shared "down" ("break a problem down")
    replies = play(
        service,
        "I've been so stressed about work, my manager keeps piling stuff on",
        "can we do something quick to calm down?",
    )
    assert replies[1].understood.intent == "exercise_request"
    assert "problem solving" not in replies[1].text.lower()
