"""PostgreSQL row-level security for clinic mode: the database itself keeps each person's rows apart.

The policies come with migration 0004; this switches them on. Why here and not in the migration: a personal
deployment on PostgreSQL has profiles with no subject, which the policies would hide, so they apply only to
a database opened in clinic mode. FORCE makes them bind the tables' owner too, so the app may keep running
its own migrations under one role; only a superuser or a BYPASSRLS role escapes them, which is refused.
"""

from __future__ import annotations

from sqlalchemy import Engine, text

#: Every table holding a person's rows (or who they are, or what they shared): all under policies.
PROTECTED_TABLES = (
    "people", "check_ins", "assessments", "exercise_runs", "conversations", "chat_turns", "reviews", "shares",
    "access_log",
)  # fmt: skip


class RowSecurityBypassed(RuntimeError):
    """The database role Haven connects as would ignore row-level security (superuser or BYPASSRLS)."""


def role_bypasses_row_security(engine: Engine) -> bool:
    with engine.connect() as conn:
        return bool(
            conn.scalar(text("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user"))
        )


def tables_without_row_security(engine: Engine) -> list[str]:
    """Protected tables where row-level security is not both enabled and forced."""
    query = text(
        "SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace "
        "AND relname = ANY(:names) AND relrowsecurity AND relforcerowsecurity"
    )
    with engine.connect() as conn:
        done = set(conn.scalars(query, {"names": list(PROTECTED_TABLES)}))
    return [name for name in PROTECTED_TABLES if name not in done]


def enable_row_security(engine: Engine) -> None:
    """Switch the policies on (once: an ALTER TABLE takes a strong lock), and refuse a role that escapes them."""
    if engine.dialect.name != "postgresql":
        return
    if role_bypasses_row_security(engine):
        raise RowSecurityBypassed(
            "Clinic mode needs a database role that is neither a superuser nor BYPASSRLS, so that row-level "
            "security keeps each person's records apart. Connect HAVEN_DATABASE_URL as an ordinary role."
        )
    missing = tables_without_row_security(engine)
    if missing:
        with engine.begin() as conn:
            for table in missing:
                conn.execute(text(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY"))
                conn.execute(text(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY"))
