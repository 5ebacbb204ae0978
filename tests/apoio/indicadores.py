"""Small hand-built municipality for the indicator tests (three CRAS, period January–April 2025).

Every figure the tests expect is worked out by hand from these rows (arithmetic in the tests' comments):

- CRAS A (2.000 referenced families -> PAIF capacity 500/year): RMA in Jan, Feb and Apr (March NOT reported).
- CRAS B (3.000 families -> 750/year): RMA in all four months; no higher-level technician; no SCFV cost.
- CRAS C (4.000 families -> 1.000/year): no RMA month, one SCFV group of capacity 0 and no user, no enrolment
  in the Programa de Inclusão Produtiva.
"""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from cras_lib.calculo.indicadores import Contexto
from cras_lib.dados.contrato import RMA_COLUNAS

A, B, C = "00000000001", "00000000002", "00000000003"
INICIO, FIM = "2025-01", "2025-04"
PARAMETROS = {"scfv": {"meses_permanencia": 3}, "inclusao_produtiva": {"vagas_por_cras": 10}}


def _texto(valores):
    return pd.array(valores, dtype="string")


def _datas(valores):
    return pd.to_datetime(pd.Series(valores, dtype="object"))


def unidades() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id_cras": _texto([A, B, C]),
            "nome": _texto(["CRAS Alfa", "CRAS Beta", "CRAS Gama"]),
            "familias_referenciadas": pd.array([2_000, 3_000, 4_000], dtype="Int64"),
        }
    )


def rma_cras() -> pd.DataFrame:
    """Items not listed are 0 in a reported month."""
    meses = [
        (A, "2024-12", {"a1": 999, "a2": 99, "c1": 999, "c6": 999}),  # outside the period
        (
            A,
            "2025-01",
            {"a1": 100, "a2": 10, "b1": 4, "b3": 1, "c1": 200, "c2": 5, "c3": 3, "c4": 2, "c5": 1, "c6": 30},
        ),
        (
            A,
            "2025-02",
            {"a1": 105, "a2": 8, "b1": 2, "b3": 1, "c1": 180, "c2": 4, "c3": 2, "c4": 1, "c5": 0, "c6": 24},
        ),
        (
            A,
            "2025-04",
            {"a1": 110, "a2": 6, "b1": 3, "b3": 0, "c1": 220, "c2": 6, "c3": 1, "c4": 0, "c5": 2, "c6": 36},
        ),
        *((B, f"2025-0{m}", {"a1": 200, "a2": 0, "c1": 100, "c6": 10}) for m in range(1, 5)),
    ]
    linhas = [
        {"id_cras": i, "mes_referencia": mes, **{c: itens.get(c, 0) for c in RMA_COLUNAS}}
        for i, mes, itens in meses
    ]
    tabela = pd.DataFrame(linhas)
    tabela["id_cras"] = tabela["id_cras"].astype("string")
    tabela["mes_referencia"] = pd.PeriodIndex(tabela["mes_referencia"], freq="M")
    return tabela.astype({c: "Int64" for c in RMA_COLUNAS})


def equipes() -> pd.DataFrame:
    funcoes = [
        (A, "coordenador"),
        (A, "tecnico_superior"),
        (A, "tecnico_superior"),
        (A, "tecnico_medio"),
        (B, "tecnico_medio"),
        (B, "tecnico_medio"),
        (C, "tecnico_superior"),
    ]
    return pd.DataFrame(
        {"id_cras": _texto([i for i, _ in funcoes]), "funcao": _texto([f for _, f in funcoes])}
    )


def scfv_grupos() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id_grupo": _texto(["G1", "G2", "G3", "G4"]),
            "id_cras": _texto([A, A, B, C]),
            "ciclo": _texto(["6_a_15", "60_mais", "30_a_59", "18_a_29"]),
            "capacidade": pd.array([10, 10, 4, 0], dtype="Int64"),
            "encontros_semanais": pd.array([2, 1, 1, 1], dtype="Int64"),
            "horas_por_encontro": pd.array([2.0, 2.0, 2.0, 2.0], dtype="Float64"),
        }
    )


def scfv_participantes() -> pd.DataFrame:
    linhas = [
        # id, cras, grupo, nascimento, entrada, saída, situações prioritárias
        ("P1", A, "G1", "2015-03-01", "2024-10-01", None, "isolamento"),
        ("P2", A, "G1", "2014-06-01", "2024-11-15", "2025-03-10", None),  # left inside the period
        ("P3", A, "G2", "1950-01-01", "2025-02-01", None, "deficiencia"),
        ("P4", A, "G2", "1955-01-01", "2024-07-01", "2024-12-31", None),  # left before the period
        ("P5", B, "G3", "1980-01-01", "2024-08-01", None, "trabalho_infantil"),
        ("P6", B, "G3", "1985-01-01", "2025-05-10", None, None),  # enters after the period
        ("P7", A, "G1", "2016-01-01", "2024-12-01", "2025-02-01", None),  # left before 3 months
    ]
    ids, cras, grupos, nascimento, entrada, saida, situacoes = zip(*linhas, strict=True)
    return pd.DataFrame(
        {
            "id_participante": _texto(ids),
            "nome": _texto([f"Pessoa {i}" for i in ids]),
            "data_nascimento": _datas(nascimento),
            "id_cras": _texto(cras),
            "id_grupo": _texto(grupos),
            "data_entrada": _datas(entrada),
            "data_saida": _datas(saida),
            "situacoes_prioritarias": _texto(situacoes),
        }
    )


def scfv_frequencia() -> pd.DataFrame:
    linhas = [
        ("P1", "2024-12", 8, 0),  # outside the period
        ("P1", "2025-01", 8, 6),
        ("P1", "2025-02", 8, 8),
        ("P2", "2025-02", 8, 4),
        ("P2", "2025-03", 4, 0),
        ("P5", "2025-01", 4, 4),
    ]
    ids, meses, previstos, presencas = zip(*linhas, strict=True)
    return pd.DataFrame(
        {
            "id_participante": _texto(ids),
            "mes_referencia": pd.PeriodIndex(meses, freq="M"),
            "encontros_previstos": pd.array(previstos, dtype="Int64"),
            "presencas": pd.array(presencas, dtype="Int64"),
        }
    )


COLUNAS_INCLUSAO = (
    "id_inscricao cpf id_cras ano fase modulo horas_previstas horas_cumpridas situacao gerando_renda "
    "trabalho_formal satisfacao empreendimento"
).split()
TIPOS_INCLUSAO = {
    "id_inscricao": "string",
    "cpf": "string",
    "id_cras": "string",
    "ano": "Int64",
    "fase": "Int64",
    "modulo": "string",
    "horas_previstas": "Float64",
    "horas_cumpridas": "Float64",
    "situacao": "string",
    "gerando_renda": "boolean",
    "trabalho_formal": "boolean",
    "satisfacao": "Int64",
    "empreendimento": "string",
}


def tabela_inclusao(linhas) -> pd.DataFrame:
    """Rows of :data:`COLUNAS_INCLUSAO` typed like ``Municipio.inclusao_produtiva`` (personal ``nome``
    omitted, ``cpf`` kept: it is read to count people)."""
    return pd.DataFrame(linhas, columns=COLUNAS_INCLUSAO).astype(TIPOS_INCLUSAO)


def inclusao_produtiva() -> pd.DataFrame:
    cpf1, cpf2 = "11111111111", "22222222222"
    return tabela_inclusao(
        [
            # P1 at A: every module concluded, generating income, enterprise "Doces"
            ("i1", cpf1, A, 2025, 1, "aprendizagem", 132, 132, "concluinte", None, None, 5, None),
            ("i2", cpf1, A, 2025, 1, "desenvolvimento_pessoal", 15, 15, "concluinte", None, None, None, None),
            (
                "i3",
                cpf1,
                A,
                2025,
                1,
                "desenvolvimento_gerencial",
                15,
                15,
                "concluinte",
                None,
                None,
                None,
                None,
            ),
            ("i4", cpf1, A, 2025, 2, "pre_aceleracao", 25, 25, "concluinte", None, None, None, "Doces"),
            ("i5", cpf1, A, 2025, 2, "aceleracao", 25, 25, "concluinte", True, False, None, "Doces"),
            # P2 at A: dropped out of Aprendizagem after 66 h
            ("i6", cpf2, A, 2025, 1, "aprendizagem", 132, 66, "desistente", None, None, 2, None),
            # P3 at B (no cpf: counted by id_inscricao): phase 1 concluded, not generating income, formal work
            ("i7", None, B, 2025, 1, "aprendizagem", 132, 120, "concluinte", False, True, 4, None),
        ]
    )


def custos() -> pd.DataFrame:
    linhas = [
        (A, 2024, "paif", "municipal", 99_999.0),  # outside the period
        (A, 2025, "paif", "municipal", 12_000.0),
        (A, 2025, "paif", "federal", 6_000.0),
        (B, 2025, "paif", "municipal", 24_000.0),
        (A, 2025, "scfv", "municipal", 3_600.0),
        (A, 2025, "inclusao_produtiva", "municipal", 2_400.0),
    ]
    ids, anos, servicos, fontes, valores = zip(*linhas, strict=True)
    return pd.DataFrame(
        {
            "id_cras": _texto(ids),
            "ano": pd.array(anos, dtype="Int64"),
            "servico": _texto(servicos),
            "fonte": _texto(fontes),
            "valor": pd.array(valores, dtype="Float64"),
        }
    )


CADUNICO_CONTAGENS = (
    "familias_cadastradas", "familias_extrema_pobreza", "familias_pobreza", "familias_baixa_renda",
    "familias_bolsa_familia", "pessoas_bpc", "pessoas_0_6", "pessoas_6_15", "pessoas_15_17", "pessoas_18_29",
    "pessoas_30_59", "pessoas_60_mais",
)  # fmt: skip


def cadunico_territorios() -> pd.DataFrame:
    """Families in extreme poverty: A 100 in Dec 2024 (the month before the period) and 90 in Apr 2025; B 200
    and 205; C only in Feb 2025 (no base month); A in May 2025 is outside the period."""
    linhas = [
        (A, "2024-12", 100),
        (B, "2024-12", 200),
        (A, "2025-02", 95),
        (C, "2025-02", 50),
        (A, "2025-04", 90),
        (B, "2025-04", 205),
        (A, "2025-05", 999),
    ]
    ids, meses, extrema = zip(*linhas, strict=True)
    tabela = pd.DataFrame({"id_cras": _texto(ids), "mes_referencia": pd.PeriodIndex(meses, freq="M")})
    for coluna in CADUNICO_CONTAGENS:
        tabela[coluna] = pd.array([1000] * len(linhas), dtype="Int64")
    tabela["familias_extrema_pobreza"] = pd.array(extrema, dtype="Int64")
    return tabela


def municipio(**sem) -> SimpleNamespace:
    """A ``Municipio``-like object; ``sem=True`` for a table leaves that optional file out (None)."""
    tabelas = {
        "unidades": unidades(),
        "rma_cras": rma_cras(),
        "equipes": equipes(),
        "scfv_participantes": scfv_participantes(),
        "scfv_grupos": scfv_grupos(),
        "scfv_frequencia": scfv_frequencia(),
        "inclusao_produtiva": inclusao_produtiva(),
        "custos": custos(),
        "cadunico_territorios": cadunico_territorios(),
    }
    return SimpleNamespace(**{k: (None if sem.get(k) else v) for k, v in tabelas.items()}, avisos=[])


def contexto(inicio=INICIO, fim=FIM, parametros=None, **sem) -> Contexto:
    return Contexto.do_municipio(
        municipio(**sem), inicio, fim, PARAMETROS if parametros is None else parametros
    )
