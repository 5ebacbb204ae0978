"""Boletim mensal da vigilância socioassistencial (``notebooks/boletim_mensal.ipynb``): :func:`montar` and the
section functions."""

from cras_lib.apresentacao.glossario import secoes_explicadas
from cras_lib.documentos.boletim.documento import (
    BoletimMensal,
    alertas,
    cabecalho,
    envio,
    montar,
    notas,
    numeros,
    scfv,
    textos_dos_alertas,
)

SECOES = secoes_explicadas(cabecalho, envio, alertas, numeros, scfv, notas, para_o_conselho=False)
"""The section functions in reading order (what the notebook shows, one cell each); each spells out the
acronyms it is the first to use, and the last one ends with the glossary (``apresentacao/glossario.py``)."""
(
    cabecalho,
    envio,
    alertas,
    numeros,
    scfv,
    notas,
) = SECOES  # the wrapped functions are the package's sections

__all__ = [
    "SECOES",
    "BoletimMensal",
    "alertas",
    "cabecalho",
    "envio",
    "montar",
    "notas",
    "numeros",
    "scfv",
    "textos_dos_alertas",
]
