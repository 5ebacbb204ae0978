"""Censo SUAS "Dados Gerais CRAS", 2024 numbering: ``q0_1`` unit name, ``q0_2``…``q0_8`` address parts,
``q0_9`` município, ``q0_10`` UF, ``q1`` capacity class (" 2.500", " 3.500", " 5.000" famílias referenciadas),
``q2_1`` days open per week (" 5 dias por semana"), ``q2_2`` hours open per day.

Gives ``unidades.csv`` its name, address, days and hours (``horas_semanais_funcionamento`` = days × hours per
day, rounded) and the capacity class, which stands for ``familias_referenciadas`` only when the municipal
complement gives no figure (the Censo has no count of families actually referenced). Recognised by a CRAS code
column with ``q0_1``, ``q1`` and ``q2_1``; the 2025 renumbering is not this layout (listed as ignored).
"""

from __future__ import annotations

import re

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
    tabela_municipios,
)
from cras_lib.dados.importacao.fontes import Tabela, texto
from cras_lib.dados.importacao.valores import Problemas

LAYOUT = "censo_dados_gerais"
DESCRICAO = "Censo SUAS, Dados Gerais CRAS (numeração de 2024)"
DESTINO = "unidades.csv"
NOMES_ID = ("nu_identificador", "n_identificador")
ENDERECO = tuple(f"q0_{i}" for i in range(2, 9))
_NUMERO = re.compile(r"\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?")


def reconhecer(tabela: Tabela) -> bool:
    cab = Cabecalho(tabela)
    return all(q in cab.oficial for q in ("q0_1", "q1", "q2_1"))


def _primeiro_numero(texto_: str) -> float | None:
    achado = _NUMERO.search(texto_)
    if achado is None:
        return None
    return (
        float(achado[0].replace(".", "").replace(",", "."))
        if "." in achado[0]
        else float(achado[0].replace(",", "."))
    )


def capacidade(texto_: str):
    if texto_ == "":
        return None
    numero = _primeiro_numero(texto_)
    if numero is None or numero <= 0 or not numero.is_integer():
        return valores.erro(f"classe de capacidade '{texto_}' ilegível (esperado, por exemplo, 2.500)")
    return int(numero)


def dias(texto_: str):
    if texto_ == "":
        return None
    numero = _primeiro_numero(texto_)
    if numero is None or not numero.is_integer() or not 1 <= numero <= 7:
        return valores.erro(f"dias de funcionamento '{texto_}' ilegíveis (esperado de 1 a 7 dias por semana)")
    return int(numero)


def horas_por_dia(texto_: str):
    if texto_ == "":
        return None
    numero = _primeiro_numero(texto_)
    if numero is None or not 0 < numero <= 24:
        return valores.erro(f"horas de funcionamento por dia '{texto_}' ilegíveis (esperado de 1 a 24)")
    return numero


def ler(tabela: Tabela, selecao: Selecao, problemas: Problemas) -> Leitura:
    cab = Cabecalho(tabela)
    if not exigir(tabela, cab, {"NU_IDENTIFICADOR": NOMES_ID}, problemas):
        return Leitura(tabela.arquivo, tabela.planilha, LAYOUT, DESTINO, pd.DataFrame(), tabela.n)
    pos_id = cab.achar(*NOMES_ID)
    municipios = municipios_das_linhas(tabela, cab, pos_id)
    pos_mun = cab.oficial.get("q0_9")
    achados = encontrados(municipios, texto(tabela.coluna(pos_mun)) if pos_mun is not None else None)
    manter = selecao.mascara(municipios)
    lidas = tabela.n
    t, municipios = tabela.filtrar(manter), municipios[manter].reset_index(drop=True)
    ids = valores.converter(t, texto(t.coluna(pos_id)), pos_id, valores.id_cras, problemas, "string")

    def coluna(q: str) -> pd.Series:
        pos = cab.oficial.get(q)
        return texto(t.coluna(pos)) if pos is not None else pd.Series([""] * len(ids), dtype=object)

    partes = pd.DataFrame({q: coluna(q) for q in ENDERECO})
    endereco = partes.apply(lambda linha: ", ".join(p for p in linha if p), axis=1) if len(partes) else None
    pos_q1, pos_q21, pos_q22 = cab.oficial["q1"], cab.oficial["q2_1"], cab.oficial.get("q2_2")
    cap = valores.converter(t, coluna("q1"), pos_q1, capacidade, problemas, "Int64")
    n_dias = valores.converter(t, coluna("q2_1"), pos_q21, dias, problemas, "Int64")
    horas_dia = (
        valores.converter(t, coluna("q2_2"), pos_q22, horas_por_dia, problemas, "Float64")
        if pos_q22 is not None
        else pd.Series(pd.NA, index=ids.index, dtype="Float64")
    )
    horas_semana = (n_dias.astype("Float64") * horas_dia).round().astype("Int64")
    dados = pd.DataFrame(
        {
            "municipio": municipios,
            "id_cras": ids,
            "nome": coluna("q0_1").replace("", None).astype("string"),
            "endereco": (endereco if endereco is not None else pd.Series([], dtype=object))
            .replace("", None)
            .astype("string"),
            "capacidade": cap,
            "dias_semana_funcionamento": n_dias,
            "horas_semanais_funcionamento": horas_semana,
        }
    )
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
        municipios=tabela_municipios(municipios, t, cab, nomes=("q0_9", "municipio"), ufs=("q0_10", "uf")),
        edicao=(),
        encontrados=achados,
    )
