"""Reading one input file into a typed table, by the data contract.

Implements the "Regras de leitura" of ``docs/contrato-de-dados.md`` as declared in :mod:`cras_lib.dados.contrato`:
encoding (UTF-8 with or without BOM, else Windows-1252/Latin-1) and separator (``;`` or ``,``) detected;
headers matched with :func:`contrato.normalizar_nome` against names and aliases; Brazilian or
international numbers; months ``AAAA-MM``, ``AAAAMM``, ``MM/AAAA``; dates ``AAAA-MM-DD``, ``DD/MM/AAAA``;
empty cell = missing (never zero); extra columns kept. Every broken rule becomes a :class:`Problema`
naming the file, the line (header = line 1) and the column as written in the file.

Conversions are vectorised over the *distinct* values of a column (``pd.factorize``): a national RMA has
hundreds of thousands of cells but few distinct values per column, and messages are built only for the
failing rows, at most :data:`LIMITE_POR_COLUNA` per column.
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import re
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
from pandas.api.extensions import ExtensionArray

from cras_lib.dados.contrato import Arquivo, Coluna, ColunasExtras, Regra, normalizar_nome
from cras_lib.erros import Problema

Convertido = tuple[ExtensionArray, dict[int, str]]
"""A converted column of distinct values, and the problem message of each invalid one (by position)."""
Conversor = Callable[[pd.Series, Coluna], Convertido]

LIMITE_POR_COLUNA = 20
"""Problems listed per (file, column); the rest are summed up in one last problem."""

DTYPES = {
    "id_cras": "string",
    "texto": "string",
    "categoria": "string",
    "lista": "string",
    "inteiro": "Int64",
    "numero": "Float64",
    "mes": "period[M]",
    "data": "datetime64[ns]",
    "sim_nao": "boolean",
}

SIM_NAO = {
    "sim": True,
    "s": True,
    "true": True,
    "1": True,
    "nao": False,
    "n": False,
    "false": False,
    "0": False,
}

_MAIOR_INTEIRO_EXATO = 2**53
_BOM_DUPLO = "\ufeff".encode().decode("cp1252").encode("utf-8")  # 'ï»¿' as UTF-8 bytes
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_ESPACOS = r"[\s\u00a0\u202f]+"
_NUMERO_BR = r"[-+]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?"
_NUMERO_INTERNACIONAL = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
_MILHAR = r"[-+]?\d{1,3}(?:\.\d{3})+"
_MES = r"(?P<a1>\d{4})-(?P<m1>\d{1,2})|(?P<a2>\d{4})(?P<m2>\d{2})|(?P<m3>\d{1,2})/(?P<a3>\d{4})"


def _latin1_nos_indefinidos(erro: UnicodeDecodeError) -> tuple[str, int]:
    """Bytes that Windows-1252 leaves undefined (0x81, 0x8D, ...) are read as Latin-1."""
    return erro.object[erro.start : erro.end].decode("latin-1"), erro.end


codecs.register_error("cras_latin1", _latin1_nos_indefinidos)


class _ArquivoIlegivel(Exception):
    """The file cannot be read as a table at all (encoding, structure); one problem for the whole file."""

    def __init__(self, mensagem: str, linha: int | None = None):
        super().__init__(mensagem)
        self.mensagem = mensagem
        self.linha = linha


class _Problemas:
    """Problems of one file, at most LIMITE_POR_COLUNA per column plus one summary per column."""

    def __init__(self, arquivo: str):
        self.arquivo = arquivo
        self._por_coluna: dict[str | None, list[Problema]] = {}
        self._excedentes: dict[str | None, int] = {}

    def adicionar(self, linha: int | None, coluna: str | None, mensagem: str) -> None:
        self.registrar(coluna, np.array([linha]), lambda _: mensagem)

    def registrar(self, coluna: str | None, linhas: np.ndarray, mensagem: Callable[[int], str]) -> None:
        """One problem per line of ``linhas``; ``mensagem(i)`` is asked only for the listed ones."""
        lista = self._por_coluna.setdefault(coluna, [])
        vagas = max(LIMITE_POR_COLUNA - len(lista), 0)
        for i, linha in enumerate(linhas[:vagas]):
            lista.append(Problema(self.arquivo, None if linha is None else int(linha), coluna, mensagem(i)))
        if len(linhas) > vagas:
            self._excedentes[coluna] = self._excedentes.get(coluna, 0) + len(linhas) - vagas

    def lista(self) -> list[Problema]:
        saida: list[Problema] = []
        for coluna, problemas in self._por_coluna.items():
            saida.extend(problemas)
            if n := self._excedentes.get(coluna):
                saida.append(
                    Problema(self.arquivo, None, coluna, f"e mais {n} valores inválidos nesta coluna")
                )
        return saida


def ler_arquivo(caminho: str | Path, arquivo: Arquivo) -> tuple[pd.DataFrame | None, list[Problema]]:
    """Read the CSV file at ``caminho`` as the contract's ``arquivo``; see :func:`ler_bytes`."""
    caminho = Path(caminho)
    return ler_bytes(caminho.read_bytes(), caminho.name, arquivo)


def ler_bytes(conteudo: bytes, nome: str, arquivo: Arquivo) -> tuple[pd.DataFrame | None, list[Problema]]:
    """Turn the bytes of one CSV file into the typed table of the contract's ``arquivo``.

    Returns ``(tabela, problemas)``. ``tabela`` has the contract's columns in contract order (an absent
    optional column is all missing), then the extra columns in file order; rows keep file order, blank
    lines dropped. Invalid cells are missing in ``tabela`` and each is described in ``problemas``
    (``nome`` is the file name used in them). ``tabela`` is ``None`` only when the file cannot be read
    as a table (UTF-16 or binary content, a line with more fields than the header).
    """
    problemas = _Problemas(nome)
    try:
        cabecalho, bruto, linhas = _tabela_bruta(_decodificar(conteudo))
    except _ArquivoIlegivel as erro:
        problemas.adicionar(erro.linha, None, erro.mensagem)
        return None, problemas.lista()
    colunas = _casar_cabecalho(cabecalho, arquivo, bruto, problemas)
    tabela = pd.DataFrame(
        {
            nome_saida: _converter(
                bruto[pos] if pos is not None else None, coluna, escrito, linhas, problemas, arquivo
            )
            for nome_saida, (pos, coluna, escrito) in colunas.items()
        },
        index=pd.RangeIndex(len(bruto)),
    )
    escritos = {nome_saida: escrito for nome_saida, (_, _, escrito) in colunas.items()}
    _verificar_chave(tabela, arquivo, escritos, linhas, problemas)
    for regra in arquivo.regras:
        _verificar_regra(tabela, regra, escritos, linhas, problemas)
    return tabela, problemas.lista()


# --- text and structure -------------------------------------------------------------------------------


def _decodificar(conteudo: bytes) -> str:
    """UTF-8 (BOM optional), else Windows-1252 with Latin-1 for its undefined bytes; UTF-16/binary refused."""
    if conteudo.startswith(b"PK\x03\x04"):
        raise _ArquivoIlegivel("o arquivo parece uma planilha Excel (.xlsx); exporte-o como CSV")
    if conteudo.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in conteudo:
        raise _ArquivoIlegivel(
            "o arquivo contém bytes nulos: parece estar em UTF-16 ou ser binário; "
            "salve-o como CSV em UTF-8 ou Latin-1 (Windows-1252)"
        )
    conteudo = conteudo.removeprefix(codecs.BOM_UTF8)
    if conteudo.startswith(_BOM_DUPLO):
        raise _ArquivoIlegivel(
            "o arquivo começa com 'ï»¿': a marca de UTF-8 (BOM) foi convertida duas vezes (UTF-8 lido como "
            "Latin-1 e salvo de novo); abra o arquivo original e salve-o uma vez como CSV em UTF-8",
            1,
        )
    try:
        return conteudo.decode("utf-8")
    except UnicodeDecodeError as erro:
        # the whole file decides: valid UTF-8 sequences beside stray bytes is a file saved in two encodings,
        # which would be published with mojibake if read as Windows-1252
        if _UTF8_MULTIBYTE.search(conteudo):
            linha = conteudo.count(b"\n", 0, erro.start) + 1
            byte = conteudo[erro.start]
            raise _ArquivoIlegivel(
                f"o arquivo está em UTF-8, mas tem o byte 0x{byte:02X} ('{bytes([byte]).decode('cp1252', 'replace')}' "
                "em Latin-1), que não é UTF-8: parte do arquivo foi salva em outra codificação; corrija o "
                "caractere e salve o arquivo inteiro como CSV em UTF-8",
                linha,
            ) from None
        return conteudo.decode("cp1252", errors="cras_latin1")


def _separador(linha_cabecalho: str) -> str:
    """``;`` or ``,``: the one found more often in the header line, outside quotes (``,`` on a tie)."""
    fora_de_aspas = re.sub(r'"[^"]*"', "", linha_cabecalho)
    return ";" if fora_de_aspas.count(";") > fora_de_aspas.count(",") else ","


def _tabela_bruta(texto: str) -> tuple[list[str], pd.DataFrame, np.ndarray]:
    """Header cells, the cells as text (columns 0..n-1, blank lines dropped) and each row's file line."""
    if "\r" in texto and "\n" not in texto:
        texto = texto.replace("\r", "\n")
    primeira_linha = texto.split("\n", 1)[0].rstrip("\r")
    if not primeira_linha.strip():
        raise _ArquivoIlegivel("o arquivo está vazio ou a primeira linha (cabeçalho) está em branco", 1)
    sep = _separador(primeira_linha)
    cabecalho = next(csv.reader([primeira_linha], delimiter=sep))
    try:
        bruto = pd.read_csv(
            io.StringIO(texto),
            sep=sep,
            header=0,
            names=list(range(len(cabecalho))),
            dtype=str,
            na_filter=False,
            skip_blank_lines=False,
            index_col=False,
            engine="c",
        )
    except pd.errors.ParserError as erro:
        achado = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(erro))
        if achado is None:
            raise _ArquivoIlegivel(f"não foi possível ler o arquivo como CSV ({erro})") from erro
        esperado, linha, visto = (int(g) for g in achado.groups())
        raise _ArquivoIlegivel(
            f"a linha tem {visto} campos, mas o cabeçalho tem {esperado} "
            f"(separador '{sep}' dentro de um valor sem aspas?)",
            linha,
        ) from erro
    linhas = _linhas_no_arquivo(texto, sep, len(bruto))
    em_branco = (bruto[0] == "").to_numpy(copy=True)
    if em_branco.any():
        em_branco[em_branco] = (bruto.loc[em_branco] == "").all(axis=1).to_numpy()
        bruto, linhas = bruto.loc[~em_branco].reset_index(drop=True), linhas[~em_branco]
    return [c.strip().lstrip("\ufeff").strip() for c in cabecalho], bruto, linhas


def _linhas_no_arquivo(texto: str, sep: str, n_registros: int) -> np.ndarray:
    """File line where each record starts (header = 1); exact also when quoted values span lines."""
    total = texto.count("\n") + (0 if texto.endswith("\n") else 1)
    if total == n_registros + 1:
        return np.arange(2, n_registros + 2)
    leitor = csv.reader(io.StringIO(texto, newline=""), delimiter=sep)
    inicios, fim_anterior = [], 0
    for _ in leitor:
        inicios.append(fim_anterior + 1)
        fim_anterior = leitor.line_num
    inicios = inicios[1:]
    return np.array(inicios) if len(inicios) == n_registros else np.arange(2, n_registros + 2)


# --- header -------------------------------------------------------------------------------------------


def _casar_cabecalho(
    cabecalho: list[str], arquivo: Arquivo, bruto: pd.DataFrame, problemas: _Problemas
) -> dict[str, tuple[int | None, Coluna, str]]:
    """Output name -> (position in the file or None when absent, column declaration, header as written)."""
    por_chave: dict[str, list[Coluna]] = {}
    for coluna in arquivo.colunas:
        for chave in coluna.chaves:
            por_chave.setdefault(chave, []).append(coluna)
    achadas: dict[str, tuple[int, Coluna, str]] = {}
    extras: dict[str, tuple[int, Coluna, str]] = {}
    for pos, escrito in enumerate(cabecalho):
        chave = normalizar_nome(escrito)
        candidatas = por_chave.get(chave, [])
        if len(candidatas) > 1:
            nomes = " e ".join(f"'{c.nome}'" for c in candidatas)
            problemas.adicionar(
                1, escrito, f"o cabeçalho '{escrito}' corresponde a mais de uma coluna: {nomes}"
            )
            continue
        if candidatas:
            destino, nome_saida, coluna = achadas, candidatas[0].nome, candidatas[0]
        elif escrito or (bruto[pos] != "").any():
            destino, nome_saida, coluna = extras, *_coluna_extra(escrito, chave, pos, arquivo.extras)
        else:
            continue  # nameless empty column, e.g. a trailing separator on every line
        if nome_saida in achadas or nome_saida in extras:
            anterior = (achadas | extras)[nome_saida][2]
            problemas.adicionar(
                1,
                escrito,
                f"a coluna '{nome_saida}' aparece duas vezes no cabeçalho ('{anterior}' e '{escrito}')",
            )
            continue
        destino[nome_saida] = (pos, coluna, escrito)
    saida: dict[str, tuple[int | None, Coluna, str]] = {}
    for coluna in arquivo.colunas:
        if coluna.nome in achadas:
            saida[coluna.nome] = achadas[coluna.nome]
            continue
        saida[coluna.nome] = (None, coluna, coluna.nome)
        if coluna.obrigatoria:
            aceitos = "" if not coluna.aliases else f" (também aceita: {', '.join(coluna.aliases)})"
            problemas.adicionar(
                1, coluna.nome, f"coluna obrigatória '{coluna.nome}' ausente do cabeçalho{aceitos}"
            )
    return saida | extras


def _coluna_extra(
    escrito: str, chave: str, pos: int, padroes: tuple[ColunasExtras, ...]
) -> tuple[str, Coluna]:
    """An extra column: typed and named by its normalised header when it follows a pattern, else text."""
    for padrao in padroes:
        if re.search(padrao.padrao, chave):
            return chave, Coluna(chave, padrao.tipo, obrigatoria=False)
    nome = escrito or f"coluna_{pos + 1}"
    return nome, Coluna(nome, "texto", obrigatoria=False)


# --- values -------------------------------------------------------------------------------------------


def _converter(
    bruto: pd.Series | None,
    coluna: Coluna,
    escrito: str,
    linhas: np.ndarray,
    problemas: _Problemas,
    arquivo: Arquivo,
) -> ExtensionArray:
    """Typed column (the array of the table's column): each distinct value converted once, failing rows reported
    with their line."""
    if bruto is None:
        return pd.array([pd.NA] * len(linhas), dtype=DTYPES[coluna.tipo])
    codigos, unicos = pd.factorize(bruto.to_numpy())
    valores = pd.Series([v.strip() for v in unicos], dtype=object)  # every cell is text (read_csv dtype=str)
    convertidos, motivos = _CONVERSORES[coluna.tipo](valores, coluna)
    if coluna.tipo == "id_cras" or coluna.nome in arquivo.chave:
        vazio = (
            "o código do CRAS está vazio" if coluna.tipo == "id_cras" else "valor vazio em coluna da chave"
        )
        motivos.update({int(i): vazio for i in np.flatnonzero(valores.to_numpy() == "")})
    if motivos:
        ruins = np.zeros(len(unicos), dtype=bool)
        ruins[list(motivos)] = True
        posicoes = np.flatnonzero(ruins[codigos])
        problemas.registrar(escrito, linhas[posicoes], lambda i: motivos[int(codigos[posicoes[i]])])
    return convertidos.take(codigos)


def _motivos(invalidos: pd.Series, brutos: pd.Series, modelo: str) -> dict[int, str]:
    """Message per invalid distinct value; ``modelo`` is formatted with the value as written ({v})."""
    return {int(i): modelo.format(v=brutos.iloc[i]) for i in np.flatnonzero(invalidos.to_numpy(dtype=bool))}


def _texto(valores: pd.Series, coluna: Coluna) -> Convertido:
    return pd.array(valores.mask(valores == ""), dtype="string"), {}


def _id_cras(valores: pd.Series, coluna: Coluna) -> Convertido:
    """11-digit CRAS code kept as text: leading zeros matter, spaces inside are dropped."""
    codigo = valores.str.replace(_ESPACOS, "", regex=True)
    valido = codigo.str.fullmatch(r"[0-9]{11}")  # ASCII digits only (\d also takes other scripts' digits)
    motivos = {}
    for i in np.flatnonzero(~valido.to_numpy(dtype=bool) & (valores != "").to_numpy()):
        v = codigo.iloc[i]
        motivo = f"código do CRAS '{valores.iloc[i]}' inválido: deve ter exatamente 11 dígitos"
        if re.fullmatch(r"\d{11}", v):
            motivo += (
                " com algarismos de 0 a 9 (há dígitos de outro sistema de escrita, como os de largura total)"
            )
        elif re.fullmatch(r"[\d.,]+[eE][-+]?\d+", v):
            motivo += " (o Excel o converteu para notação científica; formate a coluna como texto)"
        elif v.isdigit():
            motivo += f", tem {len(v)} (zeros à esquerda perdidos?)"
        motivos[int(i)] = motivo
    return pd.array(codigo.where(valido), dtype="string"), motivos


def _numero(valores: pd.Series, coluna: Coluna) -> Convertido:
    """Brazilian (``1.234,5``) or international (``1234.5``) numbers: one rule for every column, decided per
    column from all its values (``docs/numeros-e-codificacao.md``).

    A comma anywhere makes the column Brazilian (dot = thousands). Otherwise, when every dotted value looks
    like ``1.234`` or ``12.345.678`` (a dot followed by exactly three digits), the dots are thousands separators
    in an integer column, or when some value has two dots or more (``1.012.006``); in a decimal column whose only
    dotted values are like ``977.862`` nothing decides the style, and those cells are an error naming the column
    and two examples. Any other dotted value (``2.5``) makes the column international.
    """
    if all(isinstance(v, str) and (v.isascii() and v.isdigit() or not v) for v in valores):
        return _so_algarismos(valores, coluna)
    limpo, valido, ambiguos = _estilo(valores, coluna)
    preenchido = limpo != ""
    numeros = pd.to_numeric(limpo.where(valido & preenchido), errors="coerce").astype(float)
    inteiro = coluna.tipo == "inteiro"
    motivos = _motivos(
        preenchido & ~valido & ~ambiguos,
        valores,
        "valor '{v}' não é um número" + (" inteiro" if inteiro else ""),
    )
    if ambiguos.any():
        exemplos = " e ".join(f"'{v}'" for v in valores[ambiguos].head(2))
        motivos |= _motivos(
            ambiguos,
            valores,
            "não dá para saber o estilo dos números desta coluna: '{v}' pode ser decimal (ponto) ou milhar (estilo "
            f"brasileiro); nenhum valor decide (exemplos: {exemplos}); use vírgula decimal (977,86) ou escreva sem "
            "separador de milhar (977862)",
        )
    if inteiro:
        fracionario = (numeros % 1 != 0) | (numeros.abs() >= _MAIOR_INTEIRO_EXATO)
        motivos |= _motivos(fracionario & numeros.notna(), valores, "valor '{v}' não é um número inteiro")
    minimo, maximo = coluna.limite_inferior, coluna.maximo
    if minimo is not None:
        if minimo == 0:
            modelo = "contagem negativa: '{v}'" if inteiro else "valor negativo não permitido: '{v}'"
        else:
            modelo = f"valor '{{v}}' abaixo do mínimo permitido ({_formatar(minimo)})"
        motivos |= _motivos(numeros < minimo, valores, modelo)
    if maximo is not None:
        motivos |= _motivos(
            numeros > maximo, valores, f"valor '{{v}}' acima do máximo permitido ({_formatar(maximo)})"
        )
    numeros[list(motivos)] = np.nan
    if inteiro:
        return pd.array(numeros, dtype="Float64").astype("Int64"), motivos
    return pd.array(numeros, dtype="Float64"), motivos


def _so_algarismos(valores: pd.Series, coluna: Coluna) -> Convertido:
    """:func:`_numero` of a column of plain digits (the usual counts: no style to decide, nothing that is not a
    number), in one Python pass over the values instead of one pandas operation per rule; same values, same
    messages, each limit checked in the same order (a later rule's message replaces an earlier one's)."""
    inteiro = coluna.tipo == "inteiro"
    numeros = [float(v) if v else math.nan for v in valores]
    minimo, maximo = coluna.limite_inferior, coluna.maximo
    motivos: dict[int, str] = {}
    for i, (v, x) in enumerate(zip(valores, numeros, strict=True)):
        if inteiro and x >= _MAIOR_INTEIRO_EXATO:
            motivos[i] = f"valor '{v}' não é um número inteiro"
        if minimo is not None and x < minimo:  # only a positive minimum: digits are never negative
            motivos[i] = f"valor '{v}' abaixo do mínimo permitido ({_formatar(minimo)})"
        if maximo is not None and x > maximo:
            motivos[i] = f"valor '{v}' acima do máximo permitido ({_formatar(maximo)})"
    for i in motivos:
        numeros[i] = math.nan
    array = pd.array(np.array(numeros, dtype=float), dtype="Float64")
    return (array.astype("Int64") if inteiro else array), motivos


def _estilo(valores: pd.Series, coluna: Coluna) -> tuple[pd.Series, pd.Series, pd.Series]:
    """The column's number style (see :func:`_numero`): the values without spaces, currency sign and
    thousands separators, with a decimal point; which are valid; which are ambiguous."""
    ambiguos = pd.Series(False, index=valores.index)
    limpo = valores.str.replace(_ESPACOS, "", regex=True)
    if coluna.tipo == "numero":
        limpo = limpo.str.replace(r"^([-+]?)R\$", r"\1", regex=True)
    if limpo.str.contains(",", regex=False).any():
        valido = limpo.str.fullmatch(_NUMERO_BR)
        limpo = limpo.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    else:
        com_ponto = limpo.str.contains(".", regex=False)
        milhar = com_ponto.any() and limpo[com_ponto].str.fullmatch(_MILHAR).all()
        varios_pontos = limpo[com_ponto].str.count(r"\.").gt(1).any()
        if milhar and (coluna.tipo == "inteiro" or varios_pontos):
            limpo = limpo.str.replace(".", "", regex=False)  # Brazilian style without cents: 1.012.006
        elif milhar:
            # every dotted value is like 977.862 and nothing else in the column tells the style apart:
            # 977,862 or 977862? Refused rather than guessed (docs/numeros-e-codificacao.md)
            ambiguos = com_ponto
        valido = limpo.str.fullmatch(_NUMERO_INTERNACIONAL) & ~ambiguos
    return limpo, valido, ambiguos


def _formatar(limite: float) -> str:
    return str(int(limite)) if float(limite).is_integer() else str(limite).replace(".", ",")


def _mes(valores: pd.Series, coluna: Coluna) -> Convertido:
    """Month ``AAAA-MM``, ``AAAAMM``, ``MM/AAAA`` or ``M/AAAA`` -> Period[M]."""
    partes = valores.str.extract(f"^(?:{_MES})$")
    ano = pd.to_numeric(partes["a1"].fillna(partes["a2"]).fillna(partes["a3"]), errors="coerce")
    mes = pd.to_numeric(partes["m1"].fillna(partes["m2"]).fillna(partes["m3"]), errors="coerce")
    valido = ano.between(1900, 2200) & mes.between(1, 12)
    ordinais = ((ano - 1970) * 12 + mes - 1).where(valido)
    periodos = np.where(valido, ordinais.fillna(0).astype(np.int64), np.iinfo(np.int64).min)
    motivos = _motivos(
        ~valido & (valores != ""),
        valores,
        "mês '{v}' inválido (formatos aceitos: AAAA-MM, AAAAMM ou MM/AAAA)",
    )
    return pd.arrays.PeriodArray(periodos, dtype=pd.PeriodDtype("M")), motivos


def _data(valores: pd.Series, coluna: Coluna) -> Convertido:
    """Date ``AAAA-MM-DD`` or ``DD/MM/AAAA`` -> datetime64[ns]; impossible dates (31/02) are invalid."""
    datas = pd.Series(pd.NaT, index=valores.index, dtype="datetime64[ns]")
    for padrao, formato in ((r"\d{4}-\d{2}-\d{2}", "%Y-%m-%d"), (r"\d{1,2}/\d{1,2}/\d{4}", "%d/%m/%Y")):
        casa = valores.str.fullmatch(padrao)
        if casa.any():
            datas[casa] = pd.to_datetime(valores[casa], format=formato, errors="coerce").astype(
                "datetime64[ns]"
            )
    motivos = _motivos(
        datas.isna() & (valores != ""),
        valores,
        "data '{v}' inválida (formatos aceitos: AAAA-MM-DD ou DD/MM/AAAA)",
    )
    return datas.array, motivos


def _categoria(valores: pd.Series, coluna: Coluna) -> Convertido:
    """One code of ``coluna.valores``, matched ignoring case, accents, spaces, hyphens and underscores."""
    canonicos = _codigos_canonicos(coluna)
    codigos = valores.map(lambda v: canonicos.get(normalizar_nome(v)))
    aceitos = ", ".join(coluna.valores)
    motivos = _motivos(
        codigos.isna() & (valores != ""), valores, f"valor '{{v}}' não aceito (aceitos: {aceitos})"
    )
    return pd.array(codigos, dtype="string"), motivos


def _lista(valores: pd.Series, coluna: Coluna) -> Convertido:
    """Codes separated by ``|`` -> canonical codes in contract order joined by ``|``; empty -> missing."""
    canonicos, ordem = _codigos_canonicos(coluna), {v: i for i, v in enumerate(coluna.valores)}
    aceitos = ", ".join(coluna.valores)
    saida, motivos = [], {}
    for i, valor in enumerate(valores):
        itens = [item for item in (parte.strip() for parte in valor.split("|")) if item]
        codigos = {item: canonicos.get(normalizar_nome(item)) for item in itens}
        desconhecidos = [item for item, codigo in codigos.items() if codigo is None]
        if desconhecidos:
            motivos[i] = f"código '{desconhecidos[0]}' não aceito em '{valor}' (aceitos: {aceitos})"
        ordenados = sorted(set(codigos.values()) - {None}, key=ordem.__getitem__)
        saida.append("|".join(ordenados) if ordenados and not desconhecidos else None)
    return pd.array(saida, dtype="string"), motivos


def _sim_nao(valores: pd.Series, coluna: Coluna) -> Convertido:
    respostas = valores.map(lambda v: SIM_NAO.get(normalizar_nome(v)))
    motivos = _motivos(respostas.isna() & (valores != ""), valores, "valor '{v}' não é sim ou não")
    return pd.array(respostas, dtype="boolean"), motivos


def _codigos_canonicos(coluna: Coluna) -> dict[str, str]:
    """Matching key of each accepted code (see contrato.normalizar_nome) -> the canonical code."""
    return {normalizar_nome(v): v for v in coluna.valores}


_CONVERSORES: dict[str, Conversor] = {
    "id_cras": _id_cras,
    "texto": _texto,
    "inteiro": _numero,
    "numero": _numero,
    "mes": _mes,
    "data": _data,
    "categoria": _categoria,
    "lista": _lista,
    "sim_nao": _sim_nao,
}


# --- whole-table checks -------------------------------------------------------------------------------


def _verificar_chave(
    tabela: pd.DataFrame,
    arquivo: Arquivo,
    escritos: dict[str, str],
    linhas: np.ndarray,
    problemas: _Problemas,
) -> None:
    """A key (e.g. id_cras + mes_referencia in the RMA) appears once; a repetition names both lines."""
    if not arquivo.chave:
        return
    chave = list(arquivo.chave)
    completa = tabela[chave].notna().all(axis=1).to_numpy()
    valores = tabela.loc[completa, chave].reset_index(drop=True)
    repetida = valores.duplicated(keep="first").to_numpy()
    if not repetida.any():
        return
    linhas_validas = linhas[completa]
    primeira = (
        pd.Series(linhas_validas)
        .groupby([valores[c] for c in chave], sort=False)
        .transform("first")
        .to_numpy()
    )
    posicoes = np.flatnonzero(repetida)

    def mensagem(i: int) -> str:
        p = posicoes[i]
        descricao = ", ".join(f"{c} {valores[c].iloc[p]}" for c in chave)
        return f"chave repetida ({descricao}): a mesma chave já aparece na linha {primeira[p]}"

    problemas.registrar(" + ".join(escritos[c] for c in chave), linhas_validas[posicoes], mensagem)


def _verificar_regra(
    tabela: pd.DataFrame, regra: Regra, escritos: dict[str, str], linhas: np.ndarray, problemas: _Problemas
) -> None:
    """Cross-column rule ``menor <= maior`` (e.g. presencas <= encontros_previstos) on complete rows."""
    menor, maior = tabela[regra.menor], tabela[regra.maior]
    posicoes = np.flatnonzero((menor > maior).fillna(False).to_numpy(dtype=bool))

    def mensagem(i: int) -> str:
        p = posicoes[i]
        return f"{regra.menor} ({menor.iloc[p]}) maior que {regra.maior} ({maior.iloc[p]})"

    problemas.registrar(escritos[regra.menor], linhas[posicoes], mensagem)
