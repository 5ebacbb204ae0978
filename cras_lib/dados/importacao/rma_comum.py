"""What both RMA layouts share: which columns are indicators, their conversion to counts, the (CRAS, month)
key check, and the unit names and addresses some editions carry."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from cras_lib.dados.contrato import RMA_COLUNAS
from cras_lib.dados.importacao import valores
from cras_lib.dados.importacao.base import MOTIVO_OUTRO_MUNICIPIO, Cabecalho, Leitura, tabela_municipios
from cras_lib.dados.importacao.fontes import Tabela, texto
from cras_lib.dados.importacao.valores import Problemas

DESTINO = "rma_cras.csv"  # the contract file both RMA layouts feed
_CONTAGEM = re.compile(r"^([a-d]\d+)(original)?$")  # a1, d8, a1_original (contract key: no underscores)
_OUTRO_INDICADOR = re.compile(r"^[e-z]\d+[a-z]\d*$")  # breakdowns of newer forms, e.g. k1a


def colunas_indicadores(tabela: Tabela, cab: Cabecalho) -> dict[str, tuple[int, bool]]:
    """Output name -> (position, is a count). Counts: ``a1``…``d8`` (any ``[a-d]N``) and their ``_original``
    copies; other indicator codes (``k1a``) are kept as text."""
    saida: dict[str, tuple[int, bool]] = {}
    for chave, pos in cab.contrato.items():
        if achado := _CONTAGEM.fullmatch(chave):
            nome = achado[1] + ("_original" if achado[2] else "")
            saida.setdefault(nome, (pos, True))
        elif _OUTRO_INDICADOR.fullmatch(chave):
            saida.setdefault(chave, (pos, False))
    return saida


def quantos_do_contrato(cab: Cabecalho) -> int:
    return sum(1 for c in RMA_COLUNAS if c in cab.contrato)


def e_rma(cab: Cabecalho) -> bool:
    """An RMA CRAS table: at least five of the form's indicator columns (a1, a2, b1…)."""
    return quantos_do_contrato(cab) >= 5


def converter_indicadores(
    tabela: Tabela, indicadores: dict[str, tuple[int, bool]], problemas: Problemas
) -> dict[str, pd.Series]:
    saida = {}
    for nome, (pos, e_contagem) in indicadores.items():
        textos = texto(tabela.coluna(pos))
        if e_contagem:
            saida[nome] = valores.converter(tabela, textos, pos, valores.contagem, problemas, "Int64")
        else:
            saida[nome] = textos.replace("", None).astype("string")
    return saida


def verificar_chave(
    tabela: Tabela, ids: pd.Series, meses: pd.Series, pos_id: int, problemas: Problemas
) -> np.ndarray:
    """A (CRAS, month) appears once in a file; each repetition names the line of the first. Returns the mask
    of rows to keep (complete keys, first occurrence)."""
    completas = (ids.notna() & meses.notna()).to_numpy(dtype=bool)
    chaves = pd.DataFrame({"id": ids.astype("string"), "mes": meses.astype("string")})
    repetidas = (chaves.duplicated(keep="first").to_numpy() & completas).astype(bool)
    if repetidas.any():
        primeira = (
            pd.Series(tabela.linhas).groupby([chaves["id"], chaves["mes"]], sort=False).transform("first")
        ).to_numpy()
        posicoes = np.flatnonzero(repetidas)
        problemas.em_linhas(
            tabela,
            posicoes,
            pos_id,
            lambda k: (
                f"CRAS {chaves['id'].iloc[posicoes[k]]} e mês {chaves['mes'].iloc[posicoes[k]]} repetidos: "
                f"já aparecem na linha {primeira[posicoes[k]]}"
            ),
        )
    return completas & ~repetidas


def unidades_informadas(
    tabela: Tabela, cab: Cabecalho, ids: pd.Series, meses: pd.Series, municipios: pd.Series
) -> pd.DataFrame | None:
    """Unit name and address as of the latest month, when the file carries them (``nome_unidade``,
    ``endereco``)."""
    pos_nome, pos_endereco = cab.achar("nome_unidade"), cab.achar("endereco")
    if pos_nome is None and pos_endereco is None:
        return None
    quadro = pd.DataFrame(
        {
            "id_cras": ids.astype("string").to_numpy(),
            "municipio": municipios.astype("string").to_numpy(),
            "mes": meses.to_numpy(),
            "nome": _texto_ou_vazio(tabela, pos_nome),
            "endereco": _texto_ou_vazio(tabela, pos_endereco),
        }
    ).dropna(subset=["id_cras", "mes"])
    quadro = quadro.sort_values(["id_cras", "mes"], kind="stable").drop_duplicates("id_cras", keep="last")
    return quadro.drop(columns="mes").reset_index(drop=True)


def _texto_ou_vazio(tabela: Tabela, pos: int | None) -> np.ndarray:
    if pos is None:
        return np.full(tabela.n, None, dtype=object)
    return texto(tabela.coluna(pos)).replace("", None).to_numpy(dtype=object)


def leitura(
    tabela: Tabela,
    t: Tabela,
    cab: Cabecalho,
    *,
    layout: str,
    municipios: pd.Series,
    ids: pd.Series,
    meses: pd.Series,
    pos_id: int,
    manter,
    lidas: int,
    achados,
    problemas: Problemas,
    ufs: tuple[str, ...] | None = None,
) -> Leitura:
    """The :class:`Leitura` of an RMA file of either layout, once its key columns are converted: the
    indicators as counts, rows with a valid (CRAS, month) key, what was dropped and the units it names."""
    indicadores = converter_indicadores(t, colunas_indicadores(t, cab), problemas)
    validas = verificar_chave(t, ids, meses, pos_id, problemas)
    dados = pd.DataFrame(
        {"municipio": municipios, "id_cras": ids, "mes_referencia": meses, **indicadores}
    ).loc[validas]
    extra = {"ufs": ufs} if ufs else {}
    return Leitura(
        arquivo=tabela.arquivo,
        planilha=tabela.planilha,
        layout=layout,
        destino=DESTINO,
        dados=dados.reset_index(drop=True),
        lidas=lidas,
        descartadas={MOTIVO_OUTRO_MUNICIPIO: int((~manter).sum())} if (~manter).any() else {},
        municipios=tabela_municipios(municipios, t, cab, **extra),
        edicao=(),
        encontrados=achados,
        unidades=unidades_informadas(t, cab, ids, meses, municipios),
    )
