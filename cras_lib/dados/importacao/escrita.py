"""Writing a contract folder: the three CSV files and ``importacao.json``, byte for byte the same on every
import of the same files (sorted rows, fixed column order, ``;``, UTF-8, ``\\n``, no time stamps).

Every file is first written beside its final name and then renamed over it, so a reader never sees half a
file; files of the folder that the import does not produce (e.g. an ``scfv_grupos.csv`` added by hand) are
left as they are.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pandas as pd


def _celula(valor) -> str:
    if valor is None or (not isinstance(valor, str) and pd.isna(valor)):
        return ""
    if isinstance(valor, float) and valor.is_integer():
        return str(int(valor))
    return str(valor)


def csv_bytes(tabela: pd.DataFrame) -> bytes:
    """The table as contract CSV bytes (``;``, double quotes only where a value needs them)."""
    saida = io.StringIO()
    escritor = csv.writer(saida, delimiter=";", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    escritor.writerow(list(tabela.columns))
    for linha in tabela.astype(object).to_numpy().tolist():
        escritor.writerow([_celula(v) for v in linha])
    return saida.getvalue().encode("utf-8")


def json_bytes(dados: dict) -> bytes:
    return (json.dumps(dados, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def gravar(pasta: Path, arquivos: dict[str, bytes], *, sincronizar: bool = True) -> None:
    """Write ``arquivos`` (name -> bytes) into ``pasta`` (created if needed), each by rename; ``sincronizar``
    flushes each file to disk first (off for a batch of thousands of municipalities, where it dominates)."""
    pasta.mkdir(parents=True, exist_ok=True)
    for nome, conteudo in arquivos.items():
        destino = pasta / nome
        provisorio = pasta / f".{nome}.importando"
        with open(provisorio, "wb") as f:
            f.write(conteudo)
            if sincronizar:
                f.flush()
                os.fsync(f.fileno())
        os.replace(provisorio, destino)
