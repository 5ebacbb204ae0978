"""Merging the readings of one municipality into the three contract tables, with the rules of precedence.

RMA (``rma_cras.csv``): months from every file are merged by (CRAS, month). When two files give the same
(CRAS, month), the row of the file of higher precedence is kept whole and the other is dropped (a *conflict*
when any count differs, listed in the summary):
  1. the national base tratada over the municipal export (its values passed the MDS checks: all-zero forms and
     outliers removed);
  2. between files of one layout, the one whose latest month is later (the more recent edition or export);
  3. then the first in path order inside ORIGEM.
A month no file gives stays missing (no row), never zero.

Roster (``equipes.csv``): the Censo SUAS RH of the newest edition (see :mod:`censo_rh`) is the roster; older
editions are dropped whole (a roster is a snapshot, not a sum).

Units (``unidades.csv``): every CRAS of the municipality found in any file. Name and address from the Censo
Dados Gerais, else from the RMA files (latest month); days and hours from the Dados Gerais;
``familias_referenciadas``, ``territorio`` and ``populacao_territorio`` from the municipal complement; without
a municipal figure, ``familias_referenciadas`` is the Censo capacity class and ``familias_referenciadas_origem``
says ``capacidade_censo``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from cras_lib.dados.contrato import RMA_COLUNAS, normalizar_nome
from cras_lib.dados.importacao import valores
from cras_lib.dados.importacao.base import COLUNAS_MUNICIPIO, Leitura, NaoMapeado
from cras_lib.norma.porte import PORTES

COLUNAS_UNIDADES = (
    "id_cras",
    "nome",
    "territorio",
    "familias_referenciadas",
    "populacao_territorio",
    "horas_semanais_funcionamento",
    "dias_semana_funcionamento",
    "endereco",
    "familias_referenciadas_origem",
)
COLUNAS_EQUIPES = (
    "id_cras",
    "funcao",
    "profissao",
    "escolaridade",
    "vinculo",
    "horas_semanais",
    "horas_semanais_faixa",
)
PRECEDENCIA_RMA = ("rma_nacional", "rma_municipal")
MOTIVO_PRECEDENCIA = "mês do CRAS já dado por arquivo de maior precedência"
MOTIVO_EDICAO = "Censo de edição anterior (vale o quadro da edição mais recente)"
MOTIVO_CODIGO = "código do CRAS inválido ou chave repetida"
REGRA_CONFLITOS = (
    "mesmo CRAS e mês em dois arquivos: vale a base tratada nacional sobre a exportação municipal; entre "
    "arquivos do mesmo layout, o de último mês mais recente; depois, o primeiro na ordem dos caminhos"
)
# Municipality facts: the first source that has a value wins, in this order of layouts.
ORDEM_MUNICIPIO = ("censo_rh", "censo_dados_gerais", "rma_municipal", "rma_nacional")


@dataclass(frozen=True)
class Conflito:
    id_cras: str
    mes_referencia: str
    mantido: str  # file (and sheet) kept
    descartado: str
    colunas: tuple[str, ...]  # counts that differ


@dataclass
class Fonte:
    """What one file gave one municipality."""

    leitura: Leitura
    do_municipio: int = 0
    mantidas: int = 0
    descartadas: dict[str, int] = field(default_factory=dict)
    meses: tuple[str, ...] = ()
    nao_mapeados: list[NaoMapeado] = field(default_factory=list)


@dataclass
class Combinado:
    """The contract tables of one municipality and how they were made."""

    municipio: dict[str, str | None]
    unidades: pd.DataFrame
    rma_cras: pd.DataFrame
    equipes: pd.DataFrame
    fontes: list[Fonte]
    conflitos: list[Conflito]
    familias_da_capacidade: list[str]


def _natural(nome: str) -> tuple:
    achado = re.fullmatch(r"([a-z])(\d+)(.*)", nome)
    if achado is None:
        return (2, nome)
    grupo = 1 if achado[3] else 0
    return (grupo, achado[1], int(achado[2]), achado[3])


def _partes(leitura: Leitura, municipio: str) -> pd.DataFrame:
    dados = leitura.dados
    return dados.loc[(dados["municipio"] == municipio).fillna(False).to_numpy(dtype=bool)]


def combinar(
    municipio: str, leituras: list[Leitura], particoes: dict[int, dict[str, pd.DataFrame]]
) -> Combinado:
    """Contract tables of ``municipio`` (6-digit code) from every reading; ``particoes`` holds each reading's
    rows split by municipality (index of the reading in ``leituras`` -> code -> rows)."""

    def linhas(i: int) -> pd.DataFrame:
        return particoes[i].get(municipio, leituras[i].dados.iloc[0:0])

    fontes = {i: Fonte(leitura=leitura) for i, leitura in enumerate(leituras)}
    for i, fonte in fontes.items():
        fonte.do_municipio = len(linhas(i))
    rma, conflitos = _rma(leituras, linhas, fontes)
    equipes = _equipes(leituras, linhas, fontes)
    unidades, da_capacidade = _unidades(municipio, leituras, linhas, fontes, rma, equipes)
    for i, fonte in fontes.items():
        fora = leituras[i].lidas - fonte.do_municipio
        if fora:
            fonte.descartadas = {"de outro município": fora, **fonte.descartadas}
    presentes = list(fontes.values())
    return Combinado(
        municipio=_municipio(municipio, leituras),
        unidades=unidades,
        rma_cras=rma,
        equipes=equipes,
        fontes=presentes,
        conflitos=conflitos,
        familias_da_capacidade=da_capacidade,
    )


def _rma(leituras, linhas, fontes) -> tuple[pd.DataFrame, list[Conflito]]:
    candidatos = [i for i, le in enumerate(leituras) if le.destino == "rma_cras.csv"]

    def ordem(i: int):
        dados = linhas(i)
        ultimo = dados["mes_referencia"].max() if len(dados) else None
        ordinal = ultimo.ordinal if ultimo is not None and not pd.isna(ultimo) else -1
        return (PRECEDENCIA_RMA.index(leituras[i].layout), -ordinal, i)

    escolhidas: list[pd.DataFrame] = []
    conflitos: list[Conflito] = []
    for i in sorted(candidatos, key=ordem):
        dados = linhas(i).assign(_fonte=i)
        chaves = dados["id_cras"].astype(str) + " " + dados["mes_referencia"].astype(str)
        dados = dados.assign(_chave=chaves.to_numpy())
        repetidas = pd.Series(False, index=dados.index)
        if escolhidas:
            anteriores = pd.concat(escolhidas, ignore_index=True).set_index("_chave")
            repetidas = dados["_chave"].isin(anteriores.index)
            if repetidas.any():
                conflitos.extend(_conflitos(leituras, dados.loc[repetidas], anteriores, i))
        mantidas = dados.loc[~repetidas.to_numpy()]
        fonte = fontes[i]
        fonte.mantidas = len(mantidas)
        if repetidas.any():
            fonte.descartadas[MOTIVO_PRECEDENCIA] = int(repetidas.sum())
        fonte.meses = tuple(sorted(set(mantidas["mes_referencia"].astype(str))))
        escolhidas.append(mantidas)
    internas = {"municipio", "id_cras", "mes_referencia", "_fonte", "_chave", *RMA_COLUNAS}
    extras = sorted({c for d in escolhidas for c in d.columns} - internas, key=_natural)
    colunas = ["id_cras", "mes_referencia", *RMA_COLUNAS, *extras]
    if escolhidas:
        rma = pd.concat([d.reindex(columns=colunas) for d in escolhidas], ignore_index=True)
    else:
        rma = pd.DataFrame(columns=colunas)
    rma = rma.sort_values(["id_cras", "mes_referencia"], kind="stable").reset_index(drop=True)
    conflitos.sort(key=lambda c: (c.id_cras, c.mes_referencia, c.descartado))
    return rma, conflitos


def _conflitos(leituras, repetidas: pd.DataFrame, anteriores: pd.DataFrame, i: int) -> list[Conflito]:
    """Rows dropped by precedence whose counts differ from the row kept."""
    saida = []
    comuns = [c for c in RMA_COLUNAS if c in repetidas.columns and c in anteriores.columns]
    mantidas = anteriores.loc[repetidas["_chave"]]
    for (_, nova), (_, velha) in zip(repetidas.iterrows(), mantidas.iterrows(), strict=True):
        diferentes = tuple(c for c in comuns if not _iguais(nova[c], velha[c]))
        if diferentes:
            saida.append(
                Conflito(
                    str(nova["id_cras"]),
                    str(nova["mes_referencia"]),
                    leituras[int(velha["_fonte"])].nome,
                    leituras[i].nome,
                    diferentes,
                )
            )
    return saida


def _iguais(a, b) -> bool:
    if pd.isna(a) and pd.isna(b):
        return True
    if pd.isna(a) or pd.isna(b):
        return False
    return a == b


def _equipes(leituras, linhas, fontes) -> pd.DataFrame:
    candidatos = [i for i, le in enumerate(leituras) if le.destino == "equipes.csv" and len(linhas(i))]
    if not candidatos:
        return pd.DataFrame(columns=list(COLUNAS_EQUIPES))
    escolhida = sorted(candidatos, key=lambda i: (tuple(-x for x in leituras[i].edicao), i))[0]
    for i in candidatos:
        fonte = fontes[i]
        if i == escolhida:
            fonte.mantidas = len(linhas(i))
            fonte.nao_mapeados = _nao_mapeados(linhas(i))
        else:
            fonte.descartadas[MOTIVO_EDICAO] = len(linhas(i))
    dados = linhas(escolhida)
    return dados[list(COLUNAS_EQUIPES)].sort_values("id_cras", kind="stable").reset_index(drop=True)


def _nao_mapeados(dados: pd.DataFrame) -> list[NaoMapeado]:
    """Codes without a contract value of their own among these roster rows (``_sem_valor_<coluna>`` holds the
    code as written where the value came from a fallback or a declared value)."""
    saida = []
    for coluna in COLUNAS_EQUIPES:
        oculta = f"_sem_valor_{coluna}"
        if oculta not in dados.columns:
            continue
        pares = dados.loc[dados[oculta].notna().to_numpy(dtype=bool), [oculta, coluna]]
        pares = pares.astype(object).where(pares.notna(), "")
        for (codigo, destino), n in pares.value_counts(sort=False, dropna=False).sort_index().items():
            saida.append(NaoMapeado(coluna, str(codigo), str(destino), int(n)))
    return saida


def _unidades(municipio, leituras, linhas, fontes, rma, equipes) -> tuple[pd.DataFrame, list[str]]:
    gerais = [i for i, le in enumerate(leituras) if le.layout == "censo_dados_gerais"]
    complementos = [i for i, le in enumerate(leituras) if le.layout == "complemento_municipal"]
    rmas = sorted(
        (i for i, le in enumerate(leituras) if le.unidades is not None),
        key=lambda i: (-PRECEDENCIA_RMA[::-1].index(leituras[i].layout), i),
    )
    ids: set[str] = set(rma["id_cras"].dropna().astype(str)) | set(equipes["id_cras"].dropna().astype(str))
    base = pd.DataFrame(columns=list(COLUNAS_UNIDADES)).astype("object")

    def primeiro(indices, coluna_destino, origem, quadros):
        for i in indices:
            quadro = quadros(i)
            if coluna_destino not in quadro.columns or quadro.empty:
                continue
            pares = zip(quadro["id_cras"].astype(str).tolist(), quadro[coluna_destino].tolist(), strict=True)
            for k, v in pares:  # the first source (and first row) with a value wins
                if k not in origem and v is not None and not pd.isna(v):
                    origem[k] = v
        return origem

    for i in gerais + complementos:
        dados = linhas(i)
        ids |= set(dados["id_cras"].dropna().astype(str))
        fontes[i].mantidas = len(dados)

    def unidades_rma(i):
        u = leituras[i].unidades
        return u.loc[(u["municipio"] == municipio).fillna(False).to_numpy(dtype=bool)]

    campos: dict[str, dict] = {}
    for coluna in ("nome", "endereco"):
        campos[coluna] = primeiro(gerais, coluna, {}, linhas)
        campos[coluna] = primeiro(rmas, coluna, campos[coluna], unidades_rma)
    for coluna in ("dias_semana_funcionamento", "horas_semanais_funcionamento", "capacidade"):
        campos[coluna] = primeiro(gerais, coluna, {}, linhas)
    for coluna in ("familias_referenciadas", "territorio", "populacao_territorio"):
        campos[coluna] = primeiro(complementos, coluna, {}, linhas)
    ordenados = sorted(ids)
    unidades = base.reindex(range(len(ordenados)))
    unidades["id_cras"] = ordenados
    for coluna in ("nome", "endereco", "territorio", "populacao_territorio", "familias_referenciadas",
                   "dias_semana_funcionamento", "horas_semanais_funcionamento"):  # fmt: skip
        unidades[coluna] = [campos[coluna].get(c) for c in ordenados]
    da_capacidade = [
        c for c in ordenados if c not in campos["familias_referenciadas"] and c in campos["capacidade"]
    ]
    unidades["familias_referenciadas"] = [
        campos["familias_referenciadas"].get(c, campos["capacidade"].get(c)) for c in ordenados
    ]
    unidades["familias_referenciadas_origem"] = [
        "capacidade_censo" if c in da_capacidade else ("informada" if c in campos["familias_referenciadas"]
                                                         else None)
        for c in ordenados
    ]  # fmt: skip
    return unidades, da_capacidade


def _municipio(municipio: str, leituras: list[Leitura]) -> dict[str, str | None]:
    """ibge (7 digits when a file gives them, else 6), nome, uf, porte, populacao (None when unknown)."""
    fatos: dict[str, str | None] = {c: None for c in COLUNAS_MUNICIPIO if c != "municipio"}
    ordenadas = sorted(
        leituras, key=lambda le: ORDEM_MUNICIPIO.index(le.layout) if le.layout in ORDEM_MUNICIPIO else 99
    )
    for leitura in ordenadas:
        quadro = leitura.municipios
        if quadro is None or quadro.empty:
            continue
        linha = quadro.loc[quadro["municipio"] == municipio]
        if linha.empty:
            continue
        for coluna in fatos:
            valor = linha[coluna].iloc[0]
            if pd.isna(valor) or not str(valor).strip():
                continue
            if coluna == "ibge7" and not str(valor).startswith(municipio):
                continue  # a 7-digit code of another municipality: not this one's
            if fatos[coluna] is None:
                fatos[coluna] = str(valor).strip()
    return {
        "ibge": fatos["ibge7"] or municipio,
        "ibge6": municipio,
        "nome": fatos["nome"],
        # the state is the one of the code's first two digits (IBGE), whatever a file's text column says
        "uf": valores.UF_POR_CODIGO.get(municipio[:2]) or fatos["uf"],
        "porte": _porte(fatos["porte"]),
        "populacao": None,
    }


def _porte(rotulo: str | None) -> str | None:
    """The PNAS 2004 porte as :data:`cras_lib.norma.porte.PORTES` names it ("Pequeno porte I"), when the file's
    label is one of them written another way (" PEQUENO PORTE I", "Metropole"); else the label as written."""
    if rotulo is None:
        return None
    chave = normalizar_nome(rotulo)
    return next((p.nome for p in PORTES if normalizar_nome(p.nome) == chave), rotulo.strip())
