"""Display helpers for the notebooks: Markdown, accessible tables and figures, all self-contained HTML.

Notebooks call these instead of printing, so that the HTML shared with the conselhos (rendered with the code
hidden) has tables with headers and captions and charts as embedded PNG with a text alternative.
"""

from __future__ import annotations

import base64
import html
import io
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pandas as pd
from IPython.display import HTML, Markdown, display

from cras_lib.apresentacao.formatacao import SEM_DADOS, ausente, lista, numero
from cras_lib.apresentacao.graficos import ESTILO, Grafico
from cras_lib.apresentacao.hifenizacao import hifenizar
from cras_lib.apresentacao.markdown import para_html


def markdown(texto: str) -> None:
    """Show Markdown text (headings, paragraphs, lists)."""
    display(Markdown(texto))


def _celula(valor) -> str:
    if ausente(valor):
        return SEM_DADOS
    if isinstance(valor, bool):
        return "sim" if valor else "não"
    if isinstance(valor, int | float) and not isinstance(valor, bool):
        return numero(valor, casas=1)
    return str(valor)


_NUMERO = re.compile(r"[-+]?(?:R\$ )?[-+]?\d[\d.]*(?:,\d+)?(?: ?%)?")
"""A cell that is one figure ('1.234', '95,1 %', 'R$ 1.547,60', '+1,5 %'): it never breaks across lines."""


def _td(texto: str) -> str:
    if _NUMERO.fullmatch(texto):
        return f'<td class="numero">{html.escape(texto)}</td>'
    return f"<td>{html.escape(hifenizar(texto))}</td>"


def tabela_html(tabela: pd.DataFrame, legenda: str, *, classe: str = "tabela") -> str:
    """HTML of a table with a caption and column headers (scope="col"); values pt-BR formatted.

    Numbers that need a specific format (percent, money, suppressed counts) should arrive already as text. A
    narrow column breaks its words only at syllables (:mod:`~cras_lib.apresentacao.hifenizacao`) and never
    breaks a figure.
    """
    cabecalho = "".join(f'<th scope="col">{html.escape(hifenizar(str(c)))}</th>' for c in tabela.columns)
    # one row per line: the executed notebook and the reviewed references (tests/referencias) diff by row
    linhas = "".join(
        f"<tr>{''.join(_td(_celula(v)) for v in registro)}</tr>\n"
        for registro in tabela.itertuples(index=False, name=None)
    )
    return (
        f'<table class="{classe}"><caption>{html.escape(legenda)}</caption>'
        f"<thead><tr>{cabecalho}</tr></thead><tbody>\n{linhas}</tbody></table>"
    )


def tabela(tabela_: pd.DataFrame, legenda: str) -> None:
    """Show a table with caption and headers (see ``tabela_html``)."""
    display(HTML(tabela_html(tabela_, legenda)))


def figura_html(fig, alt: str, legenda: str | None = None) -> str:
    """HTML <figure> with the chart as an embedded PNG (no external request) and its text alternative.

    The PNG is rendered off-screen by the figure's own canvas (Agg for the charts of
    :mod:`cras_lib.apresentacao.graficos`); a figure made with ``pyplot`` is closed afterwards, so the notebook
    does not show it a second time. The library's charts (:class:`~cras_lib.apresentacao.graficos.Grafico`)
    draw themselves once; any other figure is cropped to its content by ``savefig(bbox_inches="tight")``."""
    if isinstance(fig, Grafico):
        png = fig.png()
    else:
        buffer = io.BytesIO()
        fig.savefig(
            buffer, format="png", dpi=ESTILO["figure.dpi"], bbox_inches="tight", metadata={"Software": None}
        )
        png = buffer.getvalue()
        _fechar(fig)
    dados = base64.b64encode(png).decode("ascii")
    rodape = f"<figcaption>{html.escape(legenda)}</figcaption>" if legenda else ""
    return (
        f'<figure class="grafico"><img src="data:image/png;base64,{dados}" alt="{html.escape(alt, quote=True)}"'
        f' style="max-width:100%;height:auto">{rodape}</figure>'
    )


def _fechar(fig) -> None:
    """Close ``fig`` if ``pyplot`` manages it (an analyst's own figure)."""
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None and getattr(fig, "number", None) in pyplot.get_fignums():
        pyplot.close(fig)


def figura(fig, alt: str, legenda: str | None = None) -> None:
    """Show a matplotlib figure as an accessible, self-contained <figure> (see ``figura_html``)."""
    display(HTML(figura_html(fig, alt, legenda)))


@dataclass(frozen=True)
class Tabela:
    """A table ready to show: cells already formatted as text, and its caption."""

    dados: pd.DataFrame
    legenda: str


@dataclass(frozen=True)
class Figura:
    """A chart ready to show: the matplotlib figure, its text alternative and its caption."""

    fig: Any
    alt: str
    legenda: str | None = None


@dataclass(frozen=True)
class Html:
    """A self-contained HTML fragment built by the library, every text in it already escaped (e.g. the
    per-CRAS summary box)."""

    html: str


Bloco = str | Tabela | Figura | Html  # str: Markdown
"""One piece of a document section, as the library's document modules return them."""


def exibir(blocos: Iterable[Bloco]) -> None:
    """Show the blocks of a section in order (Markdown, table, figure or HTML fragment) as one HTML output.

    One output per section, not one per block: each output is a message from the kernel, a JSON object in the
    executed notebook and a node of the page, and those costs add up over a national run's documents. The
    Markdown goes through the pages' own renderer (:func:`cras_lib.apresentacao.markdown.para_html`), so the
    section reads the same in JupyterLab and in the shared page."""
    partes = [_html_do_bloco(bloco) for bloco in blocos]
    if partes:
        display(HTML("\n".join(partes)))


def _html_do_bloco(bloco: Bloco) -> str:
    """The self-contained HTML of one block of a section."""
    if isinstance(bloco, Html):
        return bloco.html
    if isinstance(bloco, Tabela):
        return tabela_html(bloco.dados, bloco.legenda)
    if isinstance(bloco, Figura):
        return figura_html(bloco.fig, bloco.alt, bloco.legenda)
    return para_html(bloco)


def omitida(parte: str, arquivos: str | Iterable[str]) -> str:
    """The one Markdown line that replaces a part whose input files are absent."""
    arquivos = [arquivos] if isinstance(arquivos, str) else list(arquivos)
    sujeito = "o arquivo" if len(arquivos) == 1 else "os arquivos"
    verbo = "não está" if len(arquivos) == 1 else "não estão"
    nomes = lista(f"`{a}`" for a in arquivos)
    return f"*{parte}: parte omitida porque {sujeito} {nomes} {verbo} na pasta de dados.*"
