"""The crisis card, drawn with Streamlit's AppTest: unmissable, dialable, and paused until the person continues."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def card_app():
    import streamlit as st

    from haven.safety import crisis_response
    from ui.crisis_card import render_crisis_card

    response = crisis_response(
        st.session_state.get("region", "US"), st.session_state.get("plan"), st.session_state.get("category")
    )
    if render_crisis_card(response, key="card"):
        st.write("chat resumed")
    else:
        st.write("chat paused")


def _run(**state) -> AppTest:
    at = AppTest.from_function(card_app)
    for name, value in state.items():
        at.session_state[name] = value
    return at.run()


def _urls(at: AppTest) -> list[str]:
    return [button.proto.url for button in at.get("link_button")]


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
    text = "\n".join(m.value for m in at.markdown)
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
