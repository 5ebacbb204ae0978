"""The index page ``html/index.html``: every document of the output folder with status, period and time."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from cras_lib.apresentacao import formatacao
from cras_lib.erros import ErroCras

SITUACOES = {
    "gerado": "Gerado nesta execução",
    "inalterado": "Inalterado desde a última geração (nada mudou)",
    "falhou": "Falhou nesta execução",
}
GRUPOS = (
    ("Boletins mensais", "Boletim mensal da vigilância, do mais recente ao mais antigo", ("boletim",)),
    ("Planejamento e avaliação", "Documentos do município", ("plano", "avaliacao")),
    ("Relatórios por CRAS", "Um relatório por CRAS", ("cras",)),
)
# How the index says a bulletin's alerts (they are findings to check, not failures of the run).
ALERTAS = {"grave": ("alerta grave", "alertas graves"), "moderada": ("alerta moderado", "alertas moderados")}


def data_hora(iso: str | None) -> str:
    """'2025-12-31T08:05:00-03:00' -> '31/12/2025 08:05' (the reader's usual form); '—' when absent."""
    if not iso:
        return "—"
    momento = dt.datetime.fromisoformat(iso)
    return f"{formatacao.data_curta(momento.date())} {momento:%H:%M}"


FORA_DO_CADASTRO = (
    "Fora do cadastro atual: o CRAS não consta mais em unidades.csv; a página deixou de ser publicada"
)
NAO_INCLUIDO = "Não incluído nesta execução"
_GENERICO = "detalhes no registro da execução, em logs/"
_CELULA = re.compile(r"^erro na célula (\S+) do notebook: (\w+): (.*)$", re.S)
_INESPERADO = re.compile(r"^erro inesperado ao executar o notebook: .*$", re.S)
_CAMINHO = re.compile(r"""(?<![\w.:/])(?:[A-Za-z]:)?[/\\](?:[^\s/\\'"():;,<>]+[/\\])+([^\s/\\'"():;,<>]+)""")


def _erros_da_biblioteca() -> set[str]:
    """Names of cras_lib's exception classes: their messages are written in Portuguese for the user."""
    nomes, pendentes = set(), [ErroCras]
    while pendentes:
        classe = pendentes.pop()
        nomes.add(classe.__name__)
        pendentes.extend(classe.__subclasses__())
    return nomes


def erro_publico(erro: str | None) -> str | None:
    """An error message as the shared index may show it: Portuguese only, no absolute path.

    A cell that raised one of the library's errors keeps its (Portuguese) message; any other exception (a
    pandas ``KeyError``, a Python ``ValueError``) is named only by its cell, the details stay in the log and the
    manifest. Absolute paths are cut to the file name.
    """
    if not erro:
        return erro
    if achado := _CELULA.match(erro):
        celula, nome, mensagem = achado.groups()
        erro = (
            f"erro na célula {celula} do notebook: {mensagem}"
            if nome in _erros_da_biblioteca()
            else f"erro na célula {celula} do notebook ({_GENERICO})"
        )
    elif _INESPERADO.match(erro):
        erro = f"erro inesperado ao executar o notebook ({_GENERICO})"
    return _CAMINHO.sub(r"\1", erro)


def _linha(entrada: dict, pasta_html: Path) -> dict:
    situacao = entrada.get("situacao", "")
    texto = SITUACOES.get(situacao, situacao)
    ultima = entrada.get("ultima_geracao") or {}
    existe = (pasta_html / entrada["html"]).is_file()
    periodo = entrada["periodo"]
    erro = erro_publico(entrada.get("erro"))
    if situacao == "falhou":
        texto += "; mostrada a versão anterior" if existe else "; ainda sem versão publicada"
        if existe:  # the page on show is the previous one: its period, not the one this run tried
            periodo = ultima.get("periodo") or periodo
    if entrada.get("fora_do_cadastro"):
        texto, erro, existe = FORA_DO_CADASTRO, None, False
    elif not entrada.get("nesta_execucao", True):
        texto, erro = NAO_INCLUIDO, None
        periodo = ultima.get("periodo") or periodo
    if (alertas := entrada.get("alertas")) is not None and not entrada.get("fora_do_cadastro"):
        texto += "; " + texto_alertas(alertas)
    return {
        "titulo": entrada["titulo"],
        "periodo": periodo,
        "situacao": texto,
        "erro": erro,
        "gerado_em": data_hora(ultima.get("gerado_em")),
        "link": entrada["html"] if existe else None,
        "classe": "fora" if entrada.get("fora_do_cadastro") else situacao,
    }


def texto_alertas(alertas: dict[str, int]) -> str:
    """'3 alertas graves e 7 alertas moderados' / 'nenhum alerta' (counts by severity of a bulletin)."""
    partes = [formatacao.plural(n, *ALERTAS.get(s, (s, s))) for s, n in alertas.items() if n]
    return formatacao.lista(partes) if partes else "nenhum alerta"


def montar(entradas: list[dict], pasta_html: Path) -> tuple[str, list[dict]]:
    """The summary sentence and the groups of rows of the index (bulletins from the most recent month)."""
    grupos = []
    for titulo, legenda, tipos in GRUPOS:
        escolhidas = [e for e in entradas if e["tipo"] in tipos]
        if "boletim" in tipos:
            escolhidas.sort(key=lambda e: e["id"], reverse=True)  # boletim/AAAA-MM: text order is month order
        linhas = [_linha(e, pasta_html) for e in escolhidas]
        if linhas:
            grupos.append({"titulo": titulo, "legenda": legenda, "documentos": linhas})
    deste = [e for e in entradas if e.get("nesta_execucao", True)]
    contagem = {s: sum(e["situacao"] == s for e in deste) for s in SITUACOES}
    resumo = (
        f"{formatacao.plural(len(entradas), 'documento')}. Nesta execução: "
        f"{formatacao.plural(contagem['gerado'], 'gerado')}, "
        f"{formatacao.plural(contagem['inalterado'], 'inalterado')}, "
        f"{formatacao.plural(contagem['falhou'], 'com falha', 'com falha')}."
    )
    return resumo, grupos
