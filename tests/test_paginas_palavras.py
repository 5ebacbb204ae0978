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
