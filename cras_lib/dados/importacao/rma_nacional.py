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
    MOTIVO_OUTRO_MUNICIPIO,
    Cabecalho,
    Leitura,
    Selecao,
    encontrados,
    exigir,
    municipios_das_linhas,
    tabela_municipios,
)
from cras_lib.dados.importacao.fontes import Tabela, texto
from cras_lib.dados.importacao.valores import Problemas

LAYOUT = "rma_nacional"
DESCRICAO = "RMA CRAS, base tratada nacional (MDS)"
DESTINO = "rma_cras.csv"


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
    indicadores = rma_comum.converter_indicadores(t, rma_comum.colunas_indicadores(t, cab), problemas)
    validas = rma_comum.verificar_chave(t, ids, meses, pos_id, problemas)
    dados = pd.DataFrame(
        {"municipio": municipios, "id_cras": ids, "mes_referencia": meses, **indicadores}
    ).loc[validas]
    return Leitura(
        arquivo=tabela.arquivo,
        planilha=tabela.planilha,
        layout=LAYOUT,
        destino=DESTINO,
        dados=dados.reset_index(drop=True),
        lidas=lidas,
        descartadas={MOTIVO_OUTRO_MUNICIPIO: int((~manter).sum())} if (~manter).any() else {},
        municipios=tabela_municipios(municipios, t, cab, ufs=("uf_a", "uf")),
        edicao=(),
        encontrados=achados,
        unidades=rma_comum.unidades_informadas(t, cab, ids, meses, municipios),
    )
