"""Boletim mensal da vigilância socioassistencial (``notebooks/boletim_mensal.ipynb``): :func:`montar` and the
section functions."""

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

SECOES = (cabecalho, envio, alertas, numeros, scfv, notas)
"""The section functions in reading order (what the notebook shows, one cell each)."""

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
