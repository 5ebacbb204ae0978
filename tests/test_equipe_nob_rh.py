"""NOB-RH/SUAS team compliance (Resolução CNAS 269/2006; Resolução CNAS 17/2011), band by band.

Expected values are written by hand from the norm's table:
  up to 2,500 families: 1 coordenador + 1 assistente social + 1 (preferably) psicólogo + 2 nível médio;
  up to 3,500 families: 1 coordenador + 2 assistentes sociais + 1 (preferably) psicólogo + 3 nível médio;
  per 5,000 families:   1 coordenador + 2 assistentes sociais + 1 psicólogo + 1 outro SUAS + 4 nível médio.
"""

from __future__ import annotations

import pandas as pd
import pytest

from cras_lib.calculo.equipe_nob_rh import (
    classificar_papeis,
    conformidade_equipe,
    conformidade_por_cras,
    tabela_conformidade,
)

COORD = ("coordenador", "assistente_social", "pos_graduacao", "estatutario")
AS = ("tecnico_superior", "assistente_social", "superior", "estatutario")
PSI = ("tecnico_superior", "psicologo", "superior", "estatutario")
MEDIO = ("tecnico_medio", None, "medio", "estatutario")
ORIENTADOR = ("orientador_social", None, "medio", "estatutario")
AUXILIAR = ("auxiliar_administrativo", None, "medio", "celetista")


def equipe(*linhas, id_cras: str = "31000000001") -> pd.DataFrame:
    """A roster in the Municipio's dtypes: one tuple (funcao, profissao, escolaridade, vinculo) per worker."""
    tabela = pd.DataFrame(linhas, columns=["funcao", "profissao", "escolaridade", "vinculo"], dtype="string")
    tabela.insert(0, "id_cras", pd.array([id_cras] * len(linhas), dtype="string"))
    tabela["nome"] = pd.array([f"Pessoa {i}" for i in range(len(linhas))], dtype="string")
    tabela["horas_semanais"] = pd.array([40] * len(linhas), dtype="Int64")
    return tabela


def contagens(conf) -> dict[str, tuple[int, int, int]]:
    """role -> (exigido, presente, em_falta)"""
    return {p.codigo: (p.exigido, p.presente, p.em_falta) for p in conf.papeis}


def codigos(conf) -> list[str]:
    return [a.codigo for a in conf.avisos]


# ---------------------------------------------------------------- band up to 2,500 families
def test_ate_2500_conforme():
    conf = conformidade_equipe(equipe(COORD, AS, PSI, MEDIO, MEDIO), 2_000)
    assert contagens(conf) == {
        "coordenador": (1, 1, 0),
        "assistente_social": (1, 1, 0),
        "psicologo": (1, 1, 0),
        "outro_superior": (0, 0, 0),
        "nivel_medio": (2, 2, 0),
    }
    assert conf.conforme and conf.total_em_falta == 0
    assert conf.total_exigido == 5  # 1 + 1 + 1 + 0 + 2
    assert conf.avisos == ()
    assert conf.minimo.faixa == "até 2.500 famílias referenciadas"


def test_ate_2500_nao_conforme_psicologo_obrigatorio_e_orientadores_nao_contam():
    coord_temporario_medio = ("coordenador", None, "medio", "temporario")
    pedagogo_terceirizado = ("tecnico_superior", "pedagogo", "superior", "terceirizado")
    roster = equipe(coord_temporario_medio, AS, pedagogo_terceirizado, MEDIO, ORIENTADOR, ORIENTADOR)
    conf = conformidade_equipe(roster, 2_500)  # 2,500 is still the first band (limit inclusive)
    assert contagens(conf) == {
        "coordenador": (1, 1, 0),
        "assistente_social": (1, 1, 0),
        "psicologo": (1, 0, 1),  # strict by default: the pedagogo does not fill the psicólogo slot
        "outro_superior": (0, 1, 0),  # the pedagogo is a surplus higher-level technician
        "nivel_medio": (2, 1, 1),  # 1 técnico de nível médio; the 2 orientadores sociais do not count
    }
    assert not conf.conforme and conf.total_em_falta == 2
    assert dict(conf.outros_trabalhadores) == {"orientador_social": 2}
    # reference team = coordinator, AS, pedagogo, técnico médio = 4; precarious = coordinator + pedagogo = 2
    # 2/4 = 50 % is not MORE than half -> no "equipe_precaria" warning
    assert (conf.equipe_referencia, conf.vinculos_precarios) == (4, 2)
    assert conf.parcela_precaria == 0.5
    assert codigos(conf) == ["coordenador_nao_efetivo", "coordenador_sem_superior"]
    assert conf.avisos[0].mensagem == (
        "O(A) coordenador(a) não é servidor(a) de carreira (vínculo temporário); "
        "a NOB-RH/SUAS pede um(a) servidor(a) estatutário(a)."
    )


def test_ate_2500_psicologo_preferencial_quando_nao_obrigatorio():
    pedagogo = ("tecnico_superior", "pedagogo", "superior", "estatutario")
    conf = conformidade_equipe(equipe(COORD, AS, pedagogo, MEDIO, MEDIO), 1_200, psicologo_obrigatorio=False)
    # "1 preferencialmente psicólogo": the pedagogo covers the slot (nothing missing), with a warning; the table
    # still says no psicólogo is on the team
    assert contagens(conf)["psicologo"] == (1, 0, 0)
    assert contagens(conf)["outro_superior"] == (0, 0, 0)
    assert conf.conforme
    assert codigos(conf) == ["psicologo_substituido"]


# ---------------------------------------------------------------- band up to 3,500 families
def test_ate_3500_conforme():
    conf = conformidade_equipe(equipe(COORD, AS, AS, PSI, MEDIO, MEDIO, MEDIO, ORIENTADOR), 3_500)
    assert contagens(conf) == {
        "coordenador": (1, 1, 0),
        "assistente_social": (2, 2, 0),
        "psicologo": (1, 1, 0),
        "outro_superior": (0, 0, 0),
        "nivel_medio": (3, 3, 0),
    }
    assert conf.conforme and conf.avisos == ()
    assert conf.minimo.faixa == "até 3.500 famílias referenciadas"


def test_ate_3500_nao_conforme_sem_coordenador_e_equipe_precaria():
    as_temp = ("tecnico_superior", "assistente_social", "superior", "temporario")
    psi_terc = ("tecnico_superior", "psicologo", "superior", "terceirizado")
    medio_vol = ("tecnico_medio", None, "medio", "voluntario")
    conf = conformidade_equipe(equipe(as_temp, psi_terc, medio_vol, MEDIO, AUXILIAR), 2_501)
    assert contagens(conf) == {
        "coordenador": (1, 0, 1),
        "assistente_social": (2, 1, 1),
        "psicologo": (1, 1, 0),
        "outro_superior": (0, 0, 0),
        "nivel_medio": (3, 2, 1),  # the auxiliar administrativo does not count
    }
    assert conf.total_em_falta == 3  # 1 coordenador + 1 AS + 1 nível médio
    # reference team 4 (AS, psi, 2 médio), precarious 3 -> 3/4 = 75 % > 50 %
    assert (conf.equipe_referencia, conf.vinculos_precarios) == (4, 3)
    assert codigos(conf) == ["sem_coordenador", "equipe_precaria"]
    assert conf.avisos[1].mensagem == (
        "3 de 4 integrantes da equipe de referência têm vínculo temporário, terceirizado ou voluntário "
        "— mais da metade da equipe."
    )
    assert conf.total_trabalhadores == 5


# ---------------------------------------------------------------- band of 5,000 families (and above)
def test_5000_conforme_com_outro_profissional():
    sociologo = ("tecnico_superior", "sociologo", "superior", "estatutario")
    conf = conformidade_equipe(equipe(COORD, AS, AS, PSI, sociologo, *[MEDIO] * 4), 5_000)
    assert contagens(conf) == {
        "coordenador": (1, 1, 0),
        "assistente_social": (2, 2, 0),
        "psicologo": (1, 1, 0),
        "outro_superior": (1, 1, 0),
        "nivel_medio": (4, 4, 0),
    }
    assert conf.conforme and conf.avisos == ()
    assert conf.minimo.faixa == "até 5.000 famílias referenciadas"


def test_5000_assistente_social_excedente_ocupa_vaga_de_outro_profissional():
    conf = conformidade_equipe(equipe(COORD, AS, AS, AS, PSI, *[MEDIO] * 4), 4_000)
    # 3 AS: 2 fill the AS slots, the third fills the "outro profissional do SUAS" slot
    assert contagens(conf)["assistente_social"] == (2, 3, 0)
    assert contagens(conf)["outro_superior"] == (1, 1, 0)
    assert conf.conforme


def test_5000_nao_conforme_psicologo_estrito_mesmo_sem_obrigatoriedade():
    sem_profissao = ("tecnico_superior", None, "superior", "estatutario")
    roster = equipe(COORD, AS, AS, AS, sem_profissao, MEDIO, MEDIO, MEDIO)
    conf = conformidade_equipe(roster, 4_999, psicologo_obrigatorio=False)
    # from 5,000 on the norm names the psicólogo without "preferably": the slot stays strict
    assert contagens(conf) == {
        "coordenador": (1, 1, 0),
        "assistente_social": (2, 3, 0),
        "psicologo": (1, 0, 1),
        "outro_superior": (1, 2, 0),  # surplus AS + technician without profession
        "nivel_medio": (4, 3, 1),
    }
    assert conf.total_em_falta == 2
    assert codigos(conf) == ["superior_sem_profissao"]
    assert conf.avisos[0].mensagem == (
        "1 técnico(a) de nível superior sem profissão informada no cadastro da equipe."
    )


def test_acima_de_5000_dois_modulos():
    # 6,200 families -> ceil(6,200 / 5,000) = 2 modules: 4 AS, 2 psi, 2 outros, 8 médio (+ 1 coordenador)
    sociologo = ("tecnico_superior", "sociologo", "superior", "estatutario")
    conf = conformidade_equipe(equipe(COORD, AS, AS, PSI, sociologo, *[MEDIO] * 4), 6_200)
    assert contagens(conf) == {
        "coordenador": (1, 1, 0),
        "assistente_social": (4, 2, 2),
        "psicologo": (2, 1, 1),
        "outro_superior": (2, 1, 1),
        "nivel_medio": (8, 4, 4),
    }
    assert conf.total_em_falta == 8  # 2 + 1 + 1 + 4
    assert codigos(conf) == ["acima_de_5000"]
    assert conf.avisos[0].mensagem == (
        "O CRAS referencia 6.200 famílias, acima do máximo de 5.000 famílias por CRAS (NOB/SUAS 2005)."
    )


def test_acima_de_5000_conforme_mas_com_aviso():
    roster = equipe(
        COORD, *[AS] * 4, PSI, PSI, ("tecnico_superior", "pedagogo", "superior", "celetista"), *[MEDIO] * 9
    )
    conf = conformidade_equipe(roster, 10_000)  # exactly 2 modules
    assert contagens(conf)["outro_superior"] == (
        2,
        1,
        1,
    )  # 4 AS + 2 psi are all needed; only the pedagogo is left
    roster = equipe(
        COORD, *[AS] * 5, PSI, PSI, ("tecnico_superior", "pedagogo", "superior", "celetista"), *[MEDIO] * 8
    )
    conf = conformidade_equipe(roster, 10_000)
    assert conf.conforme
    assert codigos(conf) == ["acima_de_5000"]


# ---------------------------------------------------------------- edge cases
def test_familias_nao_informadas_usa_menor_faixa():
    conf = conformidade_equipe(equipe(COORD, AS, PSI, MEDIO, MEDIO), pd.NA)
    assert conf.familias_referenciadas is None
    assert conf.total_exigido == 5 and conf.conforme
    assert codigos(conf) == ["familias_nao_informadas"]


def test_coordenador_comissionado_com_superior():
    conf = conformidade_equipe(
        equipe(("coordenador", None, "superior", "comissionado"), AS, PSI, MEDIO, MEDIO), 900
    )
    assert codigos(conf) == ["coordenador_nao_efetivo"]
    assert "(vínculo de cargo em comissão)" in conf.avisos[0].mensagem


def test_classificar_papeis():
    roster = equipe(
        COORD,
        AS,
        PSI,
        ("tecnico_superior", "terapeuta_ocupacional", "superior", "celetista"),
        ("tecnico_superior", None, "superior", "celetista"),
        MEDIO,
        ORIENTADOR,
        AUXILIAR,
        ("outro", None, "fundamental", "terceirizado"),
    )
    assert classificar_papeis(roster).fillna("-").tolist() == [
        "coordenador",
        "assistente_social",
        "psicologo",
        "outro_superior",
        "superior_sem_profissao",
        "nivel_medio",
        "-",
        "-",
        "-",
    ]


def test_conformidade_por_cras_inclui_cras_sem_equipe():
    unidades = pd.DataFrame(
        {
            "id_cras": pd.array(["31000000002", "31000000001"], dtype="string"),
            "familias_referenciadas": pd.array([3_000, 2_000], dtype="Int64"),
        }
    )
    resultado = conformidade_por_cras(unidades, equipe(COORD, AS, PSI, MEDIO, MEDIO, id_cras="31000000001"))
    assert list(resultado) == ["31000000001", "31000000002"]
    assert resultado["31000000001"].conforme
    vazio = resultado["31000000002"]
    # 3,000 families -> 1 + 2 + 1 + 0 + 3 = 7 missing, nobody present
    assert vazio.total_em_falta == 7 and vazio.equipe_referencia == 0
    assert vazio.parcela_precaria is None
    assert codigos(vazio) == ["sem_coordenador"]


@pytest.mark.parametrize("familias", [100, 2_500, 3_000, 5_000, 12_000])
def test_tabela_conformidade(familias):
    conf = conformidade_equipe(equipe(COORD, AS, MEDIO), familias)
    tabela = tabela_conformidade(conf)
    assert list(tabela.columns) == ["Função", "Mínimo (NOB-RH/SUAS)", "Na equipe", "Em falta"]
    assert tabela["Em falta"].sum() == conf.total_em_falta
    assert (tabela["Mínimo (NOB-RH/SUAS)"] - tabela["Na equipe"]).clip(lower=0).tolist() == tabela[
        "Em falta"
    ].tolist()
