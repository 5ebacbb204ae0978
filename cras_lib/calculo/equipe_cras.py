"""The roles of a CRAS team outside the NOB-RH/SUAS reference team: orientadores sociais and auxiliares
administrativos (the municipal job descriptions, ``docs/dominio.md``), so that a report covers every role.

- **Orientadores sociais** mediate the SCFV groups (Resolução CNAS nº 9/2014). Their need is the Plano Anual do
  SCFV's rule and figure (:func:`cras_lib.calculo.scfv_plano.orientadores_do_plano`): weekly hours of the
  encounters of the groups planned for the CRAS plus the planning share, against the weekly hours of the
  roster's orientadores; missing = ceil(hours missing ÷ reference working week). The report and the plan show
  the same number because they call the same function on the same inputs.
- **Auxiliares administrativos**: the NOB-RH gives no number; every CRAS needs at least
  :data:`cras_lib.norma.nob_rh.MINIMO_AUXILIARES_ADMINISTRATIVOS` (a choice stated in ``docs/dominio.md``).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from cras_lib.norma.nob_rh import MINIMO_AUXILIARES_ADMINISTRATIVOS

FUNCAO_AUXILIAR = "auxiliar_administrativo"


@dataclass(frozen=True)
class Orientadores:
    """Orientador social of one CRAS by the plan's rule, for the groups planned for ``ano_plano``."""

    ano_plano: int
    grupos: int  # groups planned for the CRAS
    horas_necessarias: float  # per week: encounters + planning share
    horas_disponiveis: float  # per week, of the roster's orientadores sociais
    presentes: int  # orientadores sociais in the roster
    em_falta: int  # the plan's "orientadores a contratar"
    jornada: float  # reference working week of an orientador (hours)
    fracao_planejamento: float


@dataclass(frozen=True)
class Auxiliares:
    """Auxiliares administrativos of one CRAS against the minimum per CRAS."""

    presentes: int
    minimo: int = MINIMO_AUXILIARES_ADMINISTRATIVOS

    @property
    def em_falta(self) -> int:
        return max(0, self.minimo - self.presentes)


def orientadores_por_cras(
    tabela: pd.DataFrame, ids_cras, ano_plano: int, parametros
) -> dict[str, Orientadores]:
    """:class:`Orientadores` of every CRAS of ``ids_cras`` from the plan's orientador table
    (:func:`~cras_lib.calculo.scfv_plano.orientadores`); a CRAS absent from it has no group and no orientador."""
    linhas = tabela.assign(id_cras=tabela["id_cras"].astype(str)).set_index("id_cras")
    saida = {}
    for i in ids_cras:
        i = str(i)
        r = linhas.loc[i] if i in linhas.index else None

        def valor(coluna, r=r):
            return 0 if r is None or pd.isna(r[coluna]) else r[coluna]

        saida[i] = Orientadores(
            ano_plano=int(ano_plano),
            grupos=int(valor("grupos")),
            horas_necessarias=float(valor("horas_necessarias")),
            horas_disponiveis=float(valor("horas_disponiveis")),
            presentes=int(valor("orientadores_atuais")),
            em_falta=int(valor("orientadores_faltantes")),
            jornada=float(parametros.jornada_orientador),
            fracao_planejamento=float(parametros.fracao_planejamento),
        )
    return saida


def auxiliares_por_cras(equipes: pd.DataFrame, ids_cras) -> dict[str, Auxiliares]:
    """:class:`Auxiliares` of every CRAS of ``ids_cras`` (rows of ``equipes.csv`` with that função)."""
    funcao = equipes["funcao"].astype("string")
    contagem = equipes.loc[(funcao == FUNCAO_AUXILIAR).fillna(False), "id_cras"].astype(str).value_counts()
    return {str(i): Auxiliares(int(contagem.get(str(i), 0))) for i in ids_cras}
