"""The indicator catalogue: what an indicator declares, where indicators are registered, what they return.

Each indicator of the evaluation (eficácia, eficiência, impacto — ``docs/dominio.md``, "Avaliação") is one
:class:`Indicador`: its code, name in Portuguese, dimension, service, formula in words, numerator and
denominator, source files, unit and direction, plus ONE vectorised function that receives the
:class:`~.contexto.Contexto` of a period and returns, per CRAS and for the municipality, the numerator, the
denominator and the value (:func:`resultado`). A division by zero or by a missing denominator is "sem dados"
(<NA>), never an error or ∞.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import pandas as pd

from cras_lib.calculo.razao import razao_de_valores

if TYPE_CHECKING:
    from cras_lib.calculo.indicadores.contexto import Contexto

Dimensao = Literal["eficacia", "eficiencia", "impacto"]
Servico = Literal["PAIF", "SCFV", "Inclusão Produtiva", "Transversal"]
# percentual: a fraction shown as %; moeda: reais; razao: a number per unit of the denominator; nota: 1 to 5
Unidade = Literal["percentual", "moeda", "razao", "nota"]

DIMENSOES: dict[str, str] = {"eficacia": "Eficácia", "eficiencia": "Eficiência", "impacto": "Impacto"}
SERVICOS: tuple[str, ...] = ("PAIF", "SCFV", "Inclusão Produtiva", "Transversal")
MUNICIPIO = "municipio"  # the row of the whole municipality in every result (CRAS ids are 11 digits)
COLUNAS_RESULTADO = ("numerador", "denominador", "valor")


@dataclass(frozen=True)
class Indicador:
    """One declared indicator and the function that computes it."""

    codigo: str  # stable code, e.g. "PAIF-01"; the order of the catalogue is the order of registration
    nome: str  # name in Portuguese
    dimensao: Dimensao
    servico: Servico
    formula: str  # the formula in words, in Portuguese
    numerador: str
    denominador: str
    fontes: tuple[str, ...]  # contract files read (e.g. "rma_cras.csv"); absent optional file -> sem dados
    unidade: Unidade
    maior_melhor: bool
    calcular: Callable[[Contexto], pd.DataFrame]
    # which of numerador/denominador count people or families (suppressed below the threshold when shown)
    contagens_de_pessoas: tuple[str, ...] = ()
    unidade_texto: str = ""  # how a 'razao' value reads, e.g. "famílias por mês"
    chave: bool = False  # key indicator: ranked by CRAS in the document
    # band indicator: above ``teto`` is not better (occupancy over 100 % means crowded groups); a value above it
    # is judged and ranked by its distance below the ceiling, 2 × teto − valor (see :func:`valor_comparavel`)
    teto: float | None = None
    # the name with the values of its parameters (e.g. SCFV-04's N), for a name that holds one
    nome_no_contexto: Callable[[Contexto], str] | None = None
    # why the indicator is not computed for an earlier (comparison) period, when its data exist only for the
    # present: e.g. the capacity of the SCFV groups, which scfv_grupos.csv gives only as it is now (dividing
    # last year's users by this year's places would not compare like with like). None: comparable.
    sem_comparacao: str | None = None
    # columns outside the data contract the indicator needs, as (file, column): absent or empty -> sem dados,
    # and the document names them (:func:`~.tabela.colunas_ausentes`)
    colunas: tuple[tuple[str, str], ...] = ()

    def valor_comparavel(self, valores):
        """Values as they are judged and ranked: a value above ``teto`` counts as far below it as it is above
        (118,2 % with a 100 % ceiling counts as 81,8 %); unchanged without a ceiling."""
        return valores if self.teto is None else _sob_o_teto(valores, self.teto)

    @property
    def rotulo(self) -> str:
        return f"{self.codigo} — {self.nome}"

    def nome_em(self, ctx: Contexto | None) -> str:
        """The name as the reader sees it: with the parameters of ``ctx`` (SCFV-04 "após 6 meses", not "após N
        meses"); the declared name without a context."""
        if ctx is None or self.nome_no_contexto is None:
            return self.nome
        return self.nome_no_contexto(ctx)


ORDEM: tuple[str, ...] = (
    "PAIF-01",
    "PAIF-02",
    "PAIF-03",
    "PAIF-04",
    "PAIF-05",
    "PAIF-06",
    "PAIF-07",
    "PAIF-08",
    "PAIF-09",
    "PAIF-10",
    "PAIF-11",
    "PAIF-12",
    "PAIF-13",
    "PAIF-14",
    "SCFV-01",
    "SCFV-02",
    "SCFV-03",
    "SCFV-04",
    "IP-01",
    "IP-02",
    "IP-03",
    "IP-04",
    "IP-05",
    "IP-06",
    "IP-07",
    "IP-08",
    "IP-09",
    "IP-10",
    "IP-11",
    "IP-12",
    "IP-13",
    "EF-01",
    "EF-02",
    "EF-03",
    "EF-04",
)
"""The catalogue's order, the evaluation document's: PAIF, SCFV, Inclusão Produtiva, Eficiência, each by code.
Declared here, never derived from the order in which the indicator modules are imported."""

CATALOGO: dict[str, Indicador] = {}
"""Every indicator by code, in :data:`ORDEM` (filled by :func:`compor_catalogo`)."""

_REGISTRADOS: dict[str, Indicador] = {}


def compor_catalogo() -> None:
    """Fill :data:`CATALOGO` with the registered indicators in :data:`ORDEM`; every registered indicator must be
    in :data:`ORDEM` and every code of :data:`ORDEM` registered."""
    faltam, sobram = set(ORDEM) - set(_REGISTRADOS), set(_REGISTRADOS) - set(ORDEM)
    if faltam or sobram:
        raise ValueError(
            f"catálogo: códigos sem indicador: {sorted(faltam)}; indicadores fora de ORDEM: {sorted(sobram)}"
        )
    CATALOGO.clear()
    CATALOGO.update((codigo, _REGISTRADOS[codigo]) for codigo in ORDEM)


def registrar(
    **declaracao,
) -> Callable[[Callable[[Contexto], pd.DataFrame]], Callable[[Contexto], pd.DataFrame]]:
    """Decorator: declare the indicator computed by the decorated function (it enters :data:`CATALOGO` at its
    place in :data:`ORDEM` when the package composes the catalogue)."""

    def decorar(funcao):
        indicador = Indicador(calcular=funcao, **declaracao)
        if indicador.codigo in _REGISTRADOS:
            raise ValueError(f"indicador registrado duas vezes: {indicador.codigo}")
        _REGISTRADOS[indicador.codigo] = indicador
        return funcao

    return decorar


def _valores(valores, ids: pd.Index) -> pd.arrays.FloatingArray:
    """``valores`` (a Series, aligned on ``ids``, or anything ``pd.Series(valores, index=ids)`` takes) as Float64."""
    if not isinstance(valores, pd.Series):
        valores = pd.Series(valores, index=ids)
    elif not valores.index.equals(ids):
        valores = valores.reindex(ids)
    return pd.array(valores.array, dtype="Float64")


def _soma_pareada(numerador: pd.arrays.FloatingArray, denominador: pd.arrays.FloatingArray) -> tuple:
    """Municipal sums over the CRAS where both numerator and denominator are known (<NA> when none)."""
    ambos = ~(numerador.isna() | denominador.isna())
    if not ambos.any():
        return pd.NA, pd.NA
    return numerador[ambos].sum(), denominador[ambos].sum()


def _com_municipio(valores: pd.arrays.FloatingArray, municipio) -> pd.arrays.FloatingArray:
    return pd.arrays.FloatingArray._concat_same_type([valores, pd.array([municipio], dtype="Float64")])


def _sob_o_teto(valores: pd.Series, teto) -> pd.Series:
    """``valores`` with each value above ``teto`` (a number or a Series aligned with them) reflected below it."""
    return valores.where((valores <= teto).fillna(True), 2 * teto - valores)


def valores_comparaveis(codigos: pd.Series, valores: pd.Series) -> pd.Series:
    """:meth:`Indicador.valor_comparavel` of a column of values of different indicators (``codigos``, aligned
    with ``valores``), at once."""
    teto = pd.Series([CATALOGO[c].teto for c in codigos], index=valores.index, dtype="Float64")
    return _sob_o_teto(valores.astype("Float64"), teto)


def resultado(
    ids: pd.Index, numerador, denominador, numerador_municipio=None, denominador_municipio=None
) -> pd.DataFrame:
    """The standard result of an indicator: rows = every CRAS of ``ids`` plus :data:`MUNICIPIO`, columns
    ``numerador``, ``denominador``, ``valor`` (Float64; valor = numerador ÷ denominador, <NA> when the
    denominator is 0 or missing).

    The municipal row defaults to the sums over the CRAS where both parts are known; pass the municipal parts
    when they are not sums (e.g. people counted once across CRAS).

    Built on arrays, not Series: a national run computes ≈ 400,000 of these.
    """
    num, den = _valores(numerador, ids), _valores(denominador, ids)
    if numerador_municipio is None and denominador_municipio is None:
        numerador_municipio, denominador_municipio = _soma_pareada(num, den)
    num, den = _com_municipio(num, numerador_municipio), _com_municipio(den, denominador_municipio)
    linhas = pd.Index([*ids, MUNICIPIO], dtype="string", name="id_cras")
    return pd.DataFrame(
        {"numerador": num, "denominador": den, "valor": razao_de_valores(num, den)}, index=linhas
    )


def sem_dados(ids: pd.Index) -> pd.DataFrame:
    """The result of an indicator whose source file is absent: every figure <NA>."""
    vazio = pd.Series(pd.NA, index=ids, dtype="Float64")
    return resultado(ids, vazio, vazio, pd.NA, pd.NA)
