#!/bin/sh
# One-line messages for what a fresh machine may lack, instead of a traceback.
PYTHON=${1:-python3}
if ! command -v "$PYTHON" >/dev/null 2>&1; then
  echo "error: '$PYTHON' not found: install Python 3.11 or newer (or run make PYTHON=/path/to/python3.11)." >&2
  exit 1
fi
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "error: $("$PYTHON" -V 2>&1) is too old: install Python 3.11 or newer (or run make PYTHON=/path/to/python3.11)." >&2
  exit 1
fi
if ! "$PYTHON" -c 'import venv, ensurepip' 2>/dev/null; then
  echo "error: Python's venv module is missing: install it (Debian/Ubuntu: sudo apt install python3-venv), then run make again." >&2
  exit 1
fi
