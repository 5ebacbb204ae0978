"""notebooks/avaliacao.ipynb executed with Papermill on the example data: what the reader sees."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser

import nbformat
import pandas as pd
import papermill as pm
import pytest
from apoio.caminhos import EXEMPLO, RAIZ
from apoio.texto_pagina import sem_hifens, texto_das_saidas

from cras_lib.calculo.indicadores import CATALOGO, parametros_da_avaliacao
from cras_lib.calculo.indicadores.avaliacao import avaliar
from cras_lib.dados.municipio import carregar_municipio
from cras_lib.documentos import avaliacao
from cras_lib.documentos.avaliacao import apresentacao as ap

CADERNO = RAIZ / "notebooks" / "avaliacao.ipynb"
PARAMETROS_ESPERADOS = {
    "dados": "data/exemplo",
    "params": "params/avaliacao.yaml",
    "municipio_nome": "Vale Serrano",
    "uf": "MG",
    "inicio": "2025-01",
    "fim": "2025-12",
    "comparacao_inicio": "2024-01",
    "comparacao_fim": "2024-12",
    "limiar_supressao": 5,
}
LEGENDA_QUADRO = "Indicadores de avaliação"


class _Tabelas(HTMLParser):
    """Caption, header and rows of every <table> of an HTML fragment (text unescaped)."""

    def __init__(self):
        super().__init__()
        self.tabelas: list[dict] = []
        self._celula: list[str] | None = None
        self._linha: list[str] | None = None
        self._legenda: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tabelas.append({"legenda": "", "cabecalho": [], "linhas": []})
        elif tag == "caption":
            self._legenda = []
        elif tag == "tr":
            self._linha = []
        elif tag in ("td", "th"):
            self._celula = []

    def handle_endtag(self, tag):
        if tag == "caption":
            self.tabelas[-1]["legenda"] = "".join(self._legenda)
            self._legenda = None
        elif tag in ("td", "th"):
            self._linha.append("".join(self._celula))
            self._celula = None
        elif tag == "tr":
            destino = "cabecalho" if not self.tabelas[-1]["cabecalho"] else "linhas"
            if destino == "cabecalho":
                self.tabelas[-1]["cabecalho"] = self._linha
            else:
                self.tabelas[-1]["linhas"].append(self._linha)
            self._linha = None

    def handle_data(self, data):
        for destino in (self._celula, self._legenda):
            if destino is not None:
                destino.append(data)


def _executar(destino, **parametros):
    pm.execute_notebook(
        str(CADERNO),
        str(destino),
        parameters=parametros,
        kernel_name="python3",
        cwd=str(RAIZ),
        progress_bar=False,
    )
    return nbformat.read(destino, as_version=4)


def _saidas(caderno, tipo: str) -> list[str]:
    textos = []
    for celula in caderno.cells:
        for saida in celula.get("outputs", []):
            valor = saida.get("data", {}).get(tipo)
            if valor:
                textos.append(sem_hifens(valor if isinstance(valor, str) else "".join(valor)))
    return textos


def _texto_visivel(caderno) -> str:
    """Every output (one HTML output per section), embedded images removed."""
    html = "\n".join(_saidas(caderno, "text/html"))
    html = re.sub(r'src="data:image/png;base64,[^"]*"', "", html)
    return html


@pytest.fixture(scope="module")
def executado(execucao_exemplo):
    """The evaluation as the session's one ``cras run`` of the example executed it (the parameters of
    params/exemplo.yaml are the notebook's defaults, ``PARAMETROS_ESPERADOS``)."""
    return execucao_exemplo.caderno("avaliacao")


def test_celula_de_parametros_tem_os_nomes_e_padroes_do_documento():
    caderno = nbformat.read(CADERNO, as_version=4)
    primeira = caderno.cells[0]
    assert "parameters" in primeira.metadata.get("tags", [])
    valores: dict = {}
    exec(primeira.source, {}, valores)  # plain assignments only
    assert valores == PARAMETROS_ESPERADOS


def test_caderno_e_fino_so_chama_a_biblioteca_e_exibe():
    caderno = nbformat.read(CADERNO, as_version=4)
    montar, *secoes = caderno.cells[1:]
    assert "d = doc.montar(" in montar.source
    assert [c.source for c in secoes] == [f"exibir(doc.{s.__name__}(d))" for s in avaliacao.SECOES]
    for celula in caderno.cells[1:]:
        assert celula.cell_type == "code", celula.source
        assert not re.search(r"^\s*(def|class|for|if|while)\b|\bif\b", celula.source, re.M), celula.source
        assert not celula.outputs and celula.execution_count is None


@pytest.mark.lento
def test_quadro_exibido_e_igual_ao_do_catalogo_e_toda_formula_aparece(executado):
    tabelas = _Tabelas()
    tabelas.feed("\n".join(_saidas(executado, "text/html")))
    quadro = next(t for t in tabelas.tabelas if t["legenda"].startswith(LEGENDA_QUADRO))
    av = avaliar(
        carregar_municipio(EXEMPLO), "2025-01", "2025-12",
        parametros_da_avaliacao(RAIZ / "params" / "avaliacao.yaml"), "2024-01", "2024-12",
    )  # fmt: skip
    esperado = ap.tabela_indicadores(av.quadro, 5)
    assert quadro["cabecalho"] == ["Indicador", "Valor", "Meta", "Situação", "Variação"]
    exibido = pd.DataFrame(quadro["linhas"], columns=quadro["cabecalho"])
    assert list(exibido["Valor"]) == list(esperado["Valor"]) and list(exibido["Meta"]) == list(
        esperado["Meta"]
    )
    assert [i.rsplit("(", 1)[1].rstrip(")").split("; ")[-1] for i in exibido["Indicador"]] == list(CATALOGO)
    detalhes = next(t for t in tabelas.tabelas if t["legenda"].startswith("Como cada indicador é calculado"))
    detalhado = pd.DataFrame(detalhes["linhas"], columns=detalhes["cabecalho"])
    assert list(detalhado["Fórmula"]) == [i.formula for i in CATALOGO.values()]
    assert list(detalhado["Numerador"]) == list(esperado["Numerador"])
    assert all(len(f) > 10 for f in detalhado["Fórmula"])


@pytest.mark.lento
def test_documento_tem_metodo_dimensoes_tendencias_ranking_comparacao_e_conclusoes(executado):
    texto = texto_das_saidas(executado)
    for titulo in ("Método", "Eficácia", "Eficiência", "Impacto", "Evolução mensal", "indicadores-chave",
                   "Comparação com 2024", "Conclusões"):  # fmt: skip
        assert re.search(rf"^##+ .*{titulo}", texto, re.M), titulo
    html = "\n".join(_saidas(executado, "text/html"))
    assert html.count("<figure") >= 4 + sum(i.chave for i in CATALOGO.values())
    # conclusions generated from the results: the CRAS below the 50 % goal of the SCFV are named
    assert "CRAS Nova Aurora" in texto.split("Conclusões", 1)[1]
    # SCFV-04 is named with the N of params/avaliacao.yaml (scfv.meses_permanencia: 6), never a literal "N"
    assert "### SCFV-04 — Permanência no SCFV após 6 meses" in texto
    assert "após N meses" not in _texto_visivel(executado)


@pytest.mark.lento
def test_saidas_limpas_sem_nan_none_nat_inf_nem_prints(executado):
    texto = _texto_visivel(executado)
    assert not re.findall(r"\b(nan|NaN|None|NaT|inf|<NA>)\b", texto)
    for celula in executado.cells:
        tipos = {s["output_type"] for s in celula.get("outputs", [])}
        assert tipos <= {"display_data"}, tipos  # no stream (print/warnings), no error, no raw repr


@pytest.mark.lento
def test_nenhum_dado_pessoal_nas_saidas(executado):
    m = carregar_municipio(EXEMPLO)
    texto = _texto_visivel(executado) + json.dumps(executado.metadata)
    pessoais = set()
    for tabela in (m.scfv_participantes, m.inclusao_produtiva, m.equipes):
        for coluna in ("nome", "cpf", "nis"):
            if coluna in tabela.columns:
                pessoais |= {str(v) for v in tabela[coluna].dropna().unique() if len(str(v)) >= 6}
    datas = m.scfv_participantes["data_nascimento"].dropna()
    pessoais |= set(datas.dt.strftime("%d/%m/%Y")) | set(datas.dt.strftime("%Y-%m-%d"))
    assert pessoais
    assert not [p for p in pessoais if p in texto]


@pytest.mark.lento
def test_sem_arquivos_opcionais_as_secoes_dizem_e_sao_puladas(tmp_path):
    dados = tmp_path / "dados"
    dados.mkdir()
    for nome in ("unidades.csv", "rma_cras.csv", "equipes.csv"):
        shutil.copy(EXEMPLO / nome, dados / nome)
    caderno = _executar(tmp_path / "saida.ipynb", dados=str(dados))
    texto = texto_das_saidas(caderno)
    assert (
        "parte omitida porque o registro do Programa de Inclusão Produtiva não está na pasta de dados"
        in texto
    )
    assert "o registro de frequência do SCFV não está" in texto
    assert not re.findall(r"\b(nan|None|NaT|inf)\b", _texto_visivel(caderno))
