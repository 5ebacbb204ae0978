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
from cras_lib.apresentacao.origem_dos_dados import sem_nomes_de_arquivo

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
        "Indicador de Desenvolvimento dos Centros de Referência de Assistência Social",
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


PLURAIS: dict[str, str] = {
    "CRAS": "Centros de Referência de Assistência Social",
    "CREAS": "Centros de Referência Especializados de Assistência Social",
    "OSC": "organizações da sociedade civil",
}
"""The full name in the plural, for an acronym used in the plural ('os 16 CRAS')."""

ARTIGOS = {"CIT": "da"}
"""Article of the full name after 'Resolução' ('Resolução da Comissão Intergestores Tripartite'); default 'do'."""


VARIANTES = {"IDCRAS": ("Indicador de Desenvolvimento dos CRAS",)}
"""Other spellings of a full name that count as spelling the acronym out (the documents' own usage)."""


def nomes(sigla: str) -> tuple[str, ...]:
    """The spellings of ``sigla``'s full name a reader may meet: singular, plural, other usual spellings."""
    return (TERMOS[sigla][0], *([PLURAIS[sigla]] if sigla in PLURAIS else []), *VARIANTES.get(sigla, ()))


@functools.cache
def _nomes_minusculos(sigla: str) -> tuple[str, ...]:
    return tuple(n.lower() for n in nomes(sigla))


def _nome_perto(sigla: str, texto: str) -> bool:
    minusculo = texto.lower()
    return any(n in minusculo for n in _nomes_minusculos(sigla))


_FORA = r"(?<![\w-])", r"(?![\w-])"
"""An acronym is a whole token: not inside a word nor a hyphenated compound ('IDCRAS' does not use 'CRAS')."""


@functools.cache
def _padrao(sigla: str) -> re.Pattern:
    return re.compile(re.escape(sigla).join(_FORA))


def _ocorrencias(texto: str, sigla: str) -> list[int]:
    if sigla not in texto:  # most acronyms are absent from a given text: skip the regular expression
        return []
    return [m.start() for m in _padrao(sigla).finditer(texto)]


@functools.cache
def _todas() -> re.Pattern:
    """Every acronym of :data:`TERMOS` in one pattern: a zero-width match at each place where one starts (in a
    look-ahead, so that 'SUAS' is found inside 'NOB/SUAS' too), the acronym in group 1. Longest first, so
    that where two start at the same place the whole token wins over its prefix."""
    alternativas = "|".join(re.escape(s) for s in sorted(TERMOS, key=len, reverse=True))
    return re.compile(f"{_FORA[0]}(?=({alternativas}){_FORA[1]})")


def siglas_usadas(texto: str) -> list[str]:
    """The acronyms of :data:`TERMOS` that ``texto`` uses, in order of first use (one pass over the text)."""
    return list(dict.fromkeys(m.group(1) for m in _todas().finditer(texto)))


JANELA = 120
"""Characters after an acronym within which its full name still counts as spelling it out."""


def siglas_sem_explicacao(texto: str, janela: int = JANELA) -> list[str]:
    """Acronyms whose first use is not spelled out: the full name does not appear before it nor within
    ``janela`` characters after it ('Registro Mensal de Atendimentos (RMA)' or 'RMA (Registro Mensal ...)')."""
    faltam = []
    for sigla in siglas_usadas(texto):
        primeira = _ocorrencias(texto, sigla)[0]
        if not _nome_perto(sigla, texto[: primeira + len(sigla) + janela]):
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
    return set(siglas_usadas(texto)) | {
        s for s in TERMOS if any(n in minusculo for n in _nomes_minusculos(s))
    }


_PLURAL_ANTES = re.compile(
    r"(?:\b(?:[2-9]|\d{2,}|\d{1,3}(?:\.\d{3})+)|\b(?:os|dos|nos|aos|pelos|seus|todos|demais))\s+$", re.I
)
_COMPOSTA = re.compile(r"(?:/[A-Za-zÀ-ú]+)+")  # 'NOB-RH/SUAS': the compound is spelled out as one


def _por_extenso(linha: str, pos: int, sigla: str) -> tuple[str, str]:
    """The acronym at ``linha[pos:]`` with its full name: 'nome (SIGLA)' — in the plural after a plural
    ('os 16 Centros de Referência de Assistência Social (CRAS)'), with its article after 'Resolução'
    ('Resolução do Conselho Nacional de Assistência Social (CNAS)', also after 'Censo'); never doubled or
    adjacent parentheses:
    '(SIGLA)' alone becomes '(SIGLA — nome)', 'SIGLA (' becomes 'nome – SIGLA ('."""
    antes = linha[:pos]
    nome = PLURAIS[sigla] if sigla in PLURAIS and _PLURAL_ANTES.search(antes) else TERMOS[sigla][0]
    fim = pos + len(sigla)
    if composta := _COMPOSTA.match(linha, fim):
        fim = composta.end()
    token = linha[pos:fim]
    if antes.endswith(("Resolução ", "Censo ")):  # 'Resolução do CNAS', 'Censo do SUAS'
        nome = f"{ARTIGOS.get(sigla, 'do')} {nome}"
    depois = linha[fim:]
    if antes.endswith("(") and depois.startswith(")"):
        novo = f"{token} — {nome}"
    elif depois.lstrip(" *_").startswith("("):
        novo = f"{nome} – {token}"
    elif depois.startswith(")"):
        novo = f"{nome}, {token}"
    else:
        novo = f"{nome} ({token})"
    return antes + novo + depois, token


def _explicar_linha(linha: str, explicadas: set[str]) -> str:
    for _ in range(len(TERMOS)):  # a full name may bring an acronym of its own (IDCRAS -> CRAS)
        for sigla in siglas_usadas(linha):
            if sigla in explicadas:
                continue
            pos = _ocorrencias(linha, sigla)[0]
            explicadas.add(sigla)
            if not _nome_perto(sigla, linha[: pos + len(sigla) + JANELA]):
                linha, token = _por_extenso(linha, pos, sigla)
                explicadas |= set(siglas_usadas(token))  # 'NOB-RH/SUAS' spelled out as one
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

_LIDO: dict[int, dict[int, tuple[str, set[str]]]] = {}
"""Per document object (by identity, dropped with it), by section index: the text each section gave and the
acronyms a reader has met in it (:func:`explicadas_em`; a section's text ends with a line break, so what the
sections before one have explained is the union of their sets)."""


def _lido_de(documento) -> dict[int, tuple[str, set[str]]]:
    chave = id(documento)
    if chave not in _LIDO:
        _LIDO[chave] = {}
        weakref.finalize(documento, _LIDO.pop, chave, None)
    return _LIDO[chave]


def sem_arquivos(bloco: Bloco) -> Bloco:
    """``bloco`` with input file names said as the data they hold (text meant for the council:
    :func:`cras_lib.apresentacao.origem_dos_dados.sem_nomes_de_arquivo`); HTML fragments as they are."""
    if isinstance(bloco, str):
        return sem_nomes_de_arquivo(bloco)
    if isinstance(bloco, Tabela):
        dados = bloco.dados
        # most tables name no file, and pandas' map costs about a millisecond per table even then
        if any(isinstance(v, str) and (".csv" in v or ".yaml" in v) for v in dados.to_numpy().ravel()):
            dados = dados.map(lambda v: sem_nomes_de_arquivo(v) if isinstance(v, str) else v)
        return Tabela(dados, sem_nomes_de_arquivo(bloco.legenda))
    if isinstance(bloco, Figura):
        legenda = None if bloco.legenda is None else sem_nomes_de_arquivo(bloco.legenda)
        return Figura(bloco.fig, sem_nomes_de_arquivo(bloco.alt), legenda)
    return bloco


def secoes_explicadas(
    *secoes: Callable[..., list[Bloco]], para_o_conselho: bool = True
) -> tuple[Callable[..., list[Bloco]], ...]:
    """The section functions of a document, in reading order, wrapped so that every acronym is spelled out at
    its first use in the document and the last section ends with the glossary (see the module's docstring).
    ``para_o_conselho``: input file names are said as the data they hold (:func:`sem_arquivos`); False for
    a document of the technical team that must find the row to fix (the boletim)."""
    envolvidas: list[Callable[..., list[Bloco]]] = []

    def _lido_ate(documento, i: int) -> list[tuple[str, set[str]]]:
        lido = _lido_de(documento)
        for j in range(i):
            if j not in lido:
                envolvidas[j](documento)
        return [lido[j] for j in range(i)]

    def _envolver(i: int, secao: Callable[..., list[Bloco]]) -> Callable[..., list[Bloco]]:
        @functools.wraps(secao)
        def explicada(documento) -> list[Bloco]:
            anteriores = _lido_ate(documento, i)
            blocos = secao(documento)
            if para_o_conselho:
                blocos = [sem_arquivos(b) for b in blocos]
            blocos = explicar_blocos(blocos, set().union(*(explicadas for _, explicadas in anteriores)))
            texto = "".join(texto_do_bloco(b) + "\n" for b in blocos)
            if i == len(secoes) - 1:
                anterior = "".join(t for t, _ in anteriores)
                if glossario := glossario_do_texto(anterior + texto):
                    blocos.append(glossario)
                    texto += glossario + "\n"
            _lido_de(documento)[i] = texto, explicadas_em(texto)
            return blocos

        return explicada

    envolvidas.extend(_envolver(i, s) for i, s in enumerate(secoes))
    return tuple(envolvidas)
