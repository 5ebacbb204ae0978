"""Plano Anual do SCFV (``notebooks/plano_anual_scfv.ipynb``): :func:`montar` and the section functions."""

from cras_lib.apresentacao.glossario import secoes_explicadas
from cras_lib.documentos.plano.documento import (
    DocumentoPlano,
    acoes,
    apresentacao,
    base_legal,
    cabecalho,
    calendario,
    diagnostico,
    equipe,
    idcras,
    metas,
    montar,
    notas,
    publico_prioritario,
)

SECOES = secoes_explicadas(
    cabecalho,
    apresentacao,
    base_legal,
    diagnostico,
    metas,
    publico_prioritario,
    calendario,
    equipe,
    acoes,
    idcras,
    notas,
)
"""The section functions in reading order (what the notebook shows, one cell each); each spells out the
acronyms it is the first to use, and the last one ends with the glossary (``apresentacao/glossario.py``)."""
(
    cabecalho,
    apresentacao,
    base_legal,
    diagnostico,
    metas,
    publico_prioritario,
    calendario,
    equipe,
    acoes,
    idcras,
    notas,
) = SECOES  # the wrapped functions are the package's sections

__all__ = [
    "SECOES",
    "DocumentoPlano",
    "acoes",
    "apresentacao",
    "base_legal",
    "cabecalho",
    "calendario",
    "diagnostico",
    "equipe",
    "idcras",
    "metas",
    "montar",
    "notas",
    "publico_prioritario",
]
