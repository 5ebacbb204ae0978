"""What every check of the reference month reads, computed once: the month's forms, the previous month's, the
history of each CRAS and the SCFV users active at the end of the month.

A month a CRAS did not report is missing, never zero (Resolução CIT nº 04/2011: one form per CRAS per
month). A form whose items are all zero (or empty) is kept apart (:attr:`Contexto.zerados`): it is reported
by RMA-01 and left out of the other checks and of the history, as the MDS leaves it out of the "base tratada".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from cras_lib.calculo import rma
from cras_lib.calculo.scfv_situacao import participantes_ativos
from cras_lib.parametros.boletim import PADRAO, ArquivoBoletim

# RMA D items of the SCFV and the age cycle (scfv_grupos.csv ``ciclo``) of the groups they count: D.2 0–6,
# D.3 7–14, D.4 15–17, D.5 older people; later forms D.8 18–29 and D.9 30–59 (RMA instruction manual).
D_DO_CICLO: dict[str, str] = {
    "d2": "ate_6",
    "d3": "6_a_15",
    "d4": "15_a_17",
    "d5": "60_mais",
    "d8": "18_a_29",
    "d9": "30_a_59",
}


@dataclass(frozen=True)
class Contexto:
    """The inputs of the checks for one reference month."""

    municipio: object  # cras_lib.dados.municipio.Municipio
    mes: pd.Period
    parametros: ArquivoBoletim = PADRAO

    @cached_property
    def ids(self) -> pd.Index:
        """The CRAS expected to report: every unit of ``unidades.csv``, in file order."""
        return pd.Index(self.municipio.unidades["id_cras"].astype("string").dropna().unique(), name="id_cras")

    @cached_property
    def itens(self) -> list[str]:
        """The RMA items present in the file (form order)."""
        return rma.itens(self.municipio.rma_cras)

    @cached_property
    def rma(self) -> pd.DataFrame:
        """Every RMA row of the CRAS of ``unidades.csv`` up to the reference month, with ``zerado`` (all items 0
        or empty). Rows of codes not in ``unidades.csv`` are CRZ-02's alone."""
        tabela = self.municipio.rma_cras
        filtro = (tabela["mes_referencia"] <= self.mes) & tabela["id_cras"].isin(self.ids)
        tabela = tabela.loc[filtro.to_numpy(dtype=bool)].copy()
        itens = tabela[self.itens]
        tabela["zerado"] = (itens.fillna(0) == 0).all(axis=1).to_numpy(dtype=bool)
        tabela["id_cras"] = tabela["id_cras"].astype("string")
        return tabela

    @cached_property
    def do_mes(self) -> pd.DataFrame:
        """The forms of the reference month, indexed by ``id_cras`` (every CRAS that sent one)."""
        return self.rma.loc[self.rma["mes_referencia"] == self.mes].set_index("id_cras")

    @cached_property
    def zerados(self) -> pd.Index:
        """CRAS whose form of the month is all zeros."""
        return self.do_mes.index[self.do_mes["zerado"].to_numpy(dtype=bool)]

    @cached_property
    def preenchidos(self) -> pd.DataFrame:
        """The month's forms that are not all zeros (what the other RMA checks look at)."""
        return self.do_mes.loc[~self.do_mes["zerado"].to_numpy(dtype=bool), self.itens]

    @cached_property
    def anterior(self) -> pd.DataFrame:
        """The forms of the previous month, indexed by ``id_cras`` (all-zero forms left out)."""
        linhas = self.rma.loc[(self.rma["mes_referencia"] == self.mes - 1) & ~self.rma["zerado"]]
        return linhas.set_index("id_cras")[self.itens]

    @cached_property
    def historico(self) -> pd.DataFrame:
        """Per CRAS, the last ``meses_historico`` months it reported before the reference month (all-zero
        forms left out), long table with ``id_cras``, ``mes_referencia`` and the items."""
        antes = self.rma.loc[(self.rma["mes_referencia"] < self.mes) & ~self.rma["zerado"]]
        antes = antes.sort_values(["id_cras", "mes_referencia"])
        return antes.groupby("id_cras", sort=False).tail(self.parametros.meses_historico)

    @cached_property
    def ativos_scfv(self) -> pd.DataFrame | None:
        """SCFV users active on the last day of the month (``scfv_participantes.csv``); None without it."""
        participantes = self.municipio.scfv_participantes
        if participantes is None:
            return None
        return participantes_ativos(participantes, self.municipio.scfv_grupos, self.mes.end_time.normalize())
