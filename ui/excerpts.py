"""How the library's words are quoted on a page: a matched passage in a few lines (not the raw Markdown
list), and a document's sources as one link per publisher."""

from __future__ import annotations

EXCERPT_CHARS = 240  # a search result shows the matched passage in about three lines
EXCERPT_ITEMS = 3  # or, for a list, its first three items


def excerpt(passage: str, limit: int = EXCERPT_CHARS) -> str:
    """A passage in a few lines: a list reads as its first items in quotes ("I worry all day" · "My mind
    won't stop"), prose as its opening words up to ``limit`` characters, cut at a word."""
    lines = [line.strip() for line in passage.splitlines() if line.strip()]
    items = [line.lstrip("-*• ").strip() for line in lines if line[:1] in "-*•"]
    if len(items) >= max(2, len(lines) - 1):
        shown = " · ".join(f"“{item.rstrip('.')}”" for item in items[:EXCERPT_ITEMS])
        return shown + (" …" if len(items) > EXCERPT_ITEMS else "")
    text = " ".join(line.lstrip("-*• ") for line in lines)
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def publisher_links(references) -> str:
    """'[NHS](url) · [Mind](url)': each publisher once (its first page), in the document's order."""
    first: dict[str, str] = {}
    for ref in references:
        first.setdefault(ref.publisher, ref.url)
    return " · ".join(f"[{name}]({url})" for name, url in first.items())
