"""Settings: where help lines come from, the demo profile, what stays on this computer, and (under Advanced)
which engine answers in the chat. A person who only wants to talk never needs to open Advanced."""

from __future__ import annotations

import streamlit as st

from haven.config import get_settings, save_preferences
from ui.clinic_privacy import render_clinic_settings
from ui.entry import through_app
from ui.privacy_settings import render_privacy_section
from ui.reminders import reminder_settings_section

through_app()

ENGINE_KINDS = {
    "guide": "Haven's guide (offline, no model)",
    "ollama": "A local model through Ollama",
    "openai": "An OpenAI-compatible server (llama.cpp, vLLM, LM Studio, or a hosted API)",
}


def _regions() -> dict[str, str]:
    """Region code -> name, from the safety layer's help-line directory."""
    from haven.safety import regions

    return dict(regions())


def _region_section(settings) -> None:
    st.subheader("Help lines")
    regions = _regions()
    codes = list(regions)
    current = settings.region.upper() if settings.region.upper() in regions else codes[0]
    region = st.selectbox(
        "Where you are",
        codes,
        index=codes.index(current),
        format_func=lambda code: f"{regions[code]} ({code})",
        help="The crisis help lines Haven shows are the ones for this region.",
    )
    if region != settings.region:
        save_preferences(region=region)
        st.toast(f"Help lines now for {regions[region]}.")


def _demo_section() -> None:
    from ui.demo import demo_controls

    st.subheader("Demo profile")
    demo_controls(key="settings-demo")


def _engine_section(settings) -> None:
    from haven.chat.llm import DEFAULT_BASE_URLS, EngineSpec, test_connection

    st.markdown(
        "Haven's own guide answers in the chat, offline. If you run a language model yourself, Haven can "
        "use it instead."
    )
    try:
        spec = EngineSpec.parse(settings.llm)
    except ValueError:
        spec = EngineSpec("guide")
    with st.form("engine"):
        kinds = list(ENGINE_KINDS)
        kind = st.radio(
            "Who answers in the chat", kinds, index=kinds.index(spec.provider), format_func=ENGINE_KINDS.get
        )
        model = st.text_input("Model name", value=spec.model, placeholder="e.g. llama3.2 or qwen2.5-7b-instruct")
        base_url = st.text_input(
            "Server address",
            value=settings.llm_base_url or "",
            placeholder=f"{DEFAULT_BASE_URLS['ollama']} (Ollama) or {DEFAULT_BASE_URLS['openai']} (OpenAI-compatible)",
        )
        timeout = st.number_input("Give up after (seconds)", 1.0, 600.0, float(settings.llm_timeout), step=5.0)
        save, test = st.columns(2)
        saved = save.form_submit_button("Save", type="primary", use_container_width=True)
        tested = test.form_submit_button("Test connection", use_container_width=True)
    choice = "guide" if kind == "guide" else f"{kind}:{model.strip()}"
    if (saved or tested) and kind != "guide" and not model.strip():
        st.error("Give the model's name, as the server knows it.")
        return
    if tested:
        with st.spinner("Asking the model for a short reply..."):
            check = test_connection(choice, base_url.strip() or None, float(timeout))
        (st.success if check.ok else st.error)(check.message)
    if saved:
        save_preferences(llm=choice, llm_base_url=base_url.strip() or None, llm_timeout=float(timeout))
        st.success(f"Saved. The chat now uses {ENGINE_KINDS[kind].lower()}.")
    st.caption(
        "If the model cannot be reached or is too slow, Haven's guide answers instead and says so. "
        "An API key for a hosted server is read from the OPENAI_API_KEY environment variable."
    )
    st.caption(
        "With a model server, your chat messages are sent to that server. A local one (Ollama, llama.cpp, "
        "LM Studio) keeps them on your computer; a hosted API does not."
    )


def main() -> None:
    st.title("Settings")
    settings = get_settings()
    if settings.mode == "clinic":  # installation-wide choices are the clinic's: only one's own data here
        render_clinic_settings()
        return
    _region_section(settings)
    st.divider()
    reminder_settings_section()  # a daily check-in and a two-weekly check-up, for the person's calendar
    st.divider()
    _demo_section()
    st.divider()
    render_privacy_section()  # one Privacy heading: where the data is, passphrase, export, import, delete
    st.divider()
    with st.expander("Advanced: the chat's engine", icon=":material/tune:"):
        _engine_section(get_settings())


main()
