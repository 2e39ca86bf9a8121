"""The frame around every page, phone first: what app.py draws before the lock screen and the page.

- The "Need help now?" button sits in the page header, at the top right of every screen, the lock screen
  too: one tap at any width. In the sidebar it hid behind an unlabelled toggle on a phone (two taps).
- The sidebar toggle says "Menu", so a person knows what the arrows open.
- A chosen chip (an emotion on the Mood page, a number on a 0-10 scale) is filled and ticked, so chosen
  and not chosen differ by more than a shade.
- On a narrow screen the sidebar closes once a page (or a conversation) is chosen in it: left open, it
  covers the page the person just asked for. Streamlit does this only for phones it recognises by their
  browser's name, not for a narrow window or a tablet.

CSS and a few lines of script, inline: nothing is loaded from the network.
"""

from __future__ import annotations

import streamlit as st

#: Streamlit's own breakpoint below which the sidebar overlays the page instead of sitting beside it.
NARROW = "767.98px"
#: Keys of sidebar containers whose buttons open something in the page (the chat's conversation list).
NAVIGATES = "st-key-navigates"

_STYLE = f"""
<style>
/* "Need help now?" in the header bar, top right, above the page as it scrolls. */
.st-key-help_now_bar {{
  position: fixed; top: 0.6rem; right: 1rem; z-index: 999991; width: auto !important;
}}
.st-key-help_now_bar button {{
  border: 1px solid #b4532a; color: #8a3a17; background: #fff8f3; font-weight: 600; white-space: nowrap;
  box-shadow: 0 1px 3px rgba(0, 0, 0, 0.08);
}}
.st-key-help_now_bar button:hover {{ background: #fdebdd; color: #6f2e12; border-color: #8a3a17; }}
/* A chosen chip (an emotion, a number on a scale) is filled, with a tick: not just a thinner outline. */
button[data-variant="pills"][aria-checked="true"] {{
  background: #2f7d6d !important; border-color: #2f7d6d !important; color: #ffffff !important;
}}
button[data-variant="pills"][aria-checked="true"] p {{ color: #ffffff !important; }}
button[data-variant="pills"][aria-checked="true"] p::before {{ content: "✓ "; }}
/* The sidebar toggle gets a word beside its arrows. */
[data-testid="stExpandSidebarButton"] {{ gap: 0.25rem; }}
[data-testid="stExpandSidebarButton"]::after {{ content: "Menu"; font-size: 0.9rem; }}
/* On a phone the page title clears the header bar and its help button, and titles are a size smaller. */
@media (max-width: {NARROW}) {{
  .stMainBlockContainer {{ padding-top: 4.25rem; }}
  h1 {{ font-size: 2rem !important; }}
}}
</style>
"""

_SCRIPT = f"""
<script>
(function () {{
  if (window.havenShell) return;
  window.havenShell = true;
  const narrow = window.matchMedia("(max-width: {NARROW})");
  const opensAPage = '[data-testid="stSidebarNavLink"], [class*="{NAVIGATES}"] button';
  document.addEventListener("click", function (event) {{
    if (!narrow.matches || !event.target.closest || !event.target.closest(opensAPage)) return;
    setTimeout(function () {{
      const close = document.querySelector('[data-testid="stSidebarCollapseButton"] button');
      if (close && close.getAttribute("aria-expanded") === "true") close.click();
    }}, 120);
  }}, true);
}})();
</script>
"""


def draw_shell() -> None:
    """The header's style and the narrow-screen sidebar behaviour; call once per run, before the page."""
    st.html(_STYLE)
    with st.sidebar:
        st.html(_SCRIPT, unsafe_allow_javascript=True)
