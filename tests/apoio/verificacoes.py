"""Builders for the data-quality checks and the boletim: a clean example-like data folder, an RMA without
findings, and helpers to plant one finding."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from cras_lib.calculo import verificacoes as v
from cras_lib.calculo.verificacoes.catalogo import COLUNAS_ACHADO
from cras_lib.dados.contrato import ARQUIVOS
from cras_lib.dados.municipio import carregar_municipio
from cras_lib.parametros.boletim import ArquivoBoletim

A, B = "11111111111", "22222222222"
LETRA = {A: "A", B: "B"}
MESES = [f"2025-{m:02d}" for m in range(1, 13)]
DEZ = "2025-12"
# A clean form: B.* parts of A.2, A.1 constant (it may grow by at most A.2), D items inside the capacity.
FORMULARIO = {
    "a1": 100, "a2": 10, "b1": 4, "b2": 6, "b3": 1, "b4": 1, "b5": 0, "b6": 0,
    "c1": 80, "c2": 8, "c3": 10, "c4": 2, "c5": 1, "c6": 9, "c7": 1, "c8": 0, "c9": 5,
    "d1": 20, "d2": 10, "d3": 20, "d4": 10, "d5": 15, "d6": 30, "d7": 3,
}  # fmt: skip
# scfv_grupos of every CRAS: (cycle, capacity, weekly encounters); D.2 ate_6, D.3 6_a_15, D.4 15_a_17, D.5 60_mais
GRUPOS = (("ate_6", 12, 2), ("6_a_15", 25, 2), ("15_a_17", 12, 2), ("60_mais", 20, 1))
ATIVOS = {"ate_6": 10, "6_a_15": 20, "15_a_17": 10, "60_mais": 15}  # = D.2..D.5 of the clean form


def _gravar(pasta: Path, nome: str, linhas: list[dict]) -> None:
    arquivo = next(a for a in ARQUIVOS if a.nome == nome)
    colunas = [c.nome for c in arquivo.colunas]
    with (pasta / nome).open("w", encoding="utf-8", newline="") as f:
        escritor = csv.DictWriter(f, colunas, delimiter=";", lineterminator="\n", extrasaction="ignore")
        escritor.writeheader()
        escritor.writerows(linhas)


def rma_limpo() -> list[dict]:
    """Two CRAS, 2025-01..2025-12; C.1 cycles 78, 80, 82, so the history has a spread: over January to
    November (78 ×4, 80 ×4, 82 ×3) the median is 80 and the absolute deviations (0 ×4, 2 ×7) give MAD 2."""
    return [
        {"id_cras": c, "mes_referencia": m, **FORMULARIO, "c1": 78 + 2 * (i % 3)}
        for c in (A, B)
        for i, m in enumerate(MESES)
    ]


def montar_pasta(
    pasta: Path,
    rma: list[dict] | None = None,
    *,
    saidas_em_novembro: int = 0,
    frequencia: list[dict] | None = None,
    grupos_extras: list[dict] | None = None,
) -> Path:
    """A data folder with the required files and the SCFV files; ``saidas_em_novembro`` users of CRAS A's
    6-to-15 group left on 2025-11-10 (so the SISC list has fewer active users than the RMA says)."""
    _gravar(
        pasta,
        "unidades.csv",
        [
            {
                "id_cras": c,
                "nome": n,
                "territorio": "Centro",
                "familias_referenciadas": 2000,
                "horas_semanais_funcionamento": 40,
                "dias_semana_funcionamento": 5,
                "endereco": "Rua A, 1",
            }
            for c, n in ((A, "CRAS Alfa"), (B, "CRAS Beta"))
        ],
    )
    _gravar(pasta, "rma_cras.csv", rma_limpo() if rma is None else rma)
    _gravar(
        pasta,
        "equipes.csv",
        [
            {
                "id_cras": c,
                "funcao": "coordenador",
                "profissao": "assistente_social",
                "escolaridade": "superior",
                "vinculo": "estatutario",
                "horas_semanais": 40,
            }
            for c in (A, B)
        ],
    )
    grupos, participantes = [], []
    for c in (A, B):
        for k, (ciclo, capacidade, semanais) in enumerate(GRUPOS, start=1):
            id_grupo = f"G{LETRA[c]}{k}"
            grupos.append(
                {
                    "id_grupo": id_grupo,
                    "id_cras": c,
                    "ciclo": ciclo,
                    "capacidade": capacidade,
                    "encontros_semanais": semanais,
                    "horas_por_encontro": 2,
                }
            )
            for n in range(ATIVOS[ciclo]):
                saiu = c == A and ciclo == "6_a_15" and n < saidas_em_novembro
                participantes.append(
                    {
                        "id_participante": f"P{LETRA[c]}{k}{n:02d}",
                        "data_nascimento": "1950-01-01" if ciclo == "60_mais" else "2015-01-01",
                        "id_cras": c,
                        "id_grupo": id_grupo,
                        "data_entrada": "2024-03-01",
                        "data_saida": "2025-11-10" if saiu else "",
                        "situacoes_prioritarias": "",
                    }
                )
    _gravar(pasta, "scfv_grupos.csv", grupos + (grupos_extras or []))
    _gravar(pasta, "scfv_participantes.csv", participantes)
    padrao = [{"id_participante": "PA100", "mes_referencia": DEZ, "encontros_previstos": 9, "presencas": 8}]
    _gravar(pasta, "scfv_frequencia.csv", padrao if frequencia is None else frequencia)
    return pasta


def alertas(pasta: Path, mes: str = DEZ, **parametros) -> pd.DataFrame:
    m = carregar_municipio(pasta)
    return v.alertas(v.Contexto(m, pd.Period(mes, "M"), ArquivoBoletim(**parametros)))


def do_codigo(tabela: pd.DataFrame, codigo: str) -> list[dict]:
    """The findings of one check as plain dicts, only the columns that are filled."""
    linhas = tabela[tabela["codigo"] == codigo][list(COLUNAS_ACHADO)]
    return [{k: x for k, x in linha.items() if not pd.isna(x)} for linha in linhas.to_dict("records")]


def com(rma: list[dict], cras: str, mes: str, **valores) -> list[dict]:
    for linha in rma:
        if linha["id_cras"] == cras and linha["mes_referencia"] == mes:
            linha.update(valores)
    return rma
