"""The impact section's own parts: every impact indicator of the program standard ("Padrão Normativo …
Inclusão Produtiva", ``docs/dominio.md``) computed or listed as "sem dados" with the file or column it would
need, and the PAIF's impact indicator from the CadÚnico over time (PAIF-14) stated with its limits.

Functions take the :class:`~.documento.DocumentoAvaliacao` (not imported here: no cycle). Values come from its
table, already through the suppression rule (:mod:`.apresentacao`).
"""

from __future__ import annotations

import pandas as pd

from cras_lib.apresentacao.exibicao import Bloco, Tabela
from cras_lib.apresentacao.formatacao import mes_extenso, percentual
from cras_lib.apresentacao.privacidade import contagem_segura, divulgavel
from cras_lib.calculo.indicadores.catalogo import CATALOGO, MUNICIPIO
from cras_lib.calculo.indicadores.impacto import meses_da_comparacao
from cras_lib.calculo.indicadores.tabela import arquivos_ausentes, colunas_ausentes
from cras_lib.norma.inclusao_produtiva import INDICADORES_IMPACTO

LIMITES_PAIF_14 = (
    "Limites: o indicador mede a situação das famílias cadastradas no território do CRAS, que o PAIF "
    "acompanha, e não o efeito do PAIF sozinho — o Bolsa Família, o trabalho e a renda na cidade e a "
    "atualização do cadastro também mudam esse número (é uma atribuição, não uma relação de causa). É um saldo: "
    "famílias que saem e que entram na extrema pobreza se compensam. Serve para acompanhar a tendência de cada "
    "território, não para comparar o trabalho das equipes."
)


def resultado(doc, codigo: str) -> str:
    """The value the reader sees, or 'sem dados' with the file or column the indicator would need."""
    ctx = doc.contexto
    if arquivos := arquivos_ausentes([codigo], ctx):
        return f"sem dados — falta o arquivo {', '.join(arquivos)}"
    if colunas := colunas_ausentes([codigo], ctx):
        return "sem dados — falta " + "; ".join(f"a coluna {c} no arquivo {a}" for a, c in colunas)
    linha = doc.tabela.loc[doc.tabela["Código"] == codigo].iloc[0]
    return str(linha["Valor"])


def tabela_do_padrao(doc) -> Tabela:
    """One row per impact indicator of the program standard: the catalogue indicator and its result."""
    dados = pd.DataFrame(
        {
            "Indicador do padrão do programa": [nome for nome, _ in INDICADORES_IMPACTO],
            "Como é medido": [f"{CATALOGO[c].nome_em(doc.contexto)} ({c})" for _, c in INDICADORES_IMPACTO],
            "Resultado": [resultado(doc, c) for _, c in INDICADORES_IMPACTO],
        }
    )
    return Tabela(
        dados, f"Indicadores de impacto do padrão do Programa de Inclusão Produtiva — {doc.periodo}"
    )


def paragrafo_paif(doc, limiar: int) -> str | None:
    """PAIF-14 in words (municipality), with its limits; what is missing when it cannot be computed; None
    without the CadÚnico file (the section already says the file is absent)."""
    titulo = "**O PAIF e a extrema pobreza nos territórios (PAIF-14).** "
    ctx = doc.contexto
    if not ctx.tem("cadunico_territorios.csv"):
        return None
    base, final = meses_da_comparacao(ctx)
    longa = doc.avaliacao.longa
    linha = longa.loc[(longa["codigo"] == "PAIF-14") & (longa["id_cras"] == MUNICIPIO)].iloc[0]
    if base is None or pd.isna(linha["valor"]):
        return titulo + (
            "Sem dados: o CadÚnico por território precisa de um mês antes do período (ou do primeiro mês do "
            "período) e de um mês posterior dentro dele."
        )
    inicio, mudanca = linha["denominador"], linha["numerador"]
    fim = inicio + mudanca
    if not divulgavel(inicio, fim, limiar=limiar):
        return titulo + f"Não divulgado: menos de {limiar} famílias." + " " + LIMITES_PAIF_14
    if mudanca:
        sentido = "redução" if mudanca < 0 else "aumento"
        variacao = f" ({sentido} de {percentual(abs(linha['valor']))})"
    else:
        variacao = " (sem variação)"
    return titulo + (
        "Nos territórios dos CRAS, as famílias em extrema pobreza cadastradas no CadÚnico passaram de "
        f"{contagem_segura(inicio, limiar)} em {mes_extenso(base)} para {contagem_segura(fim, limiar)} em "
        f"{mes_extenso(final)}{variacao}. {LIMITES_PAIF_14}"
    )


def blocos(doc) -> list[Bloco]:
    """The impact section's parts after its table of indicators."""
    paragrafo = paragrafo_paif(doc, doc.limiar)
    return [tabela_do_padrao(doc), *([paragrafo] if paragrafo else [])]
