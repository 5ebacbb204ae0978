"""RMA CRAS as the municipality exports it from the RMA system (``cras.csv`` layout): ``;``, UTF-8 with BOM or
Latin-1, every value in single quotes; ``mes_referencia`` a date ``AAAA-MM-DD`` (the first day of the month),
``nome_unidade``, ``id_cras``, ``endereco``, ``municipio``, ``uf``, ``codigoibge``, ``oferta_serv_blocoii``,
then the indicator codes (``a1``…, breakdowns such as ``k1a`` in newer forms).

``coordenador_cras`` and ``cpf`` are personal data of the coordinator: they are never converted, kept, written
or shown — the reader does not even look at their cells. Recognised by ``mes_referencia`` + ``id_cras`` with RMA
indicator columns (``creas.csv`` and ``centro_pop.csv`` have no ``id_cras`` and are not CRAS data).
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

LAYOUT = "rma_municipal"
DESCRICAO = "RMA CRAS, exportação municipal do sistema RMA"
DESTINO = rma_comum.DESTINO
COLUNAS_PESSOAIS = ("coordenador_cras", "cpf")


OBRIGATORIAS = {
    "id_cras": ("id_cras", "nu_identificador", "cod_cras"),
    "mes_referencia": ("mes_referencia",),
}


def reconhecer(tabela: Tabela) -> bool:
    """RMA indicator columns with ``mes_referencia`` or ``id_cras``."""
    cab = Cabecalho(tabela)
    return rma_comum.e_rma(cab) and cab.achar("mes_referencia", "id_cras") is not None


def ler(tabela: Tabela, selecao: Selecao, problemas: Problemas) -> Leitura:
    cab = Cabecalho(tabela)
    if not exigir(tabela, cab, OBRIGATORIAS, problemas):
        return Leitura(tabela.arquivo, tabela.planilha, LAYOUT, DESTINO, pd.DataFrame(), tabela.n)
    pos_id, pos_mes = cab.achar("id_cras", "nu_identificador", "cod_cras"), cab.achar("mes_referencia")
    municipios = municipios_das_linhas(tabela, cab, pos_id)
    pos_nome_mun = cab.achar("municipio")
    achados = encontrados(
        municipios, texto(tabela.coluna(pos_nome_mun)) if pos_nome_mun is not None else None
    )
    manter = selecao.mascara(municipios)
    lidas = tabela.n
    t, municipios = tabela.filtrar(manter), municipios[manter].reset_index(drop=True)
    ids = valores.converter(t, texto(t.coluna(pos_id)), pos_id, valores.id_cras, problemas, "string")
    meses = valores.converter(
        t, texto(t.coluna(pos_mes)), pos_mes, valores.mes_referencia, problemas, "period[M]"
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
    )
