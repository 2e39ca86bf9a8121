"""Round 46, from chat_heldout51, read (dev): what a reply to Haven means, read more closely.

- "yeah alright ill give the breathing thing a go at the lights" was read as a no ("I'll leave the breathing
  exercises out"): giving a thing "a go" is a yes, "a miss" is the no. "At the lights" is when it is for, so it is
  kept for then, not started now; "tried it this arvo" after it is about the breathing, not the thought record
  offered before.
- "missus reckons i should talk to someone about my temper in the car so here i am" got a therapist referral:
  told to talk to someone, the person came here.
- "i tried on my dress and just wanted to cry" was thanked for "giving on a go".
- "my fyp is way less depressing" is progress, not low mood; "so im kinda excited" is a small joy.
- "are my messages going to my company?" is a privacy question, answered plainly.
- "I'd like to just talk about her for a bit if that's alright" asks to be listened to.
- "wdym break it into chunks" asks what a phrase means.
- "What is this two minute rule exactly?": the library has no such rule, and says so.
"""

from __future__ import annotations

from chat_helpers import play

from haven.chat import intents
from haven.chat.understanding import normalise


def test_giving_a_thing_a_go_is_a_yes_and_a_miss_is_a_no():
    assert not intents.REFUSAL.search(normalise("yeah alright ill give the breathing thing a go at the lights"))
    assert intents.TRY_THAT.search(normalise("yeah alright ill give the breathing thing a go at the lights"))
    assert intents.REFUSAL.search(normalise("I'll give the breathing thing a miss, love"))
    assert intents.REFUSAL.search(normalise("yeah look I'll pass on the breathing thing"))


def test_a_breathing_thing_taken_up_for_the_drive_is_kept_for_then_and_tried_it_means_it(service):
    replies = play(
        service,
        "my temper in the car is getting worse, yelling and horn at every idiot",
        "yelling, horn, bit of tailgating. the kids were in the car saturday and my youngest asked why daddy was so angry",
        "yeah alright ill give the breathing thing a go at the lights",
        "tried it this arvo. still swore but didnt lean on the horn. small win",
    )
    assert replies[2].understood.intent == "accept"
    assert "leave the breathing" not in replies[2].text and "at the lights" in replies[2].text
    assert "right here, one step at a time" not in replies[2].text  # kept for the drive, not started now
    assert replies[3].understood.intent == "tried"
    assert "breathing" in replies[3].text.lower() and "thought record" not in replies[3].text.lower()


def test_told_to_talk_to_someone_so_here_i_am_is_no_request_for_a_person():
    here = normalise("missus reckons i should talk to someone about my temper in the car so here i am")
    assert not intents.HUMAN.search(here)
    assert intents.HUMAN.search(normalise("can I talk to a real person please"))
    assert intents.HUMAN.search(normalise("I think I need to talk to someone"))


def test_trying_on_clothes_is_no_try_of_an_exercise(service):
    replies = play(
        service,
        "i hate how i look in every pic lately",
        "prom is in 3 weeks and i tried on my dress and just wanted to cry. everyone on tiktok looks perfect",
    )
    assert replies[1].understood.intent != "tried"
    assert "giving on a go" not in replies[1].text


def test_less_depressing_is_better_and_kinda_excited_is_a_joy(service):
    replies = play(
        service,
        "i hate how i look in every pic lately, 3 hours a day on tiktok",
        "update i muted like 15 accounts and followed some funny ones instead and my fyp is way less depressing",
        "my bff and i are doing our makeup together for prom now so im kinda excited",
    )
    assert "low" not in replies[1].text.lower() and "glad" in replies[1].text.lower()
    assert replies[2].understood.intent == "progress"


def test_whether_messages_go_to_an_employer_is_answered_as_privacy(service):
    replies = play(
        service,
        "I keep putting off my module, the sprint deadline is friday",
        "Also one thing, are my messages going to my company? We have some wellness program",
    )
    assert "nobody reads it unless you choose to share it" in replies[1].text
    assert intents.PRIVACY.search(normalise("can my boss see this"))
    assert not intents.PRIVACY.search(normalise("my company pays for the gym"))


def test_asking_to_talk_about_her_for_a_bit_is_listened_to(service):
    replies = play(
        service,
        "We had to have our dog put to sleep on Saturday. She was 15, a collie called Bess.",
        "I'd like to just talk about her for a bit if that's alright",
    )
    assert replies[1].understood.intent == "venting"
    assert "You'd like to just talk" not in replies[1].text


def test_what_do_you_mean_by_a_phrase_is_a_question(service):
    replies = play(service, "mocks start monday and im actually gonna fail everything", "wdym break it into chunks")
    assert replies[1].understood.intent == "question"


def test_a_rule_the_library_does_not_have_is_said_plainly(service):
    replies = play(
        service,
        "I am having very big problem with procrastination. Sprint deadline is friday and I have not even started",
        "Whenever I open laptop I am going to youtube, cricket highlights, then its 1 am",
        "Manager is asking daily for the update and I am telling 'almost done' which is not true. I feel like fraud",
        "Yes I think fear of doing it wrong is there. Last review my code got 40 comments",
        "What is this two minute rule exactly?",
    )
    last = replies[-1]
    assert last.understood.intent == "question"
    if any(f"**{title}**" in last.text for title in ("Spot the thinking trap", "Step-by-step problem solving")):
        assert "I don't have one called two minute rule" in last.text  # never passed off as the rule asked about


def test_a_baby_born_with_the_parent_feeling_like_a_zombie_is_no_good_news(service):
    replies = play(
        service,
        "i had a baby 6 weeks ago and everyone keeps saying enjoy every moment and i just feel like a zombie",
    )
    assert replies[0].understood.intent != "progress"
    assert "proud" not in replies[0].text and "congratulations" not in replies[0].text.lower()


def test_a_first_long_sleep_with_tears_is_good_news_and_weird_but_good_helped():
    said = normalise("back!! she slept 4 hours straight last night, first time ever. i nearly cried")
    assert intents.outcome_of(said) == "helped"
    assert intents.outcome_of(normalise("felt weird but good")) == "helped"
    assert intents.outcome_of(normalise("it kind of works, I write stuff down and tell myself later")) == "helped"
    assert intents.outcome_of(normalise("this is how it works")) is None


def test_funding_come_through_is_good_news():
    assert intents.GOOD_NEWS.search(normalise("Also the funding came through this morning!! finally"))


def test_a_report_of_days_of_practice_leaves_the_steps(service):
    replies = play(
        service,
        "So basically I'm broke and stressed, I keep checking my banking app like 20 times a day",
        "what is worry time",
        "fine I'll try it, 6pm, 15 min",
        "Did the worry time thing for 3 days. It kind of works, I write stuff down and tell myself later. "
        "Checked the app like 5 times yesterday instead of 20",
    )
    last = replies[-1]
    # "6pm" is a time later than now (round 50): worry time is a plan for then, with its button, not steps now
    assert "at 6pm" in replies[2].text
    assert last.understood.intent == "tried" and last.understood.outcome == "helped"
    assert "0 to 10" not in last.text and "helped" in last.text.lower()


def test_the_i_statement_thing_is_the_assertive_exercise(service):
    replies = play(
        service,
        "Me and my girlfriend keep getting into it. Every little thing becomes a big quarrel",
        "What is that, the I-statement thing?",
    )
    assert replies[1].understood.intent == "question"
    assert "Say it clearly and kindly" in replies[1].text


def test_how_an_exercise_works_asked_with_a_doubt_is_answered_not_a_no(service):
    replies = play(
        service,
        "supposed to be writing chapter 3 of my thesis. instead i reorganised my entire spice rack",
        "probably that it won't be good enough? my lab mate just got published in nature",
        "how does the worry time thing actually work though, do i just not worry the rest of the day? that seems "
        "impossible",
    )
    assert replies[-1].understood.intent == "question"
    assert "Worry time" in replies[-1].text and "don't have to do any exercises" not in replies[-1].text


def test_an_exercise_asked_about_by_a_tag_of_its_own_is_explained(service):
    replies = play(
        service,
        "I retired in June after 34 years teaching geography. I'm finding the days rather long and flat.",
        "Could you explain how this activity scheduling works? It sounds a bit like a timetable.",
    )
    assert "Small steps back to doing" in replies[-1].text


def test_all_three_done_and_a_better_second_day_are_progress():
    assert intents.STEP_DONE.search(normalise("Report: did all three. The library one was surprisingly good"))
    assert intents.outcome_of(normalise("hard the first day, kept forgetting to postpone. second day better")) == "helped"


def test_the_breathing_thing_after_a_talk_about_sleep_is_an_exercise_not_a_gap(service):
    """Seen trying the app: after a talk about an exam and sleep, "what's the breathing thing?" was met with "That
    isn't something Haven's library covers" (the word's definition was looked up, and found nothing)."""
    replies = play(service, "i can't sleep, i have an exam tomorrow at 9 and my mind won't stop", "what's the breathing thing?")
    assert "isn't something Haven's library covers" not in replies[1].text
    assert "breathing" in replies[1].text.lower() and replies[1].citations


def test_a_thing_the_library_names_but_has_no_exercise_for_is_defined(service):
    replies = play(service, "I keep putting things off", "what's this pomodoro thing")
    assert "Pomodoro technique" in replies[1].text and "I don't have one called" not in replies[1].text
    first = play(service, "what's this STOP thing then", person="first-message")
    assert "I don't have one called STOP" in first[0].text  # not "I can't stop snapping at my kids"


def test_whether_messages_go_to_anyone_is_privacy():
    assert intents.PRIVACY.search(normalise("are my messages going to anyone? like my work?"))
    assert not intents.PRIVACY.search(normalise("my messages are going unanswered by my friends"))
