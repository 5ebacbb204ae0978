"""What runs on each Dask worker of ``--executor dask`` (``executor_dask.py`` is the client's side).

``EstadoCras`` is a ``WorkerPlugin``: registered by the client, it is set up once on every worker (also on
workers that join later) and holds the worker's warm state for the whole run: a pool of warm kernels
(``PoolQuente``, one kernel per worker thread, imports done and the last municipality loaded, keyed by the sha256
of its files inside the kernel) and the input files received, written once per worker under its local directory,
keyed by content hash. The worker needs no shared file system: every file a document reads arrives as the
result of a small task (``receber``) that the scheduler can recompute elsewhere if the worker holding it dies.

``executar`` is the task of one document: it writes the inputs it needs (first use on this worker only),
rewrites the document's parameters to those local copies, executes the notebook on a warm kernel, writes the
client's paths back into the executed notebook (so that it is byte-for-byte what the local executor would have
written) and renders the page. It never raises: a failure is a result with ``erro``.
"""

from __future__ import annotations

import functools
import os
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path

import nbformat
from distributed import WorkerPlugin, get_worker

import cras_lib
from cras_lib.execucao.executores import Tarefa
from cras_lib.execucao.html import Pagina, RenderizadorHTML
from cras_lib.execucao.pool_quente import PoolQuente

NOME_PLUGIN = "cras-estado"
NOME_MUNICIPIO = "municipio.pickle"  # the loaded municipality's file in its bundle


@functools.cache
def ambiente() -> dict[str, str]:
    """What client and workers must share: the project's version and source, Python and the key packages."""
    import dask
    import distributed

    from cras_lib.execucao.impressoes import hash_biblioteca
    from cras_lib.execucao.manifesto import versoes

    return {
        "cras-lib": cras_lib.__version__,
        "código-fonte do cras_lib (sha256)": hash_biblioteca()[:12],
        **versoes(),
        "dask": dask.__version__,
        "distributed": distributed.__version__,
    }


def diferencas(esperado: dict[str, str], encontrado: dict[str, str]) -> list[str]:
    """'pandas: 2.2.3 no cliente, 2.1.0 no worker' for every key where the two environments differ."""
    return [
        f"{chave}: {esperado.get(chave, 'ausente')} no cliente, {encontrado.get(chave, 'ausente')} no worker"
        for chave in sorted(set(esperado) | set(encontrado))
        if esperado.get(chave) != encontrado.get(chave)
    ]


def ambiente_dos_kernels() -> dict[str, str]:
    """This worker's environment for the kernels it starts, without the allocator setting that Dask's nanny
    gives the worker process (``MALLOC_TRIM_THRESHOLD_``, ``distributed.nanny.pre-spawn-environ``): it makes
    glibc hand memory back to the system at every free, and the documents' pandas code then spends 11 to 14 % more
    CPU (measured on the calculations of 8 small municipalities, with and without it). A value other than Dask's
    was set by the user and is kept."""
    import dask

    ambiente = dict(os.environ)
    do_dask = dask.config.get("distributed.nanny.pre-spawn-environ", default={}) or {}
    chave = "MALLOC_TRIM_THRESHOLD_"
    if chave in do_dask and ambiente.get(chave) == str(do_dask[chave]):
        del ambiente[chave]
    return ambiente


def receber(conteudo: dict[str, bytes]) -> dict[str, bytes]:
    """The task whose result is a bundle of input files on the worker that computed it (see module doc)."""
    return conteudo


def _valores(parametros: dict):
    """(key, value) of the parameters, and of the mappings among them one level down (the CRAS report's
    ``plano`` names the plan's params file)."""
    for chave, valor in parametros.items():
        if isinstance(valor, dict):
            yield from valor.items()
        else:
            yield chave, valor


def arquivos_nomeados(parametros: dict) -> list[str]:
    """The files a document's parameters name (not its data folder ``dados``, sent apart): what the client
    sends with the document."""
    return [v for k, v in _valores(parametros) if k != "dados" and isinstance(v, str) and Path(v).is_file()]


def com_caminhos_locais(parametros: dict, mapa: dict[str, str]) -> dict:
    """``parametros`` with each client path of ``mapa`` (client path -> path on this worker) replaced, at the
    top level and one level down, as :func:`arquivos_nomeados` finds them."""

    def local(valor):
        return mapa.get(valor, valor) if isinstance(valor, str) else valor

    return {
        k: {c: local(x) for c, x in v.items()} if isinstance(v, dict) else local(v)
        for k, v in parametros.items()
    }


@dataclass(frozen=True)
class Pedido:
    """One document, as the client describes it: paths are the client's; ``arquivos`` maps each file path the
    document names (notebook, params YAMLs) to its sha256; ``dados`` is the data folder and ``hash_dados`` the
    hash of its files; ``municipio`` the key of the bundle of the municipality the client loaded from it."""

    id: str
    notebook: str
    parametros: dict
    arquivos: dict[str, str]
    dados: str | None
    hash_dados: str | None
    saida: str
    pagina: Pagina | None
    municipio: str | None = None


class EstadoCras(WorkerPlugin):
    """The worker's warm state for a run (see the module docstring)."""

    name = NOME_PLUGIN

    def __init__(self, kernel: str, tempo_limite: float | None, esperado: dict[str, str]):
        self.kernel = kernel
        self.tempo_limite = tempo_limite
        self.esperado = esperado

    def setup(self, worker) -> None:
        self.nome = str(worker.name if worker.name is not None else worker.address)
        self.pasta = Path(worker.local_directory) / "cras"
        (self.pasta / "execucoes").mkdir(parents=True, exist_ok=True)
        self.problemas = diferencas(self.esperado, ambiente())
        self._trava = threading.Lock()
        self._locais = threading.local()
        self.pool = PoolQuente(
            workers=worker.state.nthreads,
            kernel=self.kernel,
            tempo_limite=self.tempo_limite,
            registro=self.pasta / "kernels.log",
            ambiente=ambiente_dos_kernels(),
        )
        if not self.problemas:
            self.pool.iniciar()  # kernels start warming up now, before the first document arrives

    def teardown(self, worker) -> None:
        if not self.problemas:
            self.pool.encerrar()

    def _renderizador(self) -> RenderizadorHTML:
        if not hasattr(self._locais, "renderizador"):
            self._locais.renderizador = RenderizadorHTML()
        return self._locais.renderizador

    def _gravar_uma_vez(self, destino: Path, arquivos: dict[str, bytes]) -> Path:
        """Write ``arquivos`` (relative path -> bytes) into ``destino`` unless already there (atomic rename)."""
        with self._trava:
            if not destino.is_dir():
                temporaria = destino.with_name(f".{destino.name}.{uuid.uuid4().hex}")
                for relativo, conteudo in arquivos.items():
                    caminho = temporaria / relativo
                    caminho.parent.mkdir(parents=True, exist_ok=True)
                    caminho.write_bytes(conteudo)
                temporaria.mkdir(parents=True, exist_ok=True)
                temporaria.rename(destino)
        return destino

    def executar(
        self,
        pedido: Pedido,
        arquivos: dict[str, dict[str, bytes]],
        dados: dict[str, bytes] | None,
        municipio: dict[str, bytes] | None = None,
    ) -> dict:
        if self.problemas:
            return _falha(
                f"o worker {self.nome} tem versões diferentes do cliente: {'; '.join(self.problemas)}"
            )
        mapa: dict[str, str] = {}  # client path -> local path
        if pedido.dados is not None:
            mapa[pedido.dados] = str(
                self._gravar_uma_vez(self.pasta / "dados" / pedido.hash_dados, dados or {})
            )
        for caminho, sha in pedido.arquivos.items():
            pasta = self._gravar_uma_vez(self.pasta / "arquivos" / sha, arquivos[sha])
            mapa[caminho] = str(pasta / Path(caminho).name)
        saida = self.pasta / "execucoes" / f"{uuid.uuid4().hex}.ipynb"
        mapa[pedido.saida] = str(saida)
        parametros = com_caminhos_locais(pedido.parametros, mapa)
        carregado = None
        if pedido.municipio is not None and municipio is not None:
            carregado = self._gravar_uma_vez(self.pasta / "municipios" / pedido.municipio, municipio)
            carregado = carregado / NOME_MUNICIPIO
        tarefa = Tarefa(
            pedido.id, Path(mapa[pedido.notebook]), parametros, saida, self.pasta, None, carregado
        )
        resultado = self.pool.submeter(tarefa).result()
        texto = None
        if resultado.notebook is not None:
            texto = nbformat.writes(resultado.notebook)
        elif saida.is_file():
            texto = saida.read_text(encoding="utf-8")
        saida.unlink(missing_ok=True)
        if texto is not None:  # the client's paths back, longest first (a folder and a file inside it)
            for cliente, local in sorted(mapa.items(), key=lambda par: -len(par[1])):
                texto = texto.replace(local, cliente)
        html = None
        if resultado.ok and pedido.pagina is not None:
            try:
                html = self._renderizador().documento(nbformat.reads(texto, as_version=4), pedido.pagina)
            except Exception:  # the client renders it again, and reports what went wrong
                html = None
        return {
            "notebook": texto if resultado.ok else None,
            "falho": None if resultado.ok else texto,
            "erro": resultado.erro,
            "duracao": resultado.duracao,
            "trabalhador": f"{self.nome}/{resultado.trabalhador}",
            "html": html,
        }


def _falha(erro: str) -> dict:
    return {"notebook": None, "falho": None, "erro": erro, "duracao": 0.0, "trabalhador": "-", "html": None}


def executar(
    pedido: Pedido,
    arquivos: dict[str, dict[str, bytes]],
    dados: dict[str, bytes] | None,
    municipio: dict[str, bytes] | None = None,
) -> dict:
    """The task of one document on a worker (see ``EstadoCras.executar``)."""
    try:
        estado = get_worker().plugins[NOME_PLUGIN]
    except (KeyError, ValueError):
        return _falha("o worker do Dask não tem o plugin do cras (registre-o antes de enviar documentos)")
    try:
        return estado.executar(pedido, arquivos, dados, municipio)
    except Exception as erro:  # a result, never an exception: the run goes on
        return _falha(f"erro inesperado no worker {estado.nome}: {type(erro).__name__}: {erro}")
