"""Where a document's time goes: a per-CRAS report, and the evaluation and the plan of a large municipality,
profiled with pyinstrument in one process warmed up as a kernel of the pool is (imports done, municipality
loaded, one document already made), section by section as the notebooks run them.

    .venv/bin/python bench/perfil_documentos.py [--cras-avaliacao 256] [--sem-avaliacao]

Prints, for each document, the wall and CPU time of ``montar`` and of each section (blocks built and displayed,
charts encoded as PNG), then pyinstrument's call tree. The evaluation and the Plano Anual do SCFV run on a
synthetic municipality of ``--cras-avaliacao`` CRAS (``cras_lib.dados.sintetico``): the time that grows with
the number of CRAS shows there.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import tempfile
import time
from pathlib import Path

from pyinstrument import Profiler

RAIZ = Path(__file__).resolve().parent.parent
PARAMS = RAIZ / "params" / "avaliacao.yaml"
PERIODO = {"inicio": "2025-01", "fim": "2025-12", "comparacao_inicio": "2024-01", "comparacao_fim": "2024-12"}


def medir(rotulo: str, montar, modulo, repeticoes: int = 1) -> None:
    from cras_lib.apresentacao.exibicao import exibir

    def uma_vez() -> dict[str, tuple[float, float]]:
        tempos = {}
        parede, cpu = time.perf_counter(), time.process_time()
        d = montar()
        tempos["montar"] = (time.perf_counter() - parede, time.process_time() - cpu)
        for secao in modulo.SECOES:  # the document's sections, as its notebook runs them
            parede, cpu = time.perf_counter(), time.process_time()
            with contextlib.redirect_stdout(io.StringIO()):
                exibir(secao(d))
            tempos[secao.__name__] = (time.perf_counter() - parede, time.process_time() - cpu)
        return tempos

    uma_vez()  # warm-up: what a warm kernel has already paid
    perfil = Profiler(interval=0.001)
    perfil.start()
    for _ in range(repeticoes):
        tempos = uma_vez()
    perfil.stop()
    total_parede = sum(p for p, _c in tempos.values())
    total_cpu = sum(c for _p, c in tempos.values())
    print(f"\n== {rotulo}: {total_parede:.3f} s de parede, {total_cpu:.3f} s de CPU (uma execução)")
    for nome, (parede, cpu) in tempos.items():
        print(f"   {nome:<22} {parede:7.3f} s parede  {cpu:7.3f} s CPU")
    print(perfil.output_text(unicode=False, color=False))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cras-avaliacao", type=int, default=256)
    parser.add_argument("--sem-avaliacao", action="store_true")
    parser.add_argument("--repeticoes", type=int, default=3, help="executions of the CRAS report profiled")
    args = parser.parse_args()

    from cras_lib.dados import carregar_municipio, sintetico
    from cras_lib.documentos import avaliacao, plano, relatorio_cras
    from cras_lib.execucao import aquecimento

    aquecimento.aquecer(str(RAIZ / "data" / "exemplo"))  # the caches a warm kernel of the pool turns on
    exemplo = carregar_municipio(RAIZ / "data" / "exemplo")
    medir(
        "relatório do CRAS 31799900001 (município de exemplo)",
        lambda: relatorio_cras.montar(
            municipio=exemplo,
            params=PARAMS,
            id_cras="31799900001",
            plano={
                "ano": 2026,
                "data_referencia": "2025-12-31",
                "params": str(RAIZ / "params" / "plano_scfv.yaml"),
            },
            municipio_nome="Vale Serrano",
            uf="MG",
            **PERIODO,
        ),
        relatorio_cras,
        args.repeticoes,
    )
    if args.sem_avaliacao:
        return
    with tempfile.TemporaryDirectory() as pasta:
        (codigo,) = sintetico.gerar(pasta, 1, cras=(args.cras_avaliacao, args.cras_avaliacao))
        grande = carregar_municipio(Path(pasta) / codigo)
    medir(
        f"avaliação de um município de {args.cras_avaliacao} CRAS",
        lambda: avaliacao.montar(
            municipio=grande, params=PARAMS, municipio_nome="Capital", uf="MG", **PERIODO
        ),
        avaliacao,
    )
    medir(
        f"Plano Anual do SCFV de um município de {args.cras_avaliacao} CRAS",
        lambda: plano.montar(
            municipio=grande,
            params=RAIZ / "params" / "plano_scfv.yaml",
            ano=2026,
            data_referencia="2025-12-31",
            municipio_nome="Capital",
            uf="MG",
        ),
        plano,
    )


if __name__ == "__main__":
    main()
