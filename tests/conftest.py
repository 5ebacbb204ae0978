"""Shared test fixtures. Helpers live in the ``apoio`` package (tests never import each other)."""

from __future__ import annotations

from pathlib import Path

import pytest
from apoio.caminhos import EXEMPLO, RAIZ
from apoio.execucao import ExecucaoExemplo, executar_exemplo

from cras_lib.execucao import lote


@pytest.fixture(scope="session")
def raiz() -> Path:
    return RAIZ


@pytest.fixture(scope="session")
def exemplo() -> Path:
    return EXEMPLO


@pytest.fixture(scope="session")
def execucao_exemplo(tmp_path_factory) -> ExecucaoExemplo:
    """``cras run`` on data/exemplo with params/exemplo.yaml, ONCE per test session, shared by the runner, notebook
    and browser tests that only read its outputs. Tests must not change files under its output folder."""
    return executar_exemplo(tmp_path_factory.mktemp("exemplo"))


@pytest.fixture
def biblioteca_fixa(monkeypatch):
    """Runs that change data and parameters hold the library's own fingerprint still (``usefixtures``), so that an
    edit of cras_lib made while they run cannot re-execute what they expect to be skipped."""
    monkeypatch.setattr(lote, "hash_biblioteca", lambda: "biblioteca-fixa")
