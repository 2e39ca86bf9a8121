"""Round 40, found trying the chat as a person would: a tax return put off, a mum in hospital, a new job on Monday
and exams in two weeks.

- "maybe. what would the first step be?" got "I hear you." and Spot the thinking trap (read as a feeling); now the
  procrastination article's list of what helps now ("Try the 10-minute start..."), and "ok i'll try that tomorrow
  morning" after it is the person's plan for tomorrow morning (it was problem solving from three turns before, then
  "I haven't suggested anything yet").
- "every time i open it i just close the laptop and feel sick" was asked "How do you usually respond when it
  happens?"; "probably that i'll find out i owe loads and can't pay" (a fear) got "... sounds like a good plan".
- "she had a fall, she's 84. my brother lives in canada so it's all on me", in a talk about a mum in hospital, got
  the break-up article's "Heartbreak can make your thoughts harsher".
- "ok" to "Does that sound like something you'd like to try?" (an exercise offered earlier, explained) was read as
  feeling okay: "That's good to hear. What helped things feel better?"; now it starts the exercise.
- "yeah that's exactly it", just after "everyone will think i'm useless", was asked "What does the critical voice
  tell you?".
- "my exams start in 2 weeks and i've done nothing" was not heard as the work not begun.
The safety side ("what would the first step be?" read as a crisis by the learned layer) is in
tests/safety/test_round40.py.
"""

from __future__ import annotations

import pytest
from chat_helpers import play

TAX = (
    "i keep putting off my tax return and it's due in 2 weeks",
    "every time i open it i just close the laptop and feel sick",
    "probably that i'll find out i owe loads and can't pay",
    "maybe. what would the first step be?",
    "ok i'll try that tomorrow morning",
)


def test_the_first_step_is_what_helps_now_and_the_plan_for_it_is_welcomed(service):
    replies = play(service, *TAX)
    assert all(r.level == "none" for r in replies)
    steps = replies[3]
    assert "10-minute start" in steps.text
    assert any(c.doc_id == "procrastination" and c.section == "What helps now" for c in steps.citations)
    assert steps.understood.intent == "question"
    last = replies[4].text
    assert "Tomorrow morning" in last and "When do you think" not in last
    assert "haven't suggested" not in last and "problem solving" not in last.lower()


def test_what_the_person_does_is_not_asked_and_a_fear_is_no_plan(service):
    replies = play(service, *TAX[:3])
    assert "usually respond" not in replies[1].text
    assert "plan" not in replies[2].text.lower()


def test_a_mum_in_hospital_is_not_met_with_heartbreak(service):
    replies = play(
        service,
        "not great tbh. my mum's in hospital and i'm the only one who visits",
        "she had a fall, she's 84. my brother lives in canada so it's all on me",
    )
    assert "caring" in replies[0].understood.themes
    assert not any(c.doc_id == "relationship-endings" for r in replies for c in r.citations)
    assert "Heartbreak" not in replies[1].text
    assert "overwhelmed" in replies[1].understood.feelings


def test_ok_to_an_exercise_explained_again_starts_it(service):
    replies = play(
        service,
        "i start a new job on monday and i'm kind of dreading it",
        "i guess that i won't know what i'm doing and everyone will think i'm useless",
        "yeah that's exactly it",
        "what would that look like?",
        "ok",
    )
    assert "critical voice" not in replies[2].text
    explained = replies[3]
    assert explained.text.rstrip().endswith("?")
    last = replies[4]
    assert last.understood.intent == "accept"
    assert "good to hear" not in last.text
    assert last.suggested_exercises


@pytest.mark.parametrize(
    "said",
    [
        "my exams start in 2 weeks and i've done nothing",
        "dissertation is due friday and i haven't even started it",
        "i've barely started revising and mocks are next week",
    ],
)
def test_work_not_begun_is_putting_things_off(understander, said):
    assert "procrastination" in understander.read(said).themes


def test_panic_with_breathing_gets_steps_and_the_line_on_checking_the_body(service):
    reply = play(service, "ok so im in the toilets at school and my heart is going mad and i cant breathe right")[0]
    assert reply.level == "none"
    assert reply.understood.mode == "in_the_moment"
    assert "1. " in reply.text
    assert "not sure it is panic, get urgent medical help" in reply.text
    assert "Call your local emergency number." in reply.text
    assert any(c.doc_id == "panic-attacks" and c.section == "Check your body too" for c in reply.citations)


def test_panic_without_breathing_words_gets_steps_alone(service):
    reply = play(service, "i'm in the toilets at work and i think i'm having a panic attack")[0]
    assert "urgent medical help" not in reply.text


def test_work_and_sleep_said_together_are_both_heard(service):
    replies = play(service, "i've had a rough week honestly", "work mostly, and i'm not sleeping")
    last = replies[-1].text
    assert "work" in last.lower().split("\n")[0] and "sleep" in last.lower().split("\n")[0]


def test_a_tiny_first_step_is_a_question(understander):
    assert understander.read("yeah that makes sense. what would the first tiny step even be").intent == "question"


# --- from chat_heldout41, once read -----------------------------------------------------------------------------------


def test_go_on_so_to_an_offer_starts_it(service):
    replies = play(
        service,
        "I retired in March after 41 years with An Post and I don't know what to do with myself",
        "What's that now, behavioural activation? Sounds very grand altogether",
        "Go on so, I'll give it a go",
    )
    assert replies[-1].understood.intent == "accept"
    assert replies[-1].suggested_exercises == ("behavioral-activation",)


def test_good_luck_now_is_goodbye(service):
    replies = play(service, "I retired in March and I don't know what to do with myself", "Good luck now")
    assert replies[-1].understood.intent == "goodbye"


NIGHTS = "I am a student nurse, on placement doing nights this week and my sleep is scattered"


def test_six_hours_slept_after_four_is_progress(service):
    replies = play(
        service, NIGHTS, "about 4 hours, sometimes less", "update: I slept nearly 6 hours today with the eye mask"
    )
    assert replies[-1].understood.intent == "progress"


def test_what_a_wind_down_is_is_answered_from_the_sleep_article(service):
    replies = play(service, NIGHTS, "what does wind down routine mean exactly, like what do I actually do")
    last = replies[-1]
    assert last.understood.intent == "question"
    assert "wind-down" in last.text
    assert any(c.doc_id == "sleep-and-mood" for c in last.citations)


def test_a_baby_and_not_coping_is_no_good_news(service):
    replies = play(
        service,
        "hi, i had a baby 6 weeks ago and i'm not coping very well",
        "i cry most days and i feel like i'm doing everything wrong",
    )
    first, second = replies
    assert first.understood.intent != "progress"
    assert "overwhelmed" in first.understood.feelings
    assert "proud" not in first.text and "great" not in first.text.lower().split(".")[0]
    assert "low" in second.understood.feelings
    assert "Sticking with it" not in second.text


def test_yeah_maybe_to_an_offer_is_not_a_start(service):
    replies = play(
        service,
        "hi, i had a baby 6 weeks ago and i'm not coping very well",
        "i cry most days and i feel like i'm doing everything wrong",
        "my partner helps but he's back at work now",
        "i don't know, i just feel so alone with it",
        "yeah maybe",
    )
    assert replies[-2].suggested_exercises
    assert replies[-1].understood.intent == "decline"
    assert "Press **Start**" not in replies[-1].text


def test_is_this_normal_after_crying_and_a_partner_back_at_work_is_about_the_crying(service):
    replies = play(
        service,
        "hi, i had a baby 6 weeks ago and i'm not coping very well",
        "i cry most days and i feel like i'm doing everything wrong",
        "my partner helps but he's back at work now",
        "is this normal?",
    )
    assert "relationships" not in replies[2].understood.themes  # where the partner is, no trouble between them
    cited = {c.doc_id for c in replies[-1].citations}
    assert "relationship-endings" not in cited and "stress-and-burnout" not in cited


def test_the_new_baby_article_answers_the_baby_blues_question(service):
    reply = play(service, "what's the difference between baby blues and postnatal depression?")[0]
    assert any(c.doc_id == "life-with-a-new-baby" for c in reply.citations)
    assert "two weeks" in reply.text


def test_a_sum_of_money_is_said_back_with_its_sign(service):
    replies = play(
        service,
        "can i just vent for a sec",
        "my sister borrowed £200 three months ago and now acts like it never happened",
    )
    assert "£200" in replies[-1].text


def test_only_the_sums_written_with_a_sign_get_one():
    from haven.chat.threads import cased_as_said

    said = cased_as_said("you lent 200 and waited 200 days, 2000 in all", "I lent her $200 last year")
    assert said == "you lent $200 and waited 200 days, 2000 in all"
