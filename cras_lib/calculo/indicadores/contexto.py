"""What the indicators of one period read: the municipality's tables, the period, the parameters, and the
aggregates several indicators share (computed once per context).

The CRAS evaluated are those of ``unidades.csv`` (sorted by code). The reference date of the "current
situation" measures (SCFV users active, enterprises) is the last day of the period. Costs (``custos.csv``, one
value per year) are prorated to the months of the period: a year counts (its months in the period) / 12.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar

import pandas as pd

from cras_lib.calculo import inclusao_produtiva, memoria, rma, scfv_situacao
from cras_lib.calculo.razao import razao
from cras_lib.dados.contrato import normalizar_nome
from cras_lib.erros import ArgumentoInvalido
from cras_lib.norma.porte import capacidade_paif
from cras_lib.parametros.avaliacao import ArquivoAvaliacao, como_parametros_avaliacao

# Roster functions counted as technicians (equipes.csv ``funcao``): the PAIF reference team of the NOB-RH.
TECNICOS_SUPERIOR = ("tecnico_superior",)
TECNICOS_REFERENCIA = ("tecnico_superior", "tecnico_medio")

T = TypeVar("T")


@dataclass(frozen=True, eq=False)
class Contexto:
    """The inputs of the catalogue for one period ``inicio``..``fim`` (months, inclusive).

    Tables use the contract's canonical columns and dtypes (as ``Municipio`` holds them); optional tables are
    ``None`` when the file is absent. ``parametros`` are the evaluation params (``params/avaliacao.yaml``, model
    :class:`~cras_lib.parametros.avaliacao.ArquivoAvaliacao`; a mapping is validated like the file, None means
    every default).
    """

    inicio: pd.Period
    fim: pd.Period
    unidades: pd.DataFrame
    rma_cras: pd.DataFrame
    equipes: pd.DataFrame | None = None
    scfv_participantes: pd.DataFrame | None = None
    scfv_grupos: pd.DataFrame | None = None
    scfv_frequencia: pd.DataFrame | None = None
    inclusao_produtiva: pd.DataFrame | None = None
    custos: pd.DataFrame | None = None
    cadunico_territorios: pd.DataFrame | None = None
    parametros: ArquivoAvaliacao = field(default_factory=ArquivoAvaliacao)

    def __post_init__(self):
        object.__setattr__(self, "inicio", rma.mes(self.inicio))
        object.__setattr__(self, "fim", rma.mes(self.fim))
        object.__setattr__(self, "parametros", como_parametros_avaliacao(self.parametros))
        if self.fim < self.inicio:
            raise ArgumentoInvalido(
                f"período inválido: {self.inicio} a {self.fim} (o fim vem antes do início)"
            )

    @classmethod
    def do_municipio(
        cls, municipio, inicio, fim, parametros: ArquivoAvaliacao | Mapping | None = None
    ) -> Contexto:
        """The context of a loaded :class:`cras_lib.dados.municipio.Municipio` for ``inicio``..``fim``.

        Kept in the calculations' cache (:mod:`cras_lib.calculo.memoria`) with what it computed: in a warm
        kernel the evaluation and the CRAS reports of the same data and period share one context."""
        tabelas = (
            "equipes scfv_participantes scfv_grupos scfv_frequencia inclusao_produtiva custos "
            "cadunico_territorios"
        ).split()
        modelo = como_parametros_avaliacao(parametros)
        return memoria.cache.obter(
            municipio,
            "contexto",
            (str(rma.mes(inicio)), str(rma.mes(fim)), modelo.model_dump_json()),
            lambda: cls(
                inicio,
                fim,
                municipio.unidades,
                municipio.rma_cras,
                **{t: getattr(municipio, t, None) for t in tabelas},
                parametros=modelo,
            ),
        )

    def com_periodo(self, inicio, fim) -> Contexto:
        """The same data and parameters for another period (e.g. the comparison period); asked again, the same
        context."""
        chave = (rma.mes(inicio), rma.mes(fim))
        if chave not in self._outros_periodos:
            campos = {n: getattr(self, n) for n in self.__dataclass_fields__}
            self._outros_periodos[chave] = Contexto(**(campos | {"inicio": inicio, "fim": fim}))
        return self._outros_periodos[chave]

    def lembrar(self, chave: tuple, calcular: Callable[[], T]) -> T:
        """``calcular()`` computed once per context for ``chave`` (e.g. an indicator's result)."""
        if chave not in self._lembrados:
            self._lembrados[chave] = calcular()
        return self._lembrados[chave]

    @cached_property
    def _outros_periodos(self) -> dict[tuple, Contexto]:
        return {}

    @cached_property
    def _lembrados(self) -> dict[tuple, object]:
        return {}

    def tem(self, arquivo: str) -> bool:
        """Whether the contract file ``arquivo`` (e.g. ``"scfv_grupos.csv"``) is available."""
        return getattr(self, arquivo.removesuffix(".csv")) is not None

    def coluna(self, arquivo: str, nome: str) -> pd.Series | None:
        """The column ``nome`` of the file ``arquivo`` (headers matched like the reader's: case, accents,
        separators); None when the file or the column is absent or the column is empty."""
        tabela = getattr(self, arquivo.removesuffix(".csv"))
        if tabela is None:
            return None
        chave = normalizar_nome(nome)
        for c in tabela.columns:
            if normalizar_nome(str(c)) == chave:
                return None if tabela[c].isna().all() else tabela[c]
        return None

    @cached_property
    def ids(self) -> pd.Index:
        return pd.Index(sorted(self.unidades["id_cras"].dropna().unique()), dtype="string", name="id_cras")

    @cached_property
    def meses(self) -> pd.PeriodIndex:
        return rma.meses_do_periodo(self.inicio, self.fim)

    @cached_property
    def data_referencia(self) -> pd.Timestamp:
        """Last day of the period: the date of the "current situation" measures."""
        return self.fim.to_timestamp(how="end").normalize()

    # --- shared aggregates -------------------------------------------------------------------------------

    @cached_property
    def rma(self) -> pd.DataFrame:
        """RMA items per CRAS over the period (stocks averaged, flows summed over the months reported)."""
        return rma.agregar_periodo(self.rma_cras, self.inicio, self.fim, self.ids)

    @cached_property
    def rma_linhas(self) -> pd.DataFrame:
        """The RMA rows of the period, of the CRAS evaluated, sorted by CRAS and month."""
        linhas = rma.no_periodo(self.rma_cras, self.inicio, self.fim, self.ids)
        return linhas.sort_values(["id_cras", "mes_referencia"], ignore_index=True)

    def soma(self, *itens: str) -> pd.Series:
        """Sum of the flow ``itens`` over the months reported, per CRAS (<NA> when none was reported)."""
        return self.rma[list(itens)].sum(axis=1, min_count=1).astype("Float64")

    @cached_property
    def meses_informados(self) -> pd.Series:
        """Months of the period each CRAS reported (<NA> instead of 0: dividing by it gives "sem dados")."""
        meses = self.rma["meses_reportados"].astype("Float64")
        return meses.where(meses > 0)

    def media_mensal(self, *itens: str) -> pd.Series:
        """Monthly mean of the flow ``itens`` summed over the months reported (<NA> when none was)."""
        return razao(self.soma(*itens), self.meses_informados)

    @cached_property
    def capacidade_paif_anual(self) -> pd.Series:
        """PAIF capacity of each CRAS in families per year (NOB/SUAS 2005, by its referenced families)."""
        unidades = self.unidades.drop_duplicates("id_cras").set_index("id_cras")
        familias = unidades["familias_referenciadas"].reindex(self.ids)
        distintas = {int(f): capacidade_paif(int(f)) for f in familias.dropna().unique()}
        return familias.map(lambda f: pd.NA if pd.isna(f) else distintas[int(f)]).astype("Float64")

    def tecnicos(self, funcoes: tuple[str, ...]) -> pd.Series:
        """Workers of the roster (equipes.csv) in ``funcoes`` per CRAS (0 when none; <NA> without roster)."""
        if self.equipes is None:
            return pd.Series(pd.NA, index=self.ids, dtype="Float64")
        equipe = self.equipes.loc[self.equipes["funcao"].isin(funcoes)]
        return equipe.groupby("id_cras").size().reindex(self.ids, fill_value=0).astype("Float64")

    @cached_property
    def scfv(self) -> pd.DataFrame:
        """SCFV measures per CRAS at the last day of the period (``scfv_situacao.situacao_por_cras``: users
        active, capacity, público prioritário). Its attendance rate (active users only) is not used: SCFV-03
        counts every user of the period, so the attendance file is not passed."""
        tabela = scfv_situacao.situacao_por_cras(
            self.scfv_participantes, self.scfv_grupos, None, self.data_referencia, self.inicio, self.fim
        )
        return tabela.set_index("id_cras").reindex(self.ids)

    @cached_property
    def inclusao(self) -> pd.DataFrame:
        """Results of the Programa de Inclusão Produtiva per CRAS for the years of the period."""
        return inclusao_produtiva.resultados_por_cras(
            self.inclusao_produtiva, self.inicio, self.fim, self.ids
        )

    @cached_property
    def inclusao_municipio(self) -> pd.Series:
        """The same results for the municipality (each person counted once)."""
        return inclusao_produtiva.resultados_municipio(self.inclusao_produtiva, self.inicio, self.fim)

    def custo(self, *servicos: str) -> pd.Series:
        """Spending (custos.csv) on ``servicos`` per CRAS, prorated to the months of the period.

        <NA> for a CRAS with no cost line for those services in the years of the period (unknown, not free).
        Computed once per context and services (two indicators divide the PAIF's).
        """
        return self.lembrar(("custo", servicos), lambda: self._custo(servicos))

    def _custo(self, servicos: tuple[str, ...]) -> pd.Series:
        meses_por_ano = pd.Series(self.meses.year).value_counts()
        custos_ano = self.custos.loc[self.custos["servico"].isin(servicos)]
        fracao = custos_ano["ano"].map(meses_por_ano / 12).astype("Float64")
        valor = (custos_ano["valor"].astype("Float64") * fracao).where(fracao.notna())
        linhas = custos_ano.assign(valor_periodo=valor).dropna(subset=["valor_periodo"])
        return linhas.groupby("id_cras")["valor_periodo"].sum().reindex(self.ids).astype("Float64")
