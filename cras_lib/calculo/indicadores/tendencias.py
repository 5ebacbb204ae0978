"""Monthly series of the evaluation's trend charts (RMA, Resolução CIT nº 04/2011; SCFV attendance). A month a
CRAS did not report is left out of that month's mean (never a zero that would read as a fall); a month nobody
reported is a gap."""

from __future__ import annotations

import pandas as pd

from cras_lib.calculo import rma
from cras_lib.calculo.indicadores.contexto import Contexto
from cras_lib.calculo.razao import razao


def media_por_cras_informante(ctx: Contexto, item: str) -> pd.Series:
    """RMA ``item`` month by month: mean over the CRAS that reported that month (Float64, <NA> when none
    did)."""
    serie = rma.serie_mensal(ctx.rma_cras, item, ctx.inicio, ctx.fim, ctx.ids).astype("Float64")
    return serie.mean(axis=1, skipna=True).astype("Float64").rename(item)


def cras_informantes(ctx: Contexto) -> pd.Series:
    """How many CRAS reported the RMA each month of the period."""
    meses = ctx.rma_linhas.groupby("mes_referencia")["id_cras"].nunique()
    return meses.reindex(ctx.meses, fill_value=0).astype("Int64")


def cras_sem_rma(ctx: Contexto) -> pd.Series:
    """How many CRAS of ``unidades.csv`` did NOT report the RMA each month of the period (Int64)."""
    return (len(ctx.ids) - cras_informantes(ctx)).clip(lower=0).astype("Int64").rename("cras_sem_rma")


def frequencia_mensal_scfv(ctx: Contexto) -> pd.Series:
    """SCFV attendance rate of the municipality month by month: Σ presenças ÷ Σ encontros previstos (<NA> for
    a month without attendance records). Requires ``scfv_frequencia``."""
    f = ctx.scfv_frequencia
    linhas = f.loc[(f["mes_referencia"] >= ctx.inicio) & (f["mes_referencia"] <= ctx.fim)]
    soma = linhas.groupby("mes_referencia")[["presencas", "encontros_previstos"]].sum().reindex(ctx.meses)
    return razao(soma["presencas"], soma["encontros_previstos"]).rename("frequencia")
