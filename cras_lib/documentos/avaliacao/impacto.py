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
from cras_lib.apresentacao.privacidade import (
    NOTA_OMITIDO,
    OMITIDO,
    contagem_segura,
    divulgavel,
    suprimir_partes,
    texto_parte,
)
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
    titulo = f"**O PAIF e a extrema pobreza nos territórios ({CATALOGO['PAIF-14'].nome}, PAIF-14).** "
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
    partes = _partes_territorios(doc)
    totais_ocultos = partes is not None and any(
        _coluna_segura(valores, limiar)[1] == OMITIDO for valores in partes[1:]
    )
    if totais_ocultos or not divulgavel(inicio, fim, limiar=limiar):
        return (
            titulo
            + f"Não divulgado: a conta revelaria grupos de menos de {limiar} famílias. {LIMITES_PAIF_14}"
        )
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


def _coluna_segura(valores: list, limiar: int) -> tuple[list[str], str, list[bool]]:
    """A column of family counts with its total, after primary and complementary suppression: the texts,
    the total's text and which parts are hidden."""
    ocultas, total_oculto = suprimir_partes(valores, True, limiar)
    textos = [texto_parte(v, o, limiar) for v, o in zip(valores, ocultas, strict=True)]
    total = sum(int(v) for v in valores)
    return (
        textos,
        OMITIDO if total_oculto else contagem_segura(total, limiar),
        [o is not None for o in ocultas],
    )


def _partes_territorios(doc) -> tuple[pd.DataFrame, list[int], list[int]] | None:
    """The PAIF-14 rows of the territories with both months, their base and final counts (None: none)."""
    longa = doc.avaliacao.longa
    linhas = longa.loc[(longa["codigo"] == "PAIF-14") & (longa["id_cras"] != MUNICIPIO)]
    linhas = linhas.dropna(subset=["valor"])
    if linhas.empty:
        return None
    inicio = [int(v) for v in linhas["denominador"]]
    fim = [int(d + n) for d, n in zip(linhas["denominador"], linhas["numerador"], strict=True)]
    return linhas, inicio, fim


def tabela_territorios(doc, limiar: int) -> Tabela | None:
    """PAIF-14 per CRAS territory with both months: families in extreme poverty in the base and final months
    and the change (withheld where a count is hidden); a total row like the paragraph's."""
    base, final = meses_da_comparacao(doc.contexto)
    partes = _partes_territorios(doc)
    if base is None or partes is None:
        return None
    linhas, inicio, fim = partes
    textos_inicio, total_inicio, oculto_inicio = _coluna_segura(inicio, limiar)
    textos_fim, total_fim, oculto_fim = _coluna_segura(fim, limiar)
    variacoes = [
        "não divulgada" if a or b else ("+" if v > 0 else "") + percentual(v)
        for v, a, b in zip(linhas["valor"], oculto_inicio, oculto_fim, strict=True)
    ]
    total = (sum(fim) - sum(inicio)) / sum(inicio) if sum(inicio) else pd.NA
    oculto_total = OMITIDO in (total_inicio, total_fim)
    nomes = doc.nomes_cras or {}
    dados = pd.DataFrame(
        {
            "Território do CRAS": [nomes.get(c, c) for c in linhas["id_cras"]] + ["Total dos territórios"],
            f"Em {mes_extenso(base)}": [*textos_inicio, total_inicio],
            f"Em {mes_extenso(final)}": [*textos_fim, total_fim],
            "Variação": [
                *variacoes,
                "não divulgada" if oculto_total else ("+" if total > 0 else "") + percentual(total),
            ],
        }
    )
    return Tabela(
        dados,
        f"Famílias em extrema pobreza no CadÚnico, por território de CRAS ({CATALOGO['PAIF-14'].nome}, PAIF-14)",
    )


def blocos(doc) -> list[Bloco]:
    """The impact section's parts after its table of indicators."""
    paragrafo = paragrafo_paif(doc, doc.limiar)
    territorios = tabela_territorios(doc, doc.limiar) if paragrafo else None
    saida: list[Bloco] = [tabela_do_padrao(doc), *([paragrafo] if paragrafo else [])]
    if territorios is not None:
        saida.append(territorios)
        if (territorios.dados == OMITIDO).any().any():
            saida.append(f"*{NOTA_OMITIDO}*")
    return saida
