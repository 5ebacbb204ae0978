"""The glossary and the rule that every acronym is spelled out at its first use."""

from __future__ import annotations

from cras_lib.apresentacao import glossario as g

LISTA = (
    "RMA",
    "PAIF",
    "SCFV",
    "CadÚnico",
    "NOB-RH",
    "MSE",
    "OSC",
    "ACESSUAS",
    "BPC",
    "CRAS",
    "CREAS",
    "CMAS",
)


def test_toda_sigla_da_lista_tem_nome_por_extenso():
    assert set(LISTA) <= set(g.TERMOS)
    assert all(nome and explicacao.endswith(".") for nome, explicacao in g.TERMOS.values())


def test_sigla_sem_nome_por_extenso_antes_ou_no_primeiro_uso_e_apontada():
    assert g.siglas_sem_explicacao("O RMA de março.") == ["RMA"]
    assert g.siglas_sem_explicacao("O Registro Mensal de Atendimentos (RMA) de março. O RMA de abril.") == []
    assert g.siglas_sem_explicacao("O RMA (Registro Mensal de Atendimentos) de março.") == []
    # NOB-RH is not CRAS-like text inside a word; CREAS is not counted as CRAS
    assert g.siglas_usadas("CREAS e NOB-RH") == ["CREAS", "NOB-RH"]


def test_secao_lista_so_os_termos_usados_em_ordem_alfabetica():
    texto = g.secao("O SCFV e o BPC.")
    assert texto.splitlines()[0] == "## Glossário"
    assert texto.splitlines()[2].startswith("- **BPC** — Benefício de Prestação Continuada")
    assert texto.splitlines()[3].startswith("- **SCFV** — Serviço de Convivência")
    assert len(g.secao().splitlines()) == 2 + len(g.TERMOS)
