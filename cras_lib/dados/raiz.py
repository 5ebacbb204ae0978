"""A multi-municipality root: ``RAIZ/municipios.csv`` plus one contract folder ``RAIZ/<ibge>/`` per municipality.

``cras importar --uf UF`` / ``--todos`` writes this layout; ``cras run --dados RAIZ`` recognises it by the
presence of ``municipios.csv`` and runs every municipality listed there. The table has the columns ``ibge``
(7-digit IBGE code, also the folder name), ``nome``, ``uf`` (two letters), ``porte`` and ``populacao`` (the last
two may be empty). Same file conventions as the contract: UTF-8 (a BOM is tolerated), ``;`` or ``,`` separator,
header on line 1. Every problem is reported at once, naming file, line and column (``DadosInvalidos``).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from cras_lib.erros import DadosInvalidos, Problema

ARQUIVO = "municipios.csv"
COLUNAS = ("ibge", "nome", "uf", "porte", "populacao")
OBRIGATORIAS = ("ibge", "nome", "uf")
_IBGE = re.compile(r"\d{7}")
_UF = re.compile(r"[A-Z]{2}")


@dataclass(frozen=True)
class MunicipioDaRaiz:
    """One row of ``municipios.csv``; ``pasta`` is ``RAIZ/<ibge>``."""

    ibge: str
    nome: str
    uf: str
    porte: str | None
    populacao: int | None
    pasta: Path


def e_raiz(pasta: str | Path) -> bool:
    """Whether ``pasta`` is a multi-municipality root (it holds ``municipios.csv``)."""
    return (Path(pasta) / ARQUIVO).is_file()


def ler_municipios(raiz: str | Path) -> list[MunicipioDaRaiz]:
    """The municipalities of ``raiz``, in file order; raises ``DadosInvalidos`` listing every problem."""
    raiz = Path(raiz)
    caminho = raiz / ARQUIVO
    nome_arquivo = str(caminho)
    try:
        texto = caminho.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DadosInvalidos([Problema(nome_arquivo, None, None, "o arquivo não está em UTF-8")]) from None
    linhas = texto.splitlines()
    if not linhas or not linhas[0].strip():
        raise DadosInvalidos([Problema(nome_arquivo, None, None, "o arquivo está vazio (falta o cabeçalho)")])
    separador = ";" if linhas[0].count(";") >= linhas[0].count(",") else ","
    leitor = csv.reader(io.StringIO(texto), delimiter=separador)
    cabecalho = [c.strip().lower() for c in next(leitor)]
    faltam = [c for c in OBRIGATORIAS if c not in cabecalho]
    if faltam:
        raise DadosInvalidos(
            [Problema(nome_arquivo, 1, c, "coluna obrigatória ausente no cabeçalho") for c in faltam]
        )
    posicao = {c: cabecalho.index(c) for c in COLUNAS if c in cabecalho}
    problemas: list[Problema] = []
    municipios: list[MunicipioDaRaiz] = []
    vistos: dict[str, int] = {}
    for numero, campos in enumerate(leitor, start=2):
        if not any(c.strip() for c in campos):
            continue
        valor = {c: (campos[i].strip() if i < len(campos) else "") for c, i in posicao.items()}
        erros_linha = len(problemas)
        ibge, nome, uf = valor["ibge"], valor["nome"], valor["uf"].upper()
        if not _IBGE.fullmatch(ibge):
            problemas.append(
                Problema(nome_arquivo, numero, "ibge", f"código IBGE deve ter 7 dígitos: {ibge!r}")
            )
        elif ibge in vistos:
            problemas.append(
                Problema(nome_arquivo, numero, "ibge", f"código {ibge} repetido (já na linha {vistos[ibge]})")
            )
        if not nome:
            problemas.append(Problema(nome_arquivo, numero, "nome", "nome do município vazio"))
        if not _UF.fullmatch(uf):
            problemas.append(Problema(nome_arquivo, numero, "uf", f"UF deve ter duas letras: {uf!r}"))
        populacao = None
        if valor.get("populacao"):
            bruto = valor["populacao"].replace(".", "").replace(" ", "")
            if bruto.isdigit():
                populacao = int(bruto)
            else:
                problemas.append(
                    Problema(
                        nome_arquivo, numero, "populacao", f"população deve ser um número inteiro: {bruto!r}"
                    )
                )
        if len(problemas) > erros_linha:
            continue
        vistos[ibge] = numero
        if not (raiz / ibge).is_dir():
            problemas.append(
                Problema(nome_arquivo, numero, "ibge", f"a pasta do município não existe: {raiz / ibge}")
            )
            continue
        municipios.append(
            MunicipioDaRaiz(ibge, nome, uf, valor.get("porte") or None, populacao, (raiz / ibge).resolve())
        )
    if problemas:
        raise DadosInvalidos(problemas)
    if not municipios:
        raise DadosInvalidos([Problema(nome_arquivo, None, None, "nenhum município listado")])
    return municipios
