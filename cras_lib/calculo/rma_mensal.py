"""The RMA of one reference month: which month, who sent it, and the month's figures against the previous
month and the same month of the year before.

Norm: Resolução CIT nº 04/2011 — one RMA form per CRAS per month; a month not reported is missing, never
zero. A form whose items are all zero is treated as not informed in the figures (the MDS drops it from the
"base tratada" too; the bulletin reports it as alert RMA-01). Municipal figures of one month are sums over
the CRAS (stocks of the same month may be added across units); a change is computed on the CRAS that
reported both months ("mesma base"), so a CRAS that did not report does not read as a fall.
"""

from __future__ import annotations

import re

import pandas as pd

from cras_lib.calculo import rma
from cras_lib.calculo.indicadores.catalogo import MUNICIPIO
from cras_lib.erros import ArgumentoInvalido

MESES_JANELA = 12  # the submission window: the reference month and the 11 before it
_MES = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def mes_de_referencia(rma_cras: pd.DataFrame, mes=None) -> pd.Period:
    """The bulletin's month: ``mes`` ('AAAA-MM') when given, else the last month present in the RMA file.

    Raises :class:`ArgumentoInvalido` for a malformed month or an empty RMA without a month given.
    """
    if mes is not None and str(mes).strip():
        texto = str(mes).strip()
        if not _MES.match(texto):
            raise ArgumentoInvalido(f"mês de referência do boletim inválido: {texto!r} (use AAAA-MM)")
        return pd.Period(texto, "M")
    meses = rma_cras["mes_referencia"].dropna()
    if meses.empty:
        raise ArgumentoInvalido("rma_cras.csv não tem nenhum mês: informe o mês de referência do boletim")
    return meses.max()


def sem_formularios_zerados(rma_cras: pd.DataFrame) -> pd.DataFrame:
    """``rma_cras`` without the all-zero forms (every item 0 or empty)."""
    itens = rma.itens(rma_cras)
    zerado = (rma_cras[itens].fillna(0) == 0).all(axis=1).to_numpy(dtype=bool)
    return rma_cras.loc[~zerado]


def situacao_envio(rma_cras: pd.DataFrame, ids_cras, mes, janela: int = MESES_JANELA) -> pd.DataFrame:
    """Per CRAS of ``ids_cras`` (in that order): ``enviado`` (a form for ``mes``, even an all-zero one),
    ``meses_sem_envio`` (months of the ``janela`` months ending at ``mes`` without a form) and
    ``consecutivos`` (months in a row without a form up to ``mes``, 0 when sent; counted back to the first
    month of the file for a CRAS that never reported)."""
    mes = rma.mes(mes)
    ids = pd.Index(list(ids_cras), dtype="string", name="id_cras")
    faltam = rma.meses_nao_reportados(rma_cras, ids, mes - (janela - 1), mes)
    sem_envio = faltam.groupby("id_cras").size().reindex(ids, fill_value=0)
    ate = rma_cras.loc[(rma_cras["mes_referencia"] <= mes) & rma_cras["id_cras"].isin(ids)]
    ultimo = ate.groupby("id_cras")["mes_referencia"].max().reindex(ids)
    primeiro = rma_cras["mes_referencia"].min()
    inicio = (primeiro if not pd.isna(primeiro) else mes) - 1
    base = ultimo.where(ultimo.notna(), min(inicio, mes))
    consecutivos = [(mes - b).n for b in base]
    return pd.DataFrame(
        {
            "enviado": ultimo.eq(mes).fillna(False).astype(bool).to_numpy(),
            "meses_sem_envio": sem_envio.astype("Int64").to_numpy(),
            "consecutivos": pd.array(consecutivos, dtype="Int64"),
        },
        index=ids,
    )


def _valores(tabela: pd.DataFrame, ids: pd.Index, mes: pd.Period, itens: list[str]) -> pd.DataFrame:
    return tabela.loc[tabela["mes_referencia"] == mes].set_index("id_cras")[itens].reindex(ids)


def numeros_do_mes(rma_cras: pd.DataFrame, ids_cras, mes, itens: list[str]) -> pd.DataFrame:
    """The ``itens`` of ``mes`` per CRAS and for the municipality, with the previous month and the same month
    of the year before.

    Long table, one row per item and CRAS (``ids_cras`` order, then :data:`MUNICIPIO`): ``valor``,
    ``mes_anterior``, ``variacao_mes`` (relative), ``ano_anterior``, ``variacao_ano``. All-zero forms count
    as not informed. The municipal ``valor`` is the sum over the CRAS that reported (<NA> when none); its
    changes compare sums over the CRAS that reported both months, shown in ``mes_anterior``/``ano_anterior``.
    """
    mes = rma.mes(mes)
    ids = pd.Index(list(ids_cras), dtype="string", name="id_cras")
    tabela = sem_formularios_zerados(rma_cras)
    atual = _valores(tabela, ids, mes, itens).astype("Float64")
    partes = []
    for item in itens:
        v = atual[item]
        linha = {"item": item, "valor": v}
        municipal = {"item": item, "valor": v.sum(min_count=1)}
        for nome, outro in (("mes_anterior", mes - 1), ("ano_anterior", mes - 12)):
            base = _valores(tabela, ids, outro, [item])[item].astype("Float64")
            variacao = nome.replace("mes_anterior", "variacao_mes").replace("ano_anterior", "variacao_ano")
            linha[nome] = base
            linha[variacao] = _variacao(v, base)
            ambos = v.notna() & base.notna()
            soma_atual = v[ambos].sum(min_count=1)
            soma_base = base[ambos].sum(min_count=1)
            municipal[nome] = soma_base
            municipal[variacao] = rma.variacao(soma_atual, soma_base) if ambos.any() else pd.NA
        por_cras = pd.DataFrame(linha, index=ids).reset_index()
        partes.append(por_cras)
        partes.append(pd.DataFrame([municipal | {"id_cras": MUNICIPIO}]))
    saida = pd.concat(partes, ignore_index=True)
    colunas = ["valor", "mes_anterior", "variacao_mes", "ano_anterior", "variacao_ano"]
    saida[colunas] = saida[colunas].astype("Float64")
    saida["id_cras"] = saida["id_cras"].astype("string")
    return saida[["item", "id_cras", *colunas]]


def _variacao(atual: pd.Series, anterior: pd.Series) -> pd.Series:
    """(atual − anterior) / anterior, <NA> when either is missing or the base is 0 (as ``rma.variacao``)."""
    base = anterior.where(anterior != 0)
    return ((atual - base) / base).astype("Float64")


def serie_recente(rma_cras: pd.DataFrame, item: str, ids_cras, mes, meses: int = 13) -> pd.DataFrame:
    """``item`` over the ``meses`` months ending at ``mes`` (rows = months, columns = CRAS); all-zero forms and
    months not reported are <NA> (gaps in a chart)."""
    mes = rma.mes(mes)
    tabela = sem_formularios_zerados(rma_cras)
    return rma.serie_mensal(tabela, item, mes - (meses - 1), mes, list(ids_cras)).astype("Float64")
