"""Messages read as what they are, found reading chat_heldout28 (read): text-speak ("wats pomodoro", "ok thanku so much")
was read as an answer, "I don't really want tips or exercises right now, I just need to get it out" as a decline
(and the next reply quoted the library), "might come back tomorrow" as an answer (and was asked about bedtime), a
stint of revision done as nothing much, and "..., is that normal" at the end of a message as curiosity."""

from __future__ import annotations

import pytest

from haven.chat.understanding import normalise


def test_text_speak_is_written_out_before_anything_reads_it():
    assert normalise("wats pomodoro") == "what's pomodoro"
    assert normalise("ok thanku so much 🥺") == "ok thank you so much"
    assert normalise("tysm") == "thank you so much"
    assert normalise("what a watt") == "what a watt"  # only whole words


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("wats pomodoro", "question"),
        ("what is a safety behaviour", "question"),
        ("ok thanku so much 🥺", "thanks"),
        ("I don't really want tips or exercises right now, I just need to get it out", "venting"),
        ("might come back tomorrow", "goodbye"),
        ("I'll come back later", "goodbye"),
        ("done!! finished half of chapter 9 and only checked my phone once 🎉", "progress"),
    ],
)
def test_a_message_is_read_as_what_it_is(understander, text, intent):
    assert understander.read(text).intent == intent


def test_what_is_wrong_with_me_is_no_question_about_a_word(understander):
    assert understander.read("what's up").intent != "question"


def test_a_word_asked_about_is_answered_from_the_sentence_that_says_what_it_is(service, calm):
    reply = service.respond("me", "wats pomodoro")
    assert "Pomodoro technique" in reply.text and reply.citations
    assert reply.citations[0].doc_id == "procrastination"


def test_a_word_the_library_never_names_is_not_answered_with_something_else(service, calm):
    reply = service.respond("me", "what is a flibbertigibbet")
    assert not reply.citations
    assert "library" in reply.text


def test_asking_whether_it_is_normal_after_telling_it_is_followed_up_about_them(service, calm):
    reply = service.respond("me", "also at night my heart beats so fast thinking about the exam, is that normal")
    assert "What made you curious" not in reply.text


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("thanks for that, I could murder a cup of tea now and then bed", "goodbye"),
        ("I'm not doing breathing exercises mate, not my thing", "decline"),
        ("no worries. cheers for this", "thanks"),
    ],
)
def test_said_after_havens_question_it_is_still_what_it_is(understander, text, intent):
    """Each came just after Haven asked something, and was read as the answer to it (chat_heldout28, read)."""
    from haven.chat.dialogue import DialogueState, Pending

    state = DialogueState(turns=4, pending=Pending(kind="open", text="What would make this week at work a bit easier?"))
    assert understander.read(text, state).intent == intent


def test_a_night_nurse_and_a_student_far_from_home_are_met_as_such(understander):
    assert understander.read("Yeah I'm a nurse on a respiratory ward. Nights are always like this").situation == "shift_work_tired"
    student = "I am an international student doing my masters in Toronto. This is my first winter and it's not easy"
    assert understander.read(student).situation == "homesick_new_place"


def test_what_came_of_trying_something_said_in_its_own_words(understander):
    from haven.chat.intents import GOOD_NEWS, GOODBYE, outcome_of

    assert outcome_of(normalise("I did the box breathing every night this week and I am sleeping better")) == "helped"
    assert GOOD_NEWS.search(normalise("and he said ok, he'll rotate it between the whole team! I can't believe it lol"))
    assert not GOOD_NEWS.search(normalise("she said no"))
    assert GOODBYE.search(normalise("Thank you, God bless"))


def test_how_a_win_came_is_not_met_with_a_hard_situations_line(service, calm):
    """chat_heldout28 (read): "I told my TL I can't keep covering the extra shifts every weekend. my heart was pounding
    but I said it", asked how the win came, got the line about work that never lets up."""
    first = service.respond("me", "guess what, I finally stood up to my team lead today!")
    reply = service.respond(
        "me", "I told my TL I can't keep covering the extra shifts every weekend. my heart was pounding but I said it",
        first.conversation_id,
    )
    from haven.chat.situations import by_name

    assert not any(line in reply.text for line in by_name("overloaded_at_work").reflections)
    assert not reply.citations  # the win taken in, not a lesson on hard shifts


def test_a_question_about_a_match_is_no_report_of_trying_an_exercise(understander):
    """chat_heldout28 (read): "who won the footy last night, did the Eagles get up?" was thanked for trying
    progressive muscle relaxation, offered two turns before."""
    from haven.chat.dialogue import DialogueState, Pending

    state = DialogueState(
        turns=6,
        pending=Pending(kind="open", text="How will you remind yourself?"),
        offered=("progressive-muscle-relaxation",),
        ever_offered=("progressive-muscle-relaxation",),
    )
    assert understander.read("who won the footy last night, did the Eagles get up?", state).intent == "offtopic"
    assert understander.read("did the muscle thing and it helped", state).intent == "tried"


def test_asked_whether_a_person_reads_it_and_where_it_goes(service, calm):
    """chat_heldout29 (read): an older woman's two questions about Haven itself were met with "Thanks, that helps me
    understand." and "I hear you."."""
    first = service.respond("me", "Can I ask, is there a person reading this at the other end, or is it a computer?")
    assert "computer program" in first.text
    second = service.respond(
        "me", "And does what I write go anywhere? I don't want my private business ending up on the internet.",
        first.conversation_id,
    )
    assert "nobody reads it" in second.text


def test_a_check_ups_answers_typed_in_the_chat_are_pointed_to_where_they_count(service, calm):
    """chat_heldout29 (read): "more than half the days", typed after Haven said where the GAD-7 is, was asked "What
    would feel like one small step forward today?", and "nearly every day" "How do you usually respond when it happens?"."""
    first = service.respond("me", "could i do that anxiety questionnaire")
    assert "Check-ups page" in first.text
    option = service.respond("me", "more than half the days", first.conversation_id)
    assert "Check-ups page" in option.text and "score" in option.text
    again = service.respond("me", "nearly every day", first.conversation_id)
    assert "Check-ups page" in again.text and again.text != option.text


def test_a_question_about_the_exercise_just_explained_is_answered_from_it(service, calm):
    """chat_heldout29 (read): "So I'd write the worries down at night and only deal with them at a set time the next
    day?", just after worry time was explained, got "That isn't something Haven's library covers"."""
    first = service.respond("me", "What is worry time? Is it an actual CBT thing or just a nice idea?")
    assert "worry-time" in first.suggested_exercises
    reply = service.respond(
        "me", "So I'd write the worries down at night and only deal with them at a set time the next day?",
        first.conversation_id,
    )
    assert reply.citations and reply.citations[0].doc_id == "worry-time"
    assert "library covers" not in reply.text
