"""The declared cache of a municipality's calculations (:class:`CacheCalculos`): what the documents of one
municipality share, computed once per warm kernel instead of once per document.

A warm kernel of the runner (``cras_lib.execucao.aquecimento``) makes a municipality's plan, evaluation and
CRAS reports one after the other; they need the same aggregates (the indicator context of the period, the
plan's goals, the municipal base of the reports). A result is kept under the sha256 of the municipality's
input files (as loaded, ``Municipio.arquivos``), the name of the calculation and its other arguments, so an
edited file computes everything again and a municipality not read from files is never kept.

Kept results are shared, not copied: the library builds new tables from them and never changes them in
place (pandas' copy-on-write makes a changed derived table a copy). Off by default, like every declared cache.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

from cras_lib.cache_declarado import CacheDeclarado

T = TypeVar("T")


def chave_do_municipio(municipio) -> tuple | None:
    """The folder and the sha256 of every input file of ``municipio``; None when it was not read from files."""
    arquivos = getattr(municipio, "arquivos", None)
    if not arquivos:
        return None
    return str(getattr(municipio, "pasta", "")), tuple(sorted(arquivos.items()))


class CacheCalculos(CacheDeclarado):
    """Results by (municipality's files, calculation, arguments); the least recently used dropped beyond
    ``maximo`` (a kernel works on one municipality at a time: a few calculations of two municipalities)."""

    def __init__(self, maximo: int = 16) -> None:
        super().__init__()
        self.maximo = maximo
        self._valores: OrderedDict[tuple, object] = OrderedDict()

    def mantem(self, municipio) -> bool:
        """Whether results computed on ``municipio`` are kept (the cache is on and it was read from files)."""
        return self.ativo and chave_do_municipio(municipio) is not None

    def obter(
        self, municipio, calculo: str, argumentos: tuple[Hashable, ...], construir: Callable[[], T]
    ) -> T:
        """The kept result of ``calculo`` on ``municipio`` with ``argumentos``, built with ``construir()`` when
        absent (always built while the cache is off or for a municipality not read from files)."""
        if not self.mantem(municipio):
            return construir()
        chave = (chave_do_municipio(municipio), calculo, argumentos)
        if chave in self._valores:
            self._valores.move_to_end(chave)
            return self._valores[chave]  # type: ignore[return-value]
        valor = self._valores[chave] = construir()
        while len(self._valores) > self.maximo:
            self._valores.popitem(last=False)
        return valor

    def limpar(self) -> None:
        self._valores.clear()

    def __len__(self) -> int:
        return len(self._valores)


cache = CacheCalculos()
"""The one cache of the calculations (inactive unless a long-lived process calls ``cache.ativar()``)."""
