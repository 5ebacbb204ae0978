"""Publishing: an executed document becomes a page of ``html/`` only when it is complete and clean.

A document is published by an atomic rename after it executed and its page passed the privacy guard
(``guarda.py``); a failed document leaves its previous HTML and notebook in place, and the failed execution is
kept for diagnosis as ``notebooks/<id>.falha.ipynb``. The index page lists every document with its status.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pandas as pd

from cras_lib.apresentacao import formatacao
from cras_lib.erros import ErroPublicacao
from cras_lib.execucao import indice
from cras_lib.execucao.configuracao import Configuracao
from cras_lib.execucao.documentos import Documento
from cras_lib.execucao.executores import Resultado
from cras_lib.execucao.gravacao import gravar_atomico, motivo, substituir
from cras_lib.execucao.guarda import GuardaPrivacidade, descrever_achados
from cras_lib.execucao.html import Pagina, Proveniencia, RenderizadorHTML, stderr_presente
from cras_lib.execucao.impressoes import sha256_arquivo, sha256_bytes

log = logging.getLogger("cras")


def agora() -> dt.datetime:
    """Local time, to the second, with its UTC offset (ISO in the manifest, pt-BR on the pages)."""
    return dt.datetime.now().astimezone().replace(microsecond=0)


def datas_da_execucao(config: Configuracao, hoje: dt.date, meses: tuple[str, ...] = ()) -> set[dt.date]:
    """Dates a page may print legitimately (so the privacy guard does not take them for birth dates); ``meses``
    are other months of the run ('AAAA-MM', e.g. the bulletin's), whose first and last days are allowed."""
    datas = {hoje, dt.date.fromisoformat(config.data_referencia)}
    for mes in meses:
        datas |= {pd.Period(mes, "M").start_time.date(), pd.Period(mes, "M").end_time.date()}
    if config.data_referencia_cras:
        datas.add(dt.date.fromisoformat(config.data_referencia_cras))
    for periodo in (config.avaliacao, config.comparacao, config.periodo_cras, config.comparacao_cras):
        if periodo is not None:
            datas.add(pd.Period(periodo.inicio, "M").start_time.date())
            datas.add(pd.Period(periodo.fim, "M").end_time.date())
    return datas


def guarda_do_municipio(municipio, config: Configuracao, meses: tuple[str, ...] = ()) -> GuardaPrivacidade:
    """The privacy guard of one municipality's pages: its personal values, the dates the run may print (``meses``:
    the bulletins' months), and the run's own fields (the municipality's name and UF)."""
    return GuardaPrivacidade.do_municipio(
        municipio,
        datas_da_execucao(config, agora().date(), meses),
        campos=[
            (f"{config.arquivo.name}, campo 'municipio.nome'", config.municipio_nome),
            (f"{config.arquivo.name}, campo 'municipio.uf'", config.uf),
        ],
    )


class Publicacao:
    """Turns results into published files (runs in the main thread while the kernels execute the next
    documents), and writes the index page."""

    def __init__(
        self,
        saida: Path,
        config: Configuracao,
        municipio,
        chaves: dict[str, str],
        proveniencia: Proveniencia,
        meses: tuple[str, ...] = (),
        subpasta: str | None = None,
        guarda: GuardaPrivacidade | None = None,
        renderizador: RenderizadorHTML | None = None,
    ):
        # a multi-municipality run publishes each municipality under html/<ibge>/ and notebooks/<ibge>/
        self.html = saida / "html" / (subpasta or "")
        self.notebooks = saida / "notebooks" / (subpasta or "")
        self.subpasta = subpasta
        self.config = config
        self.chaves = chaves
        self.proveniencia = proveniencia
        self.guarda = guarda or guarda_do_municipio(municipio, config, meses)
        # a state run shares one renderer: its templates are compiled once, not once per municipality
        self.renderizador = renderizador or RenderizadorHTML()

    def temporario(self, documento: Documento) -> Path:
        """Where the executor writes the executed notebook before it is published (same folder: atomic rename)."""
        final = self.notebooks / documento.caderno
        final.parent.mkdir(parents=True, exist_ok=True)
        return final.with_name(f".{final.stem}.execucao.ipynb")

    def _falha(self, documento: Documento) -> Path:
        return self.notebooks / documento.caderno.replace(".ipynb", ".falha.ipynb")

    def descartar_falha(self, documento: Documento) -> None:
        """The published version is current again: the diagnosis of an older failure is obsolete."""
        self._falha(documento).unlink(missing_ok=True)

    def pagina(self, documento: Documento) -> Pagina:
        voltar = "../" * documento.id.count("/") + "index.html"
        return Pagina(
            documento.titulo, self.config.rotulo_municipio, documento.periodo, self.proveniencia, voltar
        )

    def publicar(self, documento: Documento, resultado: Resultado, anterior: dict | None) -> dict:
        """Publish an executed document, or record its failure keeping the previous version in place."""
        temporario = resultado.tarefa.saida
        erro = resultado.erro
        if erro is None:
            if stderr_presente(resultado.notebook):
                log.warning(
                    "%s: o notebook escreveu em stderr (avisos); a saída foi omitida do HTML", documento.id
                )
            conteudo = resultado.html
            if conteudo is None:
                conteudo = self.renderizador.documento(resultado.notebook, self.pagina(documento))
            if achados := self.guarda.verificar(conteudo):
                erro = descrever_achados(achados)
        if erro is None:
            try:  # the notebook first: if the page cannot be written, the shared page is still the previous one
                substituir(temporario, self.notebooks / documento.caderno)
                gravar_atomico(self.html / documento.html, conteudo)
            except OSError as falha:
                log.error("%s: erro ao gravar: %s", documento.id, falha)
                erro = f"não foi possível gravar o documento ({motivo(falha)}); nada foi alterado no que já estava publicado"
        if erro is not None:
            if temporario.exists():
                try:
                    substituir(temporario, self._falha(documento))
                except OSError:
                    temporario.unlink(missing_ok=True)
            ultima = (anterior or {}).get("ultima_geracao")
            if ultima is not None and "periodo" not in ultima:  # manifests written before the period was kept
                ultima = ultima | {"periodo": anterior.get("periodo")}
            return {
                "situacao": "falhou",
                "erro": self._sem_dados_pessoais(erro),
                "duracao_s": round(resultado.duracao, 3),
                "ultima_geracao": ultima,
            }
        self.descartar_falha(documento)
        return {
            "situacao": "gerado",
            "erro": None,
            "duracao_s": round(resultado.duracao, 3),
            "ultima_geracao": {
                "chave": self.chaves[documento.id],
                "gerado_em": agora().isoformat(),
                "periodo": documento.periodo,  # the period of the page as published (the index shows it)
                "sha256_html": sha256_bytes(conteudo.encode("utf-8")),
                "sha256_notebook": sha256_arquivo(self.notebooks / documento.caderno),
            },
        }

    def _sem_dados_pessoais(self, erro: str) -> str:
        """An error message goes to the shared index: never with a personal value in it."""
        if self.guarda.verificar(erro, marcacao=False):
            return erro.split(":", 1)[0] + ": (mensagem omitida por conter dados pessoais)"
        return erro

    def indice(self, entradas: list[dict]) -> str:
        """Write html/index.html; returns its summary sentence.

        The index is shared too: a title that would show a personal value (a unit named like a person of the
        inputs) is replaced by the document's id, and the finished page goes through the guard like any other.
        """
        visiveis = [
            e | {"titulo": f"Documento {e['id']}"}
            if self.guarda.verificar(e["titulo"], marcacao=False)
            else e
            for e in entradas
        ]
        resumo, grupos = indice.montar(visiveis, self.html)
        config = self.config
        pagina = Pagina(
            "Documentos da assistência social",
            config.rotulo_municipio,
            f"{formatacao.periodo_extenso(config.periodo_cras.inicio, config.periodo_cras.fim)}; "
            f"Plano Anual do SCFV {config.ano_plano}",
            self.proveniencia,
            "../index.html" if self.subpasta else None,  # back to the state index
        )
        conteudo = self.renderizador.indice(pagina, resumo, grupos)
        if achados := self.guarda.verificar(conteudo):
            raise ErroPublicacao(f"índice não publicado: {descrever_achados(achados)}")
        gravar_atomico(self.html / "index.html", conteudo)
        return resumo
