"""The glossary of the shared documents: every acronym and technical term a councillor meets, spelled out.

:func:`secao` gives the Markdown of the glossary closing a document, with the terms its text uses;
:func:`siglas_sem_explicacao` says which acronyms of a text are used before being spelled out (every acronym
spelled out at its first use).
"""

from __future__ import annotations

import re

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
    "MSE": (
        "medida socioeducativa",
        "aplicada a adolescentes pela Justiça; em meio aberto, acompanhada pelo CREAS.",
    ),
    "NOB-RH": (
        "Norma Operacional Básica de Recursos Humanos do SUAS",
        "define a equipe mínima de cada CRAS.",
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
