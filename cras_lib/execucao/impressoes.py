"""Fingerprints (sha256) of the run's inputs: data files, params files, notebooks and the library's source.

They feed the manifest (provenance) and the incremental cache (a document is re-executed only when one of its
fingerprints changes).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import cras_lib

# Files of the library that change what a document shows: code, templates, styles, packaged data.
_EXTENSOES_FONTE = {".py", ".j2", ".css", ".json", ".yaml", ".yml", ".csv", ".txt"}


def sha256_bytes(dados: bytes) -> str:
    return hashlib.sha256(dados).hexdigest()


def sha256_arquivo(caminho: Path) -> str:
    """sha256 of a file's bytes."""
    h = hashlib.sha256()
    with open(caminho, "rb") as arquivo:
        for bloco in iter(lambda: arquivo.read(1 << 20), b""):
            h.update(bloco)
    return h.hexdigest()


def sha256_json(valor) -> str:
    """sha256 of a JSON-serialisable value in canonical form (sorted keys), for parameters and keys."""
    texto = json.dumps(valor, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return sha256_bytes(texto.encode("utf-8"))


def hashes_pasta(pasta: Path) -> dict[str, str]:
    """sha256 of every regular file under ``pasta`` (hidden files excluded), keyed by POSIX relative path."""
    pasta = Path(pasta)
    return {
        caminho.relative_to(pasta).as_posix(): sha256_arquivo(caminho)
        for caminho in sorted(pasta.rglob("*"))
        if caminho.is_file() and not any(p.startswith(".") for p in caminho.relative_to(pasta).parts)
    }


def hash_biblioteca() -> str:
    """One sha256 over the source of ``cras_lib`` (paths and contents), the library "version" for the cache.

    Finer than the version string: any edit of a calculation, a text template or the HTML template changes it.
    """
    raiz = Path(cras_lib.__file__).resolve().parent
    h = hashlib.sha256()
    for caminho in sorted(raiz.rglob("*")):
        if caminho.suffix in _EXTENSOES_FONTE and caminho.is_file() and "__pycache__" not in caminho.parts:
            h.update(caminho.relative_to(raiz).as_posix().encode("utf-8") + b"\0")
            h.update(caminho.read_bytes() + b"\0")
    return h.hexdigest()


def curto(hash_: str) -> str:
    """The short form shown to readers (12 hex digits, like a short git commit)."""
    return hash_[:12]
