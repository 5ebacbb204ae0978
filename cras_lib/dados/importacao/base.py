"""What every reader of an official layout returns (:class:`Leitura`), which municipalities an import keeps
(:class:`Selecao`) and the header look-ups the readers share."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from cras_lib.dados.contrato import normalizar_nome
from cras_lib.dados.importacao import valores
from cras_lib.dados.importacao.fontes import Tabela, chave, texto, texto_de
from cras_lib.dados.importacao.valores import Problemas
from cras_lib.erros import Problema

COLUNAS_MUNICIPIO = ("municipio", "ibge7", "nome", "uf", "porte")
MOTIVO_OUTRO_MUNICIPIO = "de outro município"


@dataclass(frozen=True)
class Selecao:
    """The municipalities an import keeps: one (6-digit code), every one of a state, or all."""

    municipio: str | None = None
    uf: str | None = None

    def mascara(self, municipios: pd.Series) -> np.ndarray:
        codigos = municipios.astype("string")
        if self.municipio is not None:
            return (codigos == self.municipio).fillna(False).to_numpy(dtype=bool)
        if self.uf is not None:
            prefixo = valores.CODIGO_POR_UF[self.uf]
            return codigos.str.startswith(prefixo).fillna(False).to_numpy(dtype=bool)
        return codigos.notna().to_numpy(dtype=bool)


@dataclass(frozen=True)
class NaoMapeado:
    """Codes of a Censo column that have no value of their own in the contract, and what they became."""

    coluna: str  # contract column (funcao, profissao, escolaridade, vinculo, horas_semanais_faixa)
    codigo: str  # as written in the file
    destino: str  # contract value given, or "" (left missing)
    quantidade: int


@dataclass
class Leitura:
    """One table of one official file, read: the rows of the selected municipalities, typed, and what happened.

    ``dados`` has a ``municipio`` column (6-digit code) and the contract columns this layout feeds;
    ``municipios`` one row per municipality seen (``COLUNAS_MUNICIPIO``, missing when the file does not say);
    ``edicao`` orders files of one layout for precedence (higher = newer); ``encontrados`` every municipality
    code of the file, kept or not (for the message when the asked one is absent).
    """

    arquivo: str
    planilha: str | None
    layout: str
    destino: str
    dados: pd.DataFrame
    lidas: int
    descartadas: dict[str, int] = field(default_factory=dict)
    municipios: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(COLUNAS_MUNICIPIO)))
    edicao: tuple = ()
    encontrados: dict[str, str] = field(default_factory=dict)
    unidades: pd.DataFrame | None = None  # what the file says of each unit (id_cras, nome, endereco, ...)

    @property
    def nome(self) -> str:
        return self.arquivo if self.planilha is None else f"{self.arquivo} (planilha '{self.planilha}')"


class Cabecalho:
    """Positions of a table's columns by two keys: the contract's (:func:`normalizar_nome`, no underscores)
    and the official one (:func:`fontes.chave`, underscores kept)."""

    def __init__(self, tabela: Tabela):
        self.contrato: dict[str, int] = {}
        self.oficial: dict[str, int] = {}
        for pos, escrito in enumerate(tabela.cabecalho):
            self.contrato.setdefault(normalizar_nome(escrito), pos)
            self.oficial.setdefault(chave(escrito), pos)

    def achar(self, *nomes: str) -> int | None:
        """First of ``nomes`` present (matched the contract's way)."""
        for nome in nomes:
            if (pos := self.contrato.get(normalizar_nome(nome))) is not None:
                return pos
        return None

    def tem(self, *nomes: str) -> bool:
        return all(self.achar(n) is not None for n in nomes)


def municipios_das_linhas(tabela: Tabela, cab: Cabecalho, pos_id: int | None) -> pd.Series:
    """6-digit municipality code of every row: an IBGE column when the file has one, else the first six digits
    of the CRAS code (which are the municipality's code). Each distinct cell is converted once."""
    codigos = pd.Series([None] * tabela.n, dtype=object)
    fontes = [(cab.achar(n), (6, 7)) for n in ("ibge", "ibge7", "codigoibge", "cod_ibge", "co_ibge")]
    fontes.append((pos_id, (11,)))
    for pos, tamanhos in fontes:
        if pos is None:
            continue
        faltam = codigos.isna().to_numpy()
        if not faltam.any():
            break
        codigos[faltam] = _codigo6(tabela.coluna(pos)[faltam], tamanhos).to_numpy()
    return codigos.astype("string")


def _codigo6(celulas: pd.Series, tamanhos: tuple[int, ...]) -> pd.Series:
    indices, unicos = pd.factorize(celulas, use_na_sentinel=False)
    convertidos = []
    for valor in unicos:
        digitos = re.sub(r"\D", "", texto_de(valor))
        convertidos.append(digitos[:6] if len(digitos) in tamanhos else None)
    valores = np.array(convertidos, dtype=object)
    return pd.Series(valores[indices] if len(unicos) else [], index=celulas.index, dtype=object)


def encontrados(municipios: pd.Series, nomes: pd.Series | None = None) -> dict[str, str]:
    """Municipality code -> its name in the file ("" when the file has none), every code seen."""
    primeiros = municipios.dropna().drop_duplicates()
    if nomes is None:
        return {str(c): "" for c in primeiros}
    return dict(zip(primeiros.astype(str), nomes.loc[primeiros.index].astype(str), strict=True))


def tabela_municipios(
    municipio: pd.Series,
    tabela: Tabela,
    cab: Cabecalho,
    nomes: tuple[str, ...] = ("municipio",),
    ufs: tuple[str, ...] = ("uf", "uf_a"),
    ibge7: tuple[str, ...] = ("ibge7", "codigoibge"),
    portes: tuple[str, ...] = (),
) -> pd.DataFrame:
    """One row per municipality of the kept rows with what the file says of it (first non-empty value)."""
    colunas = {"municipio": municipio.astype("string").reset_index(drop=True)}
    for destino, candidatos in (("ibge7", ibge7), ("nome", nomes), ("uf", ufs), ("porte", portes)):
        pos = cab.achar(*candidatos) if candidatos else None
        serie = texto(tabela.coluna(pos)).reset_index(drop=True) if pos is not None else None
        if serie is not None and destino == "ibge7":
            digitos = serie.str.replace(r"\D", "", regex=True)
            serie = digitos.where(digitos.str.len() == 7)
        vazia = pd.Series(pd.NA, index=colunas["municipio"].index, dtype="string")
        colunas[destino] = serie.replace("", None).astype("string") if serie is not None else vazia
    quadro = pd.DataFrame(colunas)
    if quadro.empty:
        return pd.DataFrame(columns=list(COLUNAS_MUNICIPIO))
    return quadro.groupby("municipio", sort=True).first().reset_index()[list(COLUNAS_MUNICIPIO)]


def exigir(tabela: Tabela, cab: Cabecalho, colunas: dict[str, tuple[str, ...]], problemas: Problemas) -> bool:
    """Each required column (name -> accepted headers) present; else one problem per absent column."""
    completo = True
    for nome, aceitos in colunas.items():
        if cab.achar(*aceitos) is None:
            outros = f" (também aceita: {', '.join(aceitos[1:])})" if len(aceitos) > 1 else ""
            problemas.adicionar(
                Problema(tabela.nome, 1, nome, f"coluna obrigatória '{nome}' ausente do cabeçalho{outros}")
            )
            completo = False
    return completo
