"""Results of the Programa de Inclusão Produtiva per CRAS (and for the municipality) over a year or period.

Norm: the municipal standard of the program (``docs/dominio.md``; hours and rules in
:mod:`cras_lib.norma.inclusao_produtiva`). ``inclusao_produtiva.csv`` has one row per enrolment in a module; a
**person** is the distinct ``cpf`` (read only to count, never output) or, when the cpf is empty, the
``id_inscricao``. Per person, within the years of the period:

- *concluinte* — every module enrolled in has ``situacao == concluinte``;
- *concluiu a fase 1* — enrolled in phase 1 and every phase-1 module concluded;
- *desistente* — at least one module with ``situacao == desistente``;
- *parcela das horas da fase 1* — phase-1 hours done ÷ max(162 h of the norm, phase-1 hours planned): a person
  must do all three phase-1 modules, so a missing module counts as 0 h done of its norm hours;
  *atingiu 75 %* when that share is ≥ 75 % (entry rule of phase 2);
- *chegou à Aceleração* — enrolled in the ``aceleracao`` module;
- *gerando renda* / *trabalho formal* — "sim" in any row; "não" only when informed and never "sim"; <NA> when
  never informed (unknown is not "não");
- *satisfação* — mean of the person's answers (1–5);
- *empreendimento* — a name of ``empreendimento`` within one CRAS (the same name in two CRAS is two
  enterprises; the municipality sums the CRAS); *em atividade* when at least one of its participants generates
  income.

A CRAS with no enrolment has 0 people and <NA> in every mean; the rates built on these counts are the
indicators' job (``cras_lib.calculo.indicadores.inclusao``). The municipality counts each person once even if
enrolled through two CRAS.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from cras_lib.norma.inclusao_produtiva import HORAS_FASE_1, MINIMO_HORAS_PARA_FASE_2

CONTAGENS: tuple[str, ...] = (
    "inscritos",
    "concluintes",
    "com_fase_1",
    "concluintes_fase_1",
    "desistentes",
    "atingiram_75_fase_1",
    "chegaram_aceleracao",
    "informaram_renda",
    "gerando_renda",
    "informaram_trabalho",
    "trabalho_formal",
    "responderam_satisfacao",
    "empreendimentos",
    "empreendimentos_ativos",
)
SOMAS: tuple[str, ...] = (
    "soma_parcela_horas_fase_1",
    "soma_satisfacao",
    "horas_previstas",
    "horas_cumpridas",
)


def _ano(valor) -> int:
    return valor if isinstance(valor, int) else pd.Period(str(valor)).year


def inscricoes_do_periodo(inclusao: pd.DataFrame, inicio, fim) -> pd.DataFrame:
    """Enrolments whose ``ano`` falls in the years of ``inicio``..``fim`` (the program runs by year), with the
    column ``pessoa`` (counting key: cpf digits, else 'inscricao:<id_inscricao>')."""
    ano = inclusao["ano"]
    linhas = inclusao.loc[(ano >= _ano(inicio)) & (ano <= _ano(fim))]
    por_inscricao = "inscricao:" + linhas["id_inscricao"].astype("string")
    if "cpf" in linhas.columns:
        codigos, distintos = pd.factorize(linhas["cpf"].astype("string"))  # clean each distinct cpf once
        limpos = pd.Series(distintos, dtype="string").str.replace(r"\D", "", regex=True).replace("", pd.NA)
        cpf = pd.Series(limpos.to_numpy()[codigos], index=linhas.index, dtype="string").mask(codigos < 0)
        pessoa = cpf.fillna(por_inscricao)
    else:
        pessoa = por_inscricao
    return linhas.assign(pessoa=pessoa)


def _por_pessoa(linhas: pd.DataFrame, chave: str) -> pd.DataFrame:
    fase_1 = (linhas["fase"] == 1).fillna(False)
    situacao = linhas["situacao"]
    por_linha = pd.DataFrame(
        {
            chave: linhas[chave],
            "pessoa": linhas["pessoa"],
            "concluinte": (situacao == "concluinte").fillna(False),
            "desistente": (situacao == "desistente").fillna(False),
            "fase_1": fase_1,
            "nao_concluiu_fase_1": fase_1 & (situacao != "concluinte").fillna(True),
            "horas_cumpridas_fase_1": linhas["horas_cumpridas"].where(fase_1, 0).fillna(0),
            "horas_previstas_fase_1": linhas["horas_previstas"].where(fase_1, 0).fillna(0),
            "aceleracao": (linhas["modulo"] == "aceleracao").fillna(False),
            "renda": linhas["gerando_renda"].astype("boolean"),
            "trabalho": linhas["trabalho_formal"].astype("boolean"),
            "satisfacao": linhas["satisfacao"].astype("Float64"),
        }
    )
    g = por_linha.groupby([chave, "pessoa"], sort=True)
    pessoas = g.agg(
        concluinte=("concluinte", "all"),
        desistente=("desistente", "any"),
        com_fase_1=("fase_1", "any"),
        nao_concluiu_fase_1=("nao_concluiu_fase_1", "any"),
        horas_cumpridas_fase_1=("horas_cumpridas_fase_1", "sum"),
        horas_previstas_fase_1=("horas_previstas_fase_1", "sum"),
        chegou_aceleracao=("aceleracao", "any"),
        renda=("renda", "max"),
        trabalho=("trabalho", "max"),
        satisfacao=("satisfacao", "mean"),
    )
    denominador = pessoas["horas_previstas_fase_1"].clip(lower=HORAS_FASE_1)
    parcela = (pessoas["horas_cumpridas_fase_1"] / denominador).astype("Float64")
    pessoas["parcela_horas_fase_1"] = parcela.where(pessoas["com_fase_1"])
    pessoas["concluiu_fase_1"] = pessoas["com_fase_1"] & ~pessoas["nao_concluiu_fase_1"]
    return pessoas


def _empreendimentos(linhas: pd.DataFrame, chave: str) -> pd.DataFrame:
    """Supported enterprises and those in activity. An enterprise is its name (trimmed, case-folded) **within
    the CRAS** through which it was supported: the same name in two CRAS is two enterprises, so the
    municipality's count is the sum of the CRAS' counts and an enterprise's status in a CRAS report is the one
    the evaluation counts (one definition of IP-10 in every document)."""
    nome = linhas["empreendimento"].astype("string").str.strip().str.casefold().replace("", pd.NA)
    tabela = pd.DataFrame(
        {
            chave: linhas[chave],
            "cras": linhas["id_cras"].astype("string"),
            "nome": nome,
            "renda": linhas["gerando_renda"].astype("boolean"),
        }
    )
    tabela = tabela.dropna(subset=["nome"])
    por_nome = tabela.groupby([chave, "cras", "nome"], sort=True)["renda"].max()
    return pd.DataFrame(
        {
            "empreendimentos": por_nome.groupby(level=0).size(),
            "empreendimentos_ativos": por_nome.fillna(False).groupby(level=0).sum(),
        }
    )


def _resultados(linhas: pd.DataFrame, chave: str) -> pd.DataFrame:
    pessoas = _por_pessoa(linhas, chave)
    g = pessoas.groupby(level=0, sort=True)
    horas = linhas.dropna(subset=["horas_previstas", "horas_cumpridas"]).groupby(chave, sort=True)
    saida = pd.DataFrame(
        {
            "inscritos": g.size(),
            "concluintes": g["concluinte"].sum(),
            "com_fase_1": g["com_fase_1"].sum(),
            "concluintes_fase_1": g["concluiu_fase_1"].sum(),
            "desistentes": g["desistente"].sum(),
            "atingiram_75_fase_1": (pessoas["parcela_horas_fase_1"] >= MINIMO_HORAS_PARA_FASE_2)
            .fillna(False)
            .groupby(level=0)
            .sum(),
            "chegaram_aceleracao": g["chegou_aceleracao"].sum(),
            "informaram_renda": g["renda"].count(),
            "gerando_renda": pessoas["renda"].fillna(False).groupby(level=0).sum(),
            "informaram_trabalho": g["trabalho"].count(),
            "trabalho_formal": pessoas["trabalho"].fillna(False).groupby(level=0).sum(),
            "responderam_satisfacao": g["satisfacao"].count(),
            "soma_parcela_horas_fase_1": g["parcela_horas_fase_1"].sum(),
            "soma_satisfacao": g["satisfacao"].sum(),
            "horas_previstas": horas["horas_previstas"].sum(),
            "horas_cumpridas": horas["horas_cumpridas"].sum(),
        }
    )
    saida = saida.join(_empreendimentos(linhas, chave))
    return saida


def _tipar(saida: pd.DataFrame) -> pd.DataFrame:
    """Counts as Int64 (0 where nobody), sums as Float64, and the means derived from them (<NA> without
    data)."""
    saida = saida.reindex(columns=[*CONTAGENS, *SOMAS])
    for coluna in CONTAGENS:
        saida[coluna] = saida[coluna].fillna(0).astype("Int64")
    for coluna in SOMAS:
        saida[coluna] = saida[coluna].fillna(0).astype("Float64")
    com_fase_1 = saida["com_fase_1"].astype("Float64")
    respostas = saida["responderam_satisfacao"].astype("Float64")
    saida["media_parcela_horas_fase_1"] = (saida["soma_parcela_horas_fase_1"] / com_fase_1).where(
        com_fase_1 > 0
    )
    saida["satisfacao_media"] = (saida["soma_satisfacao"] / respostas).where(respostas > 0)
    return saida


def resultados_por_cras(
    inclusao: pd.DataFrame, inicio, fim, ids_cras: Iterable[str] | None = None
) -> pd.DataFrame:
    """People and results of the program per CRAS (index ``id_cras``) for the years of ``inicio``..``fim``.

    Columns: the counts of :data:`CONTAGENS` (Int64; 0 for a CRAS without enrolments), the sums of
    :data:`SOMAS` and the means ``media_parcela_horas_fase_1`` and ``satisfacao_media`` (<NA> without data).
    ``ids_cras`` (e.g. every unit) fixes the rows; by default the CRAS with enrolments, sorted.
    """
    linhas = inscricoes_do_periodo(inclusao, inicio, fim)
    saida = _resultados(linhas, "id_cras") if len(linhas) else pd.DataFrame()
    ids = sorted(linhas["id_cras"].dropna().unique()) if ids_cras is None else list(dict.fromkeys(ids_cras))
    saida = _tipar(saida.reindex(pd.Index(ids, dtype="string", name="id_cras")))
    return saida


def resultados_municipio(inclusao: pd.DataFrame, inicio, fim) -> pd.Series:
    """The same figures as :func:`resultados_por_cras` for the whole municipality (each person counted
    once)."""
    linhas = inscricoes_do_periodo(inclusao, inicio, fim).assign(municipio="municipio")
    saida = _resultados(linhas, "municipio") if len(linhas) else pd.DataFrame()
    return _tipar(saida.reindex(pd.Index(["municipio"]))).iloc[0]
