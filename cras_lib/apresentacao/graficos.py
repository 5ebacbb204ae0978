"""The few chart kinds of the documents, styled once, each returning its figure and a text alternative.

Axis labels and figures are pt-BR (Babel via ``formatacao``); the alternative text lists the values so that a
reader who cannot see the chart (screen reader, text-only e-mail) gets the same information. Every value axis
says its unit (percentages and money get "(%)" / "(R$)"), bars carry their values, the legend sits below the
axes (never over the data) and goal situations have colours of their own (:data:`CORES_SITUACAO`).

No global state: each chart is a :class:`matplotlib.figure.Figure` with its own off-screen Agg canvas (never
registered with ``pyplot``, so a notebook never shows it by itself), built inside ``matplotlib.rc_context``
with :data:`ESTILO`; importing this module changes neither the backend nor ``rcParams``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

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
    "figure.dpi": 100,
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titleweight": "bold",
    "svg.hashsalt": "cras",
}
"""The charts' style, applied while each chart is built (``matplotlib.rc_context``)."""


def _figura(largura: float, altura: float):
    """A new figure with its own Agg canvas and one axes."""
    fig = Figure(figsize=(largura, altura))
    FigureCanvasAgg(fig)
    return fig, fig.subplots()


def _formatador(tipo: str):
    if tipo == "percentual":
        return FuncFormatter(lambda v, _pos: formatacao.percentual(v, casas=0))
    if tipo == "moeda":
        return FuncFormatter(lambda v, _pos: formatacao.moeda(v))
    return FuncFormatter(lambda v, _pos: formatacao.numero(v, casas=1))


def com_unidade(rotulo: str, tipo: str) -> str:
    """A value axis label with its unit: 'Ocupação (%)', 'Custo por atendimento (R$)'; a 'numero' label names
    its unit itself ('Famílias no mês')."""
    sinal = {"percentual": "%", "moeda": "R$"}.get(tipo)
    return f"{rotulo} ({sinal})" if sinal and sinal not in rotulo else rotulo


def _legenda_abaixo(fig, ax, handles=None, ncol: int = 3) -> None:
    """The legend under the axes (below the tick labels and axis label), never over the data."""
    fig.tight_layout()
    caixa = ax.get_tightbbox(fig.canvas.get_renderer()).transformed(fig.transFigure.inverted())
    kwargs = {"handles": handles} if handles is not None else {}
    fig.legend(
        **kwargs,
        loc="upper center",
        bbox_to_anchor=(0.5, caixa.y0),
        bbox_transform=fig.transFigure,
        ncol=ncol,
        frameon=False,
        fontsize=8,
    )


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
    valores = [None if formatacao.ausente(v) else float(v) for v in valores]
    altura = max(2.5, 0.35 * len(categorias) + 1.2)
    fig, ax = _figura(7.5, altura)
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
    ax.set_yticks(list(posicoes), categorias)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(_formatador(tipo))
    ax.set_xlabel(com_unidade(eixo_valor, tipo))
    if eixo_categoria:
        ax.set_ylabel(eixo_categoria)
    ax.set_title(titulo)
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
    if legendas:
        _legenda_abaixo(fig, ax, legendas, ncol=min(4, len(legendas)))
    else:
        fig.tight_layout()
    itens = "; ".join(f"{c}: {_valor_texto(v, tipo)}" for c, v in zip(categorias, valores, strict=True))
    alt = f"Gráfico de barras — {titulo}. {eixo_valor} por categoria: {itens}."
    if meta is not None:
        alt += f" Linha de referência ({rotulo_meta}) em {_valor_texto(meta, tipo)}."
    return fig, alt


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
    fig, ax = _figura(8, 3.6)
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
    passo = max(1, len(rotulos) // 12)
    ax.set_xticks(list(range(0, len(rotulos), passo)), rotulos[::passo], rotation=45, ha="right")
    ax.yaxis.set_major_formatter(_formatador(tipo))
    ax.set_ylabel(com_unidade(eixo_valor, tipo))
    ax.set_xlabel("Mês")
    ax.set_title(titulo)
    if meta is not None:
        ax.axhline(
            meta, color=COR_META, linestyle="--", linewidth=1.2, label=f"Meta: {_valor_texto(meta, tipo)}"
        )
    if len(series) > 1 or meta is not None:
        _legenda_abaixo(fig, ax, ncol=min(3, len(series) + (meta is not None)))
    else:
        fig.tight_layout()
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
    fig = Figure(figsize=(7.2, 1.25 * linhas + 0.7))
    FigureCanvasAgg(fig)
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
