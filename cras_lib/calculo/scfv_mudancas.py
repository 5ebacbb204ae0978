"""What the Plano Anual do SCFV changes, measure by measure, and which change is the biggest.

Measures compared between the service today (``scfv_grupos.csv`` at the reference date) and the plan:

- ``grupos``: number of groups (today: groups of scfv_grupos; plan: planned groups);
- ``vagas``: places (today: Σ capacidade; plan: Σ meta de atendimento);
- ``cras``: CRAS with at least one group;
- ``ofertas``: pairs CRAS × age cycle with at least one group (a cycle offered in a CRAS).

The biggest change is the one with the largest relative change |plano − hoje| ÷ hoje (from 0 to anything
positive counts as infinite; ties keep the order above). Only measures known today take part: without
``scfv_grupos.csv`` there is nothing to compare.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

MEDIDAS = ("grupos", "vagas", "cras", "ofertas")


@dataclass(frozen=True)
class Mudanca:
    medida: str  # one of MEDIDAS
    hoje: int
    plano: int

    @property
    def diferenca(self) -> int:
        return self.plano - self.hoje

    @property
    def relativa(self) -> float:
        """(plano − hoje) ÷ hoje; ±inf from 0; 0 when both are 0."""
        if self.hoje == 0:
            return 0.0 if self.plano == 0 else math.copysign(math.inf, self.plano)
        return self.diferenca / self.hoje


def _ofertas(tabela: pd.DataFrame) -> set[tuple[str, str]]:
    return set(zip(tabela["id_cras"].astype(str), tabela["ciclo"].astype(str), strict=True))


def mudancas(grupos_atuais: pd.DataFrame | None, metas: pd.DataFrame) -> list[Mudanca]:
    """Every measure today and in the plan, in :data:`MEDIDAS` order (empty without ``scfv_grupos``).

    ``grupos_atuais``: scfv_grupos (``id_cras, ciclo, capacidade``); ``metas``: the plan's goals per CRAS
    and cycle (``id_cras, ciclo, meta, grupos``)."""
    if grupos_atuais is None:
        return []
    com_meta = metas[metas["grupos"] > 0]
    return [
        Mudanca("grupos", len(grupos_atuais), int(com_meta["grupos"].sum())),
        Mudanca("vagas", int(grupos_atuais["capacidade"].sum()), int(com_meta["meta"].sum())),
        Mudanca(
            "cras", grupos_atuais["id_cras"].astype(str).nunique(), com_meta["id_cras"].astype(str).nunique()
        ),
        Mudanca("ofertas", len(_ofertas(grupos_atuais)), len(_ofertas(com_meta))),
    ]


def maior_mudanca(lista: list[Mudanca]) -> Mudanca | None:
    """The change with the largest |relative change| (first in :data:`MEDIDAS` order on ties); None when
    nothing changes or nothing is known."""
    candidatas = [m for m in lista if m.diferenca != 0]
    if not candidatas:
        return None
    return max(candidatas, key=lambda m: abs(m.relativa))  # max keeps the first of equal keys
