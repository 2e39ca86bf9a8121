"""Short exercises inside the chat: one step per message, the person answers in the chat, saved as a run.

Five exercises fit a chat message at a time: 5-4-3-2-1 grounding, box breathing, a three-question thought check
(the heart of a thought record), worry-time postponement, and worst, best and most likely (a fear looked at whole). Each is a short script over the library's own
exercise: every chat step saves into a step of that exercise (or its 0-10 distress ratings), through
:class:`haven.exercises.ExerciseSession`, the same runner the Exercises page uses. So a run begun in the chat
is listed on the Exercises page like any other, and one left part-way can be carried on there.

Why a script and not the exercise's steps as they are: a page can show a timer, a list with five boxes, a
slider; a chat has words. The script folds a settling step into the one after it, asks a rating in words, and
for the two longer exercises stops where the chat part ends (worry time itself, the full thought record), at
the step the page should open on.

The service calls in here only after crisis triage has read the message (haven.chat.service), and a safety
reply ends the exercise (haven.chat.service._dialogue). The person can stop at any time ("stop", "enough").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine

from haven.content.models import Exercise, ListStep, TimerStep

#: Exercises that run inside the chat, one step per message.
IN_CHAT = ("grounding-54321", "box-breathing", "thought-record", "worry-time", "decatastrophizing")

#: "stop", "enough", "can we stop": the person ends the exercise, whatever step it is at.
STOP = re.compile(
    r"^(please |ok(ay)? |no,? |actually,? )?(stop|enough|quit|cancel|end it|that'?s enough|i'?ve had enough|"
    r"(can|could) we stop|(i want|i'?d like|let'?s) (to )?stop|i want to stop|let'?s leave it|leave it|"
    r"i don'?t want to (do this|continue|carry on|go on|keep going)( any ?more)?|not now|no more|i can'?t do this)"
    r"\b|\b(stop (this|it|the exercise|now|please)|let'?s stop|i'?d rather stop)\b"
)
_SKIP = re.compile(r"\b(skip|pass|don'?t know|dunno|idk|not sure|no idea|just start|let'?s start|go on|next)\b")
#: Said to the 0-10 question, a bare "ok" or "ready" means "let's begin", not an answer to the step after it
#: (box breathing's next step is the breathing itself, which must be shown before anything is noticed).
#: Said together too ("ok ready", "sure, ready when you are"): still only "let's begin".
_BEGIN_WORD = (
    r"(?:ok|okay|k|kk|sure|yes|yeah|yep|yup|ready|i'?m ready|i am ready|go|go ahead|let'?s go|let'?s do (?:it|this)|"
    r"start|fine|alright|all right|right|cool|great|so|then|please|thanks|(?:ready )?when you are)"
)
_BEGIN = re.compile(rf"{_BEGIN_WORD}(?:[\s,.!]+{_BEGIN_WORD})*\W*")
#: A 0-10 rating: a number that does not count something else ("did the 4 rounds", "5 mins", "3 things").
_NUMBER = re.compile(
    r"\b(10|[0-9])\b(?! ?(rounds?|times?|breaths?|mins?|minutes?|secs?|seconds?|hours?|hrs?|days?|things?|goes|boxes|counts?)\b)"
)
#: Words of breathing already done ("did the breathing, my chest loosened"), said before the steps were shown.
_BREATHED = re.compile(r"\b(breath\w*|inhal\w*|exhal\w*|counted|counting|boxes|rounds?)\b")
_NOT_DONE = re.compile(r"\b(skip|couldn'?t|can'?t|didn'?t|did not|not really)\b")
_ITEMS = re.compile(r"\s*(?:,|;|\n|\band\b|&|\+)\s*")
#: Chat steps whose answer is the person's own words about themselves (what they noticed, a thought, their
#: worries), where "I feel calmer" or "useless" can be the answer itself.
FREE_TEXT = (
    "noticed", "automatic_thought", "evidence_against", "balanced_thought", "worries", "set_time", "postpone",
    "fear", "worst", "best", "most_likely", "cope",
)
_THANKS = re.compile(r"\b(thanks|thank you|thank u|thx|ty|cheers)\b")
_DID_IT = re.compile(r"\b(i (did|tried|finished|have done|'?ve done|just did|just finished)|did (it|that)|done it)\b|^done\b")
#: How the person is now, said on its own ("I feel calmer", "bit better i think", "that helped").
_STATUS = re.compile(r"^(ok(ay)? |yeah |well |honestly )?(i feel|i'?m feeling|feeling|feel|i'?m|that|it|this|it'?s|that'?s|much|a bit|bit|a little|already)\b")
#: The feeling passing, said mid-steps ("ok its passing. i think im ok now"): the exercise has done its work.
_EASED = re.compile(
    r"\b((it'?s|its|it is) (passing|passed|going off|wearing off)|(i'?m|im) ok(ay)? now|"
    # "that was actually quite nice, made me properly look at her little hands for once. feel a bit calmer"
    r"(that|this) was (actually |really |quite |so )*(nice|good|helpful|lovely|calming)|"
    # "my head feels quieter", said to a step
    r"(head|mind|brain) (feels|is|feeling) (a bit |a little |much |so |way )?(quieter|calmer|clearer|lighter))\b"
)
#: The exercise itself is not helping ("this isn't helping"), as against a harsh thought ("I'm useless").
_NOT_HELPING = re.compile(
    r"\b(this|it|that)('?s| is)? (not|isn'?t|doesn'?t|does not|won'?t|is not) (really )?(help|work)\w*|"
    r"\bnot (helping|working)\b"
)


@dataclass(frozen=True)
class ChatStep:
    """One message of an in-chat exercise: what it saves into and what Haven says."""

    saves: str  # "before" | "after" | a step id of the exercise
    say: str
    also: str | None = None  # a timer step the same answer marks done ("tell me when you've finished")


def _prompt(ex: Exercise, step_id: str) -> str:
    return next(s.prompt.strip() for s in ex.steps if s.id == step_id)


def _help(ex: Exercise, step_id: str) -> str:
    help_text = next((getattr(s, "help", None) for s in ex.steps if s.id == step_id), None)
    return f" {help_text.strip()}" if help_text else ""


def _box(ex: Exercise) -> str:
    """Box breathing's pacing in words (the page draws it as a timer)."""
    return paced_in_words(next(s for s in ex.steps if isinstance(s, TimerStep)))


def paced_in_words(timer: TimerStep) -> str:
    """A paced timer step said in words, as the chat has no timer to draw: "Follow the box... Count slowly: breathe
    in for 4, hold for 4, breathe out for 4, hold for 4. Go round 4 times." A timer without pacing is its prompt."""
    if not timer.phases:
        return timer.prompt.strip()
    rounds = f" Go round {timer.cycles} times." if timer.cycles > 1 else ""
    if _COUNTS_SAID.search(timer.prompt):  # "Breathe in for three, and out for four.": the counts are said already
        return f"{timer.prompt.strip()}{rounds}"
    phases = ", ".join(f"{p.label.lower()} for {p.seconds:g}" for p in timer.phases)
    return f"{timer.prompt.strip()} Count slowly: {phases}.{rounds}"


_COUNTS_SAID = re.compile(r"\bfor (?:\d+|one|two|three|four|five|six|seven|eight)\b", re.I)


BEFORE = "A number is enough, or say skip. First, from 0 to 10, how strong is the feeling right now?"
AFTER = "From 0 to 10, how strong is the feeling now?"


def script(ex: Exercise) -> tuple[ChatStep, ...]:
    """The chat's steps for an exercise of :data:`IN_CHAT`, worded from the exercise's own steps."""
    if ex.id == "grounding-54321":
        return (
            ChatStep("before", BEFORE),
            ChatStep("see", f"{_prompt(ex, 'settle')} {_prompt(ex, 'see')}{_help(ex, 'see')}"),
            ChatStep("feel", f"Good. {_prompt(ex, 'feel')}"),
            ChatStep("hear", f"{_prompt(ex, 'hear')}{_help(ex, 'hear')}"),
            ChatStep("smell", f"{_prompt(ex, 'smell')}{_help(ex, 'smell')}"),
            ChatStep("taste", f"Nearly there. {_prompt(ex, 'taste')}"),
            ChatStep("after", f"{_prompt(ex, 'now')} {AFTER}"),
        )
    if ex.id == "box-breathing":
        return (
            ChatStep("before", BEFORE),
            ChatStep(
                "noticed",
                f"{_prompt(ex, 'settle').split(' When')[0]} {_box(ex)} When you've finished: "
                f"{_prompt(ex, 'noticed')[:1].lower()}{_prompt(ex, 'noticed')[1:]}",
                also="breathe",
            ),
            ChatStep("after", f"Thank you. {AFTER}"),
        )
    if ex.id == "worry-time":
        return (
            ChatStep(
                "before", "A number is enough, or say skip. From 0 to 10, how much is the worry bothering you now?"
            ),
            ChatStep("worries", "What are the worries on your mind? A few words each is enough."),
            ChatStep("set_time", f"{_prompt(ex, 'set_time')} {ex.cautions[0]}"),
            ChatStep(
                "postpone",
                "Now tell the worries: I'll think about you at worry time. Then bring your attention back to "
                "what you were doing. What will you turn to now?",
            ),
        )
    if ex.id == "thought-record":
        return (
            ChatStep(
                "automatic_thought",
                "Three questions. First: what is the thought, in the words it goes through your mind?",
            ),
            ChatStep(
                "evidence_against",
                f"Second: {_prompt(ex, 'evidence_against')[:1].lower()}"
                f"{_prompt(ex, 'evidence_against')[1:]}{_help(ex, 'evidence_against')}",
            ),
            ChatStep(
                "balanced_thought",
                "Last one: what would you say to a friend who had this thought? "
                f"{_prompt(ex, 'balanced_thought')}",
            ),
        )
    if ex.id == "decatastrophizing":
        # Why in the chat: "the worst best most likely one", chosen after a presentation dreaded, was answered with
        # "worst is i freeze and everyone laughs", "best is it goes fine", "most likely i'll be nervous but get
        # through it", typed into the chat while the exercise waited behind a button. Its likelihood sliders are
        # the page's; the chat keeps the 0-10 of how anxious, before and after.
        return (
            ChatStep(
                "before", "A number is enough, or say skip. From 0 to 10, how anxious do you feel about it right now?"
            ),
            ChatStep("fear", "What are you afraid will happen? A sentence or two is enough."),
            ChatStep("worst", _prompt(ex, "worst")),
            ChatStep("best", _prompt(ex, "best")),
            ChatStep("most_likely", _prompt(ex, "most_likely")),
            ChatStep("cope", f"{_prompt(ex, 'cope')}{_help(ex, 'cope')}"),
            ChatStep("after", "Thank you. From 0 to 10, how anxious do you feel about it now?"),
        )
    raise KeyError(f"'{ex.id}' does not run inside the chat")


def name(ex: Exercise, n: int) -> str:
    """How the chat names the exercise it runs, cited: the thought check is a part of a thought record."""
    if ex.id == "thought-record":
        return f"a quick thought check, three questions from **{ex.title}** [{n}]"
    return f"**{ex.title}** [{n}]"


#: Where the Exercises page should open a run the chat left part-way on purpose (the rest is for later).
RESUME_AT = {"worry-time": "worries", "thought-record": "situation"}


#: Exercises whose chat steps ask about the senses, the breath and 0-10 ratings, never the person's thoughts:
#: there "I don't want to do this anymore" is about the exercise, and triage is told so (the thought check's
#: and worry time's answers are the person's own thoughts, read as they are).
ABOUT_THE_SENSES = ("grounding-54321", "box-breathing")


def about_the_senses(run: dict[str, Any] | None) -> bool:
    """True while one of :data:`ABOUT_THE_SENSES` runs in the chat (its last words were one of its steps)."""
    return running(run) and run["exercise"] in ABOUT_THE_SENSES


def fits(exercise_id: str | None, library) -> bool:
    return exercise_id in IN_CHAT and exercise_id in library.exercises


def running(run: dict[str, Any] | None) -> bool:
    """True while an in-chat exercise still has steps to go (after the last, Haven asks whether it helped)."""
    return bool(run) and run["step"] < run.get("steps", 0)


def rating(text: str) -> int | None:
    """A 0-10 rating said in words ("about a 6", "7/10"), or None."""
    match = _NUMBER.search(text)
    return int(match.group(1)) if match else None


def value_for(ex: Exercise, step_id: str, text: str) -> Any:
    """What a chat answer saves as, for the exercise step it answers (a list split at commas and "and")."""
    step = next(s for s in ex.steps if s.id == step_id)
    if isinstance(step, TimerStep):
        from haven.exercises.answers import TIMER_DONE, TIMER_SKIPPED

        return TIMER_SKIPPED if _NOT_DONE.search(text.lower()) else TIMER_DONE
    if isinstance(step, ListStep):
        items = [item.strip(" .") for item in _ITEMS.split(text.strip()) if item.strip(" .")]
        return (items or [text.strip()])[: step.max_items]
    return text.strip()


#: How it went over days since, said with the days ("so 4 nights out of 7 i managed to push the worrying to 6:30. slept
#: better those nights", chat_heldout65, read: taken as the worry list the step asked for, and the steps went on).
DAYS_SINCE = re.compile(
    r"\b(\d+|one|two|three|four|five|six|seven) (nights?|days?|evenings?|times?) (out of|a week|this week|last week)\b|"
    r"\b(all|this|last) week\b|\bthose (nights|days|evenings)\b|\bevery (night|day|evening) (since|this week)\b"
)


def ends_early(ex: Exercise, index: int, norm: str, outcome: str | None) -> bool:
    """Whether a message part-way through ends the exercise with how it went, rather than answering the step:
    "I did it, I feel a bit calmer" or "thanks, that helped" while asked for four things you can feel, or "this
    isn't helping". Where the step's answer is the person's own words (what they noticed, a thought) only thanks
    with "it helped", or the exercise said not to be helping, end it; "4, I feel calmer" is the rating.
    ``norm`` is the message as haven.chat.understanding.normalise gives it; ``outcome`` helped / not_helped."""
    steps = script(ex)
    thanked = bool(_THANKS.search(norm))
    if outcome is None and thanked and 0 <= index < len(steps) and steps[index].saves in _SENSE_WORDS:
        return rating(norm) is None  # "That was grounding, quite literally. Thank you.": done, with thanks
    if outcome is None or not 0 <= index < len(steps):
        return False
    if DAYS_SINCE.search(norm):
        return True  # "so 4 nights out of 7 i managed to push the worrying to 6:30. slept better": days of it, told
    if steps[index].saves in FREE_TEXT:
        if thanked and outcome == "helped":
            return True
        return outcome == "not_helped" and bool(_NOT_HELPING.search(norm)) and len(norm.split()) <= 8
    if rating(norm) is not None:
        return False
    eased = outcome == "helped" and bool(_EASED.search(norm))  # "ok its passing. i think im ok now"
    return thanked or eased or bool(_DID_IT.search(norm)) or (len(norm.split()) <= 6 and bool(_STATUS.search(norm)))


def helped_said(text: str) -> bool | None:
    """Whether the message says the exercise helped (True), did not (False), or neither (None)."""
    from haven.chat.intents import outcome_of
    from haven.chat.understanding import normalise

    return {"helped": True, "not_helped": False}.get(outcome_of(normalise(text)) or "")


def _skipped(text: str) -> bool:
    """Whether a message asks to skip the step: a skip word in a short message ("skip", "dunno", "just start"), not in
    an answer of its own ("seat, window, man with a blue bag, the sign saying next stop Clapham Junction" was read
    as a skip for its "next", and the five things asked for again)."""
    return bool(_SKIP.search(text.lower())) and len(text.split()) <= 5


def _answered_step(steps: tuple[ChatStep, ...], index: int, text: str) -> int:
    """The step a message answers. Asked for a 0-10 rating first, a person often goes straight to the exercise
    ("a lamp, the window, my phone..."): words with no number and no "skip" then answer the next step, rather
    than being dropped and that step asked for again."""
    step = steps[index]
    following = index + 1
    if step.saves in _SENSE_WORDS:
        return _last_sense_named(steps, index, text)
    labelled = _step_labelled(steps, index, text)
    if labelled is not None:
        return labelled
    if (
        step.saves == "before"
        and rating(text) is None
        and not _skipped(text)
        and not _BEGIN.fullmatch(text.lower().strip())
        and following < len(steps)
        and steps[following].saves not in ("before", "after")
        # box breathing's next step shows the breathing itself: "done" or "hm" said to the 0-10 question cannot
        # answer what was noticed after breathing the person has not been shown (they got the 0-10 "now" instead)
        and (steps[following].also != "breathe" or bool(_BREATHED.search(text.lower())))
    ):
        return following
    return index


#: An answer that names the step it answers, as people answer worst, best and most likely in one go ("worst is i
#: freeze and everyone laughs", "best case it goes fine", "most likely i'll be nervous but get through it").
_LABELS = {
    "worst": re.compile(r"^(the )?worst( case| thing)?( scenario)?( is| would be| could be|:|,| -)"),
    "best": re.compile(r"^(the )?best( case| thing)?( scenario)?( is| would be| could be|:|,| -)"),
    "most_likely": re.compile(r"^(the )?(most likely|more likely|realistically|probably)( is| would be| outcome|:|,| -)?\b"),
}


def _step_labelled(steps: tuple[ChatStep, ...], index: int, text: str) -> int | None:
    """The step, from the one asked on, whose name the answer begins with; None when it names none. Why: "worst is
    i freeze" said to the 0-10 question was saved as the fear and the worst then asked for, and each answer after
    it went one step behind."""
    lowered = text.lower().strip()
    for position in range(index, len(steps)):
        label = _LABELS.get(steps[position].saves)
        if label is not None and label.search(lowered):
            return position
    return None


#: The sense each grounding step asks about, as people name it when they answer several at once ("Four I can touch:
#: desk, sleeve. Three I can hear: traffic. Two smells: coffee. One taste: mint.").
_SENSE_WORDS = {
    "see": re.compile(r"\b(see|saw|seeing)\b"),
    "feel": re.compile(r"\b(feel|felt|touch|touching)\b"),
    "hear": re.compile(r"\b(hear|heard|hearing|sounds?)\b"),
    "smell": re.compile(r"\b(smells?|smelling)\b"),
    "taste": re.compile(r"\b(tastes?|tasting)\b"),
}


def _last_sense_named(steps: tuple[ChatStep, ...], index: int, text: str) -> int:
    """The last grounding step a message answers: the one asked, or a later one its words name in turn. Why: an
    answer naming what they could hear, smell and taste was followed by "Name three things you can hear", and the
    steps went on by rote after the person had finished."""
    lowered = text.lower()
    last = index
    for position in range(index + 1, len(steps)):
        sense = _SENSE_WORDS.get(steps[position].saves)
        if sense is None or not sense.search(lowered):
            break
        last = position
    return last


@dataclass(frozen=True)
class Outcome:
    """What one answer did: the run's new state (None once it is over) and what to say next."""

    run: dict[str, Any] | None
    say: str
    finished: bool = False
    change: str | None = None  # "It went from 7 to 4."


@dataclass(frozen=True)
class Turn:
    """A reply of an in-chat exercise for the service to save: the draft, the run after it, and the question
    it leaves open (None: none; False: whatever the reply's own words ask)."""

    draft: Any  # haven.chat.types.Draft
    run: dict[str, Any] | None
    pending: Any


class InChat:
    """Starts, moves on and ends in-chat exercise runs for one person. Built per turn; holds no state."""

    def __init__(self, db: Engine, person: str, library, triage_result=None) -> None:
        self.db = db
        self.person = person
        self.library = library
        self._verdict = triage_result  # the turn's triage: the service ran it before anything else

    def _session(self, ex: Exercise, run_id: int | None = None):
        from haven.exercises import ExerciseSession

        def already_triaged(text: str, question: str = ""):
            return self._verdict

        if run_id is None:
            return ExerciseSession.start(self.db, self.person, ex, triage=already_triaged)
        return ExerciseSession.resume(self.db, self.person, ex, run_id, triage=already_triaged)

    def start(self, exercise_id: str) -> Outcome:
        """A new run, saved straight away (like the page's Start); the first step's words."""
        ex = self.library.exercises[exercise_id]
        session = self._session(ex)
        steps = script(ex)
        run = {"exercise": ex.id, "run": session.run.id, "step": 0, "steps": len(steps), "first": steps[0].saves}
        return Outcome(run, steps[0].say)

    def answer(self, run: dict[str, Any], text: str) -> Outcome:
        """Save the answer to the current step and move to the next; the last one finishes the run."""
        ex = self.library.exercises[run["exercise"]]
        session = self._session(ex, run["run"])
        steps = script(ex)
        index = _answered_step(steps, run["step"], text)
        step = steps[index]
        if step.saves == "before" and ex.rate_distress and rating(text) is not None:
            session.rate_distress_before(rating(text))
        elif step.saves == "after" and ex.rate_distress and rating(text) is not None:
            session.rate_distress_after(rating(text))
        elif step.saves not in ("before", "after"):
            if step.also:
                session.answer(step.also, value_for(ex, step.also, text))
            session.answer(step.saves, value_for(ex, step.saves, text))
        following = index + 1
        if following < len(steps):
            self._place(session, ex, steps[following].saves)
            return Outcome({**run, "step": following}, steps[following].say)
        return self._finish(session, ex, run)

    def end_early(self, run: dict[str, Any], helped: bool | None) -> Outcome:
        """The person ended the exercise part-way saying how it went ("I did it, I feel calmer"): the run is
        finished with what was written, and their "it helped" (or not) kept as the page's button keeps it."""
        from haven.exercises import distress_change
        from haven.exercises.runs import update_run
        from haven.storage.models import utcnow

        ex = self.library.exercises[run["exercise"]]
        if ex.id in RESUME_AT:  # the rest is for later, on the page: it waits there, as when done in full
            ids = [s.id for s in ex.steps]
            record = update_run(self.db, self.person, run["run"], current_step=ids.index(RESUME_AT[ex.id]))
        else:
            record = update_run(
                self.db, self.person, run["run"], current_step=len(ex.steps), completed_at=utcnow()
            )
        self.rate_helpful(run, helped)
        return Outcome({**run, "step": run.get("steps", len(script(ex)))}, "", finished=True, change=distress_change(record))

    def stop(self, run: dict[str, Any]) -> None:
        """The person stopped: what they wrote stays saved as an unfinished run; an untouched run is removed."""
        from haven.exercises import delete_run, get_run

        record = get_run(self.db, self.person, run["run"])
        if not record.answers and record.distress_before is None:
            delete_run(self.db, self.person, run["run"])

    def rate_helpful(self, run: dict[str, Any], helped: bool | None) -> None:
        """The person's own "did it help?", kept with the run as the page's button keeps it."""
        if helped is None:
            return
        from haven.exercises.runs import update_run

        update_run(self.db, self.person, run["run"], helpful=1 if helped else -1)

    # --- the parts ------------------------------------------------------------------------------------

    def _place(self, session, ex: Exercise, saves: str) -> None:
        """Keep the run's saved position on the exercise step the chat is at, so the page resumes there."""
        from haven.exercises.runs import update_run

        ids = [s.id for s in ex.steps]
        position = ids.index(saves) if saves in ids else len(ids)
        if session.run.current_step != position:
            update_run(self.db, self.person, session.run.id, current_step=position)

    def _finish(self, session, ex: Exercise, run: dict[str, Any]) -> Outcome:
        """The chat part is done. A short exercise is finished; a longer one waits on the page where it goes on."""
        from haven.exercises import distress_change
        from haven.exercises.runs import update_run
        from haven.storage.models import utcnow

        if ex.id in RESUME_AT:
            self._place(session, ex, RESUME_AT[ex.id])
            return Outcome({**run, "step": len(script(ex))}, "", finished=False)
        record = update_run(
            self.db, self.person, session.run.id, current_step=len(ex.steps), completed_at=utcnow()
        )
        change = distress_change(record)
        return Outcome({**run, "step": len(script(ex))}, "", finished=True, change=change)
