"""Time of the indicator catalogue on a synthetic national-size set: 8,500 CRAS × 24 months of RMA, with
rosters, SCFV groups/users/attendance, Programa de Inclusão Produtiva enrolments and costs in proportion.

Run: ``.venv/bin/python bench/bench_indicadores.py [--usuarios-por-cras N] [--repeticoes N]``. Prints the
sizes of the tables and, as the median of N runs (one warm-up first; data generation excluded), the time to
compute every indicator for one year, per block of indicators and for the whole evaluation (year + comparison
year).
"""

from __future__ import annotations

import argparse
import time
from types import SimpleNamespace

import numpy as np
import pandas as pd
from bench_carga import mediana  # same measure as the loading benchmark (median after a warm-up)

from cras_lib.calculo.indicadores import CATALOGO, Contexto, calcular_indicador, calcular_todos
from cras_lib.calculo.indicadores.avaliacao import avaliar
from cras_lib.dados.contrato import CICLOS, MODULOS, RMA_COLUNAS, SITUACOES_PRIORITARIAS
from cras_lib.norma.inclusao_produtiva import FASE_DO_MODULO, HORAS_MODULO

N_CRAS, ANOS = 8_500, (2024, 2025)
MESES = pd.period_range("2024-01", "2025-12", freq="M")
FUNCOES = ("coordenador", "tecnico_superior", "tecnico_superior", "tecnico_superior", "tecnico_medio",
           "tecnico_medio", "orientador_social", "auxiliar_administrativo")  # fmt: skip


def _texto(valores) -> pd.Series:
    return pd.Series(valores, dtype="string")


def gerar(usuarios_por_cras: int, seed: int = 2026) -> SimpleNamespace:
    """A ``Municipio``-like object of national size (contract dtypes). About 1 % of RMA months not
    reported."""
    rng = np.random.default_rng(seed)
    ids = np.array([f"{i:011d}" for i in range(1, N_CRAS + 1)])
    unidades = pd.DataFrame(
        {
            "id_cras": _texto(ids),
            "nome": _texto([f"CRAS {i}" for i in range(1, N_CRAS + 1)]),
            "familias_referenciadas": pd.array(rng.integers(1_000, 5_500, N_CRAS), dtype="Int64"),
        }
    )
    # RMA: every CRAS × month, minus ~1 % of the rows (months not reported)
    cras_rma = np.repeat(ids, len(MESES))
    meses_rma = np.tile(np.arange(len(MESES)), N_CRAS)
    manter = rng.random(len(cras_rma)) > 0.01
    n = int(manter.sum())
    rma = pd.DataFrame(
        {
            "id_cras": _texto(cras_rma[manter]),
            "mes_referencia": pd.PeriodIndex(MESES[meses_rma[manter]], freq="M"),
            **{c: pd.array(rng.integers(0, 400, n), dtype="Int64") for c in (*RMA_COLUNAS, "d8")},
        }
    )
    equipes = pd.DataFrame(
        {"id_cras": _texto(np.repeat(ids, len(FUNCOES))), "funcao": _texto(np.tile(FUNCOES, N_CRAS))}
    )
    # SCFV: 6 groups per CRAS (one per cycle), ``usuarios_por_cras`` users, attendance in every month of 2025
    grupos_ids = np.array([f"G{i}" for i in range(N_CRAS * len(CICLOS))])
    grupos = pd.DataFrame(
        {
            "id_grupo": _texto(grupos_ids),
            "id_cras": _texto(np.repeat(ids, len(CICLOS))),
            "ciclo": _texto(np.tile(CICLOS, N_CRAS)),
            "capacidade": pd.array(rng.integers(5, 30, len(grupos_ids)), dtype="Int64"),
        }
    )
    n_usuarios = N_CRAS * usuarios_por_cras
    grupo = rng.integers(0, len(grupos_ids), n_usuarios)
    entrada = pd.Timestamp("2023-01-01") + pd.to_timedelta(rng.integers(0, 1_000, n_usuarios), unit="D")
    saida = entrada + pd.to_timedelta(rng.integers(30, 900, n_usuarios), unit="D")
    usuarios = np.array([f"P{i}" for i in range(n_usuarios)])
    participantes = pd.DataFrame(
        {
            "id_participante": _texto(usuarios),
            "data_nascimento": pd.Timestamp("1940-01-01")
            + pd.to_timedelta(rng.integers(0, 30_000, n_usuarios), unit="D"),
            "id_cras": _texto(np.repeat(ids, len(CICLOS))[grupo]),
            "id_grupo": _texto(grupos_ids[grupo]),
            "data_entrada": entrada,
            "data_saida": pd.Series(saida).where(rng.random(n_usuarios) < 0.3),
            "situacoes_prioritarias": _texto(
                np.where(rng.random(n_usuarios) < 0.5, rng.choice(SITUACOES_PRIORITARIAS, n_usuarios), None)
            ),
        }
    )
    meses_2025 = MESES[12:]
    previstos = rng.integers(4, 9, n_usuarios * 12)
    frequencia = pd.DataFrame(
        {
            "id_participante": _texto(np.repeat(usuarios, 12)),
            "mes_referencia": pd.PeriodIndex(np.tile(meses_2025, n_usuarios), freq="M"),
            "encontros_previstos": pd.array(previstos, dtype="Int64"),
            "presencas": pd.array(rng.integers(0, previstos + 1), dtype="Int64"),
        }
    )
    # Inclusão Produtiva: 10 people per CRAS, 2025, one row per module
    n_pessoas = N_CRAS * 10
    modulos = np.array(MODULOS)
    pessoa = np.repeat(np.arange(n_pessoas), len(modulos))
    modulo = np.tile(modulos, n_pessoas)
    previstas = np.array([HORAS_MODULO[m] for m in modulos], dtype=float)[
        np.tile(np.arange(len(modulos)), n_pessoas)
    ]
    linhas = len(pessoa)
    inclusao = pd.DataFrame(
        {
            "id_inscricao": _texto([f"I{i}" for i in range(linhas)]),
            "cpf": _texto([f"{p:011d}" for p in pessoa]),
            "id_cras": _texto(np.repeat(ids, 10 * len(modulos))),
            "ano": pd.array(np.full(linhas, 2025), dtype="Int64"),
            "fase": pd.array([FASE_DO_MODULO[m] for m in modulo], dtype="Int64"),
            "modulo": _texto(modulo),
            "horas_previstas": pd.array(previstas, dtype="Float64"),
            "horas_cumpridas": pd.array(np.round(previstas * rng.uniform(0.3, 1.0, linhas)), dtype="Float64"),
            "situacao": _texto(
                rng.choice(["concluinte", "desistente", "cursando"], linhas, p=[0.7, 0.2, 0.1])
            ),
            "gerando_renda": pd.array(
                np.where(rng.random(linhas) < 0.5, rng.random(linhas) < 0.5, None), "boolean"
            ),
            "trabalho_formal": pd.array(
                np.where(rng.random(linhas) < 0.5, rng.random(linhas) < 0.2, None), "boolean"
            ),
            "satisfacao": pd.array(
                np.where(rng.random(linhas) < 0.3, rng.integers(1, 6, linhas), None), "Int64"
            ),
            "empreendimento": _texto(
                np.where(modulo == "aceleracao", [f"E{p % 3_000}" for p in pessoa], None)
            ),
        }
    )
    chaves = pd.MultiIndex.from_product([ids, ANOS, ("paif", "scfv", "inclusao_produtiva")])
    custos = pd.DataFrame(
        {
            "id_cras": _texto(chaves.get_level_values(0)),
            "ano": pd.array(chaves.get_level_values(1), dtype="Int64"),
            "servico": _texto(chaves.get_level_values(2)),
            "fonte": _texto(["municipal"] * len(chaves)),
            "valor": pd.array(rng.uniform(10_000, 900_000, len(chaves)), dtype="Float64"),
        }
    )
    return SimpleNamespace(
        unidades=unidades,
        rma_cras=rma,
        equipes=equipes,
        scfv_participantes=participantes,
        scfv_grupos=grupos,
        scfv_frequencia=frequencia,
        inclusao_produtiva=inclusao,
        custos=custos,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description="Tempo do catálogo de indicadores em escala nacional.")
    parser.add_argument(
        "--usuarios-por-cras", type=int, default=40, help="usuários do SCFV por CRAS (padrão 40)"
    )
    parser.add_argument("--repeticoes", type=int, default=3, help="execuções medidas (mediana; padrão 3)")
    args = parser.parse_args()

    inicio = time.perf_counter()
    m = gerar(args.usuarios_por_cras)
    print(f"dados sintéticos gerados em {time.perf_counter() - inicio:.1f} s (fora das medidas):")
    for nome in ("rma_cras", "equipes", "scfv_participantes", "scfv_grupos", "scfv_frequencia",
                 "inclusao_produtiva", "custos"):  # fmt: skip
        print(f"  {nome:<20} {len(getattr(m, nome)):>10,} linhas")

    def contexto() -> Contexto:
        return Contexto.do_municipio(m, "2025-01", "2025-12", {})

    print(
        f"\ncatálogo: {len(CATALOGO)} indicadores, {N_CRAS:,} CRAS + município; mediana de {args.repeticoes}"
    )
    blocos: dict[str, list[str]] = {}
    for codigo in CATALOGO:
        blocos.setdefault(codigo.split("-")[0], []).append(codigo)
    for bloco, codigos in blocos.items():

        def um_bloco(codigos=codigos):
            ctx = contexto()  # fresh context: shared aggregates are computed inside the measure
            for codigo in codigos:
                calcular_indicador(CATALOGO[codigo], ctx)

        print(f"  {bloco:<5} ({len(codigos):>2} indicadores) {mediana(um_bloco, args.repeticoes):7.2f} s")
    total = mediana(lambda: calcular_todos(contexto()), args.repeticoes)
    print(f"  todos os indicadores de 2025          {total:7.2f} s")
    completa = mediana(lambda: avaliar(m, "2025-01", "2025-12", {}, "2024-01", "2024-12"), args.repeticoes)
    print(f"  avaliação completa (2025 + 2024, metas, quadro) {completa:7.2f} s")


if __name__ == "__main__":
    main()
