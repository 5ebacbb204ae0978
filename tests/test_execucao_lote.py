"""Whole runs of ``cras run`` with small stand-in notebooks (tests/notebooks_teste): incremental runs, a CRAS
whose data breaks its report, the privacy guard, and the warm pool against a plain cold Papermill run."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import nbformat
import pytest
from apoio.caminhos import EXEMPLO, NOTEBOOKS_TESTE, RAIZ
from apoio.execucao import (
    CRAS_A,
    CRAS_B,
    CRAS_C,
    copiar_dados,
    documentos,
    equivalencia,
    escrever_params,
    rodar,
)

from cras_lib.execucao.executores import Tarefa, criar_executor

pytestmark = [pytest.mark.lento, pytest.mark.usefixtures("biblioteca_fixa")]


def remover_equipe(dados: Path, id_cras: str) -> None:
    """Drop every worker of one CRAS from equipes.csv: valid data, but the stand-in report needs a team."""
    arquivo = dados / "equipes.csv"
    linhas = arquivo.read_text(encoding="utf-8").splitlines(keepends=True)
    arquivo.write_text("".join(linha for linha in linhas if not linha.startswith(id_cras)), encoding="utf-8")


def test_execucao_incremental_executa_so_o_que_mudou(tmp_path, capsys):
    params = escrever_params(tmp_path)
    saida = tmp_path / "saida"
    selecao = ("--cras", CRAS_A, CRAS_B)
    assert rodar(saida, EXEMPLO, params, *selecao) == 0
    primeira = documentos(saida)
    assert {d["situacao"] for d in primeira.values()} == {"gerado"}
    datas = {p: p.stat().st_mtime_ns for p in (saida / "html").rglob("*.html") if p.name != "index.html"}
    assert len(datas) == 5  # plan, evaluation, 2 CRAS reports, the bulletin of the RMA's last month

    capsys.readouterr()
    assert rodar(saida, EXEMPLO, params, *selecao) == 0  # nothing changed: nothing executed
    assert "Nesta execução: 0 gerados, 5 inalterados, 0 com falha." in capsys.readouterr().out
    segunda = documentos(saida)
    assert {d["situacao"] for d in segunda.values()} == {"inalterado"}
    assert all(segunda[i]["ultima_geracao"] == primeira[i]["ultima_geracao"] for i in primeira)
    assert {p: p.stat().st_mtime_ns for p in datas} == datas
    indice = (saida / "html" / "index.html").read_text(encoding="utf-8")
    assert indice.count("Inalterado desde a última geração") == 5

    (tmp_path / "avaliacao.yaml").write_text(
        "metas: {PAIF-01: {meta: 0.9}}\n", encoding="utf-8"
    )  # only the evaluation uses it
    assert rodar(saida, EXEMPLO, params, *selecao) == 0
    assert {i: d["situacao"] for i, d in documentos(saida).items()} == {
        "plano-anual-scfv": "inalterado",
        "avaliacao": "gerado",
        f"cras/{CRAS_A}": "inalterado",
        f"cras/{CRAS_B}": "inalterado",
        "boletim/2025-12": "inalterado",
    }

    assert rodar(saida, EXEMPLO, params, *selecao, "--forcar") == 0
    assert {d["situacao"] for d in documentos(saida).values()} == {"gerado"}
    assert len(list((saida / "logs").glob("*.log"))) == 4  # one log per run


def test_cras_cujos_dados_quebram_o_relatorio_falha_sozinho(tmp_path, capsys):
    params = escrever_params(tmp_path)
    dados = copiar_dados(tmp_path / "dados")
    saida = tmp_path / "saida"
    selecao = ("--documentos", "avaliacao,cras", "--cras", CRAS_A, CRAS_B, CRAS_C)
    assert rodar(saida, dados, params, *selecao) == 0
    html_b = saida / "html" / "cras" / f"{CRAS_B}.html"
    notebook_b = saida / "notebooks" / "cras" / f"{CRAS_B}.ipynb"
    anterior_html, anterior_nb = html_b.read_bytes(), notebook_b.read_bytes()

    remover_equipe(dados, CRAS_B)
    capsys.readouterr()
    assert rodar(saida, dados, params, *selecao) == 1
    saidas = capsys.readouterr()
    assert f"Falharam: cras/{CRAS_B}" in saidas.out
    assert f"cras/{CRAS_B}: FALHOU — erro na célula" in saidas.err

    docs = documentos(saida)
    assert {i: d["situacao"] for i, d in docs.items()} == {
        "avaliacao": "gerado",
        f"cras/{CRAS_A}": "gerado",
        f"cras/{CRAS_B}": "falhou",
        f"cras/{CRAS_C}": "gerado",
    }
    erro = docs[f"cras/{CRAS_B}"]["erro"]
    assert (
        erro
        == "erro na célula [6] do notebook: ValueError: CRAS Santa Luzia: nenhum trabalhador em equipes.csv"
    )
    # the last good version stays published and recorded
    assert html_b.read_bytes() == anterior_html and notebook_b.read_bytes() == anterior_nb
    assert (
        docs[f"cras/{CRAS_B}"]["ultima_geracao"]["sha256_html"]
        == __import__("hashlib").sha256(anterior_html).hexdigest()
    )
    falha = nbformat.read(saida / "notebooks" / "cras" / f"{CRAS_B}.falha.ipynb", as_version=4)
    assert any(o.get("ename") == "ValueError" for c in falha.cells for o in c.get("outputs", []))
    indice = (saida / "html" / "index.html").read_text(encoding="utf-8")
    assert "Falhou nesta execução; mostrada a versão anterior" in indice
    # the index names the cell only: a Python exception (class name and message) stays in the log and manifest
    assert "erro na célula [6] do notebook (detalhes no registro da execução, em logs/)" in indice
    assert "ValueError" not in indice
    assert not list((saida / "html").rglob(".*"))  # no temporary file left in the shared folder

    # data mended back: the published version was made from exactly these inputs, so nothing is executed,
    # the index is green again and the obsolete diagnosis file goes away
    shutil.copy(EXEMPLO / "equipes.csv", dados / "equipes.csv")
    assert rodar(saida, dados, params, *selecao) == 0
    assert documentos(saida)[f"cras/{CRAS_B}"]["situacao"] == "inalterado"
    assert not (saida / "notebooks" / "cras" / f"{CRAS_B}.falha.ipynb").exists()


def test_dado_pessoal_nunca_chega_ao_html(tmp_path, capsys):
    """Two units named like people of the roster. The stand-in report prints the unit's name: the guard stops
    the first page; the second CRAS has no team, and its error message (which names the unit) is not shown."""
    params = escrever_params(tmp_path)
    dados = copiar_dados(tmp_path / "dados")
    linhas = (dados / "equipes.csv").read_text(encoding="utf-8").splitlines()
    pessoa_a, pessoa_b = linhas[1].split(";")[1], linhas[-1].split(";")[1]
    unidades = dados / "unidades.csv"
    texto = unidades.read_text(encoding="utf-8")
    unidades.write_text(
        texto.replace("CRAS Vila Nova", pessoa_a).replace("CRAS Santa Luzia", pessoa_b), encoding="utf-8"
    )
    remover_equipe(dados, CRAS_B)
    saida = tmp_path / "saida"
    assert rodar(saida, dados, params, "--documentos", "cras", "--cras", CRAS_A, CRAS_B, CRAS_C) == 1
    docs = documentos(saida)
    erro = docs[f"cras/{CRAS_A}"]["erro"]
    assert erro.startswith("o HTML contém dados pessoais das entradas (")
    assert erro.endswith("); o documento não foi publicado")
    # the analyst is told which field of which file matched, and where the page took it from
    assert (
        f"nome de equipes.csv (coluna 'nome'), presente em unidades.csv, coluna 'nome', id_cras {CRAS_A}"
        in erro
    )
    assert pessoa_a not in erro
    assert docs[f"cras/{CRAS_B}"]["erro"] == (
        "erro na célula [6] do notebook: (mensagem omitida por conter dados pessoais)"
    )
    assert sorted(p.name for p in (saida / "html" / "cras").iterdir()) == [f"{CRAS_C}.html"]
    indice = (saida / "html" / "index.html").read_text(encoding="utf-8")
    assert pessoa_a not in indice and pessoa_b not in indice  # the index names those documents by their id
    assert f"Documento cras/{CRAS_A}" in indice and "Relatório do CRAS Boa Esperança" in indice
    assert pessoa_b not in capsys.readouterr().err


def test_mesmas_entradas_dao_paginas_identicas(tmp_path):
    """Same inputs and parameters, same pages: two runs (the second with the cold executor) give byte-identical
    HTML except for the generation time in the footer. Papermill draws a random id for the injected-parameters
    cell, which the HTML template writes into the page; the runner's engine fixes it."""
    params = escrever_params(tmp_path)
    paginas = []
    for saida, executor in ((tmp_path / "a", "local"), (tmp_path / "b", "frio")):
        assert rodar(saida, EXEMPLO, params, "--cras", CRAS_A, "--executor", executor) == 0
        paginas.append(
            {
                p.relative_to(saida).as_posix(): re.sub(
                    r"Gerado em [^<]*? por cras-lib",
                    "Gerado em (hora) por cras-lib",
                    p.read_text(encoding="utf-8"),
                )
                for p in (saida / "html").rglob("*.html")
                if p.name != "index.html"
            }
        )
    assert sorted(paginas[0]) == [
        "html/avaliacao.html",
        "html/boletim/2025-12.html",
        f"html/cras/{CRAS_A}.html",
        "html/plano-anual-scfv.html",
    ]
    assert all(pagina.count("Gerado em (hora) por cras-lib") == 1 for pagina in paginas[0].values())
    assert 'id="cell-id=parametros-injetados"' in paginas[0][f"html/cras/{CRAS_A}.html"]
    assert paginas[0] == paginas[1]


def test_pool_quente_produz_o_mesmo_notebook_que_papermill_frio(tmp_path):
    base = {"dados": str(EXEMPLO), "inicio": "2025-01", "fim": "2025-12"}
    equivalencia(
        tmp_path,
        NOTEBOOKS_TESTE / "relatorio_cras.ipynb",
        [base | {"id_cras": CRAS_A}, base | {"id_cras": CRAS_B}],
    )


def test_kernel_que_morre_ou_trava_e_substituido(tmp_path):
    """A notebook that kills its kernel, then one that hangs past the cell limit: each fails in Portuguese, the
    pool puts a fresh kernel in place, and the next document runs normally."""
    nb = nbformat.v4.new_notebook()
    parametros = nbformat.v4.new_code_cell('acao = "nada"')
    parametros.metadata["tags"] = ["parameters"]
    nb.cells = [
        parametros,
        nbformat.v4.new_code_cell(
            "import os, time\nif acao == 'morrer':\n    os._exit(1)\nif acao == 'travar':\n    time.sleep(60)\nprint('ok')"
        ),
    ]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    caminho = tmp_path / "acoes.ipynb"
    nbformat.write(nb, caminho)
    tarefas = [
        Tarefa(a, caminho, {"acao": a}, tmp_path / f"{a}.ipynb", RAIZ) for a in ("morrer", "travar", "nada")
    ]
    with criar_executor("local", workers=1, tempo_limite=2) as executor:
        resultados = [executor.submeter(t).result() for t in tarefas]
    morrer, travar, nada = resultados
    assert (
        morrer.erro == "o kernel Python parou durante a execução (falta de memória ou falha do interpretador)"
    )
    assert travar.erro == "tempo esgotado: uma célula passou do limite de 2 s"
    assert nada.ok and nada.notebook.cells[-1].outputs[0]["text"] == "ok\n"


def test_municipio_que_nao_pode_ser_gravado_para_os_kernels_nao_para_a_execucao(tmp_path, caplog):
    """The hand-off to the kernels is a shortcut: when the file cannot be written, the kernels read the folder."""
    from cras_lib.dados.municipio import carregar_municipio
    from cras_lib.execucao.lote import para_os_kernels

    municipio = carregar_municipio(EXEMPLO)
    assert para_os_kernels(municipio, tmp_path / "nao-existe") is None
    assert "os kernels vão ler a pasta de novo (FileNotFoundError" in caplog.text
    gravado = para_os_kernels(municipio, tmp_path)
    assert gravado is not None and gravado.parent == tmp_path and gravado.stat().st_size > 0
