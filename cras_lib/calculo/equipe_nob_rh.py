"""Compliance of a CRAS roster with the minimum reference team of the NOB-RH/SUAS (Resolução CNAS nº 269/2006).

The minimum per band of referenced families comes from :func:`cras_lib.norma.nob_rh.equipe_minima`. A roster
(``equipes.csv``) is counted role by role:

- **coordenador** — ``funcao == "coordenador"`` (1 per CRAS). The NOB-RH asks for a career civil servant
  (estatutário) with higher education: other vínculos or a schooling below ``superior`` raise a warning.
- **assistentes sociais** — ``funcao == "tecnico_superior"`` and ``profissao == "assistente_social"``.
- **psicólogos** — ``funcao == "tecnico_superior"`` and ``profissao == "psicologo"``.
- **outro profissional de nível superior do SUAS** — the slot of the 5,000-family band. It is filled by any
  higher-level technician *not needed* for the assistente social and psicólogo slots: a pedagogo, sociólogo,
  terapeuta ocupacional or another profession, or a surplus assistente social / psicólogo (both are SUAS
  professions themselves, Resolução CNAS nº 17/2011). A higher-level technician without a recorded profession
  also fills it, with a warning.
- **técnicos de nível médio** — ``funcao == "tecnico_medio"`` only. Decision: orientadores sociais and
  auxiliares administrativos are *not* counted in the reference team. The NOB-RH table lists "técnicos de nível
  médio" of the PAIF reference team; orientadores sociais are the SCFV's group mediators (Resolução CNAS
  nº 9/2014) and auxiliares administrativos are support staff, so counting them would hide a PAIF deficit. They
  are reported beside the table (``outros_trabalhadores``). :data:`FUNCOES_NIVEL_MEDIO` is the one place to
  change this decision.

"1 preferencialmente psicólogo" (bands up to 3,500 families): by default the psicólogo is **required**, because
Resolução CNAS nº 17/2011, art. 2º, I made assistente social and psicólogo mandatory in every team of the
Proteção Social Básica. With ``psicologo_obrigatorio=False`` (the 2006 text alone) a surplus higher-level
technician may fill the psicólogo slot in those bands, and a warning says so; from 5,000 families on the norm
names the psicólogo without "preferably", so the slot is always strict there.

Warnings (:class:`Aviso`): no coordinator; coordinator not a career civil servant; coordinator without higher
education; more than half of the reference team on temporary, outsourced or voluntary vínculos; referenced
families above 5,000 (NOB/SUAS 2005 maximum per CRAS); higher-level technicians without a profession.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from cras_lib.apresentacao.formatacao import ausente, inteiro, lista, plural
from cras_lib.norma.nob_rh import OUTRAS_PROFISSOES_SUAS, VINCULO_CARREIRA, EquipeMinima, equipe_minima
from cras_lib.norma.porte import MAXIMO_REFERENCIADAS_POR_CRAS

# Roles of the reference team, in the order of the compliance table.
PAPEIS: tuple[str, ...] = ("coordenador", "assistente_social", "psicologo", "outro_superior", "nivel_medio")
ROTULOS_PAPEIS: dict[str, str] = {
    "coordenador": "Coordenador(a)",
    "assistente_social": "Assistentes sociais",
    "psicologo": "Psicólogos(as)",
    "outro_superior": "Outro profissional de nível superior do SUAS",
    "nivel_medio": "Técnicos(as) de nível médio",
}
# The same roles inside a sentence, (singular, plural): "Falta 1 psicólogo(a)" / "Faltam 2 técnicos(as) ...".
NOMES_PAPEIS: dict[str, tuple[str, str]] = {
    "coordenador": ("coordenador(a)", "coordenadores(as)"),
    "assistente_social": ("assistente social", "assistentes sociais"),
    "psicologo": ("psicólogo(a)", "psicólogos(as)"),
    "outro_superior": (
        "outro profissional de nível superior do SUAS",
        "outros profissionais de nível superior do SUAS",
    ),
    "nivel_medio": ("técnico(a) de nível médio", "técnicos(as) de nível médio"),
}
# Functions counted as "técnicos de nível médio" of the reference team (see the module docstring).
FUNCOES_NIVEL_MEDIO: tuple[str, ...] = ("tecnico_medio",)
# Vínculos that make a team precarious (temporary, outsourced, voluntary work, other non-permanent bonds and
# work without a bond, as the Censo SUAS codes 142 and 291 record them).
VINCULOS_PRECARIOS: tuple[str, ...] = (
    "temporario",
    "terceirizado",
    "voluntario",
    "outro_nao_permanente",
    "sem_vinculo",
)
LIMITE_PRECARIEDADE = 0.5  # "mostly": more than half of the reference team
ESCOLARIDADE_SUPERIOR: tuple[str, ...] = ("superior", "pos_graduacao")
ROTULOS_VINCULOS: dict[str, str] = {
    "estatutario": "estatutário",
    "celetista": "celetista",
    "comissionado": "cargo em comissão",
    "temporario": "temporário",
    "terceirizado": "terceirizado",
    "voluntario": "voluntário",
    "outro_nao_permanente": "outro vínculo não permanente",
    "sem_vinculo": "sem vínculo",
    "outro": "outro vínculo",
}
# Workers outside the reference team, shown beside the compliance table.
OUTRAS_FUNCOES: dict[str, tuple[str, str]] = {
    "orientador_social": ("orientador(a) social", "orientadores(as) sociais"),
    "auxiliar_administrativo": ("auxiliar administrativo(a)", "auxiliares administrativos(as)"),
    "outro": ("trabalhador(a) em outra função", "trabalhadores(as) em outras funções"),
}


@dataclass(frozen=True)
class Aviso:
    """A warning about the team: a stable ``codigo`` (for recommendations) and its text in Portuguese."""

    codigo: str
    mensagem: str


@dataclass(frozen=True)
class Papel:
    """One row of the compliance table: required by the NOB-RH, present in the roster, missing (never < 0).

    ``em_falta = max(0, exigido - presente)``, except for the psicólogo slot when ``psicologo_obrigatorio=False``:
    there another higher-level technician may cover it (``presente`` still counts psicólogos only)."""

    codigo: str
    rotulo: str
    exigido: int
    presente: int
    em_falta: int


@dataclass(frozen=True)
class ConformidadeEquipe:
    """The roster of one CRAS against the NOB-RH/SUAS minimum team of its band."""

    id_cras: str
    familias_referenciadas: int | None
    minimo: EquipeMinima
    papeis: tuple[Papel, ...]
    total_trabalhadores: int  # every row of the roster
    equipe_referencia: int  # coordinators + technicians counted in the roles above
    vinculos_precarios: int  # members of the reference team on temporary / outsourced / voluntary vínculos
    outros_trabalhadores: tuple[tuple[str, int], ...]  # (função code, count) outside the reference team
    avisos: tuple[Aviso, ...]

    @property
    def conforme(self) -> bool:
        """True when no role is missing."""
        return self.total_em_falta == 0

    @property
    def total_em_falta(self) -> int:
        return sum(p.em_falta for p in self.papeis)

    @property
    def total_exigido(self) -> int:
        return sum(p.exigido for p in self.papeis)

    @property
    def parcela_precaria(self) -> float | None:
        """Share of the reference team on precarious vínculos (None when the team is empty)."""
        return self.vinculos_precarios / self.equipe_referencia if self.equipe_referencia else None

    def papel(self, codigo: str) -> Papel:
        return next(p for p in self.papeis if p.codigo == codigo)

    def tem_aviso(self, codigo: str) -> bool:
        return any(a.codigo == codigo for a in self.avisos)


def classificar_papeis(equipes: pd.DataFrame) -> pd.Series:
    """The reference-team role of every worker (vectorised): a code of :data:`PAPEIS`, ``"superior_sem_profissao"``
    for a higher-level technician without profession, or ``<NA>`` for workers outside the reference team (roles of
    the NOB-RH/SUAS 2006, item IV; SUAS professions of Resolução CNAS 17/2011; see the module docstring)."""
    funcao = equipes["funcao"].astype("string").fillna("")
    profissao = equipes["profissao"].astype("string").fillna("")
    superior = funcao == "tecnico_superior"
    papel = np.select(
        [
            funcao == "coordenador",
            superior & (profissao == "assistente_social"),
            superior & (profissao == "psicologo"),
            superior & profissao.isin(OUTRAS_PROFISSOES_SUAS),
            superior,
            funcao.isin(FUNCOES_NIVEL_MEDIO),
        ],
        [
            "coordenador",
            "assistente_social",
            "psicologo",
            "outro_superior",
            "superior_sem_profissao",
            "nivel_medio",
        ],
        default="",
    )
    return pd.Series(papel, index=equipes.index, dtype="string").replace("", pd.NA)


def _papeis(
    minimo: EquipeMinima, n: dict[str, int], psicologo_obrigatorio: bool
) -> tuple[tuple[Papel, ...], bool]:
    """Allocate the higher-level technicians to the slots of the NOB-RH/SUAS 2006 (item IV); returns the rows
    and whether a non-psicólogo fills the psicólogo slot ("preferencialmente psicólogo": allowed only when
    ``psicologo_obrigatorio`` is False, in bands up to 3,500; Resolução CNAS 17/2011 art. 2º makes it required)."""
    as_usados = min(n["assistente_social"], minimo.assistentes_sociais)
    psi_usados = min(n["psicologo"], minimo.psicologos)
    sobra = (
        n["assistente_social"]
        - as_usados
        + n["psicologo"]
        - psi_usados
        + n["outro_superior"]
        + n["superior_sem_profissao"]
    )
    substituto = 0
    if not psicologo_obrigatorio and minimo.outros_superior == 0:  # bands where the norm says "preferably"
        substituto = min(sobra, minimo.psicologos - psi_usados)
        sobra -= substituto
    presentes = {
        "coordenador": n["coordenador"],
        "assistente_social": n["assistente_social"],
        "psicologo": n["psicologo"],
        "outro_superior": sobra,
        "nivel_medio": n["nivel_medio"],
    }
    cobertos = presentes | {"psicologo": n["psicologo"] + substituto}
    exigidos = {
        "coordenador": minimo.coordenador,
        "assistente_social": minimo.assistentes_sociais,
        "psicologo": minimo.psicologos,
        "outro_superior": minimo.outros_superior,
        "nivel_medio": minimo.nivel_medio,
    }
    linhas = tuple(
        Papel(c, ROTULOS_PAPEIS[c], exigidos[c], presentes[c], max(0, exigidos[c] - cobertos[c]))
        for c in PAPEIS
    )
    return linhas, substituto > 0


_CONTADORES = ("na_referencia", "precario", "coord_carreira", "coord_superior", "coord_escolaridade")


def _resumos(equipes: pd.DataFrame) -> dict[str, dict]:
    """Per CRAS (vectorised over the whole roster): workers per role and per function outside the reference team,
    reference-team size, precarious vínculos and the coordinators' vínculos and schooling."""
    papel = classificar_papeis(equipes)
    ids = equipes["id_cras"].astype("string")
    vinculo = equipes["vinculo"].astype("string")
    escolaridade = equipes["escolaridade"].astype("string")
    coord = (papel == "coordenador").fillna(False)
    tabela = pd.DataFrame(
        {
            "id_cras": ids,
            "papel": papel.fillna("fora"),
            "funcao": equipes["funcao"].astype("string").where(papel.isna(), "referencia").fillna("outro"),
            "na_referencia": papel.notna(),
            "precario": papel.notna() & vinculo.isin(VINCULOS_PRECARIOS),
            "coord_carreira": coord & vinculo.isin(VINCULO_CARREIRA),
            "coord_superior": coord & escolaridade.isin(ESCOLARIDADE_SUPERIOR),
            "coord_escolaridade": coord & escolaridade.notna(),
        }
    ).dropna(subset=["id_cras"])
    grupos = tabela.groupby("id_cras", sort=True)
    papeis = grupos["papel"].value_counts().unstack(fill_value=0)
    funcoes = grupos["funcao"].value_counts().unstack(fill_value=0)
    somas = grupos[list(_CONTADORES)].sum()
    vinculos_coord = vinculo[coord].groupby(ids[coord]).agg(lambda v: tuple(sorted(set(v.dropna()))))
    resumos = {}
    for i, total in grupos.size().items():
        n = {
            c: int(papeis.at[i, c]) if c in papeis.columns else 0 for c in (*PAPEIS, "superior_sem_profissao")
        }
        outros = tuple(
            (f, int(funcoes.at[i, f])) for f in OUTRAS_FUNCOES if f in funcoes.columns and funcoes.at[i, f]
        )
        resumos[str(i)] = {
            "n": n,
            "total": int(total),
            "outros": outros,
            "vinculos_coord": vinculos_coord.get(i, ()),
            **{c: int(somas.at[i, c]) for c in _CONTADORES},
        }
    return resumos


_VAZIO = {
    "n": dict.fromkeys((*PAPEIS, "superior_sem_profissao"), 0),
    "total": 0,
    "outros": (),
    "vinculos_coord": (),
    **dict.fromkeys(_CONTADORES, 0),
}


def _vinculo_em_frase(codigo: str) -> str:
    """'vínculo temporário', 'vínculo de cargo em comissão', 'sem vínculo', 'outro vínculo'."""
    rotulo = ROTULOS_VINCULOS.get(codigo, codigo)
    if "vínculo" in rotulo:
        return rotulo
    return f"vínculo de {rotulo}" if codigo == "comissionado" else f"vínculo {rotulo}"


def _avisos_coordenador(r: dict) -> list[Aviso]:
    """Warnings about the coordination: one coordinator per CRAS, a career civil servant with higher education
    (NOB-RH/SUAS 2006, item IV)."""
    n = r["n"]["coordenador"]
    if n == 0:
        return [Aviso("sem_coordenador", "O CRAS não tem coordenador(a) registrado(a) na equipe.")]
    avisos = []
    if not r["coord_carreira"]:
        conhecidos = sorted({_vinculo_em_frase(v) for v in r["vinculos_coord"]})
        detalhe = f" ({lista(conhecidos)})" if conhecidos else " (vínculo não informado)"
        avisos.append(
            Aviso(
                "coordenador_nao_efetivo",
                "O(A) coordenador(a) não é servidor(a) de carreira"
                + detalhe
                + "; a NOB-RH/SUAS pede um(a) servidor(a) estatutário(a).",
            )
        )
    if not r["coord_superior"] and r["coord_escolaridade"]:
        avisos.append(
            Aviso(
                "coordenador_sem_superior",
                "O(A) coordenador(a) não tem nível superior registrado; a NOB-RH/SUAS exige formação superior.",
            )
        )
    if n > 1:
        avisos.append(
            Aviso("varios_coordenadores", f"A equipe registra {n} coordenadores(as) no mesmo CRAS.")
        )
    return avisos


def _conformidade(
    id_cras: str, familias_referenciadas, r: dict, psicologo_obrigatorio: bool
) -> ConformidadeEquipe:
    familias = None if ausente(familias_referenciadas) else int(familias_referenciadas)
    minimo = equipe_minima(familias if familias is not None else 0)
    n = r["n"]
    linhas, substituto = _papeis(minimo, n, psicologo_obrigatorio)
    precarios, total_referencia = r["precario"], r["na_referencia"]
    avisos = _avisos_coordenador(r)
    if total_referencia and precarios / total_referencia > LIMITE_PRECARIEDADE:
        avisos.append(
            Aviso(
                "equipe_precaria",
                f"{inteiro(precarios)} de {plural(total_referencia, 'integrante')} da equipe de referência "
                f"{'tem' if precarios == 1 else 'têm'} vínculo temporário, terceirizado ou voluntário "
                "— mais da metade da equipe.",
            )
        )
    if familias is None:
        avisos.append(
            Aviso(
                "familias_nao_informadas",
                "O número de famílias referenciadas não foi informado; a equipe foi comparada com a menor "
                "equipe mínima (até 2.500 famílias).",
            )
        )
    elif familias > MAXIMO_REFERENCIADAS_POR_CRAS:
        avisos.append(
            Aviso(
                "acima_de_5000",
                f"O CRAS referencia {plural(familias, 'família')}, acima do máximo de "
                f"{inteiro(MAXIMO_REFERENCIADAS_POR_CRAS)} famílias por CRAS (NOB/SUAS 2005).",
            )
        )
    if n["superior_sem_profissao"]:
        avisos.append(
            Aviso(
                "superior_sem_profissao",
                f"{plural(n['superior_sem_profissao'], 'técnico(a)', 'técnicos(as)')} de nível superior sem "
                "profissão informada no cadastro da equipe.",
            )
        )
    if substituto:
        avisos.append(
            Aviso(
                "psicologo_substituido",
                "A vaga de psicólogo(a) está ocupada por outro profissional de nível superior; a NOB-RH/SUAS "
                "admite, mas a Resolução CNAS 17/2011 torna o psicólogo obrigatório na Proteção Social Básica.",
            )
        )
    return ConformidadeEquipe(
        id_cras=id_cras,
        familias_referenciadas=familias,
        minimo=minimo,
        papeis=linhas,
        total_trabalhadores=r["total"],
        equipe_referencia=total_referencia,
        vinculos_precarios=precarios,
        outros_trabalhadores=r["outros"],
        avisos=tuple(avisos),
    )


def conformidade_equipe(
    equipe: pd.DataFrame,
    familias_referenciadas,
    *,
    id_cras: str = "",
    psicologo_obrigatorio: bool = True,
) -> ConformidadeEquipe:
    """Compare the roster ``equipe`` of ONE CRAS (rows of ``equipes.csv``) with the NOB-RH/SUAS minimum team.

    NOB-RH/SUAS (Resolução CNAS 269/2006), item IV; Resolução CNAS 17/2011, art. 2º. Per role: ``exigido`` from
    :func:`equipe_minima`, ``presente`` counted as in the module docstring, ``em_falta = max(0, exigido -
    presente)``. Unknown referenced families are compared with the smallest band, with a warning.
    """
    resumos = _resumos(equipe.assign(id_cras="cras"))
    return _conformidade(id_cras, familias_referenciadas, resumos.get("cras", _VAZIO), psicologo_obrigatorio)


def conformidade_por_cras(
    unidades: pd.DataFrame, equipes: pd.DataFrame, *, psicologo_obrigatorio: bool = True
) -> dict[str, ConformidadeEquipe]:
    """:func:`conformidade_equipe` for every CRAS of ``unidades`` (sorted by ``id_cras``), the roster summarised
    in one vectorised pass; a CRAS absent from the roster is compared with an empty team."""
    resumos = _resumos(equipes)
    pares = sorted(zip(unidades["id_cras"].astype(str), unidades["familias_referenciadas"], strict=True))
    return {i: _conformidade(i, f, resumos.get(i, _VAZIO), psicologo_obrigatorio) for i, f in pares}


def tabela_conformidade(conformidade: ConformidadeEquipe) -> pd.DataFrame:
    """The compliance table as a reader sees it: role, NOB-RH minimum, in the team, missing (all text-free ints)."""
    return pd.DataFrame(
        {
            "Função": [p.rotulo for p in conformidade.papeis],
            "Mínimo (NOB-RH/SUAS)": [p.exigido for p in conformidade.papeis],
            "Na equipe": [p.presente for p in conformidade.papeis],
            "Em falta": [p.em_falta for p in conformidade.papeis],
        }
    )
