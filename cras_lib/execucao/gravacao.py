"""Atomic, durable writes: a file is written to a temporary name beside it and renamed, so readers never see half
a file, and a power cut right after a run does not leave an empty page behind.

``os.replace`` is atomic on POSIX when source and destination are on the same file system, which a temporary
file in the destination's own folder guarantees. The file's bytes are flushed to disk (``fsync``) before the
rename, and the folder after it (the rename itself lives in the folder). A crash leaves at most a stray ``.tmp``
file, which the next run removes (``limpar_restos``), never a truncated document.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


def sincronizar_pasta(pasta: Path) -> None:
    """``fsync`` a folder, so that the renames done in it survive a crash."""
    descritor = os.open(pasta, os.O_RDONLY)
    try:
        os.fsync(descritor)
    finally:
        os.close(descritor)


def substituir(origem: Path, destino: Path) -> None:
    """Move the finished file ``origem`` onto ``destino`` (same folder or file system): its bytes are synced
    first, then renamed, then the folder is synced."""
    with open(origem, "rb+") as arquivo:
        os.fsync(arquivo.fileno())
    os.replace(origem, destino)
    sincronizar_pasta(Path(destino).parent)


def gravar_atomico(destino: Path, conteudo: str | bytes) -> None:
    """Write ``conteudo`` (text as UTF-8) to ``destino`` through a temporary file, ``fsync`` and ``os.replace``."""
    destino = Path(destino)
    destino.parent.mkdir(parents=True, exist_ok=True)
    dados = conteudo.encode("utf-8") if isinstance(conteudo, str) else conteudo
    descritor, temporario = tempfile.mkstemp(prefix=f".{destino.name}.", suffix=".tmp", dir=destino.parent)
    try:
        with os.fdopen(descritor, "wb") as arquivo:
            arquivo.write(dados)
            arquivo.flush()
            os.fsync(arquivo.fileno())
        os.chmod(temporario, 0o644)
        os.replace(temporario, destino)
    except BaseException:
        Path(temporario).unlink(missing_ok=True)
        raise
    sincronizar_pasta(destino.parent)


def limpar_restos(saida: Path) -> list[Path]:
    """Remove what an interrupted run left in the output folder: executed notebooks not yet published
    (``notebooks/**/.X.execucao.ipynb``) and temporary files of atomic writes (``.X.tmp``). Returns them."""
    restos = [
        *Path(saida).glob("notebooks/**/.*.execucao.ipynb"),
        *Path(saida).glob(".*.tmp"),
        *Path(saida).glob("html/**/.*.tmp"),
        *Path(saida).glob("notebooks/**/.*.tmp"),
    ]
    for resto in restos:
        resto.unlink(missing_ok=True)
    return restos


_MOTIVOS = {
    errno.ENOSPC: "disco cheio",
    errno.EDQUOT: "cota de disco esgotada",
    errno.EACCES: "sem permissão de escrita",
    errno.EPERM: "sem permissão de escrita",
    errno.EROFS: "sistema de arquivos somente para leitura",
    errno.EISDIR: "o destino é uma pasta",
    errno.ENOTDIR: "um dos caminhos do destino não é uma pasta",
    errno.EEXIST: "já existe um arquivo com esse nome",
    errno.EIO: "erro de leitura ou gravação no disco",
    errno.ENOENT: "pasta inexistente",
}


def motivo(erro: OSError) -> str:
    """Why a write failed, in Portuguese (the operating system's own text is in English)."""
    return _MOTIVOS.get(
        erro.errno, f"erro do sistema de arquivos ({errno.errorcode.get(erro.errno, erro.errno)})"
    )
