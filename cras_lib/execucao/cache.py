"""Incremental runs: a document is executed again only when something that shapes it changed.

The key of a document is the sha256 of: its notebook file, every input data file, its effective parameters
(and the content of any parameter that names a file, such as the params YAML), the library's source
(``impressoes.hash_biblioteca``: code, text and HTML templates), the versions of the key packages, the kernel,
and what its page header says. The manifest keeps, per document, the key and the HTML hash of its last
successful run; a document is up to date when the key is the same and its HTML is still there, unchanged.
"""

from __future__ import annotations

from pathlib import Path

from cras_lib.execucao.documentos import Documento
from cras_lib.execucao.impressoes import sha256_arquivo, sha256_json


def _parametros_planos(parametros: dict, prefixo: str = ""):
    """(name, value) of every parameter, a dict parameter's entries included as 'nome.chave' (the CRAS
    report's ``plano`` names the plan's params file inside a dict)."""
    for nome, valor in parametros.items():
        if isinstance(valor, dict):
            yield from _parametros_planos(valor, f"{prefixo}{nome}.")
        else:
            yield f"{prefixo}{nome}", valor


def chave_documento(
    documento: Documento,
    hashes_dados: dict[str, str],
    hash_biblioteca: str,
    versoes: dict[str, str],
    kernel: str,
    municipio: str,
) -> str:
    arquivos_parametros = {
        nome: sha256_arquivo(Path(valor))
        for nome, valor in _parametros_planos(documento.parametros)
        if isinstance(valor, str) and nome != "dados" and Path(valor).is_file()
    }
    return sha256_json(
        {
            "notebook": sha256_arquivo(documento.notebook),
            "dados": hashes_dados,
            "parametros": documento.parametros,
            "arquivos_parametros": arquivos_parametros,
            "biblioteca": hash_biblioteca,
            "versoes": versoes,
            "kernel": kernel,
            "pagina": [municipio, documento.titulo, documento.periodo],
        }
    )


def em_dia(ultima_geracao: dict | None, chave: str, html: Path) -> bool:
    """True when the last successful run had this key and its HTML is still in place, byte for byte."""
    return bool(
        ultima_geracao
        and ultima_geracao.get("chave") == chave
        and html.is_file()
        and sha256_arquivo(html) == ultima_geracao.get("sha256_html")
    )
