"""RMA CRAS national "base tratada" (MDS/SAGI, one file per year), both editions: the xlsx (sheet
``Base tratada``; other sheets are not RMA and are ignored) and the CSV of 2022 (``;``, Latin-1/cp1252, text
values in single quotes, with ``nome_unidade``, ``endereco``, ``municipio``, ``uf``).

Recognised by its header: ``NU_IDENTIFICADOR``, ``ano`` and ``mes`` with RMA indicator columns. ``ano`` + ``mes``
become ``mes_referencia``; ``a1``…``d8`` are the treated counts; ``*_original`` (untreated copies) are kept as
extra columns. A row belongs to the municipality of its ``IBGE`` column, or of the first six digits of
``NU_IDENTIFICADOR``. The base is "tratada": all-zero forms and outliers were removed, so an absent month stays
missing, never zero.
"""

from __future__ import annotations

import pandas as pd

from cras_lib.dados.importacao import rma_comum, valores
from cras_lib.dados.importacao.base import (
    Cabecalho,
    Leitura,
    Selecao,
    encontrados,
    exigir,
    municipios_das_linhas,
)
from cras_lib.dados.importacao.fontes import Tabela, texto
from cras_lib.dados.importacao.valores import Problemas

LAYOUT = "rma_nacional"
DESCRICAO = "RMA CRAS, base tratada nacional (MDS)"
DESTINO = rma_comum.DESTINO


OBRIGATORIAS = {"NU_IDENTIFICADOR": ("nu_identificador",), "ano": ("ano",), "mes": ("mes",)}


def reconhecer(tabela: Tabela) -> bool:
    """RMA indicator columns and none of the municipal export's own (``mes_referencia``, ``id_cras``)."""
    cab = Cabecalho(tabela)
    return rma_comum.e_rma(cab) and cab.achar("mes_referencia", "id_cras") is None


def ler(tabela: Tabela, selecao: Selecao, problemas: Problemas) -> Leitura:
    cab = Cabecalho(tabela)
    if not exigir(tabela, cab, OBRIGATORIAS, problemas):
        return Leitura(tabela.arquivo, tabela.planilha, LAYOUT, DESTINO, pd.DataFrame(), tabela.n)
    pos_id, pos_ano, pos_mes = cab.achar("nu_identificador"), cab.achar("ano"), cab.achar("mes")
    municipios = municipios_das_linhas(tabela, cab, pos_id)
    pos_nome_mun = cab.achar("municipio")
    achados = encontrados(
        municipios, texto(tabela.coluna(pos_nome_mun)) if pos_nome_mun is not None else None
    )
    manter = selecao.mascara(municipios)
    lidas = tabela.n
    t, municipios = tabela.filtrar(manter), municipios[manter].reset_index(drop=True)
    ids = valores.converter(t, texto(t.coluna(pos_id)), pos_id, valores.id_cras, problemas, "string")
    ano_mes = texto(t.coluna(pos_ano)) + "\x1f" + texto(t.coluna(pos_mes))
    meses = valores.converter(
        t, ano_mes, pos_mes, lambda v: valores.ano_mes(*v.split("\x1f")), problemas, "period[M]"
    )
    return rma_comum.leitura(
        tabela,
        t,
        cab,
        layout=LAYOUT,
        municipios=municipios,
        ids=ids,
        meses=meses,
        pos_id=pos_id,
        manter=manter,
        lidas=lidas,
        achados=achados,
        problemas=problemas,
        ufs=("uf_a", "uf"),
    )
