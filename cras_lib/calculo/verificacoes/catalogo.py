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


CATALOGO: dict[str, Verificacao] = {}
PREFIXOS = ("ENV", "RMA", "CRZ", "FRQ")  # catalogue order: submission, the form itself, crossings, attendance


def ordenar_catalogo() -> None:
    """Put :data:`CATALOGO` in the bulletin's order (by prefix, then code), whatever the import order."""
    ordem = sorted(CATALOGO.items(), key=lambda item: (PREFIXOS.index(item[0].split("-")[0]), item[0]))
    CATALOGO.clear()
    CATALOGO.update(ordem)


def registrar(**declaracao) -> Callable[[Callable], Callable]:
    """Decorator: declare the check computed by the decorated function and add it to :data:`CATALOGO`."""

    def decorar(funcao):
        verificacao = Verificacao(encontrar=funcao, **declaracao)
        if verificacao.codigo in CATALOGO:
            raise ValueError(f"verificação registrada duas vezes: {verificacao.codigo}")
        CATALOGO[verificacao.codigo] = verificacao
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
