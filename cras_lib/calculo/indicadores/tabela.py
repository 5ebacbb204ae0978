"""Computing the whole catalogue for a period: the long table (every indicator × every CRAS and the
municipality) and the municipal table of the document (declaration, value, target, situation, comparison
period).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from cras_lib.calculo import rma
from cras_lib.calculo.indicadores.catalogo import CATALOGO, COLUNAS_RESULTADO, MUNICIPIO, Indicador, sem_dados
from cras_lib.calculo.indicadores.contexto import Contexto
from cras_lib.calculo.indicadores.metas import Meta, classificar


def disponivel(indicador: Indicador, ctx: Contexto) -> bool:
    """Whether every source file of ``indicador`` is available in ``ctx``, with the extra columns it needs
    (:attr:`~.catalogo.Indicador.colunas`) present and not empty."""
    return all(ctx.tem(fonte) for fonte in indicador.fontes) and not colunas_ausentes([indicador.codigo], ctx)


def colunas_ausentes(codigos: Iterable[str], ctx: Contexto) -> list[tuple[str, str]]:
    """The (file, column) pairs the indicators ``codigos`` need beyond the contract and that are absent or
    empty in ``ctx`` (a file present without the column; an absent file is :func:`arquivos_ausentes`')."""
    faltam = []
    for codigo in codigos:
        for arquivo, nome in CATALOGO[codigo].colunas:
            if ctx.tem(arquivo) and ctx.coluna(arquivo, nome) is None and (arquivo, nome) not in faltam:
                faltam.append((arquivo, nome))
    return faltam


def arquivos_ausentes(codigos: Iterable[str], ctx: Contexto) -> list[str]:
    """The source files of the indicators ``codigos`` that are absent from ``ctx``, sorted."""
    return sorted({f for c in codigos for f in CATALOGO[c].fontes if not ctx.tem(f)})


def calcular_indicador(indicador: Indicador, ctx: Contexto) -> pd.DataFrame:
    """The result of one indicator (:func:`~.catalogo.resultado` shape); all <NA> when a source file is
    absent. Computed once per context (the evaluation and the reports' ranks ask for the same ones)."""
    return ctx.lembrar(
        ("indicador", indicador.codigo),
        lambda: indicador.calcular(ctx) if disponivel(indicador, ctx) else sem_dados(ctx.ids),
    )


def calcular_todos(ctx: Contexto, comparacao: bool = False) -> pd.DataFrame:
    """Long table: one row per indicator (catalogue order) and CRAS (by code, the municipality last), columns
    ``codigo, id_cras, numerador, denominador, valor, disponivel``.

    ``comparacao``: the table of a comparison period, where the indicators that cannot be computed for it
    (:attr:`~.catalogo.Indicador.sem_comparacao`) are not computed and have numerator, denominator and value
    <NA> — e.g. the SCFV occupancy of last year would divide last year's users by this year's places."""
    partes = [
        sem_dados(ctx.ids) if comparacao and indicador.sem_comparacao else calcular_indicador(indicador, ctx)
        for indicador in CATALOGO.values()
    ]
    # one concatenation keyed by code, not a reset and an assign per indicator (≈ 1 ms each)
    longa = pd.concat(partes, keys=list(CATALOGO), names=["codigo", "id_cras"]).reset_index()
    longa["codigo"] = longa["codigo"].astype("string")
    disponiveis = [disponivel(indicador, ctx) for indicador in CATALOGO.values()]
    longa["disponivel"] = np.repeat(disponiveis, [len(parte) for parte in partes])
    return longa[["codigo", "id_cras", *COLUNAS_RESULTADO, "disponivel"]]


def por_cras(longa: pd.DataFrame, coluna: str = "valor") -> pd.DataFrame:
    """Wide view of the long table: rows = CRAS (municipality excluded), columns = indicator codes."""
    cras = longa.loc[longa["id_cras"] != MUNICIPIO]
    largo = cras.pivot(index="id_cras", columns="codigo", values=coluna)
    return largo.reindex(columns=[c for c in CATALOGO if c in largo.columns])


def quadro_municipal(
    longa: pd.DataFrame,
    metas: dict[str, Meta],
    longa_comparacao: pd.DataFrame | None = None,
    *,
    ctx: Contexto | None = None,
) -> pd.DataFrame:
    """One row per indicator for the municipality: its declaration, numerator, denominator, value, target and
    situation (:func:`~.metas.classificar`); with a comparison period, ``numerador_comparacao``,
    ``denominador_comparacao``, ``valor_comparacao``, ``diferenca``
    (valor − valor_comparacao) and ``variacao`` (relative change, <NA> on a zero or missing base).

    ``nome`` is the name the reader sees, with the parameters of ``ctx``
    (:meth:`~.catalogo.Indicador.nome_em`).
    """
    municipio = longa.loc[longa["id_cras"] == MUNICIPIO].set_index("codigo")
    linhas = []
    for codigo, ind in CATALOGO.items():
        linha = municipio.loc[codigo]
        meta = metas.get(codigo)
        linhas.append(
            {
                "codigo": codigo,
                "nome": ind.nome_em(ctx),
                "dimensao": ind.dimensao,
                "servico": ind.servico,
                "formula": ind.formula,
                "fontes": ", ".join(ind.fontes),
                "unidade": ind.unidade,
                "maior_melhor": ind.maior_melhor,
                "numerador": linha["numerador"],
                "denominador": linha["denominador"],
                "valor": linha["valor"],
                "meta": pd.NA if meta is None else meta.valor,
                "disponivel": bool(linha["disponivel"]),
            }
        )
    quadro = pd.DataFrame(linhas).astype(
        {"numerador": "Float64", "denominador": "Float64", "valor": "Float64", "meta": "Float64"}
    )
    quadro["situacao"] = pd.Series(
        [
            classificar(
                CATALOGO[c].valor_comparavel(pd.Series([v], dtype="Float64")),
                metas.get(c),
                CATALOGO[c].maior_melhor,
            ).iloc[0]
            for c, v in zip(quadro["codigo"], quadro["valor"], strict=True)
        ],
        index=quadro.index,
        dtype="string",
    )
    if longa_comparacao is not None:
        anterior = longa_comparacao.loc[longa_comparacao["id_cras"] == MUNICIPIO].set_index("codigo")
        for coluna in COLUNAS_RESULTADO:
            quadro[f"{coluna}_comparacao"] = quadro["codigo"].map(anterior[coluna]).astype("Float64")
        quadro["diferenca"] = quadro["valor"] - quadro["valor_comparacao"]
        quadro["variacao"] = pd.array(
            [rma.variacao(a, b) for a, b in zip(quadro["valor"], quadro["valor_comparacao"], strict=True)],
            dtype="Float64",
        )
    return quadro


def situacao_por_cras(longa: pd.DataFrame, metas: dict[str, Meta]) -> pd.DataFrame:
    """Situation of every CRAS in every indicator (rows = CRAS, columns = codes), against the same targets."""
    valores = por_cras(longa)
    return pd.DataFrame(
        {
            c: classificar(CATALOGO[c].valor_comparavel(valores[c]), metas.get(c), CATALOGO[c].maior_melhor)
            for c in valores.columns
        },
        index=valores.index,
    )
