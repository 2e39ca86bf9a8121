"""Plain crises that only the learned layer used to catch are now read by a pattern or a curated phrase.

A crisis caught by the model alone is fragile: a later "no I'm fine" can walk it back. These shapes are said plainly
and in everyday words (strangulation, a threat of violence now, driving or throwing oneself off a height, car
exhaust, a ligature fixed up, a farewell that hands over the pet, a weapon taken to someone, a body failing from not
eating, and their counterparts in other languages), so a pattern (patterns.yaml) or a phrase (languages.yaml) reads
them, in the right category. Each is general: the sentences here are not the ones the patterns were written from,
and the look-alikes beside them (cricket, DIY, hugs, a roofer, a holiday, the quay for fish and chips) read none.
"""

from __future__ import annotations

import pytest
from pattern_hits import pattern_ids

from haven.safety import triage
from haven.safety.languages import match_phrases

NEW_PATTERNS = {
    "strangled", "threat_violence", "threat_lesson", "door_kicked_in", "drive_off_edge", "throw_self_off",
    "over_the_edge", "edge_of_roof", "car_exhaust", "hose_car_window", "ligature_fixed", "farewell_pet_for_me",
    "weapon_waiting", "heart_not_eating", "faint_not_eating",
}


@pytest.mark.parametrize(
    ("text", "category", "pattern_id"),
    [
        # strangulation
        ("my husband had both hands tight round my throat last night", "danger_at_home", "strangled"),
        ("she grabbed me by the throat and slammed me into the fridge", "danger_at_home", "strangled"),
        ("he pressed on my throat until I blacked out", "danger_at_home", "strangled"),
        ("my partner tried to strangle me in the car", "danger_at_home", "strangled"),
        # a partner or a parent threatening violence now
        ("my husband keeps saying he'll put me in a wheelchair", "danger_at_home", "threat_violence"),
        ("he texted me that he's going to smash my face in when he finds me", "danger_at_home", "threat_violence"),
        ("my stepdad swore he'd break my jaw if I told anyone", "danger_at_home", "threat_violence"),
        ("he said he's going to teach us a lesson. he's throwing plates", "danger_at_home", "threat_lesson"),
        (
            "he's banging on the door and shouting he's going to teach me a lesson, I'm hiding in the wardrobe",
            "danger_at_home",
            "threat_lesson",
        ),
        ("I'm hiding in the kids' room with them, my partner is trying to break the door down", "danger_at_home",
         "door_kicked_in"),
        ("we've barricaded ourselves in the bedroom, he's smashing the door", "danger_at_home", "door_kicked_in"),
        # driving or throwing oneself off a height
        ("I'm going to drive my car off the pier tonight", "suicide", "drive_off_edge"),
        ("thinking about driving straight off the cliff on the way home", "suicide", "drive_off_edge"),
        ("I'm going to throw myself off the flyover", "suicide", "throw_self_off"),
        ("I'm at the top of the multi storey. I'm going to step over the edge", "suicide", "over_the_edge"),
        ("I'm on the bridge. I want to climb over the railings", "suicide", "over_the_edge"),
        ("I'm sitting on the ledge of the tower block", "suicide", "edge_of_roof"),
        ("standing on the parapet of the bridge right now", "suicide", "edge_of_roof"),
        # car exhaust
        ("the engine's running and the garage door is shut, I'm sitting in the car", "suicide", "car_exhaust"),
        ("I attached a hose to the exhaust and fed it into the car", "suicide", "car_exhaust"),
        ("the hosepipe goes in through the back window of the car now", "suicide", "hose_car_window"),
        # a ligature fixed up, said with "now"
        ("my belt is tied to the loft hatch, I'm doing it now", "suicide", "ligature_fixed"),
        ("the cord is looped over the beam and I'm standing on a chair", "suicide", "ligature_fixed"),
        # someone else: about to throw themselves off, or a farewell that hands over the pet or the children
        ("my son is threatening to throw himself out of the window", "suicide", "throw_self_off"),
        ("my sister keeps saying she'll throw herself off the balcony", "suicide", "throw_self_off"),
        ("my brother sent a text: love you all, take care of the dog for me", "suicide", "farewell_pet_for_me"),
        ("mum messaged goodbye, said look after the kids for her", "suicide", "farewell_pet_for_me"),
        # a weapon taken to someone
        ("I've got a knife in my jacket and I'm heading to her house", "harm_to_others", "weapon_waiting"),
        ("the shotgun's in the back of the van, going round there now", "harm_to_others", "weapon_waiting"),
        ("crowbar's under the front seat, waiting for my ex to finish his shift", "harm_to_others", "weapon_waiting"),
        ("sat outside his work with a hammer in the footwell", "harm_to_others", "weapon_waiting"),
        # a body failing from not eating
        ("my heart keeps fluttering and I haven't eaten in four days", "eating_disorder", "heart_not_eating"),
        ("my pulse is all over the place and I'm still not eating", "eating_disorder", "heart_not_eating"),
        ("heart pounding all night, I haven't eaten for three days", "eating_disorder", "heart_not_eating"),
        ("barely eating for weeks and I keep blacking out", "eating_disorder", "faint_not_eating"),
    ],
)
def test_a_plain_crisis_is_read_by_a_pattern(text, category, pattern_id, triage_model):
    _read_as_crisis_by(text, category, "pattern", f"pattern {pattern_id}:")


def _read_as_crisis_by(text: str, category: str, source: str, evidence: str) -> None:
    """A crisis in ``category``, decided by ``source`` (a pattern or a language's phrase) with ``evidence`` named."""
    result = triage(text)
    assert result.level == "crisis", result
    assert result.category == category, result
    assert result.source == source and evidence in result.evidence, result


@pytest.mark.parametrize(
    "text",
    [
        "my daughter put her hands round my neck and gave me a big hug",
        "she wrapped her scarf round my neck because I was cold",
        "my mum says she'll break my legs if I'm late again lol",
        "he said he'll finish what he started on the shed tomorrow",
        "the builder said he'll finish what he started next week",
        "my piano teacher said she's going to teach me a lesson on scales",
        "my dad said he'll teach me a lesson in chess tonight",
        "she said she'll do me a fry up in the morning",
        "we're driving to the quay for fish and chips",
        "I drove off the ferry at Calais this morning",
        "I threw myself off the sofa when the goal went in",
        "she's going to throw herself into her new job",
        "This job is pushing me over the edge",
        "the ball went over the edge of the roof and into the gutter",
        "my feet are hanging over the edge of the sun lounger on the balcony",
        "the roofer is standing on the edge of the roof fixing the gutter",
        "we sat on the edge of the roof terrace having drinks",
        "I left the engine running on the drive while I scraped the ice off",
        "the mechanic fitted a new pipe to the exhaust",
        "I ran the hosepipe through the kitchen window to fill the paddling pool",
        "I tied the rope to the beam for the kids' swing",
        "thanks for everything, look after the cat for me while I'm on holiday",
        "could you look after the kids for me next Saturday? thanks for everything",
        "I've got a bat in the boot for cricket practice, waiting for him to get ready",
        "the gun's in the truck, going hunting with my dad this weekend",
        "there's a golf club in my boot and I'm waiting for him at the clubhouse",
        "my heart skipped a beat when I saw him",
        "my heart is racing and I'm not eating because of exam stress",
    ],
)
def test_an_ordinary_look_alike_reads_none(text, triage_model):
    result = triage(text)
    assert result.level == "none", result
    assert not pattern_ids(text) & NEW_PATTERNS


@pytest.mark.parametrize(
    "text",
    [
        # the learned layer misreads some of these on its own; no new pattern may add to it
        "I'm sitting on the edge of the bed",
        "I've got a hammer in my bag for the shelves, heading to her flat to put them up",
        "I've got a knife in my bag for the cooking class, waiting for her outside",
        "machete in the car for clearing the allotment, heading there now",
        "the toddler grabbed me by the neck and pulled my hair lol",
        "my brother is kicking the door because I'm in the bathroom and he needs the loo",
        "my pulse is slow because I'm a runner, and I'm not eating much before the race",
        "haven't eaten in days because of the flu and feel faint",
        "the dog's lead is tied to the railing outside the shop while I'm doing it",
        "pure O, today's theme is 'what if I throw myself off the bridge'. I walk the long way now",
    ],
)
def test_no_new_pattern_fires_on_a_look_alike(text):
    assert not pattern_ids(text) & NEW_PATTERNS


def test_going_over_the_edge_needs_a_high_place_in_the_message():
    """An idiom on its own; a drop when the person says they are on a roof or a bridge, in any sentence."""
    assert "over_the_edge" not in pattern_ids("honestly I'm thinking of going over the edge with all this")
    assert "over_the_edge" in pattern_ids("I'm up on the roof of the car park. thinking of going over the edge")


def test_a_farewell_for_the_pet_needs_goodbye_words_and_no_return():
    assert "farewell_pet_for_me" not in pattern_ids("look after the cat for me")
    assert "farewell_pet_for_me" in pattern_ids("thank you for everything. look after the cat for me")
    assert "farewell_pet_for_me" not in pattern_ids("thank you for everything. look after the cat for me. back on Sunday")
    # a goodbye in the pattern's own sentence is not explained by a trip named elsewhere
    assert "farewell_pet_for_me" in pattern_ids("off to the coast. goodbye forever, look after the cat for me")


@pytest.mark.parametrize(
    ("text", "category", "phrase_id"),
    [
        ("je suis sur le toit de l'immeuble, j'ai trop envie de sauter", "suicide", "fr.jump"),
        ("ce soir je vais sauter depuis la passerelle", "suicide", "fr.jump"),
        ("j'ai accroché la corde dans le garage", "suicide", "fr.rope"),
        ("amanhã vou pular do prédio", "suicide", "pt.jump"),
        ("meu marido disse que ainda vai me matar", "danger_at_home", "pt.said_will_kill"),
        ("mi marido me ha dado una paliza", "danger_at_home", "es.has_hit_me"),
        ("mi novio me ha vuelto a pegar", "danger_at_home", "es.has_hit_me"),
        ("ya tengo la soga preparada", "suicide", "es.rope"),
        ("me las voy a tomar todas esta noche", "medical_emergency", "es.take_them_all"),
        ("jetzt schlucke ich alle tabletten", "medical_emergency", "de.take_all_tonight"),
        ("sono seduto sul cornicione del palazzo", "suicide", "it.edge_roof"),
        ("mia sorella si è ingoiata tutte le sue compresse", "medical_emergency", "it.took_all_reflexive"),
        ("kupiłam sznur", "suicide", "pl.rope"),
        ("mam już linę", "suicide", "pl.rope"),
        ("aaj raat kood jaungi", "suicide", "hi_latn.jump"),
        ("main chhat ke kinare khada hoon", "suicide", "hi_latn.on_roof"),
    ],
)
def test_a_plain_crisis_in_another_language_is_read_by_a_phrase(text, category, phrase_id, triage_model):
    _read_as_crisis_by(text, category, "language", f"phrase {phrase_id}:")


@pytest.mark.parametrize(
    "text",
    [
        "je vais sauter le repas de midi",
        "j'ai acheté une corde à sauter pour le sport",
        "vou pular da cama cedo amanhã",
        "minha mãe falou que vai me matar se eu chegar tarde",
        "me ha pegado la gripe mi hermano",
        "morgens nehme ich alle meine tabletten mit dem frühstück",
        "sono seduta sul bordo della piscina",
        "mam linę holowniczą w bagażniku",
        "khushi se kood jaunga",
        "chhat pe khadi hoon, network nahi aa raha",
    ],
)
def test_a_look_alike_in_another_language_reads_none(text, triage_model):
    assert triage(text).level == "none"
    assert not [hit for hit in match_phrases(text) if hit.phrase.level == "crisis"]
