"""The one period of the library: months ``inicio``..``fim`` inclusive, and the rule of the comparison period.

Every document and the runner speak of periods the same way: a :class:`Periodo` of monthly ``pd.Period``
(built from 'AAAA-MM' text, a date or a ``pd.Period``), and :func:`periodo_comparacao`, the one rule that says
whether a document compares with an earlier period — only when both ends are given; an empty or missing end
(the runner passes ``""`` for "no comparison") means none.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


def _mes(valor) -> pd.Period:
    return valor if isinstance(valor, pd.Period) and valor.freqstr == "M" else pd.Period(valor, "M")


@dataclass(frozen=True)
class Periodo:
    """Months ``inicio``..``fim`` inclusive, as monthly ``pd.Period`` (text 'AAAA-MM' is converted)."""

    inicio: pd.Period
    fim: pd.Period

    def __post_init__(self) -> None:
        object.__setattr__(self, "inicio", _mes(self.inicio))
        object.__setattr__(self, "fim", _mes(self.fim))

    @property
    def meses(self) -> pd.PeriodIndex:
        """Every month of the period, in order."""
        return pd.period_range(self.inicio, self.fim, freq="M")

    @property
    def e_ano_civil(self) -> bool:
        """Whether the period is one whole calendar year (January to December of the same year)."""
        return self.inicio.month == 1 and self.fim.month == 12 and self.inicio.year == self.fim.year


def _informado(valor) -> bool:
    if valor is None:
        return False
    if isinstance(valor, str):
        return bool(valor.strip())
    return not bool(pd.isna(valor))


def periodo_comparacao(inicio, fim) -> Periodo | None:
    """The comparison period, or None: there is one only when both ends are given (an empty text or a missing
    value at either end means no comparison)."""
    if _informado(inicio) and _informado(fim):
        return Periodo(inicio, fim)
    return None
