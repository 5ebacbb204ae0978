"""Importer of the published IDCRAS spreadsheet (MDS/SAGI, ``IDCRAS_<ano>.xlsx``) into ``idcras_publicado.csv``.

Layout (docs/idcras.md, "Importação"): title rows (6 in recent editions) before the header; columns
``Nº IDENTIFICADOR do CRAS``, ``Código IBGE``, ``Porte`` (coded 1–5 in 2023), ``Estrutura Física``,
``Recursos Humanos``, ``Serviços `` (with a trailing space), ``IDCRAS``. Older editions name the columns
differently, so every column is matched by normalised alias (:func:`cras_lib.dados.contrato.normalizar_nome`)
and the header row is searched among the first rows instead of assumed. Read with python-calamine.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
from python_calamine import CalamineWorkbook

from cras_lib.dados.contrato import IDCRAS_PUBLICADO, normalizar_nome
from cras_lib.dados.leitura import ler_arquivo
from cras_lib.erros import DadosInvalidos, Problema

LINHAS_PROCURADAS = 30
"""The header is looked for among the first rows of each sheet (the 2023 edition has it on row 7)."""

APELIDOS: dict[str, tuple[str, ...]] = {
    "id_cras": (
        "Nº IDENTIFICADOR do CRAS",
        "N° IDENTIFICADOR do CRAS",
        "Número identificador do CRAS",
        "IDENTIFICADOR do CRAS",
        "NU_IDENTIFICADOR",
        "Identificador",
        "Código do CRAS",
        "Cod CRAS",
    ),
    "codigo_ibge": ("Código IBGE", "Cód. IBGE", "IBGE", "IBGE7", "Código do município"),
    "porte": ("Porte", "Porte populacional", "Porte do município"),
    "estrutura_fisica": ("Estrutura Física", "Estrutura", "Dimensão Estrutura Física", "ID Estrutura Física"),
    "recursos_humanos": ("Recursos Humanos", "RH", "Dimensão Recursos Humanos", "ID Recursos Humanos"),
    "servicos_beneficios": (
        "Serviços",
        "Serviços e Benefícios",
        "Serviços/Benefícios",
        "Dimensão Serviços e Benefícios",
        "ID Serviços",
    ),
    "valor_idcras": ("IDCRAS", "ID CRAS Final", "Indicador de Desenvolvimento do CRAS", "IDCRAS médio"),
}
_CHAVES = {normalizar_nome(a): campo for campo, apelidos in APELIDOS.items() for a in apelidos}
_IDCRAS_COM_ANO = re.compile(r"^idcras(19|20)\d\d$")  # "IDCRAS 2019"
DIMENSOES = ("estrutura_fisica", "recursos_humanos", "servicos_beneficios")


def _campo(cabecalho) -> str | None:
    chave = normalizar_nome(str(cabecalho))
    if chave in _CHAVES:
        return _CHAVES[chave]
    return "valor_idcras" if _IDCRAS_COM_ANO.match(chave) else None


def _ano_do_arquivo(caminho: Path, titulos: Iterable[Iterable]) -> int | None:
    """The year in the file name (``IDCRAS_2023.xlsx``), else the first year written in the title rows."""
    achado = re.search(r"(19|20)\d\d", caminho.stem)
    if achado:
        return int(achado.group(0))
    for linha in titulos:
        for celula in linha:
            achado = re.search(r"\b(19|20)\d\d\b", str(celula))
            if achado:
                return int(achado.group(0))
    return None


def _cabecalho(linhas: list[list]) -> tuple[int, dict[int, str]] | None:
    """(row index, position -> field) of the first row that names the CRAS id and a dimension."""
    for i, linha in enumerate(linhas[:LINHAS_PROCURADAS]):
        campos = {pos: c for pos, celula in enumerate(linha) if (c := _campo(celula))}
        if "id_cras" in campos.values() and set(DIMENSOES) & set(campos.values()):
            return i, campos
    return None


def _texto(valor) -> str:
    if isinstance(valor, float) and valor.is_integer():
        return str(int(valor))
    return str(valor).strip()


def _numero(valor) -> float | None:
    if valor is None or (isinstance(valor, str) and not valor.strip()):
        return None
    if isinstance(valor, int | float):
        return float(valor)
    texto = str(valor).strip().replace(".", "").replace(",", ".") if "," in str(valor) else str(valor).strip()
    return float(texto)


def ler_idcras_publicado(
    caminho: str | Path, *, ano: int | None = None, municipio_ibge: str | None = None
) -> pd.DataFrame:
    """The published IDCRAS of ``caminho`` as a table of ``idcras_publicado.csv`` (contract columns).

    ``ano``: the year of the edition (default: from the file name or the title rows). ``municipio_ibge``
    (6 or 7 digits) keeps only the CRAS of that municipality (the first 6 digits of the CRAS code).
    Raises :class:`DadosInvalidos` naming the file, the spreadsheet row and the column of every problem.
    """
    caminho = Path(caminho)
    nome = caminho.name
    try:
        livro = CalamineWorkbook.from_path(str(caminho))
    except Exception as erro:  # calamine raises its own types for every broken file
        raise DadosInvalidos(
            [Problema(nome, None, None, f"não foi possível ler a planilha ({erro})")]
        ) from None
    for folha in livro.sheet_names:
        linhas = livro.get_sheet_by_name(folha).to_python(skip_empty_area=False)
        achado = _cabecalho(linhas)
        if achado is not None:
            break
    else:
        esperado = ", ".join(f"'{a}'" for a in (APELIDOS["id_cras"][0], "Estrutura Física", "IDCRAS"))
        raise DadosInvalidos(
            [
                Problema(
                    nome,
                    None,
                    None,
                    f"cabeçalho do IDCRAS não encontrado nas primeiras {LINHAS_PROCURADAS} linhas de nenhuma "
                    f"aba (colunas esperadas: {esperado})",
                )
            ]
        )
    indice, campos = achado
    ano = ano if ano is not None else _ano_do_arquivo(caminho, linhas[:indice])
    if ano is None:
        raise DadosInvalidos(
            [
                Problema(
                    nome,
                    None,
                    None,
                    "ano do IDCRAS não encontrado no nome do arquivo nem no título: informe-o",
                )
            ]
        )
    escritos = {c: str(linhas[indice][p]).strip() for p, c in campos.items()}
    prefixo = None if municipio_ibge is None else re.sub(r"\D", "", str(municipio_ibge))[:6]
    problemas: list[Problema] = []
    registros = []
    for n, linha in enumerate(linhas[indice + 1 :], start=indice + 2):  # spreadsheet rows are 1-based
        valores = {c: linha[p] if p < len(linha) else "" for p, c in campos.items()}
        escrito_id = _texto(valores["id_cras"])
        codigo = re.sub(r"\D", "", escrito_id)
        if not codigo or re.search(r"[^\W\d_]", escrito_id):
            continue  # blank, footnote ("Fonte: ...") or total rows
        if len(codigo) != 11:
            problemas.append(
                Problema(
                    nome, n, escritos["id_cras"], f"código do CRAS '{_texto(valores['id_cras'])}' inválido"
                )
            )
            continue
        if prefixo and not codigo.startswith(prefixo):
            continue
        registro: dict[str, object] = {"id_cras": codigo, "ano": ano}
        for campo in (*DIMENSOES, "valor_idcras"):
            if campo not in valores:
                registro[campo] = None
                continue
            try:
                numero = _numero(valores[campo])
            except ValueError:
                numero, motivo = None, f"valor '{valores[campo]}' não é um número"
            else:
                motivo = None
                if numero is not None and not 1 <= numero <= 5:
                    motivo = f"valor '{_texto(valores[campo])}' fora de 1 a 5"
                elif numero is not None and campo in DIMENSOES and not numero.is_integer():
                    motivo = f"nível '{_texto(valores[campo])}' não é inteiro"
            if motivo:
                problemas.append(Problema(nome, n, escritos[campo], motivo))
                numero = None
            registro[campo] = numero
        registros.append(registro)
    if problemas:
        raise DadosInvalidos(problemas)
    return _tabela(registros)


def _tabela(registros: list[dict]) -> pd.DataFrame:
    colunas = [c.nome for c in IDCRAS_PUBLICADO.colunas]
    tabela = pd.DataFrame(registros, columns=colunas)
    tabela["id_cras"] = tabela["id_cras"].astype("string")
    for c in ("ano", *DIMENSOES):
        tabela[c] = pd.array(tabela[c], dtype="Float64").astype("Int64")
    tabela["valor_idcras"] = pd.array(tabela["valor_idcras"], dtype="Float64")
    return tabela


def gravar_idcras_publicado(tabela: pd.DataFrame, pasta: str | Path, *, juntar: bool = True) -> Path:
    """Write ``tabela`` as ``pasta/idcras_publicado.csv`` (``;``, decimal comma, UTF-8). With ``juntar``, the
    years already in the file are kept and the years of ``tabela`` replace theirs."""
    destino = Path(pasta) / IDCRAS_PUBLICADO.nome
    if juntar and destino.exists():
        anterior, problemas = ler_arquivo(destino, IDCRAS_PUBLICADO)
        if problemas:
            raise DadosInvalidos(problemas)
        anterior = anterior[[c.nome for c in IDCRAS_PUBLICADO.colunas]]
        anterior = anterior[~anterior["ano"].isin(tabela["ano"].dropna().unique())]
        tabela = pd.concat([anterior, tabela], ignore_index=True)
    tabela = tabela.sort_values(["id_cras", "ano"], ignore_index=True)
    saida = tabela.copy()
    saida["valor_idcras"] = [
        "" if pd.isna(v) else f"{float(v):.2f}".replace(".", ",") for v in tabela["valor_idcras"]
    ]
    saida.to_csv(destino, sep=";", index=False, encoding="utf-8", lineterminator="\n")
    return destino
