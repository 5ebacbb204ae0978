"""The Plano Anual do SCFV notebook executed with Papermill on the example municipality: figures equal the
library's, two values worked out by hand from the raw CSV, the calendar of one group date by date, privacy (no
personal value, small counts suppressed) and the optional files absent."""

from __future__ import annotations

import csv
import math
import re
import shutil
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import papermill
import pytest
import yaml
from apoio.texto_pagina import html_das_saidas, sem_extenso, texto_das_saidas, texto_de_markdown

from cras_lib.apresentacao import formatacao as fmt
from cras_lib.apresentacao.origem_dos_dados import sem_nomes_de_arquivo
from cras_lib.calculo import scfv_plano as sp
from cras_lib.dados.municipio import carregar_municipio

RAIZ = Path(__file__).resolve().parent.parent
NOTEBOOK = RAIZ / "notebooks" / "plano_anual_scfv.ipynb"
EXEMPLO = RAIZ / "data" / "exemplo"
PARAMS = RAIZ / "params" / "plano_scfv.yaml"
REFERENCIA = "2025-12-31"

pytestmark = pytest.mark.lento


def executar(destino: Path, dados: Path) -> nbformat.NotebookNode:
    saida = destino / "plano.ipynb"
    papermill.execute_notebook(
        str(NOTEBOOK),
        str(saida),
        parameters={
            "dados": str(dados),
            "params": str(PARAMS),
            "ano_plano": 2026,
            "data_referencia": REFERENCIA,
        },
        kernel_name="python3",
        cwd=str(RAIZ),
        progress_bar=False,
    )
    return nbformat.read(saida, as_version=4)


def textos(nb) -> list[str]:
    """The HTML of every output, with embedded images removed (base64 is not text) and the soft hyphens of
    table cells (invisible) dropped."""
    return [re.sub(r'src="data:image/png;base64,[^"]*"', 'src=""', html) for html in html_das_saidas(nb)]


class _Tabelas(HTMLParser):
    """Tables of the outputs as {caption: [header, row, ...]} (cells as text)."""

    def __init__(self):
        super().__init__()
        self.tabelas: dict[str, list[list[str]]] = {}
        self._legenda = self._celula = None
        self._linha: list[str] | None = None
        self._atual: list[list[str]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._atual, self._legenda = [], ""
        elif tag == "caption":
            self._celula = ""
        elif tag == "tr":
            self._linha = []
        elif tag in ("td", "th"):
            self._celula = ""

    def handle_endtag(self, tag):
        if tag == "caption":
            self._legenda, self._celula = self._celula, None
        elif tag in ("td", "th"):
            self._linha.append(self._celula)
            self._celula = None
        elif tag == "tr":
            self._atual.append(self._linha)
        elif tag == "table":
            self.tabelas[self._legenda] = self._atual

    def handle_data(self, data):
        if self._celula is not None:
            self._celula += data


def tabela(nb, inicio_legenda: str) -> list[dict[str, str]]:
    parser = _Tabelas()
    for texto in textos(nb):
        parser.feed(texto)
    legendas = [k for k in parser.tabelas if k.startswith(inicio_legenda)]
    legenda = inicio_legenda if inicio_legenda in legendas else legendas[0]
    assert len(legendas) == 1 or legenda == inicio_legenda, legendas
    cabecalho, *linhas = parser.tabelas[legenda]
    return [dict(zip(cabecalho, linha, strict=True)) for linha in linhas]


def _ler(nome: str) -> list[dict[str, str]]:
    with open(EXEMPLO / nome, encoding="utf-8", newline="") as arquivo:
        return list(csv.DictReader(arquivo, delimiter=";"))


@pytest.fixture(scope="module")
def executado(execucao_exemplo):
    """The plan as the session's one ``cras run`` of the example executed it (params/exemplo.yaml: 2026, situation
    on 2025-12-31, params/plano_scfv.yaml)."""
    return execucao_exemplo.caderno("plano-anual-scfv")


@pytest.fixture(scope="module")
def plano():
    m = carregar_municipio(EXEMPLO)
    return sp.planejar(m, sp.parametros_do_plano(PARAMS), 2026, REFERENCIA, "MG")


def test_executa_sem_erros_nem_avisos(executado):
    saidas = [saida for celula in executado.cells for saida in celula.get("outputs", [])]
    for saida in saidas:
        assert saida["output_type"] not in ("error", "stream"), saida
    # one output per section: the header, sections 1 to 9 and the notes
    assert len(saidas) == len([c for c in executado.cells if "exibir(" in c.source]) == 11
    lido = texto_das_saidas(executado)
    titulos = ["## 1. Apresentação", "## 2. Base legal", "## 3. Diagnóstico por território",
               "## 4. Metas para 2026", "## 5. Público prioritário", "## 6. Calendário de 2026",
               "## 7. Equipe: orientadores sociais", "## 8. O que precisa de ação", "## 9. O plano e o IDCRAS",
               "## Notas de método"]  # fmt: skip
    posicoes = [lido.index(t) for t in titulos]
    assert posicoes == sorted(posicoes)
    texto = "\n".join(textos(executado))
    # the IDCRAS section adds one; the goals section the table of changes and the cost table; the actions
    # section the busca ativa per group
    assert texto.count("<figure") == 2 and texto.count("<table") == 14


def test_figuras_iguais_as_da_biblioteca(executado, plano):
    resumo = sp.resumo_plano(plano)
    texto = "\n".join(textos(executado))
    assert (
        f"o plano prevê {fmt.plural(resumo['meta_total'], 'vaga')} em "
        f"{fmt.plural(resumo['grupos_planejados'], 'grupo')}" in texto
    )
    por_cras = {r["CRAS"]: r for r in tabela(executado, "Metas de 2026 por CRAS")}
    for r in plano.metas_cras.itertuples(index=False):
        linha = por_cras[plano.nomes_cras[r.id_cras]]
        assert linha["Meta de atendimento"] == fmt.inteiro(r.meta)
        assert linha["Grupos"] == fmt.inteiro(r.grupos)
        assert linha["Vagas do público prioritário"] == fmt.inteiro(r.vagas_prioritarias)
        assert linha["Vagas prioritárias a preencher (soma dos ciclos)"] == fmt.inteiro(r.lacuna_prioritaria)
    total = por_cras["Total do município"]
    assert total["Meta de atendimento"] == fmt.inteiro(resumo["meta_total"])
    assert total["Grupos"] == fmt.inteiro(resumo["grupos_planejados"])
    situacao = {r["CRAS"]: r for r in tabela(executado, "Situação do SCFV por CRAS")}
    for r in plano.situacao_cras.itertuples(index=False):
        linha = situacao[plano.nomes_cras[r.id_cras]]
        assert linha["Prioritário / capacidade"] == fmt.percentual(r.prioritarios_sobre_capacidade)
        assert linha["Ocupação"] == fmt.percentual(r.ocupacao)
        assert linha["Taxa de frequência"] == fmt.percentual(r.taxa_frequencia)
    orientadores = {r["CRAS"]: r for r in tabela(executado, "Horas semanais de orientador social")}
    for r in plano.orientadores.itertuples(index=False):
        assert orientadores[plano.nomes_cras[r.id_cras]]["Horas semanais necessárias"] == fmt.numero(
            r.horas_necessarias
        )
    for acao in sp.o_que_precisa_de_acao(plano):  # the document spells acronyms out at first use
        assert texto_de_markdown(f"- {acao}") in sem_extenso(texto_das_saidas(executado))


def _cras_por_nome(nome: str) -> str:
    return next(u["id_cras"] for u in _ler("unidades.csv") if u["nome"] == nome)


def _ativos(id_cras: str) -> list[dict[str, str]]:
    """Users of the CRAS active on 2025-12-31: entry on or before it, no exit or an exit after it."""
    return [
        p
        for p in _ler("scfv_participantes.csv")
        if p["id_cras"] == id_cras
        and p["data_entrada"] <= REFERENCIA
        and (not p["data_saida"] or p["data_saida"] > REFERENCIA)
    ]


def test_participacao_prioritaria_de_um_cras_calculada_a_mao(executado):
    # CRAS Boa Esperança (seed 2026): 60 active users in the público prioritário; its groups' capacities sum
    # to 145 -> 60 / 145 = 0,41379... -> "41,4 %", below the 50 % goal.
    id_cras = _cras_por_nome("CRAS Boa Esperança")
    prioritarios = sum(1 for p in _ativos(id_cras) if p["situacoes_prioritarias"].strip())
    capacidade = sum(int(g["capacidade"]) for g in _ler("scfv_grupos.csv") if g["id_cras"] == id_cras)
    esperado = fmt.percentual(prioritarios / capacidade)
    linha = next(
        r for r in tabela(executado, "Situação do SCFV por CRAS") if r["CRAS"] == "CRAS Boa Esperança"
    )
    assert linha["Prioritário / capacidade"] == esperado
    assert linha["Público prioritário"] == fmt.inteiro(prioritarios)
    assert prioritarios / capacidade < 0.5
    assert "<strong>CRAS Boa Esperança</strong>: o público prioritário ocupa " + esperado in "\n".join(
        textos(executado)
    )


def test_grupos_de_um_ciclo_calculados_a_mao(executado):
    # CRAS Boa Esperança, 6 a 15 anos (seed 2026): 48 active users in its 6_a_15 groups, capacity 50, 1.004
    # people of 6 to 15 in the CadÚnico of 2025-12; cobertura-alvo 4 % -> ceil(40,16) = 41; meta = max(48,
    # min(max(50, 41), 1004)) = 50 -> ceil(50 / 15) = 4 groups; ceil(0,5 × 50) = 25 places.
    id_cras = _cras_por_nome("CRAS Boa Esperança")
    grupos = {g["id_grupo"]: g for g in _ler("scfv_grupos.csv") if g["id_cras"] == id_cras}
    do_ciclo = {i for i, g in grupos.items() if g["ciclo"] == "6_a_15"}
    ativos = sum(1 for p in _ativos(id_cras) if p["id_grupo"] in do_ciclo)
    capacidade = sum(int(grupos[i]["capacidade"]) for i in do_ciclo)
    cadunico = next(
        c
        for c in _ler("cadunico_territorios.csv")
        if c["id_cras"] == id_cras and c["mes_referencia"] == "2025-12"
    )
    populacao = int(cadunico["pessoas_6_15"])
    ciclo = yaml.safe_load(PARAMS.read_text(encoding="utf-8"))["ciclos"]["6_a_15"]
    alvo = math.ceil(round(ciclo["cobertura_alvo"] * populacao, 9))
    meta = max(ativos, min(max(capacidade, alvo), populacao))
    grupos_planejados = math.ceil(meta / ciclo["tamanho_grupo"])
    linha = next(
        r
        for r in tabela(executado, "Metas de 2026 por CRAS e ciclo")
        if r["CRAS"] == "CRAS Boa Esperança" and r["Ciclo"] == "Crianças e adolescentes de 6 a 15 anos"
    )
    assert linha["Meta de atendimento"] == fmt.inteiro(meta)
    assert linha["Grupos"] == fmt.inteiro(grupos_planejados)
    assert linha["Vagas do público prioritário"] == fmt.inteiro(math.ceil(meta / 2))


def test_calendario_de_um_grupo_terca_e_quinta(executado):
    # 6 a 15 anos meets on Tuesdays and Thursdays (params).
    # April 2026: Tue 7, 14, 21 (Tiradentes), 28 and Thu 2, 9, 16, 23, 30 -> 2, 7, 9, 14, 16, 23, 28, 30.
    # September: 08/09 is the municipal anniversary (params) -> Tue 1, 15, 22, 29 and Thu 3, 10, 17, 24.
    # November: holidays fall on Mon 02, Sun 15, Fri 20 -> Tue 3, 10, 17, 24 and Thu 5, 12, 19, 26.
    # December: Tue 1, 8 (padroeira, params), 15 and Thu 3, 10, 17; recesso from 21/12 (params).
    dias = {r["Mês"]: r for r in tabela(executado, "Dias do mês com encontro, por ciclo")}
    ciclo = "Crianças e adolescentes de 6 a 15 anos"
    assert dias["abril de 2026"][ciclo] == "2, 7, 9, 14, 16, 23, 28, 30"
    assert dias["setembro de 2026"][ciclo] == "1, 3, 10, 15, 17, 22, 24, 29"
    assert dias["novembro de 2026"][ciclo] == "3, 5, 10, 12, 17, 19, 24, 26"
    assert dias["dezembro de 2026"][ciclo] == "1, 3, 10, 15, 17"
    feriados = {r["Data"]: r for r in tabela(executado, "Feriados de 2026 que caem em dia de encontro")}
    assert "Tiradentes" in feriados["21/04/2026"]["Feriado"]
    assert ciclo in feriados["08/09/2026"]["Ciclos sem encontro no dia"]


def test_nenhum_dado_pessoal_e_contagens_pequenas_suprimidas(executado):
    texto = "\n".join(textos(executado))
    pessoais = set()
    for p in _ler("scfv_participantes.csv"):
        pessoais |= {p["nome"], p["nis"], p["cpf"], p["data_nascimento"]}
        nascimento = date.fromisoformat(p["data_nascimento"])
        pessoais.add(nascimento.strftime("%d/%m/%Y"))
    for e in _ler("equipes.csv"):
        pessoais |= {e["nome"], e["cpf"]}
    vazados = sorted(v for v in pessoais - {""} if v in texto)
    assert vazados == []
    # CRAS Vale Verde, 18 a 29 anos: 3 active users (the example's small group) -> "< 5"
    linha = next(
        r
        for r in tabela(executado, "Metas de 2026 por CRAS e ciclo")
        if r["CRAS"] == "CRAS Vale Verde" and r["Ciclo"] == "Jovens de 18 a 29 anos"
    )
    assert linha["Usuários ativos"] == "< 5"
    assert not re.search(r"\b(nan|NaN|None|NaT)\b|<NA>", texto)


def executar_sem(tmp_path: Path, *ausentes: str) -> str:
    """Execute on a copy of the example without the files ``ausentes``; the outputs' text, checked clean."""
    dados = tmp_path / "dados"
    shutil.copytree(EXEMPLO, dados)
    for arquivo in ausentes:
        (dados / arquivo).unlink()
    nb = executar(tmp_path, dados)
    for celula in nb.cells:
        assert all(s["output_type"] not in ("error", "stream") for s in celula.get("outputs", []))
    texto = "\n".join(textos(nb))
    assert not re.search(r"\b(nan|NaN|None|NaT)\b|<NA>", texto)
    for arquivo in ausentes:
        frase = sem_nomes_de_arquivo(f"parte omitida porque o arquivo `{arquivo}` não está na pasta de dados")
        assert frase in texto  # the data the file holds, not its name (text for the council)
    return texto


def test_sem_cadunico_e_sem_frequencia(tmp_path):
    texto = executar_sem(tmp_path, "cadunico_territorios.csv", "scfv_frequencia.csv")
    assert "Obter os dados do CadÚnico por território" in texto
    assert "Pessoas do ciclo no CadÚnico" not in texto


def test_sem_lista_de_usuarios(tmp_path):
    texto = executar_sem(tmp_path, "scfv_participantes.csv")
    assert "Enviar a lista de usuários do SCFV" in texto
    # the current situation is skipped; the goals still come from the groups' capacity and the CadÚnico
    assert "Situação do SCFV por CRAS" not in texto
    assert "Metas de 2026 por CRAS e ciclo de vida" in texto
