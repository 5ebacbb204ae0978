"""Cost and federal co-financing estimate of the Plano Anual do SCFV (``docs/dominio.md``, "Cofinanciamento").

Federal co-financing of the SCFV (Piso Básico Variável, PBV; reordenamento by Resolução CNAS nº 01/2013 and
Resolução CIT nº 01/2013, cofinanciamento by Portaria MDS nº 134/2013) follows the capacidade de atendimento::

    cofinanciamento anual = capacidade de atendimento × valor de referência por usuário e mês × 12

The reference value is the parameter ``financiamento.valor_referencia_pbv`` of ``params/plano_scfv.yaml``. The
plan's capacidade de atendimento is its meta; the estimate supposes the capacity co-financed by the federal
government (the aceite) becomes the plan's: it is an order of magnitude for the council, not a transfer.

Cost of a place (all sources)::

    custo por vaga e mês = parameter financiamento.custo_vaga_mes, or
                           Σ SCFV spending in custos.csv (every source) of the latest year ≤ the reference year,
                           over the CRAS with groups and a cost line ÷ Σ their capacities ÷ 12
    custo anual do plano = meta × custo por vaga e mês × 12   (per CRAS with the municipal cost of a place)
    contrapartida       = custo anual − cofinanciamento federal anual (municipal and state sources)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import pandas as pd

MESES = 12
SERVICO = "scfv"


@dataclass(frozen=True)
class Financiamento:
    """The estimate; ``por_cras`` has ``id_cras, vagas_atuais, vagas_plano, cofinanciamento_atual,
    cofinanciamento_plano, custo_plano, contrapartida_plano`` (reais per year; cost columns <NA> without a
    cost of a place)."""

    valor_referencia_pbv: float
    custo_vaga_mes: float | None
    origem_custo: Literal["parametro", "custos"] | None  # None: no cost (no custos.csv nor parameter)
    ano_custos: int | None  # year of custos.csv used (cost of a place or federal transfer registered)
    gasto_base: float | None  # Σ SCFV spending used for the cost of a place (origem "custos")
    capacidade_base: int | None  # Σ capacity of the CRAS whose spending was used
    federal_registrado: float | None  # federal SCFV transfer registered in custos.csv in ano_custos
    por_cras: pd.DataFrame

    def total(self, coluna: str):
        """Municipal total of a ``por_cras`` column (<NA> when every CRAS is <NA>)."""
        return self.por_cras[coluna].sum(min_count=1)


def _ano_dos_custos(custos: pd.DataFrame | None, ano_referencia: int) -> int | None:
    """The latest year ≤ ``ano_referencia`` with SCFV lines in custos.csv."""
    if custos is None:
        return None
    anos = custos.loc[(custos["servico"] == SERVICO) & (custos["ano"] <= ano_referencia), "ano"]
    return int(anos.max()) if len(anos) else None


def _gasto_por_cras(custos: pd.DataFrame, ano: int, fonte: str | None = None) -> pd.Series:
    linhas = custos.loc[(custos["servico"] == SERVICO) & (custos["ano"] == ano)]
    if fonte is not None:
        linhas = linhas.loc[linhas["fonte"] == fonte]
    return linhas.groupby(linhas["id_cras"].astype("string"))["valor"].sum().astype("Float64")


def estimar(
    metas_cras: pd.DataFrame,
    custos: pd.DataFrame | None,
    ano_referencia: int,
    valor_referencia_pbv: float,
    custo_vaga_mes: float | None = None,
) -> Financiamento:
    """The estimate from the plan's goals per CRAS (:func:`cras_lib.calculo.scfv_plano.metas_por_cras`:
    ``id_cras, capacidade_atual, meta``), the spending (``custos.csv``; None when absent) and the parameters
    (rule in the module docstring)."""
    tabela = pd.DataFrame(
        {
            "id_cras": metas_cras["id_cras"].astype("string"),
            "vagas_atuais": metas_cras["capacidade_atual"].astype("Int64"),
            "vagas_plano": metas_cras["meta"].astype("Int64"),
        }
    )
    ano = _ano_dos_custos(custos, ano_referencia)
    gasto_base = capacidade_base = federal = None
    origem = None
    custo = custo_vaga_mes
    if ano is not None:
        federal = float(_gasto_por_cras(custos, ano, "federal").sum())
    if custo is not None:
        origem = "parametro"
    elif ano is not None:
        gasto = _gasto_por_cras(custos, ano)
        capacidade = tabela.set_index("id_cras")["vagas_atuais"].fillna(0)
        pares = [c for c in gasto.index if capacidade.get(c, 0) > 0]
        if pares:
            gasto_base = float(gasto[pares].sum())
            capacidade_base = int(capacidade[pares].sum())
            custo = gasto_base / capacidade_base / MESES
            origem = "custos"
    por_ano = valor_referencia_pbv * MESES
    tabela["cofinanciamento_atual"] = (tabela["vagas_atuais"].astype("Float64") * por_ano).astype("Float64")
    tabela["cofinanciamento_plano"] = (tabela["vagas_plano"].astype("Float64") * por_ano).astype("Float64")
    if custo is None:
        tabela["custo_plano"] = pd.array([pd.NA] * len(tabela), dtype="Float64")
    else:
        tabela["custo_plano"] = (tabela["vagas_plano"].astype("Float64") * custo * MESES).astype("Float64")
    tabela["contrapartida_plano"] = tabela["custo_plano"] - tabela["cofinanciamento_plano"]
    return Financiamento(
        valor_referencia_pbv=float(valor_referencia_pbv),
        custo_vaga_mes=None if custo is None else float(custo),
        origem_custo=origem,
        ano_custos=ano,
        gasto_base=gasto_base,
        capacidade_base=capacidade_base,
        federal_registrado=federal,
        por_cras=tabela.sort_values("id_cras").reset_index(drop=True),
    )
