"""Current situation of the SCFV at a reference date: active users, capacity, occupancy, público prioritário
and attendance, per CRAS and age cycle (Tipificação Nacional 2009; reordenamento, Resolução CNAS nº 01/2013).

Which cycle the situation uses
------------------------------
A user has two cycles: the cycle of the *group* they attend (what the plan manages: capacity, groups,
orientador hours all belong to groups) and the cycle of their *age* at the reference date (a demographic fact;
a child who turned 15 last month may still rightly be in a 6-to-15 group until the group's year ends). The
situation tables use the **group's cycle** (see :func:`ciclo_da_situacao`), falling back to the age cycle only
for a user whose group is unknown (no ``scfv_grupos`` file, or a group id that is not in it). Both cycles stay
available per user in :func:`participantes_ativos` (``ciclo_grupo`` and ``ciclo``). The choice lives in that
one function.

Formulas (one row per CRAS and cycle; the same measures per CRAS and for the municipality):

- ``ativos`` — users with ``data_entrada <= data_referencia`` and (``data_saida`` empty or ``>
  data_referencia``);
- ``capacidade`` — sum of ``capacidade`` of the CRAS's groups of the cycle (``scfv_grupos``); ``grupos`` their
  count;
- ``ocupacao`` = ativos / capacidade (<NA> when capacity is 0 or unknown);
- ``prioritarios`` — active users in at least one priority situation (Resolução CNAS 01/2013, art. 3º);
- ``participacao_prioritaria`` = prioritarios / **ativos** (share of the users served);
- ``prioritarios_sobre_capacidade`` = prioritarios / **capacidade** — the measure of the Resolução's goal: at
  least 50 % of the capacidade de atendimento filled by the público prioritário (<NA> when capacity is 0 or
  unknown);
- ``taxa_frequencia`` = Σ presencas / Σ encontros_previstos of the active users over the months in
  [``inicio``, ``fim``] (``scfv_frequencia``; <NA> without data). By default the 12 months ending with the
  month of ``data_referencia``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from cras_lib.calculo.razao import razao
from cras_lib.dados.contrato import CICLOS, SITUACOES_PRIORITARIAS
from cras_lib.erros import ArgumentoInvalido
from cras_lib.norma.scfv import ciclo_da_idade

COLUNAS_ATIVOS = (
    "id_participante",
    "id_cras",
    "id_grupo",
    "ciclo_grupo",
    "idade",
    "ciclo",
    "prioritario",
    "situacoes_prioritarias",
)
MEDIDAS = (
    "grupos",
    "capacidade",
    "ativos",
    "ocupacao",
    "prioritarios",
    "participacao_prioritaria",
    "prioritarios_sobre_capacidade",
    "taxa_frequencia",
)
MESES_FREQUENCIA_PADRAO = 12
_SEPARADOR = "|"
_TOTAL = "__total__"


def como_data(valor) -> pd.Timestamp:
    """A reference date (str 'AAAA-MM-DD', date, Timestamp) as a midnight Timestamp."""
    if isinstance(valor, dt.date | pd.Timestamp | str | np.datetime64):
        return pd.Timestamp(valor).normalize()
    raise ArgumentoInvalido(f"data de referência inválida: '{valor}' (use AAAA-MM-DD)")


def idade_em(nascimento: pd.Series, data_referencia) -> pd.Series:
    """Completed years at ``data_referencia`` (the birthday itself counts): Int64, <NA> for unknown birth
    dates.

    Someone born 2010-12-31 is 15 on 2025-12-31 and 14 on 2025-12-30. A person born on 29 February completes
    the year on 1 March in non-leap years (the month/day comparison 02-28 < 02-29).
    """
    ref = como_data(data_referencia)
    nasc = pd.to_datetime(nascimento)
    anos = ref.year - nasc.dt.year
    ainda_nao = (nasc.dt.month > ref.month) | ((nasc.dt.month == ref.month) & (nasc.dt.day > ref.day))
    return (anos - ainda_nao.astype(int)).astype("Int64")


def ciclos_das_idades(idades: pd.Series) -> pd.Series:
    """The SCFV cycle code of each age (``norma.scfv.ciclo_da_idade`` applied once per distinct age); <NA> for
    an unknown or negative age (birth date after the reference date)."""
    distintas = [int(a) for a in pd.unique(idades.dropna()) if a >= 0]
    mapa = {a: ciclo_da_idade(a) for a in distintas}
    return idades.map(lambda a: mapa.get(int(a), pd.NA) if not pd.isna(a) else pd.NA).astype("string")


def _texto(serie: pd.Series) -> pd.Series:
    return serie.astype("string")


def participantes_ativos(
    participantes: pd.DataFrame, grupos: pd.DataFrame | None, data_referencia
) -> pd.DataFrame:
    """Users active at ``data_referencia``: ``data_entrada <= data`` and (``data_saida`` NaT or ``> data``).

    One row per user (input order) with ``COLUNAS_ATIVOS``: the group's cycle ``ciclo_grupo`` (<NA> when the
    group is unknown), ``idade`` in completed years at the date and the age cycle ``ciclo`` (Tipificação
    2009), ``prioritario`` (at least one priority situation, Resolução CNAS 01/2013) and the situations'
    codes. No personal column (nome, cpf, nis, data_nascimento) is returned.
    """
    ref = como_data(data_referencia)
    entrada = pd.to_datetime(participantes["data_entrada"])
    saida = pd.to_datetime(participantes["data_saida"])
    ativo = (entrada <= ref) & (saida.isna() | (saida > ref))
    p = participantes.loc[ativo.fillna(False).astype(bool)].reset_index(drop=True)
    idade = idade_em(p["data_nascimento"], ref)
    situacoes = _texto(p["situacoes_prioritarias"]).str.strip().replace("", pd.NA)
    saida_df = pd.DataFrame(
        {
            "id_participante": _texto(p["id_participante"]),
            "id_cras": _texto(p["id_cras"]),
            "id_grupo": _texto(p["id_grupo"]),
            "ciclo_grupo": _ciclo_dos_grupos(p["id_grupo"], grupos),
            "idade": idade,
            "ciclo": ciclos_das_idades(idade),
            "prioritario": situacoes.notna().astype(bool),
            "situacoes_prioritarias": situacoes,
        }
    )
    return saida_df


def _ciclo_dos_grupos(id_grupo: pd.Series, grupos: pd.DataFrame | None) -> pd.Series:
    if grupos is None:
        return pd.Series(pd.NA, index=id_grupo.index, dtype="string")
    mapa = dict(zip(_texto(grupos["id_grupo"]), _texto(grupos["ciclo"]), strict=True))
    return _texto(id_grupo).map(mapa).astype("string")


def ciclo_da_situacao(ativos: pd.DataFrame) -> pd.Series:
    """THE cycle the situation and the plan count a user in: the group's cycle, else the age cycle.

    The group's cycle is what the plan manages (capacity, groups and orientador hours are per group); the age
    cycle is used only when the group is unknown. See the module docstring.
    """
    return ativos["ciclo_grupo"].fillna(ativos["ciclo"]).astype("string")


def _periodo(valor, padrao: pd.Period) -> pd.Period:
    return padrao if valor is None else pd.Period(valor, "M")


def janela_frequencia(data_referencia, inicio=None, fim=None) -> tuple[pd.Period, pd.Period]:
    """Months of the attendance rate: [inicio, fim]; by default the 12 months ending with the reference
    month."""
    fim_ = _periodo(fim, pd.Period(como_data(data_referencia), "M"))
    inicio_ = _periodo(inicio, fim_ - (MESES_FREQUENCIA_PADRAO - 1))
    return inicio_, fim_


def _chaves(por: tuple[str, ...]) -> list[str]:
    return list(por) if por else [_TOTAL]


def ordenar(tabela: pd.DataFrame, por: tuple[str, ...]) -> pd.DataFrame:
    """Sort by ``por``, cycles in the Tipificação order (not alphabetical); unknown cycles last."""
    if "ciclo" in por:
        ordem = tabela["ciclo"].map({c: i for i, c in enumerate(CICLOS)}).fillna(len(CICLOS))
        tabela = tabela.assign(_ordem=ordem).sort_values([*(c if c != "ciclo" else "_ordem" for c in por)])
        tabela = tabela.drop(columns="_ordem")
    elif por:
        tabela = tabela.sort_values(list(por))
    return tabela.reset_index(drop=True)


def _ativos_com_chave(participantes, grupos, data_referencia) -> pd.DataFrame:
    ativos = participantes_ativos(participantes, grupos, data_referencia)
    return ativos.assign(ciclo=ciclo_da_situacao(ativos), **{_TOTAL: "total"})


def capacidade_por(grupos: pd.DataFrame | None, chaves: list[str]) -> pd.DataFrame:
    """Number of groups and Σ capacidade of ``scfv_grupos`` per ``chaves`` (id_cras and/or ciclo)."""
    if grupos is None:
        return pd.DataFrame(columns=[*chaves, "grupos", "capacidade"])
    g = pd.DataFrame(
        {
            "id_cras": _texto(grupos["id_cras"]),
            "ciclo": _texto(grupos["ciclo"]),
            "capacidade": grupos["capacidade"].astype("Int64"),
            _TOTAL: "total",
        }
    )
    por = g.groupby(chaves, dropna=False)["capacidade"]
    return pd.DataFrame({"grupos": por.size(), "capacidade": por.sum()}).reset_index()


def _frequencia(ativos, frequencia, chaves, inicio: pd.Period, fim: pd.Period) -> pd.DataFrame:
    if frequencia is None:
        return pd.DataFrame(columns=[*chaves, "presencas", "encontros_previstos"])
    meses = frequencia["mes_referencia"]
    f = frequencia.loc[
        (meses >= inicio) & (meses <= fim), ["id_participante", "presencas", "encontros_previstos"]
    ]
    f = f.assign(id_participante=_texto(f["id_participante"])).merge(
        ativos[["id_participante", *chaves]], on="id_participante", how="inner"
    )
    return f.groupby(chaves, dropna=False)[["presencas", "encontros_previstos"]].sum().reset_index()


_CONTAGENS = ("grupos", "capacidade", "ativos", "prioritarios", "presencas", "encontros_previstos")
_POR_CICLO = ("id_cras", "ciclo")


def _contagens(participantes, grupos, frequencia, data_referencia, inicio, fim) -> pd.DataFrame:
    """The counts behind the measures, one row per CRAS and cycle: ``id_cras, ciclo`` and ``_CONTAGENS``."""
    chaves = list(_POR_CICLO)
    ativos = _ativos_com_chave(participantes, grupos, data_referencia)
    por = ativos.groupby(chaves, dropna=False)  # named aggregations cost ≈ 7 ms each; these, a fraction
    contagem = pd.DataFrame({"ativos": por.size(), "prioritarios": por["prioritario"].sum()}).reset_index()
    tabela = contagem.merge(capacidade_por(grupos, chaves), on=chaves, how="outer")
    tabela = tabela.merge(
        _frequencia(ativos, frequencia, chaves, *janela_frequencia(data_referencia, inicio, fim)),
        on=chaves,
        how="left",
    )
    for coluna in ("ativos", "prioritarios"):
        tabela[coluna] = tabela[coluna].astype("Int64").fillna(0)
    for coluna in ("grupos", "capacidade"):
        tabela[coluna] = tabela[coluna].astype("Int64")
        if grupos is not None:
            tabela[coluna] = tabela[coluna].fillna(0)
    for coluna in ("presencas", "encontros_previstos"):
        tabela[coluna] = tabela[coluna].astype("Int64")
    return tabela[[*chaves, *_CONTAGENS]]


def _medidas(contagens: pd.DataFrame, por: tuple[str, ...]) -> pd.DataFrame:
    """``MEDIDAS`` per ``por`` from the per-cycle counts: counts summed (<NA> only when every part is <NA>),
    ratios recomputed from the sums (never averaged)."""
    chaves = _chaves(por)
    tabela = (
        contagens.assign(**{_TOTAL: "total"})
        .groupby(chaves, dropna=False)[list(_CONTAGENS)]
        .sum(min_count=1)
        .reset_index()
    )
    tabela["ocupacao"] = razao(tabela["ativos"], tabela["capacidade"])
    tabela["participacao_prioritaria"] = razao(tabela["prioritarios"], tabela["ativos"])
    tabela["prioritarios_sobre_capacidade"] = razao(tabela["prioritarios"], tabela["capacidade"])
    tabela["taxa_frequencia"] = razao(tabela["presencas"], tabela["encontros_previstos"])
    for chave in por:
        tabela[chave] = _texto(tabela[chave])
    return ordenar(tabela[[*por, *MEDIDAS]], por)


@dataclass(frozen=True, eq=False)
class SituacaoSCFV:
    """The SCFV situation at one date, counted once per CRAS and cycle; the per-CRAS and municipal measures are
    summed from those counts (each computed once, when first asked for)."""

    contagens: pd.DataFrame  # id_cras, ciclo and the counts (groups, capacity, users, priority, attendance)

    @cached_property
    def por_ciclo(self) -> pd.DataFrame:
        """Per ``id_cras`` and ``ciclo``: see :func:`situacao_atual`."""
        return _medidas(self.contagens, _POR_CICLO)

    @cached_property
    def por_cras(self) -> pd.DataFrame:
        """Per ``id_cras`` (all cycles together): see :func:`situacao_por_cras`."""
        return _medidas(self.contagens, ("id_cras",))

    @cached_property
    def municipal(self) -> pd.DataFrame:
        """The whole municipality, one row: see :func:`situacao_municipal`."""
        return _medidas(self.contagens, ())


def situacao(participantes, grupos, frequencia, data_referencia, inicio=None, fim=None) -> SituacaoSCFV:
    """The SCFV situation at ``data_referencia`` at every level (:class:`SituacaoSCFV`), attendance over
    [``inicio``, ``fim``] (:func:`janela_frequencia`)."""
    return SituacaoSCFV(_contagens(participantes, grupos, frequencia, data_referencia, inicio, fim))


def situacao_atual(participantes, grupos, frequencia, data_referencia, inicio=None, fim=None) -> pd.DataFrame:
    """The SCFV situation per ``id_cras`` and ``ciclo`` (the group's cycle, see :func:`ciclo_da_situacao`).

    Columns ``id_cras, ciclo`` and ``MEDIDAS`` (formulas in the module docstring).
    ``participacao_prioritaria`` is prioritarios / **ativos**; ``prioritarios_sobre_capacidade`` is
    prioritarios / **capacidade**, the measure of the goal of Resolução CNAS 01/2013 (≥ 50 % of the capacidade
    de atendimento). A CRAS and cycle with groups and no active user has ``ativos`` 0; with users and no
    group, ``capacidade`` 0 and ``ocupacao`` <NA>. Without ``scfv_grupos`` (``grupos=None``) capacity and
    groups are <NA>. Sorted by CRAS and cycle (Tipificação order).
    """
    return situacao(participantes, grupos, frequencia, data_referencia, inicio, fim).por_ciclo


def situacao_por_cras(
    participantes, grupos, frequencia, data_referencia, inicio=None, fim=None
) -> pd.DataFrame:
    """The same measures as :func:`situacao_atual` per ``id_cras`` (all cycles together); sorted by CRAS."""
    return situacao(participantes, grupos, frequencia, data_referencia, inicio, fim).por_cras


def situacao_municipal(
    participantes, grupos, frequencia, data_referencia, inicio=None, fim=None
) -> pd.DataFrame:
    """The same measures for the whole municipality: a one-row DataFrame with ``MEDIDAS`` columns.

    Ratios are recomputed from the summed counts (not averaged over CRAS).
    """
    return situacao(participantes, grupos, frequencia, data_referencia, inicio, fim).municipal


def contagem_por_situacao(
    participantes, grupos, data_referencia, por: tuple[str, ...] = ("id_cras", "ciclo")
):
    """Active users per priority situation (Resolução CNAS 01/2013): one Int64 column per code of
    ``SITUACOES_PRIORITARIAS`` (a user in two situations counts in both), one row per ``por`` group that has
    active users (``por=()`` gives the municipal row; ``("id_cras",)`` per CRAS). The cycle is
    :func:`ciclo_da_situacao`.
    """
    chaves = _chaves(por)
    ativos = _ativos_com_chave(participantes, grupos, data_referencia)
    codigos = ativos["situacoes_prioritarias"].fillna("").str.split(_SEPARADOR)
    longa = ativos[chaves].assign(situacao=codigos).explode("situacao")
    longa = longa[longa["situacao"].isin(SITUACOES_PRIORITARIAS)]
    contagem = longa.groupby([*chaves, "situacao"], dropna=False).size().unstack("situacao")
    base = ativos[chaves].drop_duplicates().set_index(chaves)
    larga = base.join(contagem.reindex(columns=list(SITUACOES_PRIORITARIAS)), how="left").fillna(0)
    larga = larga.astype("Int64").reset_index()
    for chave in por:
        larga[chave] = _texto(larga[chave])
    return ordenar(larga[[*por, *SITUACOES_PRIORITARIAS]], por)
