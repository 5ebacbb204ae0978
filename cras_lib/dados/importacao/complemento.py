"""The municipal complement: what no federal file has. ``id_cras`` plus any of ``familias_referenciadas``
(families actually referenced), ``territorio`` (the neighbourhoods covered) and ``populacao_territorio``.
Any CSV or sheet with a CRAS code column and at least one of those columns, and no month column, is this
layout (a contract ``unidades.csv`` is one too). Its figures take precedence over the Censo's.
"""

from __future__ import annotations

import pandas as pd

from cras_lib.dados.importacao import valores
from cras_lib.dados.importacao.base import (
    MOTIVO_OUTRO_MUNICIPIO,
    Cabecalho,
    Leitura,
    Selecao,
    encontrados,
    exigir,
    municipios_das_linhas,
)
from cras_lib.dados.importacao.fontes import Tabela, texto
from cras_lib.dados.importacao.valores import Problemas

LAYOUT = "complemento_municipal"
DESCRICAO = "complemento municipal (famílias referenciadas, território, população)"
DESTINO = "unidades.csv"
NOMES_ID = ("id_cras", "nu_identificador", "cod_cras")
COLUNAS = ("familias_referenciadas", "territorio", "populacao_territorio")


def reconhecer(tabela: Tabela) -> bool:
    cab = Cabecalho(tabela)
    presentes = sum(cab.achar(c) is not None for c in COLUNAS)
    tem_id = cab.achar(*NOMES_ID) is not None
    return (presentes >= 2 or (tem_id and presentes >= 1)) and cab.achar("mes_referencia", "mes") is None


def ler(tabela: Tabela, selecao: Selecao, problemas: Problemas) -> Leitura:
    cab = Cabecalho(tabela)
    if not exigir(tabela, cab, {"id_cras": NOMES_ID}, problemas):
        return Leitura(tabela.arquivo, tabela.planilha, LAYOUT, DESTINO, pd.DataFrame(), tabela.n)
    pos_id = cab.achar(*NOMES_ID)
    municipios = municipios_das_linhas(tabela, cab, pos_id)
    manter = selecao.mascara(municipios)
    lidas = tabela.n
    t, municipios = tabela.filtrar(manter), municipios[manter].reset_index(drop=True)
    ids = valores.converter(t, texto(t.coluna(pos_id)), pos_id, valores.id_cras, problemas, "string")
    dados = pd.DataFrame({"municipio": municipios, "id_cras": ids})
    for nome in COLUNAS:
        pos = cab.achar(nome)
        if pos is None:
            continue
        textos = texto(t.coluna(pos))
        if nome == "territorio":
            dados[nome] = textos.replace("", None).astype("string")
        else:
            dados[nome] = valores.converter(t, textos, pos, valores.contagem, problemas, "Int64")
    repetidas = dados["id_cras"].duplicated(keep="first") & dados["id_cras"].notna()
    if repetidas.any():
        posicoes = repetidas.to_numpy().nonzero()[0]
        problemas.em_linhas(
            t, posicoes, pos_id, lambda k: f"CRAS {dados['id_cras'].iloc[posicoes[k]]} repetido no arquivo"
        )
    return Leitura(
        arquivo=tabela.arquivo,
        planilha=tabela.planilha,
        layout=LAYOUT,
        destino=DESTINO,
        dados=dados.loc[dados["id_cras"].notna() & ~repetidas].reset_index(drop=True),
        lidas=lidas,
        descartadas={MOTIVO_OUTRO_MUNICIPIO: int((~manter).sum())} if (~manter).any() else {},
        encontrados=encontrados(municipios_das_linhas(tabela, cab, pos_id)),
    )
