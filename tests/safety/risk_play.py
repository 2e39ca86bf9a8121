"""A conversation played through the risk state machine, for tests: each message read with the state the one before
left, and Haven's question (when given) as the words it answers after the first."""

from __future__ import annotations

from haven.safety.conversation import assess


def replies(*messages: str, question: str | None = None) -> list[str]:
    """The reply kind for each message ("crisis", "held", "check", "back", ...)."""
    state, kinds = None, []
    for text in messages:
        result = assess(text, state, question if state is not None else None)
        state = result.state
        kinds.append(result.reply)
    return kinds


def after(*messages: str, region: str = "GB"):
    """The state after the messages, and Haven's reply to the last one (the question a next message answers)."""
    from haven.chat.safety_first import safety_reply

    state = result = None
    for text in messages:
        result = assess(text, state)
        state = result.state
    return state, safety_reply(result, region).text
