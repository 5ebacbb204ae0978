"""The few chart kinds of the documents, styled once, each returning its figure and a text alternative.

Axis labels and figures are pt-BR (Babel via ``formatacao``); the alternative text lists the values so that a
reader who cannot see the chart (screen reader, text-only e-mail) gets the same information. Every value axis
says its unit (percentages and money get "(%)" / "(R$)"), bars carry their values, the legend sits below the
axes (never over the data) and goal situations have colours of their own (:data:`CORES_SITUACAO`).

No global state: each chart is a :class:`Grafico` (a matplotlib ``Figure``) with its own off-screen Agg canvas
(never registered with ``pyplot``, so a notebook never shows it by itself), built inside ``matplotlib.rc_context``
with :data:`ESTILO`; importing this module changes neither the backend nor ``rcParams``. Charts of the same size
share a renderer, which carries only text measurements from one chart to the next (:class:`_Tela`).

Speed (a national run draws two charts per CRAS report, ≈ 17,000 charts): a chart is drawn once. ``tight_layout``
and ``savefig(bbox_inches="tight")`` each cost about one more drawing, so the single-axes charts get their
margins from the sizes of their own labels (measured once, :func:`_margens`) and :meth:`Grafico.png` crops the
white border off the drawn pixels instead of asking matplotlib for the tight bounding box. Text is most of the
rest: matplotlib 3.11 draws it glyph by glyph in Python, and the project's requirements skip that series
(``pyproject.toml``).
"""

from __future__ import annotations

import functools
import io
import math
import textwrap
import threading
from collections.abc import Sequence

import matplotlib
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator
from PIL import Image

from cras_lib.apresentacao import formatacao

COR = "#1f5f8b"
COR_ALERTA = "#c0392b"
COR_META = "#333333"
CORES_SERIES = ("#1f5f8b", "#e08e0b", "#2e8b57", "#8e44ad", "#c0392b", "#7f8c8d")
CORES_SITUACAO = {
    "atingida": "#2e7d32",
    "parcialmente atingida": "#e0a100",
    "não atingida": "#c0392b",
}
"""Bar colour by goal situation (green / amber / red, told apart also in grey print); others: :data:`COR`."""

ESTILO = {
    "figure.dpi": 110,  # the resolution of the PNG (exibicao.figura_html): layout and drawing share one renderer
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titleweight": "bold",
    "svg.hashsalt": "cras",
    # FreeType's hinting is a good part of the time of laying out a label (2 to 6 % of a chart's CPU with
    # matplotlib 3.10, more with 3.11, which hints each glyph when shaping it); unhinted glyphs are as legible
    # at 110 dpi
    "text.hinting": "no_hinting",
}
"""The charts' style, applied while each chart is built (``matplotlib.rc_context``)."""


ALTURA_LINHA = 0.2  # inches of one line of text at the style's font size, with its spacing
ALTURA_LEGENDA = 0.2  # inches of one row of a legend (8 points)
TITULO_MAXIMO = 70  # characters per line of a title at most (about 5.5 in, bold)
ROTULO_MAXIMO = 40  # characters per line of a category label (about 2.8 in at the style's font size)
CATEGORIAS_MAXIMAS = 20
"""Bars (or groups of bars) of one chart at most: more no longer fit an A4 page at a legible size, and the
chart's drawing and PNG grow with them. A document with more CRAS charts a selection or a summary and says so;
its tables list every CRAS."""
CRAS_PARA_GRAFICO = 3
"""CRAS a chart that compares CRAS needs at least: with one or two, the table (or a sentence) beside it says it
all, and the chart adds nothing (most municipalities have one or two CRAS)."""


_BRANCO = np.frombuffer(bytes((255, 255, 255, 0)), dtype=np.uint32)[0]
"""An RGBA pixel's colour bytes all at 255 (white) and its alpha byte at 0, as one 32-bit word."""


class _Tela(FigureCanvasAgg):
    """An Agg canvas that draws with the renderer its thread last used for a chart of the same size and
    resolution (a few of them per thread, :data:`RENDERIZADORES`).

    Matplotlib keeps the metrics of each text it lays out per renderer (``matplotlib.text``'s
    ``_get_text_metrics_with_cache``): with a new renderer per chart, every month, cycle and tick label is
    measured again in every chart; with a shared one, once per process (≈ 10 % of a chart's CPU, with the two
    canvases alternating in one process on ``bench/bench_graficos.py``'s charts). A renderer is cleared when a
    drawing starts, so what a chart draws does not depend on the charts before it; but its pixels are those of
    the last chart drawn at that size, so :meth:`Grafico.png` copies them before it returns."""

    _renderizadores = threading.local()

    def get_renderer(self):
        chave = (*self.figure.bbox.size, self.figure.dpi)
        cache = getattr(self._renderizadores, "cache", None)
        if cache is None:
            cache = self._renderizadores.cache = {}
        if chave not in cache:
            if len(cache) >= RENDERIZADORES:
                cache.pop(next(iter(cache)))  # the oldest size
            cache[chave] = RendererAgg(*chave)
        self.renderer = cache[chave]
        return self.renderer


RENDERIZADORES = 8
"""Renderers a thread keeps, one per chart size: a document draws charts of a few sizes (a line chart, bar
charts by number of categories), each renderer holds its pixels (≈ 1.5 MB for an 8 × 4 in chart)."""


class Grafico(Figure):
    """A figure of this module: laid out when built, drawn once by :meth:`png`."""

    BORDA = 0.1  # inches of white kept around the drawn content

    def png(self) -> bytes:
        """The chart as PNG at the figure's resolution, cropped to what is drawn plus :attr:`BORDA`: one drawing
        (``savefig(bbox_inches="tight")`` would draw twice), in the style it was laid out with, and no metadata
        (same chart, same bytes). The pixels are reduced to a palette of 256 colours (a chart has a few colours
        and their anti-aliasing): a quarter of the bytes of RGBA, and faster to compress."""
        with matplotlib.rc_context(ESTILO):
            self.canvas.draw()
        pixels = np.asarray(self.canvas.buffer_rgba())
        # ink: any colour channel below 255, read as one 32-bit word per pixel with alpha masked off
        cores = pixels.view(np.uint32)[:, :, 0] & _BRANCO
        tinta = cores != _BRANCO
        linhas, colunas = np.flatnonzero(tinta.any(axis=1)), np.flatnonzero(tinta.any(axis=0))
        if linhas.size:
            borda = round(self.BORDA * self.dpi)
            pixels = pixels[
                max(0, linhas[0] - borda) : linhas[-1] + borda + 1,
                max(0, colunas[0] - borda) : colunas[-1] + borda + 1,
            ]
        saida = io.BytesIO()
        imagem = Image.fromarray(pixels).convert("RGB").quantize(256, method=Image.Quantize.FASTOCTREE)
        # the octree averages the bucket of white with near-white anti-aliasing (254, 254, 254): white stays white
        paleta = imagem.getpalette()
        claro = 3 * max(range(len(paleta) // 3), key=lambda i: sum(paleta[3 * i : 3 * i + 3]))
        if min(paleta[claro : claro + 3]) >= 250:
            paleta[claro : claro + 3] = [255, 255, 255]
            imagem.putpalette(paleta)
        imagem.save(saida, format="png")
        return saida.getvalue()


def novo_grafico(largura: float, altura: float, *, eixos: bool = True):
    """A new chart of ``largura`` × ``altura`` inches with its own Agg canvas (and one axes unless ``eixos`` is
    false)."""
    fig = Grafico(figsize=(largura, altura))
    _Tela(fig)
    return fig, (fig.subplots() if eixos else None)


def _largura(fig: Figure, textos, titulo: bool = False) -> float:
    """Width in inches of the widest of ``textos`` in the style's font (its title font if ``titulo``)."""
    rc = matplotlib.rcParams
    tamanho, peso = (rc["axes.titlesize"], rc["axes.titleweight"]) if titulo else (rc["font.size"], "normal")
    fonte = (tamanho, peso, rc["font.size"], tuple(rc["font.family"]), tuple(rc["font.sans-serif"]))
    chave = (fonte, rc["text.hinting"], fig.dpi)
    return max((_pixels(str(t), chave) for t in textos if t), default=0.0) / fig.dpi


@functools.lru_cache(maxsize=4096)
def _pixels(texto: str, chave: tuple) -> float:
    """Width in pixels of ``texto`` with the font, hinting and dpi of ``chave`` (the rcParams it depends on,
    in effect when called): the same month, cycle and tick labels come back chart after chart, and laying a
    label out is most of measuring it."""
    (tamanho, peso, *_), _hinting, dpi = chave
    fonte = FontProperties(size=tamanho, weight=peso)
    return RendererAgg(1, 1, dpi).get_text_width_height_descent(texto, fonte, ismath=False)[0]


def _margens(
    fig: Figure,
    ax,
    titulo: str,
    *,
    esquerda: float,
    abaixo: float,
    legenda=None,
    topo: float = 0.45,
    direita: float = 0.3,
) -> None:
    """Place the axes with margins in inches: ``esquerda`` and ``abaixo`` are the room the caller measured for
    its tick and axis labels (what is left white is cropped by :meth:`Grafico.png`). The title goes over the
    axes in as many lines as it needs to stay inside the figure, at a fixed place (no search for overlapping
    ticks at every drawing); a figure ``legenda`` (``(legend, rows)`` of :func:`_legenda_abaixo`) goes under
    the labels, the figure growing by its height."""
    largura, altura = fig.get_size_inches()
    esquerda = min(esquerda, 0.55 * largura)
    cabe = largura - esquerda - direita + 2 * min(esquerda, direita) - 0.1
    por_linha = TITULO_MAXIMO
    linhas = textwrap.wrap(titulo, por_linha)
    while por_linha > 10 and _largura(fig, linhas, titulo=True) > cabe:
        por_linha -= 5
        linhas = textwrap.wrap(titulo, por_linha)
    ax.set_title("\n".join(linhas), y=1.0)
    topo += ALTURA_LINHA * (len(linhas) - 1)
    altura_legenda = 0.0
    if legenda is not None:
        objeto, linhas_legenda = legenda
        altura_legenda = ALTURA_LEGENDA * linhas_legenda + 0.1
        altura += altura_legenda
        fig.set_size_inches(largura, altura)
        objeto.set_bbox_to_anchor((0.5, altura_legenda / altura), transform=fig.transFigure)
    base = abaixo + altura_legenda
    fig.subplots_adjust(
        left=esquerda / largura, right=1 - direita / largura, bottom=base / altura, top=1 - topo / altura
    )


def _formatador(tipo: str):
    """Tick labels in pt-BR. A figure asks for the same ticks at each layout and draw pass; each formatter
    keeps the labels it made (Babel formatting is the slow part)."""
    if tipo == "percentual":
        formatar = lambda v: formatacao.percentual(v, casas=0)  # noqa: E731
    elif tipo == "moeda":
        formatar = formatacao.moeda
    else:
        formatar = lambda v: formatacao.numero(v, casas=1)  # noqa: E731
    feitos: dict[float, str] = {}

    def rotulo(v, _pos) -> str:
        if v not in feitos:
            feitos[v] = formatar(v)
        return feitos[v]

    return FuncFormatter(rotulo)


def com_unidade(rotulo: str, tipo: str) -> str:
    """A value axis label with its unit: 'Ocupação (%)', 'Custo por atendimento (R$)'; a 'numero' label names
    its unit itself ('Famílias no mês')."""
    sinal = {"percentual": "%", "moeda": "R$"}.get(tipo)
    return f"{rotulo} ({sinal})" if sinal and sinal not in rotulo else rotulo


def _legenda_abaixo(fig, handles, ncol: int = 3):
    """The legend under the axes, never over the data (placed by :func:`_margens`, under the tick and axis
    labels); returns ``(legend, rows)``."""
    legenda = fig.legend(handles=handles, loc="upper center", ncol=ncol, frameon=False, fontsize=8)
    return legenda, math.ceil(len(handles) / ncol)


def _valor_texto(v, tipo: str) -> str:
    if tipo == "percentual":
        return formatacao.percentual(v)
    if tipo == "moeda":
        return formatacao.moeda(v)
    return formatacao.numero(v)


def barras(
    categorias: Sequence[str],
    valores: Sequence[float],
    *,
    titulo: str,
    eixo_valor: str,
    tipo: str = "numero",
    meta: float | None = None,
    rotulo_meta: str = "Meta",
    destacar_abaixo_da_meta: bool = False,
    destaque: str | None = None,
    situacoes: Sequence[str] | None = None,
    eixo_categoria: str = "",
):
    """Horizontal bar chart (one bar per category), each bar with its value, with an optional goal line.

    ``tipo`` is 'numero', 'percentual' (values are fractions) or 'moeda'. Missing values are drawn as no bar and
    said as "sem dados" in the text alternative. With ``situacoes`` (the goal situation of each bar), bars take
    the colour of their situation (:data:`CORES_SITUACAO`) and the legend explains them. Returns ``(fig, alt)``.
    """
    with matplotlib.rc_context(ESTILO):
        return _barras(
            categorias,
            valores,
            titulo=titulo,
            eixo_valor=eixo_valor,
            tipo=tipo,
            meta=meta,
            rotulo_meta=rotulo_meta,
            destacar_abaixo_da_meta=destacar_abaixo_da_meta,
            destaque=destaque,
            situacoes=situacoes,
            eixo_categoria=eixo_categoria,
        )


def _barras(
    categorias,
    valores,
    *,
    titulo,
    eixo_valor,
    tipo,
    meta,
    rotulo_meta,
    destacar_abaixo_da_meta,
    destaque,
    situacoes,
    eixo_categoria,
):
    categorias = [str(c) for c in categorias]
    rotulos = [textwrap.fill(c, ROTULO_MAXIMO) for c in categorias]  # a long name takes lines, not the width
    linhas_extras = sum(r.count("\n") for r in rotulos)
    valores = [None if formatacao.ausente(v) else float(v) for v in valores]
    altura = max(2.5, 0.35 * len(categorias) + ALTURA_LINHA * linhas_extras + 1.2)
    fig, ax = novo_grafico(7.5, altura)
    cores = []
    for i, (c, v) in enumerate(zip(categorias, valores, strict=True)):
        abaixo = destacar_abaixo_da_meta and meta is not None and v is not None and v < meta
        if situacoes is not None:
            cores.append(CORES_SITUACAO.get(situacoes[i], COR))
        else:
            cores.append(COR_ALERTA if abaixo or c == destaque else COR)
    posicoes = range(len(categorias))
    barras_ = ax.barh(list(posicoes), [v or 0 for v in valores], color=cores)
    ax.bar_label(
        barras_, labels=["" if v is None else _valor_texto(v, tipo) for v in valores], padding=3, fontsize=8
    )
    ax.margins(x=0.12)  # room for the value at the end of the longest bar
    ax.set_yticks(list(posicoes), rotulos)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(_formatador(tipo))
    ax.set_xlabel(com_unidade(eixo_valor, tipo))
    if eixo_categoria:
        ax.set_ylabel(eixo_categoria)
    legendas = []
    if situacoes is not None:
        presentes = [s for s in CORES_SITUACAO if s in set(situacoes)]
        legendas += [Patch(color=CORES_SITUACAO[s], label=f"Meta {s}") for s in presentes]
    if meta is not None:
        legendas.append(
            ax.axvline(
                meta,
                color=COR_META,
                linestyle="--",
                linewidth=1.2,
                label=f"{rotulo_meta}: {_valor_texto(meta, tipo)}",
            )
        )
    legenda = _legenda_abaixo(fig, legendas, ncol=min(4, len(legendas))) if legendas else None
    minimo, maximo = ax.get_xlim()
    rotulos_x = [ax.xaxis.get_major_formatter()(v, None) for v in ax.get_xticks() if minimo <= v <= maximo]
    _margens(
        fig,
        ax,
        titulo,
        esquerda=_largura(fig, [linha for r in rotulos for linha in r.splitlines()])
        + (ALTURA_LINHA if eixo_categoria else 0)
        + 0.25,
        abaixo=2 * ALTURA_LINHA + 0.15,
        legenda=legenda,
        direita=_largura(fig, rotulos_x[-1:]) / 2 + 0.2,
    )
    itens = "; ".join(f"{c}: {_valor_texto(v, tipo)}" for c, v in zip(categorias, valores, strict=True))
    alt = f"Gráfico de barras — {titulo}. {eixo_valor} por categoria: {itens}."
    if meta is not None:
        alt += f" Linha de referência ({rotulo_meta}) em {_valor_texto(meta, tipo)}."
    return fig, alt


def _passo_dos_meses(n: int) -> int:
    """Every month labelled up to a year; beyond, one label per quarter (up to three years), then per half-year or
    year: a dozen labels at most, so they neither crowd nor cost a text layout each for nothing."""
    for passo in (1, 3, 6, 12):
        if n <= 12 * passo:
            return passo
    return max(1, n // 12)


def _contagens(ax, meta: float | None) -> bool:
    """Whether every value drawn on ``ax`` (and the goal line) is a whole number: a count, whose axis must not
    read 15,2 … 15,8 CRAS when the line stays between 15 and 16."""
    valores = [y for linha in ax.get_lines() for y in linha.get_ydata() if y == y]
    if meta is not None:
        valores.append(meta)
    return bool(valores) and all(float(y).is_integer() for y in valores)


def serie_mensal(
    meses: Sequence,
    series: dict[str, Sequence[float]],
    *,
    titulo: str,
    eixo_valor: str,
    tipo: str = "numero",
    meta: float | None = None,
):
    """Line chart of one or more monthly series (months as ``pandas.Period``); gaps for months not reported.

    Returns ``(fig, alt)``; the alternative text gives, per series, first and last values, minimum and maximum and
    the months without data.
    """
    with matplotlib.rc_context(ESTILO):
        return _serie_mensal(meses, series, titulo=titulo, eixo_valor=eixo_valor, tipo=tipo, meta=meta)


def _serie_mensal(meses, series, *, titulo, eixo_valor, tipo, meta):
    rotulos = [formatacao.mes_abreviado(m) for m in meses]
    fig, ax = novo_grafico(8, 3.6)
    partes = []
    for i, (nome, valores) in enumerate(series.items()):
        ys = [float("nan") if formatacao.ausente(v) else float(v) for v in valores]
        ax.plot(
            range(len(ys)),
            ys,
            marker="o",
            markersize=3,
            color=CORES_SERIES[i % len(CORES_SERIES)],
            label=nome,
        )
        presentes = [(r, y) for r, y in zip(rotulos, ys, strict=True) if y == y]
        faltantes = [r for r, v in zip(rotulos, valores, strict=True) if formatacao.ausente(v)]
        if presentes:
            minimo = min(presentes, key=lambda p: p[1])
            maximo = max(presentes, key=lambda p: p[1])
            texto = (
                f"{nome}: de {_valor_texto(presentes[0][1], tipo)} em {presentes[0][0]} a "
                f"{_valor_texto(presentes[-1][1], tipo)} em {presentes[-1][0]}; mínimo {_valor_texto(minimo[1], tipo)} "
                f"({minimo[0]}), máximo {_valor_texto(maximo[1], tipo)} ({maximo[0]})"
            )
        else:
            texto = f"{nome}: sem dados"
        if faltantes:
            texto += f"; sem dados em {', '.join(faltantes)}"
        partes.append(texto)
    passo = _passo_dos_meses(len(rotulos))
    ax.set_xticks(list(range(0, len(rotulos), passo)), rotulos[::passo], rotation=45, ha="right")
    if tipo == "numero" and _contagens(ax, meta):  # matplotlib's default ticks, at whole numbers only
        ax.yaxis.set_major_locator(MaxNLocator(nbins="auto", steps=[1, 2, 2.5, 5, 10], integer=True))
    ax.yaxis.set_major_formatter(_formatador(tipo))
    ax.set_ylabel(com_unidade(eixo_valor, tipo))
    ax.set_xlabel("Mês")
    if meta is not None:
        ax.axhline(
            meta, color=COR_META, linestyle="--", linewidth=1.2, label=f"Meta: {_valor_texto(meta, tipo)}"
        )
    legenda = None
    if len(series) > 1 or meta is not None:
        legenda = _legenda_abaixo(
            fig, ax.get_legend_handles_labels()[0], ncol=min(3, len(series) + (meta is not None))
        )
    rotulos_y = [ax.yaxis.get_major_formatter()(v, None) for v in ax.get_yticks()]
    _margens(
        fig,
        ax,
        titulo,
        esquerda=_largura(fig, rotulos_y) + ALTURA_LINHA + 0.3,
        abaixo=0.71 * (_largura(fig, rotulos[::passo]) + ALTURA_LINHA) + ALTURA_LINHA + 0.15,  # labels at 45°
        legenda=legenda,
        direita=0.2,
    )
    alt = f"Gráfico de linhas — {titulo}. " + ". ".join(partes) + "."
    return fig, alt


def pequenos_multiplos(
    meses: Sequence,
    paineis: dict[str, Sequence[float]],
    *,
    titulo: str,
    eixo_valor: str,
    colunas: int = 4,
    texto_valor=None,
    ocultar=None,
):
    """Small multiples: one small line chart per panel (e.g. per CRAS) of the same monthly series, the last
    month marked; each panel has its own scale (units of very different size stay readable). Missing values
    are gaps. The figure is 7.2 in wide (inside an A4 page's text width at 110 dpi).

    ``texto_valor`` formats a value for the text alternative (default pt-BR number); a value for which
    ``ocultar`` is true (e.g. a count below the suppression threshold) is not drawn, and the text alternative
    says it as ``texto_valor`` does ('< 5'). Returns ``(fig, alt)``; the alternative text gives, per panel,
    the last month's value, the first month's and the months without data.
    """
    with matplotlib.rc_context(ESTILO):
        return _pequenos_multiplos(meses, paineis, titulo, eixo_valor, colunas, texto_valor, ocultar)


def _pequenos_multiplos(meses, paineis, titulo, eixo_valor, colunas, texto_valor, ocultar):
    texto_valor = texto_valor or (lambda v: _valor_texto(v, "numero"))
    ocultar = ocultar or (lambda _v: False)
    nomes = list(paineis)
    linhas = max(1, math.ceil(len(nomes) / colunas))
    fig, _ = novo_grafico(7.2, 1.25 * linhas + 0.7, eixos=False)
    eixos = fig.subplots(linhas, colunas, squeeze=False)
    rotulos = [formatacao.mes_abreviado(m) for m in meses]
    partes = []
    for i, ax in enumerate(eixos.flat):
        if i >= len(nomes):
            ax.set_axis_off()
            continue
        nome = nomes[i]
        valores = list(paineis[nome])
        ys = [float("nan") if formatacao.ausente(v) or ocultar(v) else float(v) for v in valores]
        ax.plot(range(len(ys)), ys, color=COR, linewidth=1.2)
        if ys and ys[-1] == ys[-1]:
            ax.plot([len(ys) - 1], [ys[-1]], marker="o", markersize=4, color=COR_ALERTA)
        ax.set_title(nome, fontsize=7, fontweight="normal")
        ax.tick_params(labelsize=6)
        ax.set_xticks([0, len(ys) - 1], [rotulos[0], rotulos[-1]] if rotulos else [])
        ax.yaxis.set_major_formatter(_formatador("numero"))
        ultimo = texto_valor(paineis[nome][-1]) if len(ys) else formatacao.SEM_DADOS
        primeiro = texto_valor(paineis[nome][0]) if len(ys) else formatacao.SEM_DADOS
        texto = f"{nome}: {ultimo} em {rotulos[-1]} ({primeiro} em {rotulos[0]})" if rotulos else nome
        faltantes = [r for r, v in zip(rotulos, valores, strict=True) if formatacao.ausente(v)]
        if faltantes:
            texto += f", sem dados em {', '.join(faltantes)}"
        partes.append(texto)
    fig.suptitle(titulo, fontsize=9, fontweight="bold")
    fig.supylabel(eixo_valor, fontsize=7)
    fig.supxlabel("Mês (primeiro e último do período)", fontsize=7)
    fig.tight_layout()
    alt = f"Gráficos de linhas, um por unidade — {titulo}. " + "; ".join(partes) + "."
    return fig, alt
