"""The text a reader reads on a published page: the document (``<main>``), headings apart, with the text
alternative of each image where the image is; blocks (paragraphs, items, cells) on lines of their own."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from cras_lib.apresentacao.hifenizacao import HIFEN_BRANDO

_BLOCOS = {"p", "li", "tr", "td", "th", "caption", "figcaption", "div", "br", "dt", "dd", "summary", "table"}
_TITULOS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def sem_hifens(texto: str) -> str:
    """``texto`` as read: without the soft hyphens that mark the syllable breaks of table cells."""
    return texto.replace(HIFEN_BRANDO, "")


class _Texto(HTMLParser):
    def __init__(self):
        super().__init__()
        self.corpo: list[str] = []
        self.titulos: list[str] = []
        self._dentro = 0
        self._titulo = 0
        self._fora = 0

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self._dentro += 1
        elif tag in ("style", "script"):
            self._fora += 1
        elif tag in _TITULOS:
            self._titulo += 1
            self.titulos.append("")
        elif tag in _BLOCOS:
            self.corpo.append("\n")
        elif tag == "img" and self._dentro:
            self.corpo.append(f"\n{dict(attrs).get('alt') or ''}\n")

    def handle_endtag(self, tag):
        if tag == "main":
            self._dentro -= 1
        elif tag in ("style", "script"):
            self._fora -= 1
        elif tag in _TITULOS:
            self._titulo -= 1

    def handle_data(self, data):
        if not self._dentro or self._fora:
            return
        data = sem_hifens(data)
        if self._titulo:
            self.titulos[-1] += data
        else:
            self.corpo.append(data)


def texto_da_pagina(pagina: str) -> tuple[str, list[str]]:
    """(body text, headings) of the document of ``pagina``."""
    leitor = _Texto()
    leitor.feed(pagina)
    linhas = (" ".join(linha.split()) for linha in "".join(leitor.corpo).split("\n"))
    return "\n".join(linha for linha in linhas if linha), [t.replace("¶", "").strip() for t in leitor.titulos]


def sem_extenso(texto: str) -> str:
    """``texto`` with every acronym's spelled-out first use put back to the bare acronym (the inverse of
    :func:`cras_lib.apresentacao.glossario.explicar_markdown`), so that a page can be compared with the text a
    library function gives before the document spells its acronyms out."""
    from cras_lib.apresentacao import glossario

    if "\n" in texto:  # headings are never spelled out: leave them as they are
        return "\n".join(
            linha if linha.lstrip().startswith("#") else sem_extenso(linha) for linha in texto.split("\n")
        )
    for sigla in glossario.TERMOS:
        token = re.escape(sigla) + r"(?:/[A-Za-zÀ-ú]+)*"
        for nome in glossario.nomes(sigla):
            n = re.escape(nome)
            texto = re.sub(rf"(?<=Resolução )(?:do|da) {n} \(({token})\)", r"\1", texto)
            texto = re.sub(rf"{n} \(({token})\)", r"\1", texto)
            texto = re.sub(rf"{n}(?:, | – )({token})", r"\1", texto)
            texto = re.sub(rf"({token}) — {n}", r"\1", texto)
    return texto


class _Lido(HTMLParser):
    def __init__(self):
        super().__init__()
        self.partes: list[str] = []
        self._fora = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"):
            self._fora += 1
        elif tag in _TITULOS:
            self.partes.append("\n" + "#" * int(tag[1]) + " ")
        elif tag == "li":
            self.partes.append("\n- ")
        elif tag == "p" and self.partes and self.partes[-1] == "\n- ":
            pass  # a paragraph inside a list item stays on the item's line
        elif tag in _BLOCOS:
            self.partes.append("\n")
        elif tag == "img":
            self.partes.append(f"\n{dict(attrs).get('alt') or ''}\n")

    def handle_endtag(self, tag):
        if tag in ("style", "script"):
            self._fora -= 1
        elif tag in _TITULOS:
            self.partes.append("\n")

    def handle_data(self, data):
        if not self._fora:
            self.partes.append(sem_hifens(data).replace("¶", ""))  # ¶: the heading's anchor link


def texto_lido(fragmento: str) -> str:
    """The text of an HTML fragment as read, one block (paragraph, item, cell, caption) per line, a heading
    as ``## Título`` and a list item as ``- item`` (Markdown's marks, so that a test reads like the source)."""
    leitor = _Lido()
    leitor.feed(fragmento)
    linhas = (" ".join(linha.split()) for linha in "".join(leitor.partes).split("\n"))
    return "\n".join(linha for linha in linhas if linha)


def texto_de_markdown(fonte: str) -> str:
    """What a reader reads of the Markdown ``fonte`` (rendered as the documents render it, :func:`texto_lido`)."""
    from cras_lib.apresentacao.markdown import para_html

    return texto_lido(para_html(fonte))


def html_das_saidas(caderno) -> list[str]:
    """The HTML of every output of an executed notebook, in order (a Markdown output rendered as the pages
    render it), without the soft hyphens of table cells."""
    from cras_lib.apresentacao.markdown import para_html

    partes = []
    for celula in caderno.cells:
        for saida in celula.get("outputs", []):
            dados = saida.get("data", {})
            for tipo, converter in (("text/html", str), ("text/markdown", para_html)):
                if tipo in dados:
                    valor = dados[tipo] if isinstance(dados[tipo], str) else "".join(dados[tipo])
                    partes.append(sem_hifens(converter(valor)))
    return partes


def texto_das_saidas(caderno) -> str:
    """What a reader reads of every output of an executed notebook (:func:`texto_lido`)."""
    return texto_lido("\n".join(html_das_saidas(caderno)))
