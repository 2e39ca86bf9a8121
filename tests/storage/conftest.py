"""The storage tests run twice: on SQLite (the default) and on PostgreSQL (a throw-away local server)."""

from __future__ import annotations

import pytest

from haven.storage.testing import TEST_DATABASE_URL_ENV


@pytest.fixture(autouse=True, params=["sqlite", "postgresql"])
def backend(request, monkeypatch):
    """Point the shared ``engine`` fixture (and ``fresh_engine``) at this test's database."""
    if request.param == "postgresql":
        server = request.getfixturevalue("postgres_server")
        monkeypatch.setenv(TEST_DATABASE_URL_ENV, server.create_database(_db_name(request.node.name)))
    else:
        monkeypatch.delenv(TEST_DATABASE_URL_ENV, raising=False)
    return request.param


def _db_name(test_name: str) -> str:
    import re
    import uuid

    return f"s_{re.sub(r'[^a-z0-9]', '_', test_name.lower())[:40]}_{uuid.uuid4().hex[:6]}"
