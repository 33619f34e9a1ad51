"""Temporary alias of scripts/website.py (kept while pages are being written)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from website import main

sys.exit(main())
