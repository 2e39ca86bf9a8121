"""languages: offline language identification and curated crisis phrases in the languages people write in.

Crisis phrases must fire as people type them (no accents, texting spellings); the idioms of each language
("me muero de risa", "ich sterbe vor Hunger") and denials ("no quiero morir") must not. English stays English
(or unsure), and nothing raises, whatever arrives.
"""

from __future__ import annotations

import dataclasses
import re
import threading
from pathlib import Path

import pytest
import yaml

from haven.safety import languages
from haven.safety.languages import (
    LANGUAGES_FILE,
    LanguageReading,
    detect_language,
    fold,
    load_language_book,
    match_phrases,
    read_language,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module", autouse=True)
def warm():
    """lingua loads its models on first use (a few seconds): pay once for the whole module."""
    languages.warm_up()


# --------------------------------------------------------------------------------------- crisis phrases

CRISIS = [
    # Spanish
    ("quiero morir", "es", "suicide"),
    ("me quiero morir ya", "es", "suicide"),
    ("ya no kiero vivir", "es", "suicide"),
    ("me voy a matar esta noche", "es", "suicide"),
    ("voy a suicidarme", "es", "suicide"),
    ("pienso en quitarme la vida", "es", "suicide"),
    ("no puedo seguir", "es", "suicide"),
    ("estarían mejor sin mí", "es", "suicide"),
    ("ojala no despertara mañana", "es", "suicide"),
    ("quiero acabar con todo", "es", "suicide"),
    ("mi amiga dice que se quiere morir", "es", "suicide"),
    ("me tome todas las pastillas", "es", "medical_emergency"),
    ("me tomé 30 pastillas de paracetamol", "es", "medical_emergency"),
    ("mi novio me pega", "es", "danger_at_home"),
    ("si lo dejo me mata", "es", "danger_at_home"),
    ("me corto los brazos cuando estoy triste", "es", "self_harm"),
    ("las voces me dicen que me mate", "es", "psychosis"),
    # Portuguese (Brazil and Portugal)
    ("eu quero morrer", "pt", "suicide"),
    ("vontade de morrer", "pt", "suicide"),
    ("vou me matar", "pt", "suicide"),
    ("não quero mais viver", "pt", "suicide"),
    ("n quero mais viver", "pt", "suicide"),
    ("todo mundo ficaria melhor sem mim", "pt", "suicide"),
    ("tomei todos os remedios", "pt", "medical_emergency"),
    ("tomei um monte de comprimidos", "pt", "medical_emergency"),
    ("meu marido me bate", "pt", "danger_at_home"),
    ("to me cortando de novo", "pt", "self_harm"),
    ("vou me atirar da ponte", "pt", "suicide"),
    # French
    ("je veux mourir", "fr", "suicide"),
    ("j'ai envie de mourir", "fr", "suicide"),
    ("jveux crever", "fr", "suicide"),
    ("je vais me suicider", "fr", "suicide"),
    ("je veux plus vivre", "fr", "suicide"),
    ("je ne peux plus vivre comme ça", "fr", "suicide"),
    ("vous seriez mieux sans moi", "fr", "suicide"),
    ("Je voulais vous dire adieu à tous.", "fr", "suicide"),  # round 30: these three read none
    ("merci pour tout. adieu", "fr", "suicide"),
    ("adieu à tout le monde", "fr", "suicide"),
    ("j'ai pris toute la boite de doliprane", "fr", "medical_emergency"),
    ("il me frappe", "fr", "danger_at_home"),
    ("je me scarifie", "fr", "self_harm"),
    # German
    ("ich will sterben", "de", "suicide"),
    ("ich möchte nicht mehr leben", "de", "suicide"),
    ("ich moechte tot sein", "de", "suicide"),
    ("ich bring mich heute um", "de", "suicide"),
    ("ich will nicht mehr", "de", "suicide"),
    ("ohne mich wären alle besser dran", "de", "suicide"),
    ("ich habe alle Tabletten genommen", "de", "medical_emergency"),
    ("er schlägt mich", "de", "danger_at_home"),
    ("ich ritze mich", "de", "self_harm"),
    ("Gestern Abend habe ich lange das Seil im Keller angeschaut und mir überlegt, wo ich es festmachen würde.", "de", "suicide"),
    ("ich will mich aufhängen", "de", "suicide"),
    # Italian
    ("voglio morire", "it", "suicide"),
    ("mi voglio ammazzare", "it", "suicide"),
    ("voglio farla finita", "it", "suicide"),
    ("non voglio più vivere", "it", "suicide"),
    ("stareste tutti meglio senza di me", "it", "suicide"),
    ("ho preso tutte le pillole", "it", "medical_emergency"),
    ("mio marito mi picchia", "it", "danger_at_home"),
    ("mi taglio le braccia", "it", "self_harm"),
    # Dutch
    ("ik wil dood", "nl", "suicide"),
    ("ik wil niet meer leven", "nl", "suicide"),
    ("ik wil er niet meer zijn", "nl", "suicide"),
    ("van mij hoeft het niet meer", "nl", "suicide"),
    ("ik maak er een einde aan", "nl", "suicide"),
    ("ik heb alle pillen genomen", "nl", "medical_emergency"),
    ("hij slaat me", "nl", "danger_at_home"),
    ("ik snij mezelf", "nl", "self_harm"),
    # Hindi in Latin script
    ("mujhe marna hai", "hi_latn", "suicide"),
    ("main mar jaana chahta hoon", "hi_latn", "suicide"),
    ("jeene ka mann nahi karta", "hi_latn", "suicide"),
    ("mujhe jeena nahi hai", "hi_latn", "suicide"),
    ("main khudkushi kar lunga", "hi_latn", "suicide"),
    ("suicide kar lungi aaj", "hi_latn", "suicide"),
    ("mere bina sab khush rahenge", "hi_latn", "suicide"),
    ("neend ki goliyan kha li", "hi_latn", "medical_emergency"),
    ("papa mujhe roz maarte hain", "hi_latn", "danger_at_home"),
    ("maine haath kaat liya", "hi_latn", "self_harm"),
    # Hindi (Devanagari) and the smaller sets
    ("मैं मरना चाहता हूँ", "hi", "suicide"),
    ("मुझे जीना नहीं है", "hi", "suicide"),
    ("मैं आत्महत्या कर लूँगा", "hi", "suicide"),
    ("chcę umrzeć", "pl", "suicide"),
    ("ölmek istiyorum", "tr", "suicide"),
    ("jag vill dö", "sv", "suicide"),
    ("vreau să mor", "ro", "suicide"),
    ("aku ingin mati", "id", "suicide"),
    ("gusto ko nang mamatay", "tl", "suicide"),
    # strangulation named (a sign of lethal danger at home), and a cut that will not stop bleeding
    ("il m'a serrée par le cou ce soir contre le frigo", "fr", "danger_at_home"),
    ("mi ha preso per il collo davanti ai bambini", "it", "danger_at_home"),
    ("anoche me agarró del cuello", "es", "danger_at_home"),
    ("ele apertou meu pescoço na frente das crianças", "pt", "danger_at_home"),
    ("er hat mich am Hals gepackt und gegen die Tür gedrückt", "de", "danger_at_home"),
    ("hij heeft me bij mijn keel gegrepen", "nl", "danger_at_home"),
    ("mi sono tagliata il braccio più a fondo del solito e non smette di sanguinare", "it", "self_harm"),
    ("je me suis coupée au bras et ça ne s'arrête pas de saigner", "fr", "self_harm"),
    ("cortei o braço e não para de sangrar", "pt", "self_harm"),
    ("ich habe mich geritzt und es hört nicht auf zu bluten", "de", "self_harm"),
    ("ik heb me gesneden en het blijft bloeden", "nl", "self_harm"),
]


@pytest.mark.parametrize(("text", "language", "category"), CRISIS)
def test_crisis_phrases_fire(text, language, category):
    reading = read_language(text)
    assert reading.level == "crisis", reading
    assert reading.category == category, reading
    assert any(hit.phrase.language == language for hit in match_phrases(text)), reading
    assert reading.evidence


CONCERN = [
    ("ya no puedo más", "es"),
    ("quiero desaparecer", "es"),
    ("não aguento mais", "pt"),
    ("quero sumir", "pt"),
    ("j'en peux plus", "fr"),
    ("je veux disparaître", "fr"),
    ("ich kann nicht mehr", "de"),
    ("non ce la faccio più", "it"),
    ("ik zie het niet meer zitten", "nl"),
    ("ab aur nahi hota", "hi_latn"),
    ("अब मुझसे नहीं होगा", "hi"),
    ("hindi ko na kaya", "tl"),
]


@pytest.mark.parametrize(("text", "language"), CONCERN)
def test_moods_that_ask_for_a_check_are_concern(text, language):
    reading = read_language(text)
    assert reading.level == "concern", reading
    assert any(hit.phrase.language == language for hit in match_phrases(text))


# ------------------------------------------------------------------------------------ idioms and denials

NOT_A_CRISIS = [
    # Spanish
    "me muero de risa con este video",
    "me muero de hambre, vamos a comer",
    "me quiero morir de la vergüenza jaja",
    "estoy muerta de cansancio",
    "me muero por verte",
    "mi madre me va a matar cuando vea las notas",
    "este calor me mata",
    "me mato estudiando para el examen",
    "me corté el pelo muy corto",
    "me corté el dedo cocinando",
    "el sol me pega fuerte hoy",
    "me pegó un susto tremendo",
    "no quiero morir",
    "nunca me mataría",
    "quiero desaparecer unos días de las redes",
    "hola, ¿cómo funciona esto?",
    "te voy a matar jajaja",
    "matar el tiempo",
    # Portuguese
    "tô morrendo de rir kkkk",
    "morrendo de fome",
    "minha mãe vai me matar se eu chegar tarde",
    "cortei o cabelo hoje",
    "me bate uma saudade",
    "não quero morrer",
    "vou matar meu irmão, comeu meu chocolate kkk",
    "queria morrer ali mesmo de vergonha",
    # French
    "je suis mort de rire",
    "je meurs de faim",
    "ma mère va me tuer si elle voit ça",
    "ça me tue ce truc",
    "je me suis coupé les cheveux",
    "il me bat aux échecs",
    "je ne veux pas mourir",
    "il me tape sur les nerfs",
    "je veux en finir avec ce projet",
    "je veux disparaître sous terre tellement j'ai honte",
    # German
    "ich sterbe vor Hunger",
    "ich lach mich tot",
    "meine Mutter bringt mich um, wenn sie das sieht",
    "ich will nicht sterben",
    "ich schneide mich immer beim Rasieren",
    "mein Bruder schlägt mich im Schach",
    "das bringt mich noch um",
    # Italian
    "muoio dal ridere",
    "sto morendo di fame",
    "sono stanca morta",
    "mia madre mi ammazza se lo scopre",
    "mi sono tagliata i capelli",
    "non voglio morire",
    "la faccio finita con questo lavoro",
    # Dutch
    "ik lig dubbel van het lachen",
    "ik ga dood van de honger",
    "ik ben doodmoe",
    "mijn moeder vermoordt me als ze dit ziet",
    "ik wil niet dood",
    # Hinglish
    "hans hans ke mar gaya",
    "bhookh se mar raha hoon",
    "mummy maar dalegi agar marks kam aaye",
    "tere liye jaan de dunga",
    "main suicide nahi karunga",
    # other
    "umieram ze śmiechu",
    "gülmekten öldüm",
    "jag dör av skratt",
    "mor de râs",
    "hp aku mati",
    "namatay ako sa tawa",
    # bleeding and necks that are not a crisis
    "le rôti saigne encore un peu, c'est parfait",
    # a goodbye to a place or a pet, not to life
    "Je voulais dire adieu à mon ancien appart, snif",
    "on a dit adieu à notre vieux chien hier",
    "la ferita non smette di sanguinare dopo il dentista",
    "ich atme tiefer als sonst beim Yoga",
    "ho preso il collo di pollo dal macellaio",
]


@pytest.mark.parametrize("text", NOT_A_CRISIS)
def test_idioms_and_denials_are_not_a_crisis(text):
    reading = read_language(text)
    assert reading.level == "none", reading


def test_a_denial_only_cancels_itself():
    reading = read_language("no quiero morir, pero ya no quiero vivir así")
    assert reading.level == "crisis"
    assert "es.dont_want_live" in reading.evidence


def test_a_passive_wish_said_with_no_intent_is_concern():
    for text in ["a veces pienso que estaría mejor muerto, pero no haría nada",
                 "ce serait plus simple de pas me réveiller, mais je ferais rien",
                 "es wäre besser nicht mehr aufzuwachen, aber ich würde nichts tun",
                 "na jiyun toh better hai, par main kuch karungi nahi"]:
        reading = read_language(text)
        assert reading.level == "concern", reading
        assert "would not act" in reading.evidence
    # intent is never lowered: "I'll kill myself, but not today" is still a crisis
    assert read_language("me voy a matar, pero no haría nada hoy").level == "crisis"


# ----------------------------------------------------------------------------------- generic risk signals

def test_a_foreign_message_with_a_risk_emoji_is_concern():
    reading = read_language("hoy me siento fatal y tengo el 🔪 en la mano, no sé qué hacer")
    assert (reading.language, reading.level, reading.category) == ("es", "concern", "suicide")
    assert "🔪" in reading.evidence


def test_a_laughing_skull_is_not_a_risk_emoji():
    assert read_language("no puedo con este meme jajaja 💀💀 es buenísimo").level == "none"


def test_a_foreign_message_with_a_number_of_pills_is_concern():
    reading = read_language("ayer por la noche me tomé 15 pastillas para dormir, no sé")
    assert reading.level in ("concern", "crisis")
    reading = read_language("ontem à noite tomei 4 comprimidos de uma vez e agora estou com muito sono")
    assert reading.level == "concern" and reading.category == "medical_emergency", reading


def test_a_foreign_message_with_an_english_risk_word_is_concern():
    reading = read_language("hoy estoy muy mal, pienso mucho en suicide y no sé con quién hablar de esto")
    assert (reading.level, reading.category) == ("concern", "suicide"), reading


def test_die_is_not_a_risk_word_in_german_or_dutch():
    assert read_language("Die Katze schläft auf dem Sofa und die Sonne scheint heute").level == "none"
    assert read_language("Die man die ik gisteren zag was heel aardig tegen mij").level == "none"


def test_an_english_message_is_left_to_the_english_patterns():
    for text in ["I want to die", "I took 20 pills", "thinking about suicide 🔪", "pro ana tips please",
                 "how long after an overdose of paracetamol", "my boss yelled at me today"]:
        reading = read_language(text)
        assert reading.level == "none", reading
        assert reading.language in ("en", None)


def test_a_foreign_crisis_phrase_inside_an_english_message_still_counts():
    reading = read_language("my friend just texted me 'me quiero morir' and won't answer her phone")
    assert reading.level == "crisis"


# ------------------------------------------------------------------------------------------- detection

DETECT = [
    ("hola, no sé qué hacer, me siento muy sola últimamente", "es"),
    ("mi novio me pega y tengo miedo", "es"),
    ("olá, estou me sentindo muito sozinha ultimamente", "pt"),
    ("meu marido me bate", "pt"),
    ("bonjour, je me sens tellement seule en ce moment", "fr"),
    ("je vais me suicider", "fr"),
    ("hallo, ich fühle mich in letzter Zeit so allein", "de"),
    ("ich will sterben", "de"),
    ("ciao, mi sento così sola ultimamente", "it"),
    ("voglio morire", "it"),
    ("hallo, ik voel me de laatste tijd zo alleen", "nl"),
    ("ik wil dood", "nl"),
    ("czuję się ostatnio bardzo samotna", "pl"),
    ("kendimi son zamanlarda çok yalnız hissediyorum", "tr"),
    ("jag känner mig så ensam den senaste tiden", "sv"),
    ("mă simt foarte singură în ultima vreme", "ro"),
    ("aku merasa sangat kesepian akhir akhir ini", "id"),
    ("pagod na pagod na ako sa lahat ng bagay", "tl"),
    ("मैं बहुत अकेला महसूस करता हूँ", "hi"),
    ("mujhe marna hai yaar", "hi_latn"),
    ("main bahut pareshan hoon yaar, kuch samajh nahi aa raha", "hi_latn"),
    ("papa mujhe marte hain", "hi_latn"),
    ("I want to die", "en"),
    ("ok thanks", "en"),
    ("I took 20 pills", "en"),
    ("he hits me when he's drunk", "en"),
    ("I have an exam tomorrow and I'm panicking", "en"),
]


@pytest.mark.parametrize(("text", "expected"), DETECT)
def test_detects_the_language_of_real_messages(text, expected):
    assert detect_language(text) == expected


@pytest.mark.parametrize("text", ["hello", "kms", "ok", "lol", "x", "quiero", "??", "💀", "123 456"])
def test_too_short_or_unsure_is_none(text):
    assert detect_language(text) in (None, "en")


def _english_everyday() -> list[str]:
    """The project's labelled everyday English messages and hard negatives (level none), if present."""
    path = ROOT / "haven" / "safety" / "data" / "triage" / "everyday_and_hard_negatives.yaml"
    if not path.exists():
        pytest.skip("no labelled everyday messages in this checkout")
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [item["text"] for item in items if item.get("level") == "none" and not item.get("lang")]


def test_english_everyday_messages_are_english_or_unsure():
    wrong = [(t, detect_language(t)) for t in _english_everyday() if detect_language(t) not in ("en", None)]
    assert not wrong, wrong


def test_english_everyday_messages_hold_no_foreign_crisis():
    raised = [(t, read_language(t)) for t in _english_everyday() if read_language(t).level != "none"]
    assert not raised, raised


def test_the_library_lines_are_english_or_unsure(when_it_helps):
    wrong = [(t, detect_language(t)) for t in when_it_helps if detect_language(t) not in ("en", None)]
    assert not wrong, wrong


@pytest.mark.parametrize("text", ["Я хочу умереть", "我想死", "أريد أن أموت", "死にたい", "죽고 싶어",
                                  "Θέλω να πεθάνω", "אני רוצה למות"])
def test_scripts_haven_does_not_read_are_unsure(text):
    assert detect_language(text) is None
    assert read_language(text).level == "none"


# -------------------------------------------------------------------------------------------- robustness

ODD = ["", "   ", "\n\n", "\x00", "\x00quiero\x00 morir\x00", "💀", "🔪🔪🔪", "👩‍👩‍👧‍👦🇬🇧",
       "Я хочу умереть 我想死 أريد أن أموت quiero morir", "a" * 10_000, "!!!???...", "12345 67890",
       "\u200b\u200d\ufeff", "ß" * 50]


@pytest.mark.parametrize("text", ODD + [None])
def test_never_raises(text):
    reading = read_language(text)
    assert isinstance(reading, LanguageReading)
    assert reading.level in ("crisis", "concern", "none")
    detect_language(text)


def test_nul_bytes_do_not_hide_a_phrase():
    assert read_language("\x00quiero\x00 morir\x00").level == "crisis"


def test_two_hundred_thousand_characters():
    text = ("Hoy fue un día normal, trabajé y cené con mi familia. " * 4000)[:199_980] + " quiero morir"
    reading = read_language(text)
    assert reading.level == "crisis"
    assert len(text) > 199_000


def test_reading_is_frozen():
    reading = read_language("quiero morir")
    with pytest.raises(dataclasses.FrozenInstanceError):
        reading.level = "none"


def test_detector_is_built_once_and_safe_across_threads():
    results: list[str | None] = []
    def work():
        for _ in range(20):
            results.append(detect_language("bonjour, je me sens tellement seule en ce moment"))
    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert set(results) == {"fr"}
    assert languages._get_detector() is languages._get_detector()


# ---------------------------------------------------------------------------------------- the YAML file

def test_every_required_language_is_there_with_its_sources():
    book = load_language_book()
    for code in ["es", "fr", "de", "pt", "it", "nl", "hi_latn"]:
        entry = book.languages[code]
        assert len(entry.phrases) >= 15, code
        assert len(entry.sources) >= 3, code
        assert all(s.startswith("http") for s in entry.sources), code
        assert entry.masks, code
        levels = {p.level for p in entry.phrases}
        categories = {p.category for p in entry.phrases}
        assert levels == {"crisis", "concern"}, code
        assert {"suicide", "self_harm", "danger_at_home", "medical_emergency"} <= categories, code
    for entry in book.languages.values():
        assert entry.sources and entry.phrases, entry.code


def test_phrase_ids_are_unique_and_named_after_their_language():
    data = yaml.safe_load(LANGUAGES_FILE.read_text(encoding="utf-8"))
    ids = [item["id"] for entry in data["languages"].values() for item in entry["phrases"]]
    assert len(ids) == len(set(ids))
    for code, entry in data["languages"].items():
        for item in entry["phrases"]:
            assert item["id"].startswith(code + "."), item["id"]
            assert item.get("note"), item["id"]


def test_patterns_are_written_for_folded_text():
    """No accents, capitals or apostrophes in a pattern: they could never match folded text."""
    data = yaml.safe_load(LANGUAGES_FILE.read_text(encoding="utf-8"))
    for code, entry in data["languages"].items():
        items = entry["phrases"] + (entry.get("idioms") or []) + (entry.get("denials") or [])
        for item in items:
            pattern = item["pattern"]
            letters = re.sub(r"\\[a-zA-Z]|\{[A-Z_]+\}|\(\?[:!=<]+", "", pattern)
            assert not re.search(r"[A-Z'’]", letters), (code, pattern)
            if code != "hi":
                assert not re.search(r"[À-ɏ]", letters), (code, pattern)


def test_fold():
    assert fold("Ya NO puedo más. ¿Qué hago?") == "ya no puedo mas . que hago"
    assert fold("J'en ai marre") == "j en ai marre"
    assert fold("Ich möchte nicht, weiß ich") == "ich mochte nicht weiss ich"
    assert fold("मैं नहीं हूँ") == "मै नही हू"
    assert fold("") == ""


@pytest.mark.parametrize(
    ("text", "crisis"),
    [
        ("merci! honestly didnt think that would work", False),  # chat_heldout26 (read): "merci" alone made it 0.78
        ("gracias! I think the breathing helped", False),
        ("danke. i have the pills ready tonight", True),  # thanks said in English change nothing else
    ],
)
def test_thanks_in_another_language_in_an_english_message(text, crisis):
    from haven.safety.triage import triage

    assert triage(text).is_crisis is crisis
