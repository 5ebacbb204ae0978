"""Builders of contract tables written the way a municipality's export might be: encoding, separator, decimal
style, month/date format and header spelling (``Estilo``), plus one typed sample per contract file (``amostra``).

Used by the reading, loading and property tests.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from cras_lib.dados import contrato
from cras_lib.dados.leitura import DTYPES

# --- writing a typed table in a given style -----------------------------------------------------------

FORMATOS_MES = {
    "AAAA-MM": "{a:04d}-{m:02d}",
    "AAAAMM": "{a:04d}{m:02d}",
    "MM/AAAA": "{m:02d}/{a:04d}",
    "M/AAAA": "{m}/{a:04d}",
}
FORMATOS_DATA = {"AAAA-MM-DD": "{a:04d}-{m:02d}-{d:02d}", "DD/MM/AAAA": "{d:02d}/{m:02d}/{a:04d}"}
ACENTOS = {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú", "c": "ç"}


@dataclass(frozen=True)
class Estilo:
    """How an export writes a table. ``decimal=","`` is the Brazilian style (``1.234,56`` with milhar)."""

    encoding: str = "utf-8"
    sep: str = ";"
    decimal: str = "."
    milhar: bool = False
    mes: str = "AAAA-MM"
    data: str = "AAAA-MM-DD"
    fim_de_linha: str = "\n"
    cabecalhos: dict[str, str] = field(default_factory=dict)  # canonical name -> header as written


LATIN1_BR = Estilo(encoding="cp1252", sep=";", decimal=",", milhar=True, mes="MM/AAAA", data="DD/MM/AAAA")
UTF8_BOM_VIRGULA = Estilo(encoding="utf-8-sig", sep=",", decimal=".", mes="AAAAMM", fim_de_linha="\r\n")


def variante(codigo: str, rng: random.Random, separadores: str = "_ -") -> str:
    """The code as a person might type it: other case, spaces or hyphens for '_', accented letters."""
    texto = re.sub("_", lambda _: rng.choice(separadores), codigo)
    texto = "".join(ACENTOS[c] if c in ACENTOS and rng.random() < 0.3 else c for c in texto)
    return rng.choice([str.lower, str.upper, str.title])(texto)


def _numero(valor: float, estilo: Estilo, casas: int) -> str:
    texto = f"{valor:,.{casas}f}" if estilo.milhar else f"{valor:.{casas}f}"
    if estilo.decimal == ",":
        return texto.translate(str.maketrans(",.", ".,"))
    assert not (estilo.milhar and casas), "the international style has no thousands separator"
    return texto


def _celula(valor, dtype: str, estilo: Estilo, tipo: str, rng: random.Random | None) -> str:
    if pd.isna(valor):
        return ""
    if dtype == "Int64":
        return _numero(int(valor), estilo, 0)
    if dtype == "Float64":
        return _numero(float(valor), estilo, 2)
    if dtype == "period[M]":
        return FORMATOS_MES[estilo.mes].format(a=valor.year, m=valor.month)
    if dtype.startswith("datetime64"):
        return FORMATOS_DATA[estilo.data].format(a=valor.year, m=valor.month, d=valor.day)
    if dtype == "boolean":
        escritas = ["sim", "Sim", "S", "true", "1"] if valor else ["não", "NAO", "n", "False", "0"]
        return rng.choice(escritas) if rng else escritas[0]
    if rng and tipo == "categoria":
        return variante(valor, rng)
    if rng and tipo == "lista":
        codigos = valor.split("|")
        rng.shuffle(codigos)
        return rng.choice(["|", " | "]).join(variante(c, rng) for c in codigos)
    return str(valor)


def como_texto(
    tabela: pd.DataFrame, estilo: Estilo = Estilo(), arquivo: contrato.Arquivo | None = None, rng=None
) -> pd.DataFrame:
    """Every cell as the export writes it ('' for missing); with ``rng``, codes in random spellings."""
    tipos = {c.nome: c.tipo for c in arquivo.colunas} if arquivo else {}
    return pd.DataFrame(
        {
            nome: [
                _celula(v, str(tabela[nome].dtype), estilo, tipos.get(nome, "texto"), rng)
                for v in tabela[nome]
            ]
            for nome in tabela.columns
        },
        dtype=object,
    )


def gravar(texto: pd.DataFrame, estilo: Estilo = Estilo()) -> bytes:
    """The bytes of the CSV file (header renamed by ``estilo.cabecalhos``)."""
    csv = texto.rename(columns=estilo.cabecalhos).to_csv(
        sep=estilo.sep, index=False, lineterminator=estilo.fim_de_linha
    )
    return csv.encode(estilo.encoding)


def escrever(pasta: Path, nome: str, tabela: pd.DataFrame, estilo: Estilo = Estilo()) -> Path:
    """Write ``tabela`` (typed, or already text from :func:`como_texto`) as ``pasta/nome``."""
    caminho = pasta / nome
    caminho.write_bytes(gravar(como_texto(tabela, estilo), estilo))  # text cells pass through unchanged
    return caminho


def tipada(arquivo: contrato.Arquivo, **colunas) -> pd.DataFrame:
    """A frame with the contract's dtypes; contract columns not given are all missing."""
    n = len(next(iter(colunas.values())))
    dados = {c.nome: pd.array(colunas.pop(c.nome, [None] * n), dtype=DTYPES[c.tipo]) for c in arquivo.colunas}
    extras = {
        nome: pd.array(valores, dtype="Int64" if re.fullmatch(r"[a-d]\d+", nome) else "string")
        for nome, valores in colunas.items()
    }
    return pd.DataFrame(dados | extras)


ID1, ID2 = "01234567890", "31000000002"  # ID1 has a leading zero that must survive


def _rma_valores(base: int) -> dict[str, list]:
    return {c: [base + i, None if i == 3 else base * 2 + i, 0] for i, c in enumerate(contrato.RMA_COLUNAS)}


AMOSTRAS = {
    "unidades.csv": lambda: tipada(
        contrato.UNIDADES,
        id_cras=[ID1, ID2],
        nome=["CRAS Vila São José", 'CRAS "Centro"'],
        territorio=["Vila São José; Jardim Ipê", "Centro, Bela Vista"],
        familias_referenciadas=[5000, 3500],
        populacao_territorio=[None, 21345],
        horas_semanais_funcionamento=[40, 40],
        dias_semana_funcionamento=[5, 5],
        endereco=["Rua das Flores, 100", "Av. Brasil; 2000"],
    ),
    "rma_cras.csv": lambda: tipada(
        contrato.RMA_CRAS,
        id_cras=[ID1, ID1, ID2],
        mes_referencia=["2024-01", "2024-02", "2024-01"],
        **_rma_valores(1200),
        d8=[3, None, 1],
    ),
    "equipes.csv": lambda: tipada(
        contrato.EQUIPES,
        id_cras=[ID1, ID1, ID2],
        nome=["Ana Conceição", "José Araújo", "Maria"],
        cpf=["012.345.678-90", "98765432100", None],
        funcao=["coordenador", "tecnico_superior", "orientador_social"],
        profissao=["assistente_social", "psicologo", None],
        escolaridade=["pos_graduacao", "superior", "medio"],
        vinculo=["estatutario", "celetista", "temporario"],
        horas_semanais=[40, 30, 44],
    ),
    "scfv_participantes.csv": lambda: tipada(
        contrato.SCFV_PARTICIPANTES,
        id_participante=["P001", "P002", "P003"],
        nome=["Criança A", "Idoso B", "Jovem C"],
        nis=["12345678901", None, "10987654321"],
        cpf=[None, None, None],
        data_nascimento=["2015-03-09", "1950-12-31", "2008-02-29"],
        id_cras=[ID1, ID1, ID2],
        id_grupo=["G1", "G2", "G3"],
        data_entrada=["2024-02-01", "2023-08-15", "2025-01-10"],
        data_saida=[None, "2025-06-30", None],
        situacoes_prioritarias=["trabalho_infantil|deficiencia", None, "isolamento"],
    ),
    "scfv_grupos.csv": lambda: tipada(
        contrato.SCFV_GRUPOS,
        id_grupo=["G1", "G2", "G3"],
        id_cras=[ID1, ID1, ID2],
        ciclo=["6_a_15", "60_mais", "15_a_17"],
        capacidade=[30, 25, 20],
        encontros_semanais=[2, 1, 3],
        horas_por_encontro=[1.5, 2.0, 2.25],
    ),
    "scfv_frequencia.csv": lambda: tipada(
        contrato.SCFV_FREQUENCIA,
        id_participante=["P001", "P001", "P002"],
        mes_referencia=["2025-01", "2025-02", "2025-01"],
        encontros_previstos=[8, 8, 4],
        presencas=[6, 8, None],
    ),
    "inclusao_produtiva.csv": lambda: tipada(
        contrato.INCLUSAO_PRODUTIVA,
        id_inscricao=["I1", "I2"],
        nome=["Beatriz", "Carlos"],
        cpf=[None, "11122233344"],
        id_cras=[ID1, ID2],
        osc=["Associação Esperança", "Instituto Aprender"],
        ano=[2025, 2025],
        fase=[1, 2],
        modulo=["aprendizagem", "pre_aceleracao"],
        curso=["Costura", "Gestão de pequenos negócios"],
        horas_previstas=[160.0, 1234.5],
        horas_cumpridas=[150.25, 1000.0],
        situacao=["concluinte", "cursando"],
        gerando_renda=[True, None],
        area_renda=["confecção", None],
        trabalho_formal=[False, None],
        satisfacao=[5, None],
        empreendimento=[None, "Doces da Vila"],
    ),
    "cadunico_territorios.csv": lambda: tipada(
        contrato.CADUNICO_TERRITORIOS,
        id_cras=[ID1, ID2],
        mes_referencia=["2025-12", "2025-12"],
        **{c.nome: [10000 + i, 2000 + i] for i, c in enumerate(contrato.CADUNICO_TERRITORIOS.colunas[2:])},
    ),
    "custos.csv": lambda: tipada(
        contrato.CUSTOS,
        id_cras=[ID1, ID1, ID2],
        ano=[2024, 2025, 2025],
        servico=["paif", "scfv", "inclusao_produtiva"],
        fonte=["municipal", "federal", "estadual"],
        valor=[123456.78, 0.5, None],
    ),
    "estrutura_cras.csv": lambda: tipada(
        contrato.ESTRUTURA_CRAS,
        id_cras=[ID1, ID2],
        ano_referencia=[2024, None],
        capacidade=["2500", "5000"],
        porte_municipio=["pequeno_i", None],
        salas_atendimento=[2, 4],
        sala_15_pessoas=[True, None],
        recepcao=[False, True],
        banheiros=[1, 3],
        sala_administrativa=[None, True],
        acessibilidade=["parcial", "total"],
        computadores_internet=[0, 5],
        **{
            c.nome: [True, False]
            for c in contrato.ESTRUTURA_CRAS.colunas
            if c.tipo == "sim_nao" and c.nome not in ("sala_15_pessoas", "recepcao", "sala_administrativa")
        },
    ),
    "idcras_publicado.csv": lambda: tipada(
        contrato.IDCRAS_PUBLICADO,
        id_cras=[ID1, ID2],
        ano=[2024, 2024],
        estrutura_fisica=[3, None],
        recursos_humanos=[5, 2],
        servicos_beneficios=[4, 1],
        valor_idcras=[4.0, None],
    ),
}
assert set(AMOSTRAS) == {a.nome for a in contrato.ARQUIVOS}


def amostra(nome: str) -> pd.DataFrame:
    """A small, valid, typed table of the contract file ``nome`` (fresh copy)."""
    return AMOSTRAS[nome]()
