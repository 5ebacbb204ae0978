"""Evaluation indicators (eficácia, eficiência, impacto) of PAIF, SCFV and Programa de Inclusão Produtiva.

Importing the package declares every indicator (modules :mod:`.paif`, :mod:`.scfv`, :mod:`.inclusao`,
:mod:`.eficiencia`) and composes :data:`CATALOGO` in the declared order :data:`.catalogo.ORDEM`. See
:mod:`.catalogo` for the declaration, :mod:`.tabela` for computing them all.
"""

from cras_lib.calculo.indicadores import eficiencia, impacto, inclusao, paif, scfv  # noqa: F401 — the declarations
from cras_lib.calculo.indicadores.catalogo import (
    CATALOGO,
    DIMENSOES,
    MUNICIPIO,
    ORDEM,
    Indicador,
    compor_catalogo,
    resultado,
)
from cras_lib.calculo.indicadores.contexto import Contexto
from cras_lib.calculo.indicadores.metas import Meta, classificar, metas, parametros_da_avaliacao
from cras_lib.calculo.indicadores.tabela import (
    calcular_indicador,
    calcular_todos,
    por_cras,
    quadro_municipal,
    situacao_por_cras,
)

compor_catalogo()

__all__ = [
    "CATALOGO",
    "DIMENSOES",
    "MUNICIPIO",
    "ORDEM",
    "Contexto",
    "Indicador",
    "Meta",
    "calcular_indicador",
    "calcular_todos",
    "classificar",
    "metas",
    "parametros_da_avaliacao",
    "por_cras",
    "quadro_municipal",
    "resultado",
    "situacao_por_cras",
]
