"""Benchmark of ``cras run`` against the naive way, on the example municipality, in one run on one machine.

(a) naive: a serial shell loop that, for each of the documents, calls the ``papermill`` CLI and then
    ``jupyter nbconvert --to html --no-input`` (a new interpreter, kernel and imports every time);
(b) ``cras run --forcar`` (warm kernels, parallel, HTML rendered in the runner).
Prints both wall times and their ratio (goal: (b) at least 5 times faster on 2 cores), the marginal wall time of
one more CRAS report once the pool is warm (all CRAS reports minus as many as there are workers, so that
both runs start the same kernels; goal: at most 0.15 s) and the same in CPU time, and the execution
times recorded by (b) in its manifest.

    .venv/bin/python bench/bench_execucao.py [--workers N] [--repeticoes R]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

RAIZ = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DADOS = RAIZ / "data" / "exemplo"
PARAMS = RAIZ / "params" / "exemplo.yaml"


def documentos() -> list:
    """The same documents and parameters ``cras run`` uses (so both ways do exactly the same work)."""
    from cras_lib.dados.municipio import carregar_municipio
    from cras_lib.execucao.configuracao import carregar_configuracao
    from cras_lib.execucao.documentos import listar_documentos
    from cras_lib.execucao.lote import PASTA_NOTEBOOKS, _mes_boletim

    config = carregar_configuracao(PARAMS)
    municipio = carregar_municipio(DADOS)
    return listar_documentos(
        config, municipio.unidades, DADOS, PASTA_NOTEBOOKS, mes_boletim=_mes_boletim(config, municipio)
    )


def script_ingenuo(docs: list, pasta: Path) -> str:
    """The shell loop of (a): papermill CLI then nbconvert CLI, one document after the other."""
    linhas = ["set -e", f"cd {shlex.quote(str(RAIZ))}"]
    for d in docs:
        saida = pasta / (d.id.replace("/", "-") + ".ipynb")
        parametros = yaml.safe_dump(d.parametros, allow_unicode=True, default_flow_style=True).strip()
        linhas.append(
            f"{BIN / 'papermill'} --no-progress-bar --log-level WARNING -k python3 "
            f"{shlex.quote(str(d.notebook))} {shlex.quote(str(saida))} -y {shlex.quote(parametros)}"
        )
        linhas.append(
            f"{BIN / 'jupyter'} nbconvert --log-level WARN --to html --no-input {shlex.quote(str(saida))}"
        )
    return "\n".join(linhas) + "\n"


def cronometrar(comando: list[str]) -> float:
    return medir(comando)[0]


def medir(comando: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system, the command and every process it started and waited for: the
    runner and its kernels) of ``comando``. CPU time hardly changes with the machine's load; wall time does."""
    antes = resource.getrusage(resource.RUSAGE_CHILDREN)
    inicio = time.perf_counter()
    subprocess.run(comando, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=RAIZ)
    parede = time.perf_counter() - inicio
    depois = resource.getrusage(resource.RUSAGE_CHILDREN)
    return parede, (depois.ru_utime - antes.ru_utime) + (depois.ru_stime - antes.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    parser.add_argument(
        "--repeticoes", type=int, default=1, help="repetitions of each way (the best is kept)"
    )
    parser.add_argument("--sem-ingenuo", action="store_true", help="skip (a), the slow naive loop")
    args = parser.parse_args()

    docs = documentos()
    print(f"máquina: {os.cpu_count()} núcleos; carga média antes: {os.getloadavg()[0]:.2f}")
    print(f"documentos: {len(docs)} ({sum(d.tipo == 'cras' for d in docs)} relatórios de CRAS)")
    with tempfile.TemporaryDirectory(prefix="bench-cras-") as tmp:
        tmp = Path(tmp)
        script = tmp / "ingenuo.sh"
        script.write_text(script_ingenuo(docs, tmp / "ingenuo"), encoding="utf-8")
        (tmp / "ingenuo").mkdir()

        def cras_run(saida: str, *extra: str) -> list[str]:
            return [
                str(BIN / "cras"),
                "run",
                "--dados",
                str(DADOS),
                "--params",
                str(PARAMS),
                "--saida",
                str(tmp / saida),
                "--workers",
                str(args.workers),
                "--forcar",
                *extra,
            ]

        if not args.sem_ingenuo:
            ingenuo = min(cronometrar(["bash", str(script)]) for _ in range(args.repeticoes))
            print(f"(a) laço serial papermill + nbconvert:  {ingenuo:7.1f} s")
        cras = min(cronometrar(cras_run("cras")) for _ in range(args.repeticoes))
        print(f"(b) cras run --forcar --workers {args.workers}:     {cras:7.1f} s")
        if not args.sem_ingenuo:
            print(f"razão (a)/(b): {ingenuo / cras:.1f}x (meta: >= 5x)")

        # marginal wall time of one more CRAS report once the pool is warm: all reports minus as many reports
        # as there are workers (both runs start and warm the same number of kernels, which is not marginal)
        ids = [d.id.removeprefix("cras/") for d in docs if d.tipo == "cras"]
        k = min(args.workers, len(ids) - 1)
        um = min(
            (
                medir(cras_run("um", "--documentos", "cras", "--cras", *ids[:k]))
                for _ in range(args.repeticoes)
            ),
            key=lambda m: m[0],
        )
        todos = min(
            (medir(cras_run("todos", "--documentos", "cras")) for _ in range(args.repeticoes)),
            key=lambda m: m[0],
        )
        n = len(ids) - k
        print(
            f"custo marginal de um relatório de CRAS com o pool aquecido: ({todos[0]:.1f} s para {len(ids)} - "
            f"{um[0]:.1f} s para {k}) / {n} = {(todos[0] - um[0]) / n:.2f} s de parede (meta: <= 0,15 s)"
        )
        cpu = (todos[1] - um[1]) / n
        print(
            f"  em tempo de CPU (executor e núcleos): ({todos[1]:.1f} s - {um[1]:.1f} s) / {n} = {cpu:.2f} s "
            f"por relatório; com {args.workers} núcleos ocupados, {cpu / min(args.workers, os.cpu_count()):.2f} s "
            "de parede numa máquina ociosa"
        )

        manifesto = json.loads((tmp / "cras" / "manifest.json").read_text(encoding="utf-8"))
        tempos = sorted(d["duracao_s"] for d in manifesto["documentos"] if d["tipo"] == "cras")
        outros = {d["id"]: d["duracao_s"] for d in manifesto["documentos"] if d["tipo"] != "cras"}
        print(
            f"tempo de cada relatório de CRAS no seu kernel (execução + reinício, {args.workers} em paralelo): "
            f"mediana {statistics.median(tempos):.2f} s, mínimo {tempos[0]:.2f} s, máximo {tempos[-1]:.2f} s"
        )
        print("demais documentos: " + ", ".join(f"{i} {t:.2f} s" for i, t in outros.items()))
        print(f"carga média depois: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
