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

from haven.chat import checkups
from haven.chat import facts as F
from haven.chat import intents as I
from haven.chat.dialogue import DialogueState
from haven.chat.inchat import DAYS_SINCE, STOP, ends_early, running
from haven.chat.phrases import DEFINE_FOLLOW_UP, HELPING_STEPS_QUESTION, PLAN_QUESTION
from haven.chat.threads import AHEAD, BLAMED_BY_OTHERS, CONTRAST, DOING, plan_heard
from haven.chat.types import Understanding
from haven.chat.valence import reads_good
from haven.content.loader import Library

INTENTS = I.INTENTS


#: A pleasure that has gone ("Used to do pottery on Wednesdays and haven't gone since the summer", chat_heldout59,
#: read: "Oh, that's a nice thing to have in your day"): warm words by meaning, told as a loss, not good news.
_LOST_PLEASURE = re.compile(
    r"\bused to\b.*\b(haven'?t|have not|hasn'?t|has not|not been|stopped|gave (it |that )?up|no longer|(don'?t|do not) any ?more|"
    r"not any ?more|since)\b|\b(haven'?t|have not) (gone|been|done|played|seen|had) (it |there |that |one )?"
    r"(since|in (ages|months|years|weeks|a (long )?while))\b|"
    # "Honestly I haven't had a full day off since Easter" (a carer, chat_heldout61, read: "Little moments like that
    # really count"): a thing gone without, whatever words come between; "Can't pour from an empty cup": run dry
    r"\b(haven'?t|have not|hasn'?t|has not|not|never) (had|got|taken|been on|been out|seen|done)\b.{0,40}"
    r"\b(since|in (ages|months|years|weeks|a (long )?while)|for (ages|months|years|weeks))\b|"
    r"\b(pour from an empty cup|running on empty|nothing left in the tank)\b"
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
        r"anxi|nervous|worr(y|ied|ying)|panic|scaries|scared|afraid|on edge|uneasy|jittery|dread|freak(ing|ed)? out|"
        r"heart (is )?(racing|pounding|going (crazy|mad))|(going to|gonna|about to) (pass out|faint)|terrified|fear|in knots|butterflies|stomach (is )?(churning|turning|flipping)|"
        r"feel(ing)? sick (about|with nerves|with worry|thinking)|sick with (nerves|worry)|\bnerves\b|can'?t settle|"
        r"wound up (about|before|over)|dreading|clammy|sweaty (hands|palms)|(hands|palms) (go |get |are |were |start )?(sweating|sweaty)",
        (
            "I feel anxious and on edge",
            "I'm so worried something bad will happen",
            "my heart is racing and I'm scared",
        ),
    ),
    Feeling(
        "low",
        # "down" as a mood only where a mood is said ("feeling down", "I'm so down", "down lately"); elsewhere it is
        # a phrasal verb ("writing the worries down", "calm down", "put them down"), which no list of verbs covers
        r"\b(feel|feels|feeling|felt|i'?m|im|i am|been|so|really|pretty|quite|bit|very|kinda|kind of|more|always|just|still|getting) down\b"
        r"(?! (to|the|at|by|from|there|here|in|on|with)\b)|\bdown (lately|recently|today|all (day|week)|in the dumps)\b|\b(sad|low|depress\w*|hopeless|miserable|unhappy|tearful|gloomy)\b|\b(feel\w*|felt|bit|so|a little|kinda) blue\b|"
        # crying said of oneself ("been crying all day"), not of someone else ("my youngest cried")
        r"\b(i|i'?m|im|been|keep|kept|started|start|stop|was|am|just) (\w+ )?(crying|cried)\b|\bin tears\b|"
        # "i cry most days", "cry all the time"
        r"\bi (\w+ )?cry (most|every|all|a lot|loads|constantly|at night|in the)\b|"
        r"\b(meh|blah)\b|\b(feel|feels|feeling|felt|i'?m|im|so|bit|really|pretty|quite|very|just|kinda|kind of|sort of|all) flat\b|"
        # not the point of a thing asked about ("what's the point of a wind down routine if it's daylight though?",
        # chat_heldout66, read: met as low mood)
        r"going through the motions|nothing (matters|is fun)|(what'?s|what is) the point(?! (of|in) (a|an|the|this|that|these|those) \w)|no motivation|can'?t get out of bed|lost interest|"
        # "i cant get motivated to do anything" (tried as a new user would: "Thank you for telling me that")
        r"(can'?t|cannot|can not|never) (seem to )?(get|feel|stay) motivated|(zero|no) motivation|unmotivated|"
        r"can'?t motivate myself|"
        r"can'?t be bothered|(don'?t|do not) enjoy anything|stopped enjoying",
        ("I feel so sad and down", "everything feels pointless and grey", "I can't enjoy anything anymore"),
    ),
    Feeling(
        "angry",
        r"\b(angry|anger|furious|rage|irritat\w*|annoyed|fuming|livid|pissed off|snapp?(ed|ing)|snaps? at|mad at|"
        r"(so|really|bloody|proper|properly|hopping) mad)\b|"
        r"lost my temper|losing my temper|\bi (shouted|yelled|screamed)\b|(shouting|yelling) at (them|him|her|my)\b|"
        # "I need help with my temper ... and I just lose it" (chat_heldout53, read: met as the situation at home)
        r"\b(with|control|about|manage|managing) my temper\b|\bmy temper\b (is|gets|has|flares)|"
        # "missus reckons i need to sort my temper out so here i am" (chat_heldout57, read: "Thanks for telling me a bit
        # about what's going on")
        r"\b(sort|sorting|work on|working on|deal with|dealing with|do something about|get a handle on) my temper\b|"
        # "my missus reckons i've got a short fuse lately", "i just go from zero to a hundred" (chat_heldout60, read:
        # "Thank you for telling me that")
        r"\bshort fuse\b|\b(zero|0) to (a hundred|one hundred|100|sixty|60)\b|\b(lose|lost|losing) my rag\b|"
        r"\bblow my top\b|\bhot ?headed\b|"
        # "missus reckons i should try this. got a bit of a temper on me" (chat_heldout61, read: "Thanks, that helps me
        # understand"): a temper of one's own, said of oneself, never a child's tantrum
        r"\b(got|have|had|i'?ve got|with) (a bit of a|a|such a|a real|a bad|a short|a quick|a hot|a terrible|an awful) "
        r"temper\b(?! tantrums?)|\bmy (bad|short|quick|hot|foul|terrible|awful) temper\b|"
        r"\bi (just |always |completely |totally )?(lose|lost) it\b(?! (all|the plot|my|the))|"
        r"\b(lose|lost|losing) it (with|at) (them|him|her|the kids|my|everyone)\b",
        ("I'm so angry I could scream", "everything is irritating me today", "I snapped at my partner again"),
    ),
    Feeling(
        "frustrated",
        r"frustrat\w*|fed up|sick of|nothing works|getting nowhere|"
        # "a bit wound up, my flatmate never cleans the kitchen", "he winds me up": annoyed ("wound up about
        # tomorrow" is nerves, read as anxious)
        r"wound up(?! (about|before|over))|winds? me up|"
        r"driv(es?|ing) me (mad|crazy|nuts|insane|up the wall|round the bend|loco|loca)|doing my head in|"
        # "this commute is killing me", "cancelled AGAIN": worn down by something that keeps happening
        r"\b(commute|traffic|trains?|buses|this (week|job|place|weather|heat)|these (hours|shifts)) (is|are) killing me\b|"
        r"\b(cancelled|late|delayed|broken|down|jammed) again\b",
        ("I'm so fed up with this", "I keep trying and getting nowhere"),
    ),
    Feeling(
        "lonely",
        r"lonel\w*|(feel(s|ing)?|felt|so|all|very|completely|totally|really|always|just me) alone\b|alone (all the time|again|every)|"
        r"isolated|no friends|(no one|nobody|noone|no ?body) to (talk|tell|share|ring|call|show)|(don'?t|do not|never|didn'?t|without) (talk|speak)(ing)? to (anyone|anybody|a soul)|left out|no one (cares|understands)|"
        r"(don'?t|do not|didn'?t) (really |even |actually )?know (anyone|anybody|a soul|a single (person|soul)|one (person|soul))|know no ?one|haven'?t (got|made) (any )?friends|"
        r"(friends|mates|everyone|everybody) (have |has )?(all )?(moved|gone) away",
        ("I feel so lonely", "I have no one to talk to", "everyone else has friends except me"),
    ),
    Feeling(
        "stressed",
        r"stress\w*(?! (him|her|them|you|anyone|everyone) out)|under pressure|pressure|deadlines?|swamped|too much on|burn(t|ed)? ?out|burnout",
        ("I'm so stressed with work", "there's too much on my plate", "the pressure is getting to me"),
    ),
    Feeling(
        "overwhelmed",
        # not too much of a thing had ("too much coffee", chat_heldout65, read)
        r"overwhelm\w*|too much(?! (coffee|caffeine|tea|sugar|booze|alcohol|wine|beer|screen time|food|salt|sun|"
        r"chocolate|junk|takeaway|energy drinks?|red bull|monster))|can'?t cope|can'?t keep up|drowning|can'?t handle|"
        # "i had a baby 6 weeks ago and i'm not coping very well"
        r"\bnot coping|\b(struggling|barely able) to cope|\bbarely coping|\bnot managing (very )?well|"
        # "my brother lives in canada so it's all on me": carrying it alone
        r"\b(it'?s|its|everything'?s|everything is|it all falls|it falls) (all )?on (me|my shoulders)\b|\ball on my shoulders\b",
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
        r"\bnumb\b|feel nothing|empty inside|\b(feel|feels|feeling|felt|so|just|i'?m|im) empty\b|detached|can'?t feel anything|on autopilot",
        ("I feel numb", "I don't feel anything anymore", "I feel empty and switched off"),
    ),
    Feeling(
        "tired",
        r"exhausted|(?<!re)tired|drained|worn out|no energy|knackered|fatigue|(like )?a zombie|shattered|running on empty|"
        r"sleep deprived",  # not "retired"
        ("I'm exhausted all the time", "I have no energy left", "I'm completely drained"),
    ),
    Feeling(
        "grieving",
        # "died" of a person or pet; not "I literally died of embarrassment", "I died on level 3", "nearly died laughing"
        # "my best friend took her own life last year": a death by suicide told (triage reads it first)
        r"grie(f|ving)|passed away|(took|taken) (her|his|their) own life|(died|death) by suicide|lost (her|him|them|my \w+) to suicide|"
        r"\bkilled (herself|himself|themselves)\b|\b(?<!i )(?<!literally )(?<!nearly )(?<!almost )(?<!basically )(?<!actually )died\b"
        r"(?! (of|from|with) (embarrassment|cringe|laughing|laughter|boredom|shame|the cringe))(?! laughing)|broke up with me|dumped me|(we|we'?ve|just|have) (broken|split) up|"
        r"(we|i|she|he|they) (broke|split) up|(had to )?put (our|my|the) (\w+ ){0,2}(dog|cat|pet|rabbit|horse|collie|kelpie|"
        r"spaniel|lab|labrador|terrier|pup|puppy|pony|budgie|hamster) (down|to sleep)|"
        # "We had the vet out yesterday to put our old collie down": the vet, then a pet put down
        r"\bvets?\b.{0,40}\bput (\w+ ){1,3}(down|to sleep)\b|"
        # "we had our old spaniel put to sleep", "having him put down", "we had Bramble put to sleep": a pet's death
        r"\b(had|have|having|had to have) (our|my|the|him|her|them|(?!(to|it|a|an|you|me|just|already)\b)[a-z]+) (\w+ ){0,3}put (down|to sleep)\b|"
        # "my dog had to be put to sleep", "our cat was put down": said of an animal, a death
        r"\b(dog|cat|pet|puppy|kitten|rabbit|bunny|horse|pony|hamster|guinea pig|budgie|parrot|collie|spaniel|terrier|"
        r"retriever|labrador|lab|greyhound|whippet|poodle|pug|staffie|boxer)s? (\w+ ){0,2}(had to be|was|were|got|has been|"
        r"have been|had been) put (down|to sleep)\b|"
        r"lost (our|my) (dog|cat|pet)|funeral|bereave\w*|miss (him|her|them) so|"
        # "We lost a patient on Tuesday": a death at work, felt as a loss too
        + I.LOST_AT_WORK.pattern + "|"
        # "I lost my husband Walt six years ago and most evenings are very quiet" (chat_heldout66, read: met as trouble
        # with a partner, "What would you like him to understand?"): someone close lost is a death; not "lost my dad in
        # the crowd", nor a thing of theirs ("lost my dad's watch")
        r"\b(lost|losing) (my|our) (husband|wife|partner|mum|mom|mam|mother|dad|father|son|daughter|brother|sister|"
        r"grandma|grandad|granddad|grandpa|grandmother|grandfather|nan|nana|gran|granny|uncle|aunt|auntie|best friend|"
        r"baby|twin|fiance|fiancee)\b(?!'?s\b)(?! (in|at|on) (the|a) )|"
        # "since my husband passed six years ago": a death, said gently; not "my son passed his test"
        r"\b(husband|wife|partner|mum|mom|mother|dad|father|son|daughter|brother|sister|grandma|grandad|granddad|"
        r"grandpa|grandmother|grandfather|nan|nana|gran|granny|uncle|aunt|auntie|friend) passed(?! (his|her|their|my|"
        r"the|a|an|it|its|all|every|out|me|us|him|them|by|through|over|round|around|with|in|first|second)\b)|"
        # "it's been very quiet in the house since Maura passed, two years in March" (chat_heldout61, read: "That sounds
        # like a lot to hold"): "since" someone passed, by name or "he", is a death; not "since she passed her test"
        r"\bsince (my |our )?(\w+ ){0,2}passed\b(?! (his|her|their|my|the|a|an|it|its|all|every|out|me|us|him|them|by|"
        r"through|over|round|around|with|in|first|second|on)\b)|"
        # "we buried her in October", "I've outlived nearly all my friends": a death, said as people of an age say it
        r"\b(we|i|they) (buried|cremated) (?!(myself|ourselves|themselves|the|it|a|an|that|this|some|my head|"
        r"our heads|my face)\b)\w+|\boutlived\b|"
        # "had the vet out this morning to put old Bess down": the vet names what was put down
        r"\bvets?\b.{0,60}\bput (?!(the|my|a) (phone|receiver|kettle|bag|cup|deposit)\b)(\w+ ){0,2}(down|to sleep)\b|"
        r"\bput (?!(the|my|a) (phone|receiver|kettle|bag|cup|deposit)\b)(\w+ ){0,2}(down|to sleep)\b.{0,60}\bvets?\b",
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
        r"hopeful|feeling better|better today|(a )?(bit|little|lot|tad) better|better now|calmer now|optimistic|looking forward|good (day|week|weekend)|proud of myself|went well",
        ("I'm feeling better today", "things went well and I'm proud of myself", "I feel more hopeful"),
    ),
)


#: Grown-ups close enough that looking after them is caring ("I look after my mum") ...
_GROWN_UP = (
    r"(mum|mom|mother|dad|father|parents?|gran\w*|nan|grandma|grandad|grandpa|husband|wife|partner|brother|sister)"
)
#: ... and children, who are cared for ("I care for my disabled son") though looking after them is parenting.
_CLOSE = rf"({_GROWN_UP[1:-1]}|son|daughter|child|kid)"


@dataclass(frozen=True)
class Theme:
    """Something the person's life is about right now, named so it can be picked up next time."""

    name: str
    words: str


THEMES: tuple[Theme, ...] = (
    Theme(
        "sleep",
        # not "sleeping better", "sleep's been better": sleep said to be well is no sleep problem
        # "once they're asleep" is bedtime, not a sleep problem (chat_heldout53, read): asleep only when getting or
        # staying there is the trouble
        r"(?<!a)sleep(?!(ing|s| has|'s| is)( been)? (a lot |much |so much |a bit |loads |way |really |so )?(better|fine|good|great|ok|okay))|"
        r"\b(fall|falling|fell|stay|staying|get|getting|be) (\w+ )?asleep\b|\basleep (at|till|until|before|by) \d|slept(?! (better|well|fine|great|like a (log|baby)))|insomnia|awake|bed ?time|nightmare|the nights?\b|3 ?am|tossing and turning|"
        r"(lie|lying|lay) (there|here|in bed)|in bed (and|but|at)|drop(ping)? off|drift(ing)? off|(go|goes|get|going|went) to bed|switch off at night",
    ),
    Theme(
        "someone_ill",  # someone close in hospital or unwell: their health, the person's worry (not their own)
        r"\b(mum|mom|mother|dad|father|nan|nana|gran|grandma|granny|grandad|grandpa|sister|brother|son|daughter|"
        r"partner|husband|wife|boyfriend|girlfriend|baby|child|kid|friend|best friend)('s| is| has| was)( been| just)?"
        r" (in (the )?hospital|in intensive care|ill|sick|unwell|poorly|diagnosed|having (an )?(operation|surgery))",
    ),
    Theme(
        "caring",  # looking after someone who needs care: the carer's own strain (knowledge/caring-for-someone.md)
        r"\bcarers?\b|caregiv|dementia|alzheimer|"
        rf"(\bcaring for|\bcare for) (my|our) (\w+ )?{_CLOSE}\b(?!'s)|"
        rf"\blook(ing|s)? after (my|our) (elderly |old |poorly |sick |disabled )?{_GROWN_UP}\b(?!'s| (while|when|for the (day|evening|weekend)))|"
        r"\bcaring for (him|her|them)\b|"
        # "my mum's in hospital and i'm the only one who visits": the one who carries the care
        r"\b(i'?m|i am) the only one (who|that) (ever )?(visits|looks after|cares for|helps (her|him|them)|does (anything|it))\b",
    ),
    Theme(
        "procrastination",  # putting things off (knowledge/procrastination.md): the avoid-relief loop, not laziness
        r"procrastinat|putting (it |them |things |everything |stuff |this |that )?off|"
        # "I am having one big task at work and from 2 weeks I am only postponing it" (chat_heldout55, read)
        r"\b(keep |only |just |always )?(postponing|postpone|delaying|dodging|avoiding) (it|this|that|the (task|work|job|essay|report))\b|"
        r"\bput(ting)? off (my|the|\w+ing|it|this|that)\b|"
        r"\bkeep avoiding (my|the|it|doing|starting)|can'?t (get|make myself) (started|start)|"
        # "my exams start in 2 weeks and i've done nothing": the work not begun
        r"\b(i'?ve|i have) (done|revised|studied|written) (nothing|zero|fuck all|f all|bugger all)\b|"
        r"\b(i )?(haven'?t|have not) (even )?(started|begun) (revising|studying|it|my (essay|revision|dissertation|"
        r"coursework|assignment|thesis|tax return|report))\b|\b(i'?ve )?barely (started|begun)\b|"
        r"(never|can'?t|don'?t) get (a)?round to|leav(e|ing) (it|everything|things) (to|until|till) the last minute|"
        # "i revise for an hour then scroll tiktok for hours": the phone as the way out of the task
        r"\b(revis|stud|homework|essay|assignment|coursework|dissertation|thesis|work)\w*\b.{0,60}\bscroll\w* (\w+ ){0,2}"
        r"(for hours|for ages|instead)|\bscroll\w* (\w+ ){0,2}instead of\b|"
        r"\binstead of (revising|studying|working|writing|doing (it|my \w+|the \w+))|"
        # "exams in 3 weeks and i just scroll my phone": the phone told as what they do with the time the work needs
        r"\b(exams?|revision|revising|deadline|essay|assignment|coursework|dissertation)\b.{0,60}\bi (just |only )?"
        r"(scroll|sit on|go on|end up on) (my phone|tiktok|instagram|insta|youtube|reddit)\b|"
        # "i keep opening tiktok instead of the doc": the phone or a feed opened in place of the work
        r"\b(tiktok|instagram|insta|youtube|netflix|reddit|twitter|my phone|snapchat|games?)\b.{0,20}\binstead of "
        r"(the|my) (doc|document|essay|assignment|work|revision|notes|thesis|dissertation|coursework|homework|report)\b",
    ),
    Theme(
        "social",  # fear of being judged or on show: shyness, blushing, speaking up (knowledge/social-anxiety.md)
        r"\bblush|(go(es)?|went|turn(s|ed|ing)?|going) (bright |beetroot )?red\b|\bshy\b|shyness|social(ly)? anx|"
        r"judg(ed|ing|e) me|(people|everyone|they) (are |were )?(judging|staring|looking at me|watching me|laughing at me)|"
        r"self ?-?conscious|\bawkward|embarrass|speak(ing)? up\b|public speaking|(speak|speaking|talk|talking) in front of|in front of (people|everyone|a crowd|an audience|the (class|room))|presentation|\bspeech\b|\beulogy\b|small talk|"
        r"cent(re|er) of attention|(mind|head) goes blank|voice (shakes|wobbles|goes (all )?(shaky|wobbly))|\bcring(e|ing)\b|"
        # on show: "I hate being looked at", "everyone staring", "I have to do a reading in church"
        r"being (looked at|stared at|watched)|(everyone|people|they) (all )?(staring|looking) at|"
        r"\bdo(ing)? (a|the) reading\b|\breading (in church|at the (wedding|funeral|service))",
    ),
    Theme(
        "work",
        r"(?<!n't )(?<!not )\bwork(?!ed\b)(?!ing on\b)|\bworked (late|all|overtime|extra|through|shifts?)|\bjob\b|boss(?! (fight|battle|level|fights|battles)\b)(?<!final boss)|manager|colleague|office|meeting|shift|career|interview|\brotas?\b|handover|short.staffed|overtime|workload|"
        # a kitchen, a ward, a shop floor: "head chef screamed at me", "a double, 14 hrs on the line"
        r"head chef|\bsous\b|\bthe brigade\b|\bon the line\b|\bdouble shift|\bpulled a double|\bjust (did|got home from|finished) a double\b|"
        r"\b(my|the) (supervisor|line manager|practice manager|team lead(er)?|foreman|gaffer)\b",
    ),
    Theme(
        "study",
        r"exam|\bfinals\b|\bmocks\b|gcse|a ?levels?\b|revis(e|ing|ion)|school|college|universit|\buni\b|study|studying|homework|essay|coursework|\bmy (\w+ )?teachers?\b|\bteachers\b|dissertation|thesis|assignment|lecture|"
        # "feel this bad before a test", "my maths test": a school test, not a blood or driving test
        r"\b(before|for|revising for|studying for|after) (a|the|my|this|our|tomorrow'?s) tests?\b|"
        r"\b(maths|math|chem\w*|physics|bio\w*|history|english|french|spanish|spelling|class|unit|school|practice) tests?\b",
    ),
    Theme(
        "relationships", r"partner|boyfriend|girlfriend|husband|wife|relationship|break ?up|broke up|dating|\bex\b"
    ),
    Theme(
        "family",
        # not "called my chem teacher mum in front of the whole class": a slip of the tongue, not family
        r"\b(?<!teacher )(?<!boss )(?<!lecturer )(?<!tutor )(?<!coach )(?<!manager )(mum|mom|dad)\b|mother|father|parent|sister|brother|family|kids?\b|children|\bsons?\b|daughter|"
        r"\bbaby\b|newborn|toddler",
    ),
    Theme("friends", r"(?<!boy)(?<!girl)friend|\bmates?\b|social|party|people think"),
    Theme(
        "money",  # not "parents"; "another 400 i don't have" is money whatever the currency sign was
        r"money|debt|\brent\b|bills?\b|afford|financ|mortgage|pay ?check|salary|\bquid\b|\bskint\b|overdra\w+|"
        r"\bloans?\b|\d+ (i|we) (don'?t|dont|do not) have",
    ),
    Theme(
        "health",
        # "ill go" is I'll (normalise()); a health visitor sees a new baby and its parents, not an illness
        r"health(?! visitor)|\bill\b|illness|doctor|symptom|\bpain(ful)?\b|diagnos|headache|hospital|"
        # tests and results waited for ("they called me back for more pictures" after a mammogram)
        r"mammogram|biopsy|smear test|screening|\blump\b|\bscans?\b|test results|blood tests?|\bbloods\b|ultrasound|"
        r"\bmri\b|\bct\b|x-?ray|consultant|oncolog\w*|cancer|tumou?r",
    ),
    Theme("panic", r"panic|heart (is )?(racing|pounding)|can'?t breathe|short of breath|chest (is )?tight"),
    Theme(
        "self-criticism",
        # "i feel like a terrible mum": the person's harsh verdict on themself in a role
        r"(i'?m|i am|i feel like|feel like|i'?ve been|such) (a |an )?(terrible|awful|horrible|rubbish|crap|useless|shit|bad|"
        r"failure of a|shitty|lousy) (mum|mom|mother|dad|father|parent|wife|husband|partner|friend|daughter|son|sister|"
        r"brother|person|boss|teacher|carer)\b|"
        r"useless|failure|(not|won.t|wouldn.t|isn.t|wasn.t|never) (be )?(\w+ )?good enough|perfectionis|(my own|such high|impossible|high) standards|worthless|hate myself|so stupid|idiot|mess(ed)? (it )?up",
    ),
    Theme(
        "body",  # how the body looks, not what it does ("why is my body acting like a bear is chasing me")
        r"(hate|hating|ashamed of|disgusted (by|with)|unhappy with|the way|how) my body|my body (looks|shape)|"
        # "been feeling really gross about my body lately" (chat_heldout45, read: it was met as an answer, no theme)
        r"(gross|disgusting|horrible|awful|bad|insecure|self.conscious|ashamed|ugly|huge|massive) (about|in|with) my (body|"
        r"stomach|tummy|belly|thighs|arms|legs|face|skin|weight|shape)|"
        r"how i look|\bugly\b|\bfat\b|my weight|appearance|\bmirror\b|body (image|shape)",
    ),
    Theme(
        "worry",
        # "the worst" as a fear, not as a ranking ("weekends are the worst", "chem is the worst")
        r"what if|overthink|can'?t stop thinking|keep thinking|ruminat|worst(-| )case|worst will happen|"
        r"(expect|expecting|imagine|imagining|assume|assuming|think|thinking|fear|fearing) the worst|"
        # going over things, round and round: rumination, whatever it is about
        r"\bgo(ing|es)? over (everything|it|things|what|all|every)|replay\w*|round and round|"
        r"(mind|thoughts|head|brain) (is |are |keeps? |(won'?t|wont|will not|doesn'?t|does not|can'?t|cannot) stop )?"
        r"(racing|races|spinning|spins|churning|buzzing|going)\b(?! (to|out|well|ok|okay|fine)\b)|racing (mind|thoughts)",
    ),
)

#: What a message about a theme sounds like, for the themes a word in passing sets most often ("my wife and I are
#: going to the service", "we were inseparable at uni", "i coach my lad's under 12s"): a theme found by its words is
#: kept only when the message is also near one of these in meaning (``Understander.theme_floor``).
THEME_EXEMPLARS: dict[str, tuple[str, ...]] = {
    "family": (
        "things are really hard with my family",
        "my parents and I keep arguing",
        "I'm struggling with my kids",
        "my mum and I don't get on",
        "there's a lot of tension at home with my family",
        "my brother and I fell out",
        "being a parent is wearing me down",
    ),
    "relationships": (
        "my partner and I keep arguing",
        "my relationship is falling apart",
        "my boyfriend and I broke up",
        "I don't feel close to my husband anymore",
        "my girlfriend doesn't listen to me",
        "things are rocky with my wife",
    ),
    "study": (
        "I'm stressed about my exams",
        "I can't keep up with my coursework",
        "uni is really hard right now",
        "I'm behind on revision",
        "I'm worried I'll fail my degree",
        "my essay is due next week",
        "exams are coming up soon",
    ),
    "work": (
        "work is really stressful",
        "my boss is making my life hard",
        "I hate my job",
        "I'm overwhelmed at work",
        "I'm worried about losing my job",
        "I made a mistake at work and my boss will be angry",
        "my manager and colleagues at the office",
        "I have a job interview coming up",
        # work in many trades, not only an office: shifts, rotas, customers, patients, deliveries, clients
        "I'm shattered after a long shift",
        "the rota at work is awful and my shifts keep changing",
        "we were short-staffed on the ward again",
        "customers were rude to me all day at the shop",
        "so many deliveries to do today and the route is a mess",
        "my clients keep changing what they want",
        "I got told off at work today",
        "working nights is wrecking me",
        "the workload is too much",
    ),
}

#: Where someone close is being cared for: after they were said to be unwell, "in case the hospital calls" is
#: still about them, not the person's own health.
_THEIR_CARE = re.compile(r"\bhospital|\bward\b|visiting|intensive care|\bicu\b")
#: Words of a loss: grief read by meaning alone needs one ("my mum is in hospital" is worry, not bereavement).
_LOSS = re.compile(
    r"\b(lost|loss|losing|gone|miss(ed|ing)?|death|dead|died|dying|passed|anniversary|funeral|grave|widow\w*|"
    r"memorial|ashes|bereave\w*|grie(f|ve|ving))\b"
)
#: A part of life said to be fine ("work is fine, people are nice but..."): not what the message is about, so no
#: theme is read from it (it was asked "What part of work is weighing on you most?" and quoted burnout).
_SAID_FINE = re.compile(
    r"\b(work|my job|the job|school|uni|college|home|money|sleep|family|studying|revision|my \w+)"
    r"( is|'s| has been| was| are)? (fine|ok|okay|alright|all right|good|great|going well)\b"
)
#: A theme's word used in passing, for something the message is not about: "work" as a verb ("how the machines
#: work", "it might work", "working out at the gym"), "the night" of an event ("stick together on the night"),
#: someone's death "in her sleep", a housemate who is no friend, "painting". Left out before themes are read, so
#: one incidental word does not set the topic and steer the questions after it (the gym was asked about work).
#: Haven addressed as a mate ("Not after any exercises mate, just need...", "cheers mate"): no friend in it. "my
#: mate Dev", "a mate from work", "mates" are friends.
_ADDRESSED = re.compile(r"(?<!\bmy )(?<!\ba )(?<!\bthe )(?<!\bour )(?<!\byour )(?<!\bhis )(?<!\bher )(?<!\btheir )"
                        r"(?<!\bbest )(?<!\bold )(?<!\bgood )(?<!\bwork )\bmate\b")


_IN_PASSING = re.compile(
    r"\bhow (?!(my|our|your|at|from|to)\b)(\w+ ){1,3}works?\b(?! (is|was|has|have|had|stuff|today|tomorrow)\b)|"
    # the verb after a subject ("it works", "they work"), not "everything, work, cooking" run together once the
    # commas are gone
    r"\b(it|that|this|nothing|something|anything|everything) works\b|"
    r"\b(they|things|will|would|could|should|might|may|can|i'?ll|it'?ll|that'?ll|make it|makes it|didn'?t|"
    r"doesn'?t|don'?t|won'?t|wouldn'?t|can'?t) work\b|"
    r"\bwork(s|ed|ing)? (it |things |them |that |this )?out\b|"
    r"\b(on|for) the night\b|\bthe night (before|of)\b|"
    r"\bin (her|his|their) sleep\b|"
    r"\b(house|flat|room|class|team|play)mates?\b|"
    # put to sleep, of a pet or for an operation, is no sleep problem; "cried like a baby" has no baby in it
    r"\bput (\w+ ){0,3}to sleep\b|\blike a (baby|child|kid)\b"
)
#: Recovery said in the message ("went to my meeting and got my one year chip", "my sponsor"): its meeting is a
#: support group, not work.
_RECOVERY = re.compile(r"\b(chip|sober|sobriety|aa|na|sponsor|recovery|twelve steps?|12 steps?)\b")
#: A fault found in someone else ("he's useless", "my landlord is an idiot", "they messed it up"): frustration with
#: them, not self-criticism, which is the person's own harsh voice about themself ("I'm useless", "my boss thinks
#: I'm useless" stays: the words after the speaker are about the person).
_OTHERS_FAULT = re.compile(
    r"\b(he|she|they|he'?s|she'?s|they'?re|hes|shes|theyre|you'?re|my (?!own\b)\w+|the \w+|his \w+|her \w+|"
    r"their \w+)(?: (?!i\b|i'?m\b|im\b|me\b|myself\b|my\b)[\w']+){0,2} (useless|a failure|failure|an idiot|idiot|"
    r"so stupid|worthless|messed (it |this |that |everything )?up|mess(es)? (it |this |everything )?up)\b"
)
#: Someone else's school or job ("people from her uni", "my son's school say he's fine"): not the person's own, so
#: the owner is kept ("my son") and the school or job left out.
_SOMEONE_ELSES = re.compile(
    r"\b(her|his|their|\w+'s) (school|uni|university|college|work|job|office|exams?|homework|teacher|boss|manager|"
    r"friends?|mates?)\b|"
    # "my son has gone quiet since he started secondary school": his school, not the person's studies
    r"\b(he|she|they)( \w+)? (started|starts|starting|is at|goes to|changed|moved|left|hates|loves|got into) "
    r"(\w+ ){0,3}(school|uni|university|college|nursery|job|work)\b"
)
#: Work that is someone else's ("my partner is great but he's back at work"), not the person's own.
_OTHERS_WORK = re.compile(
    r"\b(he|she|they|he'?s|she'?s|they'?re|(partner|husband|wife|boyfriend|girlfriend|dad|mum|mom)('?s)?)\b( \w+){0,2} "
    r"(is |are |was |were )?(back )?(at|to|from|off) work\b|\b(he|she|they) (works?|worked|is working)\b"
)
#: Someone close spoken of warmly ("my partner is great but..."): not a relationship problem.
_SPOKEN_WELL_OF = re.compile(
    r"\b(partner|husband|wife|boyfriend|girlfriend)( \w+){0,1} (is|has been|'s been|'s) (really |so |very )?"
    r"(great|lovely|amazing|supportive|brilliant|wonderful|good|kind|fine|helpful)\b"
)
#: Someone close named only by where they are or what they do ("partner's back at work so nights are mostly me",
#: "my husband works nights", "wife's away this week"): the situation, not a relationship problem.
_PARTNER_ELSEWHERE = re.compile(
    # "my partner helps but he's back at work now": where the partner is, a few words on
    r"\b(partner|husband|wife|boyfriend|girlfriend|hubby|fiance|fiancee)('?s| is| has)? ([\w']+ ){0,4}?(back (at|to) work|at work|"
    r"works? (nights|lates|shifts|away|long hours|offshore)|working (nights|lates|away|long hours)|away|"
    r"on (nights|shifts|deployment|a work trip)|travell?ing for work)\b"
)
#: A relationship's trouble said outright: with it, the partner is the subject after all.
_RELATIONSHIP_TROUBLE = re.compile(
    r"\b(argu\w*|fight\w*|fought|row(s|ed|ing)?|split|break ?up|broke up|cheat\w*|divorc\w*|distant|ignor\w*|"
    r"resent\w*|doesn'?t (help|listen|care|understand)|never (helps|listens)|don'?t talk|blame\w*)\b"
)
#: Something done that went badly ("I went to the party but I didn't enjoy it at all"): no win to celebrate.
_SPOILED = re.compile(
    r"\b(didn'?t|did not|never|couldn'?t|could not) (enjoy|like|have (any )?fun)|hated (it|every)|"
    r"(it|that|which) was (awful|horrible|terrible|a disaster|a nightmare|so awkward|hell)\b|"
    # "ugh the exam is over and i think i failed": over, and badly
    r"\b(i )?(think |reckon |probably |definitely )?(i )?(failed|bombed|flunked|messed (it |that )?up|screwed (it |that )?up|"
    r"blew it|froze|went blank)\b|\bwent (really |so )?(badly|terribly|awfully|wrong)\b|"
    # "i had a baby 6 weeks ago and everyone keeps saying enjoy every moment and i just feel like a zombie"
    # (chat_heldout51, read: "That's great! You should be proud of that")
    r"\b(everyone|people|they) (keeps?|all keep) (saying|telling me)|\b(i )?(just )?feel (like )?(a zombie|a failure|a fraud|"
    r"awful|rubbish|terrible|empty|numb|lost|useless|i'?m (drowning|failing|doing (it|everything) wrong))\b|"
    # "My allowance finished two weeks ago and I don't want to ask my parents again" (chat_heldout66, read: "That's a
    # good chunk done. Well done for getting going"): money or food finished is run out, not a job done
    r"\b(money|allowance|savings|cash|food|data|credit|wages?|pay|salary|budget|loan|bursary|stipend|grant|rent money)"
    r" (has |have |had |is |was )?(all )?(finished|run out|ran out|gone|used up|spent)\b|"
    # "honestly the shift itself was fine, nobody crashed ... it's just my brain won't switch off when i get in"
    # (chat_heldout66, read: "Oh, that's a nice thing to have in your day"): the good part said first, then the trouble
    r"\b(it'?s just|it is just|except|only (thing|problem) is|the (problem|thing|issue) is|but)\b.{0,60}"
    r"\b(won'?t|can'?t|cannot|don'?t|doesn'?t|didn'?t|isn'?t|not|never|still|no)\b|"
    # "Yes I lying down and just going round and round in my head, 2, 3 o'clock" (chat_heldout66, read: "That sounds
    # lovely"): thoughts going round at night
    r"\b(going|goes|go|spinning|spins|whirring) (round and round|around and around|round in circles)\b|"
    r"\b(mind|head|brain) (racing|won'?t (stop|switch off|shut up)|going a mile a minute)\b"
)
#: Sleep said to be going well ("sleeping better", "I've slept well all week"): good news, not a sleep problem.
#: Failing, or letting someone close down ("my mum will be so disappointed"): said in a talk about study or work, the
#: family is who the person fears letting down, and the study or work stays the topic.
_LETTING_DOWN = re.compile(r"\b(fail\w*|flunk\w*|let (?:them|her|him|everyone|my \w+) down|disappoint\w*|dissapoint\w*)\b")
#: A question about what was said before ("like this", "this way"): its subject is the conversation's.
_REFERS_BACK = re.compile(r"\b(like|about) (this|that)\b|\b(this|that) way\b|\bfeel (this|that)\b")
#: A question about what was just happening ("why does this keep happening on trains"), question mark or not.
_WHY_THIS = re.compile(r"(why|how come|what makes)\b.{0,30}\b(this|it|that)\b (keep|keeps|always|still|happen\w*)\b")
_SLEEPING_WELL = re.compile(
    r"\b(sleep(ing)?|slept)( (is|has been|'?s been|has got|got))? (a lot |much |so much |a bit |loads |way |really |so )?"
    r"(better|well|fine|great|like a (log|baby))\b"
)
#: Days spent in bed, not nights without sleep ("i just stay in bed", "can't get out of bed"): low mood doing less,
#: which the learned theme reader took for sleep and met with the sleep plan.
_DAYS_IN_BED = re.compile(
    r"\b(?:stay|stays|stayed|staying|spend|spent|spending|rot|rotting) in bed\b(?! at night)|"
    r"\b(?:lie|lying|lay|laying) in bed (?:all|most of the|till|until) (?:day|weekend|morning|afternoon|noon|lunch)|"
    r"\b(?:can'?t|cannot|couldn'?t|don'?t|didn'?t|barely|hardly|struggl\w+ to) (?:even )?(?:get|getting) out of bed\b|"
    r"\bin bed all (?:day|weekend|morning|afternoon)\b"
)
_NIGHTS_AWAKE = re.compile(
    r"\b(?:can'?t|cannot|couldn'?t|not) (?:get to )?sleep|\binsomnia\b|\bawake\b|\bnights?\b|\bsleepless|switch off|"
    r"\bdrop(?:ping)? off|\btoss"
)
_OWN_WORK = re.compile(r"\b(my (job|boss|manager|work|shift|colleagues?)|at work i|i work|i'?m working)\b")
#: A question in the person's own voice, opening with its question word ("what would facing it even look like?"),
#: not one they quote ("mummy calls to ask 'beta dekha ki nahi?'").
_ASKS = re.compile(r"(what|whats|what'?s|how|why|when|where|who|which|is|are|does|do|can|could|should|will|would)\b")
#: Asking what to do about something, with a verb of coping ("so what do I do instead of googling when it starts?",
#: "how do I keep it going though?"): a question for the library, not a feeling to reflect. Narrower than the
#: guide's _ASKS_HOW (any "how" question, which the guide answers with an exercise before background).
_WHAT_TO_DO = re.compile(
    r"\b(what (do|can|should|could) (i|people|you)( actually| even| really| then)? (do|try)|what (else )?(can|could|should) i do|"
    r"how (do|can|should|could|does|would) (i|people|you|anyone|someone|one|others|folks)( actually| even| ever| normally"
    r"| usually| best)? (stop|keep|deal|cope|handle|manage|make|get|break|calm|switch|quiet|not|deal|shut|turn off|start|begin|focus)|"
    r"how to (stop|deal with|cope with|handle|manage|calm|switch off|quiet|shut off|turn off)|"
    # "maybe. what would the first step be?" about a tax return put off: asking how to begin
    + I.FIRST_STEP.pattern.replace("\\b", "")
    + r"|"
    # "can you just give me one small thing to do right now": asking for a step, not telling a feeling
    r"((can|could|would|will) you (just |please |maybe )?)?(give|tell|suggest|show) me (just )?(one|a|some|something)"
    r"( (small|little|simple|quick|practical|concrete|easy|tiny))* (thing|step|idea|tip|action)s?( (i can|i could|to))? "
    r"(do|try|start))\b|"
    # "Is there something quick for when she asks the same question over and over": a step asked for a moment
    r"\bis there (something|anything) (\w+ )?(quick|simple|easy|small|practical|i can do|that helps?) (for|when|to)\b"
)
#: Where a question may start without a question mark: the start of a sentence, after a word or two of lead-in
#: ("yeah. anyway how do people actually stop overthinking at night").
_LEAD_IN = re.compile(r"(^|[.!?]\s*)((yeah|yes|ok|okay|so|anyway|but|and|well|hmm|right|also|btw|honestly|seriously|"
                      r"actually|ok so|so like|that helps|that makes sense|makes sense|got it|i see|thanks|thank you|"
                      r"cheers|cool|great|good|fair enough|true),?\s+){0,3}$")


#: A no in a few words ("no thanks, not grounding"): an exercise named beside it is not asked for.
_SAID_NO = re.compile(r"\b(no|not|nah|nope|don'?t|never)\b")
_GO_AHEAD_NOW = re.compile(I.GO_AHEAD_NOW)


def _plan_for_later(norm: str) -> bool:
    """A plan of the person's own with a time to it ("ok i'll try writing it down before bed"): something they will
    do later, welcomed as a plan, not an exercise of that kind to start now (it opened "Three good things"). A
    go-ahead at the end ("i could do that on the 3am feed. go on then") asks for it now."""
    if _GO_AHEAD_NOW.search(norm):
        return False
    plan = I.plan_said(norm)
    return plan is not None and bool(I.PLAN_WHEN.search(norm[plan.end() :].strip().rstrip(".!?")))


#: "wdym break it into chunks", "what do you mean by a thinking trap": what a phrase means, asked at the start.
#: "What you mean by a worry I can solve and one I can't?" (chat_heldout66, read: met as anxiety), "do" left out
_WHAT_DO_YOU_MEAN_BY = re.compile(
    r"^(?:(?:ok|okay|sorry|wait|but|so|um+|hmm+)\W+)*(?:wdym|what (?:do )?(?:you|u|ya) mean)\W+(?:by\W+)?\w+"
)


#: Numbers that count days, times or minutes ("did the worry time thing for 3 days", "checked it 5 times"): no rating
#: of a step ("Did the worry time thing for 3 days. It kind of works" was taken as the first step's 0-10, and the
#: steps went on over it, chat_heldout51, read).
_SPANS_AND_COUNTS = re.compile(
    r"\b(\d+|a|one|two|three|four|five|six|seven|eight|nine|ten) (whole |full |more )?(days?|nights?|weeks?|times?|"
    r"hours?|hrs?|mins?|minutes?|months?|goes|evenings?|mornings?)\b|\b\d+(am|pm)\b"
)

#: Asking how an exercise goes ("how does the worry time thing actually work though?"): a question, even with a doubt
#: beside it ("that seems impossible"), which alone would turn it down.
_HOW_IT_WORKS = re.compile(
    r"\bhow('?s| (does|do|would|will|is)) (the |this |that |a )?[\w -]{0,30}?(thing |exercise |one )?(actually |even |really )?"
    r"(work|works|go|goes|help|helps|supposed to work)\b|\bwhat do (i|you) (actually |even )?do\b.{0,40}\?"
)


def _asks_how_it_works(norm: str) -> bool:
    """Whether a message asks how an exercise works ("how does the worry time thing actually work though?")."""
    return bool(_HOW_IT_WORKS.search(norm)) and "?" in norm


def _asks_how_to(norm: str) -> bool:
    """Whether a sentence of the message asks what to do: ending in a question mark ("How do I keep it going
    though? Usually I get one good week..."), or opening its sentence ("anyway how do people actually stop
    overthinking at night"); "I don't know how I can keep going." is no question."""
    # or in a sentence that opens as a question ("what does wind down routine mean exactly, like what do I actually do")
    return any(
        "?" in re.split(r"[.!]", norm[m.start():])[0]
        or _LEAD_IN.search(norm[: m.start()])
        or _OPENS_ASKING.match(re.split(r"[.!?]\s*", norm[: m.start()])[-1])
        for m in _WHAT_TO_DO.finditer(norm)
    )


#: "how do I bring it up without it turning into another fight?": asking what to do, in its plainest shape.
_HOW_DO_I = re.compile(r"\bhow (do|can|should|could) i\b|\bwhat (should|can|could) i (do|say|try)\b")
#: A sentence opening with "what does", "how do", "what is": a question, whatever follows in it.
_OPENS_ASKING = re.compile(r"(what|how|why|where|which) (does|do|is|are|would|should|can|could)\b")


#: A try's result said of the try itself ("it didn't help", "that's not working", "the breathing did nothing").
_OF_THE_TRY = re.compile(
    r"\b(it|that|this|the (exercise|suggestion|idea|tip|breathing|grounding|list|writing|one))('?s| is| was| has| did)? "
    r"(not|n'?t|isn'?t|wasn'?t|didn'?t|doesn'?t|did nothing|hasn'?t|never)\b|^(didn'?t|did not|doesn'?t|not) (help|work)|"
    r"^(i )?(tried|did|used|gave)\b|\bgave up\W*$"
)


def _about_the_try(norm: str) -> bool:
    """Whether "not helping" in a longer message is said of what Haven suggested, not of something else in the
    person's life ("dying to the same boss 30 times is not helping my mood lmao" was thanked for trying an
    exercise never tried)."""
    return len(norm.split()) <= 12 or bool(_OF_THE_TRY.search(norm) or I.TRIED.search(norm))


#: Something to talk about, said with a hello ("Morning. I had a CT scan on Tuesday and the results only come back
#: next week"): not a hello with a few words about oneself, though no feeling or theme was read.
_SOMETHING_HAPPENING = re.compile(
    r"\b(scan|scans|results|biopsy|diagnos\w*|lump|surgery|operation|test results|smear|mri|x ray|blood tests?|"
    r"funeral|court|hearing|redundan\w*|laid off|sacked|fired|break ?up|broke up|dumped|divorce|miscarriage|"
    # a trouble said in plain words ("I moved to Berlin in January and I still basically know nobody")
    r"nobody|no one|noone|lonely|alone|struggl\w*|can'?t|cannot|never)\b"
)
#: A sign-off closing a longer message, after its own punctuation ("ok gonna try and enjoy the rest of the evening,
#: night!", "anyway, bye for now x"): a goodbye, whatever came before it ("at night" is no sign-off: it has no comma).
_SIGN_OFF = re.compile(
    # "Cheers, lekker. Later", "Thank you darling. Walk good" (chat_heldout66, read: asked for anything else)
    r"[,.!;]\s*(night|nite|nighty night|night night|good ?night|gn|bye|bye for now|byee+|cya|see ya|see you|"
    r"speak soon|talk soon|ttyl|ta-ra|ta ra|laters|later|l8r|walk good|peace)( (x+|all|then|now))?(\s|x|[^\w\s])*$|"
    # "night. or morning. whatever it is 😴", a night nurse off to sleep at 10am (chat_heldout66, read: asked about
    # work): goodnight said first, with a few words after it
    r"^(night|nite|gn|night night)[.!,]+\s(or (morning|day|whatever)|x+|all|everyone|haven|then|for now|whatever)\b.{0,30}$"
)
#: Leaving to do something, said with thanks ("thanks, I needed that. off to walk him before it gets dark", "ty fr,
#: gotta eat dinner").
_LEAVING = re.compile(
    r"\b(off to|heading (off|out|to)|gotta go|got to go|time to go|better go|must go)\b|"
    r"\b(gotta|got to|have to|need to|must|time to) (go and |go )?(eat|make|cook|get|grab|pick up|collect|fetch|feed|walk|"
    r"put|start|do the|run|dash|head)\b"
)
#: Asking something of Haven, after any opener ("btw do u know...", "quick question, is there...").
_ERRAND_ASKED = re.compile(
    r"\?|^((btw|also|oh|so|ok|okay|hey|hi|random|quick|totally|completely|unrelated|but|side note|off topic) (question )?)*"
    r"(do|does|can|could|would|will|is|are|what|"
    r"where|which|how|any)\b"
)
#: Thanks that opens a message, said at some length ("thank you, this actually helps a lot").
_THANKS_OPENING = re.compile(
    rf"^((ok(ay)?|oh|aw+|ah|honestly|well|yeah|yes|yep|right|anyway)\W* )?({I.THANKS_WORDS})\b"
)

#: Words before a feeling that say it is not felt ("not worried", "no longer anxious", "I stopped worrying about
#: the other drivers", "nothing to worry about"); "haven't stopped worrying" and "never stopped" still feel it.
_NEGATION = re.compile(
    r"\b(not|never|no longer|isn'?t|aren'?t|don'?t|doesn'?t|wasn'?t|n't|(?<!n't )(?<!nt )(?<!never )stopped|"
    # "it was a cyst, nothing to worry about": the worry set aside
    r"nothing to|no need to|no reason to|"
    # "my fyp is way less depressing", "feeling less low" (chat_heldout51, read: met as low mood): eased, not felt
    r"less|not as|not so)\s+(\w+\s+)?$"
)


#: "ill" typed for I'll: followed by what the person will do ("ok ill go on saturday", "ill try it tonight").
#: Read once here, so no reading (the health theme, a plan, "I'll try that") has to know the typo.
_ILL_AS_I_WILL = re.compile(
    r"(^|\b(?:ok|okay|yeah|yes|sure|so|then|maybe|and|but|think|guess|suppose|hopefully|probably|well|"
    r"fair|lol|haha|cool|grand|"
    r"alright|right|fine|now|tomorrow|tonight|today|k|what|that|where|who|decide|worry|worried|know|hope|scared|"
    r"afraid|feel like|bet|swear|thought|thinking|sure|convinced|says|said) )ill (?=(go|try|be|do|see|fail|mess|forget|freeze|end|text|call|ask|have|get|give|check|just|probably|definitely|never|still|let|tell|"
    r"miss|need|remember|regret|lose|want|"
    r"say|think|look|come|start|stay|talk|message|book|join|head|pop|sort|find|aim|plan|send|wait|keep|make|take|"
    r"use|read|write|sleep|ring|email|leave|walk|eat|cook|put|bring|practi[cs]e|"
    r"figure|work|manage|cope|deal|handle)\b)"
)


#: What a feeling is said to be about ("nervous about giving a speech", "stressed with the move", "scared of the
#: drill"): the part of the message its subject is in.
_FEELING_ABOUT = re.compile(
    r"\b(nervous|worried|worrying|anxious|scared|afraid|terrified|stressed|stressing|dreading|upset|angry|"
    r"furious|annoyed|sad|gutted|embarrassed|ashamed|guilty|frustrated|fed up|sick|panicking|freaking out|"
    r"excited|happy|proud) (about|of|over|with|at|for|by) (?P<what>.+)$"
)


_THEME_NAMES = frozenset(t.name for t in THEMES)


def _leading(themes: tuple[str, ...], norm: str) -> tuple[str, ...]:
    """The themes with the one a feeling is said to be about first: "throwing a party for mum and I'm nervous about
    giving a speech" is about the speech, so it is asked about that, not "What has been happening at home?"."""
    said = _FEELING_ABOUT.search(norm)
    if said is None or len(themes) < 2:
        return themes
    what = said.group("what")
    first = [t.name for t in THEMES if t.name in themes and _matches(t.words, what)]
    return tuple(dict.fromkeys([*first, *themes]))


def normalise(text: str) -> str:
    """Lower case, curly quotes straightened, punctuation other than apostrophes and ? turned to spaces, and
    "ill" typed for I'll written out ("ok ill go" -> "ok i'll go"; being ill stays ill)."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"[^\w'?\s]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    text = _TEXT_SPEAK.sub(lambda m: _TEXT_SPEAK_WORDS[m.group(0)], text)
    return _ILL_AS_I_WILL.sub(r"\1i'll ", text)


#: What a word or two means, asked in a few words ("wats pomodoro", "what is a safety behaviour"), with or without "?".
#: "Not now" said to an offer with the reason after it ("not now, hes waking up. maybe tonight", chat_heldout47,
#: read: it was taken for an answer and got "That's a lot to carry"): a no for now.
_NOT_NOW_BECAUSE = re.compile(
    r"^((ok|okay|sorry|ah|oh|hmm+)\W+)*(not (right )?now|not (today|tonight)|maybe later|another time|later maybe)\b"
    r"(?!.*\b(but|though) (let'?s|go on|ok|okay|yes)\b)"
)
_AN_EXERCISE_NAMED = re.compile(r"\b(exercises?|one|that|it|this|breathing|grounding|writing|plan|technique|any of (that|it|this))\b")
_WHAT_IS_TERM = re.compile(
    r"^(what is|what'?s|what are|what does) (a |an |the )?"
    r"(?!(wrong|happening|going|up|that|this|it|the|point|matter|next|left|better|worse|use|new|real|with|all|going on)\b)"
    r"(?P<term>[a-z'-]+( [a-z'-]+)?)( mean)?\s*\??$"
)


def term_asked(norm: str) -> str | None:
    """The word or two a short "what is ...?" asks the meaning of ("wats pomodoro" -> "pomodoro"), else None."""
    found = _WHAT_IS_TERM.match(norm)
    return found.group("term") if found else None


#: The thing a question asks about by name ("what do you mean by wind-down routine?", "ok what is the wind down
#: routine thing, do I do it..."): the words between the asking and the end of that clause.
_THING_ASKED = re.compile(
    r"^(?:(?:ok|okay|sorry|wait|but|so|um+|hmm+|righto)\W+)*(?:"
    r"(?:wdym|what do (?:you|u|ya) mean)\W+by\W+(?:the |that |this |a |an )?(?P<by>[a-z'-]+(?: [a-z'-]+){0,3})"
    r"|what(?:'?s| is| was) (?:the|that|this) (?P<thing>[a-z'-]+(?: [a-z'-]+){0,3}) (?:thing|one|technique|idea|trick|method)"
    # "how does the doing stuff before you feel like it thing work?" (chat_heldout57, read: the body scan explained)
    r"|how (?:does|do|would) (?:the|that|this) (?P<how>[a-z'-]+(?: [a-z'-]+){0,7}) (?:thing|one|technique|idea|trick|method) work)"
    r"(?=\W*$|\W*\?|,| like\b| exactly\b| then\b| do\b| and\b)"
    # "Respite care? What is that exactly, how does it work?" (chat_heldout57, read): the name said, then asked
    # "Respite? What that mean exactly" (chat_heldout63, read: "Okay, that makes sense"): the verb left out
    r"|^(?P<echoed>[a-z'-]+(?: [a-z'-]+){0,3})\s*\?\s*what(?:'?s| is| does)? (?:that|it|this)\b"
)


def thing_asked(norm: str) -> str | None:
    """The name a question asks the meaning of, when it asks by "what do you mean by ..." or "what is the ...
    thing" (None otherwise): looked up in the library's own definitions before what was offered is explained."""
    found = _THING_ASKED.match(norm)
    if found is None:
        return None
    said = found.group("by") or found.group("thing") or found.group("how") or found.group("echoed")
    # "what is that, the I-statement thing?" (normalised without its comma): the thing, not "the i statement"
    return re.sub(r"^(the|that|this|a|an) ", "", said.replace("-", " "))


def _name(match) -> str | None:
    return match.name if match is not None else None


#: Text-speak spellings written out, so every reading after this sees one spelling ("wats pomodoro" is a question
#: like "what's pomodoro"; "ok thanku so much" a thanks). Only spellings with no other everyday meaning.
_TEXT_SPEAK_WORDS = {
    "wat": "what",
    "wats": "what's",
    "watz": "what's",
    "thanku": "thank you",
    "thankyou": "thank you",
    "thanq": "thank you",
    "thnx": "thanks",
    "thnks": "thanks",
    "thanx": "thanks",
    "tnx": "thanks",
    "tysm": "thank you so much",
    "tyvm": "thank you very much",
}
_TEXT_SPEAK = re.compile(r"\b(" + "|".join(_TEXT_SPEAK_WORDS) + r")\b")


#: A theme set aside in so many words: "it's not about work", "nothing to do with school".
_NOT_ABOUT = re.compile(
    r"\b(not (about|because of|to do with|related to)|(nothing|not anything) to do with|(isn'?t|wasn'?t) (about|the))\s+(\w+\s+)?$|"
    # "it's not work, it's my sister": the word straight after (not "it's not just work", which includes it)
    r"\b(it'?s|it is|its) not $|"
    # "my wife still works part-time at the library, so I'm on my own": someone else's work, not theirs
    r"\b(my (wife|husband|partner|mum|mom|dad|mother|father|son|daughter|sister|brother)|she|he|they)( still| also| only| now)? $"
)


def _set_aside(norm: str) -> set[str]:
    """The themes a message names only to set them aside ("it's nothing to do with work, work's fine"), so
    neither the meaning of the whole message nor the learned theme reader reads them back in."""
    rest = _SAID_FINE.sub(" ", norm)
    named = {t.name for t in THEMES if re.search(t.words, norm) and not _about(t.words, rest)}
    # "sleep's fine mostly. it's more that I snap at my partner": sleep's own words leave "sleep's fine" out, so
    # the subject said to be fine is looked up alone (the learned reader read the message back as sleep)
    said_fine = [m.group(1) for m in _SAID_FINE.finditer(norm)]
    fine = {t.name for t in THEMES if any(re.search(t.words, s) for s in said_fine) and not _about(t.words, rest)}
    return named | fine


def _about(pattern: str, text: str) -> bool:
    """A theme's word that is not set aside ("it's not about work"). Unlike a feeling, a theme stays when negated:
    "I've not been sleeping well", "I can't sleep", "I didn't go to work" are about sleep and work."""
    return any(not _NOT_ABOUT.search(text[: m.start()]) for m in re.finditer(pattern, text))


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
    for alias, doc_id in _SHORT_NAMES.items():
        if doc_id in library.exercises or doc_id in library.articles:
            names.setdefault(alias, doc_id)
    for alias, doc_id in list(names.items()):
        names.setdefault(_other_spelling(alias), doc_id)  # "behavioural activation" names behavioral-activation
    return names


#: British and American spellings of the words in the library's names: a name is the same either way.
_SPELLINGS = (("behaviour", "behavior"), ("colour", "color"), ("organis", "organiz"), ("prioritis", "prioritiz"))


def _other_spelling(alias: str) -> str:
    for british, american in _SPELLINGS:
        if british in alias:
            return alias.replace(british, american)
        if american in alias:
            return alias.replace(american, british)
    return alias


#: Everyday names for documents their titles do not give ("CBT" alone).
_SHORT_NAMES = {
    "cbt": "what-is-cbt",
    "cognitive behavioural therapy": "what-is-cbt",
    "cognitive behavioral therapy": "what-is-cbt",
    "panic attack": "panic-attacks",
    "panic attacks": "panic-attacks",
    "thought check": "thought-record",
    "5 4 3 2 1": "grounding-54321",
    "5 things": "grounding-54321",
    "five things": "grounding-54321",
    "54321": "grounding-54321",
    "check a thought": "thought-record",
    "check this thought": "thought-record",
    "check that thought": "thought-record",
    "thinking traps": "thinking-traps",
    # the traps by their own names ("is this what they call catastrophising?")
    "catastrophising": "thinking-traps",
    "catastrophizing": "thinking-traps",
    "catastrophic thinking": "thinking-traps",
    "black and white thinking": "thinking-traps",
    "all or nothing thinking": "thinking-traps",
    "mind reading": "thinking-traps",
    "fortune telling": "thinking-traps",
    # exercises by the everyday half of their names ("let's try the sleep plan", "the breathing box")
    "sleep plan": "sleep-hygiene",
    "sleep reset": "sleep-hygiene",
    # its summary names the wind-down ("What's the wind down thing you mentioned, is it long?", chat_heldout42, read);
    # never "wind down" alone, a verb ("play elden ring to wind down") or a question what it means (the article's)
    "wind down thing": "sleep-hygiene",
    "wind-down thing": "sleep-hygiene",
    "sleep routine": "sleep-hygiene",
    "sleep thing": "sleep-hygiene",
    # "how does doing stuff help if I don't feel like doing it?": the small-steps exercise, asked about
    "does doing stuff help": "behavioral-activation",
    "does doing things help": "behavioral-activation",
    "sleep one": "sleep-hygiene",
    "worry time": "worry-time",
    "worry slot": "worry-time",
    # the title said as people say it, without its punctuation and "and" ("the worst best most likely one")
    # its summary said back as people say it ("So I breathe in for 4 and out for 6, how many times should I do it?")
    "in for 4 and out for 6": "paced-breathing",
    "in for four and out for six": "paced-breathing",
    "in for 4 out for 6": "paced-breathing",
    "worst best most likely": "decatastrophizing",
    "worst best and most likely": "decatastrophizing",
    "best worst most likely": "decatastrophizing",
}


class Understander:
    """Reads one message. Built once per process: it embeds the exemplars and the library's documents."""

    #: cosine similarity above which an exemplar is taken to mean the same feeling
    feeling_threshold = 0.62
    #: below this similarity to every library document (and no feeling or theme), a message is off topic
    topic_threshold = 0.28
    feeling_topic_threshold = 0.42

    def __init__(self, library: Library, use_embeddings: bool = True, theme_model: bool = True) -> None:
        self.library = library
        self.use_embeddings = use_embeddings
        #: whether the learned reader of themes (``theme_model.py``) has a say beside the theme words
        self.theme_model = theme_model
        self._aliases = sorted(_aliases(library).items(), key=lambda kv: -len(kv[0]))

    @cached_property
    def _exemplars(self) -> tuple[np.ndarray, list[str]]:
        from haven.retrieval.embeddings import embed_kept

        texts, owners = [], []
        for feeling in FEELINGS:
            texts += list(feeling.exemplars)
            owners += [feeling.name] * len(feeling.exemplars)
        return embed_kept(texts, "feelings"), owners

    @cached_property
    def _documents(self) -> np.ndarray:
        from haven.retrieval.embeddings import embed_kept

        texts = []
        for doc in self.library.documents():
            if hasattr(doc, "when_it_helps"):
                texts.append(f"{doc.title}. {doc.summary} {' '.join(doc.when_it_helps)}")
            else:
                texts.append(f"{doc.title}. {doc.meta.summary} {' '.join(s.heading for s in doc.sections)}")
        return embed_kept(texts, "document-gists") if texts else np.zeros((0, 384), dtype=np.float32)

    def warm_up(self) -> None:
        """Embed the exemplars and documents now rather than on the first message."""
        if self.use_embeddings:
            _ = self._exemplars, self._documents, self._theme_exemplars
            self._situations.warm_up()

    def named_document(self, text: str) -> str | None:
        """The id of a library document the message names ("box breathing", "a thought record")."""
        norm = f" {normalise(text).replace('?', ' ')} "
        norm = re.sub(r"(?<=\s)'+|'+(?=\s)", " ", norm)  # a name in quotes: "says I'm 'mind reading'"
        norm = re.sub(r" (what'?s|whats) ", " what is ", norm)
        for alias, doc_id in self._aliases:
            # "thought records"; "a thinking trap" for "thinking traps" (names of two words or more)
            if f" {alias} " in norm or f" {alias}s " in norm or (" " in alias and alias.endswith("s") and f" {alias[:-1]} " in norm):
                return doc_id
        return None

    def read(self, text: str, state: DialogueState | None = None) -> Understanding:
        """What the message is, read first against the conversation's pending question (``state``)."""
        state = state or DialogueState()
        norm = normalise(text)
        # blame put on them by others ("they act like it's my fault") is no guilt of their own
        # tears of joy are no sadness ("I almost cried from happiness haha"), good nerves no fear, a game's deaths no
        # loss; a fear told as over, beside good news, is what the news ended ("good news, I got an A! I was so scared
        # about writing essays in English")
        said = _GOOD_NERVES_AND_GAME_DEATHS.sub(" ", _JOYFUL_TEARS.sub(" ", BLAMED_BY_OTHERS.sub(" ", norm)))
        said = _FEELING_REPORTED.sub(" ", said)  # "said I feel overwhelmed when...": what they told him, in a talk that went well
        for example in _QUOTED_EXAMPLE.findall(text):
            # "like 'I feel stressed when the sink is full'?", of the I-statement exercise (chat_heldout66, read: "I can
            # hear that you're feeling stressed right now"): the words of an example, not a feeling of theirs
            said = said.replace(normalise(example), " ")
        if I.GOOD_NEWS.search(norm):
            said = _FEAR_THAT_WAS.sub(" ", _CAUSE_FOUND.sub(" ", said))
        feelings = [f.name for f in FEELINGS if _matches(f.words, said)]
        about = _SOMEONE_ELSES.sub(r"\1", _IN_PASSING.sub(" ", _SAID_FINE.sub(" ", _ADDRESSED.sub(" ", norm))))
        about = _SUPPORT_THROUGH.sub(r"\1", about)
        if _RECOVERY.search(norm):
            about = re.sub(r"\bmeetings?\b", " ", about)  # the group's meeting, not work's
        about = _OTHERS_FAULT.sub(r"\1", about)
        if I.NEW_HERE.search(norm) and len(norm.split()) <= 15:
            about = _WHO_SENT_THEM.sub(" ", about)  # "my mum said i shud try this app": who sent them, not a topic
        themes = tuple(t.name for t in THEMES if _about(t.words, about))
        if "work" in themes and _OTHERS_WORK.search(norm) and not _OWN_WORK.search(norm):
            themes = tuple(t for t in themes if t != "work")  # the partner's work, not the person's
        # "in case the hospital calls", after someone close was said to be unwell: still about them
        if "health" in themes and "someone_ill" in state.topics and _THEIR_CARE.search(norm):
            themes = tuple(dict.fromkeys("someone_ill" if t == "health" else t for t in themes))
        if "someone_ill" in themes:
            themes = tuple(t for t in themes if t != "health")  # their health, not the person's own
        themes = _leading(themes, about)
        if "relationships" in themes and _PARTNER_ELSEWHERE.search(norm) and not _RELATIONSHIP_TROUBLE.search(norm):
            themes = tuple(t for t in themes if t != "relationships")  # where the partner is, not trouble between them
        if themes == ("family",) and _LETTING_DOWN.search(norm):
            # "mostly that ill fail and my mum will be so dissapointed", in a talk about GCSEs: the exams, and who
            # the person fears letting down, not trouble at home
            themes = next(((t,) for t in ("study", "work") if t in state.topics), themes)
        if "relationships" in themes and _SPOKEN_WELL_OF.search(norm):
            themes = tuple(t for t in themes if t != "relationships")
        told = None
        if I.AGAIN.search(norm):  # a panic attack is what "happens again", before the embarrassment said after it
            earlier = [t for t in reversed(state.topics) if t in _THEME_NAMES]
            told = "panic" if "panic" in earlier else next(iter(earlier), None)
        elif "panic" in state.topics[-3:] and _ANOTHER_ONE.search(norm):
            # "had one last month as well in a meeting. on and off since uni really", just after a panic attack at a
            # desk (chat_heldout61, read: read as work and study, "What part of studying feels hardest?"): another one
            told = "panic"
        if told:
            # "what if it happens again", after a panic attack in the supermarket: the panic coming back, first (it
            # was worry alone, with "Worst, best and most likely" and "How much of the day does the worry take up?")
            themes = (told, *(t for t in themes if t != told))
        named = self.named_document(text)
        vector = self._embed(text.strip()) if self.use_embeddings and norm else None  # every message
        denied = _set_aside(norm)
        # a win said without a theme's words ("I actually did it 5 out of 7 days") is no trouble for the learned reader
        # to find a theme in: it made that putting things off, and the talk stayed there
        won = not themes and bool(
            I.GOOD_NEWS.search(norm) or I.MILESTONE.search(norm) or (state.pending and state.pending.about_good_news)
        )
        # "is it normal to still feel like this after a year", in a talk about a wife's death: "this" is the grief said
        # before, so the learned reader does not find a new theme in the question (it found health)
        refers_back = bool(I.IS_NORMAL.search(norm) and _REFERS_BACK.search(norm)) and bool(state.topics)
        judged = themes if won or refers_back else self._judged(self._meant(themes, vector), vector, state)
        themes = tuple(t for t in judged if t not in denied)
        if "grieving" in state.topics and _GUILT_OF_GRIEF.search(norm):
            # "i keep thinking i should have seen it coming", after a friend's suicide was told: the guilt of grief,
            # not a worry nor a "should statement" to untangle (it got the thinking-traps article)
            themes = tuple(t for t in themes if t not in ("worry", "self-criticism"))
            feelings = ["grieving", *(f for f in feelings if f != "grieving")]
        if "someone_ill" in themes and "grieving" in state.topics and not _ILLNESS_SAID.search(norm):
            # "my brother wants to carry on like normal", after "my mum died in october": the family in grief, not
            # someone unwell (it was asked "How are you holding up while they're unwell?")
            themes = tuple(t for t in themes if t != "someone_ill")
        if "sleep" in themes and _SLEEPING_WELL.search(norm) and not re.search(r"\b(can'?t|cannot|not|no|awake|insomnia)\b", norm):
            themes = tuple(t for t in themes if t != "sleep")  # "sleeping better and back at 5-a-side": no sleep problem
        if "study" in themes and checkups.named(norm) and not re.search(r"\b(exams?|revis\w*|school|uni|college|studying)\b", norm):
            themes = tuple(t for t in themes if t != "study")  # "i did the phq-9 yesterday": a check-up, not a test at school
        if "sleep" in themes and _DAYS_IN_BED.search(norm) and not _NIGHTS_AWAKE.search(norm):
            themes = tuple(t for t in themes if t != "sleep")  # "nothing really, i just stay in bed": doing less
        if vector is not None and not feelings and not _CAUSE_FOUND.search(norm):
            feelings += self._feelings_by_meaning(vector, norm)  # (a cause found is an all-clear told, not felt now)
        feelings_t = tuple(dict.fromkeys(feelings))
        if "grieving" in feelings_t or _WORKS_AT_A_HOSPITAL.search(norm):
            # "passed away in the hospital", "got the job as a porter at the hospital": no question about their health
            themes = tuple(t for t in themes if t != "health")
        if "grieving" in feelings_t and "relationships" in themes and not _RELATIONSHIP_TROUBLE.search(norm):
            themes = tuple(t for t in themes if t != "relationships")  # "my wife passed last spring": a loss, no trouble
        reading = self._intent(norm, feelings_t, themes, named, vector, state)
        if reading.intent == "progress" and _UNEASY_FACE.search(text) and not I.GOOD_NEWS.search(norm):
            # "aye mostly since my pal's wedding, saw the photos and just 😬" (chat_heldout65, read: "That sounds
            # lovely"): a wedding read warm, the face says how it went; the words have no good news of their own
            reading = I.Reading("answer" if reading.answers or state.pending else "feeling")
        if _SIGN_OFF.search(text.lower()) and reading.intent in ("answer", "feeling", "acknowledgement"):
            if not _distressed(feelings_t):  # "ok gonna try and enjoy the rest of the evening, night!"
                reading = I.Reading("goodbye")
        if reading.intent == "thanks" and (_LEAVING.search(norm) or _SIGN_OFF.search(text.lower()) or I.GOODBYE.search(norm)):
            if not _distressed(feelings_t):  # "ty!! gonna actually sleep now, night 👋": thanks, and goodnight
                reading = I.Reading("goodbye")  # "thanks, I needed that. off to walk him": a goodbye, not "anything else?"
        is_exercise = named in self.library.exercises if named else False
        just_asked = state.pending.text if state.pending else None
        stated = F.extract(norm, themes) + checkups.score_fact(checkups.in_context(norm, state.facts, just_asked))
        stated += checkups.taken_fact(norm)
        if reading.answers and state.pending is not None:
            stated += F.answer_fact(
                norm, state.pending.topic or (themes[0] if themes else None), state.pending.asks
            )
        mode = _mode(reading.intent, state, norm)
        exercise = reading.exercise
        if reading.intent == "answer" and exercise is None and I.TRY_THAT.search(norm) and I.kind_of(norm):
            # "yeah alright ill give the breathing thing a go at the lights": a kind taken up as a plan of their own;
            # their "tried it this arvo" next is about that kind, not the thought record offered before (it was
            # thanked for the thought record, chat_heldout51, read)
            exercise = self._of_kind_named(norm, state)
        if reading.intent == "accept" and not (reading.exercise or state.offered):
            mode = "listening" if state.preference == "listen" else "talking"  # nothing was offered to do
        return Understanding(
            intent=reading.intent,
            feelings=feelings_t,
            themes=themes,
            named_exercise=named if is_exercise else None,
            named_document=named,
            mode=mode,
            outcome=reading.outcome,
            exercise=exercise,
            facts=stated,
            avoid=I.avoided_kinds(norm),
            options=reading.options,
            condition=_condition(norm) if reading.intent == "question" else None,
            answers=reading.answers,
            situation=_name(self._situations.read(norm, vector)),
            asks_how=reading.intent == "question" and (_asks_how_to(norm) or bool(_HOW_DO_I.search(norm))),
        )

    # --- the parts -------------------------------------------------------------------------------

    def _embed(self, text: str) -> np.ndarray:
        """The message's embedding; cached, so the library search that follows reuses it."""
        from haven.retrieval.embeddings import embed_one

        return embed_one(text)

    @cached_property
    def _intent_exemplars(self) -> tuple[np.ndarray, list[str]]:
        from haven.retrieval.embeddings import embed_kept

        texts, owners = [], []
        for intent, sentences in I.EXEMPLARS.items():
            texts += list(sentences)
            owners += [intent] * len(sentences)
        return embed_kept(texts, "intents"), owners

    #: cosine similarity to a theme's exemplars below which a theme named only in passing is dropped
    theme_floor = 0.34

    @cached_property
    def _situations(self):
        """The reader of everyday situations (haven.chat.situations), built once."""
        from haven.chat.situations import SituationReader

        return SituationReader()

    @cached_property
    def _theme_exemplars(self) -> dict[str, np.ndarray]:
        from haven.retrieval.embeddings import embed_kept

        return {name: embed_kept(list(texts), f"theme-{name}") for name, texts in THEME_EXEMPLARS.items()}

    def _meant(self, themes: tuple[str, ...], vector: np.ndarray | None) -> tuple[str, ...]:
        """The themes the message is about, not those its words only touch: a theme of ``THEME_EXEMPLARS`` stays
        when the message is near one of its exemplars in meaning (all stay without embeddings)."""
        if vector is None or not self.use_embeddings:
            return themes
        near = self._theme_exemplars
        kept = tuple(t for t in themes if t not in near or float((near[t] @ vector).max()) >= self.theme_floor)
        return kept

    def _judged(self, themes: tuple[str, ...], vector: np.ndarray | None, state: DialogueState) -> tuple[str, ...]:
        """The themes, with the learned reader's (``theme_model.py``) when the words named none and the
        conversation has no theme yet: a theme said without its words ("chem mock thurs n i know literally
        nothing") is picked up. Not later on: a reply within a conversation is read within its topic ("I feel so
        guilty when I get annoyed with her", while talking of caring for a mother), which a theme read from the one
        message alone would pull elsewhere. Without embeddings or the model, the words'."""
        themed = any(t in _THEME_NAMES for t in state.topics)
        if themes or themed or vector is None or not (self.use_embeddings and self.theme_model):
            return themes
        from haven.chat.theme_model import load_model

        model = load_model()
        return themes if model is None else model.judge(themes, vector)

    def _feelings_by_meaning(self, vector: np.ndarray, norm: str) -> list[str]:
        matrix, owners = self._exemplars
        sims = matrix @ vector
        best = int(np.argmax(sims))
        if float(sims[best]) < self.feeling_threshold:
            return []
        if owners[best] == "grieving" and not _LOSS.search(norm):
            return []  # "my mum is in hospital" sits near "my mum died last month": no loss said, no condolence
        return [owners[best]]

    def _on_topic_score(self, vector: np.ndarray | None) -> float:
        """How close the message is to the library or to a feeling (0 without embeddings)."""
        if vector is None or not self.use_embeddings:
            return 0.0
        docs = self._documents
        best_doc = float((docs @ vector).max()) if len(docs) else 0.0
        best_feeling = float((self._exemplars[0] @ vector).max())
        return max(best_doc, best_feeling * self.topic_threshold / self.feeling_topic_threshold)

    def _on_topic(self, vector: np.ndarray | None) -> bool:
        return self._on_topic_score(vector) >= self.topic_threshold

    def _by_meaning(self, vector: np.ndarray | None) -> tuple[str | None, float]:
        """The intent of the nearest exemplar sentence and its similarity (None without embeddings)."""
        if vector is None or not self.use_embeddings:
            return None, 0.0
        matrix, owners = self._intent_exemplars
        sims = matrix @ vector
        best = int(np.argmax(sims))
        return owners[best], float(sims[best])

    def _offtopic(
        self, vector: np.ndarray | None, feelings, themes, margin: float = I.OFFTOPIC_MARGIN, norm: str = ""
    ) -> bool:
        """Off topic only as a positive finding: near an off-topic exemplar, and nearer it than to the library;
        and asking for something ("a recipe for banana bread?"), not telling of the person's own life ("I made
        banana bread to take my mind off it", "I'll make dinner"), which is part of the conversation."""
        if feelings or themes or vector is None or not self.use_embeddings:
            return False
        if norm and I.ABOUT_ME.search(norm) and not I.ASKING.search(norm):
            return False
        if norm and AHEAD.search(norm) and re.search(r"\b(it|that|this|i|me)\b", norm):
            return False  # "will it happen again tomorrow?": about what the conversation is about
        if norm and I.ASKING.search(norm) and I.OFF_SUBJECT.search(norm):
            return True  # "what's a good recipe for banana bread?"
        matrix, owners = self._intent_exemplars
        sims = matrix @ vector
        off = max(float(s) for s, o in zip(sims, owners, strict=True) if o == "offtopic")
        docs = float((self._documents @ vector).max()) if len(self._documents) else 0.0
        feeling = float((self._exemplars[0] @ vector).max())
        return off >= I.OFFTOPIC_THRESHOLD and off >= max(docs, feeling) + margin

    def _referred_exercise(self, norm: str, named: str | None, state: DialogueState) -> str | None:
        """The exercise a tried-it, an accept or a decline is about: named, of a named kind, or the last offered."""
        if named in self.library.exercises:
            return named
        recent = _recent_exercises(state)
        kinds = [
            pattern for kind, pattern in I.KINDS.items() if re.search(rf"\b{kind.rstrip('y')}", norm)
        ]  # worries
        if kinds:
            # "the breathing thing": the breathing exercise from this conversation; "the writing down worries
            # thing", of two kinds and none of them here, the library's exercise of the last-named, more specific
            # kind (worry time), never an exercise of another kind that happened to be offered
            for pattern in reversed(kinds):
                found = next((e for e in recent if re.search(pattern, e.replace("-", " "))), None)
                if found:
                    return found
            if len(kinds) > 1:
                return next((e for e in self.library.exercises if re.search(kinds[-1], e.replace("-", " "))), None)
            return None
        if I.own_thing(norm):  # "i tried the pomodoro timer thing": theirs, not the exercise offered before
            return None
        return recent[0] if recent else None

    def _of_kind_named(self, norm: str, state: DialogueState) -> str | None:
        """The exercise a yes asks for by its kind ("ok maybe I'll try the breathing one then"): one of that kind
        from this conversation, else the library's first of that kind. None when no kind is named. Only for a yes:
        a "tried the breathing thing" with none here stays unnamed, since Haven cannot know which one they did."""
        kind = I.kind_of(norm)
        if kind is None:
            return None
        pattern = I.KINDS[kind]
        recent = _recent_exercises(state)
        of_kind = [e for e in (*recent, *self.library.exercises) if re.search(pattern, e.replace("-", " "))]
        return of_kind[0] if of_kind else None

    def _intent(self, norm, feelings, themes, named, vector, state: DialogueState) -> I.Reading:
        """The kind of message: signals that win whatever was asked, then the pending question, then the rest."""
        words = norm.replace("?", " ").split()
        pending = state.pending
        short = len(words) <= 6
        referred = self._referred_exercise(norm, named, state)
        if running(state.run):
            during = self._during_exercise(norm, I.outcome_of(norm), state, named)
            if during is not None:
                return during
        # 1. what wins whatever Haven asked
        if I.PRIVACY.search(norm) or I.OFFLINE.search(norm) or I.CHARTS.search(norm) or I.MOOD_LOG.search(norm) or (
            I.WHAT_HAVEN_IS.search(norm) and not feelings
        ) or (I.IS_IT_THERAPY.search(norm) and I.YOU_ARE_NOT.search(norm)):
            # "is this private? does anyone read what I type", "do you use chatgpt"; "you're not a real therapist
            # right?": what Haven is, said plainly (it was read as a wish for a person)
            return I.Reading("capabilities")
        if I.DOING_IT_RIGHT.search(norm) and not feelings and len(words) <= 24:
            return I.Reading("capabilities")  # "I hope I am doing it right": reassured, and shown how to begin
        if I.CARE_INSTRUCTIONS.search(norm):
            return I.Reading("question")  # "am I allowed to eat before the scan?": the hospital's to say
        if re.match(r"((can i ask|may i ask|quick question|just wondering|sorry|so|um|ok|okay)\W* )*(are you|are u|r u|is this|is it|is there|am i)\b", norm) and I.SMALLTALK.search(norm):
            return I.Reading("smalltalk")  # "are you a real person?": a question about Haven, not a wish for a person
        if I.HUMAN.search(norm):
            return I.Reading("human")
        if I.WHEN_TO_GET_HELP.search(norm) or (thing_asked(norm) and len(words) <= 12):
            # "when should I see someone about it?"; "Respite? What that mean exactly" (chat_heldout63, read: taken for
            # an answer to Haven's question about her mother)
            return I.Reading("question")
        if I.ENGLISH_OK.search(norm) and len(words) <= 8 and not feelings:
            return I.Reading("smalltalk")  # "my english not so good, is ok?": welcomed (it got Spot the thinking trap)
        if checkups.asked(checkups.in_context(norm, state.facts, pending.text if pending else None)):
            return I.Reading("question")  # "I did the GAD-7 in the app and got 11. What does that mean?"
        if checkups.taken(norm):
            return I.Reading("question")  # "i did the phq-9 yesterday": Haven asks what it came out at
        if state.turns and len(words) <= I.CLARIFY_WORDS and I.CLARIFY.search(norm):
            return I.Reading("question")  # "what does that actually mean?": about Haven's last reply, not a feeling
        if checkups.asked_about_score(norm, state.facts, pending.text if pending else None):
            return I.Reading("question")  # "Moderate? Ok. Should I be worried about that?", just after
        # "ok i feel a lot better now. my hands have stopped shaking": the moment over, said with its words
        now = I.NOW.search(norm) and (I.ACUTE.search(norm) or I.ANGER_NOW.search(norm)) and not I.MOMENT_OVER.search(norm)
        if I.HELP_NOW.search(norm) or (now and I.outcome_of(norm) != "helped"):
            return I.Reading("in_the_moment")  # not "Cheers, I feel less like I'm going to explode now"
        alarm = {m.group(0) for m in I.BODY_NOW.finditer(norm)}
        if len(alarm) >= 2 and not I.HABITUAL.search(norm) and I.outcome_of(norm) != "helped":
            return I.Reading("in_the_moment")  # "my chest is tight and I cannot get enough air": going on now
        acute = {m.group(0) for m in I.ACUTE.finditer(norm)}
        if len(acute) >= 2 and alarm and not I.HABITUAL.search(norm) and I.outcome_of(norm) != "helped":
            return I.Reading("in_the_moment")  # "my heart is racing and i can't calm down": steps now, not a lesson
        if I.WAITING_NOW.search(norm) and I.ACUTE.search(norm):
            return I.Reading("in_the_moment")  # "waiting for my interview and my heart is hammering": there now
        if I.LUCK.search(norm) and not _distressed(feelings):
            return I.Reading("goodbye")  # "they're calling my name, wish me luck!!": off into it, whatever was asked
        if (
            state.mode == "in_the_moment"
            and I.ACUTE.search(norm)
            and I.outcome_of(norm) != "helped"
            and not I.MOMENT_OVER.search(norm)  # "my hands have stopped shaking": over, not still in it
        ):
            return I.Reading("in_the_moment")  # still in it: more steps, not a review
        if state.mode == "in_the_moment" and I.outcome_of(norm) == "not_helped":
            return I.Reading("in_the_moment", outcome="not_helped", exercise=referred)  # another way through, now
        if I.LISTEN.search(norm):
            return I.Reading("venting")
        if I.REFUSAL.search(norm):
            return I.Reading("decline", exercise=None)
        turned_down = self._unfit_suggestion(norm, named, state)
        if turned_down and _asks_how_it_works(norm):
            # "how does the worry time thing actually work though, do i just not worry the rest of the day? that seems
            # impossible" (chat_heldout51, read: "we don't have to do any exercises"): a doubt asked as a question is
            # a question, answered; a no says no without asking how
            turned_down = None
        if turned_down:
            return I.Reading("decline", exercise=turned_down)  # "a sleep plan feels a bit of a joke with a newborn"
        if I.BEDTIME.search(norm) and not I.BEDTIME_TROUBLE.search(norm) and not _distressed(feelings):
            return I.Reading("goodbye")  # "I think I just need to go to bed": goodnight, not a sleep problem
        if _ENDS_WITH_GOODBYE.search(norm) and not _distressed(feelings) and "?" not in norm:
            return I.Reading("goodbye")  # "OK. I will try to sleep now. Thank you, goodbye": not sleep tips
        if not running(state.run) and (
            I.THOUGHT_NAMED.search(norm) or I.WEIGHED.search(norm) or I.BELIEF_RATED.search(norm)
        ):
            # a thought record done in the person's own words: the thought, how much it is believed, the evidence
            # ("Evidence against... last year I did similar migration and it went fine" was thanked for trying
            # step-by-step problem solving, chat_heldout55, read): each an answer, taken step by step by the guide
            return I.Reading("answer", answers=True)
        outcome = I.outcome_of(norm)
        after_exercise = pending is not None and pending.kind == "check_in"
        if after_exercise and pending.asks == "helped" and outcome is None:
            outcome = I.yes_or_no(norm)  # "Did it help, even a little?" "a bit, yeah"
        tried = I.TRIED.search(norm) and (outcome or referred or named or I.kind_of(norm) or I.own_thing(norm))
        if not tried and outcome and state.ever_offered and DAYS_SINCE.search(norm) and not I.QUESTION.match(norm):
            # "so 4 nights out of 7 i managed to push the worrying to 6:30. slept better those nights", after worry
            # time was done in the chat (chat_heldout65, read: met as an answer about sleep): how it went over days
            tried = True
            referred = referred or (list(state.done)[-1] if state.done else state.ever_offered[-1])
        if tried and not (outcome or referred or named) and not state.ever_offered and _THEY_REACTED.search(norm):
            # "i tried asking about school last night and she slammed the door": what happened with someone, told,
            # with nothing suggested to try (it was thanked for trying and asked "How did it go?")
            tried = None
        if (
            tried
            and not (named or I.kind_of(norm) or outcome or _POINTS_AT_ONE.search(norm))
            and pending is not None
            and pending.text in PLAN_QUESTION
        ):
            # "DID IT!!! i wrote the whole intro", just after "ok ok just the title and 3 bullet points i can do that"
            # was welcomed as their plan (chat_heldout64, read: thanked for trying the self-compassion break offered
            # before it): what they did is their own plan, a step done
            return I.Reading("progress")
        if tried and outcome is None and self._went_well_in_words(norm, feelings):
            # "did the walk off thing twice this week. cooled down both times, didn't yell at anyone", "I did the
            # wind-down after my shift on Tuesday with the mask and I slept till 2pm!" (chat_heldout65, read): how it
            # went, told in words no pattern knows, then asked "How did it go?"
            outcome = "helped"
        if _THANKS_OPENING.search(norm) and not (tried or named or I.kind_of(norm)):
            outcome = (
                None  # "thank you, this actually helps a lot": thanks for the talk, not "the exercise worked"
            )
        if (
            tried
            or (outcome == "not_helped" and (short or state.done or (state.offered and _about_the_try(norm))))
            or (after_exercise and outcome)
        ):
            asked_about = pending.exercise if after_exercise and not I.kind_of(norm) else None
            return I.Reading("tried", outcome=outcome, exercise=referred or asked_about)
        if named in self.library.exercises and outcome and not I.REQUEST.search(norm):
            return I.Reading("tried", outcome=outcome, exercise=named)  # "box breathing really worked"
        if I.ABOUT_THAT.match(norm) and len(state.offered) == 1:
            # "maybe. what would that look like?" just after one exercise was suggested: about that exercise (it
            # was read as a feeling and got "I hear you.")
            return I.Reading("question", exercise=state.offered[0])
        still_open = state.still_open
        if I.ABOUT_THAT.match(norm) and not state.offered and still_open and re.search(r"\b(go on|idea|gist)\b", norm):
            # "go on then, what's the idea", three replies after the sleep plan was suggested and never turned down
            # (chat_heldout43, read): the suggestion still open, explained
            return I.Reading("question", exercise=still_open[-1])
        if I.CAPABILITIES.search(norm):
            return I.Reading("capabilities")
        picked = I.PICK.search(norm) and not (I.EXPLAIN.search(norm) or I.REQUEST.search(norm) or "?" in norm)
        if named and named in state.offered and picked:
            # "ok the thought record sounds good", to "Which one feels right for you?" over three: that one, chosen
            # (it was read as an answer to something else and got "Thanks, that helps me understand")
            return I.Reading("accept", exercise=named)
        if named and named in self.library.exercises and (I.REQUEST.search(norm) or len(words) <= 4):
            if not I.EXPLAIN.search(norm) and not (len(words) <= 4 and _SAID_NO.search(norm) and not I.REQUEST.search(norm)):
                return I.Reading("exercise_request", exercise=named)
        if I.OPTIONS.search(norm) and not (I.ERRAND.search(norm) and not feelings):
            # (not "any ideas for a quick healthy dinner he can eat while studying?": an errand, answered as one)
            return I.Reading("exercise_request", options=True)
        offer_pending = pending is not None and pending.kind == "offer"
        if not named and _KIND_PICKED.match(norm) and I.kind_of(norm):
            # "the breathing one? sure", to "Which one feels right for you?" over three with no breathing among them
            # (chat_heldout65, read: "How many nights a week is it like this?"): that kind, asked for
            return I.Reading("exercise_request", exercise=self._of_kind_named(norm, state))
        if (
            not named
            and I.kind_requested(norm)
            and not (I.TRY_THAT.search(norm) or I.TRY_IT.search(norm))
            and not _plan_for_later(norm)
        ):
            # "ok can we do the breathing one": that kind, never the exercise on offer of another kind
            return I.Reading("exercise_request", exercise=self._of_kind_named(norm, state))
        if not named and state.named and I.REQUEST.search(norm) and re.search(r"\bone\b", norm):
            return I.Reading("exercise_request", exercise=state.named[-1])  # "can we do one now?": the one named
        if (
            not named
            and state.offered
            and not offer_pending
            and not I.ACCEPT.search(norm)
            and I.REQUEST.search(norm)
            and re.search(r"\b(one|it|that|this)\b", norm)
        ):
            return I.Reading("exercise_request", exercise=state.offered[0])  # "can we do one now?"
        if not named and I.REQUEST.search(norm) and _WIND_DOWN.search(norm) and "sleep-hygiene" in self.library.exercises:
            # "sure, send me the wind-down routine" (chat_heldout61, read: "I hear you. What usually helps you?"): the
            # sleep plan, whose wind-down it is, asked for (a question what a wind-down is stays the article's)
            return I.Reading("exercise_request", exercise="sleep-hygiene")
        if _QUICKEST.search(norm):
            quickest = self._quickest(state, norm)
            if quickest is not None:
                # "fine. whats the quickest one" (a line cook, chat_heldout61, read: "What usually helps you, even a
                # little?"): the shortest of those offered, else of those done right where you are, started
                return I.Reading("exercise_request", exercise=quickest)
        if I.CONDITION.search(norm) or I.IS_IT_THE_CONDITION.search(norm) or I.IS_NORMAL.search(norm) or (
            I.THOUGHT_OR_FEELING.search(norm)
        ):
            return I.Reading("question")
        if state.topics and _WHY_THIS.match(norm):
            return I.Reading("question")  # "why does this keep happening on trains", after a panic there
        if I.TO_READ.search(norm) and not I.REFUSAL.search(norm):  # "Is there something to read on carer burnout?"
            return I.Reading("question")
        if named in self.library.articles and I.ASKS_ABOUT.search(norm):
            return I.Reading("question")  # "wait wat even is cbt??" after Haven asked about the exam: answered first
        if I.THAT_THING.search(norm):
            return I.Reading("question")  # "ok she's asleep again lol. what was that 1 minute thing you mentioned"
        good = (
            I.GOOD_NEWS.search(norm)
            or I.MILESTONE.search(norm)
            or I.SMALL_JOY.search(norm)
            or I.STEP_DONE.search(norm)
            or I.STEP_TAKEN.search(norm)
            or I.DONE_AND_WELL.search(norm)
        )
        if good and not _distressed(feelings) and not _SPOILED.search(norm):
            return I.Reading("progress")
        if state.mode == "in_the_moment" and outcome == "helped" and short and not I.QUESTION.search(norm):
            # "a bit better now thanks" mid-steps: easing, met gently in the moment, not thanks that ends it (a try
            # reported, "ok it's passing, that helped", is read above)
            return I.Reading("feeling")
        if self._closing_thanks(norm, feelings, state, pending.text if pending is not None else ""):
            return I.Reading("thanks")
        if _asks_how_to(norm) and not I.REFUSAL.search(norm):
            # "So what do I do instead of googling when it starts?": asking what to do, answered from the library,
            # whatever Haven asked before (was thanked "for helping me understand" and asked about his wife)
            return I.Reading("question")
        if _ASKS_IF_IT_HARMS.search(norm) and not I.REFUSAL.search(norm):
            # "Yes, I take tea in the evening, two cups after dinner. Is that bad?", "is coffee bad for sleep?": a
            # question the library answers (caffeine after lunchtime), whatever Haven asked (was asked how many nights)
            return I.Reading("question")
        if named in self.library.exercises and _HOW_LONG_DOES_IT_TAKE.search(norm) and not I.REFUSAL.search(norm):
            # "a thought record? sounds like homework lol. how long does it take" (chat_heldout60, read: "Thanks, that
            # helps me understand"): a question about the exercise named, answered with its length, whatever was asked
            return I.Reading("question")
        # 2. the pending question
        if pending is not None and pending.kind == "offer":
            if I.MAYBE.search(norm) and not I.TRY_IT.search(norm):
                # "yeah maybe" to "Would you like to try Reaching out?": neither pushed nor started (it was started)
                return I.Reading("decline", exercise=pending.exercise)
            if I.ACCEPT.search(norm) or I.TRY_THAT.search(norm) or I.TRY_IT.search(norm):
                # "yes, but the breathing one" when grounding was offered: the kind they asked for
                named_kind = self._of_kind_named(norm, state)
                return I.Reading("accept", exercise=named_kind or pending.exercise or referred)
            if I.DECLINE.search(norm) or I.MAYBE.search(norm) or _NOT_NOW_BECAUSE.match(norm):
                return I.Reading("decline", exercise=pending.exercise)
        if re.fullmatch(r"((ok|okay|right|alright) )?later\W*", norm) and not state.offered:
            return I.Reading("goodbye")  # "Later", after thanks, with nothing just offered: see you later
        if I.DECLINE.search(norm) and (state.offered or state.ever_offered):
            return I.Reading("decline")
        if _NOT_NOW_BECAUSE.match(norm) and _AN_EXERCISE_NAMED.search(norm) and (state.offered or state.ever_offered):
            # "Not now thanks, I don't have energy for a whole exercise tonight" (chat_heldout59, read: a fact about
            # carers and "What do you need most right now?"): a no to exercises, whatever Haven last asked
            return I.Reading("decline")
        if (I.TRY_THAT.search(norm) or I.TRY_IT.search(norm)) and (pending is None or pending.kind != "offer"):
            # "ok let's try that" after a turn that offered nothing: what was last suggested in this conversation,
            # if anything was (the guide then asks which, never invents one); "the breathing one": that kind
            # after a word was explained ("wats pomodoro"), "ok i'll try that" is that, not an exercise from before;
            # so too after the library's list of what helps ("Try the 10-minute start..."), "i'll try that tomorrow"
            explained = pending is not None and pending.text in (*DEFINE_FOLLOW_UP, *HELPING_STEPS_QUESTION)
            return I.Reading(
                "accept", exercise=self._of_kind_named(norm, state) or (None if explained else _last_suggested(state))
            )
        if DOING.search(norm) and state.offered and state.mode != "in_the_moment":
            return I.Reading("accept", exercise=state.offered[0])  # "ok doing it", with a button just offered
        if state.mode == "in_the_moment" and I.ACKNOWLEDGE.search(norm):
            return I.Reading("acknowledgement")
        strong = self._small_talk(norm, short, feelings)
        unrelated = I.UNRELATED.search(norm)
        asked_after = unrelated and I.ASKING.search(re.sub(r"^\W*(but|though|so|,)?\W*", "", norm[unrelated.end():]))
        if strong is None and asked_after and not feelings:
            strong = "offtopic"  # "fair. totally unrelated but do you know when the Raptors play next": they say so
        if strong is None and not feelings and not themes and I.GAMING.search(norm):
            strong = "smalltalk"  # "this boss fight is killing me, been stuck on Malenia for 3 days": a game, chatted about
        if strong is None and I.TRANSLATION.search(norm):
            strong = "offtopic"  # "also random but how do u say ... in french", whatever Haven asked before
        if strong is None and _introduces_self(norm, feelings, themes, pending):
            strong = "greeting"
        if strong is None and self._offtopic(vector, feelings, themes, I.OFFTOPIC_CLEAR_MARGIN, norm):
            strong = "offtopic"  # "write me some python code" answers nothing Haven asked
        if strong is None and not feelings and I.ERRAND.search(norm) and (_ERRAND_ASKED.search(norm) or re.search(r"\bwhat'?s a\b", norm)):
            strong = "offtopic"  # "btw do u know any decent headsets under 50 quid": an errand, whatever was asked
        if strong is None and I.THAT_THING.match(norm):
            return I.Reading("question")
        if strong is None and not feelings and _WHAT_IS_TERM.match(norm):
            return I.Reading("question")  # "wats pomodoro": what a word means, asked, whatever Haven asked before
        if strong is None and _WHAT_DO_YOU_MEAN_BY.match(norm):
            return I.Reading("question")  # "wdym break it into chunks": what a phrase means, asked, not an answer
        if strong is None and not feelings and _told_as_a_joke(norm, state):
            strong = "smalltalk"  # "my mum nearly fainted when she saw me at the desk lmaooo": a funny story, laughed with
        if strong is None and self._good_by_meaning(norm, feelings, vector, state):
            # "First one was lovely actually. One of the other volunteers is from Galway!": good news in words no
            # pattern knows, read by its meaning (haven.chat.valence); met gladly, at the size it was told. Not a
            # greeting, thanks or goodbye ("Good morning!", "Walk good"), which read warm too
            return I.Reading("progress")
        if strong is None and _HOW_TO_QUESTION.search(norm):
            return I.Reading("question")  # how to do it, or how it is meant to help: answered, whatever it names
        if strong is None and state.topics and not _distressed(feelings) and _WHY_QUESTION.search(norm):
            return I.Reading("question")  # "ok that's reassuring. why does it happen in stores though", whatever was asked
        if pending is not None and strong is None and not self._new_topic(norm, feelings, themes, named, state):
            return I.Reading("answer", answers=True)
        # 3. everything else
        if named and (I.EXPLAIN.search(norm) or I.QUESTION.search(norm) or _HOW_IT_WORKS.search(norm)):
            # "worry time. how's that work then", no question mark (chat_heldout55, read: met as a feeling)
            return I.Reading("question")
        if strong is not None:
            return I.Reading(strong)  # greeting, small talk, thanks, goodbye or a clear off topic
        if I.ACKNOWLEDGE.search(norm):
            return I.Reading("acknowledgement")
        meaning, similarity = self._by_meaning(vector)
        if meaning in ("progress", "venting", "greeting", "smalltalk"):  # in the moment needs "now" said
            spoiled = meaning == "progress" and (_distressed(feelings) or _SPOILED.search(norm))
            if similarity >= I.EXEMPLAR_THRESHOLD and not spoiled:
                return I.Reading(meaning)
        if I.QUESTION.search(norm) and not feelings and self._offtopic(vector, feelings, themes, norm=norm):
            return I.Reading("offtopic")
        if _ASKED_WITHOUT_A_MARK.match(norm) and not _distressed(feelings):
            return I.Reading("question")  # "wait can i keep my phone on the desk tho or does it have to be elsewhere"
        if (themes or state.topics) and not _distressed(feelings) and _ends_on_a_question(norm):
            # "ok that's fair. what counts as late for caffeine if you work nights though?" (chat_heldout61, read: met
            # as a feeling about work, with a line on burnout): a question about the topic, answered first
            return I.Reading("question")
        if feelings or themes:
            return I.Reading("feeling")
        if I.QUESTION.search(norm) and self._on_topic(vector):
            return I.Reading("question")
        if self._offtopic(vector, feelings, themes, norm=norm):
            return I.Reading("offtopic")
        if _ASKS.match(norm) and "?" in norm and state.topics:
            # "what would facing it gradually even look like with a bridge?": a question about what the conversation
            # is about, answered from the library (was thanked "for putting that into words")
            return I.Reading("question")
        return I.Reading("feeling")  # unplaced: listened to, never turned away

    @staticmethod
    def _closing_thanks(norm: str, feelings, state: DialogueState, question: str) -> bool:
        """A conversation closing on thanks with something said on the way out ("Ok I will ask the pharmacist for
        the one that does not make sleepy. Thank you, very helpful"): thanks, not a new topic. Why: "sleepy" there
        opened a sleep problem with an exercise and a question as the person left. A plan Haven can say back is
        left to the plan's welcome (which ends on a goodbye), and distress or a question is never closed."""
        return (
            bool(I.CLOSING_THANKS.search(norm))
            and state.turns >= 2
            and not _distressed(feelings)
            and not I.QUESTION.search(norm)
            and not re.match(r"(no|nah|nope|not)\b(?! (worries|problem|probs|bother)\b)", norm)  # "no worries. cheers"
            and not plan_heard(norm, question)
            and I.plan_said(norm, by_verb=False) is None
        )

    def _during_exercise(
        self, norm: str, outcome_said: str | None, state: DialogueState, named
    ) -> I.Reading | None:
        """While an exercise runs in the chat, a message is the step's answer unless it stops the exercise or
        asks for something else: a person, "just listen", steps for right now, another exercise or a question
        about the library by name (None: read it as any message). Before the first step is done, "I did it, it
        helped" means the person did it on the Exercises page. (Triage has read it already.)"""
        exercise = state.run["exercise"] if state.run else None
        if (
            named
            and named != exercise
            and (I.EXPLAIN.search(norm) or I.QUESTION.search(norm) or I.REQUEST.search(norm))
        ):
            return None
        if STOP.search(norm) or I.REFUSAL.search(norm):
            return I.Reading("decline", exercise=exercise)
        if I.HUMAN.search(norm):
            return I.Reading("human")
        if I.WHEN_TO_GET_HELP.search(norm):
            return I.Reading("question")  # "when should I see someone about it?": not about the exercise just offered
        if I.LISTEN.search(norm):
            return I.Reading("venting")
        if I.HELP_NOW.search(norm):
            return I.Reading("in_the_moment")
        if _WHY_THIS.match(norm) or I.MOOD_LOG.search(norm):
            return None  # "why does this keep happening on trains", "could you do me a quick mood check-in": answered
        if I.ERRAND.search(norm) and _ERRAND_ASKED.search(norm) or I.TRANSLATION.search(norm):
            return None  # "also do you know if walmart is open on thanksgiving" (chat_heldout65, read): no step's answer
        if I.LUCK.search(norm) or I.GOODBYE.search(norm) or _ENDS_WITH_GOODBYE.search(norm):
            return I.Reading("goodbye")  # "paper's coming round now, wish me luck", "she's stirring, got to go. ta x"
        rated = I.NUMBER.search(_SPANS_AND_COUNTS.sub(" ", norm))
        if state.run and state.run["step"] == 0 and I.TRIED.search(norm) and not rated:
            return I.Reading("tried", outcome=outcome_said, exercise=exercise)
        rating_first = state.run and state.run.get("first", "before") == "before"
        if rating_first and state.run["step"] == 0 and outcome_said and not rated:
            return I.Reading("tried", outcome=outcome_said, exercise=exercise)  # not "I'm useless" as a thought
        if exercise in self.library.exercises and ends_early(
            self.library.exercises[exercise], state.run["step"], norm, outcome_said
        ):
            return I.Reading("tried", outcome=outcome_said, exercise=exercise)  # "I did it, I feel calmer"
        return I.Reading("answer", exercise=exercise, answers=True)

    def _quickest(self, state: DialogueState, norm: str = "") -> str | None:
        """The shortest exercise of those offered in this talk, else of the ones done right where you are; never one
        turned down. "Something quick" asked for is never one longer than a few minutes (an 8-minute body scan was
        the only one offered to a carer asking for something for the morning rush)."""
        exercises = self.library.exercises
        longest = QUICK_MINUTES if _SOMETHING_QUICK.search(norm) else 120
        for pool in (state.ever_offered, ("grounding-54321", "paced-breathing", "box-breathing")):
            fits = [
                e for e in pool if e in exercises and e not in state.declined and exercises[e].duration_minutes <= longest
            ]
            if fits:
                return min(fits, key=lambda e: exercises[e].duration_minutes)
        return None

    def _good_by_meaning(self, norm: str, feelings, vector: np.ndarray | None, state: DialogueState) -> bool:
        """Whether the learned reader of valence reads good news in a message that names no hard feeling, asks
        nothing, turns down nothing and has no "but" spoiling it (a question or a no is answered as one). Never in
        the moment ("bit better. hands still shaky", mid-panic, is easing, met in the steps), nor in a message that
        gives the fact Haven asked for ("bout a month, since carnival ended", to when the low mood began) or answers
        its question about good news already told ("tryna keep it up this week"): chat_heldout54, read after the
        second read, where each got "That sounds lovely"."""
        if not self.use_embeddings or any(f not in ("okay", "hopeful") for f in feelings):
            return False
        if I.BODY_NOW.search(norm):
            return False  # "yeah chest goes tight, face goes hot, fists clench. the usual": anger in the body, told
        pending = state.pending
        if state.mode == "in_the_moment" or (
            pending is not None and (pending.about_good_news or F.gives(norm, pending.asks) or pending.asks == "since")
        ):
            return False
        if len(norm.split()) < GOOD_BY_MEANING_WORDS:
            return False  # "yeah it did", to "did it help?": too few words to read by meaning, and an answer
        if "grieving" in state.topics:
            # "Her name was Bess. Walked her twice a day every day since I retired.", of a dog just put to sleep
            # (chat_heldout57, read: "That sounds lovely. What made it feel so good?"): a memory told in grief reads
            # warm by meaning; good news in a grieving talk is still heard by its words
            return False
        if I.QUESTION.search(norm) or "?" in norm or I.REFUSAL.search(norm) or _SPOILED.search(norm):
            return False
        if CONTRAST.search(norm) or _LOST_PLEASURE.search(norm) or _PLAN_AHEAD.search(norm):
            return False
        return reads_good(vector)

    def _went_well_in_words(self, norm: str, feelings) -> bool:
        """Whether a try told at some length reads as having gone well, as good news in words ("did it!! went to the
        gym ... nobody even looked"): no hard feeling named, nothing asked, no "but" spoiling it. Not by the learned
        reader of valence: it read "did it while he was feeding ... cold tea lol" as good, and the grounding was
        thanked as having helped when the person had not said so (chat_heldout66, read)."""
        if not self.use_embeddings or _distressed(feelings) or len(norm.split()) < GOOD_BY_MEANING_WORDS:
            return False
        if "?" in norm or I.REFUSAL.search(norm) or _SPOILED.search(norm) or CONTRAST.search(norm):
            return False
        return bool(I.GOOD_NEWS.search(norm))

    def _unfit_suggestion(self, norm: str, named, state: DialogueState) -> str | None:
        """The exercise a message turns down by saying it does not fit ("a sleep plan feels a bit of a joke with a
        newborn"): the one it names, or the one just offered, or None. Why: read as an answer, the sleep plan was
        offered a third time; said before any offer (walking the app), it was offered next."""
        if not I.UNFIT.search(norm):
            return None
        if named in self.library.exercises:
            return named  # suggested before or not: "a sleep plan feels a bit of a joke" is a no to the sleep plan
        if not named and state.pending is not None and state.pending.kind == "offer" and state.pending.exercise:
            if re.match(r"(that|it|this|nah|no|honestly|tbh|sorry|hmm|um)\b", norm):
                return state.pending.exercise  # "that sounds impossible with my shifts", to "would you like to try..."
        return None

    def _new_topic(self, norm: str, feelings, themes, named, state: DialogueState) -> bool:
        """A message that turns to something else rather than answering: a question about the library, or a
        feeling or theme not talked about so far."""
        if named and (I.EXPLAIN.search(norm) or I.QUESTION.search(norm)):
            return True
        if I.QUESTION.search(norm) and (norm.endswith("?") or (I.QUESTION.match(norm) and "?" in norm)):
            return True  # "what's that then? sounds like something from a physio": asked first, then said more
        if _ASKED_WITHOUT_A_MARK.match(norm):
            return True  # "wait can i keep my phone on the desk tho or does it have to be in another room"
        if state.pending is not None and F.gives(norm, state.pending.asks):
            return False  # "my mum knows" answers "who else knows?", whatever theme it names
        if state.pending is not None and state.pending.about_good_news:
            # "I practised loads with my dad", asked how a driving test was passed: no worry about family; "that
            # helped my nerves" names a feeling eased, not felt now
            if not _distressed(feelings) or I.outcome_of(norm) == "helped":
                return False
        known = {*state.topics, *((state.pending.topic,) if state.pending and state.pending.topic else ())}
        said = {*themes, *(f for f in feelings if f not in ("okay", "hopeful"))}
        return bool(said) and not said & known

    def _small_talk(self, norm: str, short: bool, feelings) -> str | None:
        """Greetings, small talk, thanks and goodbyes: short messages only, so a feeling said with them wins."""
        if feelings and not all(f in ("okay", "hopeful") for f in feelings):
            return None
        if I.NEW_HERE.search(norm) and not I.QUESTION.search(norm):
            return "greeting"  # "hiii ok so my mum said i shud try this app lol": hello, not the situation at home
        if not short and I.GOODBYE.search(norm) and _ENDS_WITH_GOODBYE.search(norm):
            return "goodbye"  # "Right I'm off to do the shopping, mind yourself": a goodbye at its end, said at length
        if not short:  # "thanks for helping me think it through": thanks, said at more length
            n = len(norm.split())
            # "Thank you for letting me go on. It helped, saying it to someone.": thanks, a little longer
            if _THANKS_OPENING.search(norm) and not I.QUESTION.search(norm) and (n <= 12 or (n <= 20 and _IT_HELPED.search(norm))):
                return "thanks"
            return None
        if I.GOODBYE.search(norm) or I.LUCK.search(norm):  # "wish me luck": off into the thing they dreaded
            return "goodbye"
        if I.thanks_given(norm):
            return "thanks"
        if I.SMALLTALK.search(norm):
            return "smalltalk"
        if I.GREETING.search(norm) and not _HARD_DAY.search(norm):
            return "greeting"  # "hey. rough day" is a hello with the day in it: heard, not only welcomed
        return None


#: Words that make a laugh at the end a complaint told lightly, not a funny story ("...is not helping my mood lmao").
_NOT_A_JOKE = re.compile(r"\b(mood|stress\w*|anxi\w*|sad|down|low|tired|exhausted|knackered)\b")
#: A funny story is told at some length; "haha" alone is small talk.
FUNNY_STORY_WORDS = 6


def _told_as_a_joke(norm: str, state: DialogueState) -> bool:
    """Whether a message is a story told with a laugh at its end and nothing hard in it: no hard word, no outcome
    of something tried, no mood word, no question, not in the middle of a hard moment."""
    return bool(
        I.FUNNY_STORY.search(norm)
        and not I.HARD_WORD.search(norm)
        and I.outcome_of(norm) is None
        and not _NOT_A_JOKE.search(norm)
        and len(norm.replace("?", " ").split()) >= FUNNY_STORY_WORDS
        and not I.QUESTION.search(norm)
        and state.mode != "in_the_moment"
    )


#: A yes-or-no question asked without its question mark, with "or" or "tho" in it ("wait can i keep my phone on the
#: desk tho or does it have to be in another room", chat_heldout56, read: met as an answer with "I'm listening").
_ASKED_WITHOUT_A_MARK = re.compile(
    r"^((wait|ok|okay|so|and|but|hmm+|um+|right|also|sorry)\W+)*(can|could|should|do|does|is|am|would) (i|it|we|you)\b"
    r".*\b(or|tho|though)\b"
)
#: A kind of exercise picked in a few words ("the breathing one? sure", "maybe the grounding thing").
_KIND_PICKED = re.compile(
    r"^((ok|okay|yeah|maybe|um|hmm|erm|so)\W+)*(the |that |a )?[\w-]+( [\w-]+)? (one|thing|exercise|stuff)\W*(\?\s*)?"
    r"((sure|please|pls|yes|yeah|ok|okay|then|maybe|i guess|thanks)\W*)*$"
)
#: A day or a shift said to have been hard, in a hello ("kia ora. long shift", "hey. rough day").
_HARD_DAY = re.compile(
    r"\b(rough|long|bad|hard|tough|awful|horrible|crap|shit|shitty|busy|mad|stressful|draining|exhausting|heavy|weird|"
    r"strange|slow|lonely) (day|night|shift|week|one|morning|evening|couple of days|few days)\b|\bshift from hell\b"
)
#: Whether a habit or a thing does harm, asked outright: "is coffee bad for sleep?", "does tea at night stop you
#: sleeping", "I have two cups after dinner. Is that bad?".
_ASKS_IF_IT_HARMS = re.compile(
    r"\b(is|are|isn'?t|aren'?t) (\w+ ){0,4}(bad|good|okay|ok|harmful|unhealthy|healthy|safe) for (my |your |the )?(sleep|sleeping|"
    r"anxiety|mood|stress|nerves|mental health|heart|brain|focus)\b|"
    r"\b(does|do|can|could|will|would) (\w+ ){1,5}(stop|keep|affect|ruin|disturb|mess with|make) (you|me|people|someone|"
    r"a person|my|your) (\w+ )?(from )?(sleep|sleeping|awake|up at night|anxious|anxiety|mood|wired|jittery)\b|"
    r"\b(is|isn'?t) (that|it|this) (bad|too much|a problem|harmful|unhealthy|ok|okay|alright)( for (me|sleep|my sleep))?\W*$"
)
#: Who suggested Haven, in a hello ("my mum said i shud try this app lol"): not the family as a topic.
_WHO_SENT_THEM = re.compile(
    r"\bmy (\w+ )?(mum|mom|mam|dad|mother|father|sister|brother|daughter|son|granddaughter|grandson|therapist|gp|doctor|"
    r"friend|mate|wife|husband|partner|teacher|counsel+or|nurse|boss|manager)\b"
)
#: A hospital as a workplace ("the job as a porter at the hospital", "I'm a nurse on a ward"), not the person's health.
_WORKS_AT_A_HOSPITAL = re.compile(
    r"\b(job|jobs|work|working|works|porter|nurse|cleaner|shift|shifts|hca|healthcare assistant|receptionist|"
    r"volunteer\w*|start(ing)?) (as a \w+ )?(at|in|on) (the |a )?(hospital|ward|a and e|icu|care home|surgery)\b"
)


def _introduces_self(norm: str, feelings, themes, pending) -> bool:
    """A hello with a few words about oneself and nothing yet to talk about ("Good afternoon dear. I'm 90 next
    month and my granddaughter put this on my tablet for me."): welcomed as a hello, never asked "What feels like
    the hardest part right now?" before anything hard was said. A hello that names a trouble is not this."""
    return (
        pending is None
        and not feelings
        and not themes
        and bool(I.GREETING.search(norm))
        and not I.QUESTION.search(norm)
        and not _SOMETHING_HAPPENING.search(norm)
        and not _HARD_DAY.search(norm)
        and len(norm.split()) <= 30
    )


#: A feeling the person reports having said to someone ("said I feel overwhelmed when I'm tracking everything"): the
#: words of a hard talk they had, not how they feel now.
_FEELING_REPORTED = re.compile(
    r"\b(i )?(said|told (him|her|them|my \w+)|explained|let (him|her|them) know) (that )?i (feel|felt|get|got|was|am|'?m) "
    r"(\w+ ){1,2}(when|because|if|about)\b"
)
#: Someone else's reaction told after the person's try ("... and she slammed the door", "but he just laughed").
_THEY_REACTED = re.compile(r"\b(and|but) (then )?(she|he|they|my \w+|her \w+|his \w+) (just |only )?[a-z]+ed\b")
#: Guilt said after a loss ("i should have seen it coming", "if only I'd called her back"): part of grieving.
_GUILT_OF_GRIEF = re.compile(
    r"\bshould(?: have|'?ve| of|a) (?:seen it coming|known|noticed|done (?:more|something)|been there|called|picked up|"
    r"said something)\b|\bcould(?: have|'?ve| of) (?:stopped|saved|helped|prevented)\b|\bif only i(?: had|'?d)\b|"
    r"\bwasn'?t there for (?:her|him|them)\b|\b(?:my|all my) fault\b|\bblame myself\b"
)
# (uni, work) said of where a counsellor is ("i've got a counsellor through uni"): support named, not the topic
_SUPPORT_THROUGH = re.compile(
    r"\b((counsell?or|therapist|psychologist|doctor|gp|nurse|support worker|mentor) (through|at|from|via) (the )?)"
    r"(uni|university|college|school|work|my work|the practice)\b"
)


#: Words of an illness now, which keep "someone unwell" as a theme even in a conversation about a death.
_ILLNESS_SAID = re.compile(
    r"\b(ill|unwell|sick|hospital|hospice|diagnos\w*|cancer|chemo\w*|treatment|dementia|stroke|surgery|operation|"
    r"ward|icu|scan|tests?)\b"
)


#: An example put in quotes after "like" or "say" ("like 'I feel stressed when the sink is full'?").
_QUOTED_EXAMPLE = re.compile(r"\b(?:like|say|saying|go|write|e\.?g\.?|such as)\W{0,3}['\"\u2018\u201c](.{6,120}?)['\"\u2019\u201d]")
#: What a doctor found the cause to be, said with an all-clear ("she said it's stress and too much coffee. all fine"):
#: the all-clear is the news, not stress felt now.
_CAUSE_FOUND = re.compile(r"\b(said|says|told me|reckons) (it'?s|its|it is|it was) (just |only )?(stress|anxiety|tension|nerves)\b")
#: Something the person will do, with when ("I will continue the document tomorrow morning with fresh mind", chat_
#: heldout66, read: "That sounds lovely. What else has been good today?"): a plan, not good news already had.
_PLAN_AHEAD = re.compile(
    r"\b(i'?ll|i will|i'?m going to|im going to|i'?m gonna|gonna|going to) \w+\b.{0,60}\b(tomorrow|tonight|later|"
    r"next week|on (mon|tues|wednes|thurs|fri|satur|sun)day|in the morning|this (evening|weekend|afternoon))\b"
)
#: Faces that say something went badly or awkwardly (not the crying-laughing or happy-tears ones, which are often joy).
_UNEASY_FACE = re.compile("[\U0001F62C\U0001F629\U0001F61E\U0001F614\U0001F622\U0001F623\U0001F616\U0001F62B\U0001F630\U0001F625\U0001F641\u2639\U0001F61F\U0001F615]")
#: A message that ends by saying goodbye, however long it is ("right, I will try to sleep now. Thank you, goodbye").
_ENDS_WITH_GOODBYE = re.compile(
    r"\b(goodbye|bye+|bye for now|good ?night|night night|see (you|ya)( later| soon| tomorrow)?|"
    r"(talk|chat|speak) (to you )?(later|soon|tomorrow)|catch you (later|soon)|ttyl|ta[- ]ra|laters|cheerio|"
    # goodbyes in the languages people mix in ("tschüss for now", "ciao for now", "hasta luego")
    r"(tsch(u|ü|ue)ss|ciao|adios|adiós|au revoir|hasta luego|tot ziens|doei|tchau)( for now)?|"
    # "Thank you, have a nice evening.", "Right, I'll be off.", "cheers, that's me off to bed"
    r"(have|enjoy) (a|the rest of your) (nice|good|lovely|great|grand)? ?(evening|day|night|weekend|afternoon)|"
    r"i'?ll be off( now| then)?|(that'?s|thats) me off( to (bed|sleep|work))?|hooroo|mind yourself|take care( of yourself)?|"
    # "right that's me away" (Scots: I'm leaving; chat_heldout57, read: met as an answer and asked for a step)
    r"(that'?s|thats) me away( now| then| home)?|"
    # "she's stirring, got to go. ta x"
    r"(got to|gotta|have to|need to|better) go( now)?( (ta|thanks|cheers|bye|love))?( x+)?|"
    # "Grand. Thanks very much, I'll report back" (chat_heldout66, read: asked when they could fit more in)
    r"(i'?ll|i will|will) (report back|let you know how (it|that|this) (goes|went))|"
    # "thanks for that, I could murder a cup of tea now and then bed": off to bed, said last
    # ("i'll try it tomorrow at bedtime" is a plan, not goodnight)
    r"(now |and )?then (to )?bed|(?<!at )(?<!before )(?<!by )(?<!till )(?<!until )(?<!after )(?<!around )"
    r"(it'?s |its )?bed ?time( for me)?|time for bed)\W*$|"
    # "ok ttyl my mums shouting me down for tea": the goodbye first, then where they are off to
    r"^((ok|okay|right|anyway|alright|k|kk|oh|ah|omg) )*(ttyl|gtg|g2g|gotta go|got to go|have to go|laters|bye+|cya)\b|"
    # "I'll say cheerio now, the kettle's boiled": the goodbye said first, then why
    r"^((ok|okay|right|well|anyway|alright) )*i'?ll (say|be saying) (cheerio|goodbye|bye|goodnight|good night|ta ?ra)\b"
)
#: Thanks that says the talk helped ("it helped, saying it to someone", "I needed that", "I feel a bit lighter").
_IT_HELPED = re.compile(
    r"\b(it|that|this|talking|saying it)( really| honestly| actually)? (helped|helps)\b|\bneeded (that|this)\b|"
    r"\bmeans a lot\b|\bfeel (a bit |a little |so much |much |a lot )?(lighter|better)\b|"
    # "It's nice to say it out loud to something that won't judge me": the saying helped
    r"\b(nice|good|helps|a relief|a help) to (say|talk|get|let) (it|this|that|things|some of it)?\b"
)


#: Feelings that make good news read as mixed, so it is not celebrated over.
_HARD_FEELINGS = {
    "anxious",
    "low",
    "angry",
    "frustrated",
    "lonely",
    "overwhelmed",
    "ashamed",
    "guilty",
    "numb",
    "grieving",
}




def _recent_exercises(state: DialogueState) -> list[str]:
    """The exercises of this conversation, the ones on offer now first, then those done and offered, latest first."""
    return [*state.offered, *reversed(list(state.done)), *reversed(state.ever_offered)]


def _last_suggested(state: DialogueState) -> str | None:
    """The exercise "let's try that" can mean: the last one suggested in this conversation that was not turned
    down or found unhelpful; None when nothing was (the guide then asks what the person had in mind)."""
    if state.offered:
        return state.offered[0]
    for exercise in reversed(state.ever_offered):
        if exercise not in state.declined and state.done.get(exercise) is not False:
            return exercise
    return None


#: Tears of joy or of laughing: no sadness in them.
_JOYFUL_TEARS = re.compile(
    r"\b(almost |nearly |literally |actually )?(cried|crying|cry|in tears|tears)( \w+){0,4} (from|with|of) (happiness|joy|relief|"
    r"laughter|laughing|pride)\b|\bhappy tears\b|\btears of (joy|happiness|relief)\b|"
    # "she used to make me laugh until i cried"
    r"\blaugh(ed|ing)? (until|till|so hard|so much) (\w+ ){0,2}(cried|cry|tears)\b|\bcry(ing)? laughing\b|"
    # "back!! she slept 4 hours straight last night, first time ever. i nearly cried" (chat_heldout51, read: "It sounds
    # like you're feeling low"): tears at a first, told with it
    r"(?<=first time ever\W)\W*i (almost|nearly|actually|literally) cried\b|(?<=first time\W)\W*i (almost|nearly) cried\b|"
    # "that actually made me a bit teary in a good way" (chat_heldout56, read: "That sounds really hard")
    r"\b(teary|tearful|tears|cried|crying|welled up|teared up|emotional)( \w+){0,2} in a good way\b|"
    # "I was so happy I almost cry in the shop" (chat_heldout55, read: "So you've been feeling low")
    r"\b(so|really|that) (happy|glad|relieved|proud|excited) (that )?i (almost |nearly |actually |literally )?(cried|cry|teared up)\b"
)
#: Nerves said to be the good kind ("Bit nervous but the good kind of nervous") and dying in a game ("died like 200
#: times to the same boss"): no fear and no loss.
_GOOD_NERVES_AND_GAME_DEATHS = re.compile(
    r"\b(bit |a bit |little |a little |so |really )?(nervous|anxious|scared|jittery)( \w+){0,2} (but )?(the |in a )?good "
    r"(kind|sort|type|way)( of (nervous|nerves|scared|anxious))?\b|\b(the )?good (kind|sort) of (nervous|nerves|scared)\b|"
    r"\b(excited|nervous) (and |but )?(nervous|excited)\b|"
    r"\b(died|dying|die|dead)( like| about| over)? (\d+|a (hundred|million|thousand)|so many|loads of) times\b|"
    r"\bdied to (the|that|this|a) (same |final |last |first )?(boss|level|mob|guy|enemy)\b|"
    # "my laptop died and work is stressful": a machine that stopped, no loss (it got "I'm really sorry. A loss like
    # this touches everything", seen in round 51)
    r"\b(laptop|phone|battery|car|computer|pc|tv|telly|printer|engine|router|wifi|console|xbox|ps5|ps4|switch|headphones|"
    r"charger|kettle|fridge|boiler|washing machine|hoover|hard drive|screen|tablet|ipad|iphone|mac|macbook|van|bike|"
    r"plants?|houseplants?|basil|tomatoes|conversation|vibe|mood) (\w+ )?(died|has died|just died|is dead|is dying)\b"
)
#: A fear told as past, ended by the news beside it ("I was so scared about writing essays in English").
_FEAR_THAT_WAS = re.compile(
    r"\b(i was|i'?d been|i had been|was) (so |really |very |super |pretty |quite |that )?(scared|worried|nervous|anxious|"
    r"terrified|stressed|panicking|dreading)( (about|of|that|it|i'?d|i would)\b[^.!?]*)?"
)


#: The fewest words a message needs for its good news to be read by meaning (haven.chat.valence): a short reply
#: ("yeah it did", "ok sounds good") is an answer to what Haven asked, and too short to read so.
GOOD_BY_MEANING_WORDS = 5


#: A message that ends on a question about something ("what counts as late for caffeine ...?", "how long does it take
#: to work?"), not about the person's worth or a sigh ("why me?", "what's the point?"); the normalised text has lost
#: its full stops, so the question is found where it starts and must run to the closing question mark.
_TOPIC_QUESTION = re.compile(
    r"\b(what (counts|is|are|does|do|time|kind|sort|happens)|how (long|much|many|often|late|early|do|does|can|should|would)|"
    r"when (should|do|does|can|is)|which|is (it|there|that|this) (ok|okay|normal|bad|true|safe|worth|better|possible|a)|"
    r"are there|does (it|that|this)|should i (still|stop|avoid|cut|try)|can (i|you) (still|have|drink|eat|use|do|take)|"
    # "ok that's reassuring. why does it happen in stores though" (chat_heldout63, read: thanked for telling)
    r"why (does|do|is|did) (it|this|that|they|i)|how come)\b"
    # ended with its mark, or with "though"; or asked first, with what the person knows after it ("does it mean
    # something is wrong with my heart? my doctor checked last year and said no")
    r"([^?]*\?+$|[^?.!]*\b(though|tho)\W*$|[^?]{0,80}\?+ (?![^?]*\?))"
)
#: Pointing back at something Haven suggested by a word of it ("did the muscle thing and it helped").
_POINTS_AT_ONE = re.compile(r"\bthe \w+( \w+)? (thing|one|exercise|technique|trick)\b")
#: Asking why, of the topic, as the message's last sentence ("ok that's reassuring. why does it happen in stores
#: though", chat_heldout63, read: taken for an answer to Haven's question); not "why me" or "what's the point".
_WHY_QUESTION = re.compile(r"\b(why (does|do|is|did) (it|this|that|they)|how come) (\w+ ){1,8}?(\w+\?+|(though|tho))\W*$")
_SIGH = re.compile(r"\b(point|wrong with me|the use|bother)\W*\?+$")
#: How to do something, or how a suggestion is meant to work, asked outright: a question whatever feeling it names
#: and whatever Haven asked before ("how is doing stuff supposed to help with the lonely thing tho? like whats the idea
#: behind it", "her pediatrician appt is thursday, should i mention how tired i am?", "Abeg how do I even start the
#: conversation without it turning into another fight", "wait so i just do 25 mins and then a break? thats it?":
#: chat_heldout65, read, each met as a feeling or an answer, the question left unanswered).
_HOW_TO_QUESTION = re.compile(
    r"\bhow (is|are|does|do|would|will|can|could) (\w+ ){1,5}?(supposed|meant|going|gonna) to (help|work)\b|"
    r"\bwhat'?s the (idea|point|logic|thinking|science|reason) behind\b|"
    r"\bshould i (mention|tell (him|her|them|the|my)|bring (it |this |that )?up|say something|ask (him|her|them|the|my|about))\b"
    r"[^?]*\?|"
    r"\bhow (do|can|should|would) i (even |actually |best )?(start|begin|bring (it |this |that )?up|raise|approach|"
    r"open|word|phrase|say|tell|ask)\b|"
    r"^((wait|ok|okay|hmm+|sorry|so)\W+)*so (i|you) just (do|sit|write|breathe|set|put|pick|try|wait|worry|make|take|"
    r"go|say|list)\b[^?]*\?|"
    # "worry time? like scheduling when to worry? sounds kinda dumb no offense" (chat_heldout65, read: a feeling)
    r"^[\w' -]{3,30}\? (like|so|you mean|as in) [^?]{3,60}\?"
)


def _ends_on_a_question(norm: str) -> bool:
    """Whether the message ends on a question about a topic, with its question mark."""
    return bool(_TOPIC_QUESTION.search(norm)) and not _SIGH.search(norm)


def _distressed(feelings) -> bool:
    return any(f in _HARD_FEELINGS for f in feelings)


_CONDITIONS = {
    "health anxiety": r"health anxi",
    "anxiety": r"anxi",
    "depression": r"depress",
    "ADHD": r"adhd",
    "OCD": r"\bocd\b",
    "PTSD": r"ptsd",
    "bipolar disorder": r"bipolar",
    "autism": r"autis",
    "panic disorder": r"panic",
    "burnout": r"burn ?out",
}


def _condition(norm: str) -> str | None:
    """The condition a "do I have X?" question names (for pointing to check-ups and a doctor), if any."""
    if not (I.CONDITION.search(norm) or I.IS_IT_THE_CONDITION.search(norm)):
        return None
    return next((name for name, pattern in _CONDITIONS.items() if re.search(pattern, norm)), "a condition")


#: A moment told as one of many: how often or since when it happens.
#: Asking how long an exercise takes ("how long does it take", "is it long?").
_HOW_LONG_DOES_IT_TAKE = re.compile(r"\bhow long (does|will|would|is) (it|that|this)\b|\b(is it|is that) (long|quick)\b")
_WIND_DOWN = re.compile(r"\bwind[- ]?down (routine|plan|thing)\b")
#: "Could you give me something quick for the morning, for when she's refusing to go" (chat_heldout66, read: "Thanks,
#: that helps me understand"): something short asked for, whatever was offered
_SOMETHING_QUICK = re.compile(
    r"\b((give|show|teach|tell) (me|us)|(can|could|shall) (we|i|you) (do|try)) (something|anything|a thing|one) "
    r"(quick|short|simple|fast|small)\b"
)
#: Asking for the shortest exercise ("whats the quickest one", "anything quick?", "the shortest one you've got"), or
#: for something quick.
_QUICKEST = re.compile(
    r"\b(what'?s|whats|which is|which'?s|what is|give me|do) the (quickest|shortest|fastest|easiest)"
    r"( one| thing| exercise| option|\W*$)|"
    r"^((ok|okay|fine|fine then|alright|go on|sure)\W+)*(the )?(quickest|shortest) (one|thing|exercise)\b|"
    + _SOMETHING_QUICK.pattern
)
#: The most minutes "something quick" may take
QUICK_MINUTES = 5
#: Another of the same told ("had one last month as well", "first one was at uni"): the thing just talked about.
_ANOTHER_ONE = re.compile(r"\b(had|have|get|got|getting|first|last|another) (one|ones|them)\b")
_OVER_TIME = re.compile(
    r"\b((this|it) (always |usually )?(happens|keeps happening)|every (single )?(monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|week|day|morning|night|time|lecture|class)|since (\w+ ){0,3}(started|began|year|month|term|semester)|"
    r"for (weeks|months|years|ages)|(has|have|it'?s) been happening|"
    # "its happened like 3 times this month, always on the train" (chat_heldout55, read)
    r"(\d+|two|three|four|five|six|a few|a couple of) times (this|a|per|in a|last) (week|month|year|term)|"
    r"always (on|in|at) the|"
    # "had one last month as well in a meeting. on and off since uni really", "GP checked my heart last year, ECG and
    # everything, all fine" (chat_heldout61, read: "Good, keep going" to each, once it had slowed)
    r"last (week|month|year)|on and off|since (uni|school|college|university|i was \w+)|"
    r"(gp|doctor|doc|cardiologist) (checked|said|did|ran|looked)|ecg|(a|one|two|few|couple of) years? ago)\b"
)


def _mode(intent: str, state: DialogueState, norm: str = "") -> str:
    """How the conversation goes on: a stated preference to be listened to holds until help is asked for;
    an exercise in the chat holds while its steps are answered."""
    if intent == "answer" and running(state.run):
        return "exercise"
    if intent == "in_the_moment":
        return "in_the_moment"
    if intent in ("exercise_request", "accept"):
        return "exercise"
    if intent == "venting":
        return "listening"
    if state.mode == "in_the_moment" and intent in ("acknowledgement", "answer", "feeling", "accept"):
        # "this happens like every tuesday in this class", once the heart has slowed: looking back at the pattern is
        # the moment over, talked about (it got "You're doing it. One step at a time" four times, chat_heldout42)
        return "talking" if _OVER_TIME.search(norm) or I.MOMENT_OVER.search(norm) else "in_the_moment"
    if state.preference == "listen" and intent in ("feeling", "answer", "acknowledgement", "decline"):
        return "listening"
    return "talking"
