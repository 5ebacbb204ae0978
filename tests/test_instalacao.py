"""Installed as a package, not from the checkout: a clean ``git clone`` of the repository, ``pip install .``
(NOT editable) into a fresh virtual environment, then ``cras run`` from an unrelated folder produces every
document of the example (plan, evaluation, 16 CRAS reports, monthly boletim) and the index.

The steps run in the background from the start of the session (``apoio/instalacao.py``, started by
``conftest.py``); these tests wait for them. The clone is of the committed ``HEAD`` (uncommitted edits are not
in it, as on any other machine). The environment is new and has no access to the running one's packages.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from apoio.caminhos import RAIZ

pytestmark = pytest.mark.lento


@pytest.fixture(scope="module")
def instalado(instalacao):
    status = instalacao.esperar()
    assert status == 0, instalacao.registro.read_text(encoding="utf-8", errors="replace")[-5000:]
    print("tempos da instalação (s):", instalacao.tempos())
    return instalacao.pasta


def test_pacote_instalado_nao_e_o_checkout(instalado):
    python = instalado / "venv" / "bin" / "python"
    arquivo = subprocess.run(
        [python, "-c", "import cras_lib; print(cras_lib.__file__)"],
        cwd=instalado,
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "/usr/bin:/bin"},
    ).stdout.strip()
    pacote = Path(arquivo).parent
    assert pacote.is_relative_to(instalado / "venv") and "site-packages" in pacote.parts
    # the notebooks and the HTML templates travel as package data
    assert sorted(p.name for p in (pacote / "notebooks").glob("*.ipynb")) == sorted(
        p.name for p in (RAIZ / "cras_lib" / "notebooks").glob("*.ipynb")
    )
    assert (pacote / "execucao" / "modelos" / "cras" / "index.html.j2").is_file()


def test_cras_run_de_outra_pasta_gera_todos_os_documentos(instalado):
    saida = instalado / "saida"
    relato = (instalado / "cras_run.txt").read_text(encoding="utf-8")
    assert "19 documentos. Nesta execução: 19 gerados, 0 inalterados, 0 com falha." in relato
    paginas = sorted(p.relative_to(saida / "html").as_posix() for p in (saida / "html").rglob("*.html"))
    fixas = {"index.html", "plano-anual-scfv.html", "avaliacao.html", "boletim/2025-12.html"}
    assert len(paginas) == 20 and fixas <= set(paginas)
    assert len([p for p in paginas if p.startswith("cras/")]) == 16
    assert list((instalado / "outra-pasta").iterdir()) == []  # nothing written where the command was started
