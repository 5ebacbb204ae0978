"""Plano Anual do SCFV: demand, goals, groups, calendar and orientador hours per CRAS and age cycle, and the
list of what needs action (Tipificação Nacional 2009; reordenamento, Resolução CNAS nº 01/2013; NOB-RH/SUAS
2006 and Resolução CNAS nº 9/2014 for the orientador social).

The goal rule (meta de atendimento per CRAS and cycle, a municipal choice whose parameters are in
``params/plano_scfv.yaml``)::

    alvo_cobertura = ceil(cobertura_alvo[ciclo] × populacao_ciclo)
    meta = max(ativos, min(max(capacidade, alvo_cobertura), populacao_ciclo))

In words: nobody already in the service loses the place (never below the active users); the installed capacity
(the capacidade de atendimento co-financed by the Piso Básico Variável) is kept, and raised to a coverage
target of the cycle's population registered in the CadÚnico of the territory where that target is higher; no
cycle is planned above its registered population. Without CadÚnico data the bound and the coverage term are
dropped (meta = max(ativos, capacidade)). The meta is the capacidade de atendimento of the plan; from it:

- ``grupos`` = ceil(meta / tamanho_grupo[ciclo]);
- ``vagas_prioritarias`` = ceil(0,5 × meta) — places that must go to the público prioritário so that at least
  50 % of the capacity serves it (Resolução CNAS 01/2013); per CRAS and cycle, hence also overall;
- ``lacuna_prioritaria`` = max(0, vagas_prioritarias − prioritarios) — público prioritário still to be reached
  (busca ativa, referrals from the PAIF, CREAS and the Rede).

Orientador social hours per CRAS and week (``horas_necessarias``) = Σ groups × encontros_semanais ×
horas_por_encontro × (1 + fracao_planejamento); compared with the Σ ``horas_semanais`` of the roster's
orientadores sociais (``equipes.funcao == "orientador_social"``); a worker known only by the hour band of the
Censo SUAS counts the band's upper limit (:mod:`cras_lib.calculo.carga_horaria`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from cras_lib.apresentacao.escape import md
from cras_lib.apresentacao.formatacao import inteiro, percentual, plural
from cras_lib.apresentacao.privacidade import LIMIAR_PADRAO, conclusao_segura, divulgavel
from cras_lib.calculo import calendario as cal
from cras_lib.calculo import carga_horaria, memoria
from cras_lib.calculo import scfv_situacao as sit
from cras_lib.calculo.razao import razao
from cras_lib.calculo.scfv_financiamento import Financiamento, estimar
from cras_lib.calculo.scfv_mudancas import Mudanca
from cras_lib.calculo.scfv_mudancas import mudancas as mudancas_do_plano
from cras_lib.dados.municipio import nomes_dos_cras
from cras_lib.norma.scfv import META_PUBLICO_PRIORITARIO, POR_CODIGO
from cras_lib.parametros.arquivo import carregar
from cras_lib.parametros.plano_scfv import ArquivoPlano

FUNCAO_ORIENTADOR = "orientador_social"
# Columns of the goals that add up per CRAS (metas_por_cras).
SOMAVEIS = (
    "ativos",
    "prioritarios",
    "capacidade_atual",
    "meta",
    "grupos",
    "vagas_prioritarias",
    "lacuna_prioritaria",
)
COLUNAS_METAS = (
    "id_cras", "ciclo", "populacao_ciclo", "ativos", "prioritarios", "capacidade_atual", "grupos_atuais",
    "alvo_cobertura", "meta", "tamanho_grupo", "grupos", "vagas_prioritarias", "lacuna_prioritaria",
)  # fmt: skip


# --- parameters ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ParametrosCiclo:
    """Municipal choices for one age cycle, resolved (defaults and meaning: :class:`ArquivoPlano`)."""

    tamanho_grupo: int
    encontros_semanais: int
    horas_por_encontro: float
    dias_semana: tuple[int, ...]  # Monday = 0
    cobertura_alvo: float  # fraction of the cycle's CadÚnico population of the territory
    horario_inicio: dt.time | None = None  # start of the encounters; None: each CRAS sets it


@dataclass(frozen=True)
class ParametrosPlano:
    """The plan's parameters as the calculation uses them: ``params/plano_scfv.yaml`` resolved (every default
    applied, weekdays as numbers, holidays and recesses as calendar entries); defaults live in the model."""

    ciclos: dict[str, ParametrosCiclo]
    fracao_planejamento: float
    jornada_orientador: float
    ocupacao_minima: float
    pontos_facultativos: bool
    feriados_municipais: tuple[cal.FeriadoMunicipal, ...]
    recessos: tuple[cal.Recesso, ...]
    valor_referencia_pbv: float = 50.0  # reais per user and month (Piso Básico Variável)
    custo_vaga_mes: float | None = None  # reais per place and month; None: from custos.csv

    @classmethod
    def do_arquivo(cls, arquivo: ArquivoPlano) -> ParametrosPlano:
        """The parameters of a validated ``plano_scfv.yaml`` (``ArquivoPlano()``: every default)."""
        ciclos = {
            codigo: ParametrosCiclo(
                c.tamanho_grupo,
                c.encontros_semanais,
                float(c.horas_por_encontro),
                c.dias,
                float(c.cobertura_alvo),
                c.horario_inicio,
            )
            for codigo, c in arquivo.ciclos.por_codigo().items()
        }
        cal_ = arquivo.calendario
        return cls(
            ciclos=ciclos,
            fracao_planejamento=float(arquivo.equipe.fracao_planejamento),
            jornada_orientador=float(arquivo.equipe.jornada_orientador),
            ocupacao_minima=float(arquivo.ocupacao_minima),
            pontos_facultativos=cal_.pontos_facultativos,
            feriados_municipais=tuple(cal.FeriadoMunicipal(f.data, f.nome) for f in cal_.feriados_municipais),
            recessos=tuple(cal.Recesso(r.inicio, r.fim, r.nome) for r in cal_.recessos),
            valor_referencia_pbv=float(arquivo.financiamento.valor_referencia_pbv),
            custo_vaga_mes=(
                None
                if arquivo.financiamento.custo_vaga_mes is None
                else float(arquivo.financiamento.custo_vaga_mes)
            ),
        )


def parametros_do_plano(caminho: str | Path) -> ParametrosPlano:
    """Read and validate ``params/plano_scfv.yaml`` (model :class:`ArquivoPlano`; absent keys take its
    defaults). Raises :class:`~cras_lib.erros.ParametrosInvalidos` listing every problem, in Portuguese."""
    return ParametrosPlano.do_arquivo(carregar(ArquivoPlano, caminho))


# --- demand -------------------------------------------------------------------------------------------------


def cadunico_na_data(cadunico: pd.DataFrame, data_referencia) -> pd.DataFrame:
    """Per CRAS, the CadÚnico row of the latest month ≤ the reference date's month (a CRAS without one is
    absent)."""
    mes = pd.Period(sit.como_data(data_referencia), "M")
    ate = cadunico[cadunico["mes_referencia"] <= mes]
    ultimo = ate.groupby("id_cras")["mes_referencia"].transform("max")
    return ate[ate["mes_referencia"] == ultimo].sort_values("id_cras").reset_index(drop=True)


def demanda(cadunico: pd.DataFrame, situacao: pd.DataFrame | None, data_referencia) -> pd.DataFrame:
    """Demand per CRAS and cycle: the cycle's population registered in the CadÚnico of the territory
    (``pessoas_*`` column of the cycle, ``norma.scfv``) at the latest month ≤ the reference date, the
    territory's families in poverty (``familias_pobreza``, which includes extreme poverty) and in extreme
    poverty, the priority cases already known (active público prioritário, from :func:`situacao_atual`) and
    the current coverage ativos / populacao_ciclo. Columns: ``id_cras, ciclo, mes_cadunico, populacao_ciclo,
    familias_pobreza, familias_extrema_pobreza, ativos, prioritarios_conhecidos, cobertura_atual``."""
    base = cadunico_na_data(cadunico, data_referencia)
    partes = [
        pd.DataFrame(
            {
                "id_cras": base["id_cras"].astype("string"),
                "ciclo": ciclo.codigo,
                "mes_cadunico": base["mes_referencia"],
                "populacao_ciclo": base[ciclo.coluna_cadunico].astype("Int64"),
                "familias_pobreza": base["familias_pobreza"].astype("Int64"),
                "familias_extrema_pobreza": base["familias_extrema_pobreza"].astype("Int64"),
            }
        )
        for ciclo in POR_CODIGO.values()
    ]
    tabela = pd.concat(partes, ignore_index=True)
    tabela["ciclo"] = tabela["ciclo"].astype("string")
    if situacao is not None:
        atual = situacao[["id_cras", "ciclo", "ativos", "prioritarios"]]
        tabela = tabela.merge(atual.rename(columns={"prioritarios": "prioritarios_conhecidos"}), how="left")
        conhecidos = ["ativos", "prioritarios_conhecidos"]
        tabela[conhecidos] = tabela[conhecidos].fillna(0)
    else:
        tabela["ativos"] = tabela["prioritarios_conhecidos"] = pd.array([pd.NA] * len(tabela), dtype="Int64")
    tabela["cobertura_atual"] = razao(tabela["ativos"], tabela["populacao_ciclo"])
    return sit.ordenar(tabela, ("id_cras", "ciclo"))


# --- goals --------------------------------------------------------------------------------------------------


def _ceil(serie: pd.Series) -> pd.Series:
    """Ceiling of a non-negative Float series as Int64, robust to float noise (0.5 × 30 = 15 exactly)."""
    valores = serie.astype("Float64")
    return np.ceil(valores.round(9)).astype("Int64")


def metas(
    situacao: pd.DataFrame | None,
    demanda_: pd.DataFrame | None,
    parametros: ParametrosPlano,
    *,
    lista_conhecida: bool = True,
) -> pd.DataFrame:
    """Goals of the plan year per CRAS and cycle (rule in the module docstring).

    Inputs: the current situation per CRAS and cycle (``situacao_atual``: ``id_cras, ciclo, ativos,
    prioritarios, capacidade, grupos``; None when neither users nor groups are known) and the demand
    (:func:`demanda`; None without CadÚnico). With ``lista_conhecida`` a CRAS and cycle absent from
    ``situacao`` has 0 users; without it (no ``scfv_participantes``) users are unknown, so ``ativos``,
    ``prioritarios`` and ``lacuna_prioritaria`` are <NA> and the meta ignores them.

    Columns ``id_cras, ciclo, populacao_ciclo, ativos, prioritarios, capacidade_atual, grupos_atuais,
    alvo_cobertura, meta, tamanho_grupo, grupos, vagas_prioritarias, lacuna_prioritaria``; only rows with a
    positive meta; sorted by CRAS and cycle.
    """
    chaves = ["id_cras", "ciclo"]
    partes = []
    if situacao is not None:
        s = situacao[[*chaves, "ativos", "prioritarios", "capacidade", "grupos"]]
        partes.append(s.rename(columns={"capacidade": "capacidade_atual", "grupos": "grupos_atuais"}))
    if demanda_ is not None:
        partes.append(demanda_[[*chaves, "populacao_ciclo"]])
    if not partes:
        return pd.DataFrame({c: pd.array([], dtype="Int64") for c in COLUNAS_METAS})
    tabela = partes[0]
    for parte in partes[1:]:
        tabela = tabela.merge(parte, on=chaves, how="outer")
    for coluna in ("populacao_ciclo", "ativos", "prioritarios", "capacidade_atual", "grupos_atuais"):
        if coluna not in tabela:
            tabela[coluna] = pd.array([pd.NA] * len(tabela), dtype="Int64")
    tabela = tabela.astype(
        {c: "Int64" for c in ("populacao_ciclo", "ativos", "prioritarios", "capacidade_atual")}
    )
    if lista_conhecida:
        tabela[["ativos", "prioritarios"]] = tabela[["ativos", "prioritarios"]].fillna(0)
    else:
        tabela["ativos"] = tabela["prioritarios"] = pd.array([pd.NA] * len(tabela), dtype="Int64")
    ciclo = tabela["ciclo"]
    cobertura = ciclo.map({c: p.cobertura_alvo for c, p in parametros.ciclos.items()}).astype("Float64")
    tabela["alvo_cobertura"] = _ceil(cobertura * tabela["populacao_ciclo"].astype("Float64")).fillna(0)
    ativos = tabela["ativos"].fillna(0)
    capacidade = tabela["capacidade_atual"].fillna(0)
    pretendido = capacidade.where(capacidade >= tabela["alvo_cobertura"], tabela["alvo_cobertura"])
    populacao = tabela["populacao_ciclo"]
    limitado = pretendido.where(populacao.isna() | (pretendido <= populacao), populacao)
    tabela["meta"] = limitado.where(limitado >= ativos, ativos).astype("Int64")
    tabela["tamanho_grupo"] = ciclo.map({c: p.tamanho_grupo for c, p in parametros.ciclos.items()}).astype(
        "Int64"
    )
    tabela["grupos"] = _ceil(tabela["meta"] / tabela["tamanho_grupo"])
    tabela["vagas_prioritarias"] = _ceil(META_PUBLICO_PRIORITARIO * tabela["meta"].astype("Float64"))
    tabela["lacuna_prioritaria"] = (tabela["vagas_prioritarias"] - tabela["prioritarios"]).clip(lower=0)
    tabela = tabela[tabela["meta"] > 0]
    return sit.ordenar(tabela[list(COLUNAS_METAS)], ("id_cras", "ciclo"))


def metas_por_cras(metas_: pd.DataFrame) -> pd.DataFrame:
    """Goals summed per CRAS, with the planned share of places for the público prioritário."""
    somas = [c for c in COLUNAS_METAS if c in SOMAVEIS]
    tabela = metas_.groupby("id_cras")[somas].sum(min_count=1).reset_index()
    tabela["participacao_prioritaria_planejada"] = razao(tabela["vagas_prioritarias"], tabela["meta"])
    return tabela.sort_values("id_cras").reset_index(drop=True)


# --- groups, calendar and orientadores ----------------------------------------------------------------------


def grupos_planejados(metas_: pd.DataFrame, parametros: ParametrosPlano) -> pd.DataFrame:
    """One row per planned group: ``id_grupo`` ('<id_cras>-<ciclo>-<n>'), ``id_cras, ciclo, capacidade,
    encontros_semanais, horas_por_encontro, dias_semana`` (the cycle's parameters)."""
    linhas = []
    for m in metas_.itertuples(index=False):
        p = parametros.ciclos[m.ciclo]
        for n in range(1, int(m.grupos) + 1):
            linhas.append(
                {
                    "id_grupo": f"{m.id_cras}-{m.ciclo}-{n:02d}",
                    "id_cras": m.id_cras,
                    "ciclo": m.ciclo,
                    "capacidade": p.tamanho_grupo,
                    "encontros_semanais": p.encontros_semanais,
                    "horas_por_encontro": p.horas_por_encontro,
                    "dias_semana": p.dias_semana,
                }
            )
    colunas = [
        "id_grupo",
        "id_cras",
        "ciclo",
        "capacidade",
        "encontros_semanais",
        "horas_por_encontro",
        "dias_semana",
    ]
    return pd.DataFrame(linhas, columns=colunas)


def feriados_do_ano(parametros: ParametrosPlano, ano: int, uf: str) -> dict[dt.date, str]:
    """National, state (``uf``) and municipal holidays of the plan year (see ``calendario.feriados``)."""
    return cal.feriados(
        ano, uf, parametros.feriados_municipais, pontos_facultativos=parametros.pontos_facultativos
    )


def feriados_em_dias_de_encontro(feriados: dict[dt.date, str], parametros: ParametrosPlano) -> pd.DataFrame:
    """Holidays falling on a weekday some cycle meets: ``data, dia_semana, feriado, ciclos`` (labels of the
    cycles that lose the encounter), sorted by date. Recesso periods are listed apart
    (``parametros.recessos``)."""
    linhas = []
    for data, nome in sorted(feriados.items()):
        ciclos = [
            POR_CODIGO[c].rotulo for c, p in parametros.ciclos.items() if data.weekday() in p.dias_semana
        ]
        if ciclos:
            linhas.append({"data": data, "dia_semana": cal.NOMES_DIAS[data.weekday()], "feriado": nome,
                           "ciclos": "; ".join(ciclos)})  # fmt: skip
    return pd.DataFrame(linhas, columns=["data", "dia_semana", "feriado", "ciclos"])


def orientadores(grupos: pd.DataFrame, equipes: pd.DataFrame, parametros: ParametrosPlano) -> pd.DataFrame:
    """Orientador social hours per CRAS and week: needed by the planned groups vs the roster.

    ``horas_encontros`` = Σ encontros_semanais × horas_por_encontro of the groups; ``horas_planejamento`` =
    fracao_planejamento × horas_encontros; ``horas_necessarias`` = their sum; ``horas_disponiveis`` = Σ
    hours of the roster's orientadores sociais (``orientadores_atuais`` of them): exact ``horas_semanais``, or
    for a worker known only by the Censo SUAS band the band's upper limit (:mod:`cras_lib.calculo.carga_horaria`;
    ``orientadores_so_faixa`` of them); ``saldo_horas``
    = disponíveis − necessárias; ``orientadores_faltantes`` = ceil(max(0, −saldo) / jornada_orientador).
    """
    g = grupos.assign(horas=grupos["encontros_semanais"] * grupos["horas_por_encontro"])
    por_cras = g.groupby("id_cras")  # plain reductions: a named aggregation costs several milliseconds
    necessidade = pd.DataFrame({"grupos": por_cras.size(), "horas_encontros": por_cras["horas"].sum()})
    o = equipes[equipes["funcao"] == FUNCAO_ORIENTADOR]
    o = o.assign(horas_contadas=carga_horaria.horas_contadas(o), so_faixa=carga_horaria.so_faixa(o))
    por_cras = o.groupby("id_cras")
    oferta = pd.DataFrame(
        {
            "orientadores_atuais": por_cras.size(),
            "horas_disponiveis": por_cras["horas_contadas"].sum(),
            "orientadores_so_faixa": por_cras["so_faixa"].sum(),
        }
    )
    tabela = necessidade.join(oferta, how="outer").reset_index()
    tabela["id_cras"] = tabela["id_cras"].astype("string")
    contagens = ["grupos", "orientadores_atuais", "orientadores_so_faixa"]
    tabela[contagens] = tabela[contagens].fillna(0).astype("Int64")
    tabela["horas_encontros"] = tabela["horas_encontros"].fillna(0).astype("Float64")
    tabela["horas_planejamento"] = (tabela["horas_encontros"] * parametros.fracao_planejamento).astype(
        "Float64"
    )
    tabela["horas_necessarias"] = tabela["horas_encontros"] + tabela["horas_planejamento"]
    tabela["horas_disponiveis"] = tabela["horas_disponiveis"].fillna(0).astype("Float64")
    tabela["saldo_horas"] = tabela["horas_disponiveis"] - tabela["horas_necessarias"]
    deficit = (-tabela["saldo_horas"]).clip(lower=0) / parametros.jornada_orientador
    tabela["orientadores_faltantes"] = _ceil(deficit)
    return tabela.sort_values("id_cras").reset_index(drop=True)


def grupos_abaixo_da_ocupacao(
    participantes: pd.DataFrame | None, grupos: pd.DataFrame | None, data_referencia, minima: float
) -> pd.DataFrame | None:
    """The groups of ``scfv_grupos`` whose occupancy (active users ÷ capacidade at the reference date) is below
    ``minima`` (``ocupacao_minima``): the groups where the CRAS does a busca ativa.

    Columns ``id_grupo, id_cras, ciclo, capacidade, ativos, ocupacao, faltam`` where ``faltam`` = ceil(minima ×
    capacidade) − ativos, the users to find to reach the minimum; sorted by CRAS, cycle and group. A group of
    capacity 0 or unknown is left out (no occupancy). None without both files."""
    if participantes is None or grupos is None:
        return None
    ativos = sit.participantes_ativos(participantes, grupos, data_referencia)
    contagem = ativos.groupby("id_grupo").size()
    tabela = pd.DataFrame(
        {
            "id_grupo": grupos["id_grupo"].astype("string"),
            "id_cras": grupos["id_cras"].astype("string"),
            "ciclo": grupos["ciclo"].astype("string"),
            "capacidade": grupos["capacidade"].astype("Int64"),
        }
    )
    tabela["ativos"] = tabela["id_grupo"].map(contagem).fillna(0).astype("Int64")
    tabela = tabela[tabela["capacidade"].fillna(0) > 0].copy()
    tabela["ocupacao"] = razao(tabela["ativos"], tabela["capacidade"])
    tabela = tabela[tabela["ocupacao"] < minima].copy()
    minimo = _ceil(minima * tabela["capacidade"].astype("Float64"))
    tabela["faltam"] = (minimo - tabela["ativos"]).astype("Int64")
    return sit.ordenar(tabela, ("id_cras", "ciclo", "id_grupo"))


# --- the whole plan -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Plano:
    """Every table of the plan. Tables of a part whose input file is absent are None (see ``ausentes``)."""

    ano: int
    data_referencia: pd.Timestamp
    uf: str
    parametros: ParametrosPlano
    nomes_cras: dict[str, str]
    situacao: pd.DataFrame | None  # per CRAS and cycle
    situacao_cras: pd.DataFrame | None
    situacao_municipio: pd.DataFrame | None  # one row
    situacoes: pd.DataFrame | None  # active users per priority situation, per CRAS
    demanda: pd.DataFrame | None
    metas: pd.DataFrame
    metas_cras: pd.DataFrame
    grupos: pd.DataFrame
    feriados: dict[dt.date, str]  # national, state and municipal holidays of the year
    sem_encontro: dict[dt.date, str]  # holidays and recesso days
    calendario: pd.DataFrame
    orientadores: pd.DataFrame
    ausentes: tuple[str, ...] = field(default=())
    grupos_ociosos: pd.DataFrame | None = None  # groups below ocupacao_minima (grupos_abaixo_da_ocupacao)
    mudancas: tuple[Mudanca, ...] = ()  # the service today vs the plan (scfv_mudancas)
    financiamento: Financiamento | None = (
        None  # cost and federal co-financing estimate  # optional files absent, e.g. "cadunico_territorios.csv"
    )


def _situacao_demanda_metas(m, parametros: ParametrosPlano, ref) -> tuple:
    """The current situation (:class:`~.scfv_situacao.SituacaoSCFV`, None without the users' list), the demand
    (None without CadÚnico) and the goals of the plan — the part of :func:`planejar` that
    :func:`orientadores_do_plano` shares (kept in the calculations' cache, :mod:`cras_lib.calculo.memoria`:
    in a warm kernel the plan and the CRAS reports compute it once)."""
    return memoria.cache.obter(
        m,
        "situacao_demanda_metas",
        (repr(parametros), str(ref)),
        lambda: _calcular_situacao_demanda_metas(m, parametros, ref),
    )


def _calcular_situacao_demanda_metas(m, parametros: ParametrosPlano, ref) -> tuple:
    estado = (
        sit.situacao(m.scfv_participantes, m.scfv_grupos, m.scfv_frequencia, ref)
        if m.scfv_participantes is not None
        else None
    )
    situacao = None if estado is None else estado.por_ciclo
    demanda_ = demanda(m.cadunico_territorios, situacao, ref) if m.cadunico_territorios is not None else None
    if situacao is None and m.scfv_grupos is not None:  # capacity known, users unknown
        capacidade = sit.capacidade_por(m.scfv_grupos, ["id_cras", "ciclo"])
        metas_ = metas(
            capacidade.assign(ativos=pd.NA, prioritarios=pd.NA), demanda_, parametros, lista_conhecida=False
        )
    else:
        metas_ = metas(situacao, demanda_, parametros)
    return estado, demanda_, metas_


def orientadores_do_plano(municipio, parametros: ParametrosPlano, data_referencia) -> pd.DataFrame:
    """The plan's orientador social table (:func:`orientadores` of the planned groups) without the rest of the
    plan (calendar, holidays): what the per-CRAS report shows, so that the report and the plan give the same
    number by the same rule. Equal to ``planejar(...).orientadores`` for the same inputs."""
    _, _, metas_ = _situacao_demanda_metas(municipio, parametros, sit.como_data(data_referencia))
    return orientadores(grupos_planejados(metas_, parametros), municipio.equipes, parametros)


def planejar(municipio, parametros: ParametrosPlano, ano: int, data_referencia, uf: str) -> Plano:
    """The Plano Anual do SCFV of ``ano`` from a loaded :class:`cras_lib.dados.municipio.Municipio`.

    Parts whose optional input is absent are None and named in ``Plano.ausentes``: without
    ``scfv_participantes`` there is no current situation (goals from capacity and demand only); without
    ``cadunico_territorios`` no demand; without ``scfv_frequencia`` the attendance rate is <NA>.
    """
    m = municipio
    ref = sit.como_data(data_referencia)
    ausentes = tuple(
        f"{nome}.csv"
        for nome in ("scfv_participantes", "scfv_grupos", "scfv_frequencia", "cadunico_territorios")
        if getattr(m, nome) is None
    )
    estado, demanda_, metas_ = _situacao_demanda_metas(m, parametros, ref)
    situacoes = (
        sit.contagem_por_situacao(m.scfv_participantes, m.scfv_grupos, ref, ("id_cras",))
        if estado is not None
        else None
    )
    grupos = grupos_planejados(metas_, parametros)
    feriados = feriados_do_ano(parametros, ano, uf)
    sem_encontro = cal.dias_sem_encontro(
        ano,
        uf,
        parametros.feriados_municipais,
        parametros.recessos,
        pontos_facultativos=parametros.pontos_facultativos,
    )
    return Plano(
        ano=ano,
        data_referencia=ref,
        uf=uf.upper(),
        parametros=parametros,
        nomes_cras=nomes_dos_cras(m.unidades),
        situacao=None if estado is None else estado.por_ciclo,
        situacao_cras=None if estado is None else estado.por_cras,
        situacao_municipio=None if estado is None else estado.municipal,
        situacoes=situacoes,
        demanda=demanda_,
        metas=metas_,
        metas_cras=metas_por_cras(metas_),
        grupos=grupos,
        feriados=feriados,
        sem_encontro=sem_encontro,
        calendario=cal.calendario_dos_grupos(grupos, ano, sem_encontro),
        orientadores=orientadores(grupos, m.equipes, parametros),
        ausentes=ausentes,
        grupos_ociosos=grupos_abaixo_da_ocupacao(
            m.scfv_participantes, m.scfv_grupos, ref, parametros.ocupacao_minima
        ),
        mudancas=tuple(mudancas_do_plano(m.scfv_grupos, metas_)),
        financiamento=estimar(
            metas_por_cras(metas_),
            getattr(m, "custos", None),
            ref.year,
            parametros.valor_referencia_pbv,
            parametros.custo_vaga_mes,
        ),
    )


def _datas_do_ciclo(plano: Plano, ciclo: str) -> list[dt.date]:
    return cal.datas_dos_encontros(plano.ano, plano.parametros.ciclos[ciclo].dias_semana, plano.sem_encontro)


def calendario_mensal(plano: Plano) -> pd.DataFrame:
    """Per month of the plan year: encounters of ONE group of each cycle (columns = cycle codes; every group
    of a cycle meets on the same weekdays), and the encounters and hours of all planned groups together."""
    meses = pd.period_range(f"{plano.ano}-01", f"{plano.ano}-12", freq="M")
    tabela = pd.DataFrame({"mes": meses})
    for ciclo in plano.parametros.ciclos:
        por_mes = pd.Series([d.month for d in _datas_do_ciclo(plano, ciclo)]).value_counts()
        tabela[ciclo] = tabela["mes"].dt.month.map(por_mes).fillna(0).astype("Int64")
    total = cal.resumo_mensal(plano.calendario, plano.ano)
    return tabela.merge(total[["mes", "encontros", "horas"]], on="mes", how="left")


def datas_por_ciclo(plano: Plano) -> pd.DataFrame:
    """The calendar itself: per month, the days on which the groups of each cycle meet, e.g. '3, 5, 10'."""
    meses = pd.period_range(f"{plano.ano}-01", f"{plano.ano}-12", freq="M")
    tabela = pd.DataFrame({"mes": meses})
    for ciclo in plano.parametros.ciclos:
        datas = _datas_do_ciclo(plano, ciclo)
        tabela[ciclo] = [", ".join(str(d.day) for d in datas if d.month == m.month) or "—" for m in meses]
    return tabela


def _valor(x):
    """A plain Python value for the summary dict (None for missing)."""
    if x is None or pd.isna(x):
        return None
    if isinstance(x, np.integer | int) and not isinstance(x, bool):
        return int(x)
    return float(x)


def resumo_plano(plano: Plano) -> dict:
    """The key figures the notebook shows, as plain Python values (None when the part is absent)."""
    municipio = plano.situacao_municipio
    atual = {m: (_valor(municipio[m].iloc[0]) if municipio is not None else None) for m in sit.MEDIDAS}
    meta_total = int(plano.metas["meta"].sum())
    vagas = int(plano.metas["vagas_prioritarias"].sum())
    lacuna = plano.metas["lacuna_prioritaria"]
    abaixo = []
    if plano.situacao_cras is not None:
        s = plano.situacao_cras
        abaixo = sorted(
            s.loc[s["prioritarios_sobre_capacidade"] < META_PUBLICO_PRIORITARIO, "id_cras"].tolist()
        )
    o = plano.orientadores
    return {
        "ano": plano.ano,
        "data_referencia": plano.data_referencia.date().isoformat(),
        "ausentes": list(plano.ausentes),
        "situacao_atual": atual,
        "cras_abaixo_meta_prioritario": abaixo,
        "meta_total": meta_total,
        "grupos_planejados": int(plano.metas["grupos"].sum()),
        "vagas_prioritarias": vagas,
        "lacuna_prioritaria": _valor(lacuna.sum(min_count=1)) if len(lacuna) else 0,
        "participacao_prioritaria_planejada": vagas / meta_total if meta_total else None,
        "encontros_ano": int(len(plano.calendario)),
        "horas_ano": float(plano.calendario["horas"].sum()) if len(plano.calendario) else 0.0,
        "dias_sem_encontro": len(plano.sem_encontro),
        "horas_orientador_necessarias": float(o["horas_necessarias"].sum()),
        "horas_orientador_disponiveis": float(o["horas_disponiveis"].sum()),
        "orientadores_faltantes": int(o["orientadores_faltantes"].sum()),
        "metas": {
            f"{r.id_cras}/{r.ciclo}": {
                "meta": int(r.meta),
                "grupos": int(r.grupos),
                "vagas_prioritarias": int(r.vagas_prioritarias),
            }
            for r in plano.metas.itertuples(index=False)
        },
    }


# --- what needs action --------------------------------------------------------------------------------------


def o_que_precisa_de_acao(plano: Plano, limiar: int = LIMIAR_PADRAO) -> list[str]:
    """Sentences (pt-BR, Markdown) of what the management must act on, from the plan's figures, in a fixed
    order: absent files; CRAS below the 50 % goal of público prioritário over capacity; the municipal
    share; occupancy below ``ocupacao_minima``; groups to create; orientador social hours missing. Person
    counts below ``limiar`` are suppressed ('< 5')."""

    def nome(id_cras, padrao):  # unit names from unidades.csv, escaped for Markdown
        return md(plano.nomes_cras.get(id_cras, padrao))

    acoes: list[str] = []
    textos_ausentes = {
        "scfv_participantes.csv": "Enviar a lista de usuários do SCFV (scfv_participantes.csv): sem ela o "
        "plano não mede a situação atual nem o público prioritário.",
        "scfv_grupos.csv": "Enviar o cadastro dos grupos (scfv_grupos.csv): sem ele a capacidade atual é "
        "desconhecida.",
        "scfv_frequencia.csv": "Registrar a frequência mensal dos usuários (scfv_frequencia.csv) para "
        "acompanhar a taxa de frequência.",
        "cadunico_territorios.csv": "Obter os dados do CadÚnico por território (cadunico_territorios.csv) "
        "para dimensionar a demanda de cada ciclo.",
    }
    acoes.extend(textos_ausentes[a] for a in plano.ausentes)
    if plano.situacao_cras is not None:
        s = plano.situacao_cras
        lacunas = plano.metas.groupby("id_cras")["lacuna_prioritaria"].sum()
        for r in s[s["prioritarios_sobre_capacidade"] < META_PUBLICO_PRIORITARIO].itertuples(index=False):
            meta = percentual(META_PUBLICO_PRIORITARIO, 0)
            if divulgavel(r.prioritarios, limiar=limiar):
                situacao = (
                    f"o público prioritário ocupa {percentual(r.prioritarios_sobre_capacidade)} da capacidade "
                    f"(meta: {meta}); para o plano, faltam "
                    f"{plural(int(lacunas.get(r.id_cras, 0)), 'vaga')} a preencher com público prioritário"
                )
            else:  # the share and the places missing would both give the hidden count back
                situacao = (
                    f"o público prioritário (menos de {limiar} pessoas) fica abaixo da meta de {meta} da "
                    "capacidade; faltam vagas a preencher com público prioritário"
                )
            acoes.append(
                f"**{nome(r.id_cras, r.id_cras)}**: {situacao} "
                "(busca ativa e encaminhamentos do PAIF, do CREAS e da rede)."
            )
        municipio = plano.situacao_municipio.iloc[0]
        participacao = municipio["prioritarios_sobre_capacidade"]  # <NA> without scfv_grupos (no capacity)
        if pd.notna(participacao) and participacao < META_PUBLICO_PRIORITARIO:
            acoes.append(
                "No município, o público prioritário ocupa "
                f"{percentual(participacao)} da capacidade, abaixo da meta de "
                f"{percentual(META_PUBLICO_PRIORITARIO, 0)} da Resolução CNAS nº 01/2013."
            )
        ociosos = s[s["ocupacao"] < plano.parametros.ocupacao_minima]
        for r in ociosos.itertuples(index=False):
            if divulgavel(r.ativos, limiar=limiar):
                ocupacao = (
                    f"ocupação de {percentual(r.ocupacao)} das vagas "
                    f"({inteiro(r.ativos)} usuários ativos para {inteiro(r.capacidade)} vagas)"
                )
            else:  # the rate would reveal the hidden count: say only what holds whatever it is
                lado = conclusao_segura(r.ativos, r.capacidade, plano.parametros.ocupacao_minima, limiar)
                ocupacao = f"menos de {limiar} usuários ativos para {inteiro(r.capacidade)} vagas" + (
                    f" (ocupação {lado})" if lado else ""
                )
            acoes.append(
                f"**{nome(r.id_cras, r.id_cras)}**: {ocupacao}; fazer busca ativa para preencher as vagas."
            )
        lotados = s[s["ocupacao"] > 1]
        for r in lotados.itertuples(index=False):
            acoes.append(
                f"**{nome(r.id_cras, r.id_cras)}**: grupos acima da capacidade (ocupação de "
                f"{percentual(r.ocupacao)}); o plano amplia a oferta para acolher todos os usuários ativos."
            )
    atuais = plano.metas["grupos_atuais"].fillna(0)
    a_mais = (plano.metas["grupos"] - atuais).clip(lower=0).groupby(plano.metas["id_cras"]).sum()
    a_mais = a_mais[a_mais > 0]
    if len(a_mais):
        lista = "; ".join(f"{nome(c, c)}: {int(n)}" for c, n in a_mais.items())
        acoes.append(
            f"Organizar {plural(int(plano.metas['grupos'].sum()), 'grupo')} em {plano.ano} (hoje são "
            f"{inteiro(atuais.sum())}), no tamanho de grupo definido pelo município: "
            f"{plural(int(a_mais.sum()), 'grupo')} a mais — {lista}."
        )
    o = plano.orientadores
    for r in o[o["orientadores_faltantes"] > 0].itertuples(index=False):
        faltam = plural(int(r.orientadores_faltantes), "orientador", "orientadores")
        acoes.append(
            f"**{nome(r.id_cras, r.id_cras)}**: faltam {inteiro(-r.saldo_horas)} horas semanais de "
            f"orientador social (cerca de {faltam} "
            f"de {inteiro(plano.parametros.jornada_orientador)} horas) para os grupos planejados."
        )
    return acoes
