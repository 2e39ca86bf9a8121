"""Fixtures for the storage tests: an emptied database per test, PostgreSQL when HAVEN_TEST_DATABASE_URL is set."""

from __future__ import annotations



