"""Where the shared development records are, and fixtures built on them.

Tests read the real records from ../shared (or UNSC_SHARED_DIR) and skip with a
visible reason where they are absent; only the Chinese seed ships with the project.
"""
import os
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("UNSC_SHARED_DIR", PROJECT.parent / "shared"))
SEED = PROJECT / "samples" / "S_PV.9589_zh.txt"


def shared_path(*parts):
    """A path under ../shared, or a skip saying what is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not found: {path} (set UNSC_SHARED_DIR)")
    return path


def english_pdfs():
    folder = SHARED / "records" / "en" / "pdf"
    return sorted(folder.glob("*.pdf")) if folder.exists() else []
