"""Brazilian Portuguese formatting of numbers, percentages, money and dates (Babel, locale pt_BR).

Every figure a reader sees goes through here, so that "1.234,5", "12,5 %", "R$ 1.234,50" and
"janeiro de 2025" are written one way across the documents. Missing values become "sem dados".
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from numbers import Number

import pandas as pd
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal, format_percent

LOCALE = "pt_BR"
SEM_DADOS = "sem dados"


def ausente(valor) -> bool:
    """True for None, NA, NaN, NaT and infinities — values a reader must never see."""
    if valor is None or valor is pd.NA or valor is pd.NaT:
        return True
    if isinstance(valor, Number):
        try:
            return math.isnan(valor) or math.isinf(valor)
        except TypeError:
            return False
    try:
        return bool(pd.isna(valor))
    except (TypeError, ValueError):
        return False


def numero(valor, casas: int = 1) -> str:
    """A real number with up to ``casas`` decimals: 1234.5 -> '1.234,5'."""
    if ausente(valor):
        return SEM_DADOS
    padrao = "#,##0" + ("." + "#" * casas if casas else "")
    return format_decimal(valor, format=padrao, locale=LOCALE)


def inteiro(valor) -> str:
    """An integer with thousands separator: 12345 -> '12.345'."""
    if ausente(valor):
        return SEM_DADOS
    return format_decimal(round(float(valor)), format="#,##0", locale=LOCALE)


def percentual(fracao, casas: int = 1) -> str:
    """A fraction as a percentage with a space before the sign: 0.125 -> '12,5 %'."""
    if ausente(fracao):
        return SEM_DADOS
    padrao = "#,##0" + ("." + "#" * casas if casas else "") + " %"
    return format_percent(fracao, format=padrao, locale=LOCALE)


def moeda(valor) -> str:
    """Money in reais: 1234.5 -> 'R$ 1.234,50'."""
    if ausente(valor):
        return SEM_DADOS
    return format_currency(valor, "BRL", locale=LOCALE).replace("\xa0", " ")


def _como_data(valor) -> dt.date:
    if isinstance(valor, pd.Period):
        return valor.to_timestamp().date()
    if isinstance(valor, pd.Timestamp):
        return valor.date()
    if isinstance(valor, dt.datetime):
        return valor.date()
    if isinstance(valor, dt.date):
        return valor
    return pd.Timestamp(valor).date()


def _data(valor, padrao: str) -> str:
    """A date, month or Period in the Babel (CLDR) ``padrao``; "sem dados" when missing."""
    if ausente(valor):
        return SEM_DADOS
    return format_date(_como_data(valor), padrao, locale=LOCALE)


def mes_extenso(mes) -> str:
    """A month as words: Period('2025-01') -> 'janeiro de 2025'."""
    return _data(mes, "MMMM 'de' y")


def mes_abreviado(mes) -> str:
    """A short month label for chart axes: Period('2025-01') -> 'jan/2025'."""
    return _data(mes, "MMM/y").replace(".", "")


def data_extenso(data) -> str:
    """A date as words: 2025-12-31 -> '31 de dezembro de 2025'."""
    return _data(data, "d 'de' MMMM 'de' y")


def data_curta(data) -> str:
    """A date as DD/MM/AAAA."""
    return _data(data, "dd/MM/y")


def periodo_extenso(inicio, fim) -> str:
    """A period of months: ('2025-01', '2025-12') -> 'janeiro a dezembro de 2025'."""
    a, b = pd.Period(inicio, "M"), pd.Period(fim, "M")
    if a == b:
        return mes_extenso(a)
    if a.year == b.year:
        return f"{_data(a, 'MMMM')} a {mes_extenso(b)}"
    return f"{mes_extenso(a)} a {mes_extenso(b)}"


def plural(n, singular: str, plural_: str | None = None) -> str:
    """'1 família' / '2 famílias' / '1.234 famílias' — agreement of number, pt-BR figures.

    ``plural_`` defaults to ``singular + 's'``; pass it for irregular words ('1 ação' / '2 ações').
    """
    palavra = singular if not ausente(n) and abs(float(n)) == 1 else (plural_ or singular + "s")
    figura = inteiro(n) if ausente(n) or float(n).is_integer() else numero(n)
    return f"{figura} {palavra}"


def lista(itens: Iterable[str]) -> str:
    """'a', 'a e b', 'a, b e c' (Babel's pt-BR list pattern); empty items are left out. Every list a reader
    sees in running text goes through here."""
    itens = [i for i in itens if i]
    return format_list(itens, locale=LOCALE) if itens else ""
