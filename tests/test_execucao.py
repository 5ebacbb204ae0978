"""The batch runner's parts, without executing notebooks: run parameters, planning, cache key, privacy guard,
atomic writes, HTML pages, index, error messages and the command line's exit codes."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pandas as pd
import pytest
from apoio.caminhos import EXEMPLO, NOTEBOOKS_TESTE, RAIZ
from apoio.execucao import escrever_params, recursos_externos
from papermill.exceptions import PapermillExecutionError

from cras_lib.apresentacao.markdown import para_html
from cras_lib.calculo.periodo import Periodo
from cras_lib.erros import ErroConfiguracao, ErroSelecao
from cras_lib.execucao import cache, cli, gravacao, indice
from cras_lib.execucao.configuracao import carregar_configuracao
from cras_lib.execucao.documentos import listar_documentos
from cras_lib.execucao.executores import descrever_erro
from cras_lib.execucao.guarda import Achado, GuardaPrivacidade, descrever_achados
from cras_lib.execucao.html import Pagina, Proveniencia, RenderizadorHTML
from cras_lib.execucao.progresso import Progresso

UNIDADES = pd.DataFrame(
    {"id_cras": ["31799900001", "31799900002"], "nome": ["CRAS Vila Nova", "Santa Luzia"]}
)


# --- run parameters -----------------------------------------------------------------------------------------


def test_params_exemplo_descreve_a_execucao_do_municipio_de_exemplo():
    config = carregar_configuracao(RAIZ / "params" / "exemplo.yaml")
    assert (config.municipio_nome, config.uf, config.limiar_supressao) == ("Vale Serrano", "MG", 5)
    assert (config.ano_plano, config.data_referencia) == (2026, "2025-12-31")
    assert config.avaliacao == Periodo("2025-01", "2025-12")
    assert config.comparacao == Periodo("2024-01", "2024-12")
    assert config.periodo_cras == Periodo("2025-01", "2025-12")
    assert str(config.avaliacao.inicio) == "2025-01"  # the text the notebooks receive
    # relative paths resolved against the YAML's own folder, whatever the working directory
    assert config.params_plano == RAIZ / "params" / "plano_scfv.yaml"
    assert config.params_avaliacao == RAIZ / "params" / "avaliacao.yaml"


def test_configuracao_lista_todos_os_problemas_em_portugues(tmp_path):
    arquivo = escrever_params(
        tmp_path,
        nome='""',
        uf="Minas",
        inicio='"2025-13"',
        comparacao_inicio='"2024-12"',
        comparacao_fim='"2024-01"',
        data_referencia='"31/12/2025"',
    )
    (tmp_path / "avaliacao.yaml").unlink()
    with pytest.raises(ErroConfiguracao) as erro:
        carregar_configuracao(arquivo)
    nome = f"{tmp_path.name}/execucao.yaml"
    assert [str(p) for p in erro.value.problemas] == [
        f"valor inválido '' em {nome}, municipio › nome (linha 2) — deve ser um texto não vazio",
        f"valor inválido 'Minas' em {nome}, municipio › uf (linha 2) — deve ser a sigla da UF, com duas letras "
        "(ex.: MG)",
        f"valor inválido '31/12/2025' em {nome}, plano › data_referencia (linha 4) — deve ser uma data que existe, "
        "no formato AAAA-MM-DD",
        f"valor inválido '2025-13' em {nome}, avaliacao › inicio (linha 6) — deve ser um mês no formato AAAA-MM, "
        'entre aspas (ex.: "2025-01")',
        f"valor inválido '2024-01' em {nome}, avaliacao › comparacao_fim (linha 9) — é anterior a "
        "comparacao_inicio (2024-12)",
        f"valor inválido '2025-13' em {nome}, cras › inicio (linha 11) — deve ser um mês no formato AAAA-MM, entre "
        'aspas (ex.: "2025-01")',
        f"arquivo não encontrado 'avaliacao.yaml' em {nome}, avaliacao › params (linha 10) — o caminho é relativo "
        "à pasta do arquivo de execução",
    ]
    assert str(tmp_path) not in str(erro.value)  # files named as the user names them, never by absolute path


def test_configuracao_valida_os_arquivos_de_cada_documento(tmp_path):
    arquivo = escrever_params(tmp_path)
    (tmp_path / "plano.yaml").write_text("ciclos:\n  6_a_15:\n    tamanho_grupos: 12\n", encoding="utf-8")
    (tmp_path / "avaliacao.yaml").write_text(
        "inclusao_produtiva:\n  vagas_por_cras: quinze\n", encoding="utf-8"
    )
    with pytest.raises(ErroConfiguracao) as erro:
        carregar_configuracao(arquivo)
    pasta = tmp_path.name
    assert [str(p) for p in erro.value.problemas] == [
        f"chave desconhecida 'tamanho_grupos' em {pasta}/plano.yaml, ciclos › 6_a_15 (linha 3) — você quis dizer "
        "'tamanho_grupo'?",
        f"valor inválido 'quinze' em {pasta}/avaliacao.yaml, inclusao_produtiva › vagas_por_cras (linha 2) — deve "
        "ser um número (com ponto decimal: 0.5)",
    ]


def test_configuracao_de_arquivo_inexistente(tmp_path):
    with pytest.raises(ErroConfiguracao, match="o arquivo não existe"):
        carregar_configuracao(tmp_path / "nao_existe.yaml")


# --- planning -----------------------------------------------------------------------------------------------


def test_listar_documentos_lista_plano_avaliacao_um_relatorio_por_cras_e_o_boletim(tmp_path):
    config = carregar_configuracao(escrever_params(tmp_path))
    docs = listar_documentos(config, UNIDADES, EXEMPLO, NOTEBOOKS_TESTE, mes_boletim="2025-12")
    assert [d.id for d in docs] == [
        "plano-anual-scfv",
        "avaliacao",
        "cras/31799900001",
        "cras/31799900002",
        "boletim/2025-12",
    ]
    assert docs[4].html == "boletim/2025-12.html" and docs[4].periodo == "dezembro de 2025"
    assert docs[4].titulo == "Boletim mensal da vigilância — dezembro de 2025"
    with pytest.raises(ErroSelecao, match="precisa do mês de referência"):
        listar_documentos(config, UNIDADES, EXEMPLO, NOTEBOOKS_TESTE)
    assert [d.html for d in docs][2] == "cras/31799900001.html"
    assert docs[2].titulo == "Relatório do CRAS Vila Nova"
    assert docs[3].titulo == "Relatório do CRAS Santa Luzia"  # "CRAS" added once, not twice
    assert docs[1].periodo == "janeiro a dezembro de 2025, comparado com janeiro a dezembro de 2024"
    assert docs[0].periodo == "ano de 2026 (situação em 31 de dezembro de 2025)"


def test_cada_notebook_recebe_so_os_parametros_que_declara(tmp_path):
    config = carregar_configuracao(escrever_params(tmp_path))
    plano, avaliacao, cras, _, boletim = listar_documentos(
        config, UNIDADES, EXEMPLO, NOTEBOOKS_TESTE, mes_boletim="2025-12"
    )
    assert plano.parametros == {
        "dados": str(EXEMPLO.resolve()),
        "municipio_nome": "Vale Serrano",
        "uf": "MG",
        "limiar_supressao": 5,
        "params": str(tmp_path / "plano.yaml"),
        "ano_plano": 2026,
        "data_referencia": "2025-12-31",
    }
    assert avaliacao.parametros["comparacao_fim"] == "2024-12"
    assert avaliacao.parametros["params"] == str(tmp_path / "avaliacao.yaml")
    # the CRAS stand-in declares neither `uf` nor `params`
    assert cras.parametros == {
        "dados": str(EXEMPLO.resolve()),
        "municipio_nome": "Vale Serrano",
        "limiar_supressao": 5,
        "id_cras": "31799900001",
        "inicio": "2025-01",
        "fim": "2025-12",
    }
    # no boletim section in the run file: the month only (the notebook's own params default is unused)
    assert boletim.parametros == {
        "dados": str(EXEMPLO.resolve()),
        "municipio_nome": "Vale Serrano",
        "uf": "MG",
        "limiar_supressao": 5,
        "mes_referencia": "2025-12",
    }


def test_params_exemplo_chega_a_cada_notebook_real():
    config = carregar_configuracao(RAIZ / "params" / "exemplo.yaml")
    plano, avaliacao, cras, _, boletim = listar_documentos(
        config, UNIDADES, EXEMPLO, RAIZ / "notebooks", mes_boletim="2025-12"
    )
    comuns = {
        "dados": str(EXEMPLO.resolve()),
        "municipio_nome": "Vale Serrano",
        "uf": "MG",
        "limiar_supressao": 5,
    }
    params = RAIZ / "params"
    assert plano.parametros == comuns | {
        "params": str(params / "plano_scfv.yaml"),
        "ano_plano": 2026,
        "data_referencia": "2025-12-31",
    }
    assert avaliacao.parametros == comuns | {
        "params": str(params / "avaliacao.yaml"),
        "inicio": "2025-01",
        "fim": "2025-12",
        "comparacao_inicio": "2024-01",
        "comparacao_fim": "2024-12",
    }
    assert cras.parametros == comuns | {
        "params": str(params / "avaliacao.yaml"),
        "id_cras": "31799900001",
        "inicio": "2025-01",
        "fim": "2025-12",
        "comparacao_inicio": "2024-01",
        "comparacao_fim": "2024-12",
        # the run's plan: the report gives the plan's orientador need (same rule, same figure)
        "plano": {"ano": 2026, "data_referencia": "2025-12-31", "params": str(params / "plano_scfv.yaml")},
    }
    assert boletim.parametros == comuns | {
        "params": str(params / "boletim.yaml"),
        "mes_referencia": "2025-12",
    }


def test_selecao_de_documentos_e_de_cras(tmp_path):
    config = carregar_configuracao(escrever_params(tmp_path))
    docs = listar_documentos(
        config, UNIDADES, EXEMPLO, NOTEBOOKS_TESTE, tipos=("cras",), cras=("31799900002",)
    )
    assert [d.id for d in docs] == ["cras/31799900002"]
    with pytest.raises(ErroSelecao, match="CRAS não encontrado em unidades.csv: 123"):
        listar_documentos(config, UNIDADES, EXEMPLO, NOTEBOOKS_TESTE, cras=("123",))
    with pytest.raises(ErroSelecao, match="Notebook não encontrado"):
        listar_documentos(config, UNIDADES, EXEMPLO, tmp_path)


# --- incremental cache --------------------------------------------------------------------------------------


def test_chave_muda_quando_muda_o_que_forma_o_documento(tmp_path):
    config = carregar_configuracao(escrever_params(tmp_path))
    notebooks = tmp_path / "nb"
    shutil.copytree(NOTEBOOKS_TESTE, notebooks)
    doc = listar_documentos(config, UNIDADES, EXEMPLO, notebooks, tipos=("plano",))[0]
    base = dict(
        hashes_dados={"unidades.csv": "a"},
        hash_biblioteca="lib",
        versoes={"pandas": "3"},
        kernel="python3",
        municipio="Vale Serrano/MG",
    )
    chave = cache.chave_documento(doc, **base)
    assert cache.chave_documento(doc, **base) == chave  # deterministic
    assert cache.chave_documento(doc, **(base | {"hashes_dados": {"unidades.csv": "b"}})) != chave
    assert cache.chave_documento(doc, **(base | {"hash_biblioteca": "lib2"})) != chave
    assert cache.chave_documento(doc, **(base | {"versoes": {"pandas": "4"}})) != chave
    (tmp_path / "plano.yaml").write_text("ciclos: {ate_6: {}}\n", encoding="utf-8")  # params file content
    assert cache.chave_documento(doc, **base) != chave
    chave = cache.chave_documento(doc, **base)
    with open(doc.notebook, "a", encoding="utf-8") as arquivo:  # notebook edited
        arquivo.write("\n")
    assert cache.chave_documento(doc, **base) != chave


def test_em_dia_exige_mesma_chave_e_o_html_intacto(tmp_path):
    html = tmp_path / "a.html"
    html.write_text("<p>ok</p>", encoding="utf-8")
    ultima = {"chave": "k", "sha256_html": hashlib.sha256(b"<p>ok</p>").hexdigest()}
    assert cache.em_dia(ultima, "k", html)
    assert not cache.em_dia(ultima, "outra", html)
    assert not cache.em_dia(None, "k", html)
    html.write_text("<p>editado</p>", encoding="utf-8")
    assert not cache.em_dia(ultima, "k", html)
    html.unlink()
    assert not cache.em_dia(ultima, "k", html)


# --- privacy guard ------------------------------------------------------------------------------------------


@pytest.fixture
def guarda():
    municipio = SimpleNamespace(
        equipes=pd.DataFrame(
            {"id_cras": ["1"], "nome": ["Juliana Modelo Esboço"], "cpf": ["128.762.400-61"]}
        ),
        scfv_participantes=pd.DataFrame(
            {
                "nome": ["Paulo Rascunho", "Ana"],
                "nis": ["27821047809", pd.NA],
                "cpf": [pd.NA, "00255067816"],
                "data_nascimento": pd.to_datetime(["2020-09-25", "2025-12-31"]),
            }
        ),
        inclusao_produtiva=None,
    )
    return GuardaPrivacidade.do_municipio(municipio, datas_permitidas={dt.date(2025, 12, 31)})


def test_guarda_aceita_pagina_sem_dados_pessoais(guarda):
    pagina = (
        "<p>Juliana coordena o CRAS; 11 pessoas, 2.761 famílias (12876240061 dígitos não, CPF sim).</p>"
        '<p>Referência: 31/12/2025. O SCFV começou em 2020-09-24.</p><img src="data:image/png;base64,'
        '12876240061AAAA" alt="gráfico">'
    )
    # "Juliana" alone is not a full name; 31/12/2025 is a date the run prints itself; the base64 is skipped
    assert guarda.verificar(pagina.replace("12876240061 dígitos", "dígitos")) == []


@pytest.mark.parametrize(
    ("trecho", "tipo"),
    [
        ("<td>128.762.400-61</td>", "CPF ou NIS"),
        ("<td>12876240061</td>", "CPF ou NIS"),
        ("NIS 278.21047.80-9", "CPF ou NIS"),
        ("<td>juliana modelo esboco</td>", "nome"),  # case and accents do not hide a name
        ('<img alt="Paulo  Rascunho participa" src="data:image/png;base64,AAAA">', "nome"),
        ("nascido em 25/09/2020", "data de nascimento"),
        ("2020-09-25", "data de nascimento"),
        ("25 de setembro de 2020", "data de nascimento"),
    ],
)
def test_guarda_encontra_cada_tipo_de_dado_pessoal(guarda, trecho, tipo):
    achados = guarda.verificar(f"<html><body><p>Relatório</p>{trecho}</body></html>")
    assert [a.tipo for a in achados] == [tipo]


def test_mensagem_da_guarda_nao_repete_os_valores():
    mensagem = descrever_achados(
        [
            Achado("nome", "equipes.csv (coluna 'nome')"),
            Achado("nome", "equipes.csv (coluna 'nome')"),
            Achado("CPF ou NIS", "equipes.csv (coluna 'cpf')", "unidades.csv, coluna 'nome', id_cras 1"),
        ]
    )
    assert mensagem == (
        "o HTML contém dados pessoais das entradas (2 valores distintos: nome de equipes.csv (coluna 'nome'); "
        "CPF ou NIS de equipes.csv (coluna 'cpf'), presente em unidades.csv, coluna 'nome', id_cras 1); "
        "o documento não foi publicado"
    )


# --- atomic writes ------------------------------------------------------------------------------------------


def test_gravar_atomico_substitui_sem_deixar_temporarios(tmp_path):
    destino = tmp_path / "sub" / "a.html"
    gravacao.gravar_atomico(destino, "primeira")
    gravacao.gravar_atomico(destino, "segunda")
    assert destino.read_text(encoding="utf-8") == "segunda"
    assert os.listdir(destino.parent) == ["a.html"]


def test_gravar_atomico_que_falha_preserva_a_versao_anterior(tmp_path, monkeypatch):
    destino = tmp_path / "a.html"
    destino.write_text("boa", encoding="utf-8")

    def falhar(*_args):
        raise OSError("disco cheio")

    monkeypatch.setattr(gravacao.os, "replace", falhar)
    with pytest.raises(OSError):
        gravacao.gravar_atomico(destino, "nova")
    assert destino.read_text(encoding="utf-8") == "boa"
    assert os.listdir(tmp_path) == ["a.html"]


# --- HTML ---------------------------------------------------------------------------------------------------

PROVENIENCIA = Proveniencia(
    gerado_em="24 de novembro de 2025, 10:00",
    versao="0.1.0",
    commit="abc123def456",
    hash_dados="0123456789ab",
    hash_parametros="ba9876543210",
    arquivos=(("unidades.csv", "aaaaaaaaaaaa"),),
    limiar=5,
)


def _notebook_executado() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    codigo = nbformat.v4.new_code_cell("segredo_do_codigo = 1\ndisplay(tabela)")
    codigo.outputs = [
        nbformat.v4.new_output("display_data", data={"text/markdown": "## Seção\n\nTexto com **ênfase**."}),
        nbformat.v4.new_output(
            "display_data",
            data={
                "text/html": '<table><caption>T</caption><thead><tr><th scope="col">A</th></tr></thead>'
                "<tbody><tr><td>1</td></tr></tbody></table>"
            },
        ),
        nbformat.v4.new_output(
            "display_data",
            data={
                "text/html": '<figure><img src="data:image/png;base64,iVBO" alt="Gráfico de barras"></figure>'
            },
        ),
        nbformat.v4.new_output("stream", name="stderr", text="UserWarning: aviso interno"),
    ]
    nb.cells = [nbformat.v4.new_markdown_cell("# Título do notebook"), codigo]
    return nb


def test_pagina_autocontida_em_portugues_com_cabecalho_e_rodape():
    pagina = Pagina(
        "Relatório do CRAS Vila Nova",
        "Vale Serrano/MG",
        "janeiro a dezembro de 2025",
        PROVENIENCIA,
        "../index.html",
    )
    html = RenderizadorHTML().documento(_notebook_executado(), pagina)
    assert '<html lang="pt-BR">' in html
    assert "<title>Relatório do CRAS Vila Nova — Vale Serrano/MG</title>" in html
    assert "Vale Serrano/MG" in html and "Período: janeiro a dezembro de 2025" in html
    assert "Gerado em 24 de novembro de 2025, 10:00 por cras-lib 0.1.0 (commit abc123def456)" in html
    assert "<code>unidades.csv</code>: <code>aaaaaaaaaaaa</code>" in html
    assert "@media print" in html and 'name="viewport"' in html
    assert "<script" not in html.lower()
    assert recursos_externos(html) == []
    assert "segredo_do_codigo" not in html  # code hidden
    assert "aviso interno" not in html  # stderr never shown
    assert '<th scope="col">A</th>' in html and 'alt="Gráfico de barras"' in html
    assert "<strong>ênfase</strong>" in html


def test_renderizador_reaproveita_conversoes_de_markdown_sem_misturar_paginas():
    """A renderer converts a Markdown text once per run (headings and notes repeat from document to document);
    a page with other text still shows its own."""
    renderizador = RenderizadorHTML()
    pagina = Pagina("T", "Vale Serrano/MG", "2025", PROVENIENCIA)
    nb = _notebook_executado()
    primeira = renderizador.documento(nb, pagina)
    antes = para_html.cache_info().hits
    segunda = renderizador.documento(nb, pagina)
    assert segunda == primeira
    assert para_html.cache_info().hits >= antes + 2  # the heading cell and the output
    outro = _notebook_executado()
    outro.cells[1].outputs[0]["data"]["text/markdown"] = "Outro texto com *itálico*."
    terceira = renderizador.documento(outro, pagina)
    assert "<em>itálico</em>" in terceira and "<strong>ênfase</strong>" not in terceira


def test_detector_de_recursos_externos_acha_cada_forma():
    pagina = (
        '<script src="https://cdn.example/require.js"></script><link rel="stylesheet" href="//fonts.example/a.css">'
        '<img src="http://x/y.png"><style>@import "https://x/b.css"; .a{background:url(https://x/c.png)}</style>'
        '<img src="data:image/png;base64,AA"><a href="https://www.gov.br/mds">lei</a><a href="cras/1.html">r</a>'
    )
    assert recursos_externos(pagina) == [
        "https://cdn.example/require.js",
        "//fonts.example/a.css",
        "http://x/y.png",
        "https://x/b.css",
        "https://x/c.png",
    ]


def test_indice_mostra_situacao_periodo_e_data(tmp_path):
    (tmp_path / "cras").mkdir()
    (tmp_path / "avaliacao.html").write_text("antiga", encoding="utf-8")
    (tmp_path / "cras" / "1.html").write_text("ok", encoding="utf-8")
    gerado = {"chave": "k", "gerado_em": "2025-12-31T08:05:00-03:00", "sha256_html": "x"}
    entradas = [
        {
            "id": "plano-anual-scfv",
            "tipo": "plano",
            "titulo": "Plano",
            "periodo": "2026",
            "html": "plano-anual-scfv.html",
            "situacao": "falhou",
            "erro": "erro na célula [3] do notebook: KeyError: 'x'",
            "ultima_geracao": None,
        },
        {
            "id": "avaliacao",
            "tipo": "avaliacao",
            "titulo": "Avaliação",
            "periodo": "2025",
            "html": "avaliacao.html",
            "situacao": "falhou",
            "erro": "erro",
            "ultima_geracao": gerado,
        },
        {
            "id": "cras/1",
            "tipo": "cras",
            "titulo": "Relatório do CRAS A",
            "periodo": "2025",
            "html": "cras/1.html",
            "situacao": "inalterado",
            "erro": None,
            "ultima_geracao": gerado,
        },
    ]
    resumo, grupos = indice.montar(entradas, tmp_path)
    assert resumo == "3 documentos. Nesta execução: 0 gerados, 1 inalterado, 2 com falha."
    plano, avaliacao = grupos[0]["documentos"]
    assert plano["situacao"] == "Falhou nesta execução; ainda sem versão publicada" and plano["link"] is None
    assert avaliacao["situacao"] == "Falhou nesta execução; mostrada a versão anterior"
    assert avaliacao["link"] == "avaliacao.html" and avaliacao["gerado_em"] == "31/12/2025 08:05"
    assert (
        grupos[1]["titulo"] == "Relatórios por CRAS" and grupos[1]["documentos"][0]["link"] == "cras/1.html"
    )
    pagina = RenderizadorHTML().indice(
        Pagina("Documentos", "Vale Serrano/MG", "2025", PROVENIENCIA), resumo, grupos
    )
    # a Python exception is named only by its cell (the details stay in the log and the manifest)
    assert "erro na célula [3] do notebook (detalhes no registro da execução, em logs/)" in pagina
    assert "KeyError" not in pagina
    assert '<a href="cras/1.html">Relatório do CRAS A</a>' in pagina
    assert recursos_externos(pagina) == []


# --- errors, progress, command line -------------------------------------------------------------------------


def test_erro_de_celula_descrito_em_portugues():
    erro = PapermillExecutionError(
        cell_index=5,
        exec_count=4,
        source="x",
        ename="ZeroDivisionError",
        evalue="division by zero",
        traceback=[],
    )
    assert descrever_erro(erro) == "erro na célula [4] do notebook: ZeroDivisionError: division by zero"


def test_progresso_sem_terminal_escreve_uma_linha_por_documento(tmp_path):
    with open(tmp_path / "log.txt", "w+", encoding="utf-8") as fluxo:
        progresso = Progresso(2, fluxo)
        progresso.avancar("avaliacao", "gerado", "0.40 s")
        progresso.avancar("cras/1", "FALHOU", "erro na célula [2]", falha=True)
        progresso.fechar()
        fluxo.seek(0)
        assert fluxo.read() == "[1/2] avaliacao: gerado — 0.40 s\n[2/2] cras/1: FALHOU — erro na célula [2]\n"


def test_ajuda_em_portugues(capsys):
    assert cli.main(["run", "--help"]) == 0
    ajuda = capsys.readouterr().out
    assert ajuda.startswith("uso: cras run")
    assert "mostra esta ajuda e sai" in ajuda and "códigos de saída:" in ajuda


def test_uso_incorreto_sai_com_2(capsys):
    assert cli.main(["run", "--dados", "x"]) == 2
    assert "faltam os argumentos obrigatórios: --params, --saida" in capsys.readouterr().err
    assert (
        cli.main(["run", "--dados", "x", "--params", "y", "--saida", "z", "--documentos", "plano,atas"]) == 2
    )
    assert "documentos inválidos: atas" in capsys.readouterr().err


def test_dados_invalidos_saem_com_2_sem_publicar_nada(tmp_path, capsys):
    dados = tmp_path / "dados"
    shutil.copytree(EXEMPLO, dados)
    unidades = dados / "unidades.csv"
    unidades.write_text(
        unidades.read_text(encoding="utf-8").replace("id_cras;", "codigo;", 1), encoding="utf-8"
    )
    saida = tmp_path / "saida"
    (saida / "html").mkdir(parents=True)
    (saida / "html" / "index.html").write_text("versão anterior", encoding="utf-8")
    codigo = cli.main(
        [
            "run",
            "--dados",
            str(dados),
            "--params",
            str(escrever_params(tmp_path)),
            "--saida",
            str(saida),
            "--notebooks",
            str(NOTEBOOKS_TESTE),
        ]
    )
    erro = capsys.readouterr().err
    assert codigo == 2
    assert "problema" in erro and "unidades.csv" in erro and "Nada foi publicado" in erro
    assert (saida / "html" / "index.html").read_text(encoding="utf-8") == "versão anterior"
    assert sorted(p.name for p in (saida / "html").iterdir()) == ["index.html"]
    assert not (saida / "manifest.json").exists()


def test_cras_desconhecido_sai_com_2(tmp_path, capsys):
    codigo = cli.main(
        [
            "run",
            "--dados",
            str(EXEMPLO),
            "--params",
            str(escrever_params(tmp_path)),
            "--saida",
            str(tmp_path / "saida"),
            "--notebooks",
            str(NOTEBOOKS_TESTE),
            "--cras",
            "999",
        ]
    )
    assert codigo == 2
    assert "CRAS não encontrado em unidades.csv: 999" in capsys.readouterr().err


def _params_do_projeto(pasta: Path, arquivo: str, de: str, para: str) -> Path:
    """A copy of params/ in ``pasta`` with ``de`` replaced by ``para`` (once) in ``arquivo``."""
    destino = pasta / "params"
    shutil.copytree(RAIZ / "params", destino)
    texto = (destino / arquivo).read_text(encoding="utf-8")
    assert de in texto
    (destino / arquivo).write_text(texto.replace(de, para, 1), encoding="utf-8")
    return destino / "exemplo.yaml"


def _linha(arquivo: Path, marcador: str) -> int:
    """The line (1-based) of the first occurrence of ``marcador`` in ``arquivo``."""
    texto = arquivo.read_text(encoding="utf-8")
    return texto[: texto.index(marcador)].count("\n") + 1


@pytest.mark.parametrize(
    ("arquivo", "de", "para", "marcador", "esperado"),
    [
        (
            "plano_scfv.yaml",
            "  6_a_15:\n    tamanho_grupo: 15",
            "  6_a_15:\n    tamanho_grupos: 15",
            "tamanho_grupos:",
            "chave desconhecida 'tamanho_grupos' em params/plano_scfv.yaml, ciclos › 6_a_15 (linha {linha}) — você "
            "quis dizer 'tamanho_grupo'?",
        ),
        (
            "plano_scfv.yaml",
            "jornada_orientador: 40",
            "jornada_orientadr: 40",
            "jornada_orientadr:",
            "chave desconhecida 'jornada_orientadr' em params/plano_scfv.yaml, equipe (linha {linha}) — você quis "
            "dizer 'jornada_orientador'?",
        ),
        (
            "plano_scfv.yaml",
            "    tamanho_grupo: 15",
            "    tamanho_grupo: quinze",
            "tamanho_grupo: quinze",
            "valor inválido 'quinze' em params/plano_scfv.yaml, ciclos › ate_6 › tamanho_grupo (linha {linha}) — deve "
            "ser um número inteiro",
        ),
        (
            "avaliacao.yaml",
            "vagas_por_cras: 15",
            "vagas_por_cras: quinze",
            "vagas_por_cras:",
            "valor inválido 'quinze' em params/avaliacao.yaml, inclusao_produtiva › vagas_por_cras (linha {linha}) — "
            "deve ser um número",
        ),
        (
            "avaliacao.yaml",
            "  PAIF-12:\n    meta: 10",
            "  PAIF-12:\n    mta: 10",
            "mta:",
            "chave desconhecida 'mta' em params/avaliacao.yaml, metas › PAIF-12 (linha {linha}) — você quis dizer "
            "'meta'?",
        ),
        (
            "exemplo.yaml",
            "  uf: MG",
            "  UF: MG",
            "municipio:",
            "falta a chave obrigatória 'uf' em params/exemplo.yaml, municipio (linha {linha}) — sigla da UF",
        ),
        (
            "exemplo.yaml",
            "  uf: MG",
            "  UF: MG",
            "UF:",
            "chave desconhecida 'UF' em params/exemplo.yaml, municipio (linha {linha}) — você quis dizer 'uf'?",
        ),
        (
            "exemplo.yaml",
            "limiar_supressao: 5",
            "limiar_supresao: 5",
            "limiar_supresao:",
            "chave desconhecida 'limiar_supresao' em params/exemplo.yaml (linha {linha}) — você quis dizer "
            "'limiar_supressao'?",
        ),
    ],
)
def test_parametro_invalido_sai_com_2_antes_de_executar(
    tmp_path, monkeypatch, capsys, arquivo, de, para, marcador, esperado
):
    monkeypatch.chdir(tmp_path)  # messages name the files as the user does: params/...
    params = _params_do_projeto(tmp_path, arquivo, de, para)
    saida = tmp_path / "saida"
    codigo = cli.main(
        ["run", "--dados", str(EXEMPLO), "--params", "params/exemplo.yaml", "--saida", str(saida),
         "--notebooks", str(NOTEBOOKS_TESTE)]
    )  # fmt: skip
    erro = capsys.readouterr().err
    assert codigo == 2
    assert esperado.format(linha=_linha(params.parent / arquivo, marcador)) in erro
    assert "Nada foi publicado" in erro
    assert str(params.parent) not in erro  # no absolute path of a params file
    assert not (saida / "html").exists() and not (saida / "notebooks").exists()
    assert not (saida / "manifest.json").exists()


def test_todos_os_problemas_de_todos_os_arquivos_de_uma_vez(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    _params_do_projeto(tmp_path, "plano_scfv.yaml", "ocupacao_minima: 0.8", "ocupacao_minim: 0.8")
    avaliacao = tmp_path / "params" / "avaliacao.yaml"
    avaliacao.write_text(
        avaliacao.read_text(encoding="utf-8").replace("PAIF-05:", "PAIF-5:"), encoding="utf-8"
    )
    exemplo = tmp_path / "params" / "exemplo.yaml"
    exemplo.write_text(
        exemplo.read_text(encoding="utf-8").replace("ano: 2026", "ano: 2026.5"), encoding="utf-8"
    )
    codigo = cli.main(
        ["run", "--dados", str(EXEMPLO), "--params", "params/exemplo.yaml", "--saida", "saida",
         "--notebooks", str(NOTEBOOKS_TESTE)]
    )  # fmt: skip
    linhas = capsys.readouterr().err.splitlines()
    assert codigo == 2
    plano = tmp_path / "params" / "plano_scfv.yaml"
    assert linhas[:4] == [
        "cras: erro: 3 problemas encontrados nos parâmetros:",
        f"- valor inválido 2026.5 em params/exemplo.yaml, plano › ano (linha {_linha(exemplo, 'ano: 2026.5')}) — "
        "deve ser um número inteiro",
        f"- chave desconhecida 'ocupacao_minim' em params/plano_scfv.yaml (linha {_linha(plano, 'ocupacao_minim')}) "
        "— você quis dizer 'ocupacao_minima'?",
        f"- chave desconhecida 'PAIF-5' em params/avaliacao.yaml, metas (linha {_linha(avaliacao, 'PAIF-5:')}) — "
        "você quis dizer 'PAIF-05'?",
    ]


def test_comando_real_sai_com_2_para_parametro_invalido(tmp_path):
    _params_do_projeto(tmp_path, "plano_scfv.yaml", "    tamanho_grupo: 15", "    tamanho_grupo: quinze")
    processo = subprocess.run(
        [sys.executable, "-m", "cras_lib", "run", "--dados", str(EXEMPLO), "--params", "params/exemplo.yaml",
         "--saida", "saida", "--notebooks", str(NOTEBOOKS_TESTE)],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert processo.returncode == 2
    assert (
        "valor inválido 'quinze' em params/plano_scfv.yaml, ciclos › ate_6 › tamanho_grupo" in processo.stderr
    )
    assert not (tmp_path / "saida" / "html").exists()


def test_duas_execucoes_na_mesma_saida_nao_se_misturam(tmp_path, capsys):
    import fcntl

    saida = tmp_path / "saida"
    saida.mkdir()
    with open(saida / ".cras-run.trava", "a") as trava:  # a run in progress holds the folder's lock
        fcntl.flock(trava, fcntl.LOCK_EX | fcntl.LOCK_NB)
        codigo = cli.main(
            [
                "run",
                "--dados",
                str(EXEMPLO),
                "--params",
                str(escrever_params(tmp_path)),
                "--saida",
                str(saida),
                "--notebooks",
                str(NOTEBOOKS_TESTE),
            ]
        )
    assert codigo == 2
    assert "outra execução do cras está gravando em" in capsys.readouterr().err
    assert sorted(p.name for p in saida.iterdir()) == [".cras-run.trava"]


def test_imagem_sem_alt_recebe_descricao_em_portugues():
    nb = nbformat.v4.new_notebook()
    celula = nbformat.v4.new_code_cell("fig")
    celula.outputs = [
        nbformat.v4.new_output("display_data", data={"image/png": "iVBO", "text/plain": "<Figure>"})
    ]
    nb.cells = [celula]
    html = RenderizadorHTML().documento(nb, Pagina("T", "Vale Serrano/MG", "2025", PROVENIENCIA))
    assert '<img alt="Imagem sem descrição textual" src="data:image/png;base64,iVBO"' in html
