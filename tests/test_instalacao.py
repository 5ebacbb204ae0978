"""Installed as a package, not from the checkout: a clean ``git clone`` of the repository, ``pip install .``
(NOT editable) into a fresh virtual environment, then ``cras run`` from an unrelated folder produces the 18
documents of the example and the index.

The clone is of the committed ``HEAD`` (uncommitted edits are not in it, as on any other machine). The
environment is new and has no access to the running one's packages; pip resolves from its configured
indexes and caches, and skips byte-compilation (``--no-compile``) to save time.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from apoio.caminhos import RAIZ

pytestmark = pytest.mark.lento


def _rodar(comando: list, cwd: Path, timeout: float) -> subprocess.CompletedProcess:
    ambiente = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    resultado = subprocess.run(
        [str(c) for c in comando], cwd=cwd, env=ambiente, capture_output=True, text=True, timeout=timeout
    )
    assert resultado.returncode == 0, f"{comando}\n{resultado.stdout[-3000:]}\n{resultado.stderr[-3000:]}"
    return resultado


@pytest.fixture(scope="module")
def instalado(tmp_path_factory) -> dict[str, Path]:
    pasta = tmp_path_factory.mktemp("instalacao")
    clone, venv = pasta / "clone", pasta / "venv"
    _rodar(["git", "clone", "--quiet", RAIZ, clone], pasta, 120)
    _rodar([sys.executable, "-m", "venv", venv], pasta, 120)
    python = venv / "bin" / "python"
    _rodar([python, "-m", "pip", "install", "--quiet", "--no-compile", clone], pasta, 900)
    return {"pasta": pasta, "clone": clone, "python": python, "cras": venv / "bin" / "cras"}


def test_pacote_instalado_nao_e_o_checkout(instalado):
    origem = _rodar(
        [instalado["python"], "-c", "import cras_lib, sys; print(cras_lib.__file__); print(sys.prefix)"],
        instalado["pasta"],
        60,
    ).stdout.split()
    assert Path(origem[0]).is_relative_to(instalado["pasta"] / "venv")
    assert "site-packages" in Path(origem[0]).parts
    # the notebooks and the HTML templates travel as package data
    pacote = Path(origem[0]).parent
    assert sorted(p.name for p in (pacote / "notebooks").glob("*.ipynb")) == sorted(
        p.name for p in (RAIZ / "cras_lib" / "notebooks").glob("*.ipynb")
    )
    assert (pacote / "execucao" / "modelos" / "cras" / "index.html.j2").is_file()


def test_cras_run_de_outra_pasta_gera_os_18_documentos(instalado):
    fora = instalado["pasta"] / "outra-pasta"
    fora.mkdir()
    saida = instalado["pasta"] / "saida"
    clone = instalado["clone"]
    execucao = _rodar(
        [
            instalado["cras"],
            "run",
            "--dados",
            clone / "data" / "exemplo",
            "--params",
            clone / "params" / "exemplo.yaml",
            "--saida",
            saida,
        ],
        fora,
        900,
    )
    assert "18 documentos. Nesta execução: 18 gerados, 0 inalterados, 0 com falha." in execucao.stdout
    paginas = sorted(p.relative_to(saida / "html").as_posix() for p in (saida / "html").rglob("*.html"))
    assert len(paginas) == 19 and {"index.html", "plano-anual-scfv.html", "avaliacao.html"} <= set(paginas)
    assert len([p for p in paginas if p.startswith("cras/")]) == 16
    assert list(fora.iterdir()) == []  # nothing written where the command was started
