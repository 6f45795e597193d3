"""``bench`` lives at the repository root, beside the packages, and is not installed: put the root on the path."""

import sys
from pathlib import Path

ROOT = str(Path(__file__).resolve().parents[2])
if ROOT not in sys.path:
    sys.path.append(ROOT)
