"""The ``local`` executor: a pool of warm kernels, started once and reused across documents.

Each worker thread owns one Jupyter kernel (``jupyter_client``) for the whole run: started once, warmed up
(``aquecimento.aquecer``: imports and the municipality loaded), then for each document reset
(``aquecimento.reiniciar``) and used by Papermill through the ``cras-quente`` engine, which hands nbclient the
running kernel instead of starting one. Parameter injection, cell metadata and error handling are therefore
Papermill's own, exactly as in a cold run. A kernel that dies or times out is replaced by a fresh one.

Tasks wait in one queue, but a kernel that frees up takes, first, a task on the data folder it loaded last (its
municipality is in its cache), then one on a folder no other kernel is working on, and only then the oldest task:
in a state run the documents of a municipality stay on one kernel, which loads that municipality once.

A kernel client is bound to the event loop of the thread that created it, so a kernel never changes thread.
"""

from __future__ import annotations

import logging
import subprocess
import threading
import time
from collections import deque
from collections.abc import Mapping
from concurrent.futures import Future
from pathlib import Path

from jupyter_client import AsyncKernelManager
from jupyter_core.utils import run_sync
from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import papermill_engines
from papermill.exceptions import PapermillExecutionError
from papermill.log import logger as logger_papermill
from papermill.utils import merge_kwargs, remove_args

from cras_lib.erros import ErroNucleo
from cras_lib.execucao.executores import (
    Executor,
    MotorPapermill,
    Resultado,
    Tarefa,
    descrever_erro,
    executar_com_papermill,
    registrar,
)

log = logging.getLogger("cras.execucao")

MOTOR = "cras-quente"
_TEMPO_INICIO = 120  # seconds to start a kernel and warm it up


class NucleoQuente:
    """One warm kernel and its client; every method must be called from the thread that called ``iniciar``."""

    def __init__(
        self,
        nome: str,
        kernel: str,
        dados: str | None,
        registro: Path | None,
        ambiente: Mapping[str, str] | None = None,
    ):
        self.nome = nome
        self.kernel = kernel
        self.dados = dados
        self.registro = registro
        self.ambiente = ambiente
        self.km: AsyncKernelManager | None = None
        self.kc = None

    def iniciar(self) -> None:
        self.km = AsyncKernelManager(kernel_name=self.kernel)
        # the kernel's own messages (start-up notices, crash traces) go to the run's log, not to the terminal
        destino = open(self.registro, "ab") if self.registro else subprocess.DEVNULL
        try:
            # in-memory history, as nbclient gives the kernels it starts (and no shared history.sqlite to lock)
            run_sync(self.km.start_kernel)(
                extra_arguments=["--HistoryManager.hist_file=:memory:"],
                stdout=destino,
                stderr=destino,
                **({} if self.ambiente is None else {"env": dict(self.ambiente)}),
            )
        finally:
            if self.registro:
                destino.close()  # the kernel process keeps its own copy
        self.kc = self.km.client()
        self.kc.start_channels()
        run_sync(self.kc.wait_for_ready)(timeout=_TEMPO_INICIO)
        self.executar_codigo(
            f"import cras_lib.execucao.aquecimento as _aq; _aq.aquecer({self.dados!r}); del _aq",
            _TEMPO_INICIO,
        )

    def executar_codigo(self, codigo: str, tempo_limite: float) -> None:
        """Run housekeeping code without touching the history or the execution counter."""
        resposta = run_sync(self.kc.execute_interactive)(
            codigo,
            store_history=False,
            allow_stdin=False,
            timeout=tempo_limite,
            output_hook=lambda _msg: None,
        )
        conteudo = resposta["content"]
        if conteudo["status"] != "ok":
            raise ErroNucleo(f"{conteudo.get('ename')}: {conteudo.get('evalue')}")

    def reiniciar(self, cwd: str, municipio: Path | None = None, dados: str | None = None) -> None:
        argumentos = f"{cwd!r}, {str(municipio)!r}, {dados!r}" if municipio and dados else repr(cwd)
        self.executar_codigo(
            f"__import__('cras_lib.execucao.aquecimento').execucao.aquecimento.reiniciar({argumentos})", 60
        )

    def encerrar(self) -> None:
        if self.kc is not None:
            self.kc.stop_channels()
        if self.km is not None and self.km.has_kernel:
            run_sync(self.km.shutdown_kernel)(now=True)
        self.km = self.kc = None


class MotorQuente(MotorPapermill):
    """Papermill engine that executes on the running kernel passed as ``nucleo`` (same client as nbclient's)."""

    @classmethod
    def execute_managed_notebook(
        cls,
        nb_man,
        kernel_name,
        nucleo: NucleoQuente,
        log_output=False,
        stdout_file=None,
        stderr_file=None,
        start_timeout=60,
        execution_timeout=None,
        **kwargs,
    ):
        opcoes = merge_kwargs(
            remove_args(["input_path", "timeout", "startup_timeout"], **kwargs),
            timeout=execution_timeout,
            startup_timeout=start_timeout,
            kernel_name=kernel_name,
            log=logger_papermill,
            log_output=log_output,
            stdout_file=stdout_file,
            stderr_file=stderr_file,
        )
        cliente = PapermillNotebookClient(nb_man, km=nucleo.km, **opcoes)
        # reuse the warm kernel's channels: nbclient neither starts nor stops a kernel it did not create
        cliente.kc = nucleo.kc
        return cliente.execute()


papermill_engines.register(MOTOR, MotorQuente)


@registrar
class PoolQuente(Executor):
    """``workers`` warm kernels, each driven by its own thread, taking tasks from one queue."""

    nome = "local"
    aceita_municipio = True

    def __init__(self, *args, ambiente: Mapping[str, str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.ambiente = ambiente  # the kernels' environment variables; None: this process's

    def iniciar(self) -> None:
        self._fila: deque[tuple[Tarefa, Future]] = deque()
        self._aviso = threading.Condition()
        self._fim = False
        self._vivos = self.workers
        self._em_uso: dict[str, str | None] = {}  # kernel -> data folder of the task it is executing
        self._threads = [
            threading.Thread(
                target=self._trabalhar, args=(f"kernel-{i + 1}",), name=f"kernel-{i + 1}", daemon=True
            )
            for i in range(self.workers)
        ]
        for thread in self._threads:
            thread.start()

    def encerrar(self) -> None:
        with self._aviso:
            self._fim = True
            self._aviso.notify_all()
        for thread in self._threads:
            thread.join()

    def submeter(self, tarefa: Tarefa) -> Future[Resultado]:
        futuro: Future[Resultado] = Future()
        with self._aviso:
            if self._vivos == 0:
                futuro.set_result(Resultado(tarefa, None, "nenhum kernel pôde ser iniciado", 0.0, "-"))
            else:
                self._fila.append((tarefa, futuro))
                self._aviso.notify()
        return futuro

    def _proxima(self, nome: str, ultima: str | None) -> tuple[Tarefa, Future] | None:
        """The next task for kernel ``nome``, whose last task read ``ultima`` (see the module docstring); None
        once the pool is closing and the queue is empty."""
        with self._aviso:
            self._em_uso[nome] = None
            while not self._fila:
                if self._fim:
                    return None
                self._aviso.wait()
            pastas = [_pasta(tarefa) for tarefa, _ in self._fila]
            escolhida = escolher(pastas, ultima, {d for k, d in self._em_uso.items() if k != nome})
            item = self._fila[escolhida]
            del self._fila[escolhida]
            self._em_uso[nome] = pastas[escolhida]
            return item

    def _novo_nucleo(self, nome: str) -> NucleoQuente:
        inicio = time.perf_counter()
        nucleo = NucleoQuente(
            nome, self.kernel, str(self.dados) if self.dados else None, self.registro, self.ambiente
        )
        try:
            nucleo.iniciar()
        except BaseException:
            nucleo.encerrar()
            raise
        log.info("%s pronto em %.1f s", nome, time.perf_counter() - inicio)
        return nucleo

    def _trabalhar(self, nome: str) -> None:
        try:
            nucleo = self._novo_nucleo(nome)
        except Exception as erro:
            log.error("%s: não foi possível iniciar o kernel: %s", nome, erro)
            self._desistir(f"não foi possível iniciar o kernel: {erro}")
            return
        ultima = self.dados and str(self.dados)  # warmed up with it
        try:
            while (item := self._proxima(nome, ultima)) is not None:
                tarefa, futuro = item
                ultima = _pasta(tarefa)
                resultado, saudavel = self._executar(nucleo, tarefa)
                futuro.set_result(resultado)
                if not saudavel:
                    nucleo.encerrar()
                    ultima = None
                    try:
                        nucleo = self._novo_nucleo(nome)
                    except Exception as erro:
                        log.error("%s: não foi possível reiniciar o kernel: %s", nome, erro)
                        nucleo = None
                        self._desistir(f"não foi possível reiniciar o kernel: {erro}")
                        return
        finally:
            if nucleo is not None:
                nucleo.encerrar()

    def _desistir(self, motivo: str) -> None:
        """This worker is gone; when it was the last one, fail what is still queued instead of hanging."""
        with self._aviso:
            self._vivos -= 1
            self._em_uso.pop(threading.current_thread().name, None)
            if self._vivos > 0:
                return
            while self._fila:
                tarefa, futuro = self._fila.popleft()
                futuro.set_result(Resultado(tarefa, None, motivo, 0.0, "-"))

    def _executar(self, nucleo: NucleoQuente, tarefa: Tarefa) -> tuple[Resultado, bool]:
        """Run one task; the flag says whether the kernel can serve the next one."""
        inicio = time.perf_counter()
        try:
            nucleo.reiniciar(str(tarefa.cwd), tarefa.municipio, _pasta(tarefa))
            nb = executar_com_papermill(
                tarefa, self.tempo_limite, MOTOR, kernel_name=self.kernel, nucleo=nucleo
            )
            return Resultado(tarefa, nb, None, time.perf_counter() - inicio, nucleo.nome), True
        except PapermillExecutionError as erro:  # a cell raised: the kernel itself is fine
            return Resultado(
                tarefa, None, descrever_erro(erro), time.perf_counter() - inicio, nucleo.nome
            ), True
        except Exception as erro:  # dead kernel, timeout, broken channel: replace the kernel
            motivo = descrever_erro(erro, self.tempo_limite)
            return Resultado(tarefa, None, motivo, time.perf_counter() - inicio, nucleo.nome), False


def escolher(pastas: list[str | None], ultima: str | None, em_uso: set[str | None]) -> int:
    """Index of the queued task a free kernel takes, given each task's data folder (oldest first), the folder
    the kernel read last and those the other kernels are reading: its own folder, else one nobody is reading,
    else the oldest task."""
    if ultima is not None and ultima in pastas:
        return pastas.index(ultima)
    return next((i for i, d in enumerate(pastas) if d is None or d not in em_uso), 0)


def _pasta(tarefa: Tarefa) -> str | None:
    """The data folder a task reads (its ``dados`` parameter), by which the pool keeps a municipality on a kernel."""
    dados = tarefa.parametros.get("dados")
    return str(dados) if dados is not None else None
