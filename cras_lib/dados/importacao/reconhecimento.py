"""Which official layout a table is, by its content (header and sheet), never by the file's name.

The layouts are tried in a fixed order (the first that recognises a table reads it): national RMA base tratada,
municipal RMA export, Censo SUAS RH CRAS, Censo SUAS Dados Gerais CRAS, municipal complement. A table none of
them recognises is listed as ignored in the summary — not an error.
"""

from __future__ import annotations

from types import ModuleType

from cras_lib.dados.importacao import (
    censo_dados_gerais,
    censo_rh,
    complemento,
    rma_municipal,
    rma_nacional,
)
from cras_lib.dados.importacao.fontes import Tabela

LAYOUTS: tuple[ModuleType, ...] = (rma_nacional, rma_municipal, censo_rh, censo_dados_gerais, complemento)
POR_NOME = {m.LAYOUT: m for m in LAYOUTS}
MOTIVO_DESCONHECIDO = "o conteúdo não corresponde a nenhum layout conhecido"


def reconhecer(tabela: Tabela) -> ModuleType | None:
    """The layout module that reads ``tabela``, or None."""
    return next((m for m in LAYOUTS if m.reconhecer(tabela)), None)
