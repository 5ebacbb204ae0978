"""How notebooks are executed: one small interface, implementations registered by name.

An executor receives ``Tarefa`` objects (a notebook, its parameters, where to write the executed copy) and returns
futures of ``Resultado``. ``local`` (``pool_quente.py``) keeps a pool of warm kernels; ``frio`` runs a plain
``papermill.execute_notebook`` per document (a new kernel each time), the reference that the warm pool is tested
against. A distributed backend (e.g. Dask) is one more registered class, not an edited ``if``: it only has to
implement ``submeter``.

Both run Papermill's own nbclient engine through ``MotorPapermill``, which only gives the injected-parameters cell
a fixed id instead of a random one: the HTML template writes every cell's id into the page, and the same inputs
and parameters must give the same page.
"""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

import papermill
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbformat import NotebookNode
from papermill.engines import NBClientEngine, papermill_engines
from papermill.exceptions import PapermillExecutionError

if TYPE_CHECKING:
    from cras_lib.execucao.html import Pagina

KERNEL_PADRAO = "python3"
MOTOR_PADRAO = "cras"
ID_CELULA_INJETADA = "parametros-injetados"


@dataclass(frozen=True)
class Tarefa:
    """One notebook execution: ``saida`` receives the executed notebook (also when a cell fails).

    ``pagina`` (optional) is the page the document becomes: an executor that renders HTML where it executes
    (``dask``) uses it; the others leave rendering to the publication. ``municipio`` (optional) is the file in
    which the client wrote the municipality it loaded (``dados.municipio.serializar``): warm kernels take it
    instead of reading the data folder again (the Dask executor sends it to the worker with the folder).
    """

    id: str
    notebook: Path
    parametros: dict
    saida: Path
    cwd: Path
    pagina: Pagina | None = None
    municipio: Path | None = None


@dataclass(frozen=True)
class Resultado:
    tarefa: Tarefa
    notebook: NotebookNode | None  # the executed notebook, None when execution failed
    erro: str | None  # what went wrong, in Portuguese
    duracao: float  # seconds of wall time spent executing
    trabalhador: str
    html: str | None = None  # the page, when the executor rendered it already (else the publication does)

    @property
    def ok(self) -> bool:
        return self.erro is None


def descrever_erro(erro: BaseException, tempo_limite: float | None = None) -> str:
    """A failed execution explained in Portuguese: which cell (as numbered in the executed notebook) and which
    exception, following Papermill's ``PapermillExecutionError`` (cell, exception name and value)."""
    if isinstance(erro, PapermillExecutionError):
        valor = " ".join(str(erro.evalue).split())
        if len(valor) > 400:
            valor = valor[:400] + "…"
        celula = f"[{erro.exec_count}]" if erro.exec_count is not None else f"nº {erro.cell_index + 1}"
        return f"erro na célula {celula} do notebook: {erro.ename}: {valor}"
    if isinstance(erro, DeadKernelError):
        return "o kernel Python parou durante a execução (falta de memória ou falha do interpretador)"
    if isinstance(erro, CellTimeoutError | TimeoutError):
        limite = f" de {tempo_limite:g} s" if tempo_limite else ""
        return f"tempo esgotado: uma célula passou do limite{limite}"
    return f"erro inesperado ao executar o notebook: {type(erro).__name__}: {erro}"


class Executor(ABC):
    """Executes tasks; use as a context manager (``with criar_executor(...) as ex``).

    ``workers`` is the number of notebooks executed at once; ``dados`` (optional) lets a backend warm up by
    loading the municipality before the first task; ``tempo_limite`` is the limit per cell, in seconds;
    ``registro`` (optional) is the run's log file, where kernels' own output (stderr) goes; ``agendador``
    (optional) is the address of a running cluster, for distributed executors.
    """

    nome: ClassVar[str]
    aceita_municipio: ClassVar[bool] = False
    """Whether it hands its warm kernels the municipality the client loaded (``Tarefa.municipio``)."""

    def __init__(
        self,
        workers: int,
        kernel: str = KERNEL_PADRAO,
        dados: Path | None = None,
        tempo_limite: float | None = None,
        registro: Path | None = None,
        agendador: str | None = None,
    ):
        self.workers = max(1, workers)
        self.agendador = agendador
        self.registro = registro
        self.kernel = kernel
        self.dados = dados
        self.tempo_limite = tempo_limite

    def __enter__(self) -> Executor:
        self.iniciar()
        return self

    def __exit__(self, *_excecao) -> None:
        self.encerrar()

    @abstractmethod
    def iniciar(self) -> None:
        """Acquire resources (processes, kernels); called once before the first ``submeter``."""

    @abstractmethod
    def encerrar(self) -> None:
        """Release every resource; tasks already submitted are finished first."""

    @abstractmethod
    def submeter(self, tarefa: Tarefa) -> Future[Resultado]:
        """Start executing ``tarefa``; the future never raises: failures are a ``Resultado`` with ``erro``."""

    def mapear(self, tarefas: Iterable[Tarefa]) -> Iterator[Resultado]:
        """Submit every task and yield results as they complete."""
        futuros = [self.submeter(t) for t in tarefas]
        for futuro in as_completed(futuros):
            yield futuro.result()


EXECUTORES: dict[str, type[Executor]] = {}


def registrar(classe: type[Executor]) -> type[Executor]:
    """Class decorator: make an executor available to ``criar_executor`` (and ``cras run --executor``)."""
    EXECUTORES[classe.nome] = classe
    return classe


def criar_executor(nome: str, **opcoes) -> Executor:
    return EXECUTORES[nome](**opcoes)


class MotorPapermill(NBClientEngine):
    """Papermill's nbclient engine with a fixed id for the injected-parameters cell (Papermill draws a random
    one on every run, which would make two runs of the same document differ in their HTML)."""

    @classmethod
    def execute_notebook(cls, nb, kernel_name, **kwargs):
        for celula in nb.cells:
            if "id" in celula and "injected-parameters" in celula.get("metadata", {}).get("tags", ()):
                celula["id"] = ID_CELULA_INJETADA
        return super().execute_notebook(nb, kernel_name, **kwargs)


papermill_engines.register(MOTOR_PADRAO, MotorPapermill)


def executar_com_papermill(
    tarefa: Tarefa, tempo_limite: float | None, motor: str = MOTOR_PADRAO, **opcoes_motor
) -> NotebookNode:
    """``papermill.execute_notebook`` as every executor calls it: parameters injected by Papermill, the executed
    notebook written to ``tarefa.saida`` (Papermill writes it on failure too); ``motor`` names the Papermill engine
    (``MotorPapermill`` or a subclass), ``opcoes_motor`` are its options. The kernel's working directory goes
    through nbclient's ``resources`` (not ``cwd=``, which would ``chdir`` the whole process and race between
    threads)."""
    return papermill.execute_notebook(
        str(tarefa.notebook),
        str(tarefa.saida),
        parameters=tarefa.parametros,
        progress_bar=False,
        request_save_on_cell_execute=False,
        execution_timeout=tempo_limite,
        resources={"metadata": {"path": str(tarefa.cwd)}},
        engine_name=motor,
        **opcoes_motor,
    )


@registrar
class ExecutorFrio(Executor):
    """A plain Papermill run per document: a new kernel each time, nothing shared (the reference behaviour)."""

    nome = "frio"

    def iniciar(self) -> None:
        self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="frio")

    def encerrar(self) -> None:
        self._pool.shutdown(wait=True)

    def submeter(self, tarefa: Tarefa) -> Future[Resultado]:
        return self._pool.submit(self._executar, tarefa)

    def _executar(self, tarefa: Tarefa) -> Resultado:
        inicio = time.perf_counter()
        try:
            nb = executar_com_papermill(tarefa, self.tempo_limite, kernel_name=self.kernel)
            return Resultado(tarefa, nb, None, time.perf_counter() - inicio, "frio")
        except Exception as erro:  # every failure becomes a result, the run goes on
            return Resultado(
                tarefa, None, descrever_erro(erro, self.tempo_limite), time.perf_counter() - inicio, "frio"
            )
