"""The two charts of every CRAS report (RMA month by month; público prioritário by cycle), built and turned into
the page's PNG as ``exibicao.figura_html`` does, timed in CPU (best of ``--repeticoes``).

A national run draws two of them per CRAS report (≈ 17,000 charts), which makes them most of a report's time.

    .venv/bin/python bench/bench_graficos.py [--repeticoes 30]
"""

from __future__ import annotations

import argparse
import time

import pandas as pd

from cras_lib.apresentacao import exibicao, graficos

MESES = list(pd.period_range("2024-01", "2025-12", freq="M"))


def serie() -> str:
    fig, alt = graficos.serie_mensal(
        MESES,
        {
            "Famílias em acompanhamento no PAIF (A.1)": [460 + 5 * i for i in range(24)],
            "Atendimentos individualizados (C.1)": [350 + 7 * (i % 9) for i in range(24)],
        },
        titulo="RMA mês a mês",
        eixo_valor="Famílias ou atendimentos no mês",
    )
    return exibicao.figura_html(fig, alt)


def barras() -> str:
    fig, alt = graficos.barras(
        ["Crianças até 6 anos", "Crianças e adolescentes de 6 a 15 anos", "Adolescentes de 15 a 17 anos"]
        + ["Jovens de 18 a 29 anos", "Adultos de 30 a 59 anos", "Pessoas idosas (60 anos ou mais)"],
        [0.65, 0.6, 0.6, 0.65, 0.53, 0.52],
        titulo="Público prioritário em relação às vagas, por ciclo",
        eixo_valor="Público prioritário ÷ vagas",
        tipo="percentual",
        meta=0.5,
        rotulo_meta="Meta da Resolução CNAS 01/2013",
    )
    return exibicao.figura_html(fig, alt)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeticoes", type=int, default=30)
    args = parser.parse_args()
    total = 0.0
    for nome, fazer in (("linhas (RMA mês a mês)", serie), ("barras (público prioritário)", barras)):
        fazer()  # fonts and caches, as a warm kernel has them
        melhor = float("inf")
        for _ in range(args.repeticoes):
            inicio = time.process_time()
            fazer()
            melhor = min(melhor, time.process_time() - inicio)
        total += melhor
        print(f"{nome:<30} {melhor * 1000:6.1f} ms de CPU (melhor de {args.repeticoes})")
    print(f"{'os dois gráficos de um relatório':<30} {total * 1000:6.1f} ms de CPU")


if __name__ == "__main__":
    main()
