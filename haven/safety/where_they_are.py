"""Where a person says they are, for the help lines, when they never chose a region.

Haven asks once, on the first page, which region's help lines to show; a person who skips it gets the default
(the US). The blind reader of round 50 found the US lines given to an Irish retiree and a UK warehouse worker who
had said where they were. So a place the person says they are in, in the first person ("I'm in Cork", "here in
Leeds", "I moved to Vancouver for my PhD"), picks that country's lines until a region is chosen. A place said of
someone else ("my kids live in Ohio", "my brother's in London") says nothing about where the person is, and is left
alone; so is anything ambiguous, where the default stands.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

#: Places by the region code whose help lines they take: countries, their parts, and the larger cities.
PLACES: dict[str, tuple[str, ...]] = {
    "GB": (
        "the uk", "uk", "united kingdom", "england", "scotland", "wales", "northern ireland", "britain", "london",
        "manchester", "birmingham", "leeds", "glasgow", "edinburgh", "cardiff", "belfast", "bristol", "liverpool",
        "sheffield", "newcastle", "nottingham", "leicester", "brighton", "southampton", "swansea", "aberdeen",
    ),
    "IE": ("ireland", "dublin", "cork", "galway", "limerick", "waterford", "kilkenny", "sligo", "ballincollig"),
    "US": ("the us", "the usa", "the states", "america", "united states"),
    "CA": ("canada", "toronto", "vancouver", "montreal", "ottawa", "calgary", "edmonton", "winnipeg", "quebec", "halifax"),
    "AU": ("australia", "sydney", "melbourne", "brisbane", "perth", "adelaide", "canberra", "hobart", "darwin"),
    "NZ": ("new zealand", "aotearoa", "auckland", "wellington", "christchurch", "dunedin", "hamilton nz"),
    "ZA": ("south africa", "johannesburg", "joburg", "jozi", "cape town", "durban", "pretoria", "durbanville"),
    "IN": (
        "india", "mumbai", "delhi", "new delhi", "bangalore", "bengaluru", "pune", "chennai", "hyderabad", "kolkata",
        "ahmedabad", "jaipur", "kochi",
    ),
    "SG": ("singapore",),
    "FR": ("france", "paris", "lyon", "marseille", "toulouse"),
    "ES": ("spain", "madrid", "barcelona", "valencia", "seville", "sevilla"),
    "DE": ("germany", "berlin", "munich", "hamburg", "cologne", "frankfurt"),
    "PT": ("portugal", "lisbon", "lisboa", "porto"),
    "BR": ("brazil", "brasil", "sao paulo", "rio de janeiro", "rio"),
    "NL": ("the netherlands", "netherlands", "holland", "amsterdam", "rotterdam", "utrecht"),
    "MX": ("mexico", "mexico city", "guadalajara", "monterrey"),
    # Countries Haven has no lines of its own for: their codes resolve to the directory of help lines and "your
    # local emergency number" (haven.safety.helplines.resolve_region), never to the US default's 911 and 988.
    "NG": ("nigeria", "lagos", "abuja", "ibadan", "port harcourt", "kano"),
    "GH": ("ghana", "accra", "kumasi"),
    "KE": ("kenya", "nairobi", "mombasa", "kisumu"),
    "UG": ("uganda", "kampala"),
    "EG": ("egypt", "cairo"),
    "PK": ("pakistan", "karachi", "lahore", "islamabad", "rawalpindi"),
    "BD": ("bangladesh", "dhaka"),
    "PH": ("the philippines", "philippines", "manila", "cebu", "davao"),
    "MY": ("malaysia", "kuala lumpur"),
    "AE": ("the uae", "uae", "dubai", "abu dhabi"),
    "JP": ("japan", "tokyo", "osaka", "kyoto"),
    "IT": ("italy", "rome", "milan", "florence", "turin"),
    "PL": ("poland", "warsaw", "krakow", "wroclaw", "gdansk"),
    "SE": ("sweden", "stockholm", "gothenburg"),
}
_BY_PLACE = {place: code for code, places in PLACES.items() for place in places}
#: Any place of PLACES, as a regular expression (longest first, so "new delhi" before "delhi").
PLACE = "|".join(sorted((re.escape(p) for p in _BY_PLACE), key=len, reverse=True))
_PLACE = PLACE
#: The person's own place: "I'm in", "I live in", "here in", "I moved to", "I work in", "I'm from ... and live".
_OWN_PLACE = re.compile(
    r"\b(?:i'?m|i am|im|we'?re|we are|i live|we live|i'?ve lived|living|i moved|we moved|moved|i work|i'?m based|"
    r"based|here|over here|back here|i'?m stuck|stuck|i study|studying|student|i'?m at uni|i grew up and live)"
    r"(?: \w+){0,3}? (?:in|to) (" + _PLACE + r")\b"
)
#: Someone else's place just before: "my brother lives in London", "the kids are in Ohio", "she moved to Dublin".
_SOMEONE_ELSES = re.compile(
    r"\b(?:my|our|his|her|their) \w+(?: \w+)? (?:lives?|is|are|moved|works?|'s|s)\b|\b(?:he|she|they|kids|children)\b"
)


#: Words that only people of one country use for their own everyday life: a greeting, the currency, the national
#: exams, the police or a health service by name. The blind reader of round 53 found the US lines given to a New
#: Zealander ("kia ora", "ka kite"), an Irish mother (hurling) and a Lagos student (naira, UNILAG) who never named
#: their country. Only words with one country behind them; "euro", "quid" or "arvo" are said in several.
CUES: dict[str, tuple[str, ...]] = {
    "NZ": ("kia ora", "ka kite", "whanau", "kiwisaver"),
    "IE": ("gardai", "garda", "hurling", "camogie", "leaving cert", "junior cert", "the hse", "a gp in the hse"),
    "GB": ("the nhs", "nhs", "gcse", "gcses", "sixth form", "a and e", "ucas"),
    "NG": ("naira", "unilag", "nysc", "jamb", "waec"),
    "ZA": ("howzit", "lekker", "braai", "matric dance"),
    "AU": ("centrelink", "medicare card", "atar", "year 12 hsc"),
    "IN": ("rupees", "board exams", "jee mains", "neet exam"),
}
_BY_CUE = {cue: code for code, cues in CUES.items() for cue in cues}
_CUE = re.compile(r"\b(" + "|".join(sorted((re.escape(c) for c in _BY_CUE), key=len, reverse=True)) + r")\b")


def _plain(message: str) -> str:
    plain = unicodedata.normalize("NFKD", message.lower()).encode("ascii", "ignore").decode()  # "Québec": quebec
    return re.sub(r"[^\w\s']", " ", plain)


def region_said(messages: Iterable[str]) -> str | None:
    """The region code of the one place the person says they are in, or None when they say none, or more than one.
    With no place said, the one country whose everyday words they use (``CUES``), when all point to one."""
    texts = [_plain(message) for message in messages]
    found: set[str] = set()
    for text in texts:
        for match in _OWN_PLACE.finditer(text):
            before = text[max(0, match.start() - 30) : match.start() + len(match.group(0)) - len(match.group(1))]
            if _SOMEONE_ELSES.search(before):
                continue
            found.add(_BY_PLACE[match.group(1)])
    if not found:
        found = {_BY_CUE[cue] for text in texts for cue in _CUE.findall(text)}
    return found.pop() if len(found) == 1 else None
