"""Shared test fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

RAIZ = Path(__file__).resolve().parent.parent
EXEMPLO = RAIZ / "data" / "exemplo"


@pytest.fixture(scope="session")
def raiz() -> Path:
    return RAIZ


@pytest.fixture(scope="session")
def exemplo() -> Path:
    return EXEMPLO
