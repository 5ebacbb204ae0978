"""RMA (Registro Mensal de Atendimentos) over a period: aggregation by CRAS, monthly series, months not
reported.

Norm: Resolução CIT nº 04/2011 (RMA) and its instruction manual. A.1 and D.1–D.5, D.7 (and later D.N age
bands) are stocks — families or people *in* follow-up or in a group that month — so a period's figure is the
**mean over the months reported**, never the sum; A.2, B.*, C.* and D.6 are flows and are **summed over the
months reported** (``cras_lib.norma.rma``). A month a CRAS did not report is missing, never zero: it is left
out of the mean and of the sum, and counted in ``meses_nao_reportados``. When no month of the period was
reported the figure is <NA>.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from cras_lib.apresentacao.formatacao import ausente
from cras_lib.norma import rma as norma_rma

_ITEM = re.compile(r"([a-d])(\d+)")


def mes(valor) -> pd.Period:
    """A month as ``pandas.Period`` (frequency M) from '2025-01', a Period or a date."""
    return pd.Period(valor, "M")


def meses_do_periodo(inicio, fim) -> pd.PeriodIndex:
    """Every month from ``inicio`` to ``fim`` inclusive."""
    return pd.period_range(mes(inicio), mes(fim), freq="M", name="mes_referencia")


def itens(rma_cras: pd.DataFrame) -> list[str]:
    """The RMA item columns present (a1..d7 and extra dN), in form order (A, B, C, D; numeric within a
    block)."""
    presentes = [c for c in rma_cras.columns if _ITEM.fullmatch(str(c))]
    return sorted(presentes, key=lambda c: (c[0], int(c[1:])))


def e_estoque(item: str) -> bool:
    """Stock or flow by ``cras_lib.norma.rma``; an item the norm does not list is a flow unless it is a D.N
    (blocks B and C of the form are counts of the month, i.e. flows)."""
    try:
        return norma_rma.e_estoque(item)
    except KeyError:
        return False


def _ids(rma_cras: pd.DataFrame, ids_cras) -> pd.Index:
    if ids_cras is None:
        return pd.Index(sorted(rma_cras["id_cras"].dropna().unique()), dtype="string", name="id_cras")
    return pd.Index(pd.unique(pd.Series(list(ids_cras), dtype="string")), dtype="string", name="id_cras")


def no_periodo(rma_cras: pd.DataFrame, inicio, fim, ids: Iterable[str] | None = None) -> pd.DataFrame:
    """The rows of ``rma_cras`` of the months ``inicio``..``fim`` (and of the CRAS ``ids``, when given)."""
    meses = rma_cras["mes_referencia"]
    filtro = (meses >= mes(inicio)) & (meses <= mes(fim))
    if ids is not None:
        filtro &= rma_cras["id_cras"].isin(ids)
    return rma_cras.loc[filtro]


def agregar_periodo(
    rma_cras: pd.DataFrame, inicio, fim, ids_cras: Iterable[str] | None = None
) -> pd.DataFrame:
    """RMA items of each CRAS over the months ``inicio``..``fim`` (inclusive), stock/flow aware.

    Returns one row per CRAS (index ``id_cras``: the ``ids_cras`` given, in that order, or every CRAS present
    in ``rma_cras``, sorted) and one column per RMA item present:
    - stock items (A.1, D.1–D.5, D.7, D.8+): mean over the months reported (Float64);
    - flow items (A.2, B.*, C.*, D.6): sum over the months reported (Int64);
    - <NA> when the CRAS reported no month of the period (or left the item empty in every month reported);
    plus ``meses_esperados`` (months in the period), ``meses_reportados`` and ``meses_nao_reportados``.
    """
    ids = _ids(rma_cras, ids_cras)
    dados = no_periodo(rma_cras, inicio, fim, ids)
    todos = itens(rma_cras)
    estoques = [i for i in todos if e_estoque(i)]
    fluxos = [i for i in todos if not e_estoque(i)]
    grupos = dados.groupby("id_cras", sort=True)
    partes = [
        grupos[estoques].mean().astype("Float64"),
        grupos[fluxos].sum(min_count=1).astype("Int64"),
        grupos["mes_referencia"].nunique().rename("meses_reportados"),
    ]
    saida = pd.concat(partes, axis=1).reindex(ids)
    esperados = len(meses_do_periodo(inicio, fim))
    saida = saida[todos].assign(
        meses_esperados=pd.array([esperados] * len(saida), dtype="Int64"),
        meses_reportados=saida["meses_reportados"].fillna(0).astype("Int64"),
    )
    saida["meses_nao_reportados"] = saida["meses_esperados"] - saida["meses_reportados"]
    saida.index.name = "id_cras"
    return saida


def meses_nao_reportados(rma_cras: pd.DataFrame, ids_cras: Iterable[str] | None, inicio, fim) -> pd.DataFrame:
    """Months of ``inicio``..``fim`` each CRAS did not report: DataFrame(id_cras, mes_referencia), sorted.

    ``ids_cras`` are the CRAS expected to report (e.g. every unit of ``unidades.csv``); None = those in the
    RMA.
    """
    ids = _ids(rma_cras, ids_cras)
    esperado = pd.MultiIndex.from_product(
        [sorted(ids), meses_do_periodo(inicio, fim)], names=["id_cras", "mes_referencia"]
    )
    dados = no_periodo(rma_cras, inicio, fim, ids)
    reportado = pd.MultiIndex.from_frame(dados[["id_cras", "mes_referencia"]])
    faltam = esperado[~esperado.isin(reportado)]
    saida = faltam.to_frame(index=False)
    saida["id_cras"] = saida["id_cras"].astype("string")
    return saida.sort_values(["id_cras", "mes_referencia"], ignore_index=True)


def serie_mensal(
    rma_cras: pd.DataFrame, item: str, inicio, fim, ids_cras: Iterable[str] | None = None
) -> pd.DataFrame:
    """One RMA item month by month: rows = every month of the period (PeriodIndex), columns = id_cras.

    A month a CRAS did not report is <NA> (a gap in a chart), never zero.
    """
    ids = _ids(rma_cras, ids_cras)
    dados = no_periodo(rma_cras, inicio, fim, ids)
    tabela = dados.pivot(index="mes_referencia", columns="id_cras", values=item)
    saida = tabela.reindex(index=meses_do_periodo(inicio, fim), columns=ids)
    saida.columns.name = "id_cras"
    return saida


def variacao(atual, anterior):
    """Relative change ``(atual − anterior) / anterior``; <NA> when either is missing or the base is zero."""
    if ausente(atual) or ausente(anterior) or float(anterior) == 0:
        return pd.NA
    return (float(atual) - float(anterior)) / float(anterior)
