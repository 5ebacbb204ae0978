"""Generic Brazilian Portuguese wording shared by every document: counts in agreement, verbs, month lists,
ordinals, period labels, comparisons with direction and size, shares and indicator values.

Rules: agreement of number and gender (:func:`quantidade`: "nenhuma família" / "1 família" / "2 famílias";
:func:`verbo`: "foi inserida" / "foram inseridas"); pt-BR numbers, percentages and month names through
:mod:`cras_lib.apresentacao.formatacao` (Babel); comparisons state direction and size (:func:`comparacao`:
"cresceu 12,5 % em relação a 2024", "manteve-se estável ..." within :data:`TOLERANCIA_ESTAVEL`); counts of
people and families between 1 and the suppression threshold read "menos de 5" in running text (tables keep
the compact "< 5" of :func:`cras_lib.apresentacao.privacidade.contagem_segura` and explain it in a note), and the
percentage that would reveal them is left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

import pandas as pd

from cras_lib.apresentacao import formatacao
from cras_lib.apresentacao.formatacao import (
    SEM_DADOS,
    ausente,
    inteiro,
    lista,
    mes_extenso,
    numero,
    percentual,
)
from cras_lib.apresentacao.privacidade import suprimir

if TYPE_CHECKING:
    from cras_lib.calculo.periodo import Periodo

TOLERANCIA_ESTAVEL = 0.01  # |change| up to 1 % reads "manteve-se estável"


def menos_de(limiar: int) -> str:
    """A suppressed count in running text: 'menos de 5' (never the '<' sign of the tables)."""
    return f"menos de {limiar}"


def quantidade(
    n, singular: str, plural: str | None = None, *, feminino: bool = False, limiar: int | None = None
) -> str:
    """A count with its noun in agreement: 'nenhuma família', '1 família', '2 famílias', '1.234,5 famílias'.

    ``plural`` defaults to ``singular + 's'``; ``feminino`` chooses 'nenhuma'/'nenhum' for zero. With ``limiar``
    (counts of people or families), 1 .. limiar-1 reads 'menos de 5 famílias'. A missing ``n`` reads 'sem dados' —
    templates test for it first, so a report never shows it.
    """
    plural = plural or singular + "s"
    if ausente(n):
        return SEM_DADOS
    if limiar is not None and suprimir(n, limiar):
        return f"{menos_de(limiar)} {plural}"
    if float(n) == 0:
        return f"{'nenhuma' if feminino else 'nenhum'} {singular}"
    return formatacao.plural(n, singular, plural)


def contagem(n, limiar: int | None = None) -> str:
    """A bare count in running text: 'menos de 5' when suppressed, else '1.234' or '12,5' (means of stocks)."""
    if ausente(n):
        return SEM_DADOS
    if limiar is not None and suprimir(n, limiar):
        return menos_de(limiar)
    return inteiro(n) if float(n).is_integer() else numero(n)


def verbo(n, singular: str, plural: str, *, limiar: int | None = None) -> str:
    """The verb in agreement with the count ``n``: singular for 0 and 1 ('nenhuma família foi'), plural otherwise
    (also for a suppressed 'menos de 5')."""
    if limiar is not None and suprimir(n, limiar):
        return plural
    return singular if not ausente(n) and abs(float(n)) <= 1 else plural


def lista_meses(meses: Iterable) -> str:
    """Months grouped by year, in order: 'março e julho de 2025', 'dezembro de 2024 e janeiro de 2025'."""
    periodos = sorted({pd.Period(m, "M") for m in meses})
    por_ano: dict[int, list[pd.Period]] = {}
    for p in periodos:
        por_ano.setdefault(p.year, []).append(p)
    partes = []
    for ano, lista_ano in por_ano.items():
        nomes = [mes_extenso(p).removesuffix(f" de {ano}") for p in lista_ano]
        partes.append(f"{lista(nomes)} de {ano}")
    return lista(partes)


def lista_do_texto(texto: str) -> str:
    """A list typed in an input file ('Vila Nova, Jardim Primavera, Morro do Sol', or with ';') written as a
    list in running text ('Vila Nova, Jardim Primavera e Morro do Sol'); kept as typed when it already ends
    with 'e' ('Centro e Jardim')."""
    itens = [i.strip() for i in re.split(r"[;,]\s+", str(texto)) if i.strip()]
    if len(itens) <= 1 or " e " in itens[-1]:
        return ", ".join(itens)
    return lista(itens)


def ordinal(k: int, *, feminino: bool = True) -> str:
    """'1ª' / '3º'."""
    return f"{int(k)}{'ª' if feminino else 'º'}"


def rotulo_periodo(inicio: pd.Period, fim: pd.Period) -> str:
    """'2025' for a calendar year, else 'janeiro a junho de 2025'."""
    if inicio.month == 1 and fim.month == 12 and inicio.year == fim.year:
        return str(inicio.year)
    return formatacao.periodo_extenso(inicio, fim)


def referencia_comparacao(comparacao: Periodo | None) -> str:
    """'em relação a 2024' or 'em relação ao período de janeiro a junho de 2024' ('' without comparison)."""
    if comparacao is None:
        return ""
    rotulo = rotulo_periodo(comparacao.inicio, comparacao.fim)
    return f"em relação a {rotulo}" if rotulo.isdigit() else f"em relação ao período de {rotulo}"


def comparacao(variacao, referencia: str, tolerancia: float = TOLERANCIA_ESTAVEL) -> str:
    """Direction and size of a relative change: 'cresceu 12,5 % em relação a 2024', 'caiu 3,2 % ...',
    'manteve-se estável ...' (|change| <= ``tolerancia``); '' when the change is unknown."""
    if ausente(variacao) or not referencia:
        return ""
    v = float(variacao)
    if abs(v) <= tolerancia:
        return f"manteve-se estável {referencia}"
    return f"{'cresceu' if v > 0 else 'caiu'} {percentual(abs(v))} {referencia}"


def parcela(n, total, *, limiar: int | None = None) -> str:
    """' (12,5 %)' — the share of ``n`` in ``total``; '' when unknown, when the total is 0, or when ``n`` is a
    suppressed count (its percentage would reveal it)."""
    if ausente(n) or ausente(total) or float(total) <= 0:
        return ""
    if limiar is not None and suprimir(n, limiar):
        return ""
    return f" ({percentual(float(n) / float(total))})"


def valor_indicador(valor, unidade: str, unidade_texto: str = "") -> str:
    """An indicator value as text by its unit (percentual, moeda, razao, nota)."""
    if ausente(valor):
        return SEM_DADOS
    if unidade == "percentual":
        return percentual(valor)
    if unidade == "moeda":
        return formatacao.moeda(valor)
    if unidade == "nota":
        return f"{numero(valor)} de 5"
    return f"{numero(valor)} {unidade_texto}".strip()


def minusculo_inicial(texto: str) -> str:
    """'Crianças até 6 anos' -> 'crianças até 6 anos' (labels used inside a sentence)."""
    return texto[:1].lower() + texto[1:] if texto else texto
