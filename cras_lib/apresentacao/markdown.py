"""Markdown -> HTML for the shared pages, the one renderer of the project: the documents' sections
(:func:`cras_lib.apresentacao.exibicao.exibir`) and any Markdown cell or output the runner renders
(``cras_lib.execucao.html``) go through it.

Second layer of defence behind :mod:`cras_lib.apresentacao.escape`: raw HTML inside Markdown is shown as text,
images only from ``data:`` URIs and links only to the run's own pages; any other link or image becomes its text.
Whatever a Markdown string holds, it cannot add a script, a handler or a network request to the page.
"""

from __future__ import annotations

import functools
import html
import re
import threading

from mistune.util import safe_entity
from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath

_LOCAL = re.compile(r"^(?:#|\.{0,2}/?[\w\-./]+\.html(?:#[\w\-]*)?$)")

LEMBRADAS = 2048
"""Conversions a process keeps (a few megabytes at most): headings, method notes and the glossary come back in
document after document of a run, and a conversion depends on its source alone."""


class _RenderizadorMarkdown(IPythonRenderer):
    """nbconvert's renderer (what JupyterLab's Markdown looks like) with escaping on and the restrictions of the
    module docstring."""

    def __init__(self):
        super().__init__(escape=True, allow_harmful_protocols=False)

    def text(self, text: str) -> str:
        # entities decoded, then &, <, > escaped (raw HTML is not text: it is escaped apart)
        return safe_entity(text)

    def link(self, text: str, url: str, title: str | None = None) -> str:
        if _LOCAL.match(url):
            return super().link(text, url, title)
        return text

    def image(self, text: str, url: str, title: str | None = None) -> str:
        if url.startswith("data:image/"):
            return super().image(text, url, title)
        return html.escape(text, quote=False)


def conversor_markdown() -> MarkdownWithMath:
    """A new renderer (``.render(fonte)`` gives the HTML). Building one costs about half a conversion:
    :func:`para_html` keeps one per thread."""
    return MarkdownWithMath(renderer=_RenderizadorMarkdown())


class _PorThread(threading.local):
    def __init__(self):
        self.conversor = conversor_markdown()  # a mistune renderer keeps state while it renders


_CONVERSORES = _PorThread()


@functools.lru_cache(maxsize=LEMBRADAS)
def para_html(fonte: str) -> str:
    """The HTML of the Markdown ``fonte``, remembered (see :data:`LEMBRADAS`)."""
    return _CONVERSORES.conversor.render(fonte)
