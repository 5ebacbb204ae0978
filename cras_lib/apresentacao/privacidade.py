"""Privacy rules for shared outputs (LGPD; ``docs/contrato-de-dados.md``, "Dados pessoais").

Personal columns are read only to compute ages and counts; they never reach a shared document. Counts of people
or families between 1 and the suppression threshold minus one (default 5) are shown as "< 5", so that nobody can
be identified from a small cell; zero identifies no one and is shown.
"""

from __future__ import annotations

import pandas as pd

from cras_lib.apresentacao.formatacao import ausente, inteiro
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
