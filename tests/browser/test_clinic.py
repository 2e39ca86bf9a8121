"""Clinic mode in a real browser: two people and a clinician sign in through an OpenID Connect provider's own
login page, on two Haven replicas sharing one throw-away PostgreSQL.

What is proved: each person sees only their own check-ins and chats on every page and address; the clinician
sees only what person A shared, loses it when A stops sharing, and A's log lists the access; a person at a
clinician address, an unconfirmed account and signing out each draw a plain page. Screenshots:
test-artifacts/browser/clinic-*.png.
"""

from __future__ import annotations

import os
import re
import secrets
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

expect.set_options(timeout=120_000)

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"

CLINICIANS = "haven-clinicians"
ALEX = {"sub": "person-alex", "name": "Alex Rivera", "email": "alex@clinic.test", "email_verified": True}
BLAIR = {"sub": "person-blair", "name": "Blair Stone", "email": "blair@clinic.test", "email_verified": True}
CASEY = {"sub": "clinician-casey", "name": "Dr Casey Kim", "email": "casey@clinic.test", "email_verified": True,
         "groups": ["staff", CLINICIANS]}  # fmt: skip
UNCONFIRMED = {"sub": "person-unconfirmed", "name": "Dana Unconfirmed", "email": "dana@clinic.test",
               "email_verified": False}  # fmt: skip
URGENT_CONTACT = "Riverside Clinic duty line 555 0100"
ALEX_NOTE = "Alex's own note about the allotment"
BLAIR_NOTE = "Blair's own note about the lighthouse"
ALEX_CHAT = "I keep worrying about my allotment exam and I can't sleep"
BLAIR_CHAT = "the lighthouse trip made me nervous all week"


@pytest.fixture(scope="module")
def provider():
    from services import OidcProvider

    server = OidcProvider([ALEX, BLAIR, CASEY, UNCONFIRMED])
    yield server
    server.stop()


@pytest.fixture(scope="module")
def replicas(provider, postgres_server, library_search):
    """Two `streamlit run app.py` replicas in clinic mode: one database, one cookie secret, one provider.

    Each has its own secrets.toml only because each listens on its own port (behind a proxy both would have
    the proxy's address as redirect_uri). They share the test session's data dir, whose library index
    ``library_search`` has built, so neither builds its own.
    """
    from services import free_port, serve_app

    database = postgres_server.create_app_database("clinic_browser")  # no superuser: RLS applies
    cookie_secret = secrets.token_hex(32)
    urls, servers = [], []
    for number in (1, 2):
        logs = tempfile.mkdtemp(prefix=f"haven-clinic-{number}-")
        port = free_port()
        secrets_file = Path(logs) / "secrets.toml"
        secrets_file.write_text(
            "[auth]\n"
            f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
            f'cookie_secret = "{cookie_secret}"\n'
            'client_id = "haven"\n'
            'client_secret = "haven-test-secret"\n'
            f'server_metadata_url = "{provider.metadata_url}"\n'
        )
        env = {**os.environ, "HAVEN_MODE": "clinic", "HAVEN_DATABASE_URL": database, "HAVEN_REGION": "US",
               "HAVEN_CLINICIAN_GROUP": CLINICIANS, "AUTHLIB_INSECURE_TRANSPORT": "1",  # http on loopback only
               "HAVEN_CLINIC_URGENT_CONTACT": URGENT_CONTACT}  # fmt: skip
        env.pop("HAVEN_LLM", None)
        server = serve_app(env, logs, "--secrets.files", str(secrets_file), port=port)
        urls.append(next(server))
        servers.append(server)
    yield urls
    for server in servers:
        next(server, None)


@pytest.fixture()
def people(browser, replicas, provider):
    """A fresh browser context per person (their own cookies), each able to sign in on either replica."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    contexts = []

    def open_as(user: dict, replica: int):
        context = browser.new_context(viewport={"width": 1300, "height": 950})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(120_000)
        page.base_url = replicas[replica]
        page.shot = lambda name: page.screenshot(path=str(ARTIFACTS / f"clinic-{name}.png"), full_page=True)
        _sign_in(page, user, provider)
        return page

    yield open_as
    for context in contexts:
        context.close()


def _sign_in(page, user: dict, provider) -> None:
    page.goto(page.base_url)
    expect(page.get_by_role("heading", name="Welcome to Haven")).to_be_visible()
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url(f"{provider.url}/**")  # the provider's own login page, not Haven's
    page.get_by_role("button", name=user["sub"], exact=True).click()
    page.wait_for_url(f"{page.base_url}/**")


def _open(page, path: str) -> None:
    page.goto(f"{page.base_url}/{path}")
    expect(page.get_by_text("Need help now?").first).to_be_visible()
    expect(page.get_by_role("heading", level=1).first).to_be_visible(timeout=600_000)


def _check_in(page, note: str) -> None:
    _open(page, "mood")
    page.get_by_role("radio", name=re.compile(r"Good$")).first.click()
    page.get_by_text("Add more: emotions, sleep, a note").click()
    page.get_by_label("A note").fill(note)
    page.get_by_role("button", name=re.compile("Save check-in")).click()
    expect(page.get_by_text(note).first).to_be_visible()


def _chat(page, text: str) -> None:
    _open(page, "chat")
    box = page.locator("textarea[data-testid='stChatInputTextArea']")
    expect(box).to_be_enabled()
    box.fill(text)
    box.press("Enter")
    expect(page.locator("[data-testid='stChatMessage']").nth(1)).to_be_visible()


def _menu(page) -> str:
    return page.locator("[data-testid='stSidebarNav']").inner_text()


def _nothing_of(page, *texts: str) -> None:
    body = page.locator("body").inner_text()
    for text in (*texts, "Haven could not show", "Traceback"):
        assert text not in body, f"{text!r} is on {page.url}"


def test_sign_in_roles_isolation_sharing_revoking_and_signing_out(people, provider):
    # --- two people, two replicas, their own records ------------------------------------------------------
    alex = people(ALEX, 0)
    _open(alex, "")
    expect(alex.get_by_text("Alex Rivera").first).to_be_visible()
    assert "Sharing" in _menu(alex) and "Clinician review" not in _menu(alex) and "Caseload" not in _menu(alex)
    alex.shot("1-alex-signed-in")
    _check_in(alex, ALEX_NOTE)
    _chat(alex, ALEX_CHAT)

    blair = people(BLAIR, 1)
    _check_in(blair, BLAIR_NOTE)
    _chat(blair, BLAIR_CHAT)
    for path in ("mood", "chat", "insights", "sharing", "settings"):
        _open(blair, path)
        _nothing_of(blair, ALEX_NOTE, ALEX_CHAT, "Alex Rivera")
    blair.shot("2-blair-sees-only-her-own")
    for path in ("mood", "chat"):
        _open(alex, path)
        _nothing_of(alex, BLAIR_NOTE, BLAIR_CHAT, "Blair Stone")

    # --- a person at a clinician's address ------------------------------------------------------------------
    for path in ("caseload", "shared?share=1", "review"):
        _open(blair, path)
        expect(blair.get_by_role("heading", name="This page is for the clinic's clinicians")).to_be_visible()
        _nothing_of(blair, ALEX_NOTE, ALEX_CHAT, "Alex Rivera", "Traceback")
    blair.shot("3-person-at-a-clinician-address")

    # --- the clinician signs in: nothing shared yet -----------------------------------------------------------
    casey = people(CASEY, 1)
    _open(casey, "caseload")
    expect(casey.get_by_text("No one has shared anything with you yet.")).to_be_visible()
    assert "Caseload" in _menu(casey) and "Mood" not in _menu(casey)

    # --- Alex shares the conversation and the report with Dr Casey Kim ----------------------------------------
    _open(alex, "sharing")
    alex.get_by_role("tab", name="A conversation").click()
    alex.get_by_role("button", name="Share this conversation").click()
    expect(alex.get_by_text("This conversation is shared with Dr Casey Kim.")).to_be_visible()
    alex.get_by_role("tab", name="Your report").click()
    alex.get_by_role("button", name="Share my report").click()
    expect(alex.get_by_text("Your report is shared with Dr Casey Kim.")).to_be_visible()
    alex.shot("4-alex-shares")

    _open(casey, "caseload")
    expect(casey.get_by_text("Alex Rivera").first).to_be_visible()
    _nothing_of(casey, "Blair Stone")
    casey.shot("5-clinician-caseload")
    _open(casey, "shared")
    conversation = casey.locator("[class*='st-key-item-']").filter(has_text="Alex Rivera").filter(
        has_not_text="Report").first  # fmt: skip
    conversation.get_by_role("button", name="Open").click()
    expect(casey.get_by_role("heading", name=re.compile("^Conversation: "))).to_be_visible()
    expect(casey.locator("[data-testid='stChatMessage']").filter(has_text=ALEX_CHAT)).to_be_visible()
    _nothing_of(casey, BLAIR_CHAT, BLAIR_NOTE, ALEX_NOTE)
    expect(casey).to_have_url(re.compile(r"share=\d+"))
    share_url = casey.url
    casey.shot("6-clinician-opens-the-shared-conversation")

    _open(casey, "review")  # the review tool is the clinician's, over what is shared with them
    expect(casey.get_by_role("heading", name="Review Haven's replies")).to_be_visible()
    casey.get_by_role("radiogroup").first.get_by_text("helpful", exact=True).click()
    casey.get_by_role("button", name="Save review").click()
    expect(casey.get_by_text(re.compile(r"Saved review \d+"))).to_be_visible()
    _nothing_of(casey, BLAIR_CHAT)
    casey.shot("6b-clinician-reviews-a-shared-reply")

    _open(alex, "sharing")
    log = alex.locator("[class*='st-key-access-log']")
    expect(log).to_contain_text("Dr Casey Kim")
    expect(log).to_contain_text(ALEX_CHAT)  # what was opened, by whom
    log.scroll_into_view_if_needed()
    alex.shot("7-alex-sees-the-access")

    # --- Alex stops sharing: the clinician's open link no longer shows it -----------------------------------
    stop = alex.get_by_role("button", name="Stop sharing")
    for _ in range(12):  # one click per share; a click that lands mid-rerun is simply tried again
        if not stop.count():
            break
        try:
            stop.first.click(timeout=10_000)
        except PlaywrightTimeoutError:
            pass
        alex.wait_for_timeout(1500)
    expect(alex.get_by_text("You are not sharing anything.")).to_be_visible()
    casey.goto(share_url)
    expect(casey.get_by_text("This is not shared with you, or it is no longer shared.").first).to_be_visible()
    _nothing_of(casey, ALEX_CHAT)
    _open(casey, "caseload")
    expect(casey.get_by_text("No one has shared anything with you yet.")).to_be_visible()
    casey.shot("8-clinician-after-revoke")

    # --- an account the provider has not confirmed --------------------------------------------------------------
    dana = people(UNCONFIRMED, 0)
    expect(dana.get_by_role("heading", name="This account is not confirmed")).to_be_visible()
    _nothing_of(dana, "Dana Unconfirmed", "dana@clinic.test", "Traceback")
    expect(dana.get_by_role("button", name="Need help now?")).to_be_visible()
    dana.shot("9-unconfirmed-account")

    # --- signing out ends the session -----------------------------------------------------------------------------
    alex.get_by_role("button", name="Sign out").click()
    alex.wait_for_url(f"{provider.url}/**")  # Streamlit ends the provider's session too; it asks to confirm
    alex.get_by_role("button", name="End session").click()
    alex.wait_for_url(f"{alex.base_url}/**")
    expect(alex.get_by_role("heading", name="Welcome to Haven")).to_be_visible()
    _open(alex, "mood")
    expect(alex.get_by_role("heading", name="Welcome to Haven")).to_be_visible()
    _nothing_of(alex, ALEX_NOTE, "Alex Rivera")
    alex.shot("10-signed-out")

    # --- crisis help works signed out, with the clinic's own urgent contact beside the public lines -----------
    alex.get_by_role("button", name="Need help now?").click()
    dialog = alex.get_by_role("dialog")
    expect(dialog).to_contain_text("988")
    expect(dialog).to_contain_text(URGENT_CONTACT)
    expect(dialog).to_contain_text("Haven does not alert them")
    alex.shot("11-help-signed-out")
