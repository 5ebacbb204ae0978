"""SCFV norms as data: age cycles (Tipificação Nacional 2009, as updated), público prioritário and its goal
(Resolução CNAS nº 01/2013, reordenamento do SCFV)."""

from __future__ import annotations

from dataclasses import dataclass

from cras_lib.dados.contrato import CICLOS, SITUACOES_PRIORITARIAS


@dataclass(frozen=True)
class Ciclo:
    codigo: str
    rotulo: str  # label in Portuguese
    idade_min: int  # inclusive, in completed years
    idade_max: int | None  # exclusive; None = no upper bound
    coluna_cadunico: str  # cadunico_territorios column with the territory's population of the cycle
    criancas_adolescentes: bool


# Half-open age ranges [idade_min, idade_max): the Tipificação's bands touch at 6 and 15; a person belongs to
# the older cycle from the birthday on.
CICLOS_SCFV: tuple[Ciclo, ...] = (
    Ciclo("ate_6", "Crianças até 6 anos", 0, 6, "pessoas_0_6", True),
    Ciclo("6_a_15", "Crianças e adolescentes de 6 a 15 anos", 6, 15, "pessoas_6_15", True),
    Ciclo("15_a_17", "Adolescentes de 15 a 17 anos", 15, 18, "pessoas_15_17", True),
    Ciclo("18_a_29", "Jovens de 18 a 29 anos", 18, 30, "pessoas_18_29", False),
    Ciclo("30_a_59", "Adultos de 30 a 59 anos", 30, 60, "pessoas_30_59", False),
    Ciclo("60_mais", "Pessoas idosas (60 anos ou mais)", 60, None, "pessoas_60_mais", False),
)
POR_CODIGO = {c.codigo: c for c in CICLOS_SCFV}
assert tuple(POR_CODIGO) == CICLOS

ROTULOS_SITUACOES: dict[str, str] = {
    "isolamento": "Situação de isolamento",
    "trabalho_infantil": "Trabalho infantil",
    "violencia_negligencia": "Vivência de violência e/ou negligência",
    "fora_da_escola": "Fora da escola ou com defasagem escolar superior a 2 anos",
    "acolhimento": "Em situação de acolhimento",
    "mse_meio_aberto": "Em cumprimento de MSE em meio aberto",
    "egresso_mse": "Egresso de medidas socioeducativas",
    "abuso_exploracao_sexual": "Situação de abuso e/ou exploração sexual",
    "medida_protecao_eca": "Com medidas de proteção do ECA",
    "situacao_de_rua": "Crianças e adolescentes em situação de rua",
    "deficiencia": "Vulnerabilidade que diz respeito às pessoas com deficiência",
}
assert tuple(ROTULOS_SITUACOES) == SITUACOES_PRIORITARIAS

# Resolução CNAS 01/2013: at least 50 % of the capacidade de atendimento filled by the público prioritário.
META_PUBLICO_PRIORITARIO = 0.5


def ciclo_da_idade(idade: int) -> str:
    """The SCFV cycle code of a person of ``idade`` completed years."""
    for c in CICLOS_SCFV:
        if idade >= c.idade_min and (c.idade_max is None or idade < c.idade_max):
            return c.codigo
    raise ValueError(f"idade inválida: {idade}")
