"""Minimum reference team of a CRAS (NOB-RH/SUAS, Resolução CNAS nº 269/2006), as data.

By referenced families: up to 2,500 -> 2 higher-education technicians (1 assistente social, 1 preferably
psicólogo) + 2 mid-level; up to 3,500 -> 3 higher (2 assistentes sociais, 1 preferably psicólogo) + 3 mid-level;
for every 5,000 -> 4 higher (2 assistentes sociais, 1 psicólogo, 1 other SUAS profession) + 4 mid-level.
Every CRAS also has 1 coordinator: higher education, career civil servant (concursado / estatutário).
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class EquipeMinima:
    """Minimum team of one CRAS by the NOB-RH/SUAS band of its referenced families."""

    faixa: str  # band label in Portuguese
    coordenador: int
    assistentes_sociais: int
    psicologos: int
    outros_superior: (
        int  # other SUAS higher-level profession (e.g. pedagogo, sociólogo, terapeuta ocupacional)
    )
    nivel_medio: int

    @property
    def tecnicos_superior(self) -> int:
        return self.assistentes_sociais + self.psicologos + self.outros_superior


# (upper bound of referenced families, label, assistentes sociais, psicólogos, outros superior, nível médio)
FAIXAS: tuple[tuple[float, str, int, int, int, int], ...] = (
    (2_500, "até 2.500 famílias referenciadas", 1, 1, 0, 2),
    (3_500, "até 3.500 famílias referenciadas", 2, 1, 0, 3),
)
POR_5000 = (2, 1, 1, 4)  # per 5,000 referenced families: AS, psicólogo, other higher, mid-level
FAMILIAS_POR_MODULO = 5_000

# Professions that count as "other SUAS higher-level profession" (Resolução CNAS 17/2011 lists the categories).
OUTRAS_PROFISSOES_SUAS = ("pedagogo", "terapeuta_ocupacional", "sociologo", "outra")
VINCULO_CARREIRA = ("estatutario",)  # career civil servant, as the NOB-RH requires of the coordinator
# Not a NOB-RH figure: the municipal job descriptions give every CRAS its administrative support (auxiliar
# administrativo: reception, registers, files of the unit); the reports ask for at least this many per CRAS.
MINIMO_AUXILIARES_ADMINISTRATIVOS = 1


def equipe_minima(familias_referenciadas: int) -> EquipeMinima:
    """Minimum CRAS team for ``familias_referenciadas`` (NOB-RH/SUAS 2006).

    Above 3,500 families the norm sets the team "a cada 5.000 famílias referenciadas": one module of
    4 higher + 4 mid-level per started block of 5,000 families.
    """
    for limite, faixa, as_, psi, outros, medio in FAIXAS:
        if familias_referenciadas <= limite:
            return EquipeMinima(faixa, 1, as_, psi, outros, medio)
    modulos = max(1, math.ceil(familias_referenciadas / FAMILIAS_POR_MODULO))
    as_, psi, outros, medio = (n * modulos for n in POR_5000)
    faixa = (
        "até 5.000 famílias referenciadas" if modulos == 1 else f"{modulos} × 5.000 famílias referenciadas"
    )
    return EquipeMinima(faixa, 1, as_, psi, outros, medio)
