"""What the guide can say, slot by slot. Plain, warm, short; several phrasings each so replies do not repeat.

Placeholders: {feeling} (e.g. "anxious"), {about} (e.g. " about work" or ""), {theme} (e.g. "sleep"),
{title}, {minutes}, {summary}, {n} (a citation number).
"""

from __future__ import annotations

#: How a recognised feeling is named back ("you're feeling ...").
FEELING_WORDS = {
    "anxious": "anxious",
    "low": "low",
    "angry": "angry",
    "frustrated": "frustrated",
    "lonely": "lonely",
    "stressed": "stressed",
    "overwhelmed": "overwhelmed",
    "ashamed": "ashamed",
    "guilty": "guilty",
    "numb": "numb",
    "tired": "worn out",
    "grieving": "the weight of a loss",
    "hopeful": "more hopeful",
    "okay": "okay",
}

POSITIVE_FEELINGS = ("hopeful", "okay")

#: " about ..." clauses and noun phrases for the themes of haven.chat.understanding.THEMES.
THEME_ABOUT = {
    "sleep": " about your sleep",
    "work": " about work",
    "study": " about your studies",
    "relationships": " about your relationship",
    "family": " about things at home",
    "friends": " about friends",
    "social": " around other people",
    "someone_ill": " about someone you love being unwell",
    "caring": " about caring for someone",
    "procrastination": " about putting things off",
    "money": " about money",
    "health": " about your health",
    "body": " about your body",
}
#: Short names of topics for a list of conversations ("Anxious, social nerves and work"), where the stored name
#: would read as code; others are shown as they are, underscores as spaces.
TOPIC_LABELS = {
    "social": "social nerves",
    "someone_ill": "someone unwell",
    "low": "low mood",
    "caring": "caring for someone",
    "procrastination": "putting things off",
}
THEME_NOUNS = {
    "sleep": "sleep",
    "work": "work",
    "study": "studying",
    "relationships": "your relationship",
    "family": "the situation at home",
    "friends": "the situation with friends",
    "social": "feeling on show around people",
    "someone_ill": "someone close being unwell",
    "caring": "caring for someone",
    "procrastination": "putting things off",
    "money": "money",
    "health": "your health",
    "panic": "the panic",
    "self-criticism": "being hard on yourself",
    "worry": "the worrying",
    "body": "how you feel about your body",
}

#: What makes each area hard, said when a message names the area and nothing more specific was recognised (no
#: feeling, no situation): "Thanks for telling me about the situation at home." could follow any message, and readers
#: scored it as empathy that does not fit (chat_heldout55, read: 9 replies opened so). Two lines each, no advice.
THEME_REFLECTIONS = {
    "sleep": (
        "When sleep goes wrong, everything else in the day gets harder.",
        "Nights like that wear you down, and the tiredness spills into everything.",
    ),
    "work": (
        "Work has a way of following you home and taking up a lot of headspace.",
        "When work weighs on you, it can be hard to switch off from it.",
    ),
    "study": (
        "Study pressure can build quickly, and it's hard to rest with it hanging over you.",
        "It's a lot, carrying study on top of everything else.",
    ),
    "relationships": (
        "When things are hard with someone close, it can colour everything else.",
        "Trouble with someone you're close to can take up a lot of room in your head.",
    ),
    "family": (
        "Family can get under your skin like nothing else, because they matter so much.",
        "Things with family are hard to step away from, because they're so close to home.",
    ),
    "friends": (
        "Friendships can take up a lot of room in your head, especially when something feels off.",
        "When things feel off with friends, it can be hard to think about much else.",
    ),
    "money": (
        "Money worries have a way of sitting in the back of your mind all day.",
        "When money is tight, it can feel like there's no break from thinking about it.",
    ),
    "health": (
        "Worries about your health can be hard to put down, even for a moment.",
        "Not knowing what's going on with your body can be really unsettling.",
    ),
    "worry": (
        "Worry has a way of filling every quiet moment in the day.",
        "When the worrying takes hold, it can be exhausting to live with.",
    ),
    "procrastination": (
        "The longer something gets put off, the bigger it tends to loom.",
        "Putting something off often comes from dreading it, not from not caring.",
    ),
    "caring": (
        "Caring for someone takes so much, and it often leaves little room for you.",
        "Looking after someone else can quietly wear you down.",
    ),
    "self-criticism": (
        "Being that hard on yourself is tiring to live with.",
        "That inner critic can be so much harsher than you'd ever be to anyone else.",
    ),
}
REFLECT_FEELING = (
    "It sounds like you're feeling {feeling}{about}.",
    "I'm hearing that you feel {feeling}{about}.",
    "So you've been feeling {feeling}{about}.",
    "Thank you for telling me you're feeling {feeling}{about}.",
    "That sounds hard, feeling {feeling}{about}.",
    "You're feeling {feeling}{about}, and that matters.",
    "It makes sense that you'd want some relief from feeling {feeling}.",
    "Feeling {feeling}{about} can wear you down.",
    "I can hear that you're feeling {feeling} right now.",
    "Being {feeling}{about} is a lot to carry.",
)
REFLECT_POSITIVE = (
    "It's good to hear you're feeling {feeling}.",
    "I'm glad things feel {feeling} right now.",
    "That's good to hear.",
    "I'm really glad to hear that.",
    "I'm glad you're feeling {feeling}.",
)
#: Nerves about something still to come, good or not ("a job interview on thursday and my stomach is in knots").
REFLECT_AHEAD = (
    "It makes sense to feel {feeling} with something like that coming up.",
    "Something big coming up can bring a lot of nerves with it, even when part of it is good.",
)
#: Feelings that do not take an "about ..." clause: "lonely about your studies" misreads moving for uni.
NO_ABOUT = ("lonely", "numb", "tired", "grieving")
#: What the person said is coming up, named back in their terms ({fact}: "Finals, with the first on Monday at 9").
REFLECT_FACT = (
    "{fact}: that's a lot to have coming up.",
    "{fact}. No wonder it's on your mind, with that coming up.",
    "{fact}: that's a big thing to have coming up.",
)
#: Two themes said together that mean one thing ("I lie there going over everything": worry at night).
REFLECT_PAIR = {
    ("sleep", "worry"): (
        "Lying awake while your mind goes over everything is exhausting.",
        "It sounds like your mind gets busiest just when you want to rest.",
    ),
    # "work mostly, and i'm not sleeping": both heard, not only the sleep
    ("sleep", "work"): (
        "Work weighing on you and nights without proper sleep make a tiring mix.",
        "When work is heavy and sleep is short, each one makes the other harder.",
    ),
    ("sleep", "study"): (
        "Study pressure and short nights make a tiring mix.",
        "When the studying piles up and sleep is short, each one makes the other harder.",
    ),
}
FOLLOW_UP_PAIR = {
    ("sleep", "worry"): (
        "What do you usually do when the thoughts start at night?",
        "Have you ever tried writing the worries down before bed?",
    ),
    ("sleep", "work"): (
        "Does work follow you to bed, or is it something else that keeps you awake?",
        "Which feels more pressing right now, the work or the sleep?",
    ),
    ("sleep", "study"): (
        "Do thoughts about your studies keep you awake, or is it something else?",
        "Which feels more pressing right now, the studying or the sleep?",
    ),
}
#: A feeling whose questions fit better than the theme's ("lonely" after a move for uni is not about studying).
FOLLOW_UP_FEELING = {
    # a loss: about who was lost and how the person is getting through it, never "what would you say to a friend"
    "grieving": (
        "What do you miss most?",
        "How have the last few days been?",
        "How are you looking after yourself through it?",
    ),
    "lonely": (
        "Is there anyone, near or far, you feel at ease with?",
        "What would help you feel a bit more connected this week?",
    ),
}
REFLECT_GRIEF = (
    "I'm so sorry for your loss.",
    "I'm sorry. Losing someone you love hurts so much.",
    "Grief can be so heavy, and I'm sorry you're carrying it.",
    "I'm really sorry. A loss like this touches everything.",
)
#: A breakup, grieved as the loss it is, with no word of a death.
#: A death at work, of someone the person cared for: grief at work is still grief.
REFLECT_GRIEF_AT_WORK = (
    "I'm sorry. Losing someone you cared for at work is still a loss, even when it was expected.",
    "That's a loss too, even when it was expected. It makes sense that it touched you.",
)
REFLECT_BREAKUP = (
    "I'm sorry. A breakup can hurt so much.",
    "I'm sorry you're going through a breakup. It can turn everything upside down.",
)
#: An answer later in a conversation about a loss. Said of no one by name or pronoun: "Those are the things that
#: make missing him so hard" was said of a 91-year-old's living son, in a talk about his late wife.
REFLECT_GRIEF_ANSWER = (
    "Moments like that can carry so much when you're grieving.",
    "Grief shows up in the small, everyday moments like that.",
    "Thank you for telling me. A loss touches so many parts of a day.",
)
#: ...when the person calls their own grief daft or silly.
REFLECT_GRIEF_DAFT = (
    "That's not daft at all. Grief shows up in habits like that.",
    "It isn't silly. Habits of love take time to fade.",
)
REFLECT_THEME = (
    "It sounds like {theme} has been weighing on you.",
    "It sounds like {theme} has been hard lately.",
    "Thanks for telling me about {theme}.",
    "So {theme} has been on your mind.",
    "I can hear that {theme} is taking up a lot of room right now.",
    "That sounds difficult, and {theme} can take a lot out of you.",
)
REFLECT_GENERAL = (
    "Thank you for telling me that.",
    "I'm glad you said something.",
    "That sounds like a lot to hold.",
    "I'm listening.",
    "Let's look at this together.",
    "Thanks for putting that into words.",
    "I hear you.",
)
#: A reflection that assumes nothing was hard: for good news, a plan or a plain fact, where "That sounds like a lot
#: to hold." or "That sounds difficult, and..." would be a stock line beside the point.
REFLECT_LIGHT = (
    "Thank you for telling me that.",
    "I'm listening.",
    "I hear you.",
    "Thanks, that helps me understand.",
)
#: The first message of a conversation when nothing in it was recognised: taken in, with nothing assumed ("Thanks,
#: that helps me understand" answered a 91-year-old's hello as if Haven had asked something).
REFLECT_FIRST = (
    "Thank you for telling me that.",
    "I'm glad you got in touch.",
    "Thanks for telling me a bit about what's going on.",
)
#: A theme told lightly (no hard word): named, not thanked for ("Thanks for telling me about putting things off" read as a
#: form letter, chat_heldout55, read).
REFLECT_THEME_LIGHT = ("So {theme} has been on your mind.", "It sounds like {theme} is on your mind at the moment.")
VALIDATE = (
    "Lots of people feel this way at times, and it can ease.",
    "You don't have to sort it all out at once.",
    "It took something to put that into words.",
    "Feelings like this can be loud, but they do shift.",
    "You're not the only one who has felt like this.",
    "There's no right or wrong way to feel about this.",
)
PSYCHOED_LEAD = (
    "It can help to know this: {snippet} [{n}]",
    "Here's a little background: {snippet} [{n}]",
    "Something worth knowing: {snippet} [{n}]",
    "From Haven's library: {snippet} [{n}]",
    "A bit of background that may help: {snippet} [{n}]",
    "One thing that helps many people make sense of it: {snippet} [{n}]",
)
#: A tip from a "what helps" list, for "what can I do about ...?".
TIP_LEAD = (
    "Something that can help with that: {snippet} [{n}]",
    "One thing that often helps: {snippet} [{n}]",
    "A tip from Haven's library: {snippet} [{n}]",
)
EXERCISES_LEAD = (
    "If you'd like to try something, these may help:",
    "A few things that might help:",
    "You could try one of these:",
    "When you're ready, one of these could help:",
    "Some exercises that fit what you describe:",
)
EXERCISE_LEAD_ONE = (
    "Here is something you could try:",
    "If it feels right, you could try this:",
    "When you're ready, this could help:",
    "One thing that might help:",
)
EXERCISES_LEAD_POSITIVE = (
    "If you'd like to build on it:",
    "Something that can help keep it going:",
    "To make the most of a good spell:",
)
#: An exercise offered earlier in the conversation, brought back when the person asks what they could do.
EXERCISE_LINE_AGAIN = (
    "- **{title}** [{n}], the one I mentioned before: {summary}",
    "- **{title}** [{n}], the one I mentioned before: {purpose}",
    "- **{title}** [{n}], the one I mentioned before.",
)
#: One exercise as a list item. Earlier phrasings tell more; later ones are kept for when those were said.
EXERCISE_LINE = (
    "- **{title}** [{n}]: {summary}",
    "- **{title}** [{n}], about {minutes} minutes: {purpose}",
    '- **{title}** [{n}] can help when you think: "{when}"',
    "- **{title}** [{n}] takes about {minutes} minutes.",
    "- **{title}** [{n}] is here whenever you want it.",
    "- **{title}** [{n}], the one from before, is still an option.",
    "- **{title}** [{n}] ({minutes} min), if you'd like to try it now.",
)
FOLLOW_UP_GENERAL = (
    "What feels like the hardest part right now?",
    "What has been going through your mind about it?",
    "When did you first notice feeling this way?",
    "What would feel like one small step forward today?",
    "How is this showing up in your body?",
    "What usually helps you, even a little?",
    "Would you like to try one of these now, or talk a bit more first?",
    "What would you say to a friend who felt this way?",
    "What do you need most right now?",
    "Who else knows how you've been feeling?",
)
#: An answer to one of Haven's general questions that names nothing Haven knows: taken in as an answer to THAT question,
#: then the question that carries it on (a thing that helps: room made for it; the hardest part: what would ease it).
#: Why: "Yes, something to keep my mind busy would help" was met with "Thanks, that helps me understand. What do you
#: need most right now?", and "Shoulder rolls between calls I can do" with "What usually helps you, even a little?"
#: (chat_heldout56, read: 54 of 202 replies opened with a stock line and went on with a question that could follow
#: anything).
ANSWER_TO_QUESTION: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "What usually helps you, even a little?": (
        ("That's worth holding on to.", "Good to know what helps, even a little."),
        ("Could you make a bit of room for that this week?", "When could you fit a bit more of that in?"),
    ),
    "What feels like the hardest part right now?": (
        ("So that's the part that weighs most.", "That sounds like the heart of it."),
        ("What would make that part even a little easier?",),
    ),
    "What's been the hardest part?": (
        ("So that's the part that weighs most.", "That sounds like the heart of it."),
        ("What would make that part even a little easier?",),
    ),
    "What would you say to a friend who felt this way?": (
        ("That's a kind thing to say.",),
        ("Could you say the same to yourself?",),
    ),
}
#: General questions that only fit when the person said how they feel.
FOLLOW_UP_FEELING_ONLY = (
    "How is this showing up in your body?",
    "Who else knows how you've been feeling?",
    "When did you first notice feeling this way?",
    "What would you say to a friend who felt this way?",
)
FOLLOW_UP_THEME = {
    "sleep": ("What tends to happen when you lie down at night?", "How many nights a week is it like this?"),
    "work": ("What part of work is weighing on you most?", "What would make this week at work a bit easier?"),
    "study": ("What is the next deadline or exam you're facing?", "What part of studying feels hardest?"),
    "relationships": ("What happened between you most recently?", "What would you like them to understand?"),
    "family": ("What has been happening at home?", "Is there someone in the family you can talk to?"),
    "friends": ("What happened with your friends?", "Who do you feel most at ease with?"),
    "social": (
        "What do you worry people will think of you?",
        "What do you usually do to get through those moments?",
    ),
    "someone_ill": ("How are you holding up while they're unwell?", "Who is there to support you through this?"),
    "caring": ("How are you looking after yourself alongside the caring?", "Who else shares the caring with you?"),
    "procrastination": (
        "What happens just before you put it off?",
        "What would a ten-minute start on it look like?",
    ),
    "money": (
        "What part of the money worry is loudest right now?",
        "Is there one bill or step you could look at first?",
    ),
    "health": ("Have you been able to talk to a doctor about it?", "What worries you most about your health?"),
    "panic": ("What do you notice first when the panic starts?", "Where are you when it tends to happen?"),
    "self-criticism": (
        "What does the critical voice tell you?",
        "Would you speak to a friend the way you speak to yourself?",
    ),
    "worry": ("What is the worry telling you will happen?", "How much of the day does the worry take up?"),
    "body": ("When do these thoughts about your body get loudest?", "How much of your day do these thoughts take up?"),
}
#: After something said lightly (a decision the person is at peace with, a plan): a question with no trouble in it.
FOLLOW_UP_LIGHT = ("How do you feel about it all?", "How are you feeling about it now?")
FOLLOW_UP_POSITIVE = (
    "What helped things feel better?",
    "What would you like to keep doing from this week?",
    "Is there anything on your mind you'd like to talk about?",
    "What's been going well?",
)

#: Someone new, told to try Haven by someone else or unsure what to say: welcomed, what Haven is, and an easy start.
NEW_HERE = (
    "Welcome, I'm glad you're here. There's no right thing to say: I'm a self-help guide, and you can tell me how "
    "you've been, or anything that's on your mind. How have things been for you lately?",
    "Welcome. There's nothing you're supposed to say. You can tell me what's been on your mind, and we'll go from "
    "there. How have you been feeling lately?",
)
GREETING = (
    "Hi, I'm Haven, a self-help guide.",
    "Hello, it's good to see you.",
    "Hi there.",
    "Hello again.",
    "Hey, welcome.",
)
GREETING_QUESTION = (
    "How are you feeling today?",
    "What's on your mind?",
    "How has your day been?",
    "What would you like to talk about?",
)
THANKS = (
    "You're welcome.",
    "I'm glad that helped.",
    "Any time.",
)
#: "the breathing helped actually, thanks": glad of what helped, by name ({what}: "the breathing", "that").
THANKS_HELPED = (
    "I'm really glad {what} helped. It's worth remembering for the next time things get hard.",
    "That's good to hear: {what} helped. It'll be there whenever you need it again.",
)
#: "thanks, that's helpful" about what Haven just said, with no exercise named: the reply was useful, nothing was
#: tried yet (it was "That's good to hear: that helped.", said before the person had tried anything).
THANKS_USEFUL = (
    "I'm glad that's useful.",
    "Glad that's useful to have.",
)
#: "thanks, that actually helps a bit" when nothing was tried: the talking helped.
THANKS_TALK_HELPED = (
    "I'm really glad talking it through helps a bit.",
    "I'm glad it helps to say it out loud.",
)
#: "Thanks, it's my turn now, wish me luck": going in to the thing they were nervous about.
GOOD_LUCK = (
    "Good luck. You've got this, and I'm here afterwards if you want to tell me how it went.",
    "Good luck! Go gently, and come back and tell me how it went if you like.",
)
THANKS_QUESTION = (
    "Is there anything else on your mind?",
    "Would you like to keep going, or leave it there for now?",
    "How are you feeling now?",
)
#: A goodnight said as a goodbye ("night x", "gn all"): a warm goodnight back, no "good idea" (nothing was proposed).
GOODNIGHT_BYE = (
    "Goodnight. Sleep well, and I'm here whenever you want to talk again.",
    "Night night. Take care of yourself, and come back any time.",
    "Goodnight, and thank you for talking with me tonight. I'm here whenever you need me.",
)
#: Going to bed ("I think I just need to go to bed"): a goodnight, no exercise.
GOODNIGHT = (
    "That sounds like a good idea. Sleep well, and I'm here whenever you want to talk again.",
    "Rest sounds right. Goodnight, and come back any time.",
    "Good idea. I hope you get some rest. I'm here whenever you want to pick this up.",
)
GOODBYE = (
    "Take care of yourself. I'm here whenever you want to talk again.",
    "Goodbye for now. Come back any time.",
    "Look after yourself. You can pick this up whenever you like.",
)
CAPABILITIES = (
    "I'm Haven, a self-help guide based on ideas from CBT. I can listen, help you put a name to what you're "
    "feeling, share short pieces from Haven's library, and guide you through exercises such as {examples}. "
    "I'm not a therapist and I can't diagnose anything.",
    "I can help you sort through how you're feeling, explain ideas from CBT in plain words, and walk you "
    "through exercises like {examples}. I'm a self-help tool, not a therapist, and I don't diagnose.",
)
#: "I hope I am doing it right": yes, and how to go on.
DOING_IT_RIGHT = (
    "You're doing it just right. Type whatever is on your mind, in your own words, and I'll answer. There's no wrong "
    "way to start, and you can stop whenever you like.",
    "You're doing fine: just write to me as you would to someone you trust, a few words or a lot. There's no wrong way "
    "to do this, and nothing you say here is shared unless you choose to share it.",
)
#: "is it like therapy?": no, said plainly and kindly; what it is instead, and where therapy is found.
NOT_THERAPY = (
    "No, Haven isn't therapy, and it can't replace it. It's a self-help guide built on ideas from CBT, the same "
    "ideas many therapists use: you can practise some of the skills here, like catching an unhelpful thought, calming "
    "your body or planning small steps. But no therapist reads along, and I can't diagnose anything. If you'd like "
    "to see a therapist, just ask and I'll tell you how to find one.",
)
#: "am I allowed to eat before the scan?": not Haven's to answer, said plainly, with where the answer is.
CARE_INSTRUCTIONS = (
    "That one is for the team doing the {thing}, and I'd rather not guess: what's fine beforehand and after depends on "
    "the {thing}, and they'll tell you exactly. The appointment letter often says, and a quick call to the number on it "
    "will settle it.",
    "I can't give medical advice, so it's best to ask the hospital or clinic doing the {thing}. The appointment letter "
    "usually says what to do beforehand, and if not, the number on it will get you a clear answer.",
)
CARE_INSTRUCTIONS_QUESTION = ("How are you feeling about the {thing}?", "How are you feeling about it, with the {thing} coming up?")
#: "you're not a therapist, right?": yes, that's right, said as plainly as it was asked.
NOT_THERAPY_CONFIRMED = (
    "That's right: I'm not a therapist, and Haven isn't therapy. It's a self-help guide built on ideas from CBT, the "
    "same ideas many therapists use, so you can practise some of the skills here, like catching an unhelpful thought, "
    "calming your body or planning small steps. No therapist reads along, and I can't diagnose anything.",
)
#: "I'm on a waitlist for one": what Haven can be while they wait, and who their care belongs with.
NOT_THERAPY_WAITING = (
    "That's right: I'm not a therapist, and Haven can't replace the one you're waiting for. It's a self-help guide "
    "built on ideas from CBT, and it can help while you wait: practising a skill, noting how your mood moves, or "
    "writing down what you'd like to bring to your first session. I can't diagnose anything, and if things get "
    "worse while you wait, your GP is the one to tell.",
)
#: "can this replace my therapist?": the same, said to someone who has one.
NOT_THERAPY_BESIDE = (
    "No, Haven can't replace your therapist. It's a self-help guide built on ideas from CBT, so it can sit alongside "
    "the work you do together: practising a skill between sessions, noting how your mood moves, or keeping a thought "
    "record to bring along. It can't diagnose anything, and your therapist is the one to talk to about your care.",
)
#: "is this private? does anyone read what I type": plainly, what is true of every way Haven runs.
PRIVACY = (
    "Good question to ask. What you write here is kept in Haven's own database, and nobody reads it unless you "
    "choose to share it: a report you make yourself or, where a clinic runs Haven for you, what you share with your "
    "clinician on the Sharing page. Settings, under Privacy, shows where it's kept and lets you export or delete it; "
    "on your own computer you can lock it with a passphrase too.",
)
#: "Could you do me a quick mood check-in as well?": where a check-in is made, and where it shows.
MOOD_LOG = (
    "A mood check-in lives on the Mood page: a 0-10 for how you feel, and a few words on what's behind it if you "
    "like. It takes under a minute, and the chart there shows the last 30 days, so you can see whether a stretch "
    "like this one is dragging things down.",
)
#: "can i see my mood over the last month as a chart": where the charts are.
CHARTS = (
    "The Mood page shows your check-ins over the last 30 days, and the Insights page has charts of your mood, "
    "your check-up scores and what has helped, for whatever period you pick. They're drawn from what you've logged in "
    "Haven, so the more check-ins, the clearer the picture.",
)
CHARTS_QUESTION = ("Is there anything on your mind today?", "How have things been for you lately?")
#: "do you use chatgpt or something": what answers here.
WHAT_HAVEN_IS = (
    "I'm not a person, and I'm not ChatGPT. I'm Haven, a self-help guide: my replies are put together from Haven's "
    "own library of CBT exercises and articles, and the numbers in brackets show where a piece comes from. I can get "
    "things wrong, and I'm not a therapist.",
)
#: "does this app still work when the wifi goes off?": yes, said plainly, and where it does not.
OFFLINE = (
    "Yes. Haven needs no internet: the chat, the exercises, your check-ins and the charts all run on the computer "
    "Haven is installed on, and nothing you write is sent anywhere. If a clinic or university runs Haven for you, "
    "you reach it over their network, so there it needs that connection.",
)
#: "who actually makes this app? is it a company?": what Haven is and how it is made, said plainly.
WHO_MAKES_HAVEN = (
    "Haven is an open self-help project, not a company selling anything: its code and every exercise and article in "
    "its library are written in the open, and it runs on your own device with no account and no adverts. Where a "
    "clinic or university runs it for you, they host it. I'm not a person, and I'm not a therapist.",
)
CAPABILITIES_QUESTION = (
    "What would you like to start with?",
    "Is there something on your mind today?",
)
OFFTOPIC = (
    "I'm not much use for that, I'm afraid. I'm here to help with how you're feeling and with self-help exercises.",
    "That's outside what I can help with. I'm best at listening and at self-help exercises from CBT.",
    "I can't help much there. What I can do is help with stress, worry, mood, sleep and the like.",
)
OFFTOPIC_QUESTION = (
    "How have you been feeling lately?",
    "Is anything weighing on you today?",
    "How are things with you?",
)
#: After an aside in the middle of a conversation: back to what the person was saying (Haven's question stays open).
OFFTOPIC_BACK = (
    "Shall we go back to what you were telling me?",
    "Where were we, with what you were telling me?",
)
ACKNOWLEDGE = (
    "Take your time.",
    "That's okay.",
    "Okay.",
    "No rush.",
)
ACKNOWLEDGE_EXERCISE = (
    "Whenever you're ready, the button under my message starts {title}.",
    "If you'd like, {title} is one click away below.",
)
HUMAN_INTRO = (
    "Talking to a person is a really good idea, and I'm glad you want to.",
    "Wanting to talk to a real person makes a lot of sense. I'm a self-help guide, not a therapist.",
)
HUMAN_HOW = {
    "GB": "To find a therapist, you can refer yourself to NHS Talking Therapies in England, or ask your GP.",
    "US": "To find a therapist, ask your doctor for a referral, check your insurer's list, or search a directory "
    "such as the APA's or Psychology Today's.",
    "default": "To find a therapist, a doctor or your local health service can point you to one near you.",
}
#: "When should I see someone about it?": the library's signs, then a way on.
WHEN_TO_GET_HELP_LEAD = (
    "It's a good question to ask, and you don't need to wait until things are bad. From Haven's library:",
    "Asking for help early is fine: you don't have to wait for it to get worse. Haven's library says:",
)
WHEN_TO_GET_HELP_QUESTION = (
    "Does any of that sound like where you are at the moment?",
    "How does that fit with how things have been for you?",
)
HUMAN_LINES_LEAD = "If you want to talk to someone right now, these lines are free and confidential:"
HUMAN_QUESTION = (
    "Would it help to think through what you might say when you reach out?",
    "Is there someone in your life you could talk to as well?",
)
REQUEST = (
    "Yes, let's do **{title}** [{n}].",
    "Good idea. Let's try **{title}** [{n}].",
    "Sure, **{title}** [{n}] is a good one.",
)
REQUEST_HOW = (
    "It takes about {minutes} minutes. {summary}",
    "It takes around {minutes} minutes. {purpose}",
    "It's about {minutes} minutes long.",
)
REQUEST_START = (
    "Press **Start** below when you're ready.",
    "The button below opens it.",
)
REQUEST_QUESTION = (
    "How are you feeling right now, before we begin?",
    "From 0 to 10, how stressed do you feel right now?",
    "What made you want to try it today?",
)
EXPLAIN_EXERCISE_OFFER = (
    "Would you like to try **{title}** now?",
    "Would you like to give it a go?",
)
#: Asked about an exercise by a name none in the library has ("what's this STOP thing then"): said plainly before the
#: nearest one the search found, so it is never passed off as the one they heard of.
NOT_BY_THAT_NAME = (
    "I don't have one called {name} in my library, so this may not be the one you heard of. The nearest I have:",
)
#: Asked about an exercise by a name the library lacks, with nothing near it found: said plainly, and asked.
NOT_BY_THAT_NAME_NOTHING_NEAR = (
    "I don't have one called {name} in my library, so I can't tell you how that one goes. If you tell me what it's "
    "meant to help with, I can look for the nearest thing I do have.",
)
#: After explaining an exercise suggested earlier in the conversation (it has its button there already).
EXPLAIN_EARLIER_QUESTION = (
    "Does that sound like something you'd like to try?",
    "How does that sound as a way in?",
)
#: What helps, as an article lists it, said in answer to "what do I do if...?".
HELPING_STEPS_LEAD = (
    "Here's what Haven's library says about {section} [{n}]:",
    "A few things from Haven's library, under {section} [{n}]:",
)
HELPING_STEPS_QUESTION = ("Which of these feels most doable for you?", "Is there one of these you'd like to try?")
#: Never "What made you curious about it?": most questions come from the person's own life ("what counts as late for
#: caffeine if you work nights though?", chat_heldout61, read), and curiosity is beside the point.
EXPLAIN_FOLLOW_UP = (
    "Does that fit with what you've noticed?",
    "Is there a part of that you'd like to know more about?",
    "Does that help with what you were wondering?",
)
#: A check-up's answer option typed in the chat, after Haven said where the check-up is (chat_heldout29, read: "more
#: than half the days" was asked "What would feel like one small step forward today?").
CHECKUP_OPTION_TYPED = (
    "That sounds like one of the check-up's answers. The check-up itself is on the Check-ups page: it asks its "
    "questions one at a time and adds up the score for you. If you tell me the score when you've done it, I can say "
    "what it means.",
    "That's another of its answers, I think. On the Check-ups page each answer is counted for you, so nothing gets "
    "lost; tell me the score afterwards if you'd like to talk it over.",
)
#: A question about the exercise just suggested, answered from its own words.
ABOUT_OFFERED_LEAD = ("Here's how the library puts it:", "That's the idea. In the library's words:")
ABOUT_OFFERED_QUESTION = ("Does that answer it?", "Would you like to give it a go?")
#: After what a word means, from the library ("wats pomodoro"): not "Does that fit with what you've noticed?".
DEFINE_FOLLOW_UP = ("Is there a part of that you'd like to know more about?", "Does that help with what you were wondering?")
#: Asked for something to read ("Is there something to read on carer burnout though?"): the article named, a taste of
#: it, and where it is.
READING_POINTER = (
    "Yes: **{title}** in Haven's library is about just that. The whole article is on the Library page. Here's a taste:",
    "There is: **{title}**. You'll find it on the Library page whenever you have a moment. It starts like this:",
)
READING_QUESTION = (
    "Is there a part of it you'd like to talk through first?",
    "What would you most like it to help with?",
)
#: After answering a question about the person's own experience ("is it normal to feel kind of flat about it all?"):
#: about them, never "What made you curious about it?"
#: "Is it normal to feel like this?": yes, plainly, before what the library says (never a diagnosis).
IS_NORMAL_YES = (
    "Yes, it's very common, and it makes sense with what you've told me. It doesn't mean something is wrong with you.",
    "It's a lot more common than it feels from the inside, and it isn't daft at all.",
    "Yes. Lots of people go through this, even if they don't show it.",
)
#: The same yes, short, before a passage of the library that answers the question.
IS_NORMAL_SHORT = ("It's common, yes.", "You're far from the only one.", "It's more common than it feels.")
OWN_EXPERIENCE_FOLLOW_UP = (
    "Does that fit with what you've noticed?",
    "How long has it felt like this for you?",
    "What is it like for you on the harder days?",
)
#: A hello from someone on a waiting list for therapy: the wait heard, what Haven is (and is not) in the meantime.
WAITING_FOR_THERAPY = (
    "{wait} is a long time to wait, and it's good you're looking after yourself in the meantime.",
    "{wait} is a long wait. I'm glad you're finding ways to look after yourself until then.",
)
WAITING_FOR_THERAPY_UNTIMED = (
    "Waiting for therapy can feel long, and it's good you're looking after yourself in the meantime.",
    "The wait can feel long. I'm glad you're finding ways to look after yourself until then.",
)
WAITING_FOR_THERAPY_ROLE = (
    "I'm not therapy and can't replace it, but we can practise some of the same CBT skills here, and the "
    "check-ups can show how things move while you wait."
)
WAITING_FOR_THERAPY_QUESTION = ("What's been weighing on you most?", "What would you most like help with while you wait?")
#: "what does that actually mean?": Haven's last reply put another way, from the passage it quoted.
CLARIFY_LEAD = ("Let me put it another way.", "Sorry, that wasn't very clear, so let me try again.")
CLARIFY_QUESTION = ("Does that make more sense?", "Is that clearer, or shall I try again?")
#: ... with nothing quoted to stand on: which part to say again.
CLARIFY_WHICH_PART = (
    "Sorry, I didn't say that very clearly. Which part would you like me to put another way?",
    "Fair question, I wasn't clear. Which bit should I say differently?",
)
NOT_IN_LIBRARY = (
    "I don't have anything on that in Haven's library, so I'd rather not guess.",
    "That isn't something Haven's library covers, and I don't want to make things up.",
)

# --- shapes that follow the conversation (haven.chat.guide) ------------------------------------------------

#: Listening: a reflection, and an open question; no exercise, no lesson.
LISTEN_OPEN = (
    "Of course. I'm here, and I'm listening.",
    "Sure. No exercises, no fixing, just listening.",
    "I can do that. Take all the time you need.",
)
LISTEN_START = (
    "Go ahead, whenever you're ready.",
    "What's on your mind?",
    "Tell me what's going on.",
)
#: "I just needed to say it", after the person has said it: what they said is taken as said.
LISTEN_SAID = (
    "It makes sense to want to say it out loud, just as it is.",
    "Sometimes it helps just to have it said.",
    "You've been carrying a lot, and it's okay to simply put it down here for a moment.",
)
#: Talking itself helps ("just typing it out helps a bit"): glad of it, and room to go on.
LISTEN_HELPS = (
    "I'm glad putting it into words helps a bit. No rush, I'm listening.",
    "I'm glad getting it out is helping. Take your time.",
    "Good, I'm glad it helps to say it. I'm here for as long as you want to keep going.",
)
LISTEN_HELPS_QUESTION = (
    "What else is on your mind about it?",
    "Is there more you want to say?",
    "What would you like me to understand about it?",
)
LISTEN_ACK = (
    "I'm listening.",
    "I hear you.",
    "That's a lot to carry.",
    "Thank you for telling me.",
    "That sounds really hard.",
    "I'm still here.",
    "Mm, that makes sense.",
)
#: A loved memory told while grieving ("it made us laugh every single day"): received as the gift it is.
LISTEN_MEMORY = (
    "What a lovely thing to remember.",
    "That's a memory worth keeping close.",
    "It sounds like there was so much joy in that.",
)
LISTEN_MEMORY_QUESTION = (
    "Tell me more, if you'd like.",
    "What else do you remember?",
    "Go on, I'm listening.",
)
#: Listening to a loss, when the person tells what the one they lost did ("she did all the birthday cards and now i
#: forget them"): the everyday gap named, not "Mm, that makes sense. What's on your mind?".
LISTEN_MISSED = (
    "It's often the everyday things they did that leave the biggest gap.",
    "So much of a shared life lives in small things like that.",
    "Those everyday things hold so much of a person.",
)
LISTEN_MISSED_QUESTION = (
    "What do you miss most?",
    "Tell me more about {them}, if you'd like.",
    "What was your life together like?",
)
LISTEN_QUESTION = (
    "How has that been for you?",
    "Go on, I'm here.",
    "What else is going on for you?",
    "How does that sit with you?",
    "What's been the hardest part?",
    "What would you like me to understand about it?",
    "Is there more you want to say about that?",
)
#: Good news: celebrate it, then help the person keep the win going.
CELEBRATE = (
    "That's brilliant news, congratulations!",
    "Well done, that's really good to hear!",
    "That's great! You should be proud of that.",
    "Congratulations, that's a real win.",
)
#: A step of something bigger done ("finished half of chapter 2!!"): glad at its own size.
STEP_DONE = (
    "Nice one, that's real progress. Steps like that are how the big things get done.",
    "Good going! That's a solid step, and it counts.",
    "That's a good chunk done. Well done for getting going.",
)
#: A step of the person's own told flatly ("muted like 15 accounts", "booked the Wednesday class"): noticed as theirs.
STEP_TAKEN = (
    "That's a real step, and you took it. Well done.",
    "Good for you for doing that. Small steps like that add up.",
    "That's you following through. Well done.",
)
STEP_TAKEN_QUESTION = (
    "How did it feel to do it?",
    "What helped you do it?",
    "How are you feeling about it now?",
)
STEP_DONE_QUESTION = (
    "What's the next small bit?",
    "What helped you get going?",
    "Are you taking a break before the next bit?",
)
#: The moment over, told after the steps in the chat ("made it to work. that was awful but it passed"): glad with
#: them, and what riding it out shows, then a look at how they are now.
MOMENT_OVER = (
    "I'm glad you made it through. Riding it out like that shows the feeling rises and then falls, even when it's awful.",
    "Well done for getting through it. Each time you ride one out, you learn it passes.",
    "I'm really glad it passed. That took something, especially somewhere you couldn't just leave.",
)
MOMENT_OVER_QUESTION = (
    "How are you feeling now?",
    "What helped most while it was happening?",
)
#: A step reported done, and it went well ("WENT. it was actually ok?? this girl liked my sketchbook"): the doing
#: recognised (it often took nerve), then what made it possible, so it can be done again.
DONE_AND_WELL = (
    "You did it, and it went better than you feared. That took something, well done.",
    "You followed through, and it turned out okay. That's worth stopping to notice.",
    "Well done for going through with it, and I'm glad it went well.",
)
DONE_AND_WELL_QUESTION = (
    "What helped you do it?",
    "How do you feel about doing it again?",
    "What would you like to build on from here?",
)
#: Good news said with joy ("I GOT IT!!"): met with the same joy, not a measured "well done".
CELEBRATE_JOY = (
    "Yes! That's brilliant news, congratulations!",
    "That's amazing, congratulations! You must be over the moon.",
    "Oh, that's fantastic news! Congratulations!",
)
#: A stretch of time kept up, said back in the person's words ({span}: "100 days without a cigarette").
CELEBRATE_MILESTONE_SPAN = (
    "{span}! That's a huge achievement, congratulations!",
    "{span}, that's brilliant! Well done, that takes real strength.",
)
#: A milestone said without a count ("never thought I'd get this far", "I quit smoking").
CELEBRATE_MILESTONE = (
    "Look how far you've come! That's a huge achievement, and you got yourself there.",
    "That's a real milestone, congratulations! It takes strength to stick with something that hard.",
)
#: Said again after a celebration ("22 years I smoked"): the size of it recognised, not a second "congratulations".
CELEBRATE_MILESTONE_MORE = (
    "That makes it even more of an achievement.",
    "After all that time, getting here says a lot about you.",
)
#: Questions that help keep a milestone going: what carries the person, and what is coming that could test it.
MILESTONE_QUESTION = (
    "What has helped you most on the harder days?",
    "What would help you keep it going over the next few weeks?",
    "Is anything coming up that might make it harder, that you'd like to plan for?",
)
CELEBRATE_KEEP = (
    "It's worth stopping for a moment to let it sink in, not rushing on to the next thing.",
    "Good moments count, and noticing them helps them stay with you.",
    "Wins like this are worth remembering the next time things feel hard.",
)
#: Someone else's good news ({who}: "your daughter"), shared with them.
CELEBRATE_OTHER = (
    "Oh, that's lovely news, congratulations to {who}!",
    "How wonderful, that's such good news for {who}!",
)
CELEBRATE_OTHER_QUESTION = (
    "How are you feeling about it?",
    "What was it like hearing the news?",
)
CELEBRATE_QUESTION = (
    "What do you think helped you get there?",
    "How are you going to mark it?",
    "How does it feel?",
    "What part of it are you most pleased about?",
)
#: The other thing said beside an acceptance, taken up ({noun}: "sleep", "money").
ALSO_HEARD = "And you mentioned {noun} too."
#: A sigh in the middle of a conversation: what is going on is known; room, not a new question.
SIGH_MIDWAY = (
    "That sounds like a heavy sigh. Take your time, I'm here.",
    "It's a lot, isn't it. No rush: say as much or as little as you like.",
)
#: Excited and scared of something ahead at once: both make sense, and the nerves are part of it mattering.
MIXED_NERVES = (
    "Excited and terrified at the same time makes a lot of sense: it's a big thing, and it matters to you.",
    "That mix of excitement and nerves is so common before something new. Both can be true at once.",
    "Feeling both makes sense. Nerves often come along with the things we care about most.",
)
MIXED_NERVES_QUESTION = (
    "What are you most looking forward to?",
    "What would help the first bit go a little easier?",
)
#: Said after PLAN_WHEN, to the day a plan is for given to "What would help you follow through?".
PLAN_WHEN_QUESTION = (
    "If you like, come back and tell me how it went.",
    "I'd love to hear how it goes, if you feel like telling me afterwards.",
)
#: A sigh and nothing else ("ugh", "sigh", "bleh"): nothing has been told yet, so nothing is thanked for; an open door.
SIGH = (
    "That sounds like one of those days. Do you want to tell me what's going on?",
    "Sounds like something's weighing on you. What's been happening?",
    "I'm here. What's got you feeling like that?",
)
#: Nerves told as behind the person, after their good news: what it took, kept as theirs.
NERVES_BEHIND = (
    "No wonder you were nervous: it was a big thing to do, and you did it anyway.",
    "Of course you were nervous. Doing it with the nerves there is what took courage.",
)
NERVES_BEHIND_NOTE = "That's worth remembering the next time nerves tell you that you can't."
#: After the person answered a question about their good news: looking ahead once, not asking about the win again.
CELEBRATE_NEXT_QUESTION = (
    "Is there something coming up where you could use what worked this time?",
    "What would help you keep it going?",
)
#: Things getting better bit by bit: glad with them, and what is helping.
#: After a question about a check-up is answered.
CHECKUP_QUESTION = ("How have the last two weeks been for you?", "What made you think of taking it?")
CHECKUP_WORRY_QUESTION = (
    "What's been weighing on you most these last two weeks?",
    "Would it help to talk about what's behind it?",
)
#: A check-up taken and named without its score ("i did the phq-9 yesterday"): its score, to read it together.
CHECKUP_ASK_SCORE = ("What score did it give you, if you'd like to say?", "What did it come out at, if you don't mind saying?")
CHECKUP_SCORE_QUESTION = ("Would you like to talk about what's behind the score?", "How does that score sit with you?")
#: A small good thing in the day, enjoyed with the person.
SMALL_JOY = (
    "That sounds lovely.",
    "Oh, that's a nice thing to have in your day.",
    "Little moments like that really count.",
)
SMALL_JOY_QUESTION = (
    "What else has been good today?",
    "Do you get moments like that often?",
    "What made it feel so good?",
)
#: A feared result that came back fine ("it was a cyst, nothing to worry about!!"): relief shared.
CELEBRATE_RELIEF = (
    "Oh, what a relief. I'm so glad it was nothing serious.",
    "That's such good news, and what a weight off. I'm really glad.",
)
RELIEF_QUESTION = (
    "How are you feeling now that you know?",
    "After all that waiting, how are you doing?",
)
#: The person's answer to how they feel now the fear has lifted: glad with them, and a wish to let it land.
ANSWER_RELIEF = (
    "That sounds well deserved after all that worry. I hope you let yourself enjoy it.",
    "I'm really glad. Worry like that takes a lot out of you, so go gently on yourself today.",
)
CELEBRATE_EASING = ("That's really good to hear.", "I'm so glad things are starting to shift.")
EASING_QUESTION = ("What do you think has made the difference?", "What's been helping, do you think?")
#: Haven's questions about the person's good news: an answer to one stays on the good news.
ABOUT_GOOD_NEWS = CELEBRATE_QUESTION + CELEBRATE_NEXT_QUESTION + MILESTONE_QUESTION + EASING_QUESTION + RELIEF_QUESTION
#: The person's answer to how they will keep a win going: what worked, carried into what comes next.
KEEP_GOING_TAKEN = (
    "Using what worked for you this time sounds like a good plan.",
    "Carrying what worked this time into what comes next makes a lot of sense.",
)
KEEP_GOING_QUESTION = ("What could you start with this week?", "What would a first step look like?")
#: After an exercise the person tried.
TRIED_HELPED = (
    "I'm really glad {title} helped.",
    "That's good to hear: {title} worked for you.",
    "I'm glad it helped. It's yours now, for whenever you need it.",
)
TRIED_HELPED_KEEP = (
    "Skills like this get stronger with practice, so it can be worth using it on calmer days too.",
    "It's worth remembering that it worked, for the next time things get hard.",
)
TRIED_HELPED_QUESTION = (
    "What did you notice change?",
    "How are you feeling now?",
    "What made it work this time, do you think?",
)
TRIED_NOT = (
    "Thank you for giving {title} a go. Not everything suits every person or every moment.",
    "I'm sorry it didn't help. That's useful to know, and it's not a failure on your part.",
    "Thanks for trying it. Some things don't fit, and that's worth knowing too.",
)
TRIED_NOT_QUESTION = (
    "What got in the way, do you think?",
    "How are you feeling now?",
    "What happened when you tried it?",
)
TRIED_UNKNOWN = (
    "Thank you for trying {title}.",
    "Well done for giving {title} a go.",
)
TRIED_UNKNOWN_QUESTION = ("How did it go?", "How do you feel after it?")
#: A refusal, respected.
DECLINE = (
    "That's completely fine, we don't have to do any exercises.",
    "No problem at all.",
    "Okay, we can leave that.",
    "That's fine. We can just talk.",
)
#: A "maybe" to an offer: left open, nothing pushed.
#: (The button goes with the next reply, so each says where the exercise will be: on the Exercises page.)
DECLINE_MAYBE = (
    "No pressure. It's on the Exercises page whenever you want it.",
    "That's fine, no rush. You'll find it on the Exercises page whenever you like.",
)
DECLINE_KIND = ("Got it, no more {kind} exercises.", "Okay, I'll leave the {kind} exercises out.")
DECLINE_ALL = ("Got it, no exercises. We can just talk.", "Okay, no exercises. I'm here to listen.")
DECLINE_QUESTION = (
    "What would feel most helpful right now?",
    "Would you like to tell me more about what's going on?",
    "What's on your mind?",
)
#: An offer accepted.
ACCEPT = (
    "Great, let's do **{title}** [{n}].",
    "Good, **{title}** [{n}] it is.",
)
#: Taking up an exercise for later ("ok I'll try it tomorrow"): the plan welcomed, nothing to start now.
ACCEPT_LATER = (
    "Good plan. **{title}** [{n}] will be there {when}: the button below opens it whenever you're ready.",
    # the moment after the title reads for every moment ("box breathing at the lights", "tomorrow morning"); "a plan
    # for at the lights" did not
    "That sounds like a plan: **{title}** [{n}] {when}. It will be on the Exercises page, and the button below opens it when you're ready.",
)
ACCEPT_LATER_QUESTION = (
    "Would you like to tell me afterwards how it went?",
    "Is there anything that might get in the way, that we could plan for now?",
)
#: An answer to Haven's own question, taken in.
ANSWER_ACK = (
    "Thank you for telling me.",
    "Thanks, that helps me understand.",
    "I appreciate you sharing that.",
    "Okay, that makes sense.",
)
#: An answer that says the person does not know ("idk really"): not thanked as if it told something.
ANSWER_NOT_KNOWING = ("That's okay. It isn't always easy to put into words.", "That's alright, not knowing is an answer too.")
#: An answer that says something helped, with no exercise to name ("just saying it out loud helped a bit").
ANSWER_HELPED = ("I'm really glad that helped, even a little.", "That's good to hear.")
#: A 0-10 rating given when Haven asked for one ({n}): taken as said, not answered with another question.
ANSWER_RATING = (
    "Thanks. {n} out of 10 is a useful marker to compare with afterwards.",
    "Got it, {n} out of 10. It'll be worth seeing whether that shifts.",
)
ANSWER_RATING_START = "Whenever you're ready, the button under my last message starts {title}."
#: A plan to use something again.
ANSWER_PLAN = ("That sounds like a good plan.", "That's a good plan to have ready.")
#: An answer to Haven's question about good news (after a celebration): kept on the good news.
ANSWER_GOOD_NEWS = (
    "That makes it all the more worth celebrating.",
    "Sticking with it like that says a lot about you.",
)
ANSWER_TOLD_NO_ONE = (
    "Carrying this on your own can make it feel heavier. I'm glad you're telling me.",
    "It can be hard to tell people. I'm glad you've put it into words here.",
)
#: How an exercise goes, asked just after what it is for was said: its steps, cited.
STEPS_LEAD = ("Here's how **{title}** goes [{n}]:", "**{title}** goes like this [{n}]:")
#: In the moment: steps right now, no looking back.
MOMENT_LEAD = (
    "Let's get you through the next few minutes. Try **{title}** [{n}], right where you are:",
    "This feels awful, and it will pass. Try **{title}** [{n}] with me now:",
    "Okay. Let's slow things down together with **{title}** [{n}], one step at a time:",
)
MOMENT_CLOSE = (
    "This will pass. Take it one step at a time, and tell me how you're doing when you're ready.",
    "The feeling peaks and then falls, usually within minutes. I'm here when you want to tell me how it's going.",
    "Take your time. I'm right here, and you can tell me how you're doing whenever you're ready.",
)
#: Beside the steps when the person asked for help now and said nothing of what is happening: it may be danger, not
#: panic ("scusa, ho bisogno di aiuto subito" was the first line of a child whose mother had locked herself in,
#: risk_conversations_heldout66, read), so where to find a person at once is said without asking first.
MOMENT_DANGER = (
    "If you or someone else might be in danger, the **Need help now?** button at the top of the page has people you "
    "can call straight away.",
)
MOMENT_AGAIN = (
    "You're doing the right thing by staying with it. Let's try something different, **{title}** [{n}]:",
    "Okay, let's keep going. Here's another way through, **{title}** [{n}]:",
)
#: Steps for a feeling that builds (anger), from the library's "what helps in the moment": asked about ahead of
#: time ("what can I do when I feel it building up?") or said right now ("I'm so angry right now").
SETTLE_LEAD = (
    "When you feel it building, a few short steps can help right then [{n}]:",
    "Here are some things that help in the moment, before it boils over [{n}]:",
)
SETTLE_LEAD_NOW = (
    "That's a lot of anger to be holding right now. Before anything else, a few short steps [{n}]:",
    "Let's get you through the next few minutes first. Try these [{n}]:",
)
SETTLE_QUESTION = (
    "Which of these do you think you could try the next time it starts to build?",
    "Which one feels most doable for you, in the middle of it?",
)
SETTLE_CLOSE_NOW = (
    "You don't have to act on it. Tell me how you're doing when you've had a few minutes.",
    "Take the time you need. I'm here when you want to talk about what happened.",
)
#: Sleep by day, after nights worked ("i work nights and cant sleep in the day"): asked about the day's sleep, never
#: "What part of work is weighing on you most?" nor a question about nights.
FOLLOW_UP_DAY_SLEEP = (
    "What gets in the way when you try to sleep after a shift?",
    "What have you tried so far to help you sleep in the day?",
)
#: A word back in the middle of in-the-moment steps ("ok ok im trying", "a bit better. still shaky").
MOMENT_EASING = (
    "I'm glad it's easing, even a little. There's no rush: stay with it for as long as you need.",
    "That's it, a little at a time. Your body can take a while to settle, and that's okay.",
)
#: A fear said in the middle of the steps ("I'm sure we will fall from the sky").
MOMENT_FEAR = (
    "That fear feels very real right now. It's your body's alarm talking, not a sign it will happen, and it will "
    "settle. Stay with the steps.",
    "Your mind is jumping to the worst right now, which is what anxiety does. Let the thought be there, and come "
    "back to the next step.",
)
MOMENT_KEEP_GOING = (
    "You're doing it. One step at a time, at your own pace. I'm right here.",
    "Good, keep going. There's no right way to do it, just stay with the steps.",
)
#: Small talk.
SMALLTALK = (
    "I'm a computer program, so I don't have good days or bad days, but thank you for asking.",
    "I'm just a program, but it's kind of you to ask.",
)
#: "Is this just a chatbot?": yes, plainly.
SMALLTALK_BOT = (
    "Yes, I'm a computer program, not a person: a self-help guide built on ideas from CBT. I can listen, share "
    "short pieces from Haven's library and walk you through exercises, and I'm not a therapist.",
)
#: "Are you a real person?": no, plainly.
SMALLTALK_PERSON = (
    "No, I'm not a person: I'm a computer program, a self-help guide built on ideas from CBT. I can listen, share "
    "short pieces from Haven's library and walk you through exercises, and I'm not a therapist.",
)
#: A game talked about: met as the game it is.
SMALLTALK_GAME = (
    "That sounds like a properly stubborn boss. Sometimes a break and fresh eyes does more than the next try.",
    "Games like that can be maddening and brilliant at once. A short break often helps more than one more go.",
)
#: A step taken while grieving ("went for the walk on my own this morning ... she gave me a hug"): met gently, not
#: celebrated.
STEP_IN_GRIEF = (
    "I'm glad you went. Small steps like that matter, especially now.",
    "That sounds like it meant a lot, so soon after.",
    "That took something, so soon after. I'm glad it went the way it did.",
)
STEP_IN_GRIEF_QUESTION = ("How did it feel, being out there?", "How are you doing with it today?")
#: A story told with a laugh ("my mum nearly fainted when she saw me at the desk lmaooo"): laughed with.
SMALLTALK_FUNNY = (
    "Ha, I can just picture it. Moments like that are worth holding on to.",
    "That made me smile. It's good to have something to laugh about.",
    "Ha! That's brilliant. A laugh like that can carry a day.",
)
SMALLTALK_ENGLISH = (
    "Your English is fine, and I understand you. Write in whatever way is easiest for you.",
    "That's completely okay. I understand you well, so write however feels natural.",
)
SMALLTALK_QUESTION = ("How are you doing?", "How are things with you today?", "What's on your mind?")
#: "Do I have X?": never a diagnosis.
CONDITION = (
    "I can't tell you whether you have {condition}: only a doctor or a mental health professional can assess "
    "that properly, and I'm a self-help guide.",
)
CONDITION_CHECKUPS = (
    "What I can offer is Haven's check-ups (the GAD-7 for anxiety and the PHQ-9 for mood, on the Check-ups page). "
    "They don't diagnose, but they give you a score to track and to take with you to a doctor.",
)
CONDITION_QUESTION = (
    "What has made you wonder about it?",
    "What have you been noticing that made you ask?",
)
OPTIONS_LEAD = ("Here are a few you could choose from:", "A few options, pick whichever feels right:")

# --- exercises (haven.chat.inchat, haven.chat.outcomes) ---------------------------------------------------

#: An exercise run inside the chat, one step per message.
IN_CHAT_OPEN = (
    "Let's do {name} together, right here, one step at a time. You can say stop whenever you like, or use the "
    "button below for the full version.",
    "Okay, let's go through {name} here in the chat, one step at a time. Say stop at any point, or press the "
    "button below for the full version instead.",
)
IN_CHAT_DONE = (
    "That's the whole exercise. Well done for staying with it.",
    "That's it, you've done the whole thing.",
)
IN_CHAT_SAVED = "It's saved with your exercises."
IN_CHAT_DONE_QUESTION = "Did it help, even a little?"
IN_CHAT_LATER = {
    "worry-time": (
        "Your worries are saved for worry time. When it comes, open **Worry time** on the Exercises page: it "
        "goes on from your list, sorting what you can act on from what you can let go.",
        "Does it feel any easier to set them aside for now?",
    ),
    "thought-record": (
        "That's the thought check done. Your answers are saved as a thought record on the Exercises page, "
        "where you can take it further if you like.",
        "Did looking at it this way help, even a little?",
    ),
}
#: The person ended an exercise in the chat saying how it went ("I did it, I feel calmer", "thanks, that
#: helped", "this isn't helping"), or said it with the last step's answer.
IN_CHAT_ENDED_HELPED = (
    "I'm glad it helped. We can stop there.",
    "Good, I'm glad it helped. Let's leave it there.",
)
IN_CHAT_ENDED_NOT = (
    "Thanks for giving it a go; let's stop there. Not every exercise suits every moment, and that's useful to know.",
)
IN_CHAT_ENDED_DONE = ("Well done for doing it. We can stop there.",)
IN_CHAT_GLAD = "I'm glad it helped."
IN_CHAT_SORRY = "I'm sorry it didn't help more. That's useful to know, not a failure."
IN_CHAT_ENDED_QUESTION = (
    "Is there anything else on your mind?",
    "Is there anything else you'd like to talk about?",
)
IN_CHAT_STOPPED = ("Okay, we'll stop there.", "Of course, let's leave it there.")
IN_CHAT_STOPPED_SAVED = "What you wrote so far is saved on the Exercises page."
IN_CHAT_STOPPED_QUESTION = ("How are you feeling now?", "What would help most right now?")
#: An exercise finished on the Exercises page, told back in the chat (only what the person rated).
RESULT_HELPED = "You tried {title}: you said it helped"
RESULT_NOT_HELPED = "You tried {title}, and you said it didn't help much this time"
RESULT_NOT_HELPED_OK = "That's useful to know, not a failure."
RESULT_FINISHED = "You finished {title}"
RESULT_ASK = "How did it go?"
#: "I'll try that" when nothing was offered.
ACCEPT_NOTHING = (
    "I'm glad you're up for trying something. I haven't suggested anything yet, though.",
    "Good to hear you want to try something, though I haven't suggested anything yet.",
)
ACCEPT_NOTHING_QUESTION = (
    "Which thing did you have in mind, or would you like me to suggest something?",
    "What were you thinking of trying, or shall I suggest something?",
)

# --- things said in passing that are not problems --------------------------------------------------------

#: A plan ("I might do it before the 2pm meeting"), its time said back ({when}: "Before the 2pm meeting").
PLAN_WHEN = ("{when} sounds like a good time for it.", "{when} sounds like a good time to start.")
PLAN = ("That sounds like a good plan.", "That's a good plan to have ready.")
#: After "ok i'll try that" to something explained (a word the person asked about), not an exercise.
TRY_EXPLAINED_QUESTION = (
    "Would you like to tell me how it goes?",
    "When do you think you'll give it a first go?",
)
PLAN_QUESTION = ("What might get in the way?", "How will you remind yourself?", "How do you think it will go?")
#: "ok that makes sense" after an explanation.
MAKES_SENSE = ("Good, I'm glad that made sense.", "I'm glad that was useful.")
MAKES_SENSE_QUESTION = (
    "Is there anything you'd like to know more about, or something on your mind?",
    "Would it help to try one of the ideas, or would you rather talk about what's going on?",
)
#: A thought weighed up in the person's own words, evidence for and against.
WEIGHED = (
    "That's the heart of a thought record, done in your own words: the thought, and the evidence on both sides.",
    "You've weighed that thought up like a fair judge would, with the evidence on both sides.",
)
WEIGHED_QUESTION = (
    "Looking at all of it together, how true does the thought feel now?",
    "Seeing both sides written down, is there a fairer way to put the thought?",
)
#: A thought named in a thought record's terms: the first step, and the next one asked.
THOUGHT_NAMED = (
    "Catching the thought in words like that is the first step of a thought record.",
    "That's the thought, caught in words. That's often the hardest part.",
)
THOUGHT_NAMED_QUESTION = (
    "How much do you believe it right now, from 0 to 100%?",
    "How strongly does it feel true right now, from 0 to 100%?",
)
#: How much a thought is believed, said: the rest of it is room to look at it.
BELIEF_RATED = (
    "Thanks. If it isn't 100%, part of you already has some doubts about it.",
    "Good to know where it stands. Anything short of 100% leaves room to look at it fairly.",
)
BELIEF_RATED_QUESTION = (
    "What's the evidence that it isn't completely true?",
    "What would you say to a friend who had this thought?",
)
#: A thought believed less, said after its evidence was weighed ("Now I think maybe 40 percent").
BELIEF_LOWER = (
    "It's come down. Weighing the evidence on both sides can loosen a thought's grip, and you did that yourself.",
    "That's a real shift, and it came from looking at the evidence fairly.",
)
#: A worry seen more kindly in the person's own words ("it is probably not about me at all").
REFRAMED = (
    "That's a fairer way to see it, and you got there yourself. Stepping back like that is what spotting a thinking trap is for.",
    "That sounds like a kinder, more balanced way of looking at it, and it came from you.",
)
REFRAMED_QUESTION = ("How does it feel, seeing it that way?", "What do you notice in yourself, now you see it like that?")
#: Agreeing with where the conversation got to ("that's a good idea actually").
AGREE = ("I'm glad it feels doable.", "Good, I'm glad that sits right with you.")
#: A memory told in passing ("my gran used to make it with me").
MEMORY = (
    "That sounds like a memory that means a lot to you.",
    "That's a lovely thing to carry with you.",
)
MEMORY_QUESTION = ("What do you remember most about it?", "How does it feel to think back on that?")
#: A plan to remember someone they lost ("I'll plant something in the garden for her").
REMEMBER_PLAN = (
    "That sounds like a lovely way to remember {them}.",
    "What a kind way to remember {them}.",
)
REMEMBER_QUESTION = ("What would you like to tell me about {them}?", "Would you like to tell me a bit about {them}?")
#: "I already do most of that": the basics are in place.
ALREADY = (
    "It sounds like you've already got a lot of that in place, which says you've been working at this.",
    "So you're already doing much of that. That counts for a lot.",
)
ALREADY_QUESTION = ("What still gets in the way?", "What part still feels hardest, even with all that?")
#: The welcome's chosen focus, asked about when the person opens with "hi" (its greeting's question was said).
FOCUS_OPENING = {
    "worry": ("What's been on your mind most?", "When does the worry tend to get loudest?"),
    "low-mood": ("What have the last few days been like for you?", "When has your mood felt lowest lately?"),
    "stress": ("What feels like the biggest pressure right now?", "What's taking up most of your energy?"),
    "sleep": ("What are your nights like at the moment?", "What tends to keep you awake?"),
    "relationships": ("How have things been with the people around you?", "Who have you been missing lately?"),
    "anger": ("What's been winding you up lately?", "When did you last feel your temper rise?"),
}

# --- replies that follow the thread (haven.chat.threads): a detail said back, a doubt taken gently -----------
#: After someone's words to the person were said back ("She said you were selfish."); {who}: "your best friend".
THREAD_REPORTED = (
    "That's a hard thing to hear from {who}.",
    "Words like that from {who} can really sting.",
    "No wonder it's stayed with you.",
)
THREAD_REPORTED_QUESTION = (
    "How did it feel when {pronoun} said it?",
    "What did you make of it at the time?",
    "What was happening just before {pronoun} said that?",
    "Has {pronoun} said things like that before?",
)
#: Someone's words that are not a criticism ("my husband says I shouldn't listen to her"): said back, and asked about.
THREAD_REPORTED_OTHER_QUESTION = (
    "How does that sit with you?",
    "What do you make of what {pronoun} said?",
)
#: What someone did, told in answer to "What happened?": said back, and how it left the person.
THREAD_EVENT = ("That's a lot to take in.", "That sounds really hard to deal with.")
THREAD_EVENT_QUESTION = (
    "How did that leave you feeling?",
    "What was that like for you?",
    "How did you react when that happened?",
)
#: A yes to "Have you been able to tell them?".
THREAD_TOLD = ("That can't have been easy to say.", "Good that you've been able to say something.")
THREAD_TOLD_QUESTION = ("How did {they} take it?", "What happened when you did?")
#: "not really, my brother lives abroad", to "Is there someone you can talk to?".
THREAD_ALONE = (
    "That's a lot to carry without someone close by.",
    "It's hard to go through this without someone to lean on.",
)
THREAD_ALONE_QUESTION = (
    "Is there anyone, even someone you're less close to, you could let in a little this week?",
    "What would help you feel a bit less on your own with it right now?",
)
#: "no I haven't said anything", to "Have you been able to tell him?".
THREAD_NOT_YET = (
    "That's understandable. It can be hard to know how to bring something like this up.",
    "That makes sense. Saying it out loud can feel like a big step.",
)
THREAD_NOT_YET_QUESTION = (
    "What makes it hard to say something?",
    "If you did say something, what would you most want {them} to hear?",
)
#: "maybe she's right": the doubt acknowledged, not argued with and not agreed to.
THREAD_DOUBT_OTHER = (
    "It makes sense to wonder about that. It shows you care about getting it right.",
    "You can take what was said seriously without deciding it's the whole truth about you.",
    "Wondering whether there's something in it is fair, and it doesn't make you a bad person.",
)
THREAD_DOUBT_OTHER_QUESTION = (
    "What part of it feels fair to you, and what part doesn't?",
    "What would you want {them} to understand about your side of it?",
    "If a good friend were in your place, what would you tell them?",
)
#: "maybe I'm overreacting", "I suppose I did say some harsh things": owned without a lecture.
THREAD_DOUBT_SELF = (
    "It takes honesty to look at your own part in it.",
    "It's easy to turn this on yourself after something like this.",
    "Seeing your own part in it doesn't cancel out how you feel.",
)
THREAD_DOUBT_SELF_QUESTION = (
    "What would you want to say to {them} now, if you could?",
    "What do you think was going on for you at the time?",
    "How do you feel about it now, looking back?",
)
#: "maybe I'm overreacting": the reaction taken seriously.
THREAD_DOUBT_MINIMISING = (
    "It's getting to you for a reason, and that counts.",
    "Lots of people doubt their reaction when something keeps happening, but your feelings about it make sense.",
)
THREAD_DOUBT_MINIMISING_QUESTION = (
    "If a friend told you this was happening to them, what would you say to them?",
    "What makes you doubt your reaction?",
)
#: "maybe they just don't like me": a painful guess, held as a guess.
THREAD_DOUBT_UNLIKED = (
    "That's a painful thought to carry, and it may not be the whole story.",
    "It's natural to jump to that when you feel left out, but it's a guess, not a fact yet.",
)
THREAD_DOUBT_UNLIKED_QUESTION = (
    "What else might explain it?",
    "Is there anyone who has shown you they like having you around?",
)
#: "he does it every week and never says sorry".
THREAD_PATTERN = (
    "That would wear anyone down.",
    "No wonder it's getting to you.",
    "When something keeps happening like that, it's hard to shrug off.",
)
THREAD_PATTERN_QUESTION = (
    "How do you usually respond when it happens?",
    "Have you been able to tell {them} how it makes you feel?",
    "What would you most like to change about it?",
)
#: "my partner knows but he's just as stressed".
THREAD_CONTRAST = (
    "That can leave you carrying more of it than it looks.",
    "That's a lot to hold at once.",
)
THREAD_CONTRAST_QUESTION = (
    "What would make it feel a bit less heavy?",
    "What do you need most from the people around you right now?",
)
#: "will it happen again tomorrow?": no promise, no brush-off.
THREAD_AHEAD = (
    "Nobody can promise how it will go, and not knowing is hard in itself.",
    "I can't say for sure, and I won't pretend to.",
)
THREAD_AHEAD_MORE = (
    "One hard stretch doesn't decide how the next one goes.",
    "What helped this time is still yours to use if it does.",
)
THREAD_AHEAD_QUESTION = (
    "What would help you feel a bit more ready if it did?",
    "What could you have at hand, just in case?",
)
#: "yeah it did", after Haven said something helped.
THREAD_CONFIRM = (
    "That's worth holding on to. Next time it gets like this, you know something that works for you.",
    "Good, that's worth remembering for the next hard moment.",
)
THREAD_CONFIRM_QUESTION = ("How are you feeling now?", "What would you like to talk about next, if anything?")
#: A no that still names someone ("theres one girl in my art class who is nice").
THREAD_SOMEONE = ("That's someone, and that counts for something.", "That's worth holding on to.")
THREAD_SOMEONE_QUESTION = (
    "What is it about {them} that feels easy?",
    "How might you spend a little more time with {them}?",
)
#: A hard moment and what the person did with it ("You were so nervous, but you kept breathing slowly.").
THREAD_COPED = ("That took real effort, right when it was hard.", "That's a skill you used when it counted.")
THREAD_COPED_QUESTION = ("What did you notice when you did that?", "How does it feel to look back on it now?")
#: A step the person could take ({step}: "Talking to him tonight"), welcomed in their words.
THREAD_PLAN = (
    "{step} sounds like a real step.",
    "{step}: that sounds like a good thing to try.",
    "{step} sounds like a good plan.",
)
THREAD_PLAN_QUESTION = (
    "How are you feeling about it?",
    "What might get in the way?",
    "What would help you follow through?",
)
#: A step said back as the person said it ({step}: "You'll cc the letting agent next time"), for a verb typed as
#: people type it in a chat, with no -ing form that reads right.
THREAD_PLAN_AS_SAID = ("{step}: that sounds like a good plan.", "{step}. That sounds like a real step.")
#: Someone else could help ({step}: "Your mum coming over on Tuesdays").
THREAD_PLAN_OTHER = ("{step} sounds like it could really help.", "{step} could take some of the load off.")
#: Help someone has already offered ("my sister said she'd come over"): taking it, not asking for it.
THREAD_PLAN_OFFERED_QUESTION = (
    "How do you feel about letting {them} help?",
    "What difference would that make for you?",
)
THREAD_PLAN_OTHER_QUESTION = (
    "How would you feel about asking {them}?",
    "What difference would that make for you?",
)
#: "Volunteering might suit me" ({step}: "Volunteering").
THREAD_PLAN_SUITS = ("{step} sounds like it could suit you.", "{step} sounds like a good fit to explore.")
THREAD_PLAN_SUITS_QUESTION = ("What draws you to it?", "What would be a first small step towards it?")
#: "ok doing it", while following steps: stay with the person, no new question.
THREAD_DOING = ("Take your time. I'm right here.", "Go at your own pace; I'm here with you.")
