"""The facts of ONE CRAS for a period, computed once from the :class:`~cras_lib.dados.municipio.Municipio`.

Everything the per-CRAS report says comes from a :class:`FatosCras`: identity and territory, opening hours,
referenced families and PAIF capacity (NOB/SUAS 2005, :func:`cras_lib.norma.porte.capacidade_paif`), RMA totals and
trends against a comparison period with the months not reported (Resolução CIT 04/2011; :mod:`cras_lib.calculo.rma`),
the SCFV by age cycle and the público prioritário share against the 50 % goal (Resolução CNAS 01/2013;
:mod:`cras_lib.calculo.scfv_situacao`), Inclusão Produtiva results in the territory (:mod:`cras_lib.calculo.inclusao_produtiva`),
the CadÚnico profile of the territory at the latest month, the position among the municipality's CRAS on key
indicators and the team compliance with the NOB-RH/SUAS (:mod:`cras_lib.calculo.equipe_nob_rh`).

Missing is never zero: values are ``None`` when unknown, and a part whose optional file is absent (or that has
no data for this CRAS) is ``None`` — the text then says in one line that the data is absent.

Trends: a stock (A.1, D.1–D.5, D.7) is compared by its mean over the months reported; a flow (A.2, B.*, C.*, D.6)
by its **mean per month reported** in each period, so that a month not reported never looks like a fall. The
period's flow total shown is the sum over the months reported.

Position among the municipality's CRAS: rank k of n on each key indicator of the catalogue
(:mod:`cras_lib.calculo.indicadores`, ``chave=True``), computed for every CRAS at once.

Municipality-wide tables (RMA of every CRAS, SCFV situation, program results, team compliance, ranks) are built
once by :func:`base_municipal` and kept in the calculations' declared cache (:mod:`cras_lib.calculo.memoria`,
keyed by the inputs' sha256, so a warm kernel that renders several CRAS of the same data builds them once);
:func:`fatos_de` then picks one CRAS in milliseconds.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, replace

import pandas as pd

from cras_lib.apresentacao.formatacao import ausente
from cras_lib.apresentacao.privacidade import LIMIAR_PADRAO, divulgavel
from cras_lib.calculo import memoria, scfv_plano
from cras_lib.calculo import rma as rma_mod
from cras_lib.calculo.equipe_cras import Auxiliares, Orientadores, auxiliares_por_cras, orientadores_por_cras
from cras_lib.calculo.equipe_nob_rh import ConformidadeEquipe, conformidade_por_cras
from cras_lib.calculo.indicadores import CATALOGO, MUNICIPIO, Contexto, Indicador, calcular_indicador
from cras_lib.calculo.periodo import Periodo
from cras_lib.calculo.scfv_situacao import situacao
from cras_lib.erros import ErroSelecao
from cras_lib.norma import rma as norma_rma
from cras_lib.norma.porte import capacidade_paif
from cras_lib.norma.scfv import CICLOS_SCFV, META_PUBLICO_PRIORITARIO, POR_CODIGO
from cras_lib.parametros.plano_scfv import ArquivoPlano

ITENS_SERIE = ("a1", "c1")  # monthly series kept for the charts


def _valor(v) -> float | None:
    return None if ausente(v) else float(v)


def _inteiro(v) -> int | None:
    return None if ausente(v) else int(v)


def _texto(v) -> str | None:
    if ausente(v):
        return None
    s = str(v).strip()
    return s or None


@dataclass(frozen=True)
class Identificacao:
    id_cras: str
    nome: str
    territorio: str | None
    endereco: str | None
    familias_referenciadas: int | None
    populacao_territorio: int | None
    horas_semanais_funcionamento: int | None
    dias_semana_funcionamento: int | None
    capacidade_paif: int | None  # families per year (NOB/SUAS 2005)


@dataclass(frozen=True)
class ItemRma:
    """One RMA item over the period: ``valor`` = mean (stock) or sum (flow) over the months reported."""

    item: str
    rotulo: str
    estoque: bool
    valor: float | None
    valor_comparacao: float | None
    variacao: float | None  # relative change of the monthly level (see module docstring)


@dataclass(frozen=True)
class FatosRma:
    meses_esperados: int
    meses_reportados: int
    meses_nao_reportados: tuple[pd.Period, ...]
    meses_reportados_comparacao: int | None  # None without comparison period
    itens: tuple[ItemRma, ...]
    meses_serie: tuple[pd.Period, ...]  # comparison start (or period start) .. period end
    series: tuple[tuple[str, tuple[float | None, ...]], ...]  # (item, monthly values) for ITENS_SERIE

    def item(self, codigo: str) -> ItemRma | None:
        return next((i for i in self.itens if i.item == codigo), None)

    def valor(self, codigo: str) -> float | None:
        item = self.item(codigo)
        return None if item is None else item.valor


@dataclass(frozen=True)
class LinhaScfv:
    """SCFV measures of one age cycle (or ``ciclo == "total"``) at the reference date."""

    ciclo: str
    rotulo: str
    grupos: int | None
    capacidade: int | None
    ativos: int
    prioritarios: int
    ocupacao: float | None
    participacao_prioritaria: float | None  # prioritários / ativos
    prioritarios_sobre_capacidade: float | None  # prioritários / capacidade — the measure of the 50 % goal
    taxa_frequencia: float | None


@dataclass(frozen=True)
class FatosScfv:
    data_referencia: dt.date
    total: LinhaScfv
    ciclos: tuple[LinhaScfv, ...]  # Tipificação order; only cycles with groups or users
    meta_prioritaria: float = META_PUBLICO_PRIORITARIO

    @property
    def parcela_prioritaria_meta(self) -> float | None:
        """The share compared with the goal: prioritários / capacidade (Resolução CNAS 01/2013), or prioritários /
        ativos when the capacity is unknown."""
        t = self.total
        return t.prioritarios_sobre_capacidade if t.capacidade else t.participacao_prioritaria

    @property
    def abaixo_da_meta(self) -> bool | None:
        parcela = self.parcela_prioritaria_meta
        return None if parcela is None else parcela < self.meta_prioritaria


@dataclass(frozen=True)
class FatosInclusao:
    """Programa de Inclusão Produtiva in the territory (people, not enrolments; see :mod:`inclusao_produtiva`)."""

    ano_inicio: int
    ano_fim: int
    inscritos: int
    com_fase_1: int
    concluintes_fase_1: int
    atingiram_75_fase_1: int
    chegaram_aceleracao: int
    concluintes: int
    desistentes: int
    informaram_renda: int
    gerando_renda: int
    informaram_trabalho: int
    trabalho_formal: int
    satisfacao_media: float | None
    empreendimentos: int
    empreendimentos_ativos: int


@dataclass(frozen=True)
class FatosCadunico:
    """CadÚnico profile of the territory at its latest month up to the end of the period."""

    mes: pd.Period
    familias_cadastradas: int | None
    familias_extrema_pobreza: int | None
    familias_pobreza: int | None
    familias_baixa_renda: int | None
    familias_bolsa_familia: int | None
    pessoas_bpc: int | None
    pessoas_por_ciclo: tuple[tuple[str, int | None], ...]  # (cycle code, people) in Tipificação order


@dataclass(frozen=True)
class Posicao:
    """Rank of the CRAS among the municipality's CRAS on one key indicator of the catalogue (1 = best)."""

    indicador: str  # catalogue code, e.g. "PAIF-01"
    nome: str
    unidade: str  # percentual, moeda, razao, nota (cras_lib.calculo.indicadores.catalogo.Unidade)
    unidade_texto: str
    maior_e_melhor: bool
    valor: float | None  # None also when withheld (built on a count below the suppression threshold)
    numerador: float | None
    denominador: float | None
    valor_municipio: float | None
    posicao: int | None  # None when this CRAS has no value
    total: int  # CRAS with a value
    valores_municipio: tuple[
        tuple[str, str, float | None], ...
    ]  # (id_cras, nome, valor) of every CRAS, by rank


@dataclass(frozen=True)
class FatosCras:
    identificacao: Identificacao
    periodo: Periodo
    comparacao: Periodo | None  # None: the report compares with nothing
    data_referencia: dt.date  # of the SCFV situation
    rma: FatosRma
    scfv: FatosScfv | None
    inclusao: FatosInclusao | None
    cadunico: FatosCadunico | None
    equipe: ConformidadeEquipe
    posicoes: tuple[Posicao, ...]
    total_cras_municipio: int
    limiar_supressao: int = 5
    # the roles outside the NOB-RH reference team (cras_lib.calculo.equipe_cras); orientadores None without
    # SCFV data (no group planned can be known)
    orientadores: Orientadores | None = None
    auxiliares: Auxiliares | None = None


@dataclass(frozen=True, eq=False)
class BaseMunicipal:
    """Municipality-wide tables computed once per period (input of :func:`fatos_de`)."""

    municipio: object
    periodo: Periodo
    comparacao: Periodo | None
    data_referencia: dt.date
    unidades: pd.DataFrame  # indexed by id_cras
    rma_atual: pd.DataFrame
    rma_comparacao: pd.DataFrame | None
    nao_reportados: pd.DataFrame
    series: dict[str, pd.DataFrame]
    scfv_total: pd.DataFrame | None  # per CRAS (index id_cras)
    scfv_ciclos: pd.DataFrame | None  # per CRAS and cycle
    inclusao: pd.DataFrame | None
    equipes: dict[str, ConformidadeEquipe]
    tabelas_chave: dict[str, pd.DataFrame]  # key indicators (positions are ranked per suppression threshold)
    orientadores: dict[str, Orientadores] | None = None  # by the plan's rule (None without SCFV data)
    auxiliares: dict[str, Auxiliares] = field(default_factory=dict)
    posicoes_por_limiar: dict[int, dict[str, tuple[Posicao, ...]]] = field(default_factory=dict)
    nomes_chave: dict[str, str] = field(default_factory=dict)  # key indicators' names with the parameters


@dataclass(frozen=True)
class PlanoEquipe:
    """What the report needs of the Plano Anual do SCFV to state its orientador need: the plan's parameters
    (``params/plano_scfv.yaml``), its year and the date of the situation it starts from — the same the run gives
    the plan, so both documents show the same figure."""

    parametros: scfv_plano.ParametrosPlano
    ano: int
    data_referencia: dt.date

    @classmethod
    def padrao(cls, periodo: Periodo, data_referencia: dt.date) -> PlanoEquipe:
        """The plan's default parameters, for the year after the period, from the report's SCFV date."""
        return cls(
            scfv_plano.ParametrosPlano.do_arquivo(ArquivoPlano()), periodo.fim.year + 1, data_referencia
        )

    @classmethod
    def do_arquivo(cls, caminho, ano, data_referencia) -> PlanoEquipe:
        return cls(scfv_plano.parametros_do_plano(caminho), int(ano), pd.Timestamp(data_referencia).date())


def indicadores_chave() -> list[Indicador]:
    """The catalogue's key indicators (``chave=True``), in catalogue order: the position of a CRAS is its rank
    on each of them."""
    return [i for i in CATALOGO.values() if i.chave]


def tabelas_chave(ctx: Contexto) -> dict[str, pd.DataFrame]:
    """The result of every key indicator (catalogue code -> :func:`calcular_indicador` table)."""
    return {ind.codigo: calcular_indicador(ind, ctx) for ind in indicadores_chave()}


def posicoes_municipio(
    tabelas: dict[str, pd.DataFrame],
    nomes: pd.Series,
    limiar: int = LIMIAR_PADRAO,
    nomes_indicadores: dict[str, str] | None = None,
) -> dict[str, tuple[Posicao, ...]]:
    """Rank of every CRAS on each key indicator (1 = best: highest value when higher is better, lowest
    otherwise; ties share the best rank; a CRAS without a value is left out of the count). A value built on a
    count of people below ``limiar`` is withheld and left out of the ranking, as in every document
    (:func:`cras_lib.apresentacao.privacidade.divulgavel`): its rank would tell the hidden value's side.
    ``tabelas`` from :func:`tabelas_chave`; ``nomes`` maps id_cras to the unit's name."""
    por_cras: dict[str, list[Posicao]] = {}
    for ind in indicadores_chave():
        tabela = tabelas[ind.codigo]
        cras = tabela.drop(index=MUNICIPIO)
        oculto = pd.Series(
            [
                not divulgavel(*(linha[p] for p in ind.contagens_de_pessoas), limiar=limiar)
                for _, linha in cras.iterrows()
            ],
            index=cras.index,
            dtype=bool,
        )
        valor = cras["valor"].astype("Float64").mask(oculto)
        ranks = ind.valor_comparavel(valor).rank(ascending=not ind.maior_melhor, method="min")
        ordem = ranks.fillna(len(ranks) + 1).sort_values(kind="stable").index
        todos = tuple((str(i), str(nomes.get(i, i)), _valor(valor[i])) for i in ordem)
        total, municipal = int(valor.notna().sum()), _valor(tabela.loc[MUNICIPIO, "valor"])
        for i, linha in cras.iterrows():
            escondido = bool(oculto[i])
            por_cras.setdefault(str(i), []).append(
                Posicao(
                    ind.codigo,
                    (nomes_indicadores or {}).get(ind.codigo, ind.nome),  # 'após 6 meses', not 'após N meses'
                    ind.unidade,
                    ind.unidade_texto,
                    ind.maior_melhor,
                    None if escondido else _valor(linha["valor"]),
                    _valor(linha["numerador"]),
                    _valor(linha["denominador"]),
                    municipal,
                    _inteiro(ranks[i]),
                    total,
                    todos,
                )
            )
    return {i: tuple(p) for i, p in por_cras.items()}


def data_de_referencia(periodo: Periodo, data_referencia=None) -> dt.date:
    """The SCFV reference date: ``data_referencia`` when given, else the last day of the period."""
    if data_referencia is None or ausente(data_referencia) or data_referencia == "":
        return periodo.fim.end_time.date()
    return pd.Timestamp(data_referencia).date()


def base_municipal(
    municipio,
    periodo: Periodo,
    comparacao: Periodo | None = None,
    data_referencia=None,
    *,
    parametros: dict | None = None,
    psicologo_obrigatorio: bool = True,
    plano: PlanoEquipe | None = None,
) -> BaseMunicipal:
    """Every table shared by the CRAS of ``municipio`` for ``periodo`` compared with ``comparacao`` (vectorised,
    once); ``data_referencia`` (SCFV situation) defaults to the last day of the period.

    The RMA and program aggregates are those of the indicator catalogue's :class:`Contexto` (computed once and
    shared with the key indicators); ``parametros`` are the evaluation params (e.g. the program's places).

    The result is kept in the calculations' cache (:mod:`cras_lib.calculo.memoria`), keyed by the sha256 of the
    input files, the periods and the parameters: a warm kernel that produces the reports of several CRAS of the
    same data computes it once.
    """
    recorte = (periodo, comparacao, data_de_referencia(periodo, data_referencia))
    plano = plano or PlanoEquipe.padrao(periodo, recorte[2])
    argumentos = (*recorte, repr(plano), json.dumps(parametros or {}, sort_keys=True, default=str))
    return memoria.cache.obter(
        municipio,
        "base_municipal",
        (*argumentos, psicologo_obrigatorio),
        lambda: _base_municipal(municipio, *recorte, parametros, psicologo_obrigatorio, plano),
    )


def _base_municipal(
    municipio,
    per: Periodo,
    comparacao: Periodo | None,
    data_referencia: dt.date,
    parametros: dict | None,
    psicologo_obrigatorio: bool,
    plano: PlanoEquipe,
) -> BaseMunicipal:
    m = municipio
    unidades = m.unidades.assign(id_cras=m.unidades["id_cras"].astype("string")).set_index(
        "id_cras", drop=False
    )
    ctx = Contexto.do_municipio(m, per.inicio, per.fim, parametros)
    ids = list(ctx.ids)
    rma_comp = ctx.com_periodo(comparacao.inicio, comparacao.fim).rma if comparacao is not None else None
    inicio_serie = min(per.inicio, comparacao.inicio) if comparacao is not None else per.inicio
    series = {
        item: rma_mod.serie_mensal(m.rma_cras, item, inicio_serie, per.fim, ids)
        for item in ITENS_SERIE
        if item in m.rma_cras.columns
    }
    scfv_total = scfv_ciclos = None
    if m.scfv_participantes is not None:
        # attendance of the users active at the reference date over the months of the period
        args = (
            m.scfv_participantes,
            m.scfv_grupos,
            m.scfv_frequencia,
            data_referencia,
            per.inicio,
            per.fim,
        )
        estado = situacao(*args)
        scfv_total, scfv_ciclos = estado.por_cras.set_index("id_cras"), estado.por_ciclo
    return BaseMunicipal(
        municipio=m,
        periodo=per,
        comparacao=comparacao,
        data_referencia=data_referencia,
        unidades=unidades,
        rma_atual=ctx.rma,
        rma_comparacao=rma_comp,
        nao_reportados=rma_mod.meses_nao_reportados(m.rma_cras, ids, per.inicio, per.fim),
        series=series,
        scfv_total=scfv_total,
        scfv_ciclos=scfv_ciclos,
        inclusao=ctx.inclusao if m.inclusao_produtiva is not None else None,
        equipes=conformidade_por_cras(m.unidades, m.equipes, psicologo_obrigatorio=psicologo_obrigatorio),
        tabelas_chave=tabelas_chave(ctx),
        orientadores=_orientadores(m, plano, ids),
        auxiliares=auxiliares_por_cras(m.equipes, ids),
        nomes_chave={ind.codigo: ind.nome_em(ctx) for ind in indicadores_chave()},
    )


def _orientadores(m, plano: PlanoEquipe, ids) -> dict[str, Orientadores] | None:
    """Orientadores sociais of every CRAS by the Plano Anual do SCFV's rule and figure; None without SCFV
    groups or users (nothing planned can be known)."""
    if m.scfv_grupos is None and m.scfv_participantes is None:
        return None
    tabela = scfv_plano.orientadores_do_plano(m, plano.parametros, plano.data_referencia)
    return orientadores_por_cras(tabela, ids, plano.ano, plano.parametros)


def _identificacao(u: pd.Series) -> Identificacao:
    familias = _inteiro(u.get("familias_referenciadas"))
    return Identificacao(
        id_cras=str(u["id_cras"]),
        nome=_texto(u.get("nome")) or f"CRAS {u['id_cras']}",
        territorio=_texto(u.get("territorio")),
        endereco=_texto(u.get("endereco")),
        familias_referenciadas=familias,
        populacao_territorio=_inteiro(u.get("populacao_territorio")),
        horas_semanais_funcionamento=_inteiro(u.get("horas_semanais_funcionamento")),
        dias_semana_funcionamento=_inteiro(u.get("dias_semana_funcionamento")),
        capacidade_paif=None if familias is None else capacidade_paif(familias),
    )


def _nivel_mensal(valor, meses, estoque: bool) -> float | None:
    """The monthly level compared across periods: the stock's mean, or the flow's sum / months reported (RMA,
    Resolução CIT 04/2011; stock or flow per :mod:`cras_lib.norma.rma`)."""
    if ausente(valor) or not meses:
        return None
    return float(valor) if estoque else float(valor) / int(meses)


def _fatos_rma(base: BaseMunicipal, id_cras: str) -> FatosRma:
    atual = base.rma_atual.loc[id_cras]
    comp = base.rma_comparacao.loc[id_cras] if base.rma_comparacao is not None else None
    itens = []
    for item in rma_mod.itens(base.rma_atual):
        estoque = rma_mod.e_estoque(item)
        valor = _valor(atual[item])
        anterior = None if comp is None else _valor(comp[item])
        nivel = _nivel_mensal(valor, atual["meses_reportados"], estoque)
        nivel_anterior = None if comp is None else _nivel_mensal(anterior, comp["meses_reportados"], estoque)
        variacao = _valor(rma_mod.variacao(nivel, nivel_anterior)) if nivel is not None else None
        rotulo = norma_rma.ROTULOS.get(item, norma_rma.rotulo(item))
        itens.append(ItemRma(item, rotulo, estoque, valor, anterior, variacao))
    faltam = base.nao_reportados.loc[base.nao_reportados["id_cras"] == id_cras, "mes_referencia"]
    primeira = next(iter(base.series.values()), None)
    meses_serie = tuple(primeira.index) if primeira is not None else ()
    series = tuple(
        (item, tuple(_valor(v) for v in tabela[id_cras].tolist())) for item, tabela in base.series.items()
    )
    return FatosRma(
        meses_esperados=int(atual["meses_esperados"]),
        meses_reportados=int(atual["meses_reportados"]),
        meses_nao_reportados=tuple(faltam),
        meses_reportados_comparacao=None if comp is None else int(comp["meses_reportados"]),
        itens=tuple(itens),
        meses_serie=meses_serie,
        series=series,
    )


def _linha_scfv(r: pd.Series | dict, ciclo: str) -> LinhaScfv:
    rotulo = POR_CODIGO[ciclo].rotulo if ciclo in POR_CODIGO else "Total"
    return LinhaScfv(
        ciclo=ciclo,
        rotulo=rotulo,
        grupos=_inteiro(r["grupos"]),
        capacidade=_inteiro(r["capacidade"]),
        ativos=_inteiro(r["ativos"]) or 0,
        prioritarios=_inteiro(r["prioritarios"]) or 0,
        ocupacao=_valor(r["ocupacao"]),
        participacao_prioritaria=_valor(r["participacao_prioritaria"]),
        prioritarios_sobre_capacidade=_valor(r["prioritarios_sobre_capacidade"]),
        taxa_frequencia=_valor(r["taxa_frequencia"]),
    )


def _fatos_scfv(base: BaseMunicipal, id_cras: str) -> FatosScfv | None:
    if base.scfv_total is None or id_cras not in base.scfv_total.index:
        return None
    total = _linha_scfv(base.scfv_total.loc[id_cras], "total")
    if total.ativos == 0 and not total.capacidade:
        return None
    linhas = base.scfv_ciclos.loc[base.scfv_ciclos["id_cras"] == id_cras]
    por_ciclo = {str(r["ciclo"]): r for _, r in linhas.iterrows() if not ausente(r["ciclo"])}
    ciclos = tuple(_linha_scfv(por_ciclo[c.codigo], c.codigo) for c in CICLOS_SCFV if c.codigo in por_ciclo)
    return FatosScfv(data_referencia=base.data_referencia, total=total, ciclos=ciclos)


def _fatos_inclusao(base: BaseMunicipal, id_cras: str) -> FatosInclusao | None:
    if base.inclusao is None or id_cras not in base.inclusao.index:
        return None
    r = base.inclusao.loc[id_cras]
    if not r["inscritos"]:
        return None
    contagens = {
        campo: int(r[campo])
        for campo in FatosInclusao.__dataclass_fields__
        if campo not in ("ano_inicio", "ano_fim", "satisfacao_media")
    }
    per = base.periodo
    return FatosInclusao(
        ano_inicio=per.inicio.year,
        ano_fim=per.fim.year,
        satisfacao_media=_valor(r["satisfacao_media"]),
        **contagens,
    )


def _fatos_cadunico(base: BaseMunicipal, id_cras: str) -> FatosCadunico | None:
    cad = base.municipio.cadunico_territorios
    if cad is None:
        return None
    linhas = cad.loc[(cad["id_cras"] == id_cras) & (cad["mes_referencia"] <= base.periodo.fim)]
    if linhas.empty:
        return None
    r = linhas.loc[linhas["mes_referencia"].idxmax()]
    return FatosCadunico(
        mes=r["mes_referencia"],
        familias_cadastradas=_inteiro(r["familias_cadastradas"]),
        familias_extrema_pobreza=_inteiro(r["familias_extrema_pobreza"]),
        familias_pobreza=_inteiro(r["familias_pobreza"]),
        familias_baixa_renda=_inteiro(r["familias_baixa_renda"]),
        familias_bolsa_familia=_inteiro(r["familias_bolsa_familia"]),
        pessoas_bpc=_inteiro(r["pessoas_bpc"]),
        pessoas_por_ciclo=tuple((c.codigo, _inteiro(r[c.coluna_cadunico])) for c in CICLOS_SCFV),
    )


def _posicoes(base: BaseMunicipal, limiar: int) -> dict[str, tuple[Posicao, ...]]:
    """Positions of every CRAS at ``limiar``, computed once per base and threshold."""
    memo = base.posicoes_por_limiar
    if limiar not in memo:
        memo[limiar] = posicoes_municipio(base.tabelas_chave, base.unidades["nome"], limiar, base.nomes_chave)
    return memo[limiar]


def fatos_de(base: BaseMunicipal, id_cras: str, *, limiar_supressao: int = 5) -> FatosCras:
    """The :class:`FatosCras` of ``id_cras`` from the shared tables of :func:`base_municipal`."""
    id_cras = str(id_cras)
    if id_cras not in base.unidades.index:
        raise ErroSelecao(f"o CRAS {id_cras} não consta em unidades.csv")
    inclusao = _fatos_inclusao(base, id_cras)
    posicoes = _posicoes(base, limiar_supressao).get(id_cras, ())
    if inclusao is not None and not divulgavel(inclusao.inscritos, limiar=limiar_supressao):
        # fewer than ``limiar`` people in the territory's program: none of its rates is shown, nor ranked
        posicoes = tuple(
            replace(x, valor=None, posicao=None)
            if CATALOGO[x.indicador].servico == "Inclusão Produtiva"
            else x
            for x in posicoes
        )
    return FatosCras(
        identificacao=_identificacao(base.unidades.loc[id_cras]),
        periodo=base.periodo,
        comparacao=base.comparacao,
        data_referencia=base.data_referencia,
        rma=_fatos_rma(base, id_cras),
        scfv=_fatos_scfv(base, id_cras),
        inclusao=inclusao,
        cadunico=_fatos_cadunico(base, id_cras),
        equipe=base.equipes[id_cras],
        posicoes=posicoes,
        total_cras_municipio=len(base.unidades),
        limiar_supressao=limiar_supressao,
        orientadores=None if base.orientadores is None else base.orientadores.get(id_cras),
        auxiliares=base.auxiliares.get(id_cras),
    )


def fatos_cras(
    municipio,
    id_cras: str,
    periodo: Periodo,
    comparacao: Periodo | None = None,
    data_referencia=None,
    *,
    limiar_supressao: int = 5,
    parametros: dict | None = None,
    psicologo_obrigatorio: bool = True,
    plano: PlanoEquipe | None = None,
) -> FatosCras:
    """The facts of one CRAS for ``periodo``, compared with ``comparacao`` (None: no comparison).

    ``data_referencia`` (SCFV situation) defaults to the last day of the period; ``parametros`` are the
    evaluation params of the indicator catalogue (``params/avaliacao.yaml``; defaults when None); ``plano``
    the Plano Anual do SCFV the orientador need follows (:class:`PlanoEquipe`; its defaults when None).
    """
    base = base_municipal(
        municipio,
        periodo,
        comparacao,
        data_referencia,
        parametros=parametros,
        psicologo_obrigatorio=psicologo_obrigatorio,
        plano=plano,
    )
    return fatos_de(base, id_cras, limiar_supressao=limiar_supressao)


def fatos_de_todos(
    municipio,
    periodo: Periodo,
    comparacao: Periodo | None = None,
    data_referencia=None,
    *,
    limiar_supressao: int = 5,
    parametros: dict | None = None,
) -> dict[str, FatosCras]:
    """:func:`fatos_cras` for every CRAS of ``unidades.csv`` (sorted by id), sharing one :class:`BaseMunicipal`."""
    base = base_municipal(municipio, periodo, comparacao, data_referencia, parametros=parametros)
    return {i: fatos_de(base, i, limiar_supressao=limiar_supressao) for i in sorted(base.unidades.index)}


def numeros_chave(fatos: FatosCras) -> dict:
    """The key figures the report shows (summary box), as plain Python values: what the runner and the tests
    compare the executed notebook with. Missing figures are None."""
    a1, c1 = fatos.rma.item("a1"), fatos.rma.item("c1")
    scfv = fatos.scfv
    return {
        "id_cras": fatos.identificacao.id_cras,
        "nome": fatos.identificacao.nome,
        "familias_referenciadas": fatos.identificacao.familias_referenciadas,
        "capacidade_paif": fatos.identificacao.capacidade_paif,
        "familias_acompanhamento_media": None if a1 is None else a1.valor,
        "variacao_familias_acompanhamento": None if a1 is None else a1.variacao,
        "atendimentos_individualizados": None if c1 is None else c1.valor,
        "variacao_atendimentos_individualizados": None if c1 is None else c1.variacao,
        "participantes_scfv": None if scfv is None else scfv.total.ativos,
        "parcela_prioritaria_scfv": None if scfv is None else scfv.parcela_prioritaria_meta,
        "equipe_exigida": fatos.equipe.total_exigido,
        "equipe_em_falta": fatos.equipe.total_em_falta,
        "meses_nao_reportados": [str(m) for m in fatos.rma.meses_nao_reportados],
        "posicoes": {p.indicador: p.posicao for p in fatos.posicoes},
    }
