"""The glossary of the shared documents: every acronym and technical term a councillor meets, spelled out.

:func:`secao` gives the Markdown of the glossary closing a document, with the terms its text uses;
:func:`siglas_sem_explicacao` says which acronyms of a text are used before being spelled out (every acronym
spelled out at its first use).

:func:`secoes_explicadas` wires both into a document: it wraps the document's section functions (in reading
order) so that each acronym is spelled out at its first use in the document — in the text ("Registro Mensal de
Atendimentos (RMA)"), or in a line "Siglas ..." just before the first table, chart or box that uses it — and
the last section ends with the glossary of the acronyms the document used. What a section says depends only on
the document and the sections before it, whatever order the sections are called in.
"""

from __future__ import annotations

import functools
import html
import re
import weakref
from collections.abc import Callable, Sequence

from cras_lib.apresentacao.exibicao import Bloco, Figura, Html, Tabela

TERMOS: dict[str, tuple[str, str]] = {
    "ACESSUAS": (
        "Programa Nacional de Promoção do Acesso ao Mundo do Trabalho",
        "programa federal de inclusão produtiva da assistência social.",
    ),
    "BPC": (
        "Benefício de Prestação Continuada",
        "um salário mínimo por mês à pessoa idosa ou com deficiência de baixa renda.",
    ),
    "CadÚnico": (
        "Cadastro Único para Programas Sociais",
        "cadastro das famílias de baixa renda, usado por programas como o Bolsa Família.",
    ),
    "CMAS": (
        "Conselho Municipal de Assistência Social",
        "aprova o plano e acompanha a execução dos serviços.",
    ),
    "CNAS": ("Conselho Nacional de Assistência Social", "edita as resoluções nacionais do SUAS."),
    "CRAS": (
        "Centro de Referência de Assistência Social",
        "unidade pública de proteção social básica de um território.",
    ),
    "CREAS": (
        "Centro de Referência Especializado de Assistência Social",
        "atende famílias e pessoas com direitos violados.",
    ),
    "CIT": (
        "Comissão Intergestores Tripartite",
        "instância que pactua as regras do SUAS entre União, estados e municípios.",
    ),
    "IDCRAS": (
        "Indicador de Desenvolvimento do CRAS",
        "nota de 1 a 5 por dimensão (estrutura física, recursos humanos, serviços e benefícios), calculada "
        "pelo governo federal a partir do Censo SUAS.",
    ),
    "MDS": (
        "Ministério do Desenvolvimento e Assistência Social, Família e Combate à Fome",
        "o ministério federal responsável pelo SUAS.",
    ),
    "MSE": (
        "medida socioeducativa",
        "aplicada a adolescentes pela Justiça; em meio aberto, acompanhada pelo CREAS.",
    ),
    "NOB-RH": (
        "Norma Operacional Básica de Recursos Humanos do Sistema Único de Assistência Social",
        "define a equipe mínima de cada CRAS.",
    ),
    "NOB/SUAS": (
        "Norma Operacional Básica do Sistema Único de Assistência Social",
        "define como o sistema se organiza, inclusive quantas famílias cada CRAS referencia.",
    ),
    "OSC": (
        "organização da sociedade civil",
        "entidade parceira que executa parte de um serviço ou programa.",
    ),
    "PAIF": (
        "Serviço de Proteção e Atendimento Integral à Família",
        "acompanhamento das famílias pelo CRAS.",
    ),
    "RMA": ("Registro Mensal de Atendimentos", "o que cada CRAS informa ao governo federal todo mês."),
    "SCFV": (
        "Serviço de Convivência e Fortalecimento de Vínculos",
        "grupos por faixa de idade, com encontros regulares.",
    ),
    "SISC": (
        "Sistema de Informações do Serviço de Convivência e Fortalecimento de Vínculos",
        "sistema federal onde o município registra os usuários do SCFV.",
    ),
    "SUAS": (
        "Sistema Único de Assistência Social",
        "o sistema público que organiza a assistência social no país.",
    ),
}


def _ocorrencias(texto: str, sigla: str) -> list[int]:
    return [m.start() for m in re.finditer(rf"(?<![\w-]){re.escape(sigla)}(?![\w-])", texto)]


def siglas_usadas(texto: str) -> list[str]:
    """The acronyms of :data:`TERMOS` that ``texto`` uses, in order of first use."""
    primeiras = {s: o[0] for s in TERMOS if (o := _ocorrencias(texto, s))}
    return sorted(primeiras, key=primeiras.get)


def siglas_sem_explicacao(texto: str, janela: int = 80) -> list[str]:
    """Acronyms whose first use is not spelled out: the full name does not appear before it nor within
    ``janela`` characters after it ('Registro Mensal de Atendimentos (RMA)' or 'RMA (Registro Mensal ...)')."""
    faltam = []
    for sigla in siglas_usadas(texto):
        primeira = _ocorrencias(texto, sigla)[0]
        nome = TERMOS[sigla][0].lower()
        if nome not in texto[: primeira + len(sigla) + janela].lower():
            faltam.append(sigla)
    return faltam


def secao(texto: str | None = None, *, titulo: str = "## Glossário") -> str:
    """The glossary closing a document, as Markdown: the terms ``texto`` uses (every term without it)."""
    siglas = sorted(siglas_usadas(texto) if texto is not None else TERMOS, key=str.casefold)
    linhas = [f"- **{s}** — {TERMOS[s][0]}: {TERMOS[s][1]}" for s in siglas]
    return f"{titulo}\n\n" + "\n".join(linhas)


# --- spelling out at first use -------------------------------------------------------------------------------

_TITULO = re.compile(r"^\s{0,3}#")


def explicadas_em(texto: str) -> set[str]:
    """The acronyms a reader of ``texto`` has met: used in it (each spelled out at its first use) or whose full
    name it writes."""
    minusculo = texto.lower()
    return set(siglas_usadas(texto)) | {s for s, (nome, _) in TERMOS.items() if nome.lower() in minusculo}


def _entre_parenteses(linha: str, pos: int) -> bool:
    return linha.rfind("(", 0, pos) > linha.rfind(")", 0, pos)


def _por_extenso(linha: str, pos: int, sigla: str) -> str:
    """The acronym at ``linha[pos:]`` with its full name: 'nome (SIGLA)'; inside parentheses, or right before
    another parenthesis, 'nome, SIGLA' / 'nome – SIGLA' (never doubled or adjacent parentheses)."""
    nome = TERMOS[sigla][0]
    fim = pos + len(sigla)
    if _entre_parenteses(linha, pos):
        novo = f"{nome}, {sigla}"
    elif linha[fim:].lstrip().startswith("("):
        novo = f"{nome} – {sigla}"
    else:
        novo = f"{nome} ({sigla})"
    return linha[:pos] + novo + linha[fim:]


def _explicar_linha(linha: str, explicadas: set[str]) -> str:
    for _ in range(len(TERMOS)):  # a full name may bring an acronym of its own (IDCRAS -> CRAS)
        for sigla in siglas_usadas(linha):
            if sigla in explicadas:
                continue
            pos = _ocorrencias(linha, sigla)[0]
            nome = TERMOS[sigla][0].lower()
            explicadas.add(sigla)
            if nome not in linha[: pos + len(sigla) + 80].lower():
                linha = _por_extenso(linha, pos, sigla)
                break
        else:
            break
    explicadas |= explicadas_em(linha)
    return linha


def explicar_markdown(texto: str, explicadas: set[str] | None = None) -> str:
    """``texto`` (Markdown) with each acronym not in ``explicadas`` (met before; updated) spelled out at its
    first use outside headings (a reader meets the body text; headings stay short)."""
    explicadas = set() if explicadas is None else explicadas
    return "\n".join(
        linha if _TITULO.match(linha) else _explicar_linha(linha, explicadas) for linha in texto.split("\n")
    )


def _sem_tags(fragmento: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", fragmento))


def texto_do_bloco(bloco: Bloco) -> str:
    """What a reader reads of a block outside headings: Markdown as written, a table's caption, headers and
    cells, a chart's text alternative and caption, the text of an HTML fragment."""
    if isinstance(bloco, Tabela):
        partes = [bloco.legenda, *map(str, bloco.dados.columns)]
        partes += [str(v) for linha in bloco.dados.itertuples(index=False, name=None) for v in linha]
        return "\n".join(partes)
    if isinstance(bloco, Figura):
        return f"{bloco.alt}\n{bloco.legenda or ''}"
    if isinstance(bloco, Html):
        return _sem_tags(bloco.html)
    return "\n".join(linha for linha in bloco.split("\n") if not _TITULO.match(linha))


def _nota_de_siglas(siglas: Sequence[str], bloco: Bloco) -> str:
    onde = (
        "da tabela"
        if isinstance(bloco, Tabela)
        else "do gráfico"
        if isinstance(bloco, Figura)
        else "do quadro"
    )
    itens = "; ".join(f"{s} — {TERMOS[s][0]}" for s in siglas)
    return f"*Siglas {onde}: {itens}.*"


def explicar_blocos(blocos: Sequence[Bloco], explicadas: set[str] | None = None) -> list[Bloco]:
    """The blocks of a section with every acronym not in ``explicadas`` (met before; updated) spelled out at
    its first use: in Markdown, in the text itself; before a table, chart or box, in a line naming them."""
    explicadas = set() if explicadas is None else explicadas
    saida: list[Bloco] = []
    for bloco in blocos:
        if isinstance(bloco, str):
            bloco = explicar_markdown(bloco, explicadas)
        else:
            texto = texto_do_bloco(bloco)
            if novas := [s for s in siglas_usadas(texto) if s not in explicadas]:
                saida.append(_nota_de_siglas(novas, bloco))
            explicadas |= explicadas_em(texto)
        saida.append(bloco)
    return saida


def glossario_do_texto(texto: str) -> str:
    """The glossary of a document whose text is ``texto``: its acronyms, and those the glossary's own
    explanations bring, each spelled out at its first use within the glossary too."""
    siglas = set(siglas_usadas(texto))
    while True:
        extra = set(siglas_usadas(" ".join(" ".join(TERMOS[s]) for s in siglas))) - siglas
        if not extra:
            break
        siglas |= extra
    linhas = [f"- **{s}** — {TERMOS[s][0]}: {TERMOS[s][1]}" for s in sorted(siglas, key=str.casefold)]
    return explicar_markdown("## Glossário\n\n" + "\n".join(linhas), explicadas_em(texto)) if linhas else ""


# --- wiring into a document ----------------------------------------------------------------------------------

_LIDO: dict[int, dict[int, str]] = {}
"""Per document object (by identity, dropped with it): the text each section gave, by section index."""


def _lido_de(documento) -> dict[int, str]:
    chave = id(documento)
    if chave not in _LIDO:
        _LIDO[chave] = {}
        weakref.finalize(documento, _LIDO.pop, chave, None)
    return _LIDO[chave]


def secoes_explicadas(*secoes: Callable[..., list[Bloco]]) -> tuple[Callable[..., list[Bloco]], ...]:
    """The section functions of a document, in reading order, wrapped so that every acronym is spelled out at
    its first use in the document and the last section ends with the glossary (see the module's docstring)."""
    envolvidas: list[Callable[..., list[Bloco]]] = []

    def _texto_ate(documento, i: int) -> str:
        lido = _lido_de(documento)
        for j in range(i):
            if j not in lido:
                envolvidas[j](documento)
        return "".join(lido[j] for j in range(i))

    def _envolver(i: int, secao: Callable[..., list[Bloco]]) -> Callable[..., list[Bloco]]:
        @functools.wraps(secao)
        def explicada(documento) -> list[Bloco]:
            anterior = _texto_ate(documento, i)
            blocos = explicar_blocos(secao(documento), explicadas_em(anterior))
            texto = "".join(texto_do_bloco(b) + "\n" for b in blocos)
            if i == len(secoes) - 1 and (glossario := glossario_do_texto(anterior + texto)):
                blocos.append(glossario)
                texto += glossario + "\n"
            _lido_de(documento)[i] = texto
            return blocos

        return explicada

    envolvidas.extend(_envolver(i, s) for i, s in enumerate(secoes))
    return tuple(envolvidas)
