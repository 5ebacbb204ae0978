"""Conclusions of the evaluation in Brazilian Portuguese, generated from the results (never written by hand).

Each sentence states a fact of the results: the balance of targets, the targets missed per dimension, the CRAS
below target in the key indicators, the months without RMA (excluded, not zero), the changes from the
comparison period (direction-aware: a fall of a lower-is-better indicator is an improvement; "melhora" and
"piora" only for indicators with a target), the indicators not comparable with that period and what could not be
computed. Values go through :mod:`.apresentacao`, so suppressed counts stay suppressed. Deterministic
order: catalogue order, then CRAS name.
"""

from __future__ import annotations

import pandas as pd

from cras_lib.apresentacao.escape import md
from cras_lib.apresentacao.formatacao import ausente, lista
from cras_lib.apresentacao.privacidade import LIMIAR_PADRAO
from cras_lib.apresentacao.redacao import lista_meses, rotulo_periodo
from cras_lib.calculo.indicadores.avaliacao import Avaliacao
from cras_lib.calculo.indicadores.catalogo import CATALOGO, DIMENSOES, valores_comparaveis
from cras_lib.calculo.indicadores.metas import ATINGIDA, NAO_ATINGIDA, PARCIAL, SEM_DADOS
from cras_lib.calculo.indicadores.tabela import arquivos_ausentes, colunas_ausentes
from cras_lib.documentos.avaliacao import apresentacao

MAXIMO_VARIACOES = 3  # largest improvements / worsenings named


def _n(n: int, singular: str, plural: str) -> str:
    """'nenhum atingiu', '1 atingiu', '2 atingiram'."""
    if n == 0:
        return f"nenhum {singular}"
    return f"{n} {singular if n == 1 else plural}"


def _item(linha, limiar: int) -> str:
    ind = CATALOGO[linha.codigo]
    valor = apresentacao.valor(ind, linha.valor, linha.numerador, linha.denominador, limiar)
    return f"{ind.codigo} — {linha.nome}: {valor} (meta: {apresentacao.meta(ind, linha.meta)})"


def balanco(quadro: pd.DataFrame) -> str:
    """'Dos 20 indicadores com meta e dados no período, 12 atingiram a meta, ...'."""
    contagem = quadro["situacao"].value_counts()
    a, p, x = (int(contagem.get(s, 0)) for s in (ATINGIDA, PARCIAL, NAO_ATINGIDA))
    total = a + p + x
    if total == 0:
        return "Nenhum indicador com meta teve dados no período."
    partes = [
        _n(a, "atingiu a meta", "atingiram a meta"),
        _n(p, "atingiu-a parcialmente", "atingiram-na parcialmente"),
        _n(x, "não a atingiu", "não a atingiram"),
    ]
    sujeito = "Do único indicador" if total == 1 else f"Dos {total} indicadores"
    return f"{sujeito} com meta e dados no período, {lista(partes)}."


def por_dimensao(quadro: pd.DataFrame, limiar: int) -> list[str]:
    """One sentence per dimension with the targets missed and partially reached."""
    frases = []
    for dimensao, rotulo in DIMENSOES.items():
        linhas = quadro.loc[quadro["dimensao"] == dimensao]
        nao = [_item(r, limiar) for r in linhas.itertuples() if r.situacao == NAO_ATINGIDA]
        parcial = [_item(r, limiar) for r in linhas.itertuples() if r.situacao == PARCIAL]
        com_meta = linhas["situacao"].isin([ATINGIDA, PARCIAL, NAO_ATINGIDA]).sum()
        if not com_meta:
            continue
        if not nao and not parcial:
            frases.append(f"**{rotulo}**: todas as metas com dados foram atingidas.")
            continue
        partes = []
        if nao:
            partes.append(f"meta não atingida em {lista(nao)}")
        if parcial:
            partes.append(f"meta parcialmente atingida em {lista(parcial)}")
        frases.append(f"**{rotulo}**: {'; '.join(partes)}.")
    return frases


def cras_abaixo_da_meta(avaliacao: Avaliacao, limiar: int) -> list[str]:
    """For each key indicator with a target, the CRAS that did not reach it (with their values); CRAS whose
    value is not shown (small counts) are only counted."""
    frases = []
    for codigo, ind in CATALOGO.items():
        if not ind.chave or codigo not in avaliacao.metas:
            continue
        ranking = apresentacao.ranking(avaliacao, codigo, limiar).sort_values("nome")
        abaixo = ranking.loc[ranking["situacao"] == NAO_ATINGIDA]
        ocultos = int((ranking["situacao"] == apresentacao.SITUACAO_OCULTA).sum())
        if abaixo.empty:
            continue
        itens = [f"{md(r.nome)} ({r.texto})" for r in abaixo.itertuples()]
        verbo = "não atingiu" if len(itens) == 1 else "não atingiram"
        meta = apresentacao.meta(ind, avaliacao.metas[codigo].valor)
        frase = (
            f"Em {codigo} — {ind.nome_em(avaliacao.contexto)} (meta: {meta}), "
            f"{_n(len(itens), 'CRAS', 'CRAS')} {verbo} a meta: {lista(itens)}."
        )
        if ocultos:
            frase += (
                f" Em {_n(ocultos, 'CRAS', 'CRAS')}, o valor não é divulgado (menos de {limiar} pessoas)."
            )
        frases.append(frase)
    return frases


def rma_nao_informado(avaliacao: Avaliacao) -> str:
    """The months without RMA, by CRAS; they were left out of the calculations, not counted as zero."""
    faltas = avaliacao.meses_nao_reportados
    if faltas.empty:
        return "Todos os CRAS informaram o RMA em todos os meses do período."
    itens = []
    for id_cras, grupo in faltas.groupby("id_cras", sort=False):
        nome = avaliacao.nomes.get(id_cras, id_cras)
        itens.append((nome, f"{md(nome)} ({lista_meses(grupo['mes_referencia'])})"))
    texto = lista(t for _, t in sorted(itens))
    return (
        f"O RMA não foi informado em {_n(len(faltas), 'mês', 'meses')} do período: {texto}. "
        "Esses meses ficaram fora das médias e somas (não foram contados como zero)."
    )


def nao_comparaveis(avaliacao: Avaliacao) -> str | None:
    """Which indicators are not compared with the comparison period, and why (the indicator's
    ``sem_comparacao``); None when every indicator is comparable or there is no comparison."""
    if avaliacao.comparacao is None:
        return None
    por_motivo: dict[str, list[str]] = {}
    for r in avaliacao.quadro.itertuples():
        motivo = CATALOGO[r.codigo].sem_comparacao
        if motivo and not ausente(r.valor):
            por_motivo.setdefault(motivo, []).append(f"{r.codigo} — {r.nome}")
    if not por_motivo:
        return None
    rotulo = rotulo_periodo(avaliacao.comparacao.inicio, avaliacao.comparacao.fim)
    frases = [
        f"{lista(nomes)} {'não é comparado' if len(nomes) == 1 else 'não são comparados'} com {rotulo}: {motivo}."
        for motivo, nomes in por_motivo.items()
    ]
    return " ".join(frases)


def mudancas(avaliacao: Avaliacao) -> str | None:
    """Largest improvements and worsenings from the comparison period; None without one.

    Only an indicator with a target has a better and a worse side, so only those are called "melhoras" and
    "pioras" (direction-aware: a fall of a lower-is-better indicator is an improvement; a band indicator such
    as SCFV-01 is judged by its distance below the ceiling, :meth:`~.catalogo.Indicador.valor_comparavel`).
    The largest changes of indicators without a target are named as "variações", without a judgement.
    """
    return avaliacao.lembrar(("mudancas",), lambda: _mudancas(avaliacao))


def _mudancas(avaliacao: Avaliacao) -> str | None:
    if avaliacao.comparacao is None:
        return None
    quadro = avaliacao.quadro
    percentual = quadro["unidade"] == "percentual"
    mudanca = quadro["diferenca"].where(percentual, quadro["variacao"])
    comparavel = valores_comparaveis(quadro["codigo"], quadro["valor"]) - valores_comparaveis(
        quadro["codigo"], quadro["valor_comparacao"]
    )
    # the change judged: percentage points of the comparable values, or the relative change
    julgada = comparavel.where(percentual, quadro["variacao"])
    sinal = quadro["maior_melhor"].map({True: 1, False: -1})
    tabela = quadro.assign(melhora=julgada * sinal, mudanca=mudanca).dropna(subset=["mudanca"])
    tabela = tabela.loc[tabela["mudanca"] != 0]
    rotulo = rotulo_periodo(avaliacao.comparacao.inicio, avaliacao.comparacao.fim)
    if tabela.empty:
        return f"Nenhum indicador mudou entre {rotulo} e o período avaliado, ou faltam dados para comparar."
    ref = f"a {rotulo}" if rotulo.isdigit() else f"ao período de {rotulo}"

    def descrever(linhas) -> str:
        itens = []
        for r in linhas.itertuples():
            ind = CATALOGO[r.codigo]
            itens.append(f"{r.codigo} — {r.nome}: {apresentacao.variacao(ind, r.diferenca, r.variacao)}")
        return lista(itens)

    com_meta = tabela.loc[tabela["meta"].notna()].dropna(subset=["melhora"])
    sem_meta = tabela.loc[tabela["meta"].isna()]
    melhores = com_meta.loc[com_meta["melhora"] > 0].sort_values(
        ["melhora", "codigo"], ascending=[False, True]
    )
    piores = com_meta.loc[com_meta["melhora"] < 0].sort_values(["melhora", "codigo"])
    maiores = sem_meta.assign(tamanho=sem_meta["mudanca"].abs()).sort_values(
        ["tamanho", "codigo"], ascending=[False, True]
    )
    partes = []
    if len(melhores):
        partes.append(f"as maiores melhoras foram em {descrever(melhores.head(MAXIMO_VARIACOES))}")
    if len(piores):
        partes.append(f"as maiores pioras foram em {descrever(piores.head(MAXIMO_VARIACOES))}")
    if len(com_meta) and not partes:
        partes.append("nenhum indicador com meta mudou")
    frases = [_ponto(f"Em relação {ref}, {'; '.join(partes)}")] if partes else []
    if len(maiores):
        frases.append(
            _ponto(
                "Entre os indicadores sem meta (cuja mudança não é chamada de melhora nem de piora), as maiores "
                f"variações em relação {ref} foram em {descrever(maiores.head(MAXIMO_VARIACOES))}"
            )
        )
    return " ".join(frases)


def _ponto(frase: str) -> str:
    """The sentence with its final period, not doubled after an abbreviation ('+2,7 p.p.')."""
    return frase if frase.endswith(".") else f"{frase}."


def sem_dados(avaliacao: Avaliacao) -> list[str]:
    """What could not be computed: indicators whose source file is absent, and those without data in the
    period."""
    frases = []
    quadro = avaliacao.quadro
    ausentes = quadro.loc[~quadro["disponivel"]]
    ctx = avaliacao.contexto
    sem_arquivo = [c for c in ausentes["codigo"] if arquivos_ausentes([c], ctx)]
    if sem_arquivo:
        arquivos = arquivos_ausentes(sem_arquivo, ctx)
        frases.append(
            f"Não foi possível calcular {lista(sem_arquivo)}: "
            f"{'falta o arquivo' if len(arquivos) == 1 else 'faltam os arquivos'} {lista(arquivos)}."
        )
    for codigo in (c for c in ausentes["codigo"] if c not in sem_arquivo):  # a column beyond the contract
        colunas = lista(f"{nome} no arquivo {arquivo}" for arquivo, nome in colunas_ausentes([codigo], ctx))
        nome = CATALOGO[codigo].nome_em(ctx)
        frases.append(f"Não foi possível calcular {codigo} — {nome}: falta a coluna {colunas}.")
    vazios = quadro.loc[quadro["disponivel"] & (quadro["situacao"] == SEM_DADOS)]
    if len(vazios):
        frases.append(f"Sem dados no período para {lista(vazios['codigo'])}.")
    return frases


def gerar_conclusoes(avaliacao: Avaliacao, limiar: int = LIMIAR_PADRAO) -> list[str]:
    """Every conclusion, in document order, as Markdown sentences."""
    frases = [balanco(avaliacao.quadro), *por_dimensao(avaliacao.quadro, limiar)]
    frases += cras_abaixo_da_meta(avaliacao, limiar)
    frases.append(rma_nao_informado(avaliacao))
    mudanca = mudancas(avaliacao)
    if mudanca:
        frases.append(mudanca)
    fora = nao_comparaveis(avaliacao)
    if fora:
        frases.append(fora)
    frases += sem_dados(avaliacao)
    return [f for f in frases if f and not ausente(f)]
