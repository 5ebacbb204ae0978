"""The one ratio of the library (SCFV situation, the plan's rates, the evaluation indicators)."""

from __future__ import annotations

import numpy as np
import pandas as pd


def razao(numerador: pd.Series, denominador: pd.Series) -> pd.Series:
    """numerador / denominador as Float64, <NA> where the denominator is 0 or unknown (never ∞ or an error).

    Series with different indexes are aligned first (the union of both, as pandas' division does)."""
    num = numerador.astype("Float64")
    den = denominador.astype("Float64")
    if not num.index.equals(den.index):
        num, den = num.align(den)
    nome = num.name if num.name == den.name else None
    return pd.Series(razao_de_valores(num.array, den.array), index=num.index, name=nome)


def razao_de_valores(
    numerador: pd.arrays.FloatingArray, denominador: pd.arrays.FloatingArray
) -> pd.arrays.FloatingArray:
    """:func:`razao` of two aligned Float64 arrays, element by element, in NumPy (the indicators compute it
    tens of thousands of times in a national run)."""
    num = numerador.to_numpy(dtype="float64", na_value=np.nan)
    den = denominador.to_numpy(dtype="float64", na_value=np.nan)
    valido = ~(numerador.isna() | denominador.isna()) & (den > 0)  # a NaN denominator is not > 0
    valores = np.divide(num, den, out=np.zeros_like(num), where=valido)
    return pd.arrays.FloatingArray(valores, ~valido)
