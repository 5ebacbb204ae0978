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

Speed: the people are counted with NumPy on integer codes (a person in a group, an enterprise in a CRAS), not
with pandas' groupby, whose fixed cost (≈ 50 ms for the CRAS and the municipality of one period, whatever the
size of the file) came back in every evaluation of a national run, which counts two periods.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
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
        # code -1 (no cpf) takes the <NA> appended last; with no cpf at all, that is the only value
        cpf = pd.Series(
            np.append(limpos.to_numpy(dtype=object), pd.NA)[codigos], index=linhas.index, dtype="string"
        )
        pessoa = cpf.fillna(por_inscricao)
    else:
        pessoa = por_inscricao
    return linhas.assign(pessoa=pessoa)


def _contar(grupos: np.ndarray, n: int, onde: np.ndarray | None = None) -> np.ndarray:
    """How many items (item ``i`` in group ``grupos[i]``) each of the ``n`` groups has, only where ``onde``."""
    return np.bincount(grupos if onde is None else grupos[onde], minlength=n)


def _somar(grupos: np.ndarray, n: int, valores: np.ndarray) -> np.ndarray:
    return np.bincount(grupos, weights=valores, minlength=n)


def _codigos(*colunas: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(code of each row's combination of the non-negative integer ``colunas``, index of a first row of each
    code): the codes number the distinct combinations 0, 1, ..."""
    combinada = np.zeros(len(colunas[0]), dtype=np.int64)
    for coluna in colunas:
        combinada = combinada * (int(coluna.max(initial=0)) + 1) + coluna
    _, primeira, codigos = np.unique(combinada, return_index=True, return_inverse=True)
    return codigos.ravel(), primeira


def _sim(coluna: pd.Series) -> np.ndarray:
    """True where ``coluna`` is true (a comparison or a boolean column; <NA> is not true)."""
    return coluna.fillna(False).to_numpy(dtype=bool)


def _resultados(linhas: pd.DataFrame, grupo: np.ndarray, n: int) -> dict[str, np.ndarray]:
    """Counts and sums of :data:`CONTAGENS` and :data:`SOMAS` for each of the ``n`` groups, ``grupo`` giving
    each row's group (-1: the row counts nowhere)."""
    dentro = grupo >= 0
    linhas, grupo = linhas.loc[dentro], grupo[dentro]
    previstas = linhas["horas_previstas"].to_numpy(dtype=float, na_value=np.nan)
    cumpridas = linhas["horas_cumpridas"].to_numpy(dtype=float, na_value=np.nan)
    com_horas = ~(np.isnan(previstas) | np.isnan(cumpridas))
    return {
        **_pessoas(linhas, grupo, n),
        "horas_previstas": _somar(grupo[com_horas], n, previstas[com_horas]),
        "horas_cumpridas": _somar(grupo[com_horas], n, cumpridas[com_horas]),
        **_empreendimentos(linhas, grupo, n),
    }


def _pessoas(linhas: pd.DataFrame, grupo: np.ndarray, n: int) -> dict[str, np.ndarray]:
    """The counts of people of each group: a person is counted once per group, with the measures of the module
    docstring taken over the person's rows in the group (all, any, sums, a yes/no's "sim" in any informed row,
    the mean of the informed answers)."""
    pessoa = pd.factorize(linhas["pessoa"])[0]
    com_pessoa = pessoa >= 0
    linhas, grupo = linhas.loc[com_pessoa], grupo[com_pessoa]
    par, primeira = _codigos(grupo, pessoa[com_pessoa])  # one person in one group
    pares = len(primeira)
    grupo_do_par = grupo[primeira]

    def algum(onde: np.ndarray) -> np.ndarray:
        return _contar(par, pares, onde) > 0

    def quantos(onde: np.ndarray | None = None) -> np.ndarray:
        return _contar(grupo_do_par, n, onde)

    concluinte = _sim(linhas["situacao"] == "concluinte")
    fase_1 = _sim(linhas["fase"] == 1)
    com_fase_1 = algum(fase_1)
    horas = {
        coluna: _somar(par, pares, np.where(fase_1, linhas[coluna].fillna(0).to_numpy(dtype=float), 0.0))
        for coluna in ("horas_cumpridas", "horas_previstas")
    }
    # phase-1 hours done over max(162 h, planned): a missing module counts as 0 h done of its norm hours
    parcela = horas["horas_cumpridas"] / np.maximum(horas["horas_previstas"], HORAS_FASE_1)
    renda, trabalho = linhas["gerando_renda"], linhas["trabalho_formal"]
    satisfacao = linhas["satisfacao"].astype("Float64")
    respostas = _contar(par, pares, satisfacao.notna().to_numpy())
    soma = _somar(par, pares, satisfacao.fillna(0).to_numpy(dtype=float))
    media = np.divide(soma, respostas, out=np.zeros(pares), where=respostas > 0)
    return {
        "inscritos": quantos(),
        "concluintes": quantos(~algum(~concluinte)),
        "com_fase_1": quantos(com_fase_1),
        "concluintes_fase_1": quantos(com_fase_1 & ~algum(fase_1 & ~concluinte)),
        "desistentes": quantos(algum(_sim(linhas["situacao"] == "desistente"))),
        "atingiram_75_fase_1": quantos(com_fase_1 & (parcela >= MINIMO_HORAS_PARA_FASE_2)),
        "chegaram_aceleracao": quantos(algum(_sim(linhas["modulo"] == "aceleracao"))),
        "informaram_renda": quantos(algum(renda.notna().to_numpy())),
        "gerando_renda": quantos(algum(_sim(renda))),
        "informaram_trabalho": quantos(algum(trabalho.notna().to_numpy())),
        "trabalho_formal": quantos(algum(_sim(trabalho))),
        "responderam_satisfacao": quantos(respostas > 0),
        "soma_parcela_horas_fase_1": _somar(grupo_do_par, n, np.where(com_fase_1, parcela, 0.0)),
        "soma_satisfacao": _somar(grupo_do_par, n, media),
    }


def _empreendimentos(linhas: pd.DataFrame, grupo: np.ndarray, n: int) -> dict[str, np.ndarray]:
    """Supported enterprises and those in activity. An enterprise is its name (trimmed, case-folded) **within
    the CRAS** through which it was supported: the same name in two CRAS is two enterprises, so the
    municipality's count is the sum of the CRAS' counts and an enterprise's status in a CRAS report is the one
    the evaluation counts (one definition of IP-10 in every document). It is in activity when one of its
    participants generates income."""
    nome = linhas["empreendimento"].astype("string").str.strip().str.casefold().replace("", pd.NA)
    cras = pd.factorize(linhas["id_cras"].astype("string"))[0]
    com_nome = (nome.notna().to_numpy()) & (cras >= 0)
    codigo, primeira = _codigos(grupo[com_nome], cras[com_nome], pd.factorize(nome[com_nome])[0])
    ativo = _contar(codigo, len(primeira), _sim(linhas["gerando_renda"])[com_nome]) > 0
    grupo_do_empreendimento = grupo[com_nome][primeira]
    return {
        "empreendimentos": _contar(grupo_do_empreendimento, n),
        "empreendimentos_ativos": _contar(grupo_do_empreendimento, n, ativo),
    }


def _tipar(resultados: dict[str, np.ndarray], indice: pd.Index) -> pd.DataFrame:
    """Counts as Int64 (0 where nobody), sums as Float64, and the means derived from them (<NA> without
    data)."""
    saida = pd.DataFrame(
        {
            **{c: pd.array(resultados[c], dtype="Int64") for c in CONTAGENS},
            **{c: pd.array(resultados[c], dtype="Float64") for c in SOMAS},
        },
        index=indice,
    )
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
    ids = sorted(linhas["id_cras"].dropna().unique()) if ids_cras is None else list(dict.fromkeys(ids_cras))
    indice = pd.Index(ids, dtype="string", name="id_cras")
    grupo = indice.get_indexer(linhas["id_cras"])  # -1: a CRAS outside ``ids_cras``, or none
    return _tipar(_resultados(linhas, grupo, len(indice)), indice)


def resultados_municipio(inclusao: pd.DataFrame, inicio, fim) -> pd.Series:
    """The same figures as :func:`resultados_por_cras` for the whole municipality (each person counted
    once)."""
    linhas = inscricoes_do_periodo(inclusao, inicio, fim)
    um_grupo = np.zeros(len(linhas), dtype=np.intp)  # every row in the municipality's one group
    return _tipar(_resultados(linhas, um_grupo, 1), pd.Index(["municipio"])).iloc[0]
