"""Municipal size (porte, PNAS 2004) and CRAS capacity (NOB/SUAS 2005), as data.

Source: PNAS/2004 (porte by inhabitants) and NOB/SUAS 2005 (minimum number of CRAS, families referenced per
CRAS and PAIF capacity in families per year). See ``docs/dominio.md``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Porte:
    nome: str
    habitantes_ate: float  # upper bound of the band (inclusive)
    cras_minimo: int
    familias_por_cras: int  # referenced families per CRAS (upper bound)
    capacidade_paif: int  # families attended per year by the PAIF of one CRAS


PORTES: tuple[Porte, ...] = (
    Porte("Pequeno porte I", 20_000, 1, 2_500, 500),
    Porte("Pequeno porte II", 50_000, 1, 3_500, 750),
    Porte("Médio porte", 100_000, 2, 5_000, 1_000),
    Porte("Grande porte", 900_000, 4, 5_000, 1_000),
    Porte("Metrópole", float("inf"), 8, 5_000, 1_000),
)

# PAIF capacity of one CRAS by the families it references (NOB/SUAS 2005): up to 2,500 -> 500 families/year;
# up to 3,500 -> 750; up to 5,000 (and beyond, the maximum of a CRAS) -> 1,000.
CAPACIDADE_PAIF_POR_REFERENCIADAS: tuple[tuple[float, int], ...] = (
    (2_500, 500),
    (3_500, 750),
    (float("inf"), 1_000),
)
MAXIMO_REFERENCIADAS_POR_CRAS = 5_000


def porte_do_municipio(habitantes: int) -> Porte:
    """The PNAS 2004 porte of a municipality with ``habitantes`` inhabitants."""
    return next(p for p in PORTES if habitantes <= p.habitantes_ate)


def capacidade_paif(familias_referenciadas: int) -> int:
    """Families per year the PAIF of one CRAS is expected to attend (NOB/SUAS 2005)."""
    return next(c for limite, c in CAPACIDADE_PAIF_POR_REFERENCIADAS if familias_referenciadas <= limite)
