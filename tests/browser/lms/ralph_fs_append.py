"""Loaded at start-up in .venv-lrs only (ralph_fs_append.pth, installed by `make setup`).

Ralph 5.1.0's file-system LRS backend writes each POSTed statement with its default operation,
CREATE, into the one file fs_lrs.jsonl: the first statement is stored, every later POST fails
with 500 ("already exists and overwrite is not allowed"). Appending is what an LRS on a file
must do; everything else in Ralph (validation, auth, CORS, the statements API) is unchanged.
"""

from __future__ import annotations

try:
    from ralph.backends.data.base import BaseOperationType
    from ralph.backends.data.fs import FSDataBackend
except ImportError:  # pragma: no cover - the venv is being installed
    pass
else:
    FSDataBackend.default_operation_type = BaseOperationType.APPEND
