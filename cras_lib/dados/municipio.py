"""The loaded municipality: the typed tables of one data folder, every problem found in one pass.

Implements the "Arquivos" section of ``docs/contrato-de-dados.md``: the required files (unidades, rma_cras,
equipes) must be present; an absent optional file is simply ``None`` (documents that need it skip that
part). File names are matched ignoring case. Problems of all files are gathered and raised together as one
:class:`DadosInvalidos`; inconsistencies between files that do not prevent the documents (a CRAS code
missing from ``unidades.csv``, an SCFV user in an unknown group) become warnings in ``avisos``.
"""

from __future__ import annotations

import copy
import hashlib
import pickle
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from cras_lib.apresentacao.formatacao import plural
from cras_lib.cache_declarado import CacheDeclarado
from cras_lib.dados.contrato import ARQUIVOS
from cras_lib.dados.leitura import ler_bytes
from cras_lib.erros import DadosInvalidos, Problema

EXEMPLOS_POR_AVISO = 5


@dataclass(eq=False)
class Municipio:
    """One table per contract file (canonical column names, contract dtypes), plus provenance.

    ``arquivos`` maps each file read (its contract name, e.g. ``"rma_cras.csv"``) to the sha256 of its
    bytes; ``avisos`` holds non-fatal warnings in Portuguese. No calculations live here.
    """

    pasta: Path
    unidades: pd.DataFrame
    rma_cras: pd.DataFrame
    equipes: pd.DataFrame
    scfv_participantes: pd.DataFrame | None = None
    scfv_grupos: pd.DataFrame | None = None
    scfv_frequencia: pd.DataFrame | None = None
    inclusao_produtiva: pd.DataFrame | None = None
    cadunico_territorios: pd.DataFrame | None = None
    custos: pd.DataFrame | None = None
    estrutura_cras: pd.DataFrame | None = None
    idcras_publicado: pd.DataFrame | None = None
    arquivos: dict[str, str] = field(default_factory=dict)
    avisos: list[str] = field(default_factory=list)

    def tem(self, nome: str) -> bool:
        """Whether the file ``nome`` (``"scfv_grupos"`` or ``"scfv_grupos.csv"``) was in the folder."""
        atributo = nome.removesuffix(".csv")
        conhecidos = [a.atributo for a in ARQUIVOS]
        if atributo not in conhecidos:
            raise ValueError(f"arquivo desconhecido: '{nome}' (conhecidos: {', '.join(conhecidos)})")
        return getattr(self, atributo) is not None

    def __repr__(self) -> str:
        tabelas = (
            f"{a.atributo}={'None' if (t := getattr(self, a.atributo)) is None else f'{len(t)} linhas'}"
            for a in ARQUIVOS
        )
        return f"Municipio(pasta='{self.pasta}', {', '.join(tabelas)}, avisos={len(self.avisos)})"


def nomes_dos_cras(unidades: pd.DataFrame) -> dict[str, str]:
    """id_cras -> the unit's public name (``unidades.csv``), in file order; the code itself when the name is
    empty, so a document never shows a missing name."""
    nomes = unidades["nome"].astype("string").str.strip().replace("", pd.NA)
    codigos = unidades["id_cras"].astype("string")
    return {str(c): str(n) for c, n in zip(codigos, nomes.fillna(codigos), strict=True) if not pd.isna(c)}


class CacheMunicipio(CacheDeclarado):
    """The loader's declared cache, for processes that load the same folder again and again (the warm kernels of
    the runner, ``cras_lib.execucao.aquecimento``). Off by default: :func:`carregar_municipio` reads the files
    at every call until :meth:`ativar` is called.

    When active it keeps the latest municipality only, keyed by the folder's resolved path and the sha256 of each
    of its contract files (an edited file is read again; any other file of the folder is not read, and does not
    count), and every call gets its own shallow copy: with pandas' copy-on-write, changes one document makes to
    its tables never reach the cached object nor the next document.
    """

    def __init__(self) -> None:
        super().__init__()
        self._chave: tuple | None = None
        self._municipio: Municipio | None = None

    def limpar(self) -> None:
        self._chave = self._municipio = None

    @staticmethod
    def _assinatura(pasta: Path) -> tuple:
        return (str(pasta), _impressoes(pasta))

    def semear(self, arquivo: Path, pasta: Path) -> None:
        """Take the municipality another process loaded from a folder with the same files and wrote with
        :func:`serializar` (the runner's client, which loads and validates every folder before its documents
        run; a Dask worker's copy of the folder has another path), as loaded from ``pasta``, unless it is the
        one already kept (the file's name is the digest of the files). It is used only while the files of
        ``pasta`` still have those sha256; otherwise :meth:`obter` reads them as usual."""
        pasta = Path(pasta).resolve()
        if not self.ativo or (
            self._chave is not None
            and self._chave[0] == str(pasta)
            and _resumo(self._chave[1]) == arquivo.stem
        ):
            return
        arquivos, municipio = pickle.loads(arquivo.read_bytes())
        municipio.pasta = pasta
        self._chave, self._municipio = (str(pasta), arquivos), municipio

    def obter(self, pasta: Path, carregar) -> Municipio:
        """A copy of the cached municipality of ``pasta``, loaded with ``carregar(pasta)`` when absent or stale."""
        chave = self._assinatura(pasta)
        if chave != self._chave or self._municipio is None:
            self.limpar()
            self._municipio, self._chave = carregar(pasta), chave
        return _copia_rasa(self._municipio)


def _copia_rasa(municipio: Municipio) -> Municipio:
    """A new ``Municipio`` whose tables are shallow copies (see :class:`CacheMunicipio`)."""
    novo = copy.copy(municipio)
    for nome, valor in vars(municipio).items():
        if isinstance(valor, pd.DataFrame):
            setattr(novo, nome, valor.copy(deep=False))
        elif isinstance(valor, dict | list | set):
            setattr(novo, nome, copy.copy(valor))
    return novo


_NOMES_DO_CONTRATO = frozenset(a.nome for a in ARQUIVOS)


def arquivos_do_contrato(pasta: Path) -> list[Path]:
    """The files of ``pasta`` the loader considers (a contract file's name in any case), sorted: what a loaded
    municipality depends on; any other file of the folder (a scanned form, a spreadsheet) is never read."""
    if not pasta.is_dir():
        return []
    return sorted(p for p in pasta.iterdir() if p.is_file() and p.name.lower() in _NOMES_DO_CONTRATO)


def _impressoes(pasta: Path) -> tuple[tuple[str, str], ...]:
    """(name, sha256) of each of :func:`arquivos_do_contrato`."""
    return tuple((p.name, hashlib.sha256(p.read_bytes()).hexdigest()) for p in arquivos_do_contrato(pasta))


def _resumo(arquivos: tuple) -> str:
    return hashlib.sha256(repr(arquivos).encode()).hexdigest()[:32]


def serializar(municipio: Municipio, pasta: Path) -> Path:
    """Write ``municipio`` (loaded from its folder just now) into the folder ``pasta`` for
    :meth:`CacheMunicipio.semear`, with the sha256 of the files it was read from; returns the file. Unpickling
    it costs a few milliseconds, reading the folder again about a hundred."""
    arquivos = _impressoes(Path(municipio.pasta))
    destino = Path(pasta) / f"{_resumo(arquivos)}.pickle"
    destino.write_bytes(pickle.dumps((arquivos, municipio), protocol=pickle.HIGHEST_PROTOCOL))
    return destino


cache = CacheMunicipio()
"""The one cache of :func:`carregar_municipio` (inactive unless a long-lived process calls ``cache.ativar()``)."""


def carregar_municipio(pasta: str | Path) -> Municipio:
    """Read every contract file of ``pasta``; raise :class:`DadosInvalidos` listing ALL problems found.

    With :data:`cache` active, a folder whose files did not change is not read again."""
    pasta = Path(pasta).resolve()
    if cache.ativo:
        return cache.obter(pasta, _carregar)
    return _carregar(pasta)


def _carregar(pasta: Path) -> Municipio:
    if not pasta.is_dir():
        motivo = "não é uma pasta" if pasta.exists() else "não existe"
        raise DadosInvalidos([Problema(str(pasta), None, None, f"a pasta de dados {motivo}")])
    por_nome: dict[str, list[Path]] = {}
    for caminho in sorted(pasta.iterdir()):
        if caminho.is_file():
            por_nome.setdefault(caminho.name.lower(), []).append(caminho)
    tabelas: dict[str, pd.DataFrame | None] = {}
    hashes: dict[str, str] = {}
    problemas: list[Problema] = []
    for arquivo in ARQUIVOS:
        achados = por_nome.get(arquivo.nome, [])
        if len(achados) > 1:
            nomes = ", ".join(c.name for c in achados)
            problemas.append(
                Problema(arquivo.nome, None, None, f"há mais de um arquivo com este nome: {nomes}")
            )
            continue
        if not achados:
            if arquivo.obrigatorio:
                problemas.append(
                    Problema(arquivo.nome, None, None, f"arquivo obrigatório ausente da pasta {pasta}")
                )
            continue
        try:
            conteudo = achados[0].read_bytes()
        except OSError as erro:
            motivo = f"não foi possível ler o arquivo: {erro.strerror}"
            problemas.append(Problema(achados[0].name, None, None, motivo))
            continue
        hashes[arquivo.nome] = hashlib.sha256(conteudo).hexdigest()
        tabelas[arquivo.atributo], encontrados = ler_bytes(conteudo, achados[0].name, arquivo)
        problemas.extend(encontrados)
    if problemas:
        raise DadosInvalidos(problemas)
    return Municipio(pasta=pasta, **tabelas, arquivos=hashes, avisos=_avisos(tabelas))


def _avisos(tabelas: dict[str, pd.DataFrame | None]) -> list[str]:
    """Inconsistencies between files, in Portuguese, in a fixed order."""
    avisos = []
    unidades = set(tabelas["unidades"]["id_cras"].dropna())
    for arquivo in ARQUIVOS:
        tabela = tabelas.get(arquivo.atributo)
        if arquivo.atributo == "unidades" or tabela is None or "id_cras" not in tabela:
            continue
        fora = set(tabela["id_cras"].dropna()) - unidades
        if fora:
            avisos.append(
                f"{arquivo.nome}: {plural(len(fora), 'código', 'códigos')} de CRAS que não "
                f"{'consta' if len(fora) == 1 else 'constam'} em unidades.csv: {_exemplos(fora)}"
            )
    sem_rma = unidades - set(tabelas["rma_cras"]["id_cras"].dropna())
    if sem_rma:
        quantos = plural(len(sem_rma), "CRAS", "CRAS")
        avisos.append(f"rma_cras.csv: nenhum mês informado para {quantos}: {_exemplos(sem_rma)}")
    avisos.extend(_avisos_scfv(tabelas))
    avisos.extend(_avisos_implausiveis(tabelas))
    return avisos


def _avisos_scfv(tabelas: dict[str, pd.DataFrame | None]) -> list[str]:
    """SCFV users in unknown groups or in a group of another CRAS; attendance of unknown users."""
    participantes, grupos = tabelas.get("scfv_participantes"), tabelas.get("scfv_grupos")
    frequencia = tabelas.get("scfv_frequencia")
    avisos = []
    if participantes is not None and grupos is not None:
        cruzados = participantes[["id_grupo", "id_cras"]].merge(
            grupos[["id_grupo", "id_cras"]],
            on="id_grupo",
            how="left",
            suffixes=("", "_grupo"),
            validate="m:1",
        )
        sem_grupo = cruzados["id_grupo"].notna() & cruzados["id_cras_grupo"].isna()
        outro_cras = (cruzados["id_cras"] != cruzados["id_cras_grupo"]).fillna(False)
        for mascara, situacao in (
            (sem_grupo, "em grupo que não consta em scfv_grupos.csv"),
            (outro_cras, "de um CRAS em grupo de outro CRAS"),
        ):
            if mascara.any():
                quantos = plural(int(mascara.sum()), "participante")
                grupos_ = _exemplos(set(cruzados.loc[mascara, "id_grupo"]))
                avisos.append(f"scfv_participantes.csv: {quantos} {situacao} (grupos: {grupos_})")
    if participantes is not None and frequencia is not None:
        desconhecidos = ~frequencia["id_participante"].isin(participantes["id_participante"].dropna())
        if desconhecidos.any():
            quantas = plural(int(desconhecidos.sum()), "linha")
            avisos.append(
                f"scfv_frequencia.csv: {quantas} de participante que não consta em scfv_participantes.csv"
            )
    return avisos


TETO_A1_POR_FAMILIA_REFERENCIADA = 10
"""A.1 (families in PAIF follow-up in the month) above this many times the CRAS's referenced families is not a
plausible count (a typo, a cumulative total, a misread number): warned, not silently published."""


def _avisos_implausiveis(tabelas: dict[str, pd.DataFrame | None]) -> list[str]:
    """Counts over a documented ceiling, by file and column, with the months and CRAS where they occur."""
    unidades, rma = tabelas["unidades"], tabelas["rma_cras"]
    if "a1" not in rma or "familias_referenciadas" not in unidades:
        return []
    referenciadas = unidades.set_index("id_cras")["familias_referenciadas"]
    teto = rma["id_cras"].map(referenciadas) * TETO_A1_POR_FAMILIA_REFERENCIADA
    acima = (rma["a1"] > teto).fillna(False).to_numpy(dtype=bool)
    if not acima.any():
        return []
    casos = {
        f"{c} em {m}"
        for c, m in zip(rma.loc[acima, "id_cras"], rma.loc[acima, "mes_referencia"], strict=True)
    }
    return [
        f"rma_cras.csv, coluna 'a1': {plural(int(acima.sum()), 'valor', 'valores')} acima de "
        f"{TETO_A1_POR_FAMILIA_REFERENCIADA} vezes as famílias referenciadas do CRAS (unidades.csv), o que não é "
        f"plausível; confira: {_exemplos(casos)}"
    ]


def _exemplos(valores: set[str]) -> str:
    """'a, b, c' or 'a, b, c, d, e e mais 3' (sorted, so the text is reproducible)."""
    ordenados = sorted(valores)
    texto = ", ".join(ordenados[:EXEMPLOS_POR_AVISO])
    return (
        texto
        if len(ordenados) <= EXEMPLOS_POR_AVISO
        else f"{texto} e mais {len(ordenados) - EXEMPLOS_POR_AVISO}"
    )
