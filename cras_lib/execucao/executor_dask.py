"""The ``dask`` executor: documents executed and rendered on ``dask.distributed`` workers, published by the client.

``--agendador tcp://HOST:PORTA`` connects to a running scheduler (``dask scheduler`` plus ``dask worker`` on any
machines, or any Dask deployment: SSH, Kubernetes, HPC job queues); without it a ``LocalCluster`` of ``workers``
processes (one thread each) is started on this machine.

On connection, before any document: every worker must run the same project version and source, Python and key
packages as the client (``trabalhador_dask.ambiente``), else ``ErroAmbienteDistribuido`` lists the differences
(exit code 2, nothing published). Then the worker plugin (``trabalhador_dask.EstadoCras``) is registered: warm
kernels on every worker, for the whole run.

No shared file system is assumed: the client sends each municipality's data folder (with the municipality it
loaded from it, ``dados.municipio.serializar``, which the worker's kernel takes instead of reading the folder
again), and each notebook and params file, as the result of a small task keyed by content hash; a worker
fetches each one once (from whichever worker holds it), and the scheduler recomputes it if the worker holding
it dies. A bundle is released as soon as its last document finished. Workers return the executed notebook and
its page; only the client writes into the output folder (the publication, manifest and index are the runner's,
as with every executor).

The documents of one municipality go to one worker (chosen, when the municipality's first document is sent,
as the worker with the fewest documents pending), whose kernel then loads that municipality once, as the local
pool keeps a municipality on one kernel: a preference, not a restriction (``allow_other_workers``), so the
scheduler's work stealing still evens out the load and a document whose worker died runs elsewhere. Documents
carry decreasing priorities, so that a worker executes them in the order they were sent (a municipality's
documents one after the other, not interleaved with another municipality's, which would load it again).

A worker that dies while executing a document: the scheduler gives the document to another worker once
(``distributed.scheduler.allowed-failures`` = 1, set for the local cluster; for a cluster of yours, start the
scheduler with ``DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES=1``); when that one dies too, the document is a
failure (its previous version stays published). Each document's result reaches the client once, so nothing is
published twice.
"""

from __future__ import annotations

import itertools
import logging
import threading
import uuid
from concurrent.futures import Future
from pathlib import Path

import nbformat

from cras_lib.erros import ErroAmbienteDistribuido
from cras_lib.execucao.executores import Executor, Resultado, Tarefa, registrar
from cras_lib.execucao.impressoes import sha256_arquivo, sha256_json

log = logging.getLogger("cras.execucao")

TEMPO_CONEXAO = 10  # seconds to reach the scheduler
TEMPO_WORKERS = 120  # seconds to wait for the first worker
FALHAS_PERMITIDAS = 1  # worker deaths a document survives (it is retried once elsewhere)


def _conteudo_pasta(pasta: Path) -> dict[str, bytes]:
    """The contract's files of the data folder (``dados.municipio.arquivos_do_contrato``), by name: nothing else
    of the folder (a scanned form, a spreadsheet) leaves the client."""
    from cras_lib.dados.municipio import arquivos_do_contrato

    return {caminho.name: caminho.read_bytes() for caminho in arquivos_do_contrato(pasta)}


@registrar
class ExecutorDask(Executor):
    """Documents on ``dask.distributed`` workers (see the module docstring)."""

    nome = "dask"
    aceita_municipio = True  # sent to the worker beside the folder's files (see the module docstring)

    def iniciar(self) -> None:
        from cras_lib.execucao.trabalhador_dask import NOME_PLUGIN, EstadoCras, ambiente

        self._cliente = self._cluster = None
        self._trava = threading.Lock()
        self._pacotes: dict[str, list] = {}  # hash -> [future, documents pending]
        self._hashes: dict[str, str] = {}  # file or folder (client path) -> hash
        self._destinos: dict[str, str] = {}  # data folder's hash -> worker preferred for its documents
        self._pendentes: dict[str, int] = {}  # worker -> documents sent to it and not finished
        self._enviados = itertools.count()
        try:
            self._conectar()
            self._esperado = ambiente()
            self._verificar_workers()
            self._cliente.register_plugin(
                EstadoCras(self.kernel, self.tempo_limite, self._esperado), name=NOME_PLUGIN
            )
        except BaseException:
            self.encerrar()
            raise

    def _conectar(self) -> None:
        import dask
        from distributed import Client, LocalCluster

        if self.agendador:
            try:
                self._cliente = Client(self.agendador, timeout=TEMPO_CONEXAO, set_as_default=False)
            except (OSError, TimeoutError) as erro:
                raise ErroAmbienteDistribuido(
                    f"não foi possível conectar ao agendador do Dask em {self.agendador} "
                    f"({type(erro).__name__}: {erro}); confira se 'dask scheduler' está rodando e acessível"
                ) from None
            falhas = self._cliente.run_on_scheduler(_falhas_permitidas)
            if falhas != FALHAS_PERMITIDAS:
                log.warning(
                    "o agendador repete um documento cujo worker morreu até %s vezes (recomendado: %s; veja o README)",
                    falhas,
                    FALHAS_PERMITIDAS,
                )
        else:
            configuracao = {
                "distributed.scheduler.allowed-failures": FALHAS_PERMITIDAS,
                # each worker samples its own stacks 100 times a second for the dashboard's profile page, which
                # this cluster does not open: ≈ 6 % of a worker's CPU (py-spy, bench_nacional)
                "distributed.worker.profile.enabled": False,
            }
            with dask.config.set(configuracao):
                self._cluster = LocalCluster(
                    n_workers=self.workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
            self._cliente = Client(self._cluster, set_as_default=False)
        try:
            self._cliente.wait_for_workers(1, timeout=TEMPO_WORKERS)
        except TimeoutError:
            raise ErroAmbienteDistribuido(
                f"nenhum worker do Dask se conectou ao agendador {self._cliente.scheduler.address} em "
                f"{TEMPO_WORKERS} s; inicie ao menos um com 'dask worker {self._cliente.scheduler.address}'"
            ) from None

    def _verificar_workers(self) -> None:
        from cras_lib.execucao.trabalhador_dask import ambiente, diferencas

        respostas = self._cliente.run(ambiente)
        problemas = [
            f"- worker {endereco}: {'; '.join(dif)}"
            for endereco, encontrado in sorted(respostas.items())
            if (dif := diferencas(self._esperado, encontrado))
        ]
        if problemas:
            raise ErroAmbienteDistribuido(
                "os workers do Dask não rodam as mesmas versões que este computador; nenhum documento foi "
                "executado.\n"
                + "\n".join(problemas)
                + "\nInstale nos workers a mesma versão do projeto e dos "
                "pacotes (o mesmo commit, pip install -e .) e rode de novo."
            )

    def encerrar(self) -> None:
        cliente, cluster = getattr(self, "_cliente", None), getattr(self, "_cluster", None)
        if cliente is not None:
            from cras_lib.execucao.trabalhador_dask import NOME_PLUGIN

            if cluster is None:  # a cluster of yours: leave its workers as they were (kernels shut down)
                try:
                    cliente.unregister_worker_plugin(NOME_PLUGIN)
                except Exception:  # the plugin never got registered, or the cluster is gone
                    pass
            cliente.close()
        if cluster is not None:
            cluster.close()
        self._cliente = self._cluster = None

    # --- inputs, sent once per content ------------------------------------------------------------------

    def _hash(self, caminho: Path, pasta: bool) -> str:
        chave = str(caminho)
        if chave not in self._hashes:
            self._hashes[chave] = (
                sha256_json({n: sha256_arquivo(caminho / n) for n in _conteudo_pasta(caminho)})
                if pasta
                else sha256_arquivo(caminho)
            )
        return self._hashes[chave]

    def _pacote(self, hash_: str, ler, onde: dict) -> object:
        """The future of the bundle ``hash_`` (submitted on first use, with the placement ``onde``), one more
        document counted on it."""
        from cras_lib.execucao.trabalhador_dask import receber

        with self._trava:
            if hash_ not in self._pacotes:
                futuro = self._cliente.submit(receber, ler(), key=f"cras-entrada-{hash_}", pure=False, **onde)
                self._pacotes[hash_] = [futuro, 0]
            self._pacotes[hash_][1] += 1
            return self._pacotes[hash_][0]

    def _destino(self, hash_dados: str) -> str | None:
        """The worker preferred for the documents of the data folder ``hash_dados`` (see the module docstring),
        one more document counted on it."""
        with self._trava:
            destino = self._destinos.get(hash_dados)
        if destino is None:
            workers = sorted(self._cliente.scheduler_info()["workers"])  # asked outside the lock
            if not workers:
                return None
        with self._trava:
            if destino is None:
                destino = self._destinos.setdefault(
                    hash_dados, min(workers, key=lambda w: self._pendentes.get(w, 0))
                )
            self._pendentes[destino] = self._pendentes.get(destino, 0) + 1
            return destino

    def _liberar(self, hashes: list[str], destino: str | None) -> None:
        with self._trava:
            if destino is not None:
                self._pendentes[destino] -= 1
            for hash_ in hashes:
                pacote = self._pacotes.get(hash_)
                if pacote is not None:
                    pacote[1] -= 1
                    if pacote[1] == 0:
                        del self._pacotes[hash_]  # workers drop it once no document needs it
                        self._destinos.pop(hash_, None)

    # --- documents ----------------------------------------------------------------------------------------

    def submeter(self, tarefa: Tarefa) -> Future[Resultado]:
        from cras_lib.execucao.trabalhador_dask import NOME_MUNICIPIO, Pedido, arquivos_nomeados, executar

        futuro: Future[Resultado] = Future()
        usados: list[str] = []
        destino = None
        onde: dict = {}
        try:
            dados = Path(tarefa.parametros["dados"]) if "dados" in tarefa.parametros else None
            hash_dados = None
            pacote_dados = None
            if dados is not None:
                hash_dados = self._hash(dados, pasta=True)
                destino = self._destino(hash_dados)
                if destino is not None:
                    onde = {"workers": [destino], "allow_other_workers": True}
                pacote_dados = self._pacote(hash_dados, lambda: _conteudo_pasta(dados), onde)
                usados.append(hash_dados)
            pacote_municipio = chave_municipio = None
            if tarefa.municipio is not None and hash_dados is not None:
                chave_municipio = f"municipio-{tarefa.municipio.stem}"
                pacote_municipio = self._pacote(
                    chave_municipio, lambda: {NOME_MUNICIPIO: tarefa.municipio.read_bytes()}, onde
                )
                usados.append(chave_municipio)
            nomeados = [str(tarefa.notebook), *arquivos_nomeados(tarefa.parametros)]
            arquivos: dict[str, str] = {}
            pacotes: dict[str, object] = {}
            for caminho in dict.fromkeys(nomeados):
                sha = self._hash(Path(caminho), pasta=False)
                arquivos[caminho] = sha
                if sha not in pacotes:
                    pacotes[sha] = self._pacote(
                        sha, lambda c=caminho: {Path(c).name: Path(c).read_bytes()}, {}
                    )
                    usados.append(sha)
            pedido = Pedido(
                tarefa.id,
                str(tarefa.notebook),
                tarefa.parametros,
                arquivos,
                str(dados) if dados is not None else None,
                hash_dados,
                str(tarefa.saida),
                tarefa.pagina,
                chave_municipio,
            )
            tarefa_dask = self._cliente.submit(
                executar,
                pedido,
                pacotes,
                pacote_dados,
                pacote_municipio,
                key=f"cras-documento-{tarefa.id}-{uuid.uuid4().hex[:8]}",
                pure=False,
                retries=0,
                priority=-next(self._enviados),  # first sent, first executed
                **onde,
            )
        except Exception as erro:
            self._liberar(usados, destino)
            futuro.set_result(
                Resultado(
                    tarefa, None, f"não foi possível enviar ao Dask: {type(erro).__name__}: {erro}", 0.0, "-"
                )
            )
            return futuro
        tarefa_dask.add_done_callback(lambda f: self._concluir(f, tarefa, futuro, usados, destino))
        return futuro

    def _concluir(
        self, tarefa_dask, tarefa: Tarefa, futuro: Future, usados: list[str], destino: str | None
    ) -> None:
        """Runs once per document (Dask calls it in a thread of its own): the result becomes a ``Resultado``."""
        try:
            futuro.set_result(self._resultado(tarefa_dask, tarefa))
        except BaseException as erro:  # never leave the runner waiting
            futuro.set_result(
                Resultado(tarefa, None, f"erro inesperado do Dask: {type(erro).__name__}: {erro}", 0.0, "-")
            )
        finally:
            self._liberar(usados, destino)
            tarefa_dask.release()

    def _resultado(self, tarefa_dask, tarefa: Tarefa) -> Resultado:
        from distributed.scheduler import KilledWorker

        if tarefa_dask.status != "finished":
            erro = tarefa_dask.exception()
            if isinstance(erro, KilledWorker):
                motivo = (
                    "o worker do Dask que executava o documento parou, e o que o executou de novo também; "
                    "o documento não foi publicado"
                )
            else:
                motivo = f"erro do Dask: {type(erro).__name__}: {erro}"
            return Resultado(tarefa, None, motivo, 0.0, "dask")
        r = tarefa_dask.result()
        texto = r["notebook"] if r["erro"] is None else r["falho"]
        if texto is not None:
            Path(tarefa.saida).write_text(texto, encoding="utf-8")
        nb = nbformat.reads(r["notebook"], as_version=4) if r["erro"] is None else None
        return Resultado(tarefa, nb, r["erro"], r["duracao"], r["trabalhador"], r["html"])


def _falhas_permitidas(dask_scheduler) -> int:
    return dask_scheduler.allowed_failures
