"""Text from the inputs inside Markdown, shown literally: the one escaping rule of the documents.

Every text that comes from an input file or from the parameters (a unit's name, territory or address, the
municipality's name, the Inclusão Produtiva text fields) reaches a page through Markdown. :func:`md` makes such a
text inert there: no link, image, raw HTML, emphasis, table cell, heading or list item can come out of it, and the
reader sees the characters as they were typed. The documents' Jinja2 templates apply it to every interpolated
value by construction (:func:`ambiente_markdown`); Markdown built in Python with f-strings wraps data values in
``md(...)``. The HTML renderer of the runner (``cras_lib.execucao.html``) is the second layer: it escapes any raw
HTML left in Markdown and renders no link or image that points outside the page; the publication guard
(``cras_lib.execucao.guarda``) is the third.

Only the characters that would change the meaning are touched, so ordinary text (``< 5``, ``R$ 1.234,56``,
``Vila Nova``) stays as it is and the result renders identically in Jupyter and in the shared HTML.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import jinja2

_BARRA = re.compile(r"\\")
_SEMPRE = re.compile(r"([\[\]`*~|])")  # links and images, code, emphasis, strike-through, table cells
_SUBLINHADO = re.compile(r"(?<![0-9A-Za-zÀ-ÿ])_|_(?![0-9A-Za-zÀ-ÿ])")  # emphasis; id_cras stays readable
_TAG = re.compile(r"<(?=[A-Za-z/!?])")  # raw HTML and <autolinks>; "< 5" is not a tag
_ENTIDADE = re.compile(r"&(?=#|[A-Za-z][A-Za-z0-9]*;)")
_ESQUEMA = re.compile(r"(?i)\b([a-z][a-z0-9+.\-]*):(?=//)")  # bare autolinks (http://host)
_WWW = re.compile(r"(?i)\b(www)\.")
_INICIO = re.compile(r"^(\s*)(#|>|[-+=](?=\s|$)|(\d+)([.)])(?=\s|$))")  # heading, quote, list at the start
_QUEBRAS = re.compile(r"[\r\n\u2028\u2029]+")


class TextoMarkdown(str):
    """A text already safe inside Markdown (escaped by :func:`md`, or written by the library itself)."""

    __slots__ = ()

    def __html__(self) -> str:  # Jinja2 (markupsafe) does not escape it again
        return str(self)


def md(valor) -> TextoMarkdown:
    """``valor`` (any value; ``str()`` of it) as Markdown text shown literally; already safe text is kept."""
    if isinstance(valor, TextoMarkdown):
        return valor
    texto = _QUEBRAS.sub(" ", str(valor))
    texto = _BARRA.sub(r"\\\\", texto)
    texto = _SEMPRE.sub(r"\\\1", texto)
    texto = _SUBLINHADO.sub(r"\\_", texto)
    texto = _ENTIDADE.sub("&amp;", texto)
    texto = _TAG.sub("&lt;", texto)
    texto = _ESQUEMA.sub(r"\1&#58;", texto)
    texto = _WWW.sub(r"\1&#46;", texto)
    texto = _INICIO.sub(_inicio, texto)
    return TextoMarkdown(texto)


def _inicio(achado: re.Match) -> str:
    espaco, marca, numero, ponto = achado.groups()
    if numero is not None:
        return f"{espaco}{numero}\\{ponto}"
    return f"{espaco}\\{marca}"


def seguro(texto: str) -> TextoMarkdown:
    """Mark Markdown written by the library itself (never input text) as safe, so it is not escaped again."""
    return TextoMarkdown(texto)


def ambiente_markdown(
    loader: jinja2.BaseLoader, finalizar: Callable[[object], object] = lambda v: v, **opcoes
) -> jinja2.Environment:
    """A Jinja2 environment for Markdown templates where every ``{{ value }}`` goes through :func:`md`.

    Autoescape is on with :func:`md` as the escaping of every value that is not already safe, so a template
    cannot forget it: macros and ``seguro(...)`` results are kept as they are, everything else (input text,
    numbers, the text helpers' output) is escaped once. ``finalizar`` runs first (e.g. missing value ->
    "sem dados").
    """

    def finalizar_e_escapar(valor):
        valor = finalizar(valor)
        if hasattr(valor, "__html__"):
            return valor
        return md(valor)

    return jinja2.Environment(loader=loader, autoescape=True, finalize=finalizar_e_escapar, **opcoes)
