"""Evaluation indicators (eficácia, eficiência, impacto) of PAIF, SCFV and Programa de Inclusão Produtiva.

Importing the package registers every indicator in :data:`CATALOGO` (order: PAIF, SCFV, Inclusão Produtiva,
Eficiência). See :mod:`.catalogo` for the declaration, :mod:`.tabela` for computing them all.
"""

from . import eficiencia, inclusao, paif, scfv  # noqa: F401 — registration, in catalogue order
from .catalogo import CATALOGO, DIMENSOES, MUNICIPIO, Indicador, ordenar_catalogo, resultado
from .contexto import Contexto
from .metas import Meta, carregar_parametros, classificar, metas
from .tabela import calcular_indicador, calcular_todos, por_cras, quadro_municipal, situacao_por_cras

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
    "carregar_parametros",
    "classificar",
    "metas",
    "por_cras",
    "quadro_municipal",
    "resultado",
    "situacao_por_cras",
]
