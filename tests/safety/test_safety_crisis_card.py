"""The crisis card and the concern panel, drawn with Streamlit's AppTest: the card is unmissable, dialable,
labelled by kind of crisis and paused until the person continues; the concern panel is calm and inline."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def card_app():
    import streamlit as st

    from haven.safety.response import crisis_response, held_crisis_response
    from ui.crisis_card import render_crisis_card

    args = (
        st.session_state.get("region", "US"),
        st.session_state.get("plan"),
        st.session_state.get("category"),
        st.session_state.get("audience", "self"),
    )
    turn = st.session_state.get("held_turn")
    response = held_crisis_response(*args, turn=turn) if turn else crisis_response(*args)
    if render_crisis_card(response, key="card"):
        st.write("chat resumed")
    else:
        st.write("chat paused")


def concern_app():
    import streamlit as st

    from haven.safety.response import concern_response
    from ui.crisis_card import render_concern

    response = concern_response(
        st.session_state.get("region", "GB"),
        st.session_state.get("category"),
        st.session_state.get("audience", "self"),
        st.session_state.get("language"),
    )
    render_concern(response, key="concern")
    st.write("chat goes on")


def _run(app=card_app, **state) -> AppTest:
    at = AppTest.from_function(app)
    for name, value in state.items():
        at.session_state[name] = value
    return at.run()


def _urls(at: AppTest) -> list[str]:
    return [button.proto.url for button in at.get("link_button")]


def _markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_the_card_is_distinct_and_shows_lines_and_the_emergency_number():
    at = _run()
    assert not at.exception
    assert at.error and "alone" in at.error[0].value
    urls = _urls(at)
    assert "tel:988" in urls and "tel:911" in urls
    assert "sms:988" in urls and "sms:741741?&body=HOME" in urls
    assert any(url.startswith("https://988lifeline.org") for url in urls)
    assert all(url.startswith(("tel:", "sms:", "https://")) for url in urls)
    assert at.markdown[-1].value == "chat paused"


def test_the_safety_plan_is_shown():
    at = _run(plan=["Call Sam", "Sit with my flatmate"])
    text = _markdown(at)
    assert "1. Call Sam" in text and "2. Sit with my flatmate" in text


def test_continue_returns_true_and_stays_true():
    at = _run()
    at.button(key="card_continue").click().run()
    assert at.markdown[-1].value == "chat resumed"
    at.run()
    assert at.markdown[-1].value == "chat resumed"


def test_the_card_follows_the_region():
    urls = _urls(_run(region="GB"))
    assert "tel:116123" in urls and "tel:999" in urls


def test_category_lines_come_first_and_are_labelled():
    at = _run(category="danger_at_home")
    assert not at.exception
    labels = [m.value for m in at.markdown]
    assert labels.index("**For abuse at home**") < labels.index("**Talk to someone now**")
    urls = _urls(at)
    assert urls.index("tel:911") < urls.index("tel:18007997233") < urls.index("tel:988")
    assert "sms:88788?&body=START" in urls


def test_young_people_lines_are_labelled_and_come_last():
    at = _run(region="GB", category="suicide")
    labels = [m.value for m in at.markdown]
    assert labels.index("**Talk to someone now**") < labels.index("**For young people**")
    assert "tel:08001111" in _urls(at)


def test_someone_worried_about_another_person_sees_steps_to_take():
    at = _run(category="suicide", audience="third_party")
    text = _markdown(at)
    assert "**How you can help now**" in text
    assert "Are you thinking about ending your life?" in text
    assert "you could use to hurt yourself" not in text
    assert "tel:911" in _urls(at)


def test_whatsapp_lines_get_a_whatsapp_button():
    urls = _urls(_run(region="SG"))
    assert "https://wa.me/6591511767" in urls and "tel:1767" in urls and "tel:995" in urls


def test_a_held_crisis_draws_its_question_and_still_pauses_the_chat():
    at = _run(held_turn=2)
    assert not at.exception
    assert "safe" in _markdown(at)
    assert "tel:988" in _urls(at) and "tel:911" in _urls(at)
    assert at.markdown[-1].value == "chat paused"


def test_the_concern_panel_is_calm_and_inline_with_a_question_and_lines():
    at = _run(concern_app)
    assert not at.exception
    assert not at.error, "a concern is not the red crisis card"
    assert at.info and "glad you told me" in at.info[0].value
    assert "**Can I ask: are you thinking about ending your life, or about hurting yourself?**" in _markdown(at)
    urls = _urls(at)
    assert "tel:116123" in urls and "sms:85258?&body=SHOUT" in urls and "tel:999" in urls
    assert len(urls) <= 4
    assert not at.button, "the chat is not paused"
    assert at.markdown[-1].value == "chat goes on"


def test_the_concern_panel_follows_the_category_and_language():
    at = _run(concern_app, region="US", category="danger_at_home")
    assert "tel:18007997233" in _urls(at)
    at = _run(concern_app, region="FR", language="fr")
    assert "English" in at.info[0].value
    assert "https://findahelpline.com/" in _urls(at) and "tel:112" in _urls(at)
