"""The municipality's data: the contract, the readers, the loaded :class:`Municipio` and where the files are."""

from cras_lib.dados.caminhos import resolver
from cras_lib.dados.municipio import Municipio, carregar_municipio

__all__ = ["Municipio", "carregar_municipio", "resolver"]
