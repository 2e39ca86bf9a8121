"""Privacy you can verify: encryption at rest, export / import / delete of everything, offline and silent.

Services over the storage layer; the Settings page, the lock screen and ``haven export|import|delete`` call
them. Nothing here imports streamlit. Names load on first use, so ``enforce_offline()`` can run first thing
at start-up without pulling in the database stack.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from haven.privacy.offline import enforce_offline

_WHERE = {
    "CONFIRM_WORD": "deletion",
    "delete_everything": "deletion",
    "FORMAT_VERSION": "export_format",
    "InvalidExport": "export_format",
    "ExportSummary": "exporting",
    "check_ins_csv": "exporting",
    "export_document": "exporting",
    "export_json": "exporting",
    "write_export": "exporting",
    "ImportReport": "importing",
    "import_export": "importing",
    "import_file": "importing",
    "validate_export": "importing",
    "MIN_LENGTH": "passphrase",
    "DatabaseCorrupt": "passphrase",
    "DatabaseInUse": "passphrase",
    "NotEncrypted": "passphrase",
    "NotLocalDatabase": "passphrase",
    "PassphraseNeeded": "passphrase",
    "WeakPassphrase": "passphrase",
    "WrongPassphrase": "passphrase",
    "change_passphrase": "passphrase",
    "database_file": "passphrase",
    "is_encrypted": "passphrase",
    "is_locked": "passphrase",
    "remove_passphrase": "passphrase",
    "set_passphrase": "passphrase",
    "unlock": "passphrase",
    "change": ("passphrase", "change_passphrase"),
    "remove": ("passphrase", "remove_passphrase"),
}


def __getattr__(name: str) -> Any:
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module 'haven.privacy' has no attribute {name!r}")
    module, attribute = where if isinstance(where, tuple) else (where, name)
    return getattr(import_module(f"haven.privacy.{module}"), attribute)


__all__ = ["enforce_offline", *_WHERE]
