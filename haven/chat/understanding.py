"""Recognise what a message is and what the person is feeling: a lexicon, plus meaning via embeddings.

People say how they feel in their own words ("my chest is tight and I can't stop checking my phone"), so a
word list alone misses a lot; an embedding alone mixes up near neighbours. A lexicon hit is trusted first,
and similarity to a few exemplar sentences per feeling catches the rest. Only the message is embedded here;
nothing leaves the machine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from haven.chat.types import Understanding
from haven.content.loader import Library

INTENTS = (
    "greeting",  # "hi"
    "thanks",  # "thank you, that helped"
    "goodbye",  # "bye for now"
    "capabilities",  # "what can you do?"
    "human",  # "I want to talk to a real person"
    "exercise_request",  # "can we do box breathing?"
    "question",  # "what is CBT?"
    "acknowledgement",  # "ok", "yes", "I don't know"
    "feeling",  # "I'm so anxious about tomorrow"
    "offtopic",  # "who won the match last night?"
)


@dataclass(frozen=True)
class Feeling:
    """A feeling Haven can name back: the words that show it and sentences that mean it."""

    name: str
    words: str  # a regex over the lower-cased message
    exemplars: tuple[str, ...]


FEELINGS: tuple[Feeling, ...] = (
    Feeling(
        "anxious",
        r"anxi|nervous|worr(y|ied|ying)|panic|scared|afraid|on edge|uneasy|jittery|dread|freak(ing|ed)? out|"
        r"heart (is )?(racing|pounding)|terrified|fear",
        (
            "I feel anxious and on edge",
            "I'm so worried something bad will happen",
            "my heart is racing and I'm scared",
        ),
    ),
    Feeling(
        "low",
        r"\b(sad|down|low|depress\w*|hopeless|miserable|blue|unhappy|tearful|crying|cried|gloomy)\b|"
        r"nothing (matters|is fun)|(what'?s|what is) the point|no motivation|can'?t get out of bed|lost interest",
        ("I feel so sad and down", "everything feels pointless and grey", "I can't enjoy anything anymore"),
    ),
    Feeling(
        "angry",
        r"\b(angry|anger|furious|rage|irritat\w*|annoyed|fuming|livid|pissed off|snapp?(ed|ing)|mad at)\b|"
        r"lost my temper|losing my temper",
        ("I'm so angry I could scream", "everything is irritating me today", "I snapped at my partner again"),
    ),
    Feeling(
        "frustrated",
        r"frustrat\w*|fed up|sick of|nothing works|getting nowhere",
        ("I'm so fed up with this", "I keep trying and getting nowhere"),
    ),
    Feeling(
        "lonely",
        r"lonel\w*|\balone\b|isolated|no friends|no one to talk|nobody to talk|left out|no one (cares|understands)",
        ("I feel so lonely", "I have no one to talk to", "everyone else has friends except me"),
    ),
    Feeling(
        "stressed",
        r"stress\w*|under pressure|pressure|deadlines?|swamped|too much on|burn(t|ed)? ?out|burnout",
        ("I'm so stressed with work", "there's too much on my plate", "the pressure is getting to me"),
    ),
    Feeling(
        "overwhelmed",
        r"overwhelm\w*|too much|can'?t cope|can'?t keep up|drowning|can'?t handle",
        ("everything is too much right now", "I can't cope with all of this", "I'm drowning in it all"),
    ),
    Feeling(
        "ashamed",
        r"asham\w*|shame|embarrass\w*|humiliat\w*|hate myself|disgusted with myself|such an idiot|so stupid",
        ("I'm so ashamed of myself", "I made a fool of myself and want to hide", "I hate myself for it"),
    ),
    Feeling(
        "guilty",
        r"guilt\w*|my fault|blame myself|feel bad about (what|how) i|shouldn'?t have",
        ("I feel guilty about what I did", "it's all my fault", "I keep blaming myself"),
    ),
    Feeling(
        "numb",
        r"\bnumb\b|feel nothing|empty inside|\bempty\b|detached|can'?t feel anything|on autopilot",
        ("I feel numb", "I don't feel anything anymore", "I feel empty and switched off"),
    ),
    Feeling(
        "tired",
        r"exhausted|tired|drained|worn out|no energy|knackered|fatigue",
        ("I'm exhausted all the time", "I have no energy left", "I'm completely drained"),
    ),
    Feeling(
        "grieving",
        r"grie(f|ving)|passed away|\bdied\b|funeral|bereave\w*|miss (him|her|them) so",
        ("my mum died last month", "I'm grieving and I miss her so much"),
    ),
    Feeling(
        "okay",
        r"^(i'?m |i am |feeling |i feel )?(fine|ok|okay|alright|all right|not bad|good|great|pretty good)"
        r"( thanks| thank you| today| actually)?$",
        ("I'm fine thanks", "I'm doing okay today"),
    ),
    Feeling(
        "hopeful",
        r"hopeful|feeling better|better today|optimistic|looking forward|good (day|week|weekend)|proud of myself|went well",
        ("I'm feeling better today", "things went well and I'm proud of myself", "I feel more hopeful"),
    ),
)


@dataclass(frozen=True)
class Theme:
    """Something the person's life is about right now, named so it can be picked up next time."""

    name: str
    words: str


THEMES: tuple[Theme, ...] = (
    Theme("sleep", r"sleep|insomnia|awake|bed ?time|nightmare|the nights?\b|3 ?am|tossing and turning"),
    Theme("work", r"\bwork|\bjob\b|boss|manager|colleague|office|meeting|shift|career|interview"),
    Theme("study", r"exam|school|college|universit|\buni\b|study|studying|homework|essay|coursework|teacher"),
    Theme(
        "relationships", r"partner|boyfriend|girlfriend|husband|wife|relationship|break ?up|broke up|dating|\bex\b"
    ),
    Theme(
        "family",
        r"\bmum\b|\bmom\b|\bdad\b|mother|father|parent|sister|brother|family|kids?\b|children|\bsons?\b|daughter",
    ),
    Theme("friends", r"friend|mates?\b|social|party|people think"),
    Theme("money", r"money|debt|rent|bills?\b|afford|financ|mortgage|pay ?check|salary"),
    Theme("health", r"health|\bill\b|illness|doctor|symptom|pain|diagnos|headache|hospital"),
    Theme("panic", r"panic|heart (is )?(racing|pounding)|can'?t breathe|short of breath|chest (is )?tight"),
    Theme(
        "self-criticism",
        r"useless|failure|not good enough|worthless|hate myself|so stupid|idiot|mess(ed)? (it )?up",
    ),
    Theme("worry", r"what if|overthink|can'?t stop thinking|keep thinking|ruminat|worst"),
)

_NEGATION = re.compile(r"\b(not|never|no longer|isn'?t|aren'?t|don'?t|doesn'?t|wasn'?t|n't)\s+(\w+\s+)?$")

_GREETING = re.compile(
    r"^(how are you|how r u|hi|hello|hey|hiya|heya|howdy|yo|good (morning|afternoon|evening)|morning|evening)\b"
)
_THANKS = re.compile(r"\b(thanks|thank you|thank u|cheers|ta|that helped|that was helpful|appreciate it)\b")
_GOODBYE = re.compile(
    r"^(bye|goodbye|good ?night|see you|see ya|talk later|that'?s all|i'?ve got to go|gotta go)\b"
)
_CAPABILITIES = re.compile(
    r"what (can|do) you do|how (can|do) you help|what are you|who are you|how does (this|haven) work|"
    r"what is haven|what'?s haven|what can i do here|how do i use|^help\W*$|what do you offer"
)
_HUMAN = re.compile(
    r"real (person|human|people)|actual (person|human)|human being|"
    r"(talk|speak|chat) (to|with) (a |an |some )?(real |actual )?(person|human|someone|somebody|professional|"
    r"therapist|counsel+or|psychologist|doctor)|"
    r"(find|get|see|need|want|looking for) (a |an |some )?(therapist|counsel+or|psychologist|psychiatrist|"
    r"professional help|therapy)"
)
_REQUEST = re.compile(
    r"\b(can|could|shall) (we|i|you) (do|try|start|begin|practi[cs]e)|\blet'?s (do|try|start)|"
    r"\b(i'?d|i would|i want|i wanna) (like )?to (do|try|start)|\b(start|begin|open|guide me through|"
    r"walk me through|take me through|show me how to do)\b|\btry (the |a )?"
)
_QUESTION = re.compile(
    r"^(what|whats|what'?s|how|why|when|where|who|which|is|are|does|do|can|could|should|will|would|tell me)\b|\?\s*$"
)
_ACKNOWLEDGE = re.compile(
    r"^(ok|okay|k|sure|yes|yeah|yep|no|nope|maybe|not really|i guess|i don'?t know|idk|hmm+|alright|right|fine)\W*$"
)
_EXPLAIN = re.compile(
    r"\b(what is|what'?s|what are|whats|tell me (about|more)|explain|how does|meaning of|mean by)\b"
)


def normalise(text: str) -> str:
    """Lower case, curly quotes straightened, punctuation other than apostrophes and ? turned to spaces."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"[^\w'?\s]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _matches(pattern: str, text: str) -> bool:
    """A lexicon hit that is not negated just before it ("I'm not anxious" is not anxious)."""
    for match in re.finditer(pattern, text):
        if not _NEGATION.search(text[: match.start()]):
            return True
    return False


#: Words too common, or too vague alone, to name an exercise by.
_NOT_A_NAME = {
    "what",
    "from",
    "back",
    "step",
    "steps",
    "most",
    "best",
    "small",
    "doing",
    "matters",
    "spot",
    "with",
    "things",
    "connection",
    "behavioral",
    "progressive",
    "expressive",
    "assertive",
    "clarification",
    "communication",
    "activation",
    "distortions",
    "moments",
    "intense",
    "clearly",
    "kindly",
    "thought",
    "thinking",
    "break",
}


def _aliases(library: Library) -> dict[str, str]:
    """Names a person may use for a document: its title, its id, and any two words of an exercise's name
    (or one long word) that no other exercise's name has: "grounding", "muscle relaxation", "worry time"."""
    names: dict[str, str] = {}
    for doc in library.documents():
        for name in (doc.title, doc.id.replace("-", " ")):
            alias = re.sub(r"^(the|a|an) ", "", normalise(name))
            if len(alias) >= 4:
                names.setdefault(alias, doc.id)
    owners: dict[str, set[str]] = {}
    for ex in library.exercises.values():
        for name in (ex.title, ex.id.replace("-", " ")):
            words = [w for w in normalise(name).split() if w.isalpha()]
            pairs = [words[i : i + 2] for i in range(len(words) - 1)]
            parts = [" ".join(p) for p in pairs if all(len(w) >= 4 and w not in _NOT_A_NAME for w in p)]
            parts += [w for w in words if len(w) >= 9 and w not in _NOT_A_NAME]
            for part in parts:
                owners.setdefault(part, set()).add(ex.id)
    for part, ids in owners.items():
        if len(ids) == 1:
            names.setdefault(part, next(iter(ids)))
    return names


class Understander:
    """Reads one message. Built once per process: it embeds the exemplars and the library's documents."""

    #: cosine similarity above which an exemplar is taken to mean the same feeling
    feeling_threshold = 0.62
    #: below this similarity to every library document (and no feeling or theme), a message is off topic
    topic_threshold = 0.28
    feeling_topic_threshold = 0.42

    def __init__(self, library: Library, use_embeddings: bool = True) -> None:
        self.library = library
        self.use_embeddings = use_embeddings
        self._aliases = sorted(_aliases(library).items(), key=lambda kv: -len(kv[0]))

    @cached_property
    def _exemplars(self) -> tuple[np.ndarray, list[str]]:
        from haven.retrieval.embeddings import embed

        texts, owners = [], []
        for feeling in FEELINGS:
            texts += list(feeling.exemplars)
            owners += [feeling.name] * len(feeling.exemplars)
        return embed(texts), owners

    @cached_property
    def _documents(self) -> np.ndarray:
        from haven.retrieval.embeddings import embed

        texts = []
        for doc in self.library.documents():
            if hasattr(doc, "when_it_helps"):
                texts.append(f"{doc.title}. {doc.summary} {' '.join(doc.when_it_helps)}")
            else:
                texts.append(f"{doc.title}. {doc.meta.summary} {' '.join(s.heading for s in doc.sections)}")
        return embed(texts) if texts else np.zeros((0, 384), dtype=np.float32)

    def warm_up(self) -> None:
        """Embed the exemplars and documents now rather than on the first message."""
        if self.use_embeddings:
            _ = self._exemplars, self._documents

    def named_document(self, text: str) -> str | None:
        """The id of a library document the message names ("box breathing", "a thought record")."""
        norm = f" {normalise(text).replace('?', ' ')} "
        for alias, doc_id in self._aliases:
            if f" {alias} " in norm:
                return doc_id
        return None

    def read(self, text: str) -> Understanding:
        norm = normalise(text)
        words = norm.replace("?", " ").split()
        feelings = [f.name for f in FEELINGS if _matches(f.words, norm)]
        themes = tuple(t.name for t in THEMES if _matches(t.words, norm))
        named = self.named_document(text)
        vector = self._embed(text.strip()) if self.use_embeddings and len(words) >= 3 else None
        if vector is not None and not feelings:
            feelings += self._feelings_by_meaning(vector)
        feelings_t = tuple(dict.fromkeys(feelings))
        intent = self._intent(norm, words, feelings_t, themes, named, vector)
        is_exercise = named in self.library.exercises if named else False
        return Understanding(
            intent=intent,
            feelings=feelings_t,
            themes=themes,
            named_exercise=named if is_exercise else None,
            named_document=named,
        )

    # --- the parts -------------------------------------------------------------------------------

    def _embed(self, text: str) -> np.ndarray:
        """The message's embedding; cached, so the library search that follows reuses it."""
        from haven.retrieval.embeddings import embed_one

        return embed_one(text)

    def _feelings_by_meaning(self, vector: np.ndarray) -> list[str]:
        matrix, owners = self._exemplars
        sims = matrix @ vector
        best = int(np.argmax(sims))
        return [owners[best]] if float(sims[best]) >= self.feeling_threshold else []

    def _on_topic(self, vector: np.ndarray | None) -> bool:
        if vector is None or not self.use_embeddings:
            return False
        docs = self._documents
        best_doc = float((docs @ vector).max()) if len(docs) else 0.0
        best_feeling = float((self._exemplars[0] @ vector).max())
        return best_doc >= self.topic_threshold or best_feeling >= self.feeling_topic_threshold

    def _intent(self, norm, words, feelings, themes, named, vector) -> str:
        short = len(words) <= 6
        if _HUMAN.search(norm):
            return "human"
        if _CAPABILITIES.search(norm):
            return "capabilities"
        if named and named in self.library.exercises and (_REQUEST.search(norm) or len(words) <= 4):
            if not _EXPLAIN.search(norm):
                return "exercise_request"
        if named and (_EXPLAIN.search(norm) or _QUESTION.search(norm)):
            return "question"
        if _ACKNOWLEDGE.search(norm):
            return "acknowledgement"
        if short and not feelings:
            if _THANKS.search(norm):
                return "thanks"
            if _GOODBYE.search(norm):
                return "goodbye"
            if _GREETING.search(norm):
                return "greeting"
        if feelings or themes:
            return "feeling"
        if _QUESTION.search(norm) and self._on_topic(vector):
            return "question"
        if self._on_topic(vector):
            return "feeling"
        if _THANKS.search(norm):
            return "thanks"
        if _GREETING.search(norm):
            return "greeting"
        return "offtopic"
