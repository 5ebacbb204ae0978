"""Relatório por CRAS (``notebooks/relatorio_cras.ipynb``): :func:`montar` and the section functions; the facts
(:mod:`.fatos`), the text (:mod:`.texto`, templates in ``modelos/``) and the points of attention
(:mod:`.pontos_atencao`) live beside them."""

from cras_lib.apresentacao.glossario import secoes_explicadas
from cras_lib.documentos.relatorio_cras.documento import (
    RelatorioCras,
    apresentacao,
    cabecalho,
    cadunico,
    equipe,
    idcras,
    inclusao,
    montar,
    paif,
    pontos,
    posicao,
    scfv,
)

SECOES = secoes_explicadas(
    cabecalho, apresentacao, paif, scfv, inclusao, cadunico, equipe, idcras, posicao, pontos
)
"""The section functions in reading order (what the notebook shows, one cell each); each spells out the
acronyms it is the first to use, and the last one ends with the glossary (``apresentacao/glossario.py``)."""
(
    cabecalho,
    apresentacao,
    paif,
    scfv,
    inclusao,
    cadunico,
    equipe,
    idcras,
    posicao,
    pontos,
) = SECOES  # the wrapped functions are the package's sections

__all__ = [
    "SECOES",
    "RelatorioCras",
    "apresentacao",
    "cabecalho",
    "cadunico",
    "equipe",
    "idcras",
    "inclusao",
    "montar",
    "paif",
    "pontos",
    "posicao",
    "scfv",
]
