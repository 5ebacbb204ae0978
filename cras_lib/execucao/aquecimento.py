"""Code that runs INSIDE a warm kernel of the pool (``pool_quente.py``): warm-up once, reset between documents.

``aquecer`` pays once per kernel what every document would otherwise pay: importing pandas, matplotlib and every
document package, parsing the params files (the declared cache :class:`cras_lib.parametros.arquivo.CacheParametros`,
keyed by the file's sha256) and loading the municipality (it turns on the loader's declared cache,
:class:`cras_lib.dados.municipio.CacheMunicipio`: keyed by the folder and the sha256 of its files, each call
gets its own shallow copy, which pandas' copy-on-write keeps independent of the cached tables). It also turns
on the calculations' declared cache (:mod:`cras_lib.calculo.memoria`), so the plan, the evaluation and the CRAS
reports of one municipality share the aggregates they have in common. What is loaded then is frozen out of the
garbage collector's scans (``gc.freeze``), which keeps cheap the full collection IPython makes at every reset,
and the kernel's logger stops building the debug records its handler drops (:func:`_so_o_que_o_registro_mostra`).

After each reset, what the last document left alive (the new entries of those caches: tens of thousands of pandas
objects per municipality) is frozen too, once its garbage is collected: otherwise every reset's collection would
scan every cache entry again (≈ 60 ms per document). Every :data:`COLETA_COMPLETA_A_CADA` documents the heap is
unfrozen and fully collected, so that reference cycles among cache entries dropped since then are freed.

``reiniciar`` brings the kernel back to the state a fresh kernel would have after those imports: empty user
namespace (like ``%reset -f``), a new history session with the execution counter at 1, no open figure, and the
matplotlib rcParams, warning filters, ``sys.path`` and working directory of the warm-up.
"""

from __future__ import annotations

import copy
import gc
import importlib
import logging
import os
import pkgutil
import sys
import warnings
from pathlib import Path

_ESTADO: dict = {}

COLETA_COMPLETA_A_CADA = 50
"""Documents between two full collections of the kernel's heap (see the module docstring)."""


def aquecer(dados: str | None = None) -> None:
    """Import the libraries the notebooks use and every document package, turn on the loader's municipality
    cache (:data:`cras_lib.dados.municipio.cache`) and the calculations' cache (:data:`cras_lib.calculo.memoria.cache`)
    and load ``dados`` once."""
    import matplotlib
    import matplotlib.pyplot as plt  # noqa: F401
    import pandas  # noqa: F401

    import cras_lib.documentos
    from cras_lib.calculo import memoria
    from cras_lib.dados import municipio
    from cras_lib.parametros import arquivo

    for modulo in pkgutil.iter_modules(cras_lib.documentos.__path__, "cras_lib.documentos."):
        try:
            importlib.import_module(modulo.name)
        except Exception:  # a module that fails to import will fail in the notebook, visibly
            continue
    municipio.cache.ativar()
    memoria.cache.ativar()
    arquivo.cache.ativar()
    if dados:
        try:
            municipio.carregar_municipio(dados)
        except Exception:  # invalid data is reported by the notebook that loads it
            pass
    _so_o_que_o_registro_mostra()
    _ESTADO.update(
        rc=copy.deepcopy(dict(matplotlib.rcParams)),
        filtros=list(warnings.filters),
        sys_path=list(sys.path),
    )
    # Everything loaded so far lives as long as the kernel: move it out of the garbage collector's sight, so the
    # full collection IPython runs at every reset (DisplayHook.flush) scans only what a document created.
    gc.collect()
    gc.freeze()


def _so_o_que_o_registro_mostra() -> None:
    """Raise the kernel's logger to the lowest level its handlers write. ipykernel logs every message it handles
    at DEBUG, and its logger (traitlets') stays at DEBUG while the handler writes from the kernel's log level
    (WARNING): each of those calls builds a record, walking up the stack, that the handler then drops (≈ 5 % of
    the kernel's samples of a cell, under py-spy). The log says exactly what it said before."""
    from IPython import get_ipython

    kernel = getattr(get_ipython(), "kernel", None)
    registro = getattr(kernel, "log", None)
    if isinstance(registro, logging.Logger) and registro.handlers and not registro.propagate:
        registro.setLevel(max(registro.level, min(h.level for h in registro.handlers)))


def reiniciar(cwd: str, municipio: str | None = None, dados: str | None = None) -> None:
    """Reset the kernel between documents (see the module docstring); ``municipio`` is the file in which the
    runner's client wrote the municipality it loaded (``dados.municipio.serializar``) from a folder with the
    same files as ``dados``, the next document's data folder: the loader's cache takes it instead of reading
    the folder again."""
    import matplotlib
    import matplotlib.pyplot as plt
    from IPython import get_ipython

    from cras_lib.dados.caminhos import resolver
    from cras_lib.dados.municipio import cache

    plt.close("all")
    shell = get_ipython()
    shell.reset(new_session=True)  # like a fresh kernel: new history session, execution counter back to 1
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        matplotlib.rcParams.update(_ESTADO["rc"])
    warnings.filters[:] = _ESTADO["filtros"]
    invalidar = getattr(warnings, "_filters_mutated", None)  # drops the per-module "already warned" caches
    if invalidar is not None:
        invalidar()
    sys.path[:] = _ESTADO["sys_path"]
    os.chdir(cwd)
    if municipio and dados:
        cache.semear(Path(municipio), resolver(dados))  # the folder as the notebook will find it
    _congelar()


def _congelar() -> None:
    """Collect what the reset released, then freeze the survivors; unfreeze first every
    :data:`COLETA_COMPLETA_A_CADA` documents (see the module docstring)."""
    _ESTADO["documentos"] = _ESTADO.get("documentos", 0) + 1
    if _ESTADO["documentos"] % COLETA_COMPLETA_A_CADA == 0:
        gc.unfreeze()
    gc.collect()
    gc.freeze()
