"""Shared test fixtures. Helpers live in the ``apoio`` package (tests never import each other)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from apoio.caminhos import EXEMPLO, RAIZ
from apoio.execucao import ExecucaoExemplo, executar_exemplo
from apoio.instalacao import Instalacao

from cras_lib.calculo import memoria
from cras_lib.execucao import lote

_INSTALACAO = pytest.StashKey[Instalacao]()


def pytest_collection_finish(session):
    """When the installation test is selected, start the fresh installation now, in the background, so that it
    runs while the other tests run (apoio/instalacao.py)."""
    if any(item.path.name == "test_instalacao.py" for item in session.items):
        pasta = Path(tempfile.mkdtemp(prefix="cras-instalacao-"))
        session.config.stash[_INSTALACAO] = Instalacao(pasta).iniciar()


def pytest_unconfigure(config):
    instalacao = config.stash.get(_INSTALACAO, None)
    if instalacao is not None:
        instalacao.encerrar()


@pytest.fixture(scope="session")
def instalacao(request) -> Instalacao:
    """The background installation started at collection (see ``pytest_collection_finish``)."""
    return request.config.stash[_INSTALACAO]


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


@pytest.fixture
def calculos_em_cache():
    """The calculations' declared cache (``cras_lib.calculo.memoria``) turned on, as in a warm kernel; off and
    empty again after the test."""
    memoria.cache.ativar()
    yield memoria.cache
    memoria.cache.desativar()
