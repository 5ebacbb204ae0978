"""National-scale benchmark: a synthetic country (``cras_lib.dados.sintetico``) run with (a) the local warm pool
and (b) Dask's ``LocalCluster`` with the same number of worker processes, side by side, in one run.

For each executor it prints: wall time, CPU time (the runner and every process it started and waited for:
kernels, Dask workers; it hardly moves with the machine's load, wall time does) and its split between the
client, the kernels and the Dask worker processes, documents per second, the steady-state wall time per document (time
between the first and the last published document ÷ documents − 1: what one more document costs once everything
is warm), the mean execution time per kind of document (from the manifest), the peak memory (RSS) of the client
process and of its worker processes (kernels; for Dask also the worker processes themselves), sampled every
0.2 s, and the extrapolation to the whole country: 5,570 plans, 5,570 evaluations and about 8,500 CRAS reports
(≈ 19,640 documents) at the measured per-kind times and parallel efficiency. With ``--repeticoes R`` the
executors run R times in turn and the fastest run of each is shown, with every run's total.

Goals (issue 15, on a 2-core machine): Dask overhead ≤ 10 % of the local pool's time; the extrapolated national
run under 1 h; client memory flat in the number of municipalities.

    .venv/bin/python bench/bench_nacional.py [--municipios 100] [--cras-min 1 --cras-max 2] [--workers 2]
        [--repeticoes 3]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

RAIZ = Path(__file__).resolve().parent.parent
CRAS = str(Path(sys.executable).with_name("cras"))
NACIONAL = {"plano": 5_570, "avaliacao": 5_570, "cras": 8_500}


def escrever_params(pasta: Path) -> Path:
    p = RAIZ / "params"
    arquivo = pasta / "execucao.yaml"
    arquivo.write_text(
        f"""limiar_supressao: 5
plano: {{ano: 2026, data_referencia: "2025-12-31", params: {p / "plano_scfv.yaml"}}}
avaliacao: {{inicio: "2025-01", fim: "2025-12", comparacao_inicio: "2024-01", comparacao_fim: "2024-12",
  params: {p / "avaliacao.yaml"}}}
cras: {{inicio: "2025-01", fim: "2025-12", comparacao_inicio: "2024-01", comparacao_fim: "2024-12",
  params: {p / "avaliacao.yaml"}}}
""",
        encoding="utf-8",
    )
    return arquivo


class Processos(threading.Thread):
    """Peak RSS of a process (the client) and of all its descendants (the workers), and the CPU time of each
    (last value seen: a process's final 0.2 s is missed), sampled."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.processo = psutil.Process(pid)
        self.cliente = self.trabalhadores = self.maior = 0
        self.cpu: dict[int, tuple[str, float]] = {}  # pid -> (kind, CPU seconds)
        self.parar = threading.Event()

    def run(self) -> None:
        while not self.parar.wait(0.2):
            try:
                self.cliente = max(self.cliente, self.processo.memory_info().rss)
                self._cpu(self.processo, "cliente")
                filhos = self.processo.children(recursive=True)
                memorias = [f.memory_info().rss for f in filhos]
                for f in filhos:
                    self._cpu(f, _tipo(" ".join(f.cmdline())))
            except psutil.Error:
                continue
            self.trabalhadores = max(self.trabalhadores, sum(memorias))
            self.maior = max(self.maior, max(memorias, default=0))

    def _cpu(self, processo: psutil.Process, tipo: str) -> None:
        tempos = processo.cpu_times()
        # the kind seen first: a process that has exited (a zombie until reaped) shows an empty command line
        tipo = self.cpu.get(processo.pid, (tipo,))[0]
        self.cpu[processo.pid] = (tipo, tempos.user + tempos.system)

    def cpu_por_tipo(self) -> dict[str, float]:
        soma: dict[str, float] = {}
        for tipo, segundos in self.cpu.values():
            soma[tipo] = soma.get(tipo, 0.0) + segundos
        return soma


def _tipo(linha_de_comando: str) -> str:
    if "ipykernel_launcher" in linha_de_comando:
        return "kernels"
    if "spawn_main" in linha_de_comando:  # the processes of a LocalCluster (nannies and workers)
        return "workers do Dask"
    return "outros"


def rodar(executor: str, raiz: Path, params: Path, saida: Path, workers: int) -> dict:
    comando = [CRAS, "run", "--dados", str(raiz), "--params", str(params), "--saida", str(saida)]
    comando += [
        "--workers",
        str(workers),
        "--executor",
        executor,
        "--forcar",
        "--documentos",
        "plano,avaliacao,cras",
    ]
    antes = resource.getrusage(resource.RUSAGE_CHILDREN)
    inicio = time.perf_counter()
    processo = subprocess.Popen(
        comando, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, cwd=RAIZ
    )
    processos = Processos(processo.pid)
    processos.start()
    chegadas = []
    for linha in processo.stderr:
        if re.match(r"\[\d+/\d+\] .*: gerado", linha):
            chegadas.append(time.perf_counter() - inicio)
        elif "FALHOU" in linha:
            print("   ", linha.rstrip())
    codigo = processo.wait()
    total = time.perf_counter() - inicio
    depois = resource.getrusage(resource.RUSAGE_CHILDREN)
    processos.parar.set()
    processos.join()
    registro = json.loads((saida / "manifest.json").read_text(encoding="utf-8"))
    duracoes: dict[str, list[float]] = {}
    for m in registro["municipios"]:
        dados = json.loads((saida / m["manifesto"]).read_text(encoding="utf-8"))
        for d in dados["documentos"]:
            if d.get("situacao") == "gerado":
                duracoes.setdefault(d["tipo"], []).append(d["duracao_s"])
    n = len(chegadas)
    return {
        "codigo": codigo,
        "total": total,
        "cpu": (depois.ru_utime - antes.ru_utime) + (depois.ru_stime - antes.ru_stime),
        "documentos": n,
        "primeiro": chegadas[0] if chegadas else float("nan"),
        "marginal": (chegadas[-1] - chegadas[0]) / (n - 1) if n > 1 else float("nan"),
        "duracoes": {t: sum(v) / len(v) for t, v in duracoes.items()},
        "soma_duracoes": sum(sum(v) for v in duracoes.values()),
        "cliente_mb": processos.cliente / 2**20,
        "trabalhadores_mb": processos.trabalhadores / 2**20,
        "maior_mb": processos.maior / 2**20,
        "cpu_por_tipo": processos.cpu_por_tipo(),
    }


def extrapolar(r: dict, workers: int) -> float:
    """Seconds for the whole country: per-kind execution times over the workers, at the measured parallel
    efficiency (executed seconds ÷ (steady wall time × workers)), plus this run's start-up."""
    if r["documentos"] < 2:
        return float("nan")
    eficiencia = r["soma_duracoes"] / (r["marginal"] * (r["documentos"] - 1) * workers)
    trabalho = sum(NACIONAL[t] * r["duracoes"].get(t, 0.0) for t in NACIONAL)
    return r["primeiro"] + trabalho / workers / max(eficiencia, 1e-9)


def numero(x: float, casas: int = 2) -> str:
    return f"{x:,.{casas}f}".replace(",", " ").replace(".", ",")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--municipios", type=int, default=100)
    parser.add_argument("--cras-min", type=int, default=1)
    parser.add_argument("--cras-max", type=int, default=2)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--ufs", default="MG,SP,BA,RS")
    parser.add_argument("--executores", default="local,dask")
    parser.add_argument(
        "--repeticoes", type=int, default=1, help="rodadas alternadas de cada executor (mostra a mais rápida)"
    )
    args = parser.parse_args()

    from cras_lib.dados import sintetico

    with tempfile.TemporaryDirectory(prefix="bench-nacional-") as temporaria:
        pasta = Path(temporaria)
        inicio = time.perf_counter()
        codigos = sintetico.gerar(
            pasta / "raiz", args.municipios, (args.cras_min, args.cras_max), args.ufs.split(",")
        )
        n_cras = sum(
            len((pasta / "raiz" / c / "unidades.csv").read_text(encoding="utf-8").splitlines()) - 1
            for c in codigos
        )
        print(f"máquina: {os.cpu_count()} núcleos; carga média antes: {numero(os.getloadavg()[0])}")
        print(
            f"amostra: {len(codigos)} municípios, {n_cras} CRAS, {2 * len(codigos) + n_cras} documentos "
            f"(gerada em {numero(time.perf_counter() - inicio, 1)} s); workers: {args.workers}"
        )
        params = escrever_params(pasta)
        executores = args.executores.split(",")
        rodadas: dict[str, list[dict]] = {e: [] for e in executores}
        for rodada in range(args.repeticoes):  # alternated, so that a slower spell of the machine hits both
            for executor in executores:
                saida = pasta / f"saida-{executor}-{rodada}"
                rodadas[executor].append(rodar(executor, pasta / "raiz", params, saida, args.workers))
        for executor, todas in rodadas.items():
            r = min(todas, key=lambda r: r["total"])
            print(f"\n({executor}) código de saída {r['codigo']}; carga média: {numero(os.getloadavg()[0])}")
            if len(todas) > 1:
                totais = ", ".join(numero(x["total"], 1) for x in todas)
                print(f"  rodadas: {totais} s (a seguir, a mais rápida)")
            print(f"  tempo total: {numero(r['total'], 1)} s; {r['documentos']} documentos")
            print(
                f"  tempo de CPU (executor, kernels e workers): {numero(r['cpu'], 1)} s, "
                f"{numero(r['cpu'] / max(r['documentos'], 1), 3)} s por documento"
            )
            print(
                "  tempo de CPU por processo (amostrado): "
                + "; ".join(
                    f"{tipo} {numero(seg, 1)} s" for tipo, seg in r["cpu_por_tipo"].items() if seg >= 0.05
                )
            )
            print(f"  documentos por segundo: {numero(r['documentos'] / r['total'], 3)}")
            print(f"  primeiro documento publicado após {numero(r['primeiro'], 1)} s (partida, aquecimento)")
            print(f"  tempo marginal por documento (regime, todos os tipos): {numero(r['marginal'], 3)} s")
            for tipo, media in sorted(r["duracoes"].items()):
                print(f"  execução média de um documento '{tipo}' num kernel: {numero(media, 3)} s")
            print(
                f"  memória de pico: cliente {numero(r['cliente_mb'], 0)} MiB; workers (soma) "
                f"{numero(r['trabalhadores_mb'], 0)} MiB, maior processo {numero(r['maior_mb'], 0)} MiB"
            )
            estimado = extrapolar(r, args.workers)
            print(
                f"  extrapolação para o país (≈ {sum(NACIONAL.values()):,} documentos): {numero(estimado / 3600, 2)} h"
            )
        if {"local", "dask"} <= rodadas.keys():
            a = min(rodadas["local"], key=lambda r: r["total"])
            b = min(rodadas["dask"], key=lambda r: r["total"])
            print(
                f"\nsobrecarga do Dask: {numero(100 * (b['total'] / a['total'] - 1), 1)} % do tempo total, "
                f"{numero(100 * (b['marginal'] / a['marginal'] - 1), 1)} % do tempo marginal por documento, "
                f"{numero(100 * (b['cpu'] / a['cpu'] - 1), 1)} % do tempo de CPU (meta: ≤ 10 %)"
            )
            if args.repeticoes > 1:
                pares = [
                    100 * (d["total"] / loc["total"] - 1)
                    for loc, d in zip(rodadas["local"], rodadas["dask"], strict=True)
                ]
                print(
                    f"  por rodada (Dask contra o pool local da mesma rodada): "
                    f"{', '.join(numero(x, 1) for x in pares)} %; mediana {numero(statistics.median(pares), 1)} %"
                )


if __name__ == "__main__":
    main()
