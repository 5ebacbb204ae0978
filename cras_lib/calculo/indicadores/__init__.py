"""Evaluation indicators (eficácia, eficiência, impacto) of PAIF, SCFV and Programa de Inclusão Produtiva.

Importing the package registers every indicator in :data:`CATALOGO` (order: PAIF, SCFV, Inclusão Produtiva,
Eficiência). See :mod:`.catalogo` for the declaration, :mod:`.tabela` for computing them all.
"""

from cras_lib.calculo.indicadores import eficiencia, inclusao, paif, scfv  # noqa: F401 — registration, in catalogue order
from cras_lib.calculo.indicadores.catalogo import (
    CATALOGO,
    DIMENSOES,
    MUNICIPIO,
    Indicador,
    ordenar_catalogo,
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

ordenar_catalogo()

__all__ = [
    "CATALOGO",
    "DIMENSOES",
    "MUNICIPIO",
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
