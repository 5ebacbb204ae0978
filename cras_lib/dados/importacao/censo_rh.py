"""Censo SUAS "RH CRAS" (one row per worker per employment bond, one file per year, from 2018 on).

The question prefix changes by year, the suffix does not: 2018 ``q_57_<s>``, 2019 ``q56_<s>``, 2021–2023
``q70_<s>``, 2024 ``q65_<s>``; suffixes ``_9`` escolaridade, ``_10`` profissão, ``_11`` vínculo, ``_12`` função,
``_13`` carga horária (a band), ``_14`` início. Recognised by a CRAS code column (``NU_IDENTIFICADOR``, or
``N_Identificador``) with one prefix carrying at least the ``_11`` and ``_12`` questions; the prefix is found
from the header, never from the year in a file name. Values may be numeric codes or text labels
(:mod:`codigos_censo`); a blank cell (or a single space) is missing. The public files have no name, CPF or
birth date, so the roster written has none either.

Edition (for precedence when several RH files are given, the newest roster wins): the ``ano`` column when there
is one, else the year of the prefix (2021–2023 share ``q70``: counted as 2023), then the latest year among the
start dates (``_14``).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from cras_lib.dados.importacao import codigos_censo, valores
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

LAYOUT = "censo_rh"
DESCRICAO = "Censo SUAS, RH CRAS (trabalhadores)"
DESTINO = "equipes.csv"
ANO_DO_PREFIXO = {"q_57": 2018, "q56": 2019, "q70": 2023, "q65": 2024}
_QUESTAO = re.compile(r"^(q_?\d+)_(\d+)$")
NOMES_ID = ("nu_identificador", "n_identificador")


def prefixo(tabela: Tabela) -> str | None:
    """The question prefix of the roster questions (``q65``), or None when the header has no roster."""
    sufixos: dict[str, dict[str, int]] = {}
    for pos, escrito in enumerate(tabela.cabecalho):
        if achado := _QUESTAO.fullmatch(escrito.strip().lower()):
            sufixos.setdefault(achado[1], {})[achado[2]] = pos
    candidatos = [p for p, s in sufixos.items() if {"11", "12"} <= set(s)]
    if not candidatos:
        return None
    return max(candidatos, key=lambda p: len({"9", "10", "11", "12", "13"} & set(sufixos[p])))


def reconhecer(tabela: Tabela) -> bool:
    return prefixo(tabela) is not None


def _posicoes(tabela: Tabela, prefixo_: str) -> dict[str, int]:
    saida = {}
    for pos, escrito in enumerate(tabela.cabecalho):
        achado = _QUESTAO.fullmatch(escrito.strip().lower())
        if achado and achado[1] == prefixo_:
            saida.setdefault(achado[2], pos)
    return saida


def ler(tabela: Tabela, selecao: Selecao, problemas: Problemas) -> Leitura:
    cab = Cabecalho(tabela)
    if not exigir(tabela, cab, {"NU_IDENTIFICADOR": NOMES_ID}, problemas):
        return Leitura(tabela.arquivo, tabela.planilha, LAYOUT, DESTINO, pd.DataFrame(), tabela.n)
    pos_id = cab.achar(*NOMES_ID)
    pre = prefixo(tabela)
    questoes = _posicoes(tabela, pre)
    municipios = municipios_das_linhas(tabela, cab, pos_id)
    pos_nome_mun = cab.achar("municipio")
    achados = encontrados(
        municipios, texto(tabela.coluna(pos_nome_mun)) if pos_nome_mun is not None else None
    )
    manter = selecao.mascara(municipios)
    lidas = tabela.n
    t, municipios = tabela.filtrar(manter), municipios[manter].reset_index(drop=True)
    ids = valores.converter(t, texto(t.coluna(pos_id)), pos_id, valores.id_cras, problemas, "string")
    colunas: dict[str, pd.Series] = {}
    sem_valor: dict[str, pd.Series] = {}
    for mapa in codigos_censo.MAPAS:
        pos = questoes.get(mapa.sufixo)
        if pos is None:
            colunas[mapa.coluna] = pd.Series(pd.NA, index=ids.index, dtype="string")
            continue
        textos = texto(t.coluna(pos))
        codigos, unicos = pd.factorize(textos, use_na_sentinel=False)
        mapeados = [mapa.mapear(v) if v != "" else (None, False) for v in unicos]
        destinos = np.array([m[0] for m in mapeados], dtype=object)
        colunas[mapa.coluna] = pd.Series(
            pd.array(list(destinos[codigos]) if len(unicos) else [], dtype="string"), index=ids.index
        )
        marcados = np.array([str(v) if m[1] else None for v, m in zip(unicos, mapeados, strict=True)], object)
        sem_valor[f"_sem_valor_{mapa.coluna}"] = pd.Series(
            pd.array(list(marcados[codigos]) if len(unicos) else [], dtype="string"), index=ids.index
        )
    dados = pd.DataFrame(
        {
            "municipio": municipios,
            "id_cras": ids,
            "funcao": colunas["funcao"],
            "profissao": colunas["profissao"],
            "escolaridade": colunas["escolaridade"],
            "vinculo": colunas["vinculo"],
            "horas_semanais": pd.Series(pd.NA, index=ids.index, dtype="Int64"),
            "horas_semanais_faixa": colunas["horas_semanais_faixa"],
            **sem_valor,
        }
    ).loc[ids.notna().to_numpy()]
    return Leitura(
        arquivo=tabela.arquivo,
        planilha=tabela.planilha,
        layout=LAYOUT,
        destino=DESTINO,
        dados=dados.reset_index(drop=True),
        lidas=lidas,
        descartadas={MOTIVO_OUTRO_MUNICIPIO: int((~manter).sum())} if (~manter).any() else {},
        municipios=tabela_municipios(
            municipios, t, cab, ufs=("uf",), portes=("porte_pop2022", "porte_pop", "porte")
        ),
        edicao=_edicao(tabela, cab, pre, questoes.get("14")),
        encontrados=achados,
    )


def _edicao(tabela: Tabela, cab: Cabecalho, prefixo_: str, pos_inicio: int | None) -> tuple[int, int]:
    pos_ano = cab.achar("ano", "nu_ano")
    ano = 0
    if pos_ano is not None:
        anos = pd.to_numeric(texto(tabela.coluna(pos_ano)), errors="coerce").dropna()
        ano = int(anos.max()) if len(anos) else 0
    ano = ano or ANO_DO_PREFIXO.get(prefixo_, 0)
    inicio = 0
    if pos_inicio is not None:
        anos_inicio = texto(tabela.coluna(pos_inicio)).str.extract(r"(\d{4})\s*$")[0]
        anos_inicio = pd.to_numeric(anos_inicio, errors="coerce").dropna()
        inicio = int(anos_inicio.max()) if len(anos_inicio) else 0
    return (ano, inicio)
