"""The glossary and the rule that every acronym is spelled out at its first use."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from cras_lib.apresentacao import glossario as g
from cras_lib.apresentacao.exibicao import Tabela

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


def test_sigla_e_escrita_por_extenso_so_no_primeiro_uso_fora_dos_titulos():
    texto = g.explicar_markdown("## O PAIF\n\nO PAIF acompanha famílias.\n\nO PAIF cresceu.")
    assert texto == (
        "## O PAIF\n\nO Serviço de Proteção e Atendimento Integral à Família (PAIF) acompanha famílias."
        "\n\nO PAIF cresceu."
    )


def test_sigla_ja_explicada_ou_com_nome_ao_lado_nao_e_repetida():
    assert g.explicar_markdown("O RMA de março.", {"RMA"}) == "O RMA de março."
    ja = "O Registro Mensal de Atendimentos (RMA) de março."
    assert g.explicar_markdown(ja) == ja


def test_por_extenso_sem_parenteses_dobrados_nem_colados():
    dentro = g.explicar_markdown("Equipe de referência (NOB-RH/SUAS): completa.")
    assert "((" not in dentro and "))" not in dentro
    assert dentro.startswith(
        "Equipe de referência (NOB-RH/SUAS — Norma Operacional Básica de Recursos Humanos"
    )
    colado = g.explicar_markdown("Famílias no PAIF (A.1) por mês.")
    assert colado == "Famílias no Serviço de Proteção e Atendimento Integral à Família – PAIF (A.1) por mês."
    assert g.siglas_sem_explicacao(dentro) == [] and g.siglas_sem_explicacao(colado) == []


def test_sigla_composta_plural_e_resolucao():
    texto = g.explicar_markdown("O CREAS e os 3 CREAS; a NOB-RH/SUAS e o SUAS.")
    assert texto == (
        "O Centro de Referência Especializado de Assistência Social (CREAS) e os 3 CREAS; a Norma Operacional "
        "Básica de Recursos Humanos do Sistema Único de Assistência Social (NOB-RH/SUAS) e o SUAS."
    )
    assert g.explicar_markdown("Os 16 CRAS.") == "Os 16 Centros de Referência de Assistência Social (CRAS)."
    assert g.explicar_markdown("Resolução CIT 04/2011") == (
        "Resolução da Comissão Intergestores Tripartite (CIT) 04/2011"
    )
    assert g.siglas_sem_explicacao(texto) == []


def test_tabela_com_sigla_nova_ganha_linha_de_siglas_antes():
    tabela = Tabela(pd.DataFrame({"Serviço": ["SCFV"], "Vagas": ["20"]}), "Vagas por serviço")
    blocos = g.explicar_blocos(["O BPC.", tabela, "O SCFV e o BPC."])
    assert blocos[0] == "O Benefício de Prestação Continuada (BPC)."
    assert blocos[1] == "*Siglas da tabela: SCFV — Serviço de Convivência e Fortalecimento de Vínculos.*"
    assert blocos[2] is tabela and blocos[3] == "O SCFV e o BPC."


def _secoes():
    @dataclass(frozen=True, eq=False)
    class Doc:
        frase: str

    def primeira(d):
        return ["# Título do CRAS", d.frase]

    def segunda(d):
        return ["O CRAS e o SCFV."]

    return Doc, g.secoes_explicadas(primeira, segunda)


def test_secoes_explicam_em_ordem_de_leitura_e_a_ultima_fecha_com_o_glossario():
    doc, (primeira, segunda) = _secoes()
    d = doc("O RMA do CRAS.")
    assert primeira(d) == [
        "# Título do CRAS",
        "O Registro Mensal de Atendimentos (RMA) do Centro de Referência de Assistência Social (CRAS).",
    ]
    *texto, glossario = segunda(d)
    assert texto == ["O CRAS e o Serviço de Convivência e Fortalecimento de Vínculos (SCFV)."]
    assert [linha.split("**")[1] for linha in glossario.splitlines()[2:]] == ["CRAS", "RMA", "SCFV"]
    # the same text when the last section is called alone (a test, a notebook re-run out of order)
    assert segunda(doc("O RMA do CRAS.")) == [*texto, glossario]


def test_documento_sem_siglas_nao_tem_glossario():
    doc, (_primeira, segunda) = _secoes()
    assert segunda(doc("Nada.")) != []
    doc2 = g.secoes_explicadas(lambda d: ["Sem siglas aqui."])
    assert doc2[0](doc("x")) == ["Sem siglas aqui."]


def test_nome_de_arquivo_vira_o_que_ele_traz_com_a_preposicao_certa():
    from cras_lib.apresentacao.origem_dos_dados import sem_nomes_de_arquivo as s

    assert s("toda linha de equipes.csv do CRAS") == "toda linha do cadastro das equipes do CRAS"
    assert s("Conferir em rma_cras.csv a linha") == "Conferir nos dados do RMA a linha"
    assert s("o que estrutura_cras.csv marca") == "o que o cadastro da estrutura dos CRAS marca"
    assert s("gasto no período (custos.csv) ÷ pessoas") == "gasto no período (dados de custos) ÷ pessoas"
    assert s("Fonte: scfv_grupos.csv e `unidades.csv`.") == (
        "Fonte: cadastro dos grupos do SCFV e o cadastro das unidades."
    )
    assert s("falta o arquivo custos.csv") == "falta os dados de custos"
    assert s("sem arquivo nenhum") == "sem arquivo nenhum"
    # a params file of the analyst's own name is its parameters (the known names keep their own words)
    assert s("as metas de `meu_plano_2026.yaml` e de avaliacao.yaml") == (
        "as metas dos parâmetros e dos parâmetros da avaliação"
    )
    assert s("Fonte: execucao-sp.yaml.") == "Fonte: parâmetros."


def test_censo_suas_por_extenso_com_artigo():
    """'Censo SUAS' is the census of the SUAS: spelled out as 'Censo do Sistema Único...', never as
    'Censo Sistema Único...'."""
    texto = g.explicar_markdown("A classe declarada no Censo SUAS (2.500, 3.500 ou 5.000) vale.")
    assert "no Censo do Sistema Único de Assistência Social" in texto
    assert "Censo Sistema" not in texto


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*g.TERMOS, "ID", "NOB", "X", "a", "é", "1", " ", "-", "/", "(", ")", ".", "\n"]),
        max_size=30,
    )
)
def test_siglas_usadas_de_uma_passada_e_o_mesmo_que_procurar_cada_sigla(pedacos):
    # the definition: each acronym as a whole token (not inside a word or a hyphenated compound), ordered by its
    # first use; 'SUAS' is used in 'NOB/SUAS', 'CRAS' is not in 'IDCRAS' nor 'CRAS-X'
    texto = "".join(pedacos)
    primeiras = {}
    for sigla in g.TERMOS:
        if achada := re.search(rf"(?<![\w-]){re.escape(sigla)}(?![\w-])", texto):
            primeiras[sigla] = achada.start()
    assert g.siglas_usadas(texto) == sorted(primeiras, key=lambda s: (primeiras[s], -len(s)))


def test_sem_arquivos_diz_os_dados_nas_celulas_das_tabelas_que_citam_arquivos():
    cita = Tabela(pd.DataFrame({"Onde": ["Conferir em rma_cras.csv", None], "N": [1, 2]}), "Alertas")
    assert list(g.sem_arquivos(cita).dados["Onde"])[0] == "Conferir nos dados do RMA"
    limpa = Tabela(pd.DataFrame({"CRAS": ["CRAS Vila Nova"], "N": [3]}), "Tabela de custos.csv")
    trocada = g.sem_arquivos(limpa)
    assert trocada.dados.equals(limpa.dados) and trocada.legenda == "Tabela dos dados de custos"
