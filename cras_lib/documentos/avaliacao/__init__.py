"""Avaliação de eficácia, eficiência e impacto (``notebooks/avaliacao.ipynb``): :func:`montar` and the section
functions."""

from cras_lib.apresentacao.glossario import secoes_explicadas
from cras_lib.documentos.avaliacao.documento import (
    DocumentoAvaliacao,
    cabecalho,
    comparacao,
    conclusoes,
    dimensoes,
    evolucao_mensal,
    idcras,
    indicadores_chave,
    metodo,
    montar,
    quadro_geral,
)

SECOES = secoes_explicadas(
    cabecalho,
    metodo,
    quadro_geral,
    dimensoes,
    evolucao_mensal,
    indicadores_chave,
    comparacao,
    idcras,
    conclusoes,
)
"""The section functions in reading order (what the notebook shows, one cell each); each spells out the
acronyms it is the first to use, and the last one ends with the glossary (``apresentacao/glossario.py``)."""
(
    cabecalho,
    metodo,
    quadro_geral,
    dimensoes,
    evolucao_mensal,
    indicadores_chave,
    comparacao,
    idcras,
    conclusoes,
) = SECOES  # the wrapped functions are the package's sections

__all__ = [
    "SECOES",
    "DocumentoAvaliacao",
    "cabecalho",
    "comparacao",
    "conclusoes",
    "dimensoes",
    "evolucao_mensal",
    "idcras",
    "indicadores_chave",
    "metodo",
    "montar",
    "quadro_geral",
]
