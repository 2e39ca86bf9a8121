"""The retrieval tests run on the embedded Chroma store and on a Chroma server (HAVEN_CHROMA_URL)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session", params=["embedded", "server"])
def library_search(request):
    from haven.config import get_settings
    from haven.retrieval.search import build_library_search, get_library_search

    if request.param == "embedded":
        return get_library_search()
    server = request.getfixturevalue("chroma_server")
    settings = get_settings().model_copy(update={"chroma_url": server.url, "collection": "haven-retrieval-tests"})
    return build_library_search(settings=settings)
