"""A message that carries its own intent is read as that, not as an answer to whatever Haven last asked
(conversation7, issue 12): the body's alarm going off while waiting for the dreaded thing, going in to it, a plan of
one's own, good news. Conversations written for these tests, not taken from any benchmark set."""

from __future__ import annotations

from chat_helpers import play


def test_the_body_alarm_while_waiting_gets_steps_and_going_in_gets_luck(service, calm):
    first, why, waiting, easing, going = play(
        service,
        "stood outside the exam hall waiting to go in and my heart is pounding like mad",
        "legs are trembling now too, why is my body doing this to me",
        "five minutes until they open the doors",
        "a little calmer now I think",
        "they're calling my number, fingers crossed",
    )
    assert first.understood.intent == "in_the_moment"
    assert "1. " in first.text and "?" not in first.text  # steps, no question about the past
    assert why.understood.intent == "in_the_moment"
    assert "alarm" in why.text and "fight or run" in why.text  # the question asked is answered, from the library
    assert waiting.understood.mode == "in_the_moment"
    assert "?" not in waiting.text and "critical voice" not in waiting.text
    assert easing.understood.mode == "in_the_moment" and "?" not in easing.text
    assert going.understood.intent == "goodbye"
    assert "luck" in going.text.lower() and "try" not in going.text.lower()


def test_luck_said_at_length_after_a_question_is_still_luck(service, calm):
    _, luck = play(
        service,
        "I've got my driving test this afternoon and I'm really nervous about it",
        "ok the examiner has just come out to get me, wish me luck",
    )
    assert luck.understood.intent == "goodbye" and "luck" in luck.text.lower()
    assert not luck.suggested_exercises


def test_a_heart_pounding_when_thinking_of_it_later_is_not_the_moment(service, calm):
    [reply] = play(service, "my heart pounds whenever I think about the exam next month")
    assert reply.understood.intent != "in_the_moment"


def test_a_theme_comes_from_what_the_message_is_about_not_a_word_in_it(understander):
    def themes(text):
        return understander.read(text).themes

    pet = understander.read("We had to have our old cat put to sleep yesterday, she was nineteen")
    assert "sleep" not in pet.themes and "grieving" in pet.feelings  # a loss, not a sleep problem
    assert "sleep" not in themes("the vet put him to sleep very gently")
    assert "study" not in themes("I joined an evening pottery class and the teacher says my bowls look like ashtrays")
    assert "study" in themes("my teacher says my coursework is behind")
    assert "work" not in themes("Picked up my six month chip at my meeting tonight and my hands shook holding it")
    assert "work" in themes("I have a meeting with my manager tomorrow and I'm dreading it")
    assert "family" not in themes("I slept like a baby for once")
    assert "health" not in themes("what ill miss most is the sunday roasts with everyone")
    assert "frustrated" in understander.read("my housemate's music drives me mad every night").feelings


def test_a_pet_put_to_sleep_is_met_as_a_loss_through_the_service(service, calm):
    [reply] = play(service, "We had our old collie put to sleep on Monday. He was fourteen.")
    assert "sleep" not in reply.understood.themes
    assert "sorry" in reply.text.lower() and "lie down at night" not in reply.text


def test_a_plan_of_their_own_is_not_a_yes_to_the_exercise_offered(service, calm):
    worry, plan = play(
        service,
        "I keep worrying I'll fail my nursing exam next week",
        "ok i'll try 20 minutes of flashcards then a walk round the block",
    )
    assert worry.suggested_exercises  # something was offered, so a yes could have been read
    assert plan.understood.intent != "accept" and plan.understood.mode != "exercise"
    assert "flashcards" in plan.text.lower()  # the plan said back in their words


def test_i_will_try_that_after_an_offer_is_still_a_yes(service, calm):
    worry, yes = play(service, "I keep worrying I'll fail my nursing exam next week", "ok i'll try that")
    assert worry.suggested_exercises and yes.understood.intent == "accept"


def test_the_body_doing_something_is_not_body_image_and_no_critical_voice_is_invented(service, understander, calm):
    assert "body" not in understander.read("why does my body shake every time my boss calls me in").themes
    assert "body" in understander.read("I hate my body and avoid every mirror").themes
    replies = play(
        service,
        "why does my body shake every time my boss calls me in",
        "it happens most mornings before the team huddle",
        "mostly I just go quiet and hope nobody notices",
    )
    assert all("critical voice" not in r.text.lower() for r in replies)


_STOCK_COMFORT = (
    "It took something to put that into words",
    "Feelings like this can be loud",
    "a lot to hold",
    "That sounds difficult",
    "has been hard lately",
    "weighing on you",
    "You're not the only one who has felt like this",
)


def _comforted(text: str) -> bool:
    return any(line.lower() in text.lower() for line in _STOCK_COMFORT)


def test_no_stock_comfort_after_good_news_a_plan_or_a_plain_fact(service, calm):
    news, plan = play(
        service,
        "our choir got picked to sing at the cathedral at christmas",
        "I might ask my brother to come and watch",
    )
    assert news.understood.intent == "progress" and not _comforted(news.text)
    assert "brother" in plan.text and not _comforted(plan.text)
    [decided] = play(service, "I've decided to stop doing the Sunday league, it's the right call with the new job")
    assert not _comforted(decided.text) and "weighing" not in decided.text
    assert not decided.suggested_exercises  # no exercise for a trouble the person does not have
    [fact] = play(service, "My aunt asked me to help sort her allotment this weekend. She grew the best leeks there.")
    assert not _comforted(fact.text)


def test_a_hard_message_still_gets_its_comfort(service, calm):
    [hard] = play(service, "i have four essays due and im completely cooked")
    assert _comforted(hard.text) or "feel" in hard.text.lower()
    assert hard.suggested_exercises


def test_the_body_alarm_said_as_going_on_now_is_the_moment_and_a_habit_is_not(service, understander, calm):
    _, now, count = play(
        service,
        "sat on the train and it's stopped in a tunnel, I hate being stuck like this",
        "my hands are shaking and I can't catch my breath",
        "ok counting the seats in front of me",
    )
    assert now.understood.intent == "in_the_moment" and "1. " in now.text
    assert count.understood.mode == "in_the_moment" and "?" not in count.text
    assert understander.read("my chest is tight most mornings before my shift").intent != "in_the_moment"
    assert understander.read("my heart is racing whenever I think about the wedding").intent != "in_the_moment"


def test_doing_the_dreaded_thing_now_gets_luck_and_a_plan_said_with_gonna_is_a_plan(service, calm):
    _, _, sending = play(
        service,
        "my brother and I haven't spoken since the wedding",
        "I've typed out an apology about five times now",
        "right. pressing send before I chicken out",
    )
    assert sending.understood.intent == "goodbye" and "luck" in sending.text.lower()
    _, plan = play(
        service,
        "I was rude to the bus driver this morning and felt awful after",
        "gonna apologise to him tomorrow if he's on the same route",
    )
    assert "plan" in plan.text.lower() or "step" in plan.text.lower()
    assert "a lot to hold" not in plan.text


def test_a_question_about_something_the_library_names_wins_over_haven_pending_question(service, calm):
    """Asked mid-conversation, "what even is CBT?" is answered then, not taken as the answer to Haven's question
    about the exam (it was thanked for and asked "What do you need most right now?")."""
    _, asked = play(
        service,
        "got my biology mock on friday and im panicking a bit",
        "wait what does cbt even stand for? my teacher said this app does it",
    )
    assert asked.understood.intent == "question"
    assert "cognitive behavioural therapy" in asked.text.lower()


def test_a_name_in_quotes_is_still_a_name_and_its_own_section_answers(service, calm):
    [reply] = play(service, "my sister says I'm always 'mind reading'. is that a real CBT thing?")
    assert reply.understood.named_document == "thinking-traps"
    assert "Mind reading is" in reply.text  # the section about it, not the article's overview


def test_a_thinking_trap_said_in_the_singular_is_named(understander):
    assert understander.named_document("what's a thinking trap exactly?") == "thinking-traps"
    assert understander.named_document("I value my friends a lot") is None  # one-word names stay exact


def test_someone_elses_good_news_is_shared_not_praised_as_the_persons_own(service, calm):
    """A grandchild born was met with "That sounds really hard to deal with"; a son's place at university with a
    study problem-solving exercise."""
    _, baby = play(service, "evening", "our eldest had her baby at 4am, a little girl, mum and baby both doing fine")
    assert baby.understood.intent == "progress"
    assert "hard" not in baby.text and "proud" not in baby.text and not baby.suggested_exercises
    [uni] = play(service, "my daughter got into her first choice university today!!")
    assert uni.understood.intent == "progress" and "your daughter" in uni.text
    assert not uni.suggested_exercises


def test_something_dreaded_that_went_fine_is_good_news(service, calm):
    [reply] = play(service, "I finally asked my manager for Fridays off and she was really understanding about it")
    assert reply.understood.intent == "progress" and not reply.suggested_exercises


def test_a_first_message_that_says_no_feeling_is_not_thanked_as_an_answer(service, calm):
    [reply] = play(service, "Good morning. I'm 88 and my niece thinks I should try one of these computer chats.")
    assert "helps me understand" not in reply.text


def test_a_fear_of_what_will_happen_is_not_welcomed_as_a_plan(service, calm):
    """Asked what goes through their mind, "that i'll say something stupid..." was answered "sounds like a good plan"."""
    _, fear = play(
        service,
        "work leaving do on friday and I barely know anyone there",
        "that i'll trip over my words and everyone stares at me",
    )
    assert "plan" not in fear.text.lower()


def test_a_pet_put_to_sleep_by_name_is_a_loss_not_a_sleep_problem(service, calm):
    [reply] = play(service, "We had Pepper put to sleep on Monday. Our old tabby. Eighteen, and her heart was failing.")
    assert "grieving" in reply.understood.feelings and "sleep" not in reply.understood.themes
    assert not any("sleep" in e for e in reply.suggested_exercises)


def test_thanks_that_says_the_talk_helped_is_thanks_even_after_a_question(service, calm):
    *_, thanks = play(
        service,
        "my nan died last month and I keep expecting her to ring on sundays",
        "she always rang at six, after her programme",
        "Thank you for letting me talk about her. It helped, saying it out loud to someone.",
    )
    assert thanks.understood.intent == "thanks"


def test_a_goodbye_with_an_emoji_after_it_is_a_goodbye(understander):
    assert understander.read("ok gonna make a start on the essay now, byeee 📚").intent == "goodbye"


def test_ill_typed_for_i_will_before_a_fear_is_not_being_ill(understander):
    assert "health" not in understander.read("thats when i decide ill fail everything and let everyone down").themes


def test_thanks_with_a_goodnight_is_a_goodbye(understander):
    assert understander.read("ty!! gonna actually sleep now, night 👋").intent == "goodbye"
    assert understander.read("Thank you for listening, love. I feel a bit lighter. Night night.").intent == "goodbye"


def test_a_loved_memory_told_while_grieving_is_received_as_one(service, calm):
    """"It made us laugh every single day" was answered "No wonder it's getting to you. How do you usually respond
    when it happens?" (a repeated annoyance); "let me talk about her" was a decline, not a wish to be listened to."""
    *_, ask, memory = play(
        service,
        "Our old lab Juno had to be put to sleep on Friday. She was fifteen.",
        "Please, no exercises. Can you just let me talk about her for a while?",
        "She used to steal socks and parade them round the garden like trophies. It made the kids laugh every single time.",
    )
    assert ask.understood.mode == "listening"
    assert "getting to you" not in memory.text and "respond when it happens" not in memory.text
    assert not memory.suggested_exercises and "?" in memory.text


def test_no_to_an_exercise_said_in_passing_is_respected_after_a_question(service, calm):
    """Walking the app: "no thanks, not an exercise right now" (after a question, with one offered earlier) was read
    as an answer and offered progressive muscle relaxation."""
    *_, no = play(
        service,
        "biology mock on friday and my brain just goes blank",
        "mostly at night. that's when i decide i'll fail everything",
        "no thanks, not an exercise right now",
    )
    assert no.understood.intent == "decline" and not no.suggested_exercises


def test_a_plan_to_do_a_stretch_of_work_is_a_plan_but_doing_it_unnamed_is_not():
    from haven.chat.threads import plan_said_back

    assert plan_said_back("ok maybe i'll do 25 mins tonight with my phone in the kitchen") is not None
    assert plan_said_back("i'll do it tonight") is None  # unnamed: never welcomed as "a good plan"


def test_getting_in_late_is_not_good_news(understander):
    """From the blind set heldout14 (read for the rubric, so dev from then): congratulated for being told off."""
    reply = understander.read("got in 20 mins late and my manager said something in front of everyone")
    assert reply.intent != "progress"


def test_putting_something_down_is_no_loss(understander):
    assert "grieving" not in understander.read("I had to put down my bag and just stand there").feelings


def test_what_a_thinking_trap_is_is_answered_from_the_article_not_said_to_be_missing(service, calm):
    """Walking the app: the section whose heading the question seemed to name ("How to catch a thinking trap") is all
    steps, with nothing to quote, and the reply said the library does not cover it."""
    [reply] = play(service, "wait what even is a thinking trap?")
    assert "isn't something Haven's library covers" not in reply.text
    assert "thinking-traps" in {c.doc_id for c in reply.citations}


def test_a_hello_with_a_few_words_about_oneself_is_welcomed_not_asked_what_is_hardest(service, calm):
    hello, trouble = play(
        service,
        "Good morning. I'm 82 and my grandson set this up on my phone for me.",
        "Good morning. I'm 82 and I can't get to sleep before three most nights.",
    )
    assert hello.understood.intent == "greeting" and "hardest" not in hello.text
    assert trouble.understood.intent != "greeting" and "sleep" in trouble.understood.themes


def test_a_friend_buried_is_a_loss_not_a_question_about_friends(service, calm):
    (loss,) = play(service, "most of my old pals are gone now. we buried Frank last spring, he was the last of them")
    assert "grieving" in loss.understood.feelings
    assert "What happened with your friends" not in loss.text


def test_a_plan_with_a_time_in_it_is_said_back_whole(service, calm):
    _, plan = play(
        service,
        "my team leader had a go at me for being late again, the buses are hopeless",
        "maybe I'll ask if I can start at 9:15 on mondays, the first bus is always full",
    )
    assert "9:15 on Mondays" in plan.text and "at 9:" not in plan.text.replace("9:15", "")


def test_a_commute_wearing_someone_down_is_heard_as_frustration(service, calm):
    (commute,) = play(service, "morning. this commute is killing me, the 8:05 got cancelled again")
    assert commute.understood.intent != "greeting" and "frustrated" in commute.understood.feelings


def test_a_worry_seen_more_kindly_is_welcomed_not_answered_with_more_worry(service, calm):
    _, kinder = play(
        service,
        "my sister hasn't answered my message since yesterday, I've decided she's angry with me",
        "thinking about it properly, she was probably just busy with the twins. maybe it's nothing to do with me",
    )
    assert "balanced" in kinder.text or "fairer" in kinder.text
    assert not kinder.suggested_exercises and "worry" not in kinder.text.lower()


def test_good_news_is_taken_in_once_then_the_talk_looks_ahead(service, calm):
    news, how, more = play(
        service,
        "I PASSED my driving theory test!!! second go",
        "I kept doing practice questions instead of just reading the highway code",
        "my sister said she'd take me out in her car on sundays",
    )
    assert news.understood.intent == "progress"
    assert "keep it going" in how.text or "what worked" in how.text
    assert "celebrating" not in more.text and "says a lot about you" not in more.text


def test_asking_for_a_translation_is_not_an_answer_to_havens_question(service, calm):
    _, ask = play(
        service,
        "finally handed in my history coursework today!!",
        "random but how do u say 'where is the library' in spanish",
    )
    assert ask.understood.intent == "offtopic"


def test_a_job_at_a_hospital_is_work_not_the_persons_health(service, calm):
    (job,) = play(service, "Good news, I start my new job as a cleaner at the hospital on Monday!")
    assert "health" not in job.understood.themes


def test_something_tried_described_at_length_is_not_named_as_the_exercise_offered(service, calm):
    _, tried = play(
        service,
        "my sleep has been terrible since I went on early shifts",
        "I tried the only going to bed when I'm actually sleepy thing. four nights now, no better",
    )
    assert tried.understood.intent == "tried" and tried.understood.outcome == "not_helped"
    assert "Sleep reset plan" not in tried.text.split("\n")[0]


def test_someone_elses_tiredness_in_a_kinder_reading_is_not_the_persons(service, calm):
    _, kinder = play(
        service,
        "my brother never rang me back on my birthday, he obviously doesn't care",
        "thinking about it properly, he was probably just tired after his nights. maybe it's not all about me",
    )
    assert "balanced" in kinder.text or "fairer" in kinder.text
    assert "worn out" not in kinder.text


def test_something_tried_that_settled_the_feeling_is_something_that_helped(understander):
    """"...I did the name-five-things thing and it settled down" had been asked "How did it go?"."""
    for text in (
        "bit wobbly getting on the bus, but I did the name-five-things thing and it settled down",
        "I tried the breathing one in the car park and it took the edge off",
    ):
        reading = understander.read(text)
        assert (reading.intent, reading.outcome) == ("tried", "helped"), text
    assert understander.read("we finally settled on a venue for the christening").intent != "tried"


def test_what_the_person_says_it_is_not_about_is_never_named_back(service, calm):
    """"it's nothing to do with work, work's fine. it's my sister" had been met with "So work has been on your mind"
    and a question about work (the learned reader of themes put work back from the whole message's meaning)."""
    _, correction = play(
        service,
        "I've been so on edge all week, I dread getting home in the evenings",
        "oh sorry, it's nothing to do with work, work's fine. it's my brother, he's been staying with us since March",
    )
    assert "work" not in correction.understood.themes
    said = correction.text.lower()
    assert "so work" not in said and "work" not in said.rstrip().rsplit("\n", 1)[-1]  # not named, not asked about


def test_a_husband_who_passed_is_a_loss_and_is_not_asked_what_he_should_understand(service, calm):
    (reply,) = play(service, "I've been on my own since my husband passed four years ago, and the evenings drag")
    assert "grieving" in reply.understood.feelings
    assert "understand" not in reply.text


def test_passing_a_test_is_not_a_death(understander):
    for text in ("my son passed his driving test this morning", "my daughter passed with a distinction!"):
        assert "grieving" not in understander.read(text).feelings, text
