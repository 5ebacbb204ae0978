"""``--executor dask`` against a real cluster on 127.0.0.1: a ``dask scheduler`` and two ``dask worker``
processes started here (no mocks). Three municipalities give the same pages as the local executor; a worker
killed in the middle of a document costs nothing (every document published exactly once); workers of another
project version are refused before any document runs."""

from __future__ import annotations

import io
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from apoio.caminhos import RAIZ

from cras_lib.dados import sintetico
from cras_lib.execucao import cli, lote

pytestmark = pytest.mark.lento

DASK = str(Path(sys.executable).with_name("dask"))
_HORA = re.compile(r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}")
_GERADO = re.compile(r"Gerado em [^<]*? por cras-lib")


def _params(pasta: Path) -> Path:
    arquivo = pasta / "execucao.yaml"
    p = RAIZ / "params"
    arquivo.write_text(
        f"""
limiar_supressao: 5
plano: {{ano: 2026, data_referencia: "2025-12-31", params: {p / "plano_scfv.yaml"}}}
avaliacao:
  inicio: "2025-01"
  fim: "2025-12"
  comparacao_inicio: "2024-01"
  comparacao_fim: "2024-12"
  params: {p / "avaliacao.yaml"}
cras: {{inicio: "2025-01", fim: "2025-12", params: {p / "avaliacao.yaml"}}}
""",
        encoding="utf-8",
    )
    return arquivo


class Cluster:
    """A scheduler and workers as separate processes (each in its own process group, killed as a whole)."""

    def __init__(self, pasta: Path, workers: int, preload: Path | None = None):
        self.pasta = pasta
        self.processos: dict[str, subprocess.Popen] = {}
        arquivo = pasta / "agendador.json"
        ambiente = os.environ | {"DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES": "1"}
        self._iniciar(
            "agendador",
            [DASK, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard"]
            + ["--scheduler-file", str(arquivo)],
            ambiente,
        )
        prazo = time.monotonic() + 60
        while not (arquivo.is_file() and arquivo.stat().st_size):
            assert time.monotonic() < prazo, "o agendador não iniciou"
            time.sleep(0.2)
        self.endereco = json.loads(arquivo.read_text())["address"]
        for i in range(1, workers + 1):
            comando = [DASK, "worker", self.endereco, "--nthreads", "1", "--no-nanny", "--no-dashboard"]
            comando += ["--name", f"w{i}", "--local-directory", str(pasta / f"w{i}"), "--host", "127.0.0.1"]
            if preload:
                comando += ["--preload", str(preload)]
            self._iniciar(f"w{i}", comando, os.environ)
        from distributed import Client

        self.cliente = Client(self.endereco, timeout=60, set_as_default=False)
        self.cliente.wait_for_workers(workers, timeout=120)

    def _iniciar(self, nome: str, comando: list[str], ambiente) -> None:
        registro = open(self.pasta / f"{nome}.log", "wb")
        self.processos[nome] = subprocess.Popen(
            comando, stdout=registro, stderr=registro, env=ambiente, start_new_session=True
        )
        registro.close()

    def matar(self, nome: str) -> None:
        os.killpg(self.processos[nome].pid, signal.SIGKILL)  # the worker and the kernel it started
        self.processos[nome].wait(timeout=30)

    def fechar(self) -> None:
        self.cliente.close()
        for processo in reversed(list(self.processos.values())):
            if processo.poll() is None:
                os.killpg(processo.pid, signal.SIGTERM)
        for processo in self.processos.values():
            try:
                processo.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(processo.pid, signal.SIGKILL)
                processo.wait()


@pytest.fixture(scope="module")
def entradas(tmp_path_factory):
    pasta = tmp_path_factory.mktemp("dask")
    raiz = pasta / "raiz"
    sintetico.gerar(raiz, 3, cras=(1, 2))
    return {"pasta": pasta, "raiz": raiz, "params": _params(pasta)}


@pytest.fixture(scope="module")
def cluster(entradas):
    pasta = entradas["pasta"] / "cluster"
    pasta.mkdir()
    c = Cluster(pasta, workers=2)
    try:
        yield c
    finally:
        c.fechar()


def rodar(entradas, saida: Path, *extra: str) -> int:
    return cli.main(
        ["run", "--dados", str(entradas["raiz"]), "--params", str(entradas["params"]), "--saida", str(saida)]
        + ["--workers", "2", *extra]
    )


def paginas(saida: Path) -> dict[str, str]:
    """Every page with its generation times blanked (the only thing two runs of the same inputs may differ in)."""
    html = saida / "html"
    return {
        p.relative_to(html).as_posix(): _HORA.sub("-", _GERADO.sub("-", p.read_text(encoding="utf-8")))
        for p in sorted(html.rglob("*.html"))
    }


@pytest.fixture(scope="module")
def local(entradas):
    saida = entradas["pasta"] / "local"
    assert rodar(entradas, saida) == 0
    return paginas(saida)


def test_tres_municipios_no_cluster_dao_as_mesmas_paginas_do_executor_local(entradas, cluster, local):
    saida = entradas["pasta"] / "dask"
    assert rodar(entradas, saida, "--executor", "dask", "--agendador", cluster.endereco) == 0
    distribuido = paginas(saida)
    assert (
        len(local) >= 3 * 4 + 11
    )  # per municipality: index, plan, evaluation, >= 1 CRAS; state index, panel
    assert distribuido.keys() == local.keys()
    diferentes = [p for p in local if local[p] != distribuido[p]]
    assert not diferentes, diferentes
    # only the client wrote into the output folder; the workers kept their copies of the inputs, by hash
    for w in ("w1", "w2"):
        assert not list((cluster.pasta / w).rglob("*.html"))
    copias = list((cluster.pasta).glob("w*/**/cras/dados/*/unidades.csv"))
    assert copias and len({c.parent.name for c in copias}) == 3  # the three municipalities' data, by hash


class _Fluxo(io.StringIO):
    """The progress lines of the run; ``primeiro`` is set when the first document was published."""

    def __init__(self):
        super().__init__()
        self.primeiro = threading.Event()

    def write(self, texto: str) -> int:
        if ": gerado" in texto:
            self.primeiro.set()
        return super().write(texto)


def test_worker_que_morre_no_meio_de_um_documento_nao_perde_nem_duplica_nada(entradas, cluster, local):
    saida = entradas["pasta"] / "morte"
    fluxo = _Fluxo()
    desfecho: dict = {}
    opcoes = lote.Opcoes(
        dados=entradas["raiz"],
        params=entradas["params"],
        saida=saida,
        documentos=("cras",),
        workers=2,
        executor="dask",
        agendador=cluster.endereco,
    )

    def executar():
        desfecho["d"] = lote.executar_lote(opcoes, fluxo)

    execucao = threading.Thread(target=executar)
    execucao.start()
    assert fluxo.primeiro.wait(timeout=300), "nenhum documento terminou"
    endereco_w2 = next(a for a, w in cluster.cliente.scheduler_info()["workers"].items() if w["name"] == "w2")
    prazo = time.monotonic() + 60
    while not cluster.cliente.processing().get(endereco_w2):  # w2 has a document in hand
        assert time.monotonic() < prazo, "o worker w2 não recebeu documento"
        time.sleep(0.05)
    cluster.matar("w2")
    execucao.join(timeout=600)
    assert not execucao.is_alive()
    assert desfecho["d"].codigo == 0, desfecho["d"].falhas
    linhas = [linha for linha in fluxo.getvalue().splitlines() if linha.startswith("[")]
    ids = [re.match(r"\[\d+/\d+\] (\S+): ", linha).group(1) for linha in linhas]
    esperados = sorted(p.removesuffix(".html") for p in local if "/cras/" in p)
    assert sorted(ids) == esperados  # every CRAS report exactly once
    assert all(": gerado" in linha for linha in linhas)
    distribuido = paginas(saida)
    assert all(distribuido[p] == local[p] for p in local if "/cras/" in p)


def test_workers_de_outra_versao_sao_recusados_antes_de_qualquer_documento(entradas, capsys):
    pasta = entradas["pasta"] / "outra-versao"
    pasta.mkdir()
    preload = pasta / "outra_versao.py"
    preload.write_text("import cras_lib\ncras_lib.__version__ = '0.0.0-outra'\n", encoding="utf-8")
    c = Cluster(pasta, workers=1, preload=preload)
    try:
        saida = pasta / "saida"
        assert rodar(entradas, saida, "--executor", "dask", "--agendador", c.endereco) == 2
    finally:
        c.fechar()
    erro = capsys.readouterr().err
    assert "não rodam as mesmas versões" in erro and "0.0.0-outra no worker" in erro
    assert not (saida / "html").exists()


def test_agendador_inexistente_e_erro_claro(entradas, capsys):
    saida = entradas["pasta"] / "sem-agendador"
    assert rodar(entradas, saida, "--executor", "dask", "--agendador", "tcp://127.0.0.1:9") == 2
    assert "não foi possível conectar ao agendador do Dask em tcp://127.0.0.1:9" in capsys.readouterr().err
    assert not (saida / "html").exists()


def test_o_arquivo_de_parametros_do_plano_vai_com_o_relatorio_do_cras(tmp_path):
    """A CRAS report names the plan's params file inside its ``plano`` parameter: the client sends that file with
    the document and the worker reads its own copy, as for the top-level params (no shared file system)."""
    from cras_lib.execucao.trabalhador_dask import arquivos_nomeados, com_caminhos_locais

    avaliacao, plano = tmp_path / "avaliacao.yaml", tmp_path / "plano_scfv.yaml"
    avaliacao.write_text("{}", encoding="utf-8")
    plano.write_text("{}", encoding="utf-8")
    parametros = {
        "dados": str(tmp_path),
        "id_cras": "31900010001",
        "params": str(avaliacao),
        "plano": {"ano": 2026, "data_referencia": "2025-12-31", "params": str(plano)},
        "uf": "MG",
    }
    assert arquivos_nomeados(parametros) == [str(avaliacao), str(plano)]
    mapa = {
        str(tmp_path): "/w/dados/abc",
        str(avaliacao): "/w/a/avaliacao.yaml",
        str(plano): "/w/p/plano_scfv.yaml",
    }
    assert com_caminhos_locais(parametros, mapa) == {
        "dados": "/w/dados/abc",
        "id_cras": "31900010001",
        "params": "/w/a/avaliacao.yaml",
        "plano": {"ano": 2026, "data_referencia": "2025-12-31", "params": "/w/p/plano_scfv.yaml"},
        "uf": "MG",
    }


def test_kernels_do_worker_sem_o_ajuste_de_memoria_do_nanny(monkeypatch):
    """Dask's nanny sets MALLOC_TRIM_THRESHOLD_ on the worker; its kernels start without it (it costs the
    documents' calculations CPU), unless the user set a value of their own."""
    import dask

    from cras_lib.execucao.trabalhador_dask import ambiente_dos_kernels

    do_dask = str(dask.config.get("distributed.nanny.pre-spawn-environ")["MALLOC_TRIM_THRESHOLD_"])
    monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", do_dask)
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    ambiente = ambiente_dos_kernels()
    assert "MALLOC_TRIM_THRESHOLD_" not in ambiente and ambiente["OMP_NUM_THREADS"] == "1"
    monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", "131072")  # the user's own choice
    assert ambiente_dos_kernels()["MALLOC_TRIM_THRESHOLD_"] == "131072"


# the module's own cluster (the fixture) may hold the default HTTP port; the LocalCluster then takes another
@pytest.mark.filterwarnings("ignore:Port 8787 is already in use")
def test_cluster_local_sem_o_perfilador_dos_workers():
    """The LocalCluster the runner starts (no --agendador) turns off each worker's sampling profiler (100
    samples a second for a dashboard that this cluster never opens), and only there."""
    import dask

    from cras_lib.execucao.executor_dask import ExecutorDask

    with ExecutorDask(workers=1) as executor:
        por_worker = executor._cliente.run(dask.config.get, "distributed.worker.profile.enabled")
    assert len(por_worker) == 1 and set(por_worker.values()) == {False}
    assert (
        dask.config.get("distributed.worker.profile.enabled") is True
    )  # the client's configuration as it was
