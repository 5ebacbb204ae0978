"""Property: any typed table of a contract file, written in any accepted style, reads back equal.

Accepted styles (docs/contrato-de-dados.md, "Regras de leitura"): UTF-8 with/without BOM or Windows-1252;
``;`` or ``,``; headers in any case, with accents, spaces, dots or hyphens, aliases of id_cras, in any
column order; months AAAA-MM / AAAAMM / MM/AAAA / M/AAAA; dates AAAA-MM-DD / DD/MM/AAAA; Brazilian
(``1.234,56``) or international (``1234.56``) decimals; codes in any spelling; empty cell = missing.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import replace

import pandas as pd
from apoio.tabelas import FORMATOS_DATA, FORMATOS_MES, Estilo, como_texto, gravar, tipada, variante
from hypothesis import given, settings
from hypothesis import strategies as st

from cras_lib.dados import contrato
from cras_lib.dados.leitura import ler_bytes

LETRAS = "abcdefghijklmnopqrstuvwxyzáéíóúâêôãõçàABCDEFGHIJKLMNOPQRSTUVWXYZÁÉÍÓÚÇ0123456789"
TEXTO = st.text(alphabet=LETRAS + " ;,.-'\"()/|", min_size=1, max_size=20).map(str.strip).filter(bool)

# 11 digits, often with leading zeros (small numbers)
IDS_CRAS = st.one_of(st.integers(0, 10**6), st.integers(0, 10**11 - 1)).map(lambda n: f"{n:011d}")
MESES = st.integers(1990 * 12, 2099 * 12 + 11).map(
    lambda n: pd.Period(year=n // 12, month=n % 12 + 1, freq="M")
)
DATAS = st.dates(dt.date(1920, 1, 1), dt.date(2100, 12, 31)).map(pd.Timestamp)


def _valores(coluna: contrato.Coluna) -> st.SearchStrategy:
    """Values of one column (without missing ones); bounds as in the contract."""
    if coluna.tipo == "id_cras":
        return IDS_CRAS
    if coluna.tipo == "inteiro":
        return st.integers(int(coluna.limite_inferior or 0), int(coluna.maximo or 10**7))
    if coluna.tipo == "numero":  # 2 decimals
        minimo = int((coluna.limite_inferior or 0) * 100)
        return st.integers(minimo, int((coluna.maximo or 10**6) * 100)).map(lambda centavos: centavos / 100)
    if coluna.tipo == "mes":
        return MESES
    if coluna.tipo == "data":
        return DATAS
    if coluna.tipo == "categoria":
        return st.sampled_from(coluna.valores)
    if coluna.tipo == "lista":
        ordem = {v: i for i, v in enumerate(coluna.valores)}
        return st.sets(st.sampled_from(coluna.valores), min_size=1).map(
            lambda s: "|".join(sorted(s, key=ordem.get))
        )
    if coluna.tipo == "sim_nao":
        return st.booleans()
    return TEXTO


@st.composite
def tabelas(draw, arquivo: contrato.Arquivo) -> pd.DataFrame:
    """A valid typed table of ``arquivo``: unique non-empty keys, presencas <= encontros_previstos."""
    n = draw(st.integers(0, 6))
    colunas = {}
    for coluna in arquivo.colunas:
        preenchida = coluna.tipo == "id_cras" or coluna.nome in arquivo.chave
        valores = _valores(coluna) if preenchida else st.none() | _valores(coluna)
        colunas[coluna.nome] = draw(st.lists(valores, min_size=n, max_size=n))
    if arquivo.chave:
        chaves = draw(
            st.lists(
                st.tuples(*(_valores(arquivo.coluna(c)) for c in arquivo.chave)),
                min_size=n,
                max_size=n,
                unique=True,
            )
        )
        for i, nome in enumerate(arquivo.chave):
            colunas[nome] = [chave[i] for chave in chaves]
    for regra in arquivo.regras:
        for i, (menor, maior) in enumerate(zip(colunas[regra.menor], colunas[regra.maior], strict=True)):
            if menor is not None and maior is not None and menor > maior:
                colunas[regra.menor][i], colunas[regra.maior][i] = maior, menor
    if arquivo.extras and draw(st.booleans()):
        colunas["d8"] = draw(st.lists(st.none() | st.integers(0, 10**5), min_size=n, max_size=n))
    if draw(st.booleans()):
        colunas["Observação"] = draw(st.lists(st.none() | TEXTO, min_size=n, max_size=n))
    return tipada(arquivo, **colunas)


def _cabecalho(nome: str, coluna: contrato.Coluna | None, rng: random.Random) -> str:
    """A spelling of the header that the contract accepts (alias, case, accents, '.', ' ', '-')."""
    if nome == "Observação":  # an extra column keeps its header as written
        return nome
    escolhido = rng.choice([nome, *(coluna.aliases if coluna else ())])
    escolhido = re.sub(r"(?<=[a-d])(?=\d)", lambda _: rng.choice(["", ".", "_"]), escolhido)
    return variante(escolhido, rng, separadores="_ -.")


ESTILOS = st.builds(
    Estilo,
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
    sep=st.sampled_from([";", ","]),
    decimal=st.sampled_from([",", "."]),
    milhar=st.booleans(),
    mes=st.sampled_from(list(FORMATOS_MES)),
    data=st.sampled_from(list(FORMATOS_DATA)),
    fim_de_linha=st.sampled_from(["\n", "\r\n"]),
).filter(lambda e: e.decimal == "," or not e.milhar)  # "1,234.56" is not an accepted style


@settings(max_examples=50, deadline=None)
@given(
    dados=st.data(),
    arquivo=st.sampled_from(contrato.ARQUIVOS),
    estilo=ESTILOS,
    rng=st.randoms(use_true_random=False),
)
def test_tabela_escrita_em_qualquer_estilo_volta_igual(dados, arquivo, estilo, rng):
    esperado = dados.draw(tabelas(arquivo), label="tabela")
    texto = como_texto(esperado, estilo, arquivo, rng)
    opcionais = [c.nome for c in arquivo.colunas if not c.obrigatoria]
    omitidas = [nome for nome in opcionais if rng.random() < 0.3]  # absent optional column = all missing
    texto = texto.drop(columns=omitidas).sample(frac=1, axis=1, random_state=rng.randrange(2**32))
    declaradas = {c.nome: c for c in arquivo.colunas}
    cabecalhos = {nome: _cabecalho(nome, declaradas.get(nome), rng) for nome in texto.columns}
    conteudo = gravar(texto, replace(estilo, cabecalhos=cabecalhos))

    tabela, problemas = ler_bytes(conteudo, arquivo.nome, arquivo)

    assert problemas == []
    for nome in omitidas:
        esperado[nome] = pd.array([pd.NA] * len(esperado), dtype=esperado[nome].dtype)
    extras_na_ordem_do_arquivo = [nome for nome in texto.columns if nome not in declaradas]
    pd.testing.assert_frame_equal(tabela, esperado[[*declaradas, *extras_na_ordem_do_arquivo]])
