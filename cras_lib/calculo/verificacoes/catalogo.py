"""The catalogue of data-quality checks of the monthly bulletin: what a check declares, where checks are
registered, what they return.

Alerts are data, not prose. Each check is one :class:`Verificacao` — code, name, rule in words, severity,
the parameters it reads (``params/boletim.yaml``), the files it looks at, and two short templates in
Portuguese: what was found (``achado``) and what to check in which file (``verificar``) — plus ONE vectorised
function that receives the :class:`~.contexto.Contexto` of the reference month and returns one row per
finding (:data:`COLUNAS_ACHADO`). The document fills the templates with the finding's figures, formatted
and suppressed ("< 5") as every count shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import pandas as pd

if TYPE_CHECKING:
    from cras_lib.calculo.verificacoes.contexto import Contexto

Severidade = Literal["grave", "moderada"]
# grave: the figure would be published wrong or not at all (fix before the federal deadline);
# moderada: probably an error of typing or of registration; confirm with the CRAS.
SEVERIDADES: dict[str, str] = {"grave": "Grave", "moderada": "Moderada"}

# One row per finding. ``item`` is an RMA item ('b2') and ``grupo`` an SCFV group, or <NA>; ``valor`` the
# figure found, ``referencia`` the figure it was compared with, ``minimo``/``maximo`` an expected range (when
# the rule has one), ``meses`` a number of months, ``pessoas`` a count of people (suppressed when shown);
# ``arquivo`` the file to check. Unused columns are <NA>.
COLUNAS_ACHADO = (
    "id_cras",
    "item",
    "grupo",
    "valor",
    "referencia",
    "minimo",
    "maximo",
    "meses",
    "pessoas",
    "arquivo",
)
_TIPOS = {"id_cras": "string", "item": "string", "grupo": "string", "arquivo": "string"}


@dataclass(frozen=True)
class Verificacao:
    """One declared check and the function that finds its cases."""

    codigo: str  # stable code, e.g. "RMA-01"; the catalogue's order is the order of registration
    nome: str  # short name in Portuguese
    regra: str  # the rule in words, in Portuguese
    severidade: Severidade
    arquivos: tuple[str, ...]  # contract files read; a check whose optional file is absent finds nothing
    achado: str  # template of what was found: {mes} and the columns of COLUNAS_ACHADO, e.g. {item}, {valor}
    verificar: str  # template of what to check, naming the file ({arquivo} and the same fields)
    encontrar: Callable[[Contexto], pd.DataFrame]
    parametros: tuple[str, ...] = ()  # fields of params/boletim.yaml the rule uses

    @property
    def rotulo(self) -> str:
        return f"{self.codigo} — {self.nome}"


ORDEM: tuple[str, ...] = (
    "ENV-01",
    "RMA-01",
    "RMA-02",
    "RMA-03",
    "RMA-04",
    "RMA-05",
    "CRZ-01",
    "CRZ-02",
    "FRQ-01",
)
"""The catalogue's order, the bulletin's: submission, the form itself, crossings with other files, attendance.
Declared here, never derived from the order in which the check modules are imported."""

CATALOGO: dict[str, Verificacao] = {}
"""Every check by code, in :data:`ORDEM` (filled by :func:`compor_catalogo`)."""

_REGISTRADAS: dict[str, Verificacao] = {}


def compor_catalogo() -> None:
    """Fill :data:`CATALOGO` with the registered checks in :data:`ORDEM`; every registered check must be in
    :data:`ORDEM` and every code of :data:`ORDEM` registered."""
    faltam, sobram = set(ORDEM) - set(_REGISTRADAS), set(_REGISTRADAS) - set(ORDEM)
    if faltam or sobram:
        raise ValueError(
            f"verificações: códigos sem regra: {sorted(faltam)}; fora de ORDEM: {sorted(sobram)}"
        )
    CATALOGO.clear()
    CATALOGO.update((codigo, _REGISTRADAS[codigo]) for codigo in ORDEM)


def registrar(**declaracao) -> Callable[[Callable], Callable]:
    """Decorator: declare the check computed by the decorated function and add it to :data:`CATALOGO`."""

    def decorar(funcao):
        verificacao = Verificacao(encontrar=funcao, **declaracao)
        if verificacao.codigo in _REGISTRADAS:
            raise ValueError(f"verificação registrada duas vezes: {verificacao.codigo}")
        _REGISTRADAS[verificacao.codigo] = verificacao
        return funcao

    return decorar


def achados(tabela: pd.DataFrame | None = None, **colunas) -> pd.DataFrame:
    """The standard result of a check: ``tabela`` (or the ``colunas`` given) with every column of
    :data:`COLUNAS_ACHADO`, missing ones <NA>, figures as Float64; no finding -> an empty table."""
    base = pd.DataFrame(colunas) if tabela is None else tabela.reset_index(drop=True)
    saida = pd.DataFrame(index=base.index)
    for coluna in COLUNAS_ACHADO:
        valores = base[coluna] if coluna in base else pd.NA
        saida[coluna] = pd.Series(valores, index=base.index).astype(_TIPOS.get(coluna, "Float64"))
    return saida


def nenhum() -> pd.DataFrame:
    """A check with nothing to report (also: its optional input file is absent)."""
    return achados(pd.DataFrame(columns=list(COLUNAS_ACHADO)))
