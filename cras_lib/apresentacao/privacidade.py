"""Privacy rules for shared outputs (LGPD; ``docs/contrato-de-dados.md``, "Dados pessoais").

Personal columns are read only to compute ages and counts; they never reach a shared document. Counts of people
or families between 1 and the suppression threshold minus one (default 5) are shown as "< 5", so that nobody can
be identified from a small cell; zero identifies no one and is shown.
"""

from __future__ import annotations

import pandas as pd

from cras_lib.apresentacao.formatacao import ausente, inteiro, percentual
from cras_lib.dados.contrato import ARQUIVOS

LIMIAR_PADRAO = 5

COLUNAS_PESSOAIS: frozenset[str] = frozenset(c for a in ARQUIVOS for c in a.colunas_pessoais)


def suprimir(n, limiar: int = LIMIAR_PADRAO) -> bool:
    """True when the count ``n`` must be hidden (1 <= n < limiar)."""
    return not ausente(n) and 0 < n < limiar


def contagem_segura(n, limiar: int = LIMIAR_PADRAO) -> str:
    """A count as a reader may see it: '< 5' when small enough to identify someone, else pt-BR formatted."""
    return f"< {limiar}" if suprimir(n, limiar) else inteiro(n)


def suprimir_tabela(tabela: pd.DataFrame, colunas, limiar: int = LIMIAR_PADRAO) -> pd.DataFrame:
    """A copy of ``tabela`` with the count ``colunas`` turned into safe text ('< 5' or the formatted count)."""
    saida = tabela.copy()
    for coluna in colunas:
        saida[coluna] = [contagem_segura(v, limiar) for v in tabela[coluna]]
    return saida


def sem_colunas_pessoais(tabela: pd.DataFrame) -> pd.DataFrame:
    """``tabela`` without any personal column of the contract (nome, cpf, nis, data_nascimento)."""
    return tabela.drop(columns=[c for c in tabela.columns if c in COLUNAS_PESSOAIS])


OMITIDO = "omitido"
"""Text of a cell hidden by complementary suppression: it is not small, but showing it would let a reader
recover a small count from the total (the table's note explains it)."""

NOTA_OMITIDO = (
    f"“{OMITIDO}”: número ocultado para que um número menor que o limite de sigilo não possa ser obtido "
    "pela diferença entre o total e as demais linhas."
)


def nota_contagem_suprimida(limiar: int = LIMIAR_PADRAO) -> str:
    """The note under a table with the compact mark of a suppressed count (running text says 'menos de 5')."""
    return f"“< {limiar}”: menos de {limiar} pessoas ou famílias; o número exato não é divulgado para proteger a identidade de quem foi atendido."


def divulgavel(*contagens, limiar: int = LIMIAR_PADRAO) -> bool:
    """Whether a rate, share, mean or rank built on these counts of people or families may be shown: none of
    them is suppressed (1 .. limiar − 1). Its value would otherwise reveal the hidden count."""
    return not any(suprimir(n, limiar) for n in contagens)


def _mascara(inicio: int, fim: int) -> int:
    """Bits ``inicio .. fim`` (inclusive) set: the set of whole numbers in that range."""
    return 0 if fim < inicio else ((1 << (fim - inicio + 1)) - 1) << inicio


def dominio(oculta: str, limiar: int, teto: int) -> int:
    """The values a reader knows a hidden cell may hold (bit set), up to ``teto``: a primary cell ("< 5") is
    1 .. limiar − 1; a complementary one ("omitido") is 0 or limiar and more."""
    if oculta == "primaria":
        return _mascara(1, min(limiar - 1, teto))
    return 1 | _mascara(limiar, teto)


def valores_possiveis(dominios: list[int], soma: int) -> list[set[int]]:
    """For hidden cells whose values add up to ``soma`` (the shown total minus the shown parts), each cell's
    domain given as a bit set: the values each cell may still hold. A cell with one possible value is
    recovered by the reader."""
    if soma < 0:
        return [set() for _ in dominios]
    limite = _mascara(0, soma)

    def somar(a: int, b: int) -> int:  # sumset of two bit sets, cut at ``soma``
        saida, k = 0, 0
        while b >> k:
            if (b >> k) & 1:
                saida |= (a << k) & limite
            k += 1
        return saida

    possiveis = []
    for i, dom in enumerate(dominios):
        outros = 1
        for j, d in enumerate(dominios):
            if j != i:
                outros = somar(outros, d)
        possiveis.append({x for x in range(soma + 1) if (dom >> x) & 1 and (outros >> (soma - x)) & 1})
    return possiveis


def recuperaveis(partes: list, ocultas: list[str | None], total, limiar: int = LIMIAR_PADRAO) -> list[bool]:
    """Which hidden parts a reader can work out from a shown ``total`` (the sum of ``partes``) and the shown
    parts. ``ocultas[i]`` is None (shown), "primaria" ("< 5") or "complementar" ("omitido")."""
    indices = [i for i, o in enumerate(ocultas) if o]
    saida = [False] * len(partes)
    if not indices or total is None:
        return saida
    soma = int(total) - sum(int(partes[i]) for i, o in enumerate(ocultas) if not o)
    possiveis = valores_possiveis([dominio(ocultas[i], limiar, max(soma, 0)) for i in indices], soma)
    for i, valores in zip(indices, possiveis, strict=True):
        saida[i] = len(valores) <= 1
    return saida


def suprimir_partes(partes, total_exibido: bool = True, limiar: int = LIMIAR_PADRAO) -> tuple[list, bool]:
    """Primary and complementary suppression of counts shown with their total (one table column with a
    total row, or a sentence "442 benefícios (65, < 5 e 376)").

    Returns ``(ocultas, total_oculto)``: for each part None (show it), "primaria" (show "< 5") or
    "complementar" (show :data:`OMITIDO`), and whether the total must be hidden too. Parts between 1 and
    ``limiar`` − 1 are hidden; then, while a reader could work out a hidden part from the total and the shown
    parts, the next smallest shown part (not zero) is hidden as well, or the total when no part is left.
    Missing parts (None/NA) are treated as not shown and not counted.
    """
    valores = [None if ausente(p) else int(p) for p in partes]
    ocultas: list[str | None] = [
        "primaria" if v is not None and suprimir(v, limiar) else None for v in valores
    ]
    total = sum(v for v in valores if v is not None)
    total_oculto = suprimir(total, limiar)
    if not total_exibido or total_oculto or any(v is None for v in valores):
        return ocultas, total_oculto or not total_exibido
    while any(recuperaveis(valores, ocultas, total, limiar)):
        candidatas = [i for i, v in enumerate(valores) if not ocultas[i] and v > 0]
        if not candidatas:
            return ocultas, True
        ocultas[min(candidatas, key=lambda i: (valores[i], i))] = "complementar"
    return ocultas, False


def texto_parte(n, oculta: str | None, limiar: int = LIMIAR_PADRAO) -> str:
    """A part as the reader sees it after :func:`suprimir_partes`: the count, "< 5" or "omitido"."""
    if oculta == "complementar":
        return OMITIDO
    return contagem_segura(n, limiar)


def conclusao_segura(n, total, limite: float, limiar: int = LIMIAR_PADRAO) -> str | None:
    """For a hidden count ``n`` of a known ``total``: 'abaixo de 50 %' or 'acima de 50 %' when the share
    ``n / total`` is on that side of ``limite`` whatever the hidden value (1 .. limiar − 1) is; None when it
    depends on the hidden value (then nothing is said). For a shown ``n`` the comparison of its share."""
    if ausente(n) or ausente(total) or float(total) <= 0:
        return None
    minimo, maximo = (1, limiar - 1) if suprimir(n, limiar) else (float(n), float(n))
    rotulo = percentual(limite, 0)
    if maximo / float(total) < limite:
        return f"abaixo de {rotulo}"
    if minimo / float(total) > limite:
        return f"acima de {rotulo}"
    return None
