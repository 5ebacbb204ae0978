"""The monthly bulletin notebook executed with Papermill on the example municipality (its last month): every
section shown, every planted alert listed with what to check, charts with text alternatives, no personal
value. (The notebook's shape — thin, no outputs — is checked with the others in test_documentos.py.)"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import papermill
import pytest
from apoio.texto_pagina import html_das_saidas, texto_lido

from cras_lib.dados import exemplo as gerador
from cras_lib.dados.municipio import carregar_municipio

RAIZ = Path(__file__).resolve().parent.parent
NOTEBOOK = RAIZ / "notebooks" / "boletim_mensal.ipynb"
EXEMPLO = RAIZ / "data" / "exemplo"


@pytest.fixture(scope="module")
def executado(tmp_path_factory) -> str:
    saida = tmp_path_factory.mktemp("boletim") / "boletim.ipynb"
    papermill.execute_notebook(
        str(NOTEBOOK),
        str(saida),
        parameters={"dados": str(EXEMPLO), "params": str(RAIZ / "params" / "boletim.yaml")},
        kernel_name="python3",
        cwd=str(RAIZ),
        progress_bar=False,
    )
    nb = nbformat.read(saida, as_version=4)
    assert not [s for c in nb.cells for s in c.get("outputs", []) if s.get("name") == "stderr"]
    return "\n".join(re.sub(r'src="data:image/png;base64,[^"]*"', 'src=""', h) for h in html_das_saidas(nb))


@pytest.mark.lento
def test_boletim_do_ultimo_mes_do_exemplo(executado):
    assert "Boletim mensal da vigilância socioassistencial — dezembro de 2025" in executado
    lido = texto_lido(executado)
    for titulo in ("## 1. Envio do RMA", "## 2. Alertas", "## 3. O mês em números", "## 4. Serviço de"):
        assert titulo in lido
    assert "15 dos 16 CRAS enviaram o RMA; falta o RMA de CRAS Lagoa Seca." in executado
    assert "10 alertas nos dados de dezembro de 2025 (3 graves e 7 moderados)" in executado


@pytest.mark.lento
def test_cada_alerta_plantado_aparece_com_o_arquivo_a_verificar(executado):
    for codigo, _seq, _texto in gerador.ALERTAS_PLANTADOS:
        assert f"<td>{codigo}</td>" in executado
    assert "código 31799900051 (fora de unidades.csv)" in executado
    assert "C.1 = 1.976, fora da faixa esperada" in executado
    assert executado.count("Conferir em rma_cras.csv") >= 6
    assert "Conferir em scfv_frequencia.csv as presenças de dezembro de 2025" in executado


@pytest.mark.lento
def test_acessivel_e_sem_dados_pessoais(executado):
    assert executado.count("<caption>") >= 8
    figuras = re.findall(r'<img src="" alt="([^"]+)"', executado)
    assert len(figuras) == 5 and all(f.startswith("Gráficos de linhas, um por unidade") for f in figuras)
    m = carregar_municipio(EXEMPLO)
    pessoais = set(m.scfv_participantes["nome"].dropna()) | set(m.equipes["nome"].dropna())
    pessoais |= set(m.scfv_participantes["cpf"].dropna()) | set(m.scfv_participantes["nis"].dropna())
    assert not [p for p in pessoais if p in executado]
    assert "&lt; 5" in executado or "< 5" in executado  # the FRQ-01 alert's single user
