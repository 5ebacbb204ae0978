"""Sections of the Plano Anual do SCFV document (cras_lib.documentos.plano.documento): text, tables and figures on a tiny
municipality worked out by hand and on the example; omitted parts, suppression and the thin notebook."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import matplotlib.pyplot as plt
import nbformat
import pandas as pd
import pytest
from apoio.plano import municipio, parametros

from cras_lib.calculo import scfv_plano as sp
from cras_lib.dados.municipio import carregar_municipio
from cras_lib.documentos import plano
from cras_lib.documentos.plano import documento as doc

RAIZ = Path(__file__).resolve().parent.parent
EXEMPLO = RAIZ / "data" / "exemplo"
PARAMS = RAIZ / "params" / "plano_scfv.yaml"
NOTEBOOK = RAIZ / "notebooks" / "plano_anual_scfv.ipynb"
REPR = re.compile(r"\b(nan|NaN|None|NaT)\b|<NA>")


@pytest.fixture(autouse=True)
def _fechar_figuras():
    yield
    plt.close("all")


def documento(limiar: int = 5, **ausentes) -> doc.DocumentoPlano:
    """The tiny municipality of test_scfv_plano (CRAS Alfa: 8 users, 4 prioritários, capacity 10, 6 a 15 anos;
    CRAS Beta: 3 users, 2 prioritários, capacity 15, 60 anos ou mais; no CadÚnico), reference 2025-12-31."""
    m = municipio(**ausentes)
    m.unidades = m.unidades.assign(
        territorio=pd.Series(["Centro", "Norte"], dtype="string"),
        familias_referenciadas=pd.Series([2500, 1200], dtype="Int64"),
    )
    m.avisos = []
    plano = sp.planejar(m, parametros(), 2026, "2025-12-31", "MG")
    return doc.DocumentoPlano(plano, m, "Vila Teste", limiar)


def textos(blocos) -> str:
    return "\n\n".join(b for b in blocos if isinstance(b, str))


def tabela(blocos, legenda: str) -> pd.DataFrame:
    achadas = [b.dados for b in blocos if isinstance(b, doc.Tabela) and b.legenda == legenda]
    assert len(achadas) == 1, [b.legenda for b in blocos if isinstance(b, doc.Tabela)]
    return achadas[0]


def figuras(blocos) -> list[doc.Figura]:
    return [b for b in blocos if isinstance(b, doc.Figura)]


# --- tiny municipality --------------------------------------------------------------------------------------


def test_o_que_precisa_de_acao():
    texto, grupos = doc.acoes(documento())
    linhas = texto.split("\n")
    assert linhas[:2] == ["## 8. O que precisa de ação", ""]
    # without cadunico_territorios.csv the first action asks for it
    assert linhas[2].startswith("- Obter os dados do CadÚnico por território (cadunico_territorios.csv)")
    # Alfa: 4 prioritários / capacity 10 = 40 % < 50 %, and 5 − 4 = 1 place missing: both would give the
    # small count 4 back, so only the side of the target is said
    assert "- **CRAS Alfa**: o público prioritário (menos de 5 pessoas) fica abaixo da meta de 50 %" in texto
    assert "40 %" not in texto and "faltam 1 vaga" not in texto
    # Beta: 2 / 15 = 13,3 % and occupancy 3 / 15 = 20 %, both over fewer than 5 people: neither rate nor
    # the places missing (8 − 2 = 6) is shown, since each gives the hidden count back
    assert "- **CRAS Beta**: o público prioritário (menos de 5 pessoas) fica abaixo da meta de 50 %" in texto
    assert "- **CRAS Beta**: menos de 5 usuários ativos para 15 vagas (ocupação abaixo de 80 %)" in texto
    assert "13,3 %" not in texto and "20 % das vagas" not in texto
    assert all(linha.startswith("- ") for linha in linhas[2:])


def test_o_que_precisa_de_acao_sem_pendencias(monkeypatch):
    monkeypatch.setattr(sp, "o_que_precisa_de_acao", lambda plano, limiar: [])
    assert doc.acoes(documento())[0] == (
        "## 8. O que precisa de ação\n\nNenhuma pendência encontrada nos dados deste plano."
    )


def test_partes_omitidas_sem_lista_de_usuarios():
    d = documento(scfv_participantes=1, scfv_frequencia=1)
    diagnostico = doc.diagnostico(d)
    assert diagnostico == [
        "## 3. Diagnóstico por território",
        "*Situação atual do serviço: parte omitida porque o arquivo `scfv_participantes.csv` não está na "
        "pasta de dados.*",
        "*Demanda no Cadastro Único: parte omitida porque o arquivo `cadunico_territorios.csv` não está na "
        "pasta de dados.*",
        "*Situações prioritárias: parte omitida porque o arquivo `scfv_participantes.csv` não está na pasta "
        "de dados.*",
    ]
    assert doc.publico_prioritario(d)[1] == doc.omitida(
        "Participação do público prioritário", "scfv_participantes.csv"
    )
    apresentacao = textos(doc.apresentacao(d))
    assert "o SCFV atendia" not in apresentacao  # users unknown: no sentence about them
    # goals from the groups' capacity alone: 10 + 15 = 25 places in 2 groups
    assert "o plano prevê 25 vagas em 2 grupos" in apresentacao


def test_partes_omitidas_sem_grupos_nem_frequencia():
    d = documento(scfv_grupos=1, scfv_frequencia=1)
    diagnostico = doc.diagnostico(d)
    assert doc.omitida("Taxa de frequência", "scfv_frequencia.csv") in diagnostico
    assert doc.publico_prioritario(d) == [
        "## 5. Público prioritário",
        "*Participação do público prioritário: parte omitida porque o arquivo `scfv_grupos.csv` não está na "
        "pasta de dados.*",
    ]
    apresentacao = textos(doc.apresentacao(d))
    # 11 active users, capacity unknown: said in words, never "sem dados vagas"
    assert "o SCFV atendia 11 usuários de 2 CRAS; sem o cadastro dos grupos (`scfv_grupos.csv`)" in (
        apresentacao
    )
    assert "sem dados" not in apresentacao
    # the municipal share of público prioritário over capacity is unknown: no action about it (used to raise)
    acoes = textos(doc.acoes(d))
    assert "- Enviar o cadastro dos grupos (scfv_grupos.csv)" in acoes and "No município" not in acoes


def test_sem_metas():
    d = documento(scfv_participantes=1, scfv_grupos=1)
    assert doc.metas(d)[1:] == ["*Não há metas: faltam os arquivos de usuários, de grupos e do CadÚnico.*"]
    assert "Para 2026, não há metas" in textos(doc.apresentacao(d))
    # no group planned, but Alfa's orientador (4 h a week) is still in the roster: 4 h spare, nobody to hire
    quadro = doc.equipe(d)[1].dados.set_index("CRAS")
    colunas = ["Grupos planejados", "Saldo de horas", "Orientadores a contratar"]
    assert quadro.loc["CRAS Alfa", colunas].tolist() == ["0", "4", "0"]
    assert not figuras(doc.calendario(d))  # no encounter planned: no chart of hours


def test_contagens_pequenas_suprimidas():
    blocos = doc.diagnostico(documento())
    situacao = tabela(blocos, "Situação do SCFV por CRAS em 31 de dezembro de 2025").set_index("CRAS")
    # Alfa: 8 users, 4 prioritários; Beta: 3 users, 2 prioritários -> below 5 shown "< 5"
    assert situacao.loc["CRAS Alfa", ["Usuários ativos", "Público prioritário"]].tolist() == ["8", "< 5"]
    assert situacao.loc["CRAS Beta", ["Usuários ativos", "Público prioritário"]].tolist() == ["< 5", "< 5"]
    # the rates are shown: Alfa 4 / 10 = 40 %, Beta attendance 4 / 4 = 100 %
    assert situacao.loc["CRAS Alfa", "Prioritário / capacidade"] == "40 %"
    assert situacao.loc["CRAS Beta", "Taxa de frequência"] == "100 %"
    assert situacao.loc["CRAS Alfa", "Território"] == "Centro"
    assert situacao.loc["CRAS Alfa", "Famílias referenciadas"] == "2.500"
    # with threshold 3, Beta's 3 users are shown and its 2 prioritários are not
    legenda = "Situação do SCFV por CRAS em 31 de dezembro de 2025"
    baixo = tabela(doc.diagnostico(documento(limiar=3)), legenda)
    assert baixo.set_index("CRAS").loc["CRAS Beta", ["Usuários ativos", "Público prioritário"]].tolist() == [
        "3",
        "< 3",
    ]
    assert 'mostra como "< 3" as contagens de pessoas de 1 a 2' in textos(doc.base_legal(documento(limiar=3)))


def test_metas_por_cras_com_total_e_regra():
    d = documento()
    blocos = doc.metas(d)
    por_cras = tabela(blocos, "Metas de 2026 por CRAS").set_index("CRAS")
    colunas = ["Capacidade atual", "Meta de atendimento", "Grupos", "Vagas do público prioritário",
               "Vagas prioritárias a preencher (soma dos ciclos)"]  # fmt: skip
    # Alfa: meta max(8, 10) = 10, ceil(10 / 15) = 1 group, ceil(5) = 5 places, 5 − 4 = 1;
    # Beta: meta max(3, 15) = 15, 1 group, ceil(7,5) = 8 places, 8 − 2 = 6; total 25, 2, 13, 7
    assert por_cras.loc["CRAS Alfa", colunas].tolist() == ["10", "10", "1", "5", "1"]
    assert por_cras.loc["CRAS Beta", colunas].tolist() == ["15", "15", "1", "8", "6"]
    assert por_cras.loc["Total do município", colunas].tolist() == ["25", "25", "2", "13", "7"]
    assert por_cras.loc["Total do município", "Usuários ativos"] == "11"
    assert por_cras.loc["Total do município", "Público prioritário atual"] == "6"
    por_ciclo = tabela(blocos, "Metas de 2026 por CRAS e ciclo de vida")
    assert "Pessoas do ciclo no CadÚnico" not in por_ciclo.columns  # no CadÚnico file
    assert por_ciclo["Ciclo"].tolist() == [
        "Crianças e adolescentes de 6 a 15 anos",
        "Pessoas idosas (60 anos ou mais)",
    ]
    regra = blocos[0]
    assert regra.startswith("## 4. Metas para 2026")
    assert "1 % para crianças até 6 anos, 4 % para crianças e adolescentes de 6 a 15 anos" in regra
    assert "0 % para jovens de 18 a 29 anos" in regra
    assert "Tamanho do grupo: 15 usuários em todos os ciclos." in regra


def test_figura_publico_prioritario_e_meta_de_50():
    blocos = doc.publico_prioritario(documento())
    (figura,) = figuras(blocos)
    # Alfa 4 / 10 = 40 %; Beta 2 / 15 = 13,33... % -> "13,3 %"; goal line at 50 % (Resolução CNAS 01/2013)
    assert "CRAS Alfa: 40 %; CRAS Beta: 13,3 %" in figura.alt
    assert figura.alt.endswith("Linha de referência (Meta nacional) em 50 %.")
    assert "meta nacional de pelo menos 50 % (Resolução CNAS nº 01/2013)" in figura.legenda
    # municipality: 6 / 25 = 24 % of capacity, 6 / 11 = 54,5 % of users; planned 13 / 25 = 52 %
    assert blocos[-1] == (
        "No município, o público prioritário ocupa 24 % da capacidade de atendimento e representa 54,5 % dos "
        "usuários ativos. 2 CRAS estão abaixo da meta de 50 %: CRAS Alfa e CRAS Beta. Com as metas deste "
        "plano, 52 % das vagas ficam reservadas ao público prioritário."
    )


def test_apresentacao_com_a_situacao_atual():
    (texto,) = doc.apresentacao(documento())
    # 11 users in 2 groups of 2 CRAS, capacity 10 + 15 = 25, 11 / 25 = 44 %; prioritários 6 / 25 = 24 %
    assert (
        "Em 31 de dezembro de 2025, o SCFV atendia 11 usuários em 2 grupos de 2 CRAS, com capacidade de 25 "
        "vagas (ocupação de 44 %). O público prioritário ocupava 24 % da capacidade; a meta nacional é de "
        "pelo menos 50 %." in texto
    )
    assert doc.cabecalho(documento())[0].endswith(
        "Município de Vila Teste (MG) · Secretaria Municipal de Assistência Social · Vigilância "
        "Socioassistencial · dados de referência: 31 de dezembro de 2025"
    )


def test_calendario_do_plano():
    blocos = doc.calendario(documento())
    # 2026 holidays in MG: 01/01, 03/04 (Sexta-feira Santa), 21/04, 01/05, 07/09, 12/10, 02/11, 15/11, 20/11,
    # 25/12 -> 10; no recesso in these parameters
    assert blocos[2] == (
        "Os encontros não acontecem nos 10 feriados de 2026 (nacionais, estaduais de MG e municipais) nem no "
        "recesso (não há recesso definido)."
    )
    feriados = tabela(blocos, "Feriados de 2026 que caem em dia de encontro")
    assert feriados["Data"].tolist() == ["01/01/2026", "21/04/2026"]  # Thursday and Tuesday
    mensal = tabela(blocos, "Resumo mensal do calendário de 2026").set_index("Mês")
    # April: Tue/Thu group 8 encounters (21/04 skipped), Wednesday group 5; 8 × 2 h + 5 × 2 h = 26 h
    abril = mensal.loc["abril de 2026"]
    assert abril["Crianças e adolescentes de 6 a 15 anos — encontros por grupo"] == "8"
    assert (abril["Encontros de todos os grupos"], abril["Horas de todos os grupos"]) == ("13", "26")
    datas = tabela(blocos, "Dias do mês com encontro, por ciclo (2026) — vale para todos os grupos do ciclo")
    assert datas.set_index("Mês").loc["abril de 2026", "Crianças e adolescentes de 6 a 15 anos"] == (
        "2, 7, 9, 14, 16, 23, 28, 30"
    )
    (figura,) = figuras(blocos)
    assert figura.alt.startswith("Gráfico de linhas — Horas de encontro de todos os grupos por mês, 2026.")


def test_equipe_orientadores():
    titulo, quadro, explicacao = doc.equipe(documento())
    linhas = quadro.dados.set_index("CRAS")
    # Alfa: 1 group × 2 encounters × 2 h = 4 h + 25 % = 5 h needed; 4 h in the roster -> −1 h, 1 to hire
    colunas = ["Horas semanais necessárias", "Saldo de horas", "Orientadores a contratar"]
    assert linhas.loc["CRAS Alfa", colunas].tolist() == ["5", "-1", "1"]
    # Beta: 1 × 1 × 2 h = 2 h + 0,5 h = 2,5 h; no orientador
    assert linhas.loc["CRAS Beta", "Horas semanais necessárias"] == "2,5"
    assert explicacao.endswith("No município: 7,5 horas necessárias e 4 horas no quadro por semana.")


def test_notas_com_avisos():
    d = documento()
    d.municipio.avisos = ["scfv_frequencia.csv: 2 linhas sem presença registrada."]
    (texto,) = doc.notas(d)
    assert texto.startswith("## Notas de método\n\n- **Usuários ativos**: inscritos com data de entrada até")
    assert 'Contagens de pessoas entre 1 e 4 aparecem como "< 5".' in texto
    assert texto.endswith(
        "**Avisos sobre os dados recebidos:**\n\n- scfv_frequencia.csv: 2 linhas sem presença registrada."
    )


# --- the example municipality -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def exemplo() -> doc.DocumentoPlano:
    return doc.montar(
        municipio=carregar_municipio(EXEMPLO),
        params=PARAMS,
        ano=2026,
        data_referencia="2025-12-31",
        municipio_nome="Vale Serrano",
        uf="MG",
        limiar_supressao=5,
    )


def _ler(nome: str) -> list[dict[str, str]]:
    with open(EXEMPLO / nome, encoding="utf-8", newline="") as arquivo:
        return list(csv.DictReader(arquivo, delimiter=";"))


SECOES = (doc.cabecalho, doc.apresentacao, doc.base_legal, doc.diagnostico, doc.metas,
          doc.publico_prioritario, doc.calendario, doc.equipe, doc.acoes, doc.notas)  # fmt: skip


def test_exemplo_apresentacao_contada_a_mao(exemplo):
    referencia = "2025-12-31"
    ativos = [
        p
        for p in _ler("scfv_participantes.csv")
        if p["data_entrada"] <= referencia and (not p["data_saida"] or p["data_saida"] > referencia)
    ]
    grupos = _ler("scfv_grupos.csv")
    capacidade = sum(int(g["capacidade"]) for g in grupos)
    prioritarios = sum(1 for p in ativos if p["situacoes_prioritarias"].strip())
    # seed 2026: 2.938 active users, 138 groups, 3.035 places -> 96,8 %; 1.698 prioritários / 3.035 = 55,9 %
    assert (len(ativos), len(grupos), capacidade, prioritarios) == (2938, 138, 3035, 1698)
    (texto,) = doc.apresentacao(exemplo)
    assert (
        "o SCFV atendia 2.938 usuários em 138 grupos de 16 CRAS, com capacidade de 3.035 vagas (ocupação de "
        "96,8 %). O público prioritário ocupava 55,9 % da capacidade" in texto
    )
    assert "definida pelo município nos parâmetros do plano:" in doc.metas(exemplo)[0]  # no file name


def test_exemplo_acoes_e_figura_dos_cras_abaixo_da_meta(exemplo):
    blocos = doc.publico_prioritario(exemplo)
    (figura,) = figuras(blocos)
    # CRAS Boa Esperança: 60 active prioritários / 145 places = 41,38 % -> "41,4 %", below the goal
    assert "CRAS Boa Esperança: 41,4 %" in figura.alt
    assert len(re.findall(r"CRAS [^;:(]+: [\d,]+ %", figura.alt)) == 16  # one value per CRAS
    assert (
        "4 CRAS estão abaixo da meta de 50 %: CRAS Boa Esperança, CRAS Jardim das Acácias, CRAS Nova Aurora "
        "e CRAS Recanto dos Ipês." in blocos[-1]
    )
    acoes, grupos = doc.acoes(exemplo)
    assert acoes.startswith(
        "## 8. O que precisa de ação\n\n- **CRAS Boa Esperança**: o público prioritário ocupa 41,4 %"
    )


def test_exemplo_sem_repr_nem_dado_pessoal(exemplo):
    partes = []
    for secao in SECOES:
        for bloco in secao(exemplo):
            if isinstance(bloco, doc.Tabela):
                partes += [bloco.legenda, *bloco.dados.columns, *bloco.dados.astype(str).to_numpy().ravel()]
            elif isinstance(bloco, doc.Figura):
                partes += [bloco.alt, bloco.legenda]
            else:
                partes.append(bloco)
    texto = "\n".join(partes)
    assert not REPR.search(texto)
    pessoais = {p[c] for p in _ler("scfv_participantes.csv") for c in ("nome", "nis", "cpf")} - {""}
    assert sorted(v for v in pessoais if v in texto) == []


# --- the notebook stays thin --------------------------------------------------------------------------------


def test_notebook_fino_sem_saidas():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    parametros_, *celulas = nb.cells
    assert parametros_.metadata["tags"] == ["parameters"]
    nomes = [linha.split(" = ")[0] for linha in parametros_.source.splitlines()]
    assert nomes == ["dados", "params", "municipio_nome", "uf", "ano_plano", "data_referencia",
                     "limiar_supressao"]  # fmt: skip
    for celula in nb.cells:
        assert celula.cell_type == "code" and celula.outputs == [] and celula.execution_count is None
    montar, *secoes = celulas
    assert "d = doc.montar(" in montar.source
    assert [c.source for c in secoes] == [f"exibir(doc.{s.__name__}(d))" for s in plano.SECOES]
    for celula in celulas:
        assert not re.search(r"^\s*(def|class|for|if|while)\b|\bif\b", celula.source, re.M), celula.source


def test_diagnostico_avisa_familias_da_classe_de_capacidade_do_censo():
    """Units imported without the municipal complement carry the Censo capacity class as families referenced
    (``familias_referenciadas_origem = capacidade_censo``): the diagnosis says so in one line, naming them."""
    d = documento()
    assert "classe de capacidade" not in textos(doc.diagnostico(d))
    origem = pd.Series([None, "capacidade_censo"], dtype="string")
    d.municipio.unidades = d.municipio.unidades.assign(familias_referenciadas_origem=origem)
    linhas = [b for b in doc.diagnostico(d) if isinstance(b, str) and "classe de capacidade" in b]
    assert len(linhas) == 1 and "CRAS Beta" in linhas[0] and "CRAS Alfa" not in linhas[0]


def test_exemplo_maior_mudanca_custo_e_horarios(exemplo):
    # scfv_grupos.csv: 138 groups, 3.035 places (3.035 / 138 = 22,0 per group); plan: 263 groups of 15 for
    # 3.368 places — groups grow 91 %, places 11 %: the biggest change is the number of groups
    (apresentacao,) = doc.apresentacao(exemplo)
    assert (
        "A maior mudança do plano é no número de grupos: de 138 para 263 grupos (mais 125), para 333 vagas a "
        "mais: o tamanho do grupo passou de 22 usuários em média para 15." in apresentacao
    )
    f = exemplo.plano.financiamento
    # federal co-financing of the plan: 3.368 × R$ 50 × 12; today 3.035 × 50 × 12 = the federal SCFV transfer
    # of 2025 in custos.csv
    assert f.total("cofinanciamento_plano") == 3368 * 50 * 12 == 2_020_800
    assert f.total("cofinanciamento_atual") == f.federal_registrado == 3035 * 50 * 12
    blocos = doc.metas(exemplo)
    assert "R$ 2.020.800 por ano (3.368 vagas × R$ 50,00 por usuário e por mês × 12 meses)" in textos(blocos)
    organizacao = tabela(doc.calendario(exemplo), "Organização dos encontros por ciclo em 2026")
    assert list(organizacao["Horário"])[:2] == ["das 9h às 11h", "das 14h às 16h"]


def test_figura_publico_prioritario_de_muitos_cras_mostra_os_mais_abaixo_da_meta(tmp_path):
    from cras_lib.apresentacao.graficos import CATEGORIAS_MAXIMAS
    from cras_lib.dados import sintetico
    from cras_lib.dados.municipio import carregar_municipio

    (codigo,) = sintetico.gerar(tmp_path, 1, cras=(CATEGORIAS_MAXIMAS + 5, CATEGORIAS_MAXIMAS + 5))
    m = carregar_municipio(tmp_path / codigo)
    d = doc.DocumentoPlano(sp.planejar(m, parametros(), 2026, "2025-12-31", "MG"), m, "Capital", 5)
    (figura,) = figuras(doc.publico_prioritario(d))
    barras = [p for p in figura.fig.axes[0].patches if p.get_width() > 0]
    assert len(barras) == CATEGORIAS_MAXIMAS
    valores = d.plano.situacao_cras["prioritarios_sobre_capacidade"].dropna().sort_values()
    desenhados = sorted(round(p.get_width(), 6) for p in barras)
    assert desenhados == [round(v, 6) for v in valores.head(CATEGORIAS_MAXIMAS)]
    assert f"Com 25 CRAS, o gráfico mostra os {CATEGORIAS_MAXIMAS} de menor participação" in figura.legenda
