"""The safety reply built from static data alone: help lines, the response texts, and a safety plan if readable.

Why its own module: the chat service uses it for every turn where risk is in play, and the Chat page and
``haven chat`` use it when the service itself cannot be built (a database that will not open, a missing
model). Nothing here touches the database, the index or a model, so none of their faults can stand between
a person and help.
"""

from __future__ import annotations

from haven.chat.types import Reply


def safety_reply(assessment, region: str, safety_plan: list[str] | None = None) -> Reply:
    """The reply for an assessment whose kind is not "normal": crisis card, held crisis, check or concern."""
    from haven.safety import response

    verdict, kind = assessment.triage, assessment.reply
    category, audience = verdict.category or assessment.state.category, verdict.audience or "self"
    crisis = concern = None
    if kind == "crisis":
        crisis = response.crisis_response(region, safety_plan, category, audience)
        words = crisis.as_markdown()
    elif kind == "held":
        crisis = response.held_crisis_response(
            region,
            safety_plan,
            assessment.state.category or category,
            assessment.state.audience or audience,
            turn=assessment.state.held,
            asked_for_means=assessment.asked_for_means,
            unsure=assessment.state.model_alone and not assessment.asked_for_means,
            not_safe=assessment.not_safe,
            reaching_out=assessment.reaching_out,
        )
        words = crisis.as_markdown()
    elif kind == "check" and (assessment.tentative or assessment.misread or assessment.carried_on):
        crisis = response.tentative_check_response(
            region,
            safety_plan,
            assessment.state.category or category,
            audience,
            turn=assessment.state.held,
            misread=assessment.misread,
            carried_on=assessment.carried_on,
        )
        words = crisis.as_markdown()
    elif kind == "check":
        words = response.safety_check_text()
    elif kind == "step_down":
        words = response.step_down_text(category)
    elif kind == "back":
        words = response.back_to_chat_text()
    else:  # concern
        concern = response.concern_response(
            region,
            category,
            audience,
            language=verdict.language,
            history=verdict.told_as_history,
            again=assessment.again,
            bereaved=verdict.bereaved,
        )
        words = concern.as_markdown()
    return Reply(text=words, level=verdict.level, engine="safety", crisis=crisis, concern=concern)


def safety_first(text: str, region: str) -> Reply | None:
    """Triage ``text`` on its own (no conversation, no database) and return its safety reply, or None.

    For when the chat cannot run at all: a crisis said in the message still gets the crisis card.
    """
    from haven.safety.conversation import assess

    assessment = assess(text)
    if assessment.reply == "normal":
        return None
    return safety_reply(assessment, region)
