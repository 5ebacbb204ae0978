"""Programa de Inclusão Produtiva — the municipal standard of the seed documents, as data.

Phase 1 (Preparação para o Mundo do Trabalho, first semester): Aprendizagem ≥ 132 h, Desenvolvimento Pessoal 15 h,
Desenvolvimento Gerencial 15 h. Phase 2 (Fomento ao Empreendedorismo Social, second semester): Pré-aceleração 25 h,
Aceleração 25 h, Incubação 75 h. Entry to phase 2 requires ≥ 75 % of phase-1 hours; minimum attendance 75 % in
pré-aceleração and aceleração; if fewer than 50 % of the goal reach Aceleração the OSC runs a busca ativa.
Public: people aged 16 or older. See ``docs/dominio.md``.
"""

from __future__ import annotations

HORAS_MODULO: dict[str, float] = {
    "aprendizagem": 132,
    "desenvolvimento_pessoal": 15,
    "desenvolvimento_gerencial": 15,
    "pre_aceleracao": 25,
    "aceleracao": 25,
    "incubacao": 75,
}
FASE_DO_MODULO: dict[str, int] = {
    "aprendizagem": 1,
    "desenvolvimento_pessoal": 1,
    "desenvolvimento_gerencial": 1,
    "pre_aceleracao": 2,
    "aceleracao": 2,
    "incubacao": 2,
}
ROTULOS_MODULOS: dict[str, str] = {
    "aprendizagem": "Aprendizagem",
    "desenvolvimento_pessoal": "Desenvolvimento Pessoal",
    "desenvolvimento_gerencial": "Desenvolvimento Gerencial",
    "pre_aceleracao": "Pré-aceleração",
    "aceleracao": "Aceleração",
    "incubacao": "Incubação",
}
HORAS_FASE_1 = sum(h for m, h in HORAS_MODULO.items() if FASE_DO_MODULO[m] == 1)  # 162 h
MINIMO_HORAS_PARA_FASE_2 = 0.75  # share of phase-1 hours required to enter phase 2
FREQUENCIA_MINIMA_FASE_2 = 0.75  # minimum attendance in pré-aceleração and aceleração
META_ACELERACAO = 0.5  # below this share of the goal reaching Aceleração, the OSC runs a busca ativa
IDADE_MINIMA = 16

# The impact table of the program standard ("Padrão Normativo … Inclusão Produtiva"): each impact indicator it
# names and the catalogue indicator that measures it (cras_lib.calculo.indicadores).
INDICADORES_IMPACTO: tuple[tuple[str, str], ...] = (
    ("Índice de geração de renda", "IP-08"),
    ("Índice de inserção no trabalho formal", "IP-09"),
    ("Pessoas em arranjos produtivos locais gerando renda", "IP-12"),
    ("Grupos em formalização", "IP-13"),
    ("Permanência dos empreendimentos apoiados", "IP-10"),
)
