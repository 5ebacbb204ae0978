"""Words a councillor understands, on every document page of the example as ``cras run`` publishes it (the
session's one run, conftest.py): every acronym spelled out before or at its first use, a glossary at the end
listing exactly the acronyms the document uses."""

from __future__ import annotations

import re

import pytest
from apoio.texto_pagina import texto_da_pagina

from cras_lib.apresentacao import glossario

pytestmark = pytest.mark.lento


@pytest.fixture(scope="module")
def paginas(execucao_exemplo) -> dict[str, tuple[str, list[str]]]:
    """Body text and headings of every document page (plan, evaluation, CRAS reports, bulletins)."""
    html = execucao_exemplo.saida / "html"
    arquivos = [html / "plano-anual-scfv.html", html / "avaliacao.html"]
    arquivos += sorted((html / "cras").glob("*.html")) + sorted((html / "boletim").glob("*.html"))
    assert len(arquivos) >= 4 and all(a.is_file() for a in arquivos)
    return {str(a.relative_to(html)): texto_da_pagina(a.read_text(encoding="utf-8")) for a in arquivos}


def _glossario(texto: str) -> tuple[str, list[str]]:
    """(text before the glossary, acronyms the glossary lists): the glossary is the run of 'SIGLA — nome: ...'
    lines closing the text."""
    linhas = texto.split("\n")
    siglas = []
    while linhas and (m := re.match(r"(\S+) — ", linhas[-1])) and m.group(1) in glossario.TERMOS:
        siglas.insert(0, m.group(1))
        linhas.pop()
    return "\n".join(linhas), siglas


def test_toda_sigla_por_extenso_antes_ou_no_primeiro_uso(paginas):
    faltam = {
        nome: s for nome, (texto, _) in paginas.items() if (s := glossario.siglas_sem_explicacao(texto))
    }
    assert faltam == {}


def test_todo_documento_fecha_com_glossario_das_siglas_que_usa(paginas):
    for nome, (texto, titulos) in paginas.items():
        corpo, siglas = _glossario(texto)
        assert titulos[-1] == "Glossário", nome
        assert siglas == sorted(siglas, key=str.casefold), nome
        # exactly the acronyms of the document, and those the glossary's own explanations bring
        usadas = set(glossario.siglas_usadas(corpo))
        trazidas = set(glossario.siglas_usadas(" ".join(" ".join(glossario.TERMOS[s]) for s in siglas)))
        assert usadas <= set(siglas) <= usadas | trazidas, nome


def _do_conselho(paginas):
    """The documents meant for the council (the boletim is the technical team's: it names files to fix)."""
    return {nome: v for nome, v in paginas.items() if not nome.startswith("boletim/")}


def test_texto_do_conselho_sem_nomes_de_arquivo(paginas):
    arquivo = re.compile(r"\b[\w-]+\.(?:csv|ya?ml|xlsx)\b")
    achados = {nome: arquivo.findall(texto)[:3] for nome, (texto, _) in _do_conselho(paginas).items()}
    assert {nome: a for nome, a in achados.items() if a} == {}


def test_sem_sinal_de_menor_no_texto_corrido_nem_simbolos_de_comparacao(paginas):
    """'< 5' only as a table cell (explained in a note: '“< 5”: menos de 5 ...'); running text says 'menos de
    5'; targets say 'ao menos' / 'no máximo', not '≥' / '≤'."""
    for nome, (texto, _) in paginas.items():
        for linha in texto.split("\n"):
            if "<" in linha and not re.fullmatch(r"< \d+", linha):
                assert re.search(r"[“\"]< \d+[”\"]", linha), (nome, linha)
            assert "≤" not in linha and "≥" not in linha, (nome, linha)


def test_sem_parenteses_dobrados_ou_lado_a_lado(paginas):
    for nome, (texto, _) in paginas.items():
        assert not re.search(r"\(\(|\)\)|\) \(", texto), (
            nome,
            re.search(r".{40}(\(\(|\)\)|\) \().{40}", texto),
        )


def test_codigo_de_indicador_sempre_com_o_nome(paginas):
    from cras_lib.calculo.indicadores import CATALOGO

    codigo = re.compile(rf"(?<![\w-])({'|'.join(map(re.escape, CATALOGO))})(?![\w-])")
    for nome, (texto, _) in paginas.items():
        for linha in texto.split("\n"):
            for achado in codigo.finditer(linha):
                ind = CATALOGO[achado[1]]
                assert ind.nome.split(" após ")[0].rstrip(")").lower() in linha.lower(), (nome, linha)
