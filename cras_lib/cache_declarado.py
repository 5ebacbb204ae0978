"""The switch of the library's declared caches (:class:`cras_lib.dados.municipio.CacheMunicipio`,
:class:`cras_lib.parametros.arquivo.CacheParametros`).

A declared cache is off by default, so that a call reads its files every time; a long-lived process that reads
the same inputs document after document (the runner's warm kernels, ``cras_lib.execucao.aquecimento``) turns it
on with :meth:`CacheDeclarado.ativar`. Turning it off forgets what it kept.
"""

from __future__ import annotations

from abc import ABC, abstractmethod


class CacheDeclarado(ABC):
    """On/off state of one declared cache; subclasses say what they keep and how :meth:`limpar` forgets it."""

    def __init__(self) -> None:
        self._ativo = False

    @property
    def ativo(self) -> bool:
        return self._ativo

    def ativar(self) -> None:
        self._ativo = True

    def desativar(self) -> None:
        self._ativo = False
        self.limpar()

    @abstractmethod
    def limpar(self) -> None:
        """Forget everything kept."""
