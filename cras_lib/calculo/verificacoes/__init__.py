"""Data-quality checks of the monthly bulletin: the catalogue (:data:`CATALOGO`) and the alerts of a month.

Importing the package declares every check (modules ``rma`` and ``cruzamentos``) and composes :data:`CATALOGO`
in the declared order :data:`.catalogo.ORDEM`; :func:`alertas` runs them all for one reference month and returns
one row per alert, in catalogue order, then by CRAS.
"""

from __future__ import annotations

import pandas as pd

from cras_lib.calculo.verificacoes import cruzamentos, rma  # noqa: F401 — registers the checks
from cras_lib.calculo.verificacoes.catalogo import (
    CATALOGO,
    COLUNAS_ACHADO,
    ORDEM,
    SEVERIDADES,
    Verificacao,
    compor_catalogo,
)
from cras_lib.calculo.verificacoes.contexto import Contexto

compor_catalogo()

COLUNAS_ALERTA = ("codigo", "severidade", *COLUNAS_ACHADO)

__all__ = [
    "CATALOGO",
    "COLUNAS_ALERTA",
    "ORDEM",
    "SEVERIDADES",
    "Contexto",
    "Verificacao",
    "alertas",
    "por_severidade",
]


def alertas(ctx: Contexto) -> pd.DataFrame:
    """Every finding of every check of :data:`CATALOGO` for the month of ``ctx``: columns
    :data:`COLUNAS_ALERTA`, catalogue order, then CRAS code, item and group."""
    partes = []
    for ordem, v in enumerate(CATALOGO.values()):
        encontrados = v.encontrar(ctx)
        if len(encontrados):
            partes.append(encontrados.assign(codigo=v.codigo, severidade=v.severidade, _ordem=ordem))
    if not partes:
        vazio = pd.DataFrame(columns=list(COLUNAS_ALERTA))
        return vazio.astype({"codigo": "string", "severidade": "string"})
    tabela = pd.concat(partes, ignore_index=True)
    tabela = tabela.sort_values(["_ordem", "id_cras", "item", "grupo"], na_position="first", kind="stable")
    tabela = tabela.astype({"codigo": "string", "severidade": "string"})
    return tabela[list(COLUNAS_ALERTA)].reset_index(drop=True)


def por_severidade(tabela: pd.DataFrame) -> dict[str, int]:
    """Number of alerts by severity, every severity present (0 when none): what ``manifest.json`` records."""
    contagem = tabela["severidade"].value_counts()
    return {s: int(contagem.get(s, 0)) for s in SEVERIDADES}
