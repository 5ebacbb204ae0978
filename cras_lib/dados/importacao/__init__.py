"""Importers of the official files analysts have (RMA base tratada, municipal RMA export, Censo SUAS RH and
Dados Gerais CRAS, municipal complement) into a contract folder; see ``docs/arquivos-oficiais.md``."""

from cras_lib.dados.importacao.importar import (
    Importacao,
    codigo_municipio,
    importar,
    importar_municipios,
)

__all__ = ["Importacao", "codigo_municipio", "importar", "importar_municipios"]
