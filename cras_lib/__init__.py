"""cras_lib — the CRAS reporting and planning workbench: load a municipality, make its documents.

The public API::

    from cras_lib import carregar_municipio, montar_plano, montar_avaliacao, montar_relatorio_cras
    from cras_lib import exibir, resolver  # what a notebook needs: show a section, find a data folder
    from cras_lib import ErroCras, DadosInvalidos, ParametrosInvalidos  # the one hierarchy, cras_lib.erros

``carregar_municipio`` reads a data folder (:mod:`cras_lib.dados.municipio`); each ``montar_*`` is the ``montar``
of a document package (:mod:`cras_lib.documentos.plano`, :mod:`~cras_lib.documentos.avaliacao`,
:mod:`~cras_lib.documentos.relatorio_cras`), keyword-only, returning the typed document whose section functions
the notebooks show. The errors are imported at once; the loader and the documents only when first used (they
bring pandas and matplotlib, which the ``cras`` command does not need to start).
"""

from importlib import import_module
from importlib.metadata import PackageNotFoundError, version

from cras_lib import erros as _erros
from cras_lib.erros import DadosInvalidos as DadosInvalidos
from cras_lib.erros import ErroCras as ErroCras
from cras_lib.erros import ParametrosInvalidos as ParametrosInvalidos
from cras_lib.erros import Problema as Problema

try:
    __version__ = version("cras-lib")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"

# public name -> (module, attribute), imported on first use
_SOB_DEMANDA = {
    "Municipio": ("cras_lib.dados.municipio", "Municipio"),
    "carregar_municipio": ("cras_lib.dados.municipio", "carregar_municipio"),
    "resolver": ("cras_lib.dados.caminhos", "resolver"),
    "exibir": ("cras_lib.apresentacao.exibicao", "exibir"),
    "montar_plano": ("cras_lib.documentos.plano", "montar"),
    "montar_avaliacao": ("cras_lib.documentos.avaliacao", "montar"),
    "montar_relatorio_cras": ("cras_lib.documentos.relatorio_cras", "montar"),
}


def _erros_publicos() -> list[str]:
    """Every class of the hierarchy of :mod:`cras_lib.erros` (and its ``Problema``)."""
    return sorted(
        nome
        for nome, valor in vars(_erros).items()
        if isinstance(valor, type) and (issubclass(valor, ErroCras) or valor is Problema)
    )


def __getattr__(nome: str):
    if nome in _SOB_DEMANDA:
        modulo, atributo = _SOB_DEMANDA[nome]
        valor = getattr(import_module(modulo), atributo)
        globals()[nome] = valor
        return valor
    if nome in _erros_publicos():  # a class added to cras_lib.erros is public too
        return getattr(_erros, nome)
    raise AttributeError(f"module 'cras_lib' has no attribute {nome!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_SOB_DEMANDA, *_erros_publicos()})


__all__ = sorted({*_SOB_DEMANDA, *_erros_publicos(), "__version__"})
