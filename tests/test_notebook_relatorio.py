"""The per-CRAS report notebook executed for EVERY CRAS of the example data (by the session's one ``cras run``,
whose warm pool reuses kernels), plus one run on the notebook's defaults and one run without the optional files: key figures equal the library's, no
personal value of the inputs and no missing-value word reaches any output."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import nbformat
import papermill
import pytest
from apoio.texto_pagina import html_das_saidas, sem_extenso, texto_das_saidas, texto_de_markdown
from jupyter_client.manager import KernelManager

from cras_lib.apresentacao.formatacao import inteiro, percentual
from cras_lib.apresentacao.redacao import contagem
from cras_lib.calculo.periodo import Periodo
from cras_lib.dados.municipio import carregar_municipio
from cras_lib.documentos.relatorio_cras import texto
from cras_lib.documentos.relatorio_cras.fatos import PlanoEquipe, fatos_cras, numeros_chave

RAIZ = Path(__file__).resolve().parent.parent
NOTEBOOK = RAIZ / "notebooks" / "relatorio_cras.ipynb"
EXEMPLO = RAIZ / "data" / "exemplo"
PERIODO = {"inicio": "2025-01", "fim": "2025-12", "comparacao_inicio": "2024-01", "comparacao_fim": "2024-12"}
OBRIGATORIOS = ("unidades.csv", "rma_cras.csv", "equipes.csv")
PALAVRA = r"[^\W\d_]+"

pytestmark = [
    pytest.mark.lento,
]


def ids_cras() -> list[str]:
    with (EXEMPLO / "unidades.csv").open(encoding="utf-8-sig") as arquivo:
        return [linha["id_cras"] for linha in csv.DictReader(arquivo, delimiter=";")]


def visivel(saida: str) -> str:
    """What a reader of the HTML meets: the text and the images' alternative text, without tags and styles."""
    com_alt = re.sub(r'<img [^>]*alt="([^"]*)"[^>]*>', r" \1 ", saida)
    return re.sub(r"<[^>]+>", " ", com_alt)


def saidas(nb) -> list[str]:
    """The HTML of every output (what the shared HTML shows), embedded images removed."""
    return [re.sub(r'src="data:image/png;base64,[^"]*"', 'src=""', html) for html in html_das_saidas(nb)]


@pytest.fixture(scope="module")
def relatorios(execucao_exemplo) -> dict[str, nbformat.NotebookNode]:
    """Every CRAS report, as the session's one ``cras run`` of the example executed them (warm kernels reused
    across reports)."""
    return {id_cras: execucao_exemplo.caderno(f"cras/{id_cras}") for id_cras in ids_cras()}


def test_padroes_do_notebook_fora_do_repositorio(tmp_path, relatorios):
    """Run on the notebook's defaults in a kernel started outside the repository: the default relative data
    folder is found from the library's location, and the report is the first CRAS's of the example run."""
    km = KernelManager(kernel_name="python3")
    km.start_kernel(cwd=str(tmp_path))
    try:
        papermill.execute_notebook(
            str(NOTEBOOK), str(tmp_path / "padrao.ipynb"), kernel_name="python3", km=km, progress_bar=False
        )
    finally:
        km.shutdown_kernel(now=True)
    padrao = nbformat.read(tmp_path / "padrao.ipynb", as_version=4)
    primeiro = ids_cras()[0]
    assert f"(código {primeiro})" in "\n".join(saidas(padrao))
    corpo = [t for t in saidas(padrao) if "resumo-cras" in t]
    assert corpo and corpo == [t for t in saidas(relatorios[primeiro]) if "resumo-cras" in t]


def test_um_relatorio_por_cras_com_todas_as_partes(relatorios):
    assert list(relatorios) == ids_cras() and len(relatorios) == 16
    for id_cras, nb in relatorios.items():
        tudo, lido = "\n".join(saidas(nb)), texto_das_saidas(nb)
        for titulo in (*texto.TITULOS.values(), texto.TITULO_PONTOS):
            assert f"## {titulo}" in lido, (id_cras, titulo)
        assert '<section class="resumo-cras"' in tudo
        assert "<caption>Equipe de referência: mínimo da NOB-RH/SUAS e equipe do CRAS</caption>" in tudo
        figuras = re.findall(r'<figure class="grafico"><img src="" alt="([^"]+)"', tudo)
        assert 1 <= len(figuras) <= 4 and all(len(alt) > 40 for alt in figuras)
        assert f"(código {id_cras})" in tudo


def test_saidas_limpas(relatorios):
    """No error, no print, no warning in any cell; no missing-value word anywhere, and no 'sem dados' in the
    text (a chart's alternative text may say which months have no data: the reader cannot see the gap)."""
    ausentes = re.compile(r"\b(nan|none|nat|inf)\b|Traceback", re.IGNORECASE)
    for id_cras, nb in relatorios.items():
        for celula in nb.cells:
            tipos = {s["output_type"] for s in celula.get("outputs", [])}
            assert tipos <= {"display_data"}, (id_cras, tipos)
        for saida in saidas(nb):
            assert not ausentes.search(visivel(saida)), (id_cras, ausentes.search(visivel(saida)).group(0))
            assert "sem dados" not in re.sub(r"<[^>]+>", " ", saida), id_cras


def test_numeros_chave_do_primeiro_cras_conferem_com_a_biblioteca(relatorios):
    id_cras = ids_cras()[0]
    m = carregar_municipio(EXEMPLO)
    plano = PlanoEquipe.do_arquivo(RAIZ / "params" / "plano_scfv.yaml", 2026, "2025-12-31")  # the run's plan
    fatos = fatos_cras(m, id_cras, Periodo("2025-01", "2025-12"), Periodo("2024-01", "2024-12"), plano=plano)
    chave = numeros_chave(fatos)
    tudo, lido = "\n".join(saidas(relatorios[id_cras])), texto_das_saidas(relatorios[id_cras])
    assert texto.caixa_resumo_html(fatos) in tudo  # the summary box is exactly the library's
    assert f">{inteiro(chave['familias_referenciadas'])}</dd>" in tudo
    assert f">{contagem(chave['familias_acompanhamento_media'], 5)}</dd>" in tudo
    assert f">{inteiro(chave['atendimentos_individualizados'])}</dd>" in tudo
    assert f">{inteiro(chave['participantes_scfv'])}</dd>" in tudo
    assert f"público prioritário: {percentual(chave['parcela_prioritaria_scfv'])} das vagas" in tudo
    for secao in ("paif", "scfv", "equipe", "posicao"):  # the document spells acronyms out at first use
        assert texto_de_markdown(texto.secao(fatos, secao)) in sem_extenso(lido)
    for indicador, posicao in chave["posicoes"].items():
        if posicao is not None:
            nome = next(p.nome for p in fatos.posicoes if p.indicador == indicador)
            assert f"- {nome}: {posicao}ª posição entre" in lido


def _valores_pessoais() -> tuple[set[str], set[str]]:
    """(names, other personal values: cpf, nis, birth dates in both formats) read straight from the CSV files."""
    nomes, outros = set(), set()
    campos = {
        "equipes.csv": ("nome", "cpf"),
        "scfv_participantes.csv": ("nome", "cpf", "nis", "data_nascimento"),
        "inclusao_produtiva.csv": ("nome", "cpf"),
    }
    for arquivo, colunas in campos.items():
        with (EXEMPLO / arquivo).open(encoding="utf-8-sig") as f:
            for linha in csv.DictReader(f, delimiter=";"):
                for coluna in colunas:
                    valor = (linha.get(coluna) or "").strip()
                    if not valor:
                        continue
                    if (
                        coluna == "nome"
                    ):  # as words, the way the outputs are split ("Faz-de-Conta" -> 3 words)
                        nomes.add(" ".join(re.findall(PALAVRA, valor)))
                    elif coluna == "data_nascimento":
                        ano, mes, dia = valor.split("-")
                        outros.update({valor, f"{dia}/{mes}/{ano}"})
                    else:
                        outros.add(valor)
    return nomes, outros


def test_nenhum_dado_pessoal_nas_saidas(relatorios):
    nomes, outros = _valores_pessoais()
    assert len(nomes) > 100 and len(outros) > 100
    for id_cras, nb in relatorios.items():
        tudo = "\n".join(saidas(nb))  # tags and attributes included: nothing personal may hide in them either
        palavras = re.findall(PALAVRA, tudo)
        # every run of 2 to 7 words of the output, compared with the full names of the inputs
        trechos = {" ".join(palavras[i : i + n]) for n in range(2, 8) for i in range(len(palavras) - n + 1)}
        assert not trechos & nomes, (id_cras, sorted(trechos & nomes)[:3])
        numeros = set(re.findall(r"\d{4}-\d{2}-\d{2}|\d{2}/\d{2}/\d{4}|\d+", tudo))
        assert not numeros & outros, (id_cras, sorted(numeros & outros)[:3])


def test_sem_arquivos_opcionais(tmp_path):
    dados = tmp_path / "dados"
    dados.mkdir()
    for nome in OBRIGATORIOS:
        shutil.copy(EXEMPLO / nome, dados / nome)
    destino = tmp_path / "saida.ipynb"
    papermill.execute_notebook(
        str(NOTEBOOK),
        str(destino),
        parameters={"dados": str(dados), "id_cras": ids_cras()[1]},
        kernel_name="python3",
        cwd=str(RAIZ),
        progress_bar=False,
    )
    tudo = sem_extenso("\n".join(saidas(nbformat.read(destino, as_version=4))))
    for linha in (
        "Não há dados do SCFV deste CRAS no período.",
        "Não há dados do Programa de Inclusão Produtiva neste território no período.",
        "Não há dados do Cadastro Único para o território deste CRAS no período.",
    ):
        assert linha in tudo
    assert "Faltam" in tudo  # the team section still compares the roster with the NOB-RH minimum
    assert len(re.findall(r'<figure class="grafico">', tudo)) == 1  # only the RMA chart
