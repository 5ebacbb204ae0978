"""RMA (Registro Mensal de Atendimentos, CRAS form) items as data: labels and stock/flow nature.

Source: Resolução CIT nº 04/2011 (RMA) and its instruction manual; see ``docs/dominio.md``. A.1 and
D.1–D.5, D.7 (and later age bands D.8+) are stocks — a period's figure is the mean (or the last month),
never the sum. A.2, B.*, C.* and D.6 are flows and are summed over the months reported.
"""

from __future__ import annotations

import re

ROTULOS: dict[str, str] = {
    "a1": "Famílias em acompanhamento pelo PAIF",
    "a2": "Novas famílias inseridas no acompanhamento do PAIF",
    "b1": "Novas famílias em situação de extrema pobreza",
    "b2": "Novas famílias beneficiárias do Bolsa Família",
    "b3": "Novas famílias do Bolsa Família em descumprimento de condicionalidades",
    "b4": "Novas famílias com beneficiários do BPC",
    "b5": "Novas famílias com crianças ou adolescentes em trabalho infantil",
    "b6": "Novas famílias com crianças ou adolescentes em acolhimento",
    "c1": "Atendimentos individualizados",
    "c2": "Famílias encaminhadas para inclusão no CadÚnico",
    "c3": "Famílias encaminhadas para atualização cadastral no CadÚnico",
    "c4": "Indivíduos encaminhados para acesso ao BPC",
    "c5": "Famílias encaminhadas para o CREAS",
    "c6": "Visitas domiciliares",
    "c7": "Auxílios-natalidade concedidos",
    "c8": "Auxílios-funeral concedidos",
    "c9": "Outros benefícios eventuais concedidos",
    "d1": "Famílias participando regularmente de grupos do PAIF",
    "d2": "Crianças de 0 a 6 anos no SCFV",
    "d3": "Crianças e adolescentes de 7 a 14 anos no SCFV",
    "d4": "Adolescentes de 15 a 17 anos no SCFV",
    "d5": "Pessoas idosas no SCFV",
    "d6": "Pessoas em atividades coletivas de caráter não continuado",
    "d7": "Pessoas com deficiência em grupos do SCFV ou do PAIF",
    "d8": "Jovens de 18 a 29 anos no SCFV",
    "d9": "Adultos de 30 a 59 anos no SCFV",
}

FLUXOS = frozenset({"a2", "b1", "b2", "b3", "b4", "b5", "b6", *(f"c{i}" for i in range(1, 10)), "d6"})


def e_estoque(item: str) -> bool:
    """True for stock items (A.1, D.1–D.5, D.7 and later D.N age bands); False for flows."""
    if item in FLUXOS:
        return False
    if item == "a1" or re.fullmatch(r"d\d+", item):
        return True
    raise KeyError(f"item do RMA desconhecido: {item}")


def codigo(item: str) -> str:
    """The form code of an RMA item: 'c2' -> 'C.2'."""
    return f"{item[0].upper()}.{item[1:]}"


def rotulo(item: str) -> str:
    """Label of an RMA item in Portuguese, with its form code (e.g. 'A.1 — Famílias em acompanhamento...')."""
    return f"{codigo(item)} — {ROTULOS[item]}" if item in ROTULOS else codigo(item)
