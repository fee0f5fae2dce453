"""Shared helpers: the repository's fixture pages (../../fixtures), read by relative path."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import pytest

#: The project's own fixture pages, next to python/ in the repository.
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


@dataclass
class Fixture:
    """One fixture folder: source.html, expected.txt and meta.json."""

    name: str
    source: bytes
    meta: dict[str, Any]
    expected: str = field(repr=False)

    @property
    def kind(self) -> str:
        return self.meta.get("kind", "article")

    @property
    def url(self) -> Optional[str]:
        return self.meta.get("url")

    @property
    def content_type(self) -> Optional[str]:
        return self.meta.get("content_type")

    @property
    def scope(self) -> str:
        return self.meta.get("scope", "article")


def load_fixtures() -> list[Fixture]:
    fixtures = []
    for folder in sorted(p for p in FIXTURES.iterdir() if (p / "meta.json").is_file()):
        expected = folder / "expected.txt"
        fixtures.append(
            Fixture(
                name=folder.name,
                source=(folder / "source.html").read_bytes(),
                meta=json.loads((folder / "meta.json").read_text(encoding="utf-8")),
                expected=expected.read_text(encoding="utf-8") if expected.is_file() else "",
            )
        )
    return fixtures


ALL_FIXTURES = load_fixtures()
ARTICLES = [f for f in ALL_FIXTURES if f.kind == "article"]
LISTINGS = [f for f in ALL_FIXTURES if f.kind == "listing"]
# The article pages that are articles in the default scope too (the others, such as a
# Hacker News-style story table, have their main content only with `scope="any"`).
DEFAULT_SCOPE_ARTICLES = [f for f in ARTICLES if f.scope == "article"]


def squash(text: str) -> str:
    """White space runs as one space, as the Rust fixture test compares snippets."""
    return " ".join(text.split())


@pytest.fixture(scope="session")
def fixtures() -> list[Fixture]:
    assert len(ALL_FIXTURES) > 40, f"fixture pages not found under {FIXTURES}"
    return ALL_FIXTURES
