"""The chat service: one turn from the person's words to a saved, cited, checked reply.

    triage in context -> (crisis, held crisis, check or concern? safety reply, stop) -> save the user's words
    -> search the library -> engine -> save

Triage comes first, before any engine or search sees the text, and reads it with the conversation's risk
state (``haven.safety.conversation``): a crisis holds until the person says they are safe and confirms it. A model engine that fails, times out or breaks
off mid-stream is replaced by the guide for that turn, with a notice; the person's message is already saved.
The same service serves the Chat page, ``haven chat`` and the notebooks.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from typing import Any, Protocol

from sqlalchemy import Engine

from haven.chat import dialogue, limits, memory, store, threads
from haven.chat import intents as I
from haven.chat.guide import GuideEngine
from haven.chat.llm import EngineSpec, LLMEngine, LLMUnavailable, build_chat_model, server_url
from haven.chat.phrases import THEME_NOUNS
from haven.chat.types import Draft, EngineRequest, Reply, TurnRecord, TurnStarted, Understanding
from haven.chat.understanding import THEMES, Understander, normalise
from haven.config import Settings, get_settings
from haven.content.loader import Library
from haven.retrieval.types import Hit

log = logging.getLogger(__name__)

SEARCH_K = 5
#: When the person asks for options: enough documents that a choice is left once the ones used are set aside.
OPTIONS_K = 8
#: Earlier messages handed to an engine (the LLM trims further to its token budget).
HISTORY_TURNS = 24
#: Common English words: two of them in a message read as another language mean English mixed with it.
_ENGLISH_WORDS = frozenset(
    "the and i i'm im my me to is it a of in that you but so just like this what for with was have not on at be "
    "all really already asked they their we our he she his her want wants can can't don't will would".split()
)


class Searcher(Protocol):
    def search(self, query: str, k: int = 5) -> list[Hit]: ...


ModelFactory = Callable[[EngineSpec, str | None, float], Any]


class ChatService:
    """Answers chat turns for any profile. Holds only shared, heavy things (library, searcher, guide)."""

    def __init__(
        self,
        searcher: Searcher,
        library: Library,
        db: Engine,
        understander: Understander | None = None,
        model_factory: ModelFactory = build_chat_model,
        settings: Callable[[], Settings] = get_settings,
        reviewed=None,
    ) -> None:
        self.searcher = searcher
        self.library = library
        self.db = db
        self.understander = understander or Understander(library)
        self.guide = GuideEngine(library, reviewed)
        self.model_factory = model_factory
        self.settings = settings
        self._models: dict[tuple[str, str, float], LLMEngine] = {}

    # --- a turn -------------------------------------------------------------------------------------

    def respond(self, person: str, text: str, conversation_id: int | None = None) -> Reply:
        """Answer one message and return the saved reply."""
        reply = None
        for item in self.respond_stream(person, text, conversation_id):
            if isinstance(item, Reply):
                reply = item
        assert reply is not None
        return reply

    def respond_stream(
        self, person: str, text: str, conversation_id: int | None = None
    ) -> Iterator[str | TurnStarted | Reply]:
        """The conversation it went to (:class:`TurnStarted`), the pieces of the reply as they form (for
        st.write_stream), then the final :class:`Reply`.

        The final reply's text is what was saved; when it differs from the streamed pieces (the output guard
        replaced a reply, or the model broke off and the guide answered), the page shows the final text.

        A reader may stop listening part-way (the page reruns because the person sent another message or
        clicked away while the reply was still appearing). The turn is finished and saved anyway, so no message is
        left without an answer, and the page already knows the conversation to go on with.
        """
        pieces = self._turn(person, text, conversation_id)
        try:
            for piece in pieces:  # noqa: UP028 - `yield from` would close the turn along with this reader
                yield piece
        except GeneratorExit:
            for _ in pieces:  # finish the turn unseen; the next page run shows it from the saved history
                pass
            raise

    def _turn(self, person: str, text: str, conversation_id: int | None) -> Iterator[str | TurnStarted | Reply]:
        """The path of one chat turn (docs/architecture.md): triage first, then understanding, then a reply."""
        from haven.safety.conversation import assess

        if limits.is_empty(text):  # nothing to read or keep: no turn is saved
            yield Reply(
                text=limits.EMPTY_REPLY, level="none", engine=self.guide.name, conversation_id=conversation_id
            )
            return
        state, question, step = self._risk_context(person, conversation_id)
        assessment = assess(text, state, question, exercise_step=step)  # before anything else sees the text
        verdict = assessment.triage
        settings = self._with_region_said(person, conversation_id, text, self.settings())
        if assessment.reply != "normal":
            yield self._safety_reply(person, text, conversation_id, assessment, settings)
            return
        conversation_id = self._conversation(person, conversation_id)
        self._save_risk(person, conversation_id, assessment.state)
        yield TurnStarted(conversation_id)
        other_language = verdict.language not in (None, "en") and not _only_a_hello(text)
        if other_language and not self._mixed_into_english(person, conversation_id, text):
            yield self._other_language_reply(person, text, conversation_id, verdict)
            return
        used = limits.bounded(text)  # triage read it all; the rest of the turn reads a bounded part
        state = self._dialogue(person, conversation_id)
        news, state = self._exercise_news(person, conversation_id, state)
        understanding = self._understand(used.text, state)
        store.save_turn(
            self.db, person, conversation_id, "user", text, level=verdict.level, topics=understanding.topics
        )
        exercise = self._exercise_turn(person, state, understanding, used.text, verdict)
        if exercise is not None:  # a step of an exercise in the chat: its script speaks, no engine
            yield from re.findall(r"\S+\s*", exercise.draft.text)
            yield self._finish_turn(
                person,
                conversation_id,
                state,
                understanding,
                verdict,
                exercise.draft,
                self.guide.name,
                "",
                exercise,
            )
            return
        # how much each exercise has helped this person: read once, for the search's order and, in the moment, for
        # what to offer first
        preferences = memory.exercise_preferences(self.db, person)
        history = self._history(person, conversation_id)
        request = EngineRequest(
            text=used.text,
            normalised=normalise(used.text),
            history=history,
            hits=tuple(
                self._search(
                    _search_query(
                        used.text, understanding, settings.region, state, _last_said(history), _earlier_said(history)
                    ),
                    preferences,
                    k=OPTIONS_K if understanding.options else SEARCH_K,
                )
            ),
            understanding=understanding,
            dialogue=state,
            region=settings.region,
            help_lines=tuple(self._help_lines(settings.region)) if understanding.intent == "human" else (),
            helped_before=memory.helped_most_first(preferences) if understanding.intent == "in_the_moment" else (),
        )
        draft, engine_name, notice = None, self.guide.name, ""
        model = self._model_engine(settings)
        streamed = False
        if model is not None:
            try:
                for item in model.stream(request):
                    if isinstance(item, Draft):
                        draft = item
                    else:
                        streamed = True
                        yield item
                engine_name = model.name
            except LLMUnavailable as exc:
                log.warning("chat model %s failed: %s", model.name, exc)
                notice = f"The model ({model.name} at {model.server}) did not answer: {exc}. Haven's guide replied instead."
                draft = None
        if draft is None:
            for item in self.guide.stream(request):
                if isinstance(item, Draft):
                    draft = item
                elif not streamed:
                    yield item
        notice = " ".join(part for part in (notice or draft.note, used.notice) if part)
        if draft.note:
            engine_name = f"{self.guide.name} (clinician-reviewed)"
        if news:  # an exercise finished on the Exercises page: said first, in the person's own terms
            draft = dataclasses.replace(draft, text=f"{news}\n\n{draft.text}")
        yield self._finish_turn(person, conversation_id, state, understanding, verdict, draft, engine_name, notice)

    def _finish_turn(
        self, person, conversation_id, state, understanding, verdict, draft, engine_name, notice, exercise=None
    ) -> Reply:
        """Save the reply and what the conversation now remembers; the reply as the page and CLI get it."""
        reply = Reply(
            text=draft.text,
            level=verdict.level,
            citations=draft.citations,
            suggested_exercises=draft.suggested_exercises,
            topics=tuple(understanding.topics),
            engine=engine_name,
            notice=notice,
            conversation_id=conversation_id,
            understood=understanding,
        )
        store.save_turn(
            self.db,
            person,
            conversation_id,
            "assistant",
            reply.text,
            level=reply.level,
            topics=reply.topics,
            citations=reply.citations,
            suggested_exercises=reply.suggested_exercises,
            engine_name=engine_name,
            notice=notice,
        )
        self._save_dialogue(person, conversation_id, state, understanding, reply, exercise)
        return reply

    # --- conversations --------------------------------------------------------------------------------

    def opening(self, person: str, current: int | None = None) -> memory.Recap | None:
        """The thread from the person's last conversation, to open a new one with (or None)."""
        return memory.recap(self.db, person, self.library, current=current)

    def conversations(self, person: str):
        return store.list_conversations(self.db, person)

    def turns(self, person: str, conversation_id: int) -> list[TurnRecord]:
        return store.load_turns(self.db, person, conversation_id)

    def delete(self, person: str, conversation_id: int) -> None:
        store.delete_conversation(self.db, person, conversation_id)

    # --- the parts ------------------------------------------------------------------------------------

    def _conversation(self, person: str, conversation_id: int | None, welcome: bool = True) -> int:
        """The conversation to add to; a new one starts with the recap of the last, when there is one, else (with
        ``welcome``) from the first-run welcome's focus. A conversation that opens with a safety reply does not
        start with a cheerful greeting before it."""
        if conversation_id is not None:
            return conversation_id
        recap = self.opening(person)
        conversation_id = store.create_conversation(self.db, person)
        if recap is not None:
            store.save_turn(
                self.db,
                person,
                conversation_id,
                "assistant",
                recap.text,
                topics=recap.topics,
                engine_name="memory",
            )
            if recap.risk is not None:  # a crisis left open last time: this conversation starts by checking
                store.save_state(self.db, person, conversation_id, {"risk": recap.risk})
        elif welcome:
            self._welcome_opening(person, conversation_id)
        return conversation_id

    def _welcome_opening(self, person: str, conversation_id: int) -> None:
        """A first conversation opens from the welcome's chosen focus: its greeting is Haven's first turn and
        the focus a topic of the conversation (haven.chat.welcome.opening_state). An unreadable welcome costs
        only that."""
        from haven.chat import welcome

        try:
            opening = welcome.opening_state(welcome.load(self.db, person))
            if opening is None:
                return
            text, state = opening
            store.save_turn(self.db, person, conversation_id, "assistant", text, engine_name="memory")
            stored = store.load_state(self.db, person, conversation_id)
            store.save_state(self.db, person, conversation_id, dialogue.store_into(stored, state))
        except Exception:
            log.exception("could not open the conversation from the welcome")

    # --- risk across the conversation -------------------------------------------------------------------

    def _risk_context(self, person: str, conversation_id: int | None):
        """The conversation's risk state, Haven's last words (the question a reply may answer), and whether
        those words are a step of grounding or box breathing running in the chat, or steps for right now (issue 11:
        an exercise answer is triaged with its step; there "I don't want to do this anymore" is about the exercise).

        A database that cannot be read must not stand between a person and help: triage then reads the
        message on its own, which still catches a crisis said in it.
        """
        from haven.chat.inchat import about_the_senses
        from haven.safety.conversation import RiskState

        if conversation_id is None:
            return (*self._risk_carried_over(person), False)
        try:
            stored = store.load_state(self.db, person, conversation_id)
            state = RiskState.from_dict(stored.get("risk"))
            turns = store.load_turns(self.db, person, conversation_id)
        except store.ConversationNotFound:
            raise
        except Exception:
            log.exception("could not read the conversation's risk state; reading the message alone")
            return RiskState(), None, False
        last = next((t for t in reversed(turns) if t.role == "assistant"), None)
        talk = dialogue.load(stored)
        # steps for right now (in the moment: grounding or breathing given in one reply) are answered like an
        # exercise's steps: "held it. now out" after them is the breathing (chat_heldout26, read)
        steps = about_the_senses(talk.run) or talk.mode == "in_the_moment"
        step = last is not None and last.engine == self.guide.name and steps
        return state, (last.text if last else None), step

    def _risk_carried_over(self, person: str):
        """For a new conversation: a crisis left open last time, with the opener that asks about it as the
        question the first message answers; otherwise a clear state."""
        from haven.safety.conversation import RiskState

        try:
            opening = self.opening(person)
        except Exception:
            log.exception("could not read the last conversation; starting clear")
            return RiskState(), None
        if opening is None or opening.risk is None:
            return RiskState(), None
        return RiskState.from_dict(opening.risk), opening.text

    def _save_risk(self, person: str, conversation_id: int, risk) -> None:
        state = store.load_state(self.db, person, conversation_id)
        state["risk"] = risk.to_dict()
        store.save_state(self.db, person, conversation_id, state)

    def _safety_reply(
        self, person: str, text: str, conversation_id: int | None, assessment, settings: Settings
    ) -> Reply:
        """Every reply while risk is in play: the crisis card, the held crisis, a check, or a gentle concern.

        Built from static data first; saving comes after and may fail without taking the help away.
        """
        from haven.chat.safety_first import safety_reply

        plan = self._safety_plan(person) if assessment.reply in ("crisis", "held") else None
        reply = dataclasses.replace(
            safety_reply(assessment, settings.region, plan), conversation_id=conversation_id
        )
        words, level = reply.text, reply.level
        try:
            conversation_id = self._conversation(person, conversation_id, welcome=False)
            store.save_turn(self.db, person, conversation_id, "user", text, level=level)
            store.save_turn(
                self.db, person, conversation_id, "assistant", words, level=level, engine_name="safety"
            )
            self._save_risk(person, conversation_id, assessment.state)
        except Exception:  # the help is shown even when it cannot be saved
            log.exception("could not save a safety turn")
            return reply
        if assessment.reply in ("concern", "step_down") or assessment.carried_on:
            self._still_heard(person, conversation_id, text)
        return dataclasses.replace(reply, conversation_id=conversation_id)

    def _still_heard(self, person: str, conversation_id: int, text: str) -> None:
        """What a person said in a turn a gentle check answered is still heard: a wish to be listened to, a
        decline, facts and topics are kept, so the talk after the check goes on from them. (Before, "can you just
        listen for a bit? I don't want tips", met with a check-in, was followed by an article and "What worries
        you most about your health?".) After the help is saved; a failure here costs one turn of memory."""
        try:
            state = self._dialogue(person, conversation_id)
            understanding = self._understand(limits.bounded(text).text, state)
            self._store_dialogue(person, conversation_id, dialogue.advance(state, understanding, (), None))
        except Exception:
            log.exception("could not keep what was said in a safety turn")

    def _mixed_into_english(self, person: str, conversation_id: int, text: str) -> bool:
        """Whether a message read as another language is part of a talk in English: the person wrote in English
        earlier in this conversation, and this message carries English words of its own or is a thanks or a
        goodbye. Why: "my jefe wants the whole report by mañana y yo todavía no tengo los números" and "vale,
        gracias de verdad 💛" after turns in English were met with "Haven works in English" and help lines; the
        person mixing languages was understood fine the turn before. (Triage has read the whole message already.)"""
        from haven.safety.languages import detect_language

        norm = normalise(text)
        english = len(set(re.findall(r"[a-z']+", norm)) & _ENGLISH_WORDS) >= 2
        if not (english or I.thanks_given(norm) or I.GOODBYE.search(norm)):
            return False
        try:
            earlier = [t.text for t in store.load_turns(self.db, person, conversation_id) if t.role == "user"]
            return any(detect_language(said) == "en" for said in earlier[-3:])
        except Exception:  # a fault here only costs the note that Haven works in English
            log.exception("could not read the conversation's language")
            return False

    def _other_language_reply(self, person: str, text: str, conversation_id: int, verdict) -> Reply:
        """A message in a language Haven cannot read well: say so kindly, never "outside what I can help with"."""
        from haven.safety.response import concern_response

        words = concern_response(self.settings().region, None, "self", language=verdict.language).as_markdown()
        store.save_turn(self.db, person, conversation_id, "user", text, level=verdict.level)
        store.save_turn(
            self.db, person, conversation_id, "assistant", words, level=verdict.level, engine_name="safety"
        )
        return Reply(text=words, level=verdict.level, engine="safety", conversation_id=conversation_id)

    def _safety_plan(self, person: str) -> list[str] | None:
        try:
            from haven.exercises import latest_safety_plan
        except ImportError:  # the exercises package is optional for the chat
            return None
        try:
            return latest_safety_plan(self.db, person)
        except Exception:  # a damaged plan must never block the crisis response
            log.exception("could not read the safety plan")
            return None

    def _understand(self, text: str, state: dialogue.DialogueState | None = None) -> Understanding:
        try:
            return self.understander.read(text, state)
        except Exception:  # e.g. the embedding model is missing: answer from the lexicon alone
            log.exception("understanding failed; using the lexicon only")
            return Understander(self.library, use_embeddings=False).read(text, state)

    # --- what the conversation remembers (haven.chat.dialogue) ------------------------------------------

    def _dialogue(self, person: str, conversation_id: int) -> dialogue.DialogueState:
        """The conversation's dialogue state; for one that has none yet, Haven's last question (the recap's)
        is the pending one. After a safety reply nothing of the guide's is pending (safety asked last), and an
        exercise running in the chat is over: it does not pick up again after a crisis."""
        try:
            stored = store.load_state(self.db, person, conversation_id)
            last = next((t for t in reversed(self.turns(person, conversation_id)) if t.role == "assistant"), None)
        except Exception:  # a state that cannot be read costs the guide its memory, not the person their answer
            log.exception("could not read the dialogue state; answering this turn without it")
            return dialogue.DialogueState()
        state = dialogue.load(stored)
        if last is not None and last.engine == "safety":  # and an exercise in the chat ended with it
            return dataclasses.replace(state, pending=None, run=None)
        if dialogue.KEY not in stored and last is not None and last.text.rstrip().endswith("?"):
            question = dialogue.pending_for(last.text, (), Understanding("answer"), state)
            return dataclasses.replace(state, pending=question)
        return state

    def _save_dialogue(
        self, person: str, conversation_id: int, state, understanding: Understanding, reply: Reply, exercise=None
    ) -> None:
        """The state after this turn, beside the safety layer's (its ``risk`` key is read fresh and kept).

        An in-chat exercise sets its own run and question; any other reply ends one (its run stays saved)."""
        cited = tuple(c.doc_id for c in reply.citations if c.doc_id in self.library.exercises)
        pending = dialogue.pending_for(reply.text, reply.suggested_exercises, understanding, state, cited)
        if exercise is not None and exercise.pending is not False:
            pending = exercise.pending
        after = dialogue.advance(state, understanding, reply.suggested_exercises, pending)
        seen = (*after.seen_runs, exercise.run["run"]) if exercise and exercise.run else after.seen_runs
        after = dataclasses.replace(
            after, run=exercise.run if exercise else None, seen_runs=tuple(dict.fromkeys(seen))
        )
        try:
            self._store_dialogue(person, conversation_id, after)
        except Exception:  # the reply is saved already; losing one turn of memory must not lose it
            log.exception("could not save the dialogue state")

    def _store_dialogue(self, person: str, conversation_id: int, after: dialogue.DialogueState) -> None:
        """The dialogue state saved beside the safety layer's (its ``risk`` key is read fresh and kept)."""
        stored = store.load_state(self.db, person, conversation_id)
        store.save_state(self.db, person, conversation_id, dialogue.store_into(stored, after))

    # --- exercises inside the chat, and ones finished on the Exercises page -----------------------------

    def _exercise_turn(self, person: str, state, understanding: Understanding, text: str, verdict):
        """This turn's step of an exercise run inside the chat, or None when the guide answers as usual.

        Starts one when the person asks for (or accepts) an exercise that fits a chat; while one runs, saves the
        answer and gives the next step; "stop" ends it. Any other kind of message ends it too (what was
        written stays saved) and is answered as usual."""
        from haven.chat import inchat

        runner = inchat.InChat(self.db, person, self.library, verdict)
        run, u = state.run, understanding
        try:
            if inchat.running(run):
                if u.intent == "answer" and u.mode == "exercise":
                    return self._exercise_step(runner, run, text)
                if u.intent == "tried" and run["step"] > 0:  # "I did it, I feel calmer": ended, with how it went
                    return self._exercise_ended(runner, run, text, u.outcome)
                runner.stop(run)
                if u.intent == "decline":
                    return self._exercise_stopped(run, text)
                return None
            if run is not None:  # the run is over and Haven asked whether it helped
                if u.intent == "tried" and u.outcome:
                    runner.rate_helpful(run, u.outcome == "helped")
                return None
            exercise_id = self._in_chat_exercise(u, state, text)
            if exercise_id is not None:
                return self._exercise_start(runner, exercise_id, text)
        except Exception:  # a run that cannot be saved costs the exercise in the chat, not the reply
            log.exception("could not run the exercise in the chat")
        return None

    def _in_chat_exercise(self, u: Understanding, state, text: str) -> str | None:
        """The exercise to start in the chat: asked for by name or accepted when offered, one that fits a chat."""
        from haven.chat import inchat

        if u.options or I.FOR_LATER.search(normalise(text)):
            # "ok will try that tomorrow", to three ways to stop panic on the Tube, started grounding there and
            # then (seen trying the app, round 43): a time said is a plan for then, which the guide answers
            return None
        if u.intent == "exercise_request":
            wanted = u.named_exercise or u.exercise
        elif u.intent == "accept":
            wanted = u.exercise or next(iter(state.offered), None)
        else:
            return None
        return wanted if inchat.fits(wanted, self.library) else None

    def _exercise_start(self, runner, exercise_id: str, text: str):
        from haven.chat import inchat, passages
        from haven.chat import phrases as P
        from haven.chat.phrasing import Phraser
        from haven.chat.types import Citation

        ex = self.library.exercises[exercise_id]
        out = runner.start(exercise_id)
        steps = Citation.of(1, passages.section(self.library, ex.id, "How to do it"))
        opening = Phraser(text).pick("in-chat", P.IN_CHAT_OPEN, name=inchat.name(ex, 1))
        draft = Draft(text=f"{opening}\n\n{out.say}", citations=(steps,), suggested_exercises=(ex.id,))
        return inchat.Turn(draft, out.run, None)

    def _exercise_step(self, runner, run: dict, text: str):
        from haven.chat import inchat
        from haven.chat import phrases as P
        from haven.chat.phrasing import Phraser

        out = runner.answer(run, text)
        if inchat.running(out.run):
            return inchat.Turn(Draft(text=out.say), out.run, None)
        phraser = Phraser(text)
        if run["exercise"] in P.IN_CHAT_LATER:
            said, question = P.IN_CHAT_LATER[run["exercise"]]
        else:
            done = phraser.pick("in-chat-done", P.IN_CHAT_DONE)
            helped = inchat.helped_said(text)  # "4, I feel calmer": how it went, said with the last answer
            if helped is not None:
                runner.rate_helpful(out.run, helped)
                verdict = P.IN_CHAT_GLAD if helped else P.IN_CHAT_SORRY
                said = " ".join(p for p in (done, out.change, P.IN_CHAT_SAVED, verdict) if p)
                question = phraser.pick("in-chat-ended-q", P.IN_CHAT_ENDED_QUESTION)
                return inchat.Turn(Draft(text=f"{said}\n\n{question}"), out.run, False)
            said = " ".join(p for p in (done, out.change, P.IN_CHAT_SAVED) if p)
            question = P.IN_CHAT_DONE_QUESTION
        pending = dialogue.Pending("check_in", question, "helped", None, run["exercise"])
        return inchat.Turn(Draft(text=f"{said}\n\n{question}"), out.run, pending)

    def _exercise_ended(self, runner, run: dict, text: str, outcome: str | None):
        """Part-way through, the person ended it saying how it went: finished, their verdict kept with the run,
        and a kind close; asked whether it helped only when they did not say."""
        from haven.chat import inchat
        from haven.chat import phrases as P
        from haven.chat.phrasing import Phraser

        helped = {"helped": True, "not_helped": False}.get(outcome or "")
        out = runner.end_early(run, helped)
        phraser = Phraser(text)
        saved = P.IN_CHAT_STOPPED_SAVED if run["exercise"] in inchat.RESUME_AT else P.IN_CHAT_SAVED
        if helped is None:
            said = " ".join(
                p for p in (phraser.pick("in-chat-ended", P.IN_CHAT_ENDED_DONE), out.change, saved) if p
            )
            question = P.IN_CHAT_DONE_QUESTION
            pending = dialogue.Pending("check_in", question, "helped", None, run["exercise"])
            return inchat.Turn(Draft(text=f"{said}\n\n{question}"), out.run, pending)
        if helped:
            said = phraser.pick("in-chat-ended", P.IN_CHAT_ENDED_HELPED)
            question = phraser.pick("in-chat-ended-q", P.IN_CHAT_ENDED_QUESTION)
        else:
            said = phraser.pick("in-chat-ended-not", P.IN_CHAT_ENDED_NOT)
            question = phraser.pick("in-chat-stop-q", P.IN_CHAT_STOPPED_QUESTION)
        said = " ".join(p for p in (said, out.change, saved) if p)
        return inchat.Turn(Draft(text=f"{said}\n\n{question}"), out.run, False)

    def _exercise_stopped(self, run: dict, text: str):
        from haven.chat import inchat
        from haven.chat import phrases as P
        from haven.chat.phrasing import Phraser

        phraser = Phraser(text)
        saved = P.IN_CHAT_STOPPED_SAVED if run["step"] > 0 else ""
        said = " ".join(p for p in (phraser.pick("in-chat-stop", P.IN_CHAT_STOPPED), saved) if p)
        question = phraser.pick("in-chat-stop-q", P.IN_CHAT_STOPPED_QUESTION)
        return inchat.Turn(Draft(text=f"{said} {question}"), None, False)

    def _exercise_news(self, person: str, conversation_id: int, state):
        """Exercises finished on the Exercises page since the conversation began and not yet spoken about:
        the words that open the next reply, and the state that remembers them (done, helped or not)."""
        from haven.chat import outcomes

        try:
            start = store.started_at(self.db, person, conversation_id)
            found = outcomes.since(self.db, person, start, state.seen_runs, self.library)
        except Exception:  # the exercises cannot be read: the chat goes on without their news
            log.exception("could not read finished exercise runs")
            return "", state
        if not found:
            return "", state
        run = state.run
        if run is not None and any(f.exercise_id == run["exercise"] for f in found):
            from haven.chat import inchat  # done on the page instead: the chat's own run of it ends

            if inchat.running(run):
                inchat.InChat(self.db, person, self.library).stop(run)
            run = None
        done = dict(state.done)
        for f in found:
            done[f.exercise_id] = f.helped
        pending = state.pending
        if all(f.helped is None for f in found):
            pending = dialogue.Pending("check_in", outcomes.P.RESULT_ASK, "helped", None, found[-1].exercise_id)
        state = dataclasses.replace(
            state, done=done, pending=pending, run=run, seen_runs=(*state.seen_runs, *(f.run_id for f in found))
        )
        return outcomes.told(found), state

    def note_exercises(self, person: str, conversation_id: int) -> str | None:
        """For a page coming back from the Exercises page: say now what was done there (saved as Haven's turn),
        instead of waiting for the person's next message. Returns the words, or None if there was nothing."""
        try:
            state = self._dialogue(person, conversation_id)
            news, after = self._exercise_news(person, conversation_id, state)
            if not news:
                return None
            question = "" if news.rstrip().endswith("?") else " How are you feeling now?"
            store.save_turn(self.db, person, conversation_id, "assistant", news + question, engine_name="memory")
            stored = store.load_state(self.db, person, conversation_id)
            store.save_state(self.db, person, conversation_id, dialogue.store_into(stored, after))
        except Exception:  # drawing the conversation must not fail on it; the next reply says it instead
            log.exception("could not tell back the finished exercises")
            return None
        return news + question

    def _with_region_said(self, person: str, conversation_id: int | None, text: str, settings):
        """The settings with the region of the place the person says they are in, when no region was ever chosen:
        the Irish retiree who skipped the first page's question gets Ireland's lines, not the default's. Nothing that
        fails here may cost the reply (the safety reply included): the settings as they were, then."""
        from haven.config import region_chosen
        from haven.safety.where_they_are import region_said

        try:
            if region_chosen(settings):
                return settings
            earlier = []
            if conversation_id is not None:
                earlier = [t.text for t in store.load_turns(self.db, person, conversation_id) if t.role == "user"]
            code = region_said([*earlier, text])
        except Exception:  # noqa: BLE001 - the lines of the region as set are still right to give
            log.exception("reading where the person is failed")
            return settings
        return settings.model_copy(update={"region": code}) if code else settings

    def _history(self, person: str, conversation_id: int) -> tuple:
        turns = store.load_turns(self.db, person, conversation_id)[:-1]  # the last one is this message
        return tuple(t.as_history() for t in turns[-HISTORY_TURNS:])

    def _search(self, text: str, preferences: dict[str, float], k: int = SEARCH_K) -> Sequence[Hit]:
        try:
            hits = self.searcher.search(text, k=k)
        except Exception:  # a broken index should not cost the person their answer
            log.exception("library search failed")
            return []
        return memory.rank_for_person(hits, preferences)

    def _help_lines(self, region: str) -> list[str]:
        """The region's help lines as one line each ("988 Suicide & Crisis Lifeline: call 988, text 988")."""
        from haven.safety import crisis_response

        response = crisis_response(region)
        return [f"{line.name}: {', '.join(line.how_to_reach)}" for line in response.helplines]

    def _model_engine(self, settings: Settings) -> LLMEngine | None:
        try:
            spec = EngineSpec.parse(settings.llm)
        except ValueError:
            log.warning("unknown chat engine %r; using the guide", settings.llm)
            return None
        if spec.provider == "guide":
            return None
        url = server_url(spec, settings.llm_base_url)
        key = (str(spec), url, float(settings.llm_timeout))
        if key not in self._models:
            model = self.model_factory(spec, url, float(settings.llm_timeout))
            self._models[key] = LLMEngine(model, name=str(spec), server=url, deadline=float(settings.llm_timeout))
        return self._models[key]


#: How a region is named in the library's "finding help" passages.
_REGION_WORDS = {
    "GB": "UK",
    "UK": "UK",
    "IE": "Ireland",
    "US": "US",
    "CA": "Canada",
    "AU": "Australia",
    "NZ": "New Zealand",
}


#: Intents whose words alone say little about what to look up ("yes", "no one", "what could I try?").
_LEANS_ON_TOPIC = ("answer", "accept", "exercise_request", "tried", "acknowledgement", "decline", "venting")


#: A question about "this" or "it", the thing the conversation is about ("why does this keep happening?", "will it
#: ever go away?"): its words alone name nothing to look up.
_ASKS_ABOUT_THIS = re.compile(
    r"\b(why|how come|will|does|do|is|can|could|what)\b.{0,20}\b(this|it|that)\b (keep|keeps|always|still|ever|happen|"
    r"happens|happening|go|goes|get|gets|come|comes|mean|means|last|lasts|stop|start|starts)\b"
)


def _search_query(
    text: str, understanding: Understanding, region: str, state=None, before: str | None = None, earlier=()
) -> str:
    """What to look up: the message itself; for "a real person", how to find one where the person lives; for
    "is that normal?" alone, what the person said just before; for "what can I do about the checking?", the message
    with the earlier one that told of the checking; for an answer or a "what could I try?" with no topic of its own,
    the message with the conversation's topics."""
    if understanding.intent == "human":
        where = _REGION_WORDS.get(region.upper())  # a country the library says nothing of: its general advice
        return f"{text}. How to find a therapist or counsellor {f'in the {where}' if where else 'near you'}"
    told = threads.told_before(text, earlier) if understanding.intent in ("exercise_request", "question") else None
    if told and not understanding.topics:
        # "what can i do about the checking?" after "i keep checking her instagram": the checking of an ex's
        # instagram (urge surfing, the break-up article), not low mood in general (it got three unrelated exercises)
        return f"{text.strip()} {told.strip()}"
    if before and understanding.intent == "question" and _BARE_IS_NORMAL.match(normalise(text)):
        # "is that normal?" after "I want to say something but I freeze": the freezing, not the conversation's
        # topic in general (which found a passage on caring jobs); with the message before it too, when there is one
        # ("i cry most days ..." then "my partner helps but he's back at work now": the crying, not the job)
        told = " ".join(said.strip().rstrip(".") + "." for said in list(earlier)[-2:]) if earlier else before.strip()
        return f"{told} Is that normal?"
    # "why does this keep happening on the metro specifically?", after a panic attack there: this is the panic;
    # "Is it daft that I still put her bowl down of a morning?", after the dog died: the grief
    if state is not None and state.topics and I.AGAIN.search(normalise(text)) and understanding.themes:
        # "what if it happens again" after a panic attack: looked up as the panic coming back (the fear of the next
        # one), not as worry in general
        return f"{text.strip()} ({', '.join(understanding.themes[:2])})"
    asks_within = understanding.intent == "question" and (
        # "maybe. what would the first step be?" about a tax return put off: the first step of that
        _ASKS_ABOUT_THIS.search(text.lower()) or I.IS_NORMAL.search(normalise(text)) or I.FIRST_STEP.search(normalise(text))
    )
    # "what does wind down routine mean exactly, like what do I actually do" in a talk about sleep on nights: the
    # sleep's wind-down (the search alone found muscle relaxation and low mood's "small steps")
    asks_what_to_do = understanding.intent == "question" and I.WHAT_TO_DO_OR_MEANS.search(normalise(text))
    leans = understanding.intent in _LEANS_ON_TOPIC or asks_within or asks_what_to_do
    if state is not None and state.topics and not understanding.topics and leans:
        return f"{text.strip()} ({', '.join(state.topics[-3:])})"
    themes_so_far = _conversation_themes(state) if understanding.intent == "feeling" else []
    if themes_so_far and understanding.feelings and not understanding.themes:
        # "honestly I'm exhausted" in a talk about caring for a parent: the exhaustion of caring, not of bad sleep
        return f"{text.strip()} ({', '.join(themes_so_far)})"
    return text.strip()  # the same string understanding embedded, so the embedding cache serves both


#: "is that normal?", "is this common though?": the question with nothing of its own to look up.
_BARE_IS_NORMAL = re.compile(
    r"^((and|but|so|ok|okay|hmm|um|is it|honestly)\W+)*(is|it|is it|is this|is that|thats|that)( really| even| actually)? "
    r"(normal|common|usual|a normal thing|a thing)( though| tho| then| at all)?\W*$"
)


def _only_a_hello(text: str) -> bool:
    """A hello and nothing else, in whatever language ("Wah gwaan", "kia ora", "hola"): met as a hello, not with the
    note that Haven works in English and a question about safety (a Jamaican "Wah gwaan" got both, chat_heldout45)."""
    norm = normalise(text)
    return bool(I.GREETING.match(norm)) and len(norm.split()) <= 3


def _earlier_said(history, last: int = 4) -> list[str]:
    """The person's last few messages before this one, oldest first."""
    return [turn.text for turn in history if turn.role == "user"][-last:]


def _last_said(history) -> str | None:
    """The person's message before this one, if any."""
    said = _earlier_said(history, last=1)
    return said[-1] if said else None


def _conversation_themes(state) -> list[str]:
    """What the conversation is about, in words: its first theme (the subject the person opened with, "caring
    for someone") and its latest one, if another."""
    names = {t.name for t in THEMES}
    themes = [t for t in (state.topics if state is not None else ()) if t in names]
    if state is not None and state.focus and len(themes) > 1:  # the welcome's focus was chosen, not said here
        themes = [t for t in themes if t != state.focus]
    return [THEME_NOUNS.get(t, t).removeprefix("your ") for t in dict.fromkeys(themes[:1] + themes[-1:])]


@lru_cache(maxsize=1)
def _process_chat_service() -> ChatService:
    from haven.content.loader import load_default_library
    from haven.retrieval import search
    from haven.retrieval.deferred import DeferredSearch
    from haven.reviews import ReviewedReplies
    from haven.storage.db import get_engine

    searcher = DeferredSearch(lambda: search.get_library_search())  # an unreadable index costs citations only
    return ChatService(searcher, load_default_library(), get_engine(), reviewed=ReviewedReplies.load())


def get_chat_service() -> ChatService:
    """The process-wide service for the CLI and notebooks (the app wraps its own in st.cache_resource).

    Rebuilt when its database engine was closed (an unlock or a re-key), which would otherwise reconnect
    with the old key.
    """
    from haven.storage.db import is_open

    service = _process_chat_service()
    if not is_open(service.db):
        _process_chat_service.cache_clear()
        service = _process_chat_service()
    return service


get_chat_service.cache_clear = _process_chat_service.cache_clear  # type: ignore[attr-defined]
