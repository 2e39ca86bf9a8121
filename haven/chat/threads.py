"""What a message does in the conversation in play: the thread it follows, read before what it is about.

A person's answer means little without the question it answers. After "What did she say?", "she said I was
selfish" is what was said to them, not a new problem to name a body sensation for; "maybe she's right" is a
doubt about themselves, not a cue for "Who else knows how you've been feeling?". So a message that carries on
the conversation is first read for the move it makes:

  reported   someone's words to the person ("she said I was selfish", "he told me I never make time")
  doubt      the person wonders if the other is right, or blames themselves ("maybe she's right", "maybe
             I'm overreacting", "I suppose I did say some harsh things", "maybe they just don't like me")
  pattern    how often it happens ("he does it every week and never says sorry", "it's happened five times")
  contrast   an answer with a "but" in it ("not really, my partner knows but he's just as stressed")
  ahead      a question about what will happen ("will it happen again tomorrow?", "when does it get easier")
  event      what someone did, told in answer to "What happened?" ("my brother went on holiday like nothing happened")
  told       a yes to it ("ye i guess")
  not_yet    a no to "Have you been able to tell him?" ("no I haven't said anything")
  someone    a no that still names someone ("not really, theres one girl in my art class who is nice")
  alone      a no to "Is there someone you can talk to?" ("not really, my brother lives abroad")
  coped      a hard moment and what the person did with it ("i was so nervous but i kept breathing slowly")
  plan       something the person could or will do ("yeah i could talk to him tonight", "ok i'll go on saturday",
             "volunteering might suit me", "my mum could maybe come over on tuesdays")
  confirm    a bare "yeah it did" after Haven said something helped
  doing      "ok doing it" while steps are being followed

The guide (haven.chat.guide) answers each in kind: the detail said back in the person's own terms, a doubt taken
gently, a question that follows the thread, and no exercise or library lesson. Only plain patterns: a move not
recognised leaves the message to the ordinary reading, which costs a generic reply, never a wrong one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from haven.chat import intents as I

#: People a message may be about ("my best friend", "my manager"), so a reply can name them as the person did.
PEOPLE = (
    r"best friend|boyfriend|girlfriend|partner|husband|wife|ex|mum|mom|mother|dad|father|sister|brother|son|"
    r"daughter|friend|friends|boss|manager|teacher|flatmate|housemate|roommate|landlord|colleague|coworker|"
    r"nan|gran|grandma|grandad|grandpa|aunt|uncle|cousin|baby|kids|family|parents|mates|mate|therapist|doctor"
)
_PERSON = re.compile(rf"\bmy ({PEOPLE})\b")
#: A message that tells what is going on with someone ("my parents keep going on about it"), so "What has been
#: happening at home?" would ask for what was just said.
_TELLS = re.compile(
    rf"\b(my ({PEOPLE})|she|he|they) (\w+ )?(keeps?|always|never|said|says|told|is|are|was|were|went|did|does|"
    r"do|won'?t|wouldn'?t|didn'?t|doesn'?t|don'?t|\w+ed|\w+s)\b|"
    # "my mum and i keep fighting about chores", "we keep arguing", "i keep rowing with my dad" (chat_heldout55,
    # read: asked "What has been happening at home?" just after saying it)
    rf"\b(we|(my ({PEOPLE})|me) and (i|me|my \w+)|i) (just )?(keep|always|constantly|never stop) "
    r"(fighting|arguing|rowing|clashing|falling out|bickering|shouting|yelling|screaming)\b|"
    rf"\b(fight|fights|fighting|fought|argue|argues|arguing|argued|row|rows|rowing|rowed|fell out|falling out|"
    rf"clash\w*|bicker\w*) with (my |her |his |our )?({PEOPLE})\b"
)

_SPEAKER = r"(she|he|they|my (?:" + PEOPLE + r")|(?:the |my )?(?:doctor|nurse|teacher|boss|manager)s?)"
#: "she said I was selfish", "he told me I never make time for him", "she called me lazy".
REPORTED = re.compile(
    rf"^(?:and |but |well |so |ok |yeah |like )*{_SPEAKER} (?:said|says|told me|tells me|called me|keeps saying|"
    r"kept saying) (?:that )?(?P<words>.+)$"
)
#: Words that make what was said a criticism, not reassurance ("the doctor said I'm fine").
_KIND_WORDS = re.compile(r"\b(fine|okay|ok|proud|great|good|nothing wrong|normal|healthy|love|well done)\b")
#: What was said is a criticism of the person ("I was selfish", "I never make time", "called me lazy"); other
#: reported words ("my husband says I shouldn't listen to her") are said back without "that must sting".
_CRITICAL = re.compile(
    r"\b(selfish|lazy|useless|stupid|idiot|pathetic|dramatic|too \w+|never|always|not enough|fault|rubbish|weak|"
    r"failure|mean|rude|cold|difficult|sensitive|ungrateful|a mess|crazy|annoying|bad (mum|mom|dad|friend|at))\b"
)
#: "no I haven't said anything": a no to a question about telling someone.
NOT_YET = re.compile(
    r"^(no|nope|nah|not really|not yet|i haven'?t|i havent|havent|haven'?t)\b.*|"
    r"\b(haven'?t|havent|have not|didn'?t|never) (said|told|mentioned|talked|spoken|brought)\b"
)
#: Haven asked what happened ("What happened between you most recently?", "What has been happening at home?").
_ASKED_WHAT_HAPPENED = re.compile(r"\bwhat (has been |was )?happen|\bwhat did (she|he|they) (say|do)\b", re.I)
#: An account of what someone else did ("he presented my report as his", "my brother went on holiday").
_OTHERS_DID = re.compile(
    rf"^(and |well |so )?(she|he|they|my ({PEOPLE})|the \w+) (\w+ed|went|said|told|took|left|got|made|"
    r"came|did|kept|forgot|ignored|laughed|shouted|yelled|walked|stopped|started|wouldn'?t|won'?t|"
    r"didn'?t|never|just|is|was|keeps|kept|wants|wanted|has|had)\b"
)
#: The person's own feeling said with it: then the ordinary reading names the feeling.
_FEELING_SAID = re.compile(
    r"\bi (feel|felt|was so|am so|'?m so|cried|hate)\b|\b(i'?m|im) (so |really )?(hurt|upset|angry|sad)\b"
)
_SAID_YES = re.compile(
    r"^(yes|yeah|yep|ye|yh|ya|yup|i have|i did|sort of|kind of|kinda|a bit|a little)\b(?!.*\b(but|not)\b)"
)
#: A question about who is there for the person ("Is there someone in the family you can talk to?"): a no to it
#: is about being alone with it, not about not having told someone yet.
_ASKED_FOR_SUPPORT = re.compile(
    r"^\s*(is there (someone|anyone|somebody)|who (is there|do you|could|can|else)|do you have (someone|anyone))",
    re.I,
)
_NO_ONE = re.compile(r"^(no|nope|nah|not really|not really no|not anyone)\b|\b(no ?one|nobody|not anyone)\b")
#: "not really, theres one girl in my art class who is nice": a no that still names someone.
_SOMEONE = re.compile(
    r"\b(there'?s|theres|there is|except|apart from|other than|one (girl|boy|guy|person|friend|mate|"
    r"woman|man|lady|colleague|neighbour))\b"
)
#: "...one girl in my art class who is nice": someone kind named, whatever Haven asked.
_KIND_ONE = re.compile(
    r"\b(who is|who'?s|whos|that is|that'?s) (really |quite |pretty )?(nice|kind|friendly|lovely|ok|okay|alright)\b"
)
_ASKED_TO_TELL = re.compile(
    # not "What would you like to talk about?", which asks for a topic ("no rain on the place for 8 months" is one)
    r"\b(tell|told|talk(?! about)|talked(?! about)|say|said|spoken|speak(?! about)|bring it up|raise|mention|respond|react)\b",
    re.I
)

#: Haven's question asked for a step ("What would help you keep it going?", "What could you start with this
#: week?"), so a bare amount in reply is the person's plan.
_ASKED_FOR_A_STEP = re.compile(
    r"\b(keep (it|this|that) going|first step|next step|start with|could you (try|do|use)|use what worked|"
    r"help you (follow through|stick)|plan|make .{0,30}\beasier|what (would|might|could) help|small step)\b",
    re.I,
)
#: A plan as an amount in a time ("ok bet, 2 past papers a week", "one walk a day"), said as the whole message or
#: after a word of assent; read as a plan only when Haven asked for a step ("3 panic attacks a week" said of
#: something else is a report).
_AMOUNT_PLAN = re.compile(
    r"^(?:(?:ok|okay|bet|right|so|yeah|yes|yep|then|maybe|sure|deal|sounds good)\b[ ,]*)*"
    r"(?P<step>(?:\d+|one|two|three|four|five|six|seven|a couple of|a few) (?:[a-z']+ ){0,3}?[a-z']+ "
    r"(?:a|per|each|every) (?:day|night|week|weekend|morning|evening))\b"
)
_NUMBER_WORDS = {"1": "one", "2": "two", "3": "three", "4": "four", "5": "five", "6": "six", "7": "seven"}

#: "maybe she's right", "he might have a point", "I guess she could be right".
OTHER_RIGHT = re.compile(
    r"\b(she|he|they|my \w+( \w+)?)( is| are|'s|s|'re| might be| could be| may be| was| were) "
    r"(probably |actually |kind of |kinda |totally |just )?right\b|"
    r"\b(might|may|could) (be right|have a point)\b|\b(has|have|had|got) a point\b|\b(she'?s|he'?s|they'?re) not wrong\b"
)
#: Blame put on the person by others ("they still act like it's my fault", "she makes out it's all my fault",
#: "they blame me"): unfair blame, not the person's own guilt or a doubt about their part in it.
BLAMED_BY_OTHERS = re.compile(
    r"\b(act|acts|acting|acted|treat\w*|make out|makes out|making out|made out|say|says|said|saying|think|thinks|"
    r"thought|like|as if|as though|blame|blames|blamed|blaming|tell me|telling me|told me)( me)?( like| that)? "
    r"(it'?s|its|it is|it was|everything is|everything'?s|this is) (all )?(my|me) (fault|own fault)\b|"
    r"\b(they|she|he|everyone|people|my \w+) (\w+ )?(blames?|blamed|blaming) me\b"
)
#: "maybe I'm overreacting", "maybe it's my fault", "maybe im the idiot for lending it", "I know that's not fair
#: of me", "I suppose I did say some harsh things".
SELF_BLAME = re.compile(
    r"\b(maybe|perhaps|probably|i guess|i suppose|i think|i know|honestly)\b.*\b("
    r"i'?m|im|i am) (just |being |the )?(overreacting|over reacting|too sensitive|sensitive|the problem|"
    r"the idiot|an idiot|stupid|selfish|the one|dramatic|too much|unreasonable|in the wrong)\b|"
    r"\b(it'?s|its|it is|it was) (all )?(my|me) (fault|own fault)\b|\bmy fault\b|\bi'?m to blame\b|"
    r"\b(that'?s|thats|that is|it'?s|its) not fair (of|on) me\b|"
    # "I suppose I do a bit of gardening" (chat_heldout57, read: "It takes honesty to look at your own part in it"):
    # "I do" owns a part only with what was done
    r"\bi (suppose|guess|know) i (did|was|have been|can be|said|should)\b|\bi did say\b|\bi shouldn'?t have\b|"
    r"\bi (suppose|guess|know) i do (over ?react|snap|shout|yell|nag|go on|take it out|push|get (angry|defensive|snappy))"
)
#: "maybe I'm overreacting", "maybe I'm too sensitive": doubting one's own reaction, not owning a part.
MINIMISING = re.compile(
    r"\b(i'?m|im|i am) (just |being |a bit |too )*(overreacting|over reacting|too sensitive|sensitive|dramatic|"
    r"making a big deal|making a fuss|making too much of it)\b|\b(overreacting|making a big deal)\b"
)
#: "maybe they just don't like me": a fear about what others think of the person.
UNLIKED = re.compile(
    r"\b(maybe|probably|i guess|i think|idk|what if)\b.*\b(they|she|he|people|everyone|no ?one|nobody) "
    r"(just )?(don'?t|doesn'?t|do not|does not|never|won'?t)( really)? (like|want|care about|rate) (me|being around me)\b"
)
#: "every week", "never says sorry", "five times now": how often it happens.
PATTERN = re.compile(
    r"\b(every (single )?(day|week|time|night|month|weekend)|all the time|(\w+|\d+) times( now)?|"
    r"again and again|never (says|said|apologi\w*|pays?|pays|listens|helps|asks|does)|always (does|says|takes|"
    r"leaves|forgets|makes)|keeps (doing|taking|saying|leaving|borrowing|eating|ignoring|interrupting))\b"
)
#: One's own tries counted ("died like 200 times to the same boss", "wiped 9 times tonight", "failed my driving test
#: three times"): no one else doing something again and again, so nothing to "tell them" about.
_TRIES_COUNTED = re.compile(
    r"\b(died|die|dying|wiped|respawned|retried|tried|failed|crashed|fell|lost|restarted|rage ?quit)\b(\s\w+){0,3}\s"
    r"(\w+|\d+) times\b"
)
#: A fond memory told ("it made us laugh every single day", "she'd wait by the gate every day"): what happened
#: again and again was loved, not something to put up with; "No wonder it's getting to you" would mistake it.
FOND = re.compile(
    r"\b(laugh\w*|made (us|me) (smile|happy)|lovely|loved|adored|so sweet|funny|hilarious|favourite|used to|"
    r"miss (her|him|them|it))\b"
)
#: "...but I kept breathing slowly", "but it went fine": a "but" that turns to coping, not to more weight.
_COPED = re.compile(
    r"\b(kept|managed|helped|worked|passed|did it|got through|went (fine|well|ok)|was fine|"
    r"better|proud|glad|happy)\b"
)
#: A "but" turning an answer ("my partner knows but he's just as stressed").
CONTRAST = re.compile(r"^(?P<first>.+?),? but (?P<then>.+)$")
#: "will it happen again tomorrow?", "when does it get easier", "will I always feel like this?".
AHEAD = re.compile(
    r"^(but |so |and )?(will|is|does|when does|when will|how long (until|till|before)|am i going to|"
    r"is it going to)\b.*\b(again|happen|get easier|get better|go away|stop|always|ever|last|forever)\b.*"
)
#: "yeah it did", "it really did": confirming what Haven just said.
CONFIRM = re.compile(r"^((yeah|yes|yep|yup|ya|ye|it) )*(it )?(really |definitely |actually )?(did|does|has)\W*$")
#: "ok doing it", "doing it now", "trying it": getting on with the steps.
DOING = re.compile(r"^((ok|okay|k|yeah|yes|alright|right) )*(i'?m |im )?(doing|trying|on) it( now)?\W*$")

#: A step the person could take, in their words: "i could talk to him tonight", "maybe i could check it out",
#: "i'll go on saturday", "i want to drive to see my nan", "i'll try practising in front of my sister".
#: Verbs typed as people type them in a chat ("cc the letting agent", "dm her", "whatsapp the group"): said back
#: as the person said them, since no -ing form of them reads right ("ccing").
AS_TYPED = re.compile(r"cc|bcc|dm|pm|fb|msg|txt|whatsapp|facetime|google|zoom|skype|snap|ping")
PLAN_STEP = re.compile(
    r"\b(?P<modal>i could|i'?ll|i will|i might|i want to|i wanna|i'?m going to|i'?m gonna|i think i'?ll|i plan to|"
    r"maybe i can|i can maybe|maybe i)"
    r" (?:maybe |probably |just |definitely |actually |really )*(?:try (?:to |and )?)?"
    r"(?P<step>(?P<verb>cc|bcc|dm|pm|msg|txt|whatsapp|facetime|ping|try(?! to\b| and\b)|talk|speak|tell|ask|text|call|ring|phone|email|message|go|check|visit|join|sign|book|see|"
    r"meet|invite|write|practi[cs]e|practi[cs]ing|start|look|come|drive|walk|bring|make|plan|apply|volunteer|"
    r"read|cook|paint|draw|sit|say|show|explain|reach|spend|pop|head|give|get back|get in touch|"
    r"send|keep|put|buy|find|sort|cancel|set|pick|switch|listen|contact|reply|apologi[sz]e|bake|swim|jog|stretch|"
    r"meditate|journal|jot|mention|suggest|arrange|organi[sz]e|schedule|prep|prepare|rehearse|tidy|wear|print|"
    r"think about|look into|look at|try out|revise|study|finish|"
    # "I'll get the shed cleared out tomorrow", "I will continue the document tomorrow morning" (chat_heldout66, read)
    r"continue|carry on with|clear out|tackle|get(?= (?:the|my|it|a|some|that|this) \w+ (?:\w+ )?(?:done|sorted|cleared|"
    r"finished|started|fixed|tidied|cleaned|out|in|off)\b)|"
    # "I will break task into 5 small tickets and start first one today" (chat_heldout55, read)
    r"break(?= (?:\w+ ){0,3}(?:into|down)\b)|split(?= (?:\w+ ){0,3}into\b)|"
    # things done to things: "i'll back it up to a usb stick tonight", "i'll charge it overnight"
    r"back(?= (?:it|them|everything|my \w+|the \w+) up\b)|back up|save|upload|copy|charge|fix|update|restart|"
    r"reinstall|clean|wash|pay|return|download|google|search|watch|learn|unplug|mute|unfollow|"
    # "i'll do 25 mins tonight", "do an hour of revision"; never "do it", "do something" (a plan unnamed)
    r"do(?= (?!(?:it|that|this|something|anything|myself|everything|what)\b))|"
    r"be (?:honest|open|straight|upfront)|"
    r"\w+ing)\b.*)$"
)
#: Someone else could help ("my mum could maybe come over on tuesdays", "my sister might help out").
OTHER_STEP = re.compile(
    rf"^(?:yeah |yes |ok |okay |well |maybe )*(?P<who>my (?:{PEOPLE})) (?:could|can|might|would|will|said she'?d|"
    r"said he'?d|offered to) (?:maybe |probably |definitely )*(?P<step>(?:come|help|take|have|do|"
    r"look|pick|drop|watch|stay|check)\b.*)$"
)
#: "volunteering might suit me", "a walking group could be good for me": a step named as a thing that might fit.
MIGHT_SUIT = re.compile(
    r"^(?:maybe |i think |honestly )?(?P<step>(?:\w+ ){0,3}\w+) (?:might|could|would|may) "
    r"(?:suit me|be good for me|be nice|be worth (?:a )?try\w*|help me|work for me)\b"
)
#: Steps that are no steps to welcome ("i could just disappear", "i could take all my pills"): left to the
#: ordinary reading (crisis triage has read them already; a cheer must never be the answer).
_NOT_A_STEP = re.compile(
    r"\b(tell you|talk about|talk to you|see (why|that|how|what|it|the point)|disappear|die|dead|kill|hurt|cut|pills|tablets|overdose|end it|give up|quit|run away|"
    r"hide|drink|scream|cry|never|not|no one|nobody|leave|into(?! (\d+|two|three|four|five|small|smaller|chunks|bits|pieces|parts|steps|tickets|tasks|sections)\b)|off (a|the)|wall|bridge|cliff|traffic|train|rope|"
    r"knife|gun|jump|bleed|harm|suicid\w*|forever|alone|away|didn'?t know|never knew|had no idea)\b"
)
#: A step whose last word is a preposition leans on words before it ("Respite? I didn't know that was a thing I could
#: ask for", chat_heldout66, read: said back as "Asking for sounds like a good plan").
_ENDS_ON_A_PREPOSITION = re.compile(r"\b(for|to|with|about|on|at|of|from|in|into|by)$")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: Verbs whose last consonant doubles before -ing ("get" -> "getting").
_DOUBLED = {
    "get",
    "sit",
    "plan",
    "stop",
    "run",
    "swim",
    "shop",
    "put",
    "set",
    "jog",
    "chat",
    "pop",
    "drop",
    "nip",
    "hop",
    "jot",
    "let",
    "begin",
    "skip",
    "step",
    "cut",
    "hit",
    "dig",
    "hug",
    "fit",
}


#: Verbs that end in "ing" themselves ("ring them" -> "ringing them", not left as "ring").
_ING_VERBS = frozenset({"ring", "bring", "sing", "swing", "sting", "fling", "cling", "spring", "wring", "ping"})


def gerund(verb: str) -> str:
    """ "talk" -> "talking", "drive" -> "driving", "get" -> "getting", "get back" -> "getting back": a step said
    back as a thing to do. Only the verb takes -ing; a phrasal verb's particle stays as it is ("get back" was
    said back as "get backing")."""
    head, _, rest = verb.strip().partition(" ")
    return f"{_gerund_word(head)} {rest}".strip()


def _gerund_word(verb: str) -> str:
    """One verb in its -ing form ("be" -> "being", "lie" -> "lying", "see" -> "seeing"); a verb as typed in a chat
    ("cc", "dm") or a word with no vowel to build on stays as it is."""
    if (verb.endswith("ing") and verb not in _ING_VERBS) or not verb or AS_TYPED.fullmatch(verb):
        return verb
    if not re.search(r"[aeiouy]", verb):
        return verb
    if verb in _DOUBLED:
        return verb + verb[-1] + "ing"
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and len(verb) > 2 and not verb.endswith(("ee", "ye", "oe")):
        return verb[:-1] + "ing"
    return verb + "ing"


#: A second step joined to the first ("email them tonight and say what's doable"), which takes -ing too.
_AND_VERB = re.compile(
    r"\b(and|then|and then) (say|tell|ask|explain|see|check|talk|text|call|ring|email|message|go|get|make|plan|"
    r"book|write|send|let|put|take|give|find|sort|try|keep|look|start|stop|leave|walk|sit|read|fix|do|finish|edit|"
    r"review|clean|tidy|pay|meet|bring|buy|watch|cook|eat|hand|post)\b"
)


def _and_then(rest: str) -> str:
    """The words after a step's verb, with a second joined verb in its -ing form too ("...tonight and say" ->
    "...tonight and saying"), so the step reads as one thing said back ("Emailing them tonight and saying...")."""
    return _AND_VERB.sub(lambda m: f"{m.group(1)} {_gerund_word(m.group(2))}", rest, count=1)


def as_written(words: str) -> str:
    """Words said back with weekday names capitalised, as people write them ("on saturday" -> "on Saturday")."""
    return _days(words)


def _days(words: str) -> str:
    """Weekday names capitalised, as they are written ("on saturday" -> "on Saturday")."""
    return re.sub(rf"\b({'|'.join(_WEEKDAYS)})(s?)\b", lambda m: m.group(1).capitalize() + m.group(2), words)


#: Words before a step that say nothing of it ("ok maybe i could check it out"), so "it" needs no clause said back.
_PLAN_LEAD = re.compile(r"(ok|okay|yeah|yes|so|well|maybe|hmm|right|or|and|but|then)( \w+)?")


#: What the person fears will happen, not what they will do ("that i'll say something weird and everyone goes
#: quiet", "scared i'll freeze"): said back as "sounds like a good plan" it would mock the fear.
_FEARED = re.compile(
    r"^(?:(?:probably|prob|maybe|mostly|i guess|just|i think|like|honestly|tbh) )?(that|what if|in case)\b|\b(afraid|scared|worried|worry|worrying|fear|terrified|panicking|paranoid|convinced|"
    r"dreading|anxious) (that |about |of )?(i'?ll|i will|i might|i'?m going to|i'?m gonna)\b"
)
#: A thing that keeps happening told with what the person then does or feels ("every time i open it i just close the
#: laptop", "whenever she calls i end up crying").
_OWN_RESPONSE = re.compile(
    r"\b(?:every ?time|whenever|each time|when ever|any ?time) i\b[^.!?]*?\bi (?:just |always |usually |then |end up |"
    r"immediately |kind of |kinda )?[a-z]+"
)


def says_own_response(norm: str) -> bool:
    """Whether a message about something that keeps happening already says what the person does when it does."""
    return bool(_OWN_RESPONSE.search(norm))


_BECAUSE = re.compile(r"\s+(?:instead of|rather than|because|cos|coz|cause|so that|so i can|so it|so she|so he)\b")


def cased_as_said(words: str, text: str) -> str:
    """``words`` (said back from the person's normalised message) with the names they capitalised as they wrote
    them: "Asking joan sounds like a good plan" was said back to "Perhaps I might ask Joan, one of the altos".
    Only words capitalised inside a sentence count (not its first word, not "I", not a word in capitals), and
    never a word of Haven's own phrases ("I said Good morning" must not make "that's Good to hear"). Sums of money
    keep the sign the person wrote (``_with_currency``)."""
    words = _with_currency(words, text)
    names = {}
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        for word in re.findall(r"[A-Za-z][A-Za-z'-]+", sentence)[1:]:
            lower = word.lower()
            if word[0].isupper() and not word.isupper() and word != "I" and lower not in _own_words():
                names.setdefault(lower, word)
    if not names:
        return words
    return re.sub(r"[A-Za-z][A-Za-z'-]+", lambda m: names.get(m.group(0), m.group(0)), words)


_TRAILING_LAUGH = re.compile(r"\s+(lol|lmao+|lmfao|ha(ha)+h*|hehe+|xd|rofl)(?=\W*$)", re.IGNORECASE)


def without_laughs(words: str) -> str:
    """An echo without the laugh the person ended on ("Your boss is awful lmao." said back as "Your boss is awful."):
    in Haven's voice their "lmao" reads as mockery (chat_heldout57, read)."""
    return _TRAILING_LAUGH.sub("", words)


_AMOUNT = re.compile(r"([£$€])\s?(\d[\d,]*(?:\.\d+)?)")


def _with_currency(words: str, text: str) -> str:
    """The person's sums of money said back with their currency sign: "my sister borrowed £200" was said back as
    "Your sister borrowed 200" (normalising drops the sign). Only the amounts the person wrote with a sign, each the
    first time it is said back."""
    for sign, amount in _AMOUNT.findall(text):
        words = re.sub(rf"(?<![£$€\d.,]){re.escape(amount)}(?![\d,]|\.\d)", sign + amount, words, count=1)
    return words


@lru_cache(maxsize=1)
def _own_words() -> frozenset[str]:
    """Every word of Haven's own phrases, lower-cased."""
    from haven.chat import phrases

    said = " ".join(
        phrase
        for value in vars(phrases).values()
        for phrase in (value if isinstance(value, tuple) else (value,))
        if isinstance(phrase, str)
    )
    return frozenset(re.findall(r"[a-z][a-z'-]+", said.lower()))


#: "try" with nothing after it in its sentence: a willingness, not a step to say back ("Okay, I will try.").
_BARE_TRY = re.compile(r"try\W*")


def _first_named_step(norm: str) -> re.Match[str] | None:
    """The first step the person names, read one sentence at a time so a step never runs into the next sentence:
    "okay, i will try. my coach said the same. maybe i can go for nets on wednesday" names going for nets on
    Wednesday (it was said back as "Trying"); a bare "I will try" names no step."""
    for sentence in re.finditer(r"[^.!?;]+", norm):
        found = PLAN_STEP.search(norm, sentence.start(), sentence.end())
        if found and not _BARE_TRY.fullmatch(found.group("step")):
            return found
    return None


def _step(norm: str) -> tuple[str, str] | None:
    """The step a message says the person (or someone) could take, said back as a phrase, and whose it is
    ("own" / "other"); None when it says none, is too long to say back, or is no step to welcome."""
    # a closing thanks is not part of the step ("ok i'll back it up to a usb stick tonight. cheers")
    norm = I.CLOSING_THANKS.sub("", norm).rstrip(" .,!") or norm
    if _NOT_A_STEP.search(norm) or _TEXT_SPEAK.search(norm) or norm.endswith("?") or _FEARED.search(norm):
        return None
    own = _first_named_step(norm)
    if own:
        # the step without the reasons that follow it ("ask him straight on the call instead of writing the whole
        # story in my head"): said back whole it would run past what a reply can say back
        step = _BECAUSE.split(own.group("step"))[0].strip()
        step = re.sub(r"\s+(then|so|tho|though|anyway)$", "", step)  # "...on monday then": said back without it
        if _ENDS_ON_A_PREPOSITION.search(step):
            return None  # "a thing I could ask for": what it is for was said before, not in the step
        verb = own.group("verb")
        if AS_TYPED.fullmatch(verb):  # "i'll cc the letting agent": "You'll cc the letting agent", as said
            modal = re.sub(r"^i think ", "", own.group("modal"))
            return f"{modal} {step}", "as_said"
        phrase = gerund(verb) + _and_then(step[len(verb) :])
        if verb == "keep" and re.match(r"keep \w+ing\b", step):  # "i'll keep going to the gym": "Going to the gym"
            phrase = _and_then(step[len("keep ") :])
        before = norm[: own.start()].strip()
        if re.search(r"\b(it|that|this)\b", step) and before and not _PLAN_LEAD.fullmatch(before):
            clause = _sentence(re.sub(r"\s+(and |so )?(maybe|perhaps)$", "", before))
            if clause is None:
                return None  # "it" would lean on words not said back
            return f"{clause[:-1]}, and {phrase}", "own"
        return phrase, "own"
    other = OTHER_STEP.search(norm)
    if other:
        step = other.group("step")
        verb = step.split()[0]
        step = re.sub(r"\s+(maybe|perhaps|possibly)$", "", step)  # "...on tuesdays maybe": said back without it
        offered = re.search(r"\b(said (she|he|they)'?d|offered to|will|is going to|s going to)\b", other.group(0))
        # "my sister said she'd come over on tuesdays": offered already, so not "How would you feel about asking her?"
        return f"{to_you(other.group('who'))} {gerund(verb)}{step[len(verb) :]}", "offered" if offered else "other"
    suits = MIGHT_SUIT.search(norm)
    if suits and (suits.group("step").split()[0].endswith("ing") or suits.group("step").startswith(("a ", "an "))):
        return suits.group("step"), "suits"
    return None


#: A time of day as normalising leaves it ("at 8 30"), to be said back as typed ("at 8:30").
_TIME = re.compile(r"\b(at|from|till|until|by|before|after|around|about) (\d{1,2}) ([0-5]\d)\b")


def plan_said_back(norm: str) -> tuple[str, str] | None:
    """A step the person could take, as a phrase in their own terms and in the second person ("talking to him
    tonight", "there's a climbing gym near you, and checking it out"), with whose step it is ("unsaid", with no
    phrase, for a step too long to say back); None for none."""
    found = _step(norm)
    if found is None:
        return None
    phrase, whose = found
    phrase = _days(to_you(_FILLER.sub("", phrase).strip()))
    phrase = _TIME.sub(r"\1 \2:\3", phrase)  # "start at 8 30" (normalised) said back as "start at 8:30"
    phrase = re.sub(r"\b(theres|thats|whats)\b", lambda m: m.group(1)[:-1] + "'s", phrase)
    if len(phrase.split()) > _MAX_WORDS:
        # too long to say back ("ok i'll try 25 mins on reaction mechanisms tomorrow morning then go for a walk
        # before i look at my phone"), still a plan: welcomed as one, not met with a breathing exercise
        return "", "unsaid"
    return phrase[0].upper() + phrase[1:], whose


def plan_heard(norm: str, question: str = "") -> bool:
    """Whether a message says a step the guide welcomes as a plan: in the person's own terms, or as an amount
    when Haven's last question (``question``) asked for a step ("ok bet, 2 past papers a week")."""
    if plan_said_back(norm) is not None:
        return True
    return bool(_ASKED_FOR_A_STEP.search(question)) and (_amount_plan(norm) or _thing_plan(norm)) is not None


#: first-person words turned to second person when a detail is said back ("I was" -> "you were").
_TO_YOU = (
    (r"\bi was\b", "you were"),
    (r"\bi am\b|\bi'?m\b|\bim\b", "you're"),
    (r"\bi'?ve\b|\bive\b", "you've"),
    (r"\bi'?d\b", "you'd"),
    (r"\bi'?ll\b", "you'll"),
    (r"\bam i\b", "are you"),
    (r"\bwas i\b", "were you"),
    (r"\bwe're\b", "you're"),
    (r"\bwe\b", "you"),
    (r"\bus\b", "you"),
    (r"\bours\b", "yours"),
    (r"\bour\b", "your"),
    (r"\bmyself\b", "yourself"),
    (r"\bmine\b", "yours"),
    (r"\bmy\b", "your"),
    (r"\bme\b", "you"),
    (r"\bi\b", "you"),
)
#: Fillers left out of a detail said back ("like five times", "tbh").
_FILLER = re.compile(
    r"\b(tbh|honestly|lol|haha|literally|basically|ngl|idk|tho)\b\s*|^like\s+|"
    r"\blike\s+(?=(\d+|one|two|three|four|five|six|ten|twenty|a few|loads|every)\b)"
)
_MAX_WORDS = 14


@dataclass(frozen=True)
class Move:
    """What a message does in the conversation: its kind, and what a reply can say back in the person's terms."""

    kind: str  # reported | reported_other | event | doubt | not_yet | alone | told | pattern | contrast | ahead | confirm | doing
    said_back: str | None = None  # the detail in the second person, a sentence ("She said you were selfish.")
    who: str | None = None  # who it is about, as the person named them ("your best friend") or a pronoun
    pronoun: str = "they"  # she / he / they, for the reply's question
    #: for doubt: "other" (they might be right), "self" (my fault), "minimising" (I'm overreacting), "unliked"
    gentle: str | None = None


def to_you(words: str) -> str:
    """The person's words said back to them: "she said I was selfish" -> "she said you were selfish"."""
    out = words
    for pattern, replacement in _TO_YOU:
        out = re.sub(pattern, replacement, out)
    return out


#: A clause that can be said back as a sentence starts with who did it ("he does it every week"), not with a
#: fragment ("like every single day have u revised").
_SUBJECT = re.compile(
    rf"^(she|he|they|it|its|it'?s|there'?s|theres|there is|there are|we|i|i'?m|im|my ({PEOPLE})|the \w+|your \w+|our \w+|nobody|no ?one|everyone)\b"
)
#: Text-speak that would read as mockery said back in Haven's voice.
_TEXT_SPEAK = re.compile(r"\b(u|ur|r|ya|smth|tho|cos|coz|gonna|wanna|dunno|idk)\b")


def _sentence(words: str) -> str | None:
    """A clause said back as a sentence, or None when it is too long to say back without sounding like a parrot,
    is not a clause, or is in text-speak."""
    words = _FILLER.sub("", words).strip(" ?")
    if not words or len(words.split()) > _MAX_WORDS or not _SUBJECT.match(words) or _TEXT_SPEAK.search(words):
        return None
    words = re.sub(r"\b(told|tells) you you\b", r"\1 you that you", to_you(words))
    # "its" typed for "it's" ("its not fair"), never the possessive ("the car failed its service")
    words = re.sub(
        r"\bits\b(?= (not|been|a|an|the|so|too|just|really|all|going|getting|like|over|ok|okay|fine|hard|only|"
        r"still|always|never|because|what|how|time|my|your|got|gone|getting|\w+ed)\b)",
        "it's",
        words,
    )
    words = re.sub(
        r"\b(dont|doesnt|didnt|cant|wont|isnt|wasnt|havent|hasnt|theres|hes|shes|theyre)\b",
        lambda m: _APOSTROPHE[m.group(1)],
        words,
    )
    return words[0].upper() + words[1:] + "."


_APOSTROPHE = {
    "dont": "don't",
    "doesnt": "doesn't",
    "didnt": "didn't",
    "cant": "can't",
    "wont": "won't",
    "isnt": "isn't",
    "wasnt": "wasn't",
    "havent": "haven't",
    "hasnt": "hasn't",
    "theres": "there's",
    "hes": "he's",
    "shes": "she's",
    "theyre": "they're",
}


_GENDERED = {
    **dict.fromkeys(
        ("boyfriend", "husband", "dad", "father", "brother", "son", "grandad", "grandpa", "uncle"), "he"
    ),
    **dict.fromkeys(
        ("girlfriend", "wife", "mum", "mom", "mother", "sister", "daughter", "nan", "gran", "grandma", "aunt"),
        "she",
    ),
}


def object_pronoun(norm: str, earlier: list[str]) -> str:
    """her / him for the one person the conversation is about ("my girlfriend dumped me" -> her), else them."""
    who = person_in_play(norm, earlier)
    said = _pronoun(" ".join([*earlier[-2:], norm]))
    pronoun = _GENDERED.get(who.split()[-1], said) if who else said
    return {"she": "her", "he": "him"}.get(pronoun, "them")


def _pronoun(text: str, people: bool = False) -> str:
    """she / he / they for the person spoken of; with ``people``, also from words for a person ("one girl in my
    art class", "a guy at work")."""
    if re.search(r"\b(she|her" + ("|girl|woman|lady" if people else "") + r")\b", text):
        return "she"
    if re.search(r"\b(he|him|his" + ("|boy|guy|man" if people else "") + r")\b", text):
        return "he"
    return "they"


#: A question typed without its mark ("everyone says it gets easier but when"): not a statement to say back.
_ASKS_WITHOUT_MARK = re.compile(
    r"\b(when|why|how|what|who|where|right|though)$|^(is|are|do|does|did|can|will|should|would)\b"
)


#: "like you said": Haven's words, not the person's, so not said back as theirs.
_AS_ADVISED = re.compile(r"\s*\b(like|as) (you|u) (said|told me|suggested)\b")


def _coped(first: str, then: str) -> str | None:
    """ "i was so nervous" + "i kept breathing slowly like you said" -> "You were so nervous, but you kept
    breathing slowly.": a hard moment and what the person did with it, or None when either part will not say
    back as a clause of their own."""
    if not re.match(r"(i was|i felt|i'?m|im|i am|it was)\b", first) or not re.match(r"(i|it)\b", then):
        return None
    first_said, then_said = _sentence(first), _sentence(_AS_ADVISED.sub("", then))
    if not first_said or not then_said or len(first_said.split()) + len(then_said.split()) > _MAX_WORDS + 2:
        return None
    return f"{first_said[:-1]}, but {then_said[0].lower()}{then_said[1:]}"


#: Words that may stand before a comma without making a second clause ("yeah, i work two jobs").
_LEAD_IN = re.compile(
    r"^(yes|yeah|yep|no|nah|nope|ok|okay|well|so|honestly|tbh|hmm+|um+|oh|i mean|i guess|i think|maybe)$"
)


#: Words that join a clause to the one before it, so the two read as one sentence said back without the comma.
_JOINED = re.compile(r"^(so|and|but|because|cos|then|which|or)\b")


#: Where a person's own punctuation breaks a message into clauses (a dash between spaces too); never inside a time
#: or a number ("start at 8:30", "3.5 hours").
_CLAUSE_BREAK = re.compile(r"[,;!?\n]+|(?<!\d)[:.]+|[:.]+(?!\d)|\s[-\u2013\u2014]\s")


def split_clauses(text: str) -> list[str]:
    """The clauses of a message by the person's own punctuation (some may be empty)."""
    return _CLAUSE_BREAK.split(text)


def joined_clauses(text: str) -> bool:
    """True if the person's words are one clause, or clauses each joined to the one before by a word ("my wife
    passed two years ago, so it's just me"), which read as one sentence once the comma is gone; not two clauses
    set side by side ("he's useless, he never replies", said back as "he's useless he never replies")."""
    parts = [p.strip() for p in split_clauses(text.strip().lower())]
    parts = [p for p in parts if p and not _LEAD_IN.match(p)]
    return all(_JOINED.match(p) for p in parts[1:])


def one_clause(text: str) -> bool:
    """True if the person's own words (with their punctuation) are one clause: what is said back is read from
    the normalised text, where commas and full stops are gone, so two clauses would run into one garbled
    sentence ("It's for a team lead role first time you've ever gone for a promotion.")."""
    parts = [p.strip() for p in split_clauses(text.strip().lower())]
    parts = [p for p in parts if p and not _LEAD_IN.match(p)]
    return len(parts) <= 1


#: Death and harm, never said back in Haven's voice in any form (``_DARK`` adds more for a whole answer said back).
_DEADLY_WORDS = r"die|dying|dead|death|kill\w*|suicid\w*|end it|harm\w*|burden|worthless|hate (myself|me)"


#: A hedge after what was said ("no one noticed i think", "it went ok i guess"): not part of what is said back.
_TRAILING_HEDGE = re.compile(r"(\s+(i think|i guess|i suppose|i reckon|tbh|lol|haha|probably))+\s*$")


def said_back(norm: str) -> str | None:
    """An answer said back to the person as a sentence in their own terms ("i work two jobs so im never home" ->
    "You work two jobs so you're never home."), or None when it is a question, a fragment, in text-speak or too
    long to say back. Why: "Thank you for telling me." fits any answer, so it shows nothing was heard."""
    norm = _TRAILING_HEDGE.sub("", norm)  # "no one noticed i think" was said back as "No one noticed you think."
    if norm.endswith("?") or len(norm.split()) < 4 or _ASKS_WITHOUT_MARK.search(norm):
        return None
    if _DARK.search(norm) or _VIOLENT.search(norm):
        return None  # "You swear you want to kill whoever designed this matchmaking." is never Haven's to say
    return _sentence(norm)


def sayable(sentence: str) -> bool:
    """Whether a sentence made from the person's words may be said in Haven's voice: never with dark or violent
    words in it, hyperbole or not ("...looks like a microwaved crayon you're dead." was said back)."""
    low = sentence.lower()
    return not (_DEADLY.search(low) or _VIOLENT.search(low))


#: Words of death and harm: "like nothing happened" may be said back, "you're dead" may not.
_DEADLY = re.compile(rf"\b({_DEADLY_WORDS})\b")


#: Words of violence, in hyperbole or not, never said back as a sentence of Haven's.
_VIOLENT = re.compile(r"\b(murder\w*|strangl\w*|punch\w*|smash\w*|stab\w*|shoot|shot|throttl\w*|swear)\b")


#: How the person says something feels, in their own words: "feels like going backwards", "makes me feel like the
#: villain", "i just feel like such a flake", "it feels so unfair".
_FEELS = re.compile(
    r"(?:\b(?P<who>it|this|that|which|i|everything|all of it|the whole thing)( just| really| kind of| kinda| honestly|"
    r" somehow| still)? |^)"
    r"(?P<verb>feels?|felt|makes? me feel|made me feel)"
    r" (?P<how>(like|as if|as though|so|really|a bit|kind of|kinda|such|completely|totally|quite)\b.+)$"
)
#: "like a right mongrel": like a kind of person, so the one who felt it is the person, not "it" ("felt like a
#: lifetime" is the wait).
_FELT_LIKE_SOMEONE = re.compile(
    r"like (a|an|such a|the|a total|a complete|a right|the worst|the biggest) (?!.*\b(lifetime|forever|age|ages|eternity|"
    r"years?|weeks?|days?|hours?|minutes?|dream|nightmare|joke|blur|relief|weight|slap|punch|kick|win|step|break|holiday)\b)"
)
#: Where what the person said it feels like ends: the next clause is another thought ("...backwards and i hate it").
_CLAUSE_END = re.compile(r"\s+\b(and|but|because|cos|cause|so|which|when|though|although|tbh|lol|haha)\b.*$")
#: Words never said back in Haven's voice, whatever triage made of them (it read the message first).
_DARK = re.compile(
    rf"\b({_DEADLY_WORDS}|disappear\w*|hurt\w*|give up|giving up|no point|pointless|not (be )?here|gone|useless|"
    r"nothing)\b"
)


#: A harsh verdict the person gives, said back only with what it hangs on ("If it isn't perfect, it feels like a
#: failure."), never alone as if Haven agreed.
_DARK_ALONE = re.compile(r"\b(failure|loser|fraud|disappointment|joke|mess|idiot|stupid|pathetic|rubbish)\b")
_GOOD = re.compile(r"\b(good|great|better|nice|amazing|brilliant|fine|ok|okay|lovely|proud|happy|calm\w*|relie\w*)\b")


def feeling_said_back(text: str) -> str | None:
    """What the person said something feels like, said back in their words ("feels like going backwards" -> "It
    feels like you're going backwards.", "i feel like such a flake" -> "You feel like such a flake."); None when they
    said none, or it is too long or too rough to say back. Read clause by clause from the person's own punctuation,
    so a second thought does not run into it. Why: "It took something to put that into words." fits any message,
    so it shows nothing was heard; their own words show it was."""
    from haven.chat.understanding import normalise  # understanding imports this module

    for clause in split_clauses(text):
        found = _FEELS.search(normalise(clause))
        if found is not None:
            break
    else:
        return None
    how = _CLAUSE_END.sub("", found.group("how")).strip()
    how = re.sub(r"^like (?=\w+ing\b)", "like i'm ", how)  # "like going backwards": "like you're going backwards"
    words = how.split()
    if len(words) < 2 or len(words) > 10 or _TEXT_SPEAK.search(how) or _DARK.search(how) or _GOOD.search(how):
        return None  # (good news is met with joy, not said back as a weight)
    verb, who = found.group("verb"), found.group("who")
    if who is None and (verb == "feel" or (verb == "felt" and _FELT_LIKE_SOMEONE.match(how))):
        # "felt like a right mongrel after", "feel like such a flake": the "I" left out, not "it" (chat_heldout57,
        # read: "It felt like a right mongrel after.")
        who = "i"
    if who == "i":
        lead = "You felt" if verb == "felt" else "You feel"
    elif "make" in verb or "made" in verb:
        lead = "It made you feel" if verb.startswith("made") else "It makes you feel"
    else:
        lead = "It felt" if verb == "felt" else "It feels"
    said = f"{lead} {to_you(how)}"
    before = normalise(clause)[: found.start()].strip()
    if re.match(r"(if|when|whenever|every time|as soon as)\b", before) and len(before.split()) <= 6:
        said = f"{to_you(before).capitalize()}, {said[0].lower()}{said[1:]}"  # "If it isn't perfect, it feels..."
    elif _DARK_ALONE.search(how):
        return None  # "it feels like a failure" without its "if": said back alone, it would agree with the verdict
    said = re.sub(
        r"\b(dont|doesnt|didnt|cant|wont|isnt|wasnt|havent|hasnt|theres|hes|shes|theyre)\b",
        lambda m: _APOSTROPHE[m.group(1)],
        said,
    )
    return said + "."


#: A fear about what will happen, said as "(scared) that I'll fail and my mum will be so disappointed".
_FEAR = re.compile(
    r"^(?:(?:mostly|mainly|just|really|honestly|i guess|i think)\s+)*(?:(?:i'?m |im |i am )?(?:so |really )?"
    r"(?:scared|afraid|worried|terrified|frightened)(?: that)?|(?:i )?(?:worry|fear)(?: that)?|that)\s+"
    r"(?P<who>i'?ll|ill|i will|i'?m going to|im going to|im gonna|i might|i won'?t|i wont)\s+(?P<what>[a-z' ]+?)"
    r"(?:\s+and\s+(?:that\s+)?(?P<other>my (?:mum|mom|mam|dad|parents|family|boss|manager|teacher|partner|wife|husband|"
    r"girlfriend|boyfriend|friends|kids|colleagues|team)|the (?:team|new team|others)|everyone|people|they)"
    r"(?: will|'ll|ll| would| might| is going to| are going to)"
    r" (?P<then>be (?:so |really |very )?[a-z]+|think [a-z' ]+|regret [a-z]+ me|[a-z]+))?\W*$"
)
#: A fear told without "scared that", in answer to a question about what worries the person ("What part of it worries
#: you most?" "everyone will be staring at me and i'll go red and forget everything"): what others will do, then what
#: the person will. Read as a fear when the question asked about worry, or when what the person will do is what
#: nobody plans (``_FEARED``), so "i'll go red" is not taken for a plan.
_FEAR_ANSWERED = re.compile(
    r"^(?:(?:mostly|mainly|just|really|honestly|i guess|i think|that)\s+)*"
    r"(?:(?P<others>everyone|everybody|people|they|the (?:whole )?(?:class|team|room|audience))"
    r"(?: will|'ll|ll| are going to| are gonna) (?P<do>[a-z' ]+?)\s+and\s+(?:that\s+)?)?"
    r"(?P<who>i'?ll|ill|i will|i'?m going to|im going to|im gonna|i might|i won'?t|i wont)\s+(?P<what>[a-z' ]+?)\W*$"
)
#: Verbs of a step the person will take, never read as a fear.
_PLAN_VERB = re.compile(r"(try|do|give|text|call|ring|ask|talk|speak|message|write|plan|book|use|practi[cs]e|start|have a)\b")
#: What nobody plans to do ("i'll go red", "i'll freeze", "i'll mess it up"): a fear, whatever was asked.
_FEARED = re.compile(
    r"(go (bright )?red|blush|forget|freeze|mess (it |this |that |everything )?up|fail|cry|panic|faint|throw up|be sick|"
    r"shake|stutter|stammer|make a fool|embarrass|look (stupid|like an idiot)|get it (all )?wrong|screw (it )?up|"
    r"ruin|choke|go blank|say something stupid)\b"
)
#: A question Haven asked about what the person fears.
_ASKS_ABOUT_FEAR = re.compile(r"\b(worr\w*|scar(e|es|ed|ing)|afraid|fear\w*|dread\w*|worst)\b", re.I)
#: Spellings a fear is not said back in ("my mum will be so dissapointed" is said back spelled right).
_SPELLED = {"dissapointed": "disappointed", "dissappointed": "disappointed", "dissapoint": "disappoint"}


def fear_answered(text: str, question: str) -> str | None:
    """A fear told as the answer to Haven's question about what worries the person, or in words of what nobody
    plans (going red, freezing), without "scared that"
    ("everyone will be staring at me and i'll go red and forget everything" -> "You're afraid everyone will be
    staring at you, and that you'll go red and forget everything."); None when the question asked about something
    else, or the answer is long, dark or names no fear in that shape. Why: it was read as a plan, "Going red and
    forget everything: that sounds like a good thing to try."."""
    from haven.chat.understanding import normalise  # understanding imports this module

    found = _FEAR_ANSWERED.match(normalise(text).strip())
    if found is None:
        return None
    what, do = found.group("what"), found.group("do") or ""
    if not (_ASKS_ABOUT_FEAR.search(question or "") or _FEARED.match(what)):
        return None
    if _PLAN_VERB.match(what):
        return None  # "i'll try it tonight": a plan, whatever was asked
    said = f"{do} {what}"
    if len(said.split()) > 14 or _TEXT_SPEAK.search(said) or _DARK.search(said) or re.search(r"\b(my|i)\b", said):
        return None
    who = found.group("who")
    you = {"i might": "you might", "i wont": "you won't"}.get(who.replace("'", ""), "you'll")
    if not do:
        return f"You're afraid {you} {to_you(what)}."
    return f"You're afraid {found.group('others')} will {to_you(do)}, and that {you} {to_you(what)}."


def fear_said_back(text: str) -> str | None:
    """A fear the person named, said back in their words ("mostly that ill fail and my mum will be so
    dissapointed" -> "You're afraid you'll fail, and that your mum will be so disappointed."); None when the
    message names none, or it is long, dark or in text-speak.

    Why: the blind reading scored "Thanks for telling me about studying." after that answer as empathy that does not
    fit: it could follow any message. The fear said back shows it was heard."""
    from haven.chat.understanding import normalise  # understanding imports this module

    found = _FEAR.match(normalise(text).strip())
    if found is None:
        return None
    what = " ".join(_SPELLED.get(w, w) for w in found.group("what").split())
    then = " ".join(_SPELLED.get(w, w) for w in (found.group("then") or "").split())
    said = f"{what} {then}"
    if len(what.split()) > 8 or _TEXT_SPEAK.search(said) or _DARK.search(said) or re.search(r"\b(my|i)\b", then):
        return None
    if re.search(r"\bme\b", then) and not re.fullmatch(r"regret [a-z]+ me", then):
        return None  # "regret hiring me" said back as "regret hiring you"; other "me"s are not said back
    who = found.group("who")
    you = {"i might": "you might", "i wont": "you won't"}.get(who.replace("'", ""), "you'll")
    fear = f"You're afraid {you} {to_you(what)}"
    if found.group("other"):
        other = to_you(found.group("other"))
        fear += f", and that {other} will {re.sub(r'me$', 'you', then)}"
    return fear + "."


def tells_what_happened(norm: str) -> bool:
    """True if the message itself tells what someone does or did (so Haven does not ask "what happened?")."""
    return len(norm.split()) >= 5 and bool(_TELLS.search(norm))


def person_in_play(norm: str, earlier: list[str]) -> str | None:
    """The person the conversation is about, as the person named them ("your best friend"): in this message, else
    the latest one that names someone."""
    for text in [norm, *reversed(earlier)]:
        match = _PERSON.search(text)
        if match:
            return f"your {match.group(1)}"
    return None


#: A step named as a thing, in reply to a question that asked for one ("not really, maybe a walk", "a hot bath
#: probably"): short, or it is a report, not a step.
_THING_PLAN = re.compile(
    r"^(?:(?:no|not really|nah|ok|okay|yeah|yes|well|hmm|um|so|i guess|i think|maybe|probably|perhaps)\b[ ,.]*)*"
    r"(?P<step>(?:a|an|some|more) (?:[a-z']+ ){0,3}?[a-z']+?)(?: maybe| probably| perhaps| i guess| i think)?\W*$"
)


def _thing_plan(norm: str) -> tuple[str, str] | None:
    """ "maybe a walk" as a step, said back ("A walk")."""
    found = _THING_PLAN.search(norm)
    if found is None or _NOT_A_STEP.search(found.group("step")):
        return None
    step = found.group("step")
    return step[0].upper() + step[1:], "own"


def _amount_plan(norm: str) -> tuple[str, str] | None:
    """"2 past papers a week" as a step said back as typed, with its number in words ("Two past papers a week")."""
    found = _AMOUNT_PLAN.search(norm)
    if found is None or _NOT_A_STEP.search(found.group("step")):
        return None
    step = re.sub(r"^\d+", lambda m: _NUMBER_WORDS.get(m.group(0), m.group(0)), found.group("step"))
    return step[0].upper() + step[1:], "as_said"


def read(norm: str, earlier: list[str], last_reply: str = "", mode: str = "talking") -> Move | None:
    """The move a message makes in the conversation in play (``earlier``: the person's earlier messages,
    normalised, oldest first; ``last_reply``: Haven's last message), or None for none recognised."""
    if not earlier:
        return None  # a first message starts the conversation; it carries nothing on
    who = person_in_play(norm, earlier)
    pronoun = _pronoun(norm) if re.search(r"\b(she|he|her|him|his)\b", norm) else _pronoun(" ".join(earlier[-2:]))
    if pronoun == "they" and who:
        pronoun = _GENDERED.get(who.split()[-1], "they")  # "my brother ..." then "he never pays it back"
    if DOING.search(norm):
        return Move("doing")
    if CONFIRM.search(norm) and re.search(r"\bhelp(ed|s)?\b|\bworked\b", last_reply.lower()):
        return Move("confirm")
    if AHEAD.search(norm) and norm.endswith("?"):
        return Move("ahead")
    if OTHER_RIGHT.search(norm):
        return Move("doubt", who=who, pronoun=_pronoun(norm), gentle="other")
    if UNLIKED.search(norm):
        return Move("doubt", who=who, pronoun=pronoun, gentle="unliked")
    if MINIMISING.search(norm):
        return Move("doubt", who=who, pronoun=pronoun, gentle="minimising")
    if SELF_BLAME.search(norm) and not BLAMED_BY_OTHERS.search(norm):
        return Move("doubt", who=who, pronoun=pronoun, gentle="self")
    plan = plan_said_back(norm) if not CONTRAST.search(norm) else None
    question = re.search(r"([^.!?]*\?)\s*$", last_reply)
    if plan is None and question and _ASKED_FOR_A_STEP.search(question.group(1)):
        plan = _amount_plan(norm) or _thing_plan(norm)
    if plan is not None:
        if plan[1] in ("other", "offered"):  # "my mum could come over": the question is about her
            named = _PERSON.search(norm)
            who = f"your {named.group(1)}" if named else who
            pronoun = _GENDERED.get(named.group(1), "they") if named else pronoun
        return Move("plan", said_back=plan[0], who=who, pronoun=pronoun, gentle=plan[1])
    reported = REPORTED.search(norm)
    if reported:
        speaker = reported.group(1)
        named = speaker.startswith(("my ", "the "))
        said = _sentence(norm[reported.start(1) :])
        if said and not _KIND_WORDS.search(reported.group("words")):
            return Move(
                "reported"
                if _CRITICAL.search(reported.group("words")) or "called me" in norm
                else "reported_other",
                said_back=said,
                who=to_you(speaker) if named else who,
                pronoun=_GENDERED.get(speaker.split()[-1], "they") if named else _pronoun(speaker),
            )
    asked_for_support = bool(question and _ASKED_FOR_SUPPORT.search(question.group(1)))
    if (asked_for_support or _KIND_ONE.search(norm)) and _SOMEONE.search(norm):
        rest = re.sub(
            r"^(no|nope|nah|not really|not really no|not anyone|well|but|yeah|yes)( \w+)?? ?(?=there|theres|except|one)",
            "",
            norm,
        )
        said = _sentence(rest)
        if said:  # "not really, theres one girl in my art class who is nice": someone after all
            return Move("someone", said_back=said, who=who, pronoun=_pronoun(rest, people=True))
    if (
        question
        and _ASKED_FOR_SUPPORT.search(question.group(1))
        and _NO_ONE.search(norm)
        and not _SOMEONE.search(norm)
    ):
        return Move("alone", who=who, pronoun=pronoun)  # "Is there someone you can talk to?" "not really"
    if question and _ASKED_TO_TELL.search(question.group(1)) and NOT_YET.search(norm):
        return Move("not_yet", who=who, pronoun=pronoun)  # "Have you been able to tell him?" "no I haven't"
    if (
        question
        and _ASKED_TO_TELL.search(question.group(1))
        and re.match(r"\s*(have|did|do|could)\b", question.group(1), re.I)
        and _SAID_YES.match(norm)
    ):
        return Move("told", who=who, pronoun=pronoun)  # "Have you been able to tell your parents?" "ye i guess"
    contrast = CONTRAST.search(norm)
    if contrast and not norm.endswith("?") and _COPED.search(contrast.group("then")):
        coped = _coped(contrast.group("first"), contrast.group("then"))
        if coped:  # "i was so nervous but i kept breathing slowly": what they did with the feeling
            return Move("coped", said_back=coped, who=who, pronoun=pronoun)
    if contrast and not norm.endswith("?") and not _COPED.search(contrast.group("then")):
        first = re.sub(r"^(not really|no|yes|yeah|yep|nah|kind of|sort of)\b,? ?", "", contrast.group("first"))
        first, then = _sentence(first), _sentence(contrast.group("then"))
        if first and then and len(first.split()) + len(then.split()) <= _MAX_WORDS + 2:
            said = f"So {first[0].lower()}{first[1:-1]}, but {then[0].lower()}{then[1:]}"
            return Move("contrast", said_back=said, who=who, pronoun=pronoun)
    told = _OTHERS_DID.match(norm) and not _FEELING_SAID.search(norm) and not norm.endswith("?")
    asked = bool(question and _ASKED_WHAT_HAPPENED.search(question.group(1)))
    if told and (asked or _PERSON.match(norm)):
        said = _sentence(norm)
        if said:  # "What happened?" "my brother went on holiday like nothing happened"
            return Move("event", said_back=said, who=who, pronoun=pronoun)
    if PATTERN.search(norm) and not norm.endswith("?") and not FOND.search(norm) and not _TRIES_COUNTED.search(norm):
        return Move("pattern", said_back=_sentence(norm), who=who, pronoun=pronoun)
    return None


#: "the checking", "this scrolling", "my nightmares": a thing named as already known, which an earlier message told.
_NAMED_AS_KNOWN = re.compile(r"\b(?:the|that|this|my|these|those|all the) ([a-z]{5,})\b")
#: Words after "the" that name no particular thing the person told ("the whole time", "the moment").
_NOT_A_THING = frozenset(
    "whole other thing things stuff moment point first second third start minute worst hardest least right wrong "
    "best same end morning evening night nights weekend today week month year years".split()
)


def told_before(text: str, earlier: Sequence[str]) -> str | None:
    """The person's latest earlier message that tells of a thing this one names as already known ("the checking"
    after "i keep checking her instagram"): the same word or its first five letters (checking, check, checked)."""
    stems = {w[:5] for w in _NAMED_AS_KNOWN.findall(text.lower()) if w not in _NOT_A_THING}
    if not stems:
        return None
    for message in reversed(earlier):
        if stems & {w[:5] for w in re.findall(r"[a-z]{5,}", message.lower())}:
            return message
    return None
