"""Avaliação de eficácia, eficiência e impacto (``notebooks/avaliacao.ipynb``): :func:`montar` and the section
functions."""

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

SECOES = (
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
"""The section functions in reading order (what the notebook shows, one cell each)."""

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
