"""The one ratio of the library (SCFV situation, the plan's rates, the evaluation indicators)."""

from __future__ import annotations

import pandas as pd


def razao(numerador: pd.Series, denominador: pd.Series) -> pd.Series:
    """numerador / denominador as Float64, <NA> where the denominator is 0 or unknown (never ∞ or an error)."""
    num = numerador.astype("Float64")
    den = denominador.astype("Float64")
    return (num / den.where(den > 0)).astype("Float64")
