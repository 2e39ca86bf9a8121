"""Round 37, in the chat (seen in the browser): after "no thanks, I just want to vent", "yeah. anyway thanks, that
helped a bit" was answered as more venting ("Mm, that makes sense. Go on, I'm here."); thanks with how much it helped
closes the talk as "thanks, very helpful" does."""

from __future__ import annotations

import pytest
from chat_helpers import play

from haven.chat import intents as I


@pytest.mark.parametrize(
    "said",
    ["yeah. anyway thanks, that helped a bit", "thanks, talking helped", "ok thank you, it really helped a lot"],
)
def test_thanks_with_how_much_it_helped_closes_the_talk(said):
    assert I.CLOSING_THANKS.search(said.replace(",", "").replace(".", ""))


def test_thanks_then_more_is_no_close():
    assert not I.CLOSING_THANKS.search("thanks that helped but i still cant sleep")


def test_a_vent_closing_on_thanks_is_thanked_not_listened_to_again(service):
    replies = play(
        service,
        "my boss keeps piling things on me and I can't say no",
        "no thanks, I just want to vent",
        "yeah. anyway thanks, that helped a bit",
    )
    last = replies[-1].text
    assert "glad" in last.lower() and "Go on" not in last
