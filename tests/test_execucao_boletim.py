"""The monthly run with the bulletin (stand-in notebooks of tests/notebooks_teste): the same month twice executes
nothing; the next month executes the new bulletin and the documents whose inputs changed, keeps the previous
bulletin published and listed; the manifest records the alerts by severity; alerts do not change the exit code
unless ``--falhar-com-alertas``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from apoio.caminhos import EXEMPLO
from apoio.execucao import documentos, escrever_params, rodar

from cras_lib.dados import exemplo as gerador
from cras_lib.execucao import cli, lote

pytestmark = pytest.mark.lento

MES_ANTERIOR = "2025-11"
SELECAO = ("--documentos", "boletim,avaliacao")


@pytest.fixture(autouse=True)
def biblioteca_fixa(monkeypatch):
    """The library's fingerprint held still (as in test_execucao_lote): only data and parameters change here."""
    monkeypatch.setattr(lote, "hash_biblioteca", lambda: "biblioteca-fixa")


def ate_novembro(origem: Path, destino: Path) -> Path:
    """The example as it was before December's RMA arrived (every 2025-12 form removed)."""
    shutil.copytree(origem, destino)
    rma = destino / "rma_cras.csv"
    linhas = rma.read_text(encoding="utf-8").splitlines(keepends=True)
    rma.write_text("".join(x for x in linhas if f";{gerador.MES_ALERTAS};" not in x), encoding="utf-8")
    return destino


def manifesto(saida: Path) -> dict:
    return json.loads((saida / "manifest.json").read_text(encoding="utf-8"))


def datas(saida: Path) -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for p in (saida / "html").rglob("*.html") if p.name != "index.html"}


def test_mes_a_mes(tmp_path, capsys):
    params = escrever_params(tmp_path)
    dados = ate_novembro(EXEMPLO, tmp_path / "dados")
    saida = tmp_path / "saida"

    # November: the bulletin of the last month of the RMA file, and the evaluation
    assert rodar(saida, dados, params, *SELECAO) == 0
    primeira = documentos(saida)
    assert {i: d["situacao"] for i, d in primeira.items()} == {
        "boletim/2025-11": "gerado",
        "avaliacao": "gerado",
    }
    assert (saida / "html" / "boletim" / "2025-11.html").is_file()
    # RMA-02 of CRAS Pedra Branca: A.2, B.1, B.2 and C.6 of November far from its history
    assert primeira["boletim/2025-11"]["alertas"] == {"grave": 0, "moderada": 4}

    # the same month again: nothing executed, every page untouched
    antes = datas(saida)
    assert rodar(saida, dados, params, *SELECAO) == 0
    assert {d["situacao"] for d in documentos(saida).values()} == {"inalterado"}
    assert datas(saida) == antes

    # December arrives: only the new bulletin and the documents whose input (rma_cras.csv) changed run
    shutil.copy(EXEMPLO / "rma_cras.csv", dados / "rma_cras.csv")
    capsys.readouterr()
    assert rodar(saida, dados, params, *SELECAO) == 0  # the bulletin has alerts: findings, not a failure
    terceira = documentos(saida)
    assert {i: (d["situacao"], d["nesta_execucao"]) for i, d in terceira.items()} == {
        "boletim/2025-12": ("gerado", True),
        "avaliacao": ("gerado", True),
        "boletim/2025-11": ("inalterado", False),  # last run's record, kept: not executed again
    }
    depois = datas(saida)
    novembro = saida / "html" / "boletim" / "2025-11.html"
    assert depois[novembro] == antes[novembro]  # the previous bulletin stays published, unchanged
    m = manifesto(saida)
    assert m["alertas"] == {"boletim/2025-12": {"grave": 3, "moderada": 7}}
    assert terceira["boletim/2025-12"]["alertas"] == {"grave": 3, "moderada": 7}

    # the index lists both bulletins, the most recent first, with their alerts
    indice = (saida / "html" / "index.html").read_text(encoding="utf-8")
    dezembro_na_pagina = indice.index('href="boletim/2025-12.html"')
    assert dezembro_na_pagina < indice.index('href="boletim/2025-11.html"')
    assert "3 alertas graves e 7 alertas moderados" in indice

    # --falhar-com-alertas: exit code 3 when there are severe alerts (nothing executed: same inputs)
    assert rodar(saida, dados, params, *SELECAO, "--falhar-com-alertas") == cli.SAIDA_ALERTAS
    assert {d["situacao"] for d in documentos(saida).values() if d["nesta_execucao"]} == {"inalterado"}
    assert "3 alertas graves" in capsys.readouterr().err


def test_falhar_com_alertas_conforme_a_gravidade(tmp_path):
    """November has only moderate alerts: 0 with the default (grave), 3 when moderate alerts count too."""
    params = escrever_params(tmp_path)
    dados = ate_novembro(EXEMPLO, tmp_path / "dados")
    saida = tmp_path / "saida"
    assert rodar(saida, dados, params, "--documentos", "boletim", "--falhar-com-alertas") == 0
    assert rodar(saida, dados, params, "--documentos", "boletim", "--falhar-com-alertas", "moderada") == 3


def test_mes_do_boletim_pelo_arquivo_de_execucao(tmp_path):
    """``boletim.mes_referencia`` chooses an earlier month: June 2025, when CRAS Pedra Branca did not report."""
    params = escrever_params(tmp_path)
    params.write_text(params.read_text(encoding="utf-8") + 'boletim: {mes_referencia: "2025-06"}\n', "utf-8")
    saida = tmp_path / "saida"
    assert rodar(saida, EXEMPLO, params, "--documentos", "boletim") == 0
    assert list(documentos(saida)) == ["boletim/2025-06"]
    assert manifesto(saida)["alertas"] == {"boletim/2025-06": {"grave": 1, "moderada": 0}}
