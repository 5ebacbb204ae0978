"""Code that runs INSIDE a warm kernel of the pool (``pool_quente.py``): warm-up once, reset between documents.

``aquecer`` pays once per kernel what every document would otherwise pay: importing pandas, matplotlib and every
``cras_lib`` module, and loading the municipality (``carregar_municipio`` is wrapped by a cache keyed by the
folder and the sha256 of its files; each call gets its own shallow copy, which pandas' copy-on-write keeps
independent of the cached tables). What is loaded then is frozen out of the garbage collector's scans
(``gc.freeze``), which keeps cheap the full collection IPython makes at every reset.

``reiniciar`` brings the kernel back to the state a fresh kernel would have after those imports: empty user
namespace (like ``%reset -f``), a new history session with the execution counter at 1, no open figure, and the
matplotlib rcParams, warning filters, ``sys.path`` and working directory of the warm-up.
"""

from __future__ import annotations

import copy
import functools
import gc
import hashlib
import importlib
import os
import pkgutil
import sys
import warnings
from pathlib import Path

_ESTADO: dict = {}


def _assinatura(pasta) -> tuple:
    """Cache key of a data folder: its resolved path and the sha256 of each file."""
    raiz = Path(pasta).resolve()
    arquivos = sorted(p for p in raiz.iterdir() if p.is_file()) if raiz.is_dir() else []
    return (str(raiz), tuple((p.name, hashlib.sha256(p.read_bytes()).hexdigest()) for p in arquivos))


def _copia_rasa(municipio):
    """A new ``Municipio`` whose tables are shallow copies: with copy-on-write, changes made by one document
    (new columns, edited cells) never reach the cached object nor the next document."""
    import pandas as pd

    novo = copy.copy(municipio)
    for nome, valor in vars(municipio).items():
        if isinstance(valor, pd.DataFrame):
            object.__setattr__(novo, nome, valor.copy(deep=False))
        elif isinstance(valor, dict | list | set):
            object.__setattr__(novo, nome, copy.copy(valor))
    return novo


def instalar_cache_municipio() -> None:
    """Wrap ``cras_lib.dados.municipio.carregar_municipio`` (and every reference other modules imported) in a cache."""
    import cras_lib.dados.municipio as modulo

    original = modulo.carregar_municipio
    if getattr(original, "cache_quente", False):
        return
    cache: dict[tuple, object] = {}

    @functools.wraps(original)
    def carregar_com_cache(pasta, *args, **kwargs):
        if args or kwargs:
            return original(pasta, *args, **kwargs)
        chave = _assinatura(pasta)
        if chave not in cache:
            cache.clear()  # one municipality per run: keep only the latest folder
            cache[chave] = original(pasta)
        return _copia_rasa(cache[chave])

    carregar_com_cache.cache_quente = True
    for nome, mod in list(sys.modules.items()):
        if nome == "cras_lib" or nome.startswith("cras_lib."):
            for atributo, valor in list(vars(mod).items()):
                if valor is original:
                    setattr(mod, atributo, carregar_com_cache)


def aquecer(dados: str | None = None) -> None:
    """Import the libraries the notebooks use, install the municipality cache, load ``dados`` once."""
    import matplotlib
    import matplotlib.pyplot as plt  # noqa: F401
    import pandas  # noqa: F401

    import cras_lib

    for modulo in sorted(pkgutil.walk_packages(cras_lib.__path__, "cras_lib."), key=lambda m: m.name):
        if modulo.name.startswith("cras_lib.execucao") or modulo.name.endswith("__main__"):
            continue
        try:
            importlib.import_module(modulo.name)
        except Exception:  # a module that fails to import will fail in the notebook, visibly
            continue
    if "cras_lib.dados.municipio" in sys.modules:
        instalar_cache_municipio()
        if dados:
            try:
                sys.modules["cras_lib.dados.municipio"].carregar_municipio(dados)
            except Exception:  # invalid data is reported by the notebook that loads it
                pass
    _ESTADO.update(
        rc=copy.deepcopy(dict(matplotlib.rcParams)),
        filtros=list(warnings.filters),
        sys_path=list(sys.path),
    )
    # Everything loaded so far lives as long as the kernel: move it out of the garbage collector's sight, so the
    # full collection IPython runs at every reset (DisplayHook.flush) scans only what a document created.
    gc.collect()
    gc.freeze()


def reiniciar(cwd: str) -> None:
    """Reset the kernel between documents (see the module docstring)."""
    import matplotlib
    import matplotlib.pyplot as plt
    from IPython import get_ipython

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
