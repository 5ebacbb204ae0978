"""Atomic writes: a file is written to a temporary name beside it and renamed, so readers never see half a file.

``os.replace`` is atomic on POSIX when source and destination are on the same file system, which a temporary
file in the destination's own folder guarantees. A crash leaves at most a stray ``.tmp`` file, never a
truncated document.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def gravar_atomico(destino: Path, conteudo: str | bytes) -> None:
    """Write ``conteudo`` (text as UTF-8) to ``destino`` through a temporary file and ``os.replace``."""
    destino = Path(destino)
    destino.parent.mkdir(parents=True, exist_ok=True)
    dados = conteudo.encode("utf-8") if isinstance(conteudo, str) else conteudo
    descritor, temporario = tempfile.mkstemp(prefix=f".{destino.name}.", suffix=".tmp", dir=destino.parent)
    try:
        with os.fdopen(descritor, "wb") as arquivo:
            arquivo.write(dados)
        os.chmod(temporario, 0o644)
        os.replace(temporario, destino)
    except BaseException:
        Path(temporario).unlink(missing_ok=True)
        raise
