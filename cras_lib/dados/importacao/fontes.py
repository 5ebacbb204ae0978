"""Raw tables of the files in ORIGEM: every CSV (any encoding the official files use) and every sheet of an xlsx,
as header + cells, before any layout is known. Recognition is by content only: a file is an xlsx when its bytes
are a zip holding a workbook, never because of its name.

Cells are kept as the reader gave them (text for CSV; numbers, text or dates for xlsx, read with python-calamine)
and turned into clean text only for the rows a reader keeps (:func:`texto`): outer spaces and the single quotes
the RMA exports wrap around every value are removed, integral numbers lose their ``.0``.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from python_calamine import CalamineWorkbook

from cras_lib.erros import Problema


class Tabela:
    """One table of one file: the header as written, the cells (columns 0..n-1), and each row's place.

    ``arquivo`` is the file's path relative to ORIGEM; ``planilha`` the sheet name for an xlsx, else None;
    ``linhas`` the line (CSV, header = 1) or row (sheet) of each cell row. The cells are a DataFrame (CSV) or the
    rows as lists (xlsx): a national sheet has millions of cells, so only the columns a reader asks for
    (:meth:`coluna`) and the rows it keeps (:meth:`filtrar`) are ever turned into pandas objects.
    """

    def __init__(self, arquivo: str, planilha: str | None, cabecalho: list[str], celulas, linhas: np.ndarray):
        self.arquivo, self.planilha, self.cabecalho, self.linhas = arquivo, planilha, cabecalho, linhas
        self._celulas = celulas  # pd.DataFrame or list of row lists

    @property
    def n(self) -> int:
        return len(self._celulas)

    @property
    def nome(self) -> str:
        """The file as problems name it: ``RMA.xlsx (planilha 'Base tratada')`` or ``cras.csv``."""
        return self.arquivo if self.planilha is None else f"{self.arquivo} (planilha '{self.planilha}')"

    def coluna(self, posicao: int) -> pd.Series:
        if isinstance(self._celulas, pd.DataFrame):
            return self._celulas[posicao]
        return pd.Series([linha[posicao] for linha in self._celulas], dtype=object)

    def filtrar(self, mascara: np.ndarray) -> Tabela:
        if isinstance(self._celulas, pd.DataFrame):
            celulas = self._celulas.loc[mascara].reset_index(drop=True)
        else:
            celulas = [self._celulas[i] for i in np.flatnonzero(mascara)]
        return Tabela(self.arquivo, self.planilha, self.cabecalho, celulas, self.linhas[mascara])

    def problema(self, i: int | None, posicao: int | None, mensagem: str) -> Problema:
        """A problem at cell row ``i`` (None: the whole table) and column ``posicao`` (None: no column)."""
        linha = None if i is None else int(self.linhas[i])
        coluna = None if posicao is None else self.cabecalho[posicao]
        return Problema(self.nome, linha, coluna, mensagem)


@dataclass(frozen=True)
class Ilegivel:
    """A file that is no table at all (binary, empty): listed as ignored with its reason."""

    arquivo: str
    motivo: str


def chave(nome: str) -> str:
    """Header key for official layouts: lower case, no accents, outer spaces and quotes off, inner spaces as
    ``_`` (underscores kept: ``q70_12`` and ``q701_2`` are different questions of the Censo)."""
    sem_acento = unicodedata.normalize("NFKD", str(nome)).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"\s+", "_", sem_acento.strip().strip("'\"").strip().lower())


def ler_conteudo(relativo: str, caminho: Path, conteudo: bytes) -> list[Tabela] | Ilegivel:
    """The tables of one file (its path and bytes): the sheets of an xlsx, or the one table of a CSV."""
    if conteudo.startswith(b"PK\x03\x04"):
        return _planilhas(relativo, caminho)
    if not conteudo.strip():
        return Ilegivel(relativo, "arquivo vazio")
    if b"\x00" in conteudo[:4096]:
        return Ilegivel(relativo, "arquivo binário (não é CSV nem planilha xlsx)")
    tabela = _csv(relativo, _decodificar(conteudo))
    return [tabela] if isinstance(tabela, Tabela) else tabela


def _decodificar(conteudo: bytes) -> str:
    """UTF-8 (BOM optional), else Windows-1252 (the Censo 2025), else Latin-1 (2023-2024; every byte valid)."""
    conteudo = conteudo.removeprefix(codecs.BOM_UTF8)
    for codificacao in ("utf-8", "cp1252"):
        try:
            return conteudo.decode(codificacao)
        except UnicodeDecodeError:
            continue
    return conteudo.decode("latin-1")


def _csv(relativo: str, texto: str) -> Tabela | Ilegivel:
    """``;`` or ``,`` (the one found more in the header line); values in single quotes (the RMA exports) read
    as they are and unwrapped later; double quotes as in any CSV."""
    texto = texto.replace("\r\n", "\n").replace("\r", "\n")
    primeira = texto.split("\n", 1)[0]
    if not primeira.strip():
        return Ilegivel(relativo, "a primeira linha (cabeçalho) está em branco")
    sep = ";" if primeira.count(";") >= primeira.count(",") and ";" in primeira else ","
    aspas_simples = primeira.lstrip().startswith("'") or "\n'" in texto[:20000]
    opcoes = {"quoting": csv.QUOTE_NONE} if aspas_simples else {"quotechar": '"'}
    try:
        bruto = pd.read_csv(
            io.StringIO(texto),
            sep=sep,
            header=None,
            dtype=str,
            na_filter=False,
            skip_blank_lines=True,
            index_col=False,
            engine="c",
            **opcoes,
        )
    except pd.errors.ParserError as erro:
        achado = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(erro))
        detalhe = f" (linha {achado.group(2)}: {achado.group(3)} campos, cabeçalho com {achado.group(1)})"
        return Ilegivel(relativo, "não foi possível ler como CSV" + (detalhe if achado else ""))
    except (pd.errors.EmptyDataError, UnicodeError):
        return Ilegivel(relativo, "não foi possível ler como CSV")
    if bruto.shape[1] < 2:
        return Ilegivel(relativo, "não é uma tabela (uma coluna só)")
    linhas = _linhas(texto, len(bruto))
    cabecalho = [c.strip().lstrip("\ufeff").strip().strip("'").strip() for c in bruto.iloc[0]]
    celulas = bruto.iloc[1:].reset_index(drop=True)
    celulas.columns = range(celulas.shape[1])
    cheias = np.ones(len(celulas), dtype=bool)
    suspeitas = np.flatnonzero(celulas[0].isin(["", "''"]).to_numpy() | celulas[0].isna().to_numpy())
    if len(suspeitas):  # a line of bare separators (only rows with an empty first cell are checked)
        matriz = celulas.iloc[suspeitas].to_numpy()
        cheias[suspeitas] = ~(pd.isna(matriz) | (matriz == "") | (matriz == "''")).all(axis=1)
    return Tabela(relativo, None, cabecalho, celulas.loc[cheias].reset_index(drop=True), linhas[1:][cheias])


def _linhas(texto: str, registros: int) -> np.ndarray:
    """File line of each record read (blank lines skipped by the parser are skipped here too)."""
    numeros = [i for i, linha in enumerate(texto.split("\n"), start=1) if linha.strip()]
    if len(numeros) >= registros:
        return np.array(numeros[:registros])
    return np.arange(1, registros + 1)


def _planilhas(relativo: str, caminho: Path) -> list[Tabela] | Ilegivel:
    """Every sheet of an xlsx with python-calamine (a Rust reader: a national RMA of ~100,000 rows in about
    2 s, where openpyxl takes minutes). The header is the first non-empty row; empty rows are dropped."""
    try:
        with zipfile.ZipFile(caminho) as pacote:
            if "xl/workbook.xml" not in pacote.namelist():
                return Ilegivel(relativo, "arquivo zip que não é planilha xlsx")
        livro = CalamineWorkbook.from_path(str(caminho))
    except Exception as erro:  # calamine raises its own error types for damaged workbooks
        return Ilegivel(relativo, f"planilha xlsx ilegível ({type(erro).__name__})")
    tabelas = []
    for nome in livro.sheet_names:
        try:
            linhas = livro.get_sheet_by_name(nome).to_python(skip_empty_area=False)
        except Exception as erro:
            return Ilegivel(relativo, f"planilha '{nome}' ilegível ({type(erro).__name__})")
        cheias = [(linha[0] is not None and linha[0] != "") or not _vazia(linha) for linha in linhas]
        inicio = next((i for i, cheia in enumerate(cheias) if cheia), None)
        if inicio is None:
            continue
        cabecalho = [texto_de(v) for v in linhas[inicio]]
        largura = len(cabecalho)
        corpo, numeros = [], []
        for i in range(inicio + 1, len(linhas)):
            if cheias[i]:
                linha = linhas[i]
                corpo.append(linha if len(linha) == largura else (linha + [""] * largura)[:largura])
                numeros.append(i + 1)
        tabelas.append(Tabela(relativo, nome, cabecalho, corpo, np.array(numeros, dtype=np.int64)))
    return tabelas or Ilegivel(relativo, "planilha xlsx sem dados")


def _vazia(linha: list) -> bool:
    """A sheet row with no value (counted in C: a national sheet has ~100,000 rows)."""
    return linha.count("") + linha.count(None) == len(linha)


def _preenchida(valor) -> bool:
    return valor is not None and not (isinstance(valor, str) and not valor.strip())


def texto_de(valor) -> str:
    """One cell as clean text (see :func:`texto`)."""
    if valor is None:
        return ""
    if isinstance(valor, bool):
        return "1" if valor else "0"
    if isinstance(valor, float):
        if np.isnan(valor):
            return ""
        return str(int(valor)) if valor.is_integer() else repr(valor)
    if isinstance(valor, int):
        return str(valor)
    if isinstance(valor, dt.datetime):
        return valor.date().isoformat() if valor.time() == dt.time() else valor.isoformat()
    if isinstance(valor, dt.date):
        return valor.isoformat()
    texto = str(valor).strip()
    if len(texto) >= 2 and texto[0] == texto[-1] == "'":
        texto = texto[1:-1].strip()
    elif texto == "'":
        texto = ""
    return texto


def texto(serie: pd.Series) -> pd.Series:
    """Cells as clean text, each distinct value converted once (a national base repeats few values)."""
    codigos, unicos = pd.factorize(serie, use_na_sentinel=False)
    limpos = np.array([texto_de(v) for v in unicos], dtype=object)
    return pd.Series(limpos[codigos] if len(unicos) else np.array([], dtype=object), index=serie.index)
