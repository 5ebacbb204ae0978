"""The plan's biggest change in words, and the table of what changes (:mod:`cras_lib.calculo.scfv_mudancas`).

The sentence is built from the figures, whatever the biggest change is (groups, places, CRAS with groups or
cycles offered), and says why it happens in numbers: groups grow faster than places when the group size
changes; places grow mostly in one cycle; CRAS or cycles start or stop being offered. Counts of groups, places
and CRAS identify nobody: no suppression applies to them.
"""

from __future__ import annotations

import pandas as pd

from cras_lib.apresentacao import formatacao as fmt
from cras_lib.apresentacao.escape import md
from cras_lib.apresentacao.exibicao import Tabela
from cras_lib.apresentacao.redacao import minusculo_inicial
from cras_lib.calculo import scfv_mudancas as sm
from cras_lib.norma.scfv import POR_CODIGO

ROTULOS = {
    "grupos": "Grupos",
    "vagas": "Vagas (capacidade de atendimento)",
    "cras": "CRAS com grupos do SCFV",
    "ofertas": "Ciclos de vida ofertados (somados os CRAS)",
}
MAXIMO_NA_LISTA = 8  # names listed in the sentence before "e mais N"


def _variacao(m: sm.Mudanca, singular: str, plural: str) -> str:
    """'de 138 para 263 grupos (mais 125)'."""
    quanto = "mais" if m.diferenca > 0 else "menos"
    return (
        f"de {fmt.inteiro(m.hoje)} para {fmt.plural(m.plano, singular, plural)} "
        f"({quanto} {fmt.inteiro(abs(m.diferenca))})"
    )


def _vagas_a_mais(vagas: sm.Mudanca) -> str:
    if vagas.diferenca > 0:
        return f"para {fmt.plural(vagas.diferenca, 'vaga')} a mais"
    if vagas.diferenca < 0:
        return f"com {fmt.plural(-vagas.diferenca, 'vaga')} a menos"
    return "com o mesmo número de vagas"


def _tamanhos(plano) -> str:
    """The planned group size of the cycles the plan offers: '15' or 'de 12 a 20 (conforme o ciclo)'."""
    ciclos = set(plano.metas.loc[plano.metas["grupos"] > 0, "ciclo"])
    tamanhos = sorted({p.tamanho_grupo for c, p in plano.parametros.ciclos.items() if c in ciclos})
    if len(tamanhos) == 1:
        return fmt.inteiro(tamanhos[0])
    return f"de {fmt.inteiro(tamanhos[0])} a {fmt.inteiro(tamanhos[-1])}, conforme o ciclo"


def _nomes(plano, pares) -> str:
    itens = [
        f"{md(plano.nomes_cras.get(c, c))} — {minusculo_inicial(POR_CODIGO[ciclo].rotulo)}"
        if ciclo is not None
        else md(plano.nomes_cras.get(c, c))
        for c, ciclo in pares
    ]
    if len(itens) > MAXIMO_NA_LISTA:
        resto = len(itens) - MAXIMO_NA_LISTA
        return f"{', '.join(itens[:MAXIMO_NA_LISTA])} e mais {fmt.inteiro(resto)}"
    return fmt.lista(itens)


def _ofertas(plano, coluna: str) -> set[tuple[str, str]]:
    """CRAS × cycle pairs with groups today (``grupos_atuais``) or in the plan (``grupos``)."""
    metas = plano.metas
    com = metas[metas[coluna].fillna(0) > 0]
    return set(zip(com["id_cras"].astype(str), com["ciclo"].astype(str), strict=True))


def _ordem(par: tuple[str, str]) -> tuple[str, int]:
    """CRAS, then cycles in the Tipificação order."""
    return par[0], list(POR_CODIGO).index(par[1]) if par[1] in POR_CODIGO else len(POR_CODIGO)


def _ciclo_que_mais_muda(plano) -> tuple[str, int] | None:
    metas = plano.metas
    diferenca = (metas["meta"] - metas["capacidade_atual"].fillna(0)).groupby(metas["ciclo"]).sum()
    if diferenca.empty or (diferenca == 0).all():
        return None
    ciclo = diferenca.abs().astype(float).idxmax()
    return str(ciclo), int(diferenca[ciclo])


def frase_maior_mudanca(plano) -> str | None:
    """'A maior mudança do plano é no número de grupos: de 138 para 263 grupos (mais 125), para 333 vagas a
    mais: o tamanho do grupo passou de 22 usuários em média para 15.' None when nothing is compared or
    nothing changes."""
    lista = list(plano.mudancas)
    maior = sm.maior_mudanca(lista)
    if maior is None:
        return None
    por = {m.medida: m for m in lista}
    if maior.medida == "grupos":
        vagas = por["vagas"]
        media_hoje = vagas.hoje / maior.hoje if maior.hoje else None
        tamanho = (
            f"o tamanho do grupo passou de {fmt.numero(media_hoje)} usuários em média para {_tamanhos(plano)}"
            if media_hoje is not None
            else f"os grupos novos têm {_tamanhos(plano)} usuários"
        )
        return (
            "A maior mudança do plano é no número de grupos: "
            f"{_variacao(maior, 'grupo', 'grupos')}, {_vagas_a_mais(vagas)}: {tamanho}."
        )
    if maior.medida == "vagas":
        texto = (
            f"A maior mudança do plano é na capacidade de atendimento: {_variacao(maior, 'vaga', 'vagas')}"
        )
        if maior.hoje:
            texto += (
                f", {fmt.percentual(abs(maior.relativa))} {'a mais' if maior.diferenca > 0 else 'a menos'}"
            )
        ciclo = _ciclo_que_mais_muda(plano)
        if ciclo is not None:
            sinal = "mais" if ciclo[1] > 0 else "menos"
            texto += (
                f"; a maior diferença é no ciclo de {minusculo_inicial(POR_CODIGO[ciclo[0]].rotulo)} "
                f"({sinal} {fmt.plural(abs(ciclo[1]), 'vaga')})"
            )
        return texto + "."
    if maior.medida == "cras":
        hoje = {c for c, _ in _ofertas(plano, "grupos_atuais")}
        depois = {c for c, _ in _ofertas(plano, "grupos")}
        novos, saem = sorted(depois - hoje), sorted(hoje - depois)
        partes = []
        if novos:
            partes.append(f"passam a ter grupos: {_nomes(plano, [(c, None) for c in novos])}")
        if saem:
            partes.append(f"deixam de ter grupos: {_nomes(plano, [(c, None) for c in saem])}")
        return (
            "A maior mudança do plano é no número de CRAS com grupos do SCFV: "
            f"{_variacao(maior, 'CRAS', 'CRAS')}; {'; '.join(partes)}."
        )
    hoje, depois = _ofertas(plano, "grupos_atuais"), _ofertas(plano, "grupos")
    novos, saem = sorted(depois - hoje, key=_ordem), sorted(hoje - depois, key=_ordem)
    partes = []
    if novos:
        partes.append(f"ciclos novos: {_nomes(plano, novos)}")
    if saem:
        partes.append(f"ciclos que deixam de ser ofertados: {_nomes(plano, saem)}")
    return (
        "A maior mudança do plano é na oferta de ciclos de vida nos CRAS: "
        f"{_variacao(maior, 'oferta', 'ofertas')} de ciclo (cada ciclo de vida com grupo em um CRAS conta "
        f"uma oferta); {'; '.join(partes)}."
    )


def tabela_mudancas(plano) -> Tabela | None:
    """Hoje | No plano | Diferença for every measure (None without scfv_grupos.csv)."""
    if not plano.mudancas:
        return None
    linhas = [
        {
            "O que muda": ROTULOS[m.medida],
            "Hoje": fmt.inteiro(m.hoje),
            f"No plano de {plano.ano}": fmt.inteiro(m.plano),
            "Diferença": ("+" if m.diferenca > 0 else "") + fmt.inteiro(m.diferenca),
        }
        for m in plano.mudancas
    ]
    return Tabela(pd.DataFrame(linhas), f"O que muda do SCFV de hoje para o plano de {plano.ano}")
