"""``importar``: a folder of official files (ORIGEM) -> a contract folder that ``cras run --dados`` reads.

Steps: read every file (:mod:`fontes`), recognise each table by content (:mod:`reconhecimento`), read the rows
of the selected municipalities (one reader per layout), gather ALL problems of recognised files and raise them
together (:class:`DadosInvalidos`, nothing written), merge per municipality (:mod:`combinacao`), write the
contract files and ``importacao.json`` (:mod:`escrita`, :mod:`resumo`).

One municipality: ``importar(origem, saida, municipio=...)`` writes ``saida`` itself. Several
(``importar_municipios(origem, saida, uf=...)`` or every one found): ``saida/municipios.csv`` (``ibge``, ``nome``,
``uf``, ``porte``, ``populacao``; empty when unknown) and one contract folder ``saida/<ibge>/`` per row.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from cras_lib.dados.contrato import ESTRUTURA_CRAS
from cras_lib.dados.importacao import censo_dados_gerais, escrita, reconhecimento, resumo, valores
from cras_lib.dados.importacao.base import Leitura, Selecao
from cras_lib.dados.importacao.combinacao import COLUNAS_EQUIPES, COLUNAS_UNIDADES, Combinado, combinar
from cras_lib.dados.importacao.estrutura import ResultadoEstrutura, estrutura_de_dados_gerais
from cras_lib.dados.importacao.fontes import Ilegivel, ler_conteudo
from cras_lib.erros import ArgumentoInvalido, DadosInvalidos, MunicipioAusente, Problema

COLUNAS_MUNICIPIOS = ("ibge", "nome", "uf", "porte", "populacao")
ARQUIVO_REGISTRO = "importacao.json"


@dataclass(frozen=True)
class Importacao:
    """One municipality imported: where, its record (the content of ``importacao.json``) and the summary."""

    pasta: Path
    registro: dict

    @property
    def municipio(self) -> dict:
        return self.registro["municipio"]

    @property
    def resumo(self) -> str:
        return resumo.texto(self.registro, str(self.pasta))


def codigo_municipio(texto: str) -> str:
    """The 6-digit code of a 6- or 7-digit IBGE municipality code; ValueError (Portuguese) otherwise."""
    codigo = re.sub(r"\s+", "", str(texto))
    if not re.fullmatch(r"\d{6}|\d{7}", codigo):
        raise ArgumentoInvalido(
            f"código IBGE do município inválido: '{texto}' (use os 6 ou 7 dígitos do IBGE)"
        )
    if codigo[:2] not in valores.UF_POR_CODIGO:
        raise ArgumentoInvalido(
            f"código IBGE do município inválido: '{texto}' (os 2 primeiros dígitos não são de uma UF)"
        )
    return codigo[:6]


def _ler(
    origem: Path, selecao: Selecao, saida: Path
) -> tuple[list[Leitura], dict[str, str], list[resumo.Ignorado]]:
    """Read every file of ``origem`` except those under ``saida`` (an output folder inside ORIGEM is not
    input: importing again must not read the contract files of the last import)."""
    origem, saida = Path(origem), Path(saida).resolve()
    if not origem.is_dir():
        motivo = "não é uma pasta" if origem.exists() else "não existe"
        raise DadosInvalidos([Problema(str(origem), None, None, f"a pasta de origem {motivo}")])
    problemas = valores.Problemas()
    leituras: list[Leitura] = []
    hashes: dict[str, str] = {}
    ignorados: list[resumo.Ignorado] = []
    for caminho in sorted(p for p in origem.rglob("*") if p.is_file()):
        relativo = caminho.relative_to(origem).as_posix()
        oculto = any(parte.startswith(".") for parte in Path(relativo).parts)
        if oculto or caminho.resolve().is_relative_to(saida):
            continue
        conteudo = caminho.read_bytes()
        hashes[relativo] = hashlib.sha256(conteudo).hexdigest()
        tabelas = ler_conteudo(relativo, caminho, conteudo)
        if isinstance(tabelas, Ilegivel):
            ignorados.append(resumo.Ignorado(relativo, tabelas.motivo))
            continue
        for tabela in tabelas:
            layout = reconhecimento.reconhecer(tabela)
            if layout is None:
                ignorados.append(resumo.Ignorado(tabela.nome, reconhecimento.MOTIVO_DESCONHECIDO))
                continue
            leituras.append(layout.ler(tabela, selecao, problemas))
    if problemas:
        raise DadosInvalidos(problemas.todos())
    return leituras, hashes, ignorados


def _particoes(leituras: list[Leitura]) -> dict[int, dict[str, pd.DataFrame]]:
    return {
        i: {str(m): d for m, d in le.dados.groupby("municipio", sort=False)} if len(le.dados) else {}
        for i, le in enumerate(leituras)
    }


def _municipios_presentes(particoes) -> list[str]:
    return sorted({m for p in particoes.values() for m in p})


def _ausente(alvo: str, leituras: list[Leitura]) -> MunicipioAusente:
    achados: dict[str, str] = {}
    for le in leituras:
        for codigo, nome in le.encontrados.items():
            if not achados.get(codigo):
                achados[codigo] = nome
    return MunicipioAusente(alvo, achados)


def _estrutura(combinado: Combinado) -> ResultadoEstrutura | None:
    """``estrutura_cras.csv`` (IDCRAS) from the Dados Gerais read: the capacity class and the porte of the
    municipality; the fields the Censo layout does not confirm are listed to be completed by hand."""
    gerais = [f.leitura.dados for f in combinado.fontes if f.leitura.layout == censo_dados_gerais.LAYOUT]
    if not gerais:
        return None
    ids = combinado.unidades["id_cras"].dropna().astype(str)
    dados = pd.concat(gerais, ignore_index=True).drop_duplicates("id_cras")
    dados = dados.assign(porte=combinado.municipio.get("porte"))
    return estrutura_de_dados_gerais(
        dados[["id_cras", "capacidade", "porte"]],
        mapa={"capacidade": "capacidade", "porte_municipio": "porte"},
        ids=ids,
    )


def _arquivos_do_municipio(combinado: Combinado, hashes, ignorados) -> tuple[dict[str, bytes], dict]:
    tabelas = {
        "unidades.csv": combinado.unidades[list(COLUNAS_UNIDADES)],
        "rma_cras.csv": combinado.rma_cras.assign(
            mes_referencia=combinado.rma_cras["mes_referencia"].astype(str)
        )
        if len(combinado.rma_cras)
        else combinado.rma_cras,
        "equipes.csv": combinado.equipes[list(COLUNAS_EQUIPES)],
    }
    estrutura = _estrutura(combinado)
    if estrutura is not None:
        tabelas[ESTRUTURA_CRAS.nome] = estrutura.linhas
    saida = {nome: escrita.csv_bytes(t) for nome, t in tabelas.items()}
    hashes_saida = {nome: hashlib.sha256(c).hexdigest() for nome, c in saida.items()}
    registro = resumo.registro(combinado, hashes, ignorados, saida, hashes_saida)
    if estrutura is not None:
        registro["estrutura_cras_nao_preenchidos"] = list(estrutura.nao_preenchidos)
    return {**saida, ARQUIVO_REGISTRO: escrita.json_bytes(registro)}, registro


def importar(origem: str | Path, saida: str | Path, *, municipio: str) -> Importacao:
    """Import one municipality (``municipio``: 6- or 7-digit IBGE code) from the files of ``origem`` into the
    contract folder ``saida``. Raises :class:`DadosInvalidos` (nothing written) for a recognised file that is
    broken, :class:`MunicipioAusente` when no file has the municipality."""
    alvo = codigo_municipio(municipio)
    leituras, hashes, ignorados = _ler(Path(origem), Selecao(municipio=alvo), Path(saida))
    particoes = _particoes(leituras)
    if alvo not in _municipios_presentes(particoes):
        raise _ausente(alvo, leituras)
    combinado = combinar(alvo, leituras, particoes)
    arquivos, registro = _arquivos_do_municipio(combinado, hashes, ignorados)
    escrita.gravar(Path(saida), arquivos)
    return Importacao(Path(saida), registro)


def importar_municipios(origem: str | Path, saida: str | Path, *, uf: str | None = None) -> list[Importacao]:
    """Import every municipality of ``uf`` (or of every state when None) found in ``origem``: writes
    ``saida/municipios.csv`` and one contract folder ``saida/<ibge>/`` per municipality."""
    if uf is not None:
        uf = uf.strip().upper()
        if uf not in valores.CODIGO_POR_UF:
            raise ArgumentoInvalido(f"UF inválida: '{uf}' (use a sigla, por exemplo MG)")
    leituras, hashes, ignorados = _ler(Path(origem), Selecao(uf=uf), Path(saida))
    particoes = _particoes(leituras)
    presentes = _municipios_presentes(particoes)
    if not presentes:
        raise _ausente(f"UF {uf}" if uf else "(qualquer)", leituras)
    saida = Path(saida)
    importacoes, linhas = [], []
    for codigo in presentes:
        combinado = combinar(codigo, leituras, particoes)
        arquivos, registro = _arquivos_do_municipio(combinado, hashes, ignorados)
        m = registro["municipio"]
        pasta = saida / m["ibge"]
        escrita.gravar(pasta, arquivos, sincronizar=False)
        importacoes.append(Importacao(pasta, registro))
        linhas.append({c: m.get(c) for c in COLUNAS_MUNICIPIOS})
    escrita.gravar(
        saida, {"municipios.csv": escrita.csv_bytes(pd.DataFrame(linhas, columns=COLUNAS_MUNICIPIOS))}
    )
    return importacoes
