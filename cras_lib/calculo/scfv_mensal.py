"""The SCFV in one month: entries, exits and the situation on the month's last day, per CRAS and for the
municipality.

- ``entradas`` — users with ``data_entrada`` in the month; ``saidas`` — users with ``data_saida`` in the month
  (``scfv_participantes.csv``, the SISC list);
- on the last day of the month, the measures of :mod:`cras_lib.calculo.scfv_situacao` (``ativos``,
  ``capacidade``, ``ocupacao`` = ativos / capacidade, ``prioritarios`` and ``prioritarios_sobre_capacidade``
  = prioritários / capacidade, the measure of the goal of Resolução CNAS nº 01/2013: at least 50 % of the
  capacidade de atendimento filled by the público prioritário).
"""

from __future__ import annotations

import pandas as pd

from cras_lib.calculo import rma
from cras_lib.calculo.indicadores.catalogo import MUNICIPIO
from cras_lib.calculo.razao import razao
from cras_lib.calculo.scfv_situacao import situacao_por_cras

COLUNAS = (
    "entradas",
    "saidas",
    "ativos",
    "capacidade",
    "ocupacao",
    "prioritarios",
    "prioritarios_sobre_capacidade",
)


def _no_mes(datas: pd.Series, mes: pd.Period) -> pd.Series:
    datas = pd.to_datetime(datas)
    return ((datas >= mes.start_time) & (datas <= mes.end_time)).fillna(False).astype(bool)


def movimento_do_mes(participantes: pd.DataFrame, grupos: pd.DataFrame | None, ids_cras, mes) -> pd.DataFrame:
    """One row per CRAS of ``ids_cras`` (in that order) and a last row :data:`MUNICIPIO`, columns
    :data:`COLUNAS` (counts Int64, ratios Float64; capacity <NA> without ``scfv_grupos``). The municipal row
    sums the CRAS of ``ids_cras`` (users of a code outside it are left out) and recomputes the ratios."""
    mes = rma.mes(mes)
    ids = pd.Index(list(ids_cras), dtype="string", name="id_cras")
    cras = participantes["id_cras"].astype("string")
    entradas = _no_mes(participantes["data_entrada"], mes).groupby(cras).sum()
    saidas = _no_mes(participantes["data_saida"], mes).groupby(cras).sum()
    fim = mes.end_time.normalize()
    medidas = ["ativos", "capacidade", "prioritarios"]
    situacao = situacao_por_cras(participantes, grupos, None, fim).set_index("id_cras")[medidas].reindex(ids)
    tabela = situacao.assign(
        entradas=entradas.reindex(ids, fill_value=0).to_numpy(),
        saidas=saidas.reindex(ids, fill_value=0).to_numpy(),
    )
    tabela["ativos"] = tabela["ativos"].astype("Int64").fillna(0)
    tabela["prioritarios"] = tabela["prioritarios"].astype("Int64").fillna(0)
    if grupos is not None:
        tabela["capacidade"] = tabela["capacidade"].astype("Int64").fillna(0)
    dentro = participantes["id_cras"].astype("string").isin(ids).to_numpy(dtype=bool)
    linha = {
        "entradas": int(_no_mes(participantes["data_entrada"], mes)[dentro].sum()),
        "saidas": int(_no_mes(participantes["data_saida"], mes)[dentro].sum()),
        "ativos": tabela["ativos"].sum(),
        "capacidade": tabela["capacidade"].sum(min_count=1) if grupos is not None else pd.NA,
        "prioritarios": tabela["prioritarios"].sum(),
    }
    tabela = pd.concat([tabela, pd.DataFrame([linha], index=pd.Index([MUNICIPIO], name="id_cras"))])
    for coluna in ("entradas", "saidas", "ativos", "capacidade", "prioritarios"):
        tabela[coluna] = tabela[coluna].astype("Int64")
    tabela["ocupacao"] = razao(tabela["ativos"], tabela["capacidade"])
    tabela["prioritarios_sobre_capacidade"] = razao(tabela["prioritarios"], tabela["capacidade"])
    tabela.index = pd.Index(tabela.index, dtype="string", name="id_cras")
    return tabela[list(COLUNAS)]
