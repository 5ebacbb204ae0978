"""IDCRAS: hand-worked CRAS against the tables of the IDCRAS (MDS/SAGI; docs/idcras.md), level by level."""

from __future__ import annotations

import pandas as pd
import pytest

from cras_lib.calculo import idcras
from cras_lib.calculo.idcras_comparacao import comparar
from cras_lib.dados.municipio import carregar_municipio
from cras_lib.erros import DadosInvalidos

# Roster notation: C coordinator with mid-level schooling, C+ coordinator with higher education (estatutário);
# AS / PS / NS assistente social / psicólogo(a) / pedagogo(a) estatutários; as / ps / ns the same temporários;
# M técnico(a) de nível médio (temporário).
TRABALHADORES = {
    "C": ("coordenador", "", "medio", "temporario"),
    "C+": ("coordenador", "", "superior", "estatutario"),
    "AS": ("tecnico_superior", "assistente_social", "superior", "estatutario"),
    "as": ("tecnico_superior", "assistente_social", "superior", "temporario"),
    "PS": ("tecnico_superior", "psicologo", "superior", "estatutario"),
    "ps": ("tecnico_superior", "psicologo", "superior", "temporario"),
    "NS": ("tecnico_superior", "pedagogo", "pos_graduacao", "estatutario"),
    "ns": ("tecnico_superior", "pedagogo", "superior", "temporario"),
    "M": ("tecnico_medio", "", "medio", "temporario"),
}


def equipe(notacao: str) -> pd.DataFrame:
    linhas = [TRABALHADORES[t] for t in notacao.split()]
    tabela = pd.DataFrame(linhas, columns=["funcao", "profissao", "escolaridade", "vinculo"], dtype="string")
    return tabela.replace("", pd.NA).assign(id_cras="00000000001")


def sem(notacao: str, quem: str) -> str:
    """The roster with one worker ``quem`` fewer."""
    partes = notacao.split()
    partes.remove(quem)
    return " ".join(partes)


def nivel_rh(notacao: str, capacidade: int, volante: bool = False) -> int:
    medidas = idcras.medidas_equipe(equipe(notacao))
    return idcras.avaliar_dimensao("recursos_humanos", capacidade, medidas, volante=volante).nivel


# Per capacity class and level: a roster at exactly that level (worked out by hand from the table) and the
# worker whose absence drops it one level. 2.500: L2 ≥3 workers, ≥2 NS, AS or psi; L3 ≥4, ≥2 NS, ≥1 AS;
# L4 ≥4, ≥3 NS, coordinator with higher education; L5 ≥5, ≥3 NS, psi, ≥1 NS efetivo.
# 3.500: L2 ≥5, ≥2, AS or psi; L3 ≥6, ≥3, ≥2 AS; L4 ≥6, ≥4, coordinator; L5 ≥7, ≥4, psi, efetivo.
# 5.000: L2 ≥6, ≥3, AS or psi; L3 ≥7, ≥4, ≥2 AS; L4 ≥7, ≥5, psi, coordinator; L5 ≥9, ≥5, ≥2 efetivos.
FRONTEIRAS_RH = [
    (2_500, 2, "C as ns", "C"),  # 3 workers, NS 2 (L3 needs 4) -> 2 workers: L1
    (2_500, 3, "C as ns M", "M"),  # NS 2 < 3 blocks L4 -> 3 workers: L2
    (2_500, 4, "C+ as ns M M", "ns"),  # no psi blocks L5 -> NS 2: L3
    (2_500, 5, "C+ as PS M M", "M"),  # 5 workers, NS 3, psi, 2 efetivos -> 4 workers: L4
    (3_500, 2, "C as ns M M", "M"),  # 5 workers (L3 needs 6) -> 4: L1
    (3_500, 3, "C as as ns M M", "M"),  # 6, NS 3, 2 AS; NS 3 < 4 blocks L4 -> 5 workers: L2
    (3_500, 4, "C+ as as ns M M M", "ns"),  # 7, NS 4; no psi blocks L5 -> NS 3: L3
    (3_500, 5, "C+ as as PS M M M", "M"),  # 7, NS 4, psi, efetivos -> 6 workers: L4
    (5_000, 2, "C as ns ns M M", "M"),  # 6, NS 3 (L3 needs 7) -> 5: L1
    (5_000, 3, "C as as ns ns M M", "M"),  # 7, NS 4, 2 AS; NS 4 < 5 blocks L4 -> 6 workers: L2
    (5_000, 4, "C+ as as ps ns M M M", "ns"),  # 8 < 9 blocks L5 -> NS 4: L3
    (5_000, 5, "C+ AS as ps ns M M M M", "M"),  # 9, NS 5, 2 efetivos (C+, AS) -> 8 workers: L4
]


@pytest.mark.parametrize(("capacidade", "nivel", "notacao", "quem"), FRONTEIRAS_RH)
def test_recursos_humanos_fronteira_de_cada_nivel(capacidade, nivel, notacao, quem):
    assert nivel_rh(notacao, capacidade) == nivel
    assert nivel_rh(sem(notacao, quem), capacidade) == nivel - 1


def test_equipe_volante_exige_mais():
    # 2.500, L3 with equipe volante: ≥ 6 workers, ≥ 4 NS, ≥ 2 AS (instead of 4, 2, 1).
    assert nivel_rh("C as ns M", 2_500, volante=False) == 3
    assert nivel_rh("C as ns M", 2_500, volante=True) == 2
    assert nivel_rh("C as as ns ns M", 2_500, volante=True) == 3
    # 5.000, L5 with equipe volante: ≥ 13 workers, ≥ 7 NS.
    assert nivel_rh("C+ AS as ps ns M M M M", 5_000, volante=True) == 2


def test_texto_do_proximo_nivel_e_menor_mudanca():
    medidas = idcras.medidas_equipe(equipe("C as ns M M"))  # 2.500: L3; L4 asks NS 3 and the coordinator
    d = idcras.avaliar_dimensao("recursos_humanos", 2_500, medidas)
    assert d.nivel == 3 and d.certo
    assert d.texto_proximo == (
        "Para o nível 4 em Recursos Humanos faltam: 1 técnico(a) de nível superior; "
        "coordenador(a) com nível superior."
    )
    # A coordinator with higher education is also the third higher-education worker: one change suffices.
    assert d.mudancas == ("coordenador(a) com nível superior",) and d.n_mudancas == 1


def test_menor_mudanca_contrata_quem_conta_para_varios_criterios():
    # 5.000 at L2 ("C as ns ns M M": 6, NS 3, 1 AS); L3 asks 7 workers, NS 4, 2 AS: one assistente social.
    d = idcras.avaliar_dimensao("recursos_humanos", 5_000, idcras.medidas_equipe(equipe("C as ns ns M M")))
    assert d.nivel == 2
    assert set(d.faltam) == {"1 trabalhador(a)", "1 técnico(a) de nível superior", "1 assistente social"}
    assert d.mudancas == ("1 assistente social",) and d.n_mudancas == 1
    # Without any coordinator, L4 of 2.500 needs a hired coordinator (a worker and a NS at once).
    d = idcras.avaliar_dimensao("recursos_humanos", 2_500, idcras.medidas_equipe(equipe("as ns M M")))
    assert d.nivel == 3 and d.mudancas == ("1 coordenador(a) com nível superior",)


# --- Estrutura Física


COMPLETA = {
    "capacidade": "2500",
    "porte_municipio": "grande",
    "salas_atendimento": 4,
    "sala_15_pessoas": True,
    "recepcao": True,
    "banheiros": 2,
    "sala_administrativa": True,
    "acessibilidade": "total",
    "computadores_internet": 3,
    "impressora": True,
    "telefone": True,
    "veiculo": True,
    "compartilhado_osc": False,
    "salas_compartilhadas": False,
    "vinculo_educacao": True,
    "vinculo_saude": True,
    "vinculo_creas": True,
    "orientacao_bpc": True,
    "acompanhamento_encaminhamentos": True,
    "palestras_campanhas": True,
    "cadastro_cadunico": True,
    "cadastro_cadunico_equipe_paif": False,
    "equipe_volante": False,
}
EQUIPE_5 = "C+ as PS M M"  # Recursos Humanos 5 in 2.500 and both professions present
RMA = {"a1": 100.0, "d1": 30.0, "c6": 120}  # 100 families ÷ 2 technicians = 50 per technician


def cras(
    estrutura=COMPLETA, *, notacao=EQUIPE_5, rma=RMA, ciclos=3, dias=5, horas=40, porte=None, familias=2_400
):
    return idcras.avaliar_cras(
        "00000000001",
        familias_referenciadas=familias,
        equipe=equipe(notacao),
        estrutura=None if estrutura is None else dict(estrutura),
        rma=rma,
        ciclos_scfv=ciclos,
        dias_funcionamento=dias,
        horas_funcionamento=horas,
        porte_municipio=porte,
    )


def nivel(dimensao, **mudancas):
    capacidade = mudancas.pop("_capacidade", "2500")
    return cras(COMPLETA | {"capacidade": capacidade} | mudancas).dimensoes[dimensao]


@pytest.mark.parametrize(
    ("mudancas", "esperado", "faltam"),
    [
        ({}, 5, ()),
        ({"veiculo": False}, 4, ("veículo à disposição do CRAS",)),
        ({"acessibilidade": "parcial"}, 4, ("acessibilidade total",)),
        ({"sala_15_pessoas": False}, 3, ("sala para atividades coletivas com 15 pessoas ou mais",)),
        ({"computadores_internet": 0}, 3, ("1 computador com internet",)),
        ({"recepcao": False}, 2, ("espaço de recepção",)),
        ({"acessibilidade": "nenhuma"}, 2, ("acessibilidade pelo menos parcial",)),
        ({"salas_atendimento": 1}, 1, ("1 sala de atendimento",)),
        (
            {"compartilhado_osc": True},
            1,
            ("prédio não compartilhado com OSC e salas não todas compartilhadas",),
        ),
        (
            {"salas_compartilhadas": True},
            1,
            ("prédio não compartilhado com OSC e salas não todas compartilhadas",),
        ),
    ],
)
def test_estrutura_fisica_2500_e_3500(mudancas, esperado, faltam):
    for capacidade in ("2500", "3500"):
        d = nivel("estrutura_fisica", _capacidade=capacidade, **mudancas)
        assert (d.nivel, d.certo, d.faltam) == (esperado, True, faltam)


@pytest.mark.parametrize(
    ("mudancas", "esperado"),
    [
        ({}, 5),
        ({"computadores_internet": 2}, 4),  # L5 of 5.000 asks 3 computers
        ({"salas_atendimento": 3}, 3),  # L4 asks 4 rooms
        ({"banheiros": 1}, 3),
        ({"sala_15_pessoas": False}, 2),  # in 5.000, the room for 15 people is a L3 criterion
        ({"salas_atendimento": 2}, 1),  # L2 asks 3 rooms
    ],
)
def test_estrutura_fisica_5000(mudancas, esperado):
    assert nivel("estrutura_fisica", _capacidade="5000", **mudancas).nivel == esperado


def test_estrutura_sem_dado_da_o_minimo_garantido():
    d = nivel("estrutura_fisica", acessibilidade=pd.NA)
    assert (d.nivel, d.certo, d.texto_nivel) == (2, False, "pelo menos nível 2")
    assert "estrutura_cras.csv: acessibilidade" in d.texto_proximo
    assert d.n_mudancas is None  # the changes are unknown while a criterion has no data


# --- Serviços e Benefícios


def servicos(estrutura=COMPLETA, **kw):
    return cras(estrutura, **kw).dimensoes["servicos_beneficios"]


def test_servicos_cada_nivel():
    assert servicos().nivel == 5
    # L5: CadÚnico registration done by the PAIF's higher-education team
    d = servicos(COMPLETA | {"cadastro_cadunico_equipe_paif": True})
    assert d.nivel == 4 and d.faltam == (idcras.MEDIDAS["cadastro_cadunico"].singular,)
    assert servicos(notacao="C+ as ns M M").nivel == 4  # no psicólogo: L5 asks both professions
    assert servicos(ciclos=2).nivel == 4
    # L4: 300 families ÷ 2 technicians = 150 per technician, above 100
    d = servicos(rma={"a1": 300.0, "d1": 30.0, "c6": 120})
    assert d.nivel == 3 and d.mudancas == ("1 assistente social ou psicólogo(a)",)
    assert servicos(rma={"a1": 30.0, "d1": 30.0, "c6": 120}).nivel == 3  # 15 per technician, below 20
    assert servicos(horas=32).nivel == 3 and servicos(dias=4).nivel == 3
    assert servicos(ciclos=1).nivel == 3
    assert servicos(COMPLETA | {"palestras_campanhas": False}).nivel == 3
    # L3
    assert servicos(COMPLETA | {"orientacao_bpc": False}).nivel == 2
    assert servicos(ciclos=0).nivel == 2
    assert servicos(COMPLETA | {"vinculo_saude": False}).nivel == 2
    # L2
    assert servicos(rma={"a1": 100.0, "d1": 30.0, "c6": 0}).nivel == 1  # no home visits
    sem_vinculos = COMPLETA | {"vinculo_educacao": False, "vinculo_saude": False, "vinculo_creas": False}
    assert servicos(sem_vinculos).nivel == 1
    assert servicos(COMPLETA | {"vinculo_educacao": False, "vinculo_saude": False}).nivel == 2  # CREAS only


def test_pequeno_porte_i_dispensa_o_vinculo_com_o_creas():
    sem_creas = COMPLETA | {"vinculo_creas": False}
    assert servicos(sem_creas, porte="pequeno_i").nivel == 5
    assert servicos(sem_creas | {"porte_municipio": "pequeno_i"}).nivel == 5
    d = servicos(sem_creas, porte="grande")
    assert d.nivel == 2 and d.faltam == ("vínculo forte com o CREAS",)
    # Porte unknown and no CREAS link: the criterion has no data.
    d = servicos(sem_creas | {"porte_municipio": pd.NA})
    assert (d.nivel, d.certo) == (2, False) and "porte_municipio" in d.texto_proximo


# --- IDCRAS, the mean, the smallest step


def test_idcras_e_a_media_das_tres_dimensoes():
    r = cras(COMPLETA | {"recepcao": False}, notacao="C+ as ns M M")  # RH 4, EF 2, SB 4 (no psicólogo)
    assert [d.nivel for d in r.dimensoes.values()] == [4, 2, 4]
    assert r.idcras == 3.33 and r.idcras_certo
    assert cras().idcras == 5.0
    assert cras(COMPLETA | {"veiculo": False}, ciclos=2).idcras == 4.33  # (5 + 4 + 4) / 3 = 4.333...
    assert idcras.arredondar(3.665) == 3.67 and idcras.arredondar(14 / 3) == 4.67


def test_menor_passo_escolhe_a_dimensao_com_menos_mudancas():
    # RH 4 -> 5 needs 1 psicólogo(a); EF 2 -> 3 needs reception and partial accessibility (2 changes).
    r = cras(COMPLETA | {"recepcao": False, "acessibilidade": "nenhuma"}, notacao="C+ as ns M M")
    assert r.passo.dimensao == "recursos_humanos"
    assert r.passo.texto == "O menor passo é levar Recursos Humanos do nível 4 ao 5: 1 psicólogo(a)."


def test_sem_estrutura_rh_calculado_e_demais_sem_dados():
    r = cras(None)
    assert r.dimensoes["recursos_humanos"].nivel == 5
    assert r.dimensoes["estrutura_fisica"].nivel is None
    assert r.dimensoes["servicos_beneficios"].nivel is None
    assert r.idcras is None
    assert "estrutura_cras.csv" in r.dimensoes["estrutura_fisica"].texto_proximo
    assert "vinculo_educacao" in r.dimensoes["servicos_beneficios"].texto_proximo
    assert any("equipe volante" in n for n in r.notas)
    assert r.capacidade == 2_500 and not r.capacidade_informada


def test_escolhas_sao_texto_para_os_documentos():
    temas = [t for t, _ in idcras.ESCOLHAS]
    assert {"Vínculo forte", "Quem conta como trabalhador", "Famílias acompanhadas por técnico"} <= set(temas)
    assert "Arredondamento" in temas


# --- published values


def _publicado(linhas):
    return pd.DataFrame(
        linhas,
        columns=[
            "id_cras",
            "ano",
            "estrutura_fisica",
            "recursos_humanos",
            "servicos_beneficios",
            "valor_idcras",
        ],
    )


def test_calculado_concorda_com_o_publicado_com_dados_completos():
    r = {"00000000001": cras(COMPLETA | {"veiculo": False}, ciclos=2)}  # EF 4, RH 5, SB 4
    c = comparar(r, _publicado([("00000000001", 2024, 4, 5, 4, 4.33)]))["00000000001"]
    assert c.iguais and c.idcras_calculado == c.idcras_publicado == 4.33


def test_diferenca_com_o_publicado_e_explicada():
    r = {"00000000001": cras(notacao="C+ as ns M M")}  # RH 4 and SB 4 (no psicólogo)
    publicado = _publicado([("00000000001", 2023, 5, 3, 5, 4.33), ("00000000001", 2024, 5, 5, 4, 4.67)])
    c = comparar(r, publicado)["00000000001"]
    assert c.ano == 2024  # the latest year published
    (d,) = c.diferencas
    assert (d.dimensao, d.calculado, d.publicado) == ("recursos_humanos", 4, 5)
    assert "1 psicólogo(a)" in d.explicacao and "Censo SUAS 2024" in d.explicacao


# --- contract and the example


def test_estrutura_com_valor_invalido_da_erro_com_arquivo_linha_e_coluna(exemplo, tmp_path):
    for arquivo in exemplo.glob("*.csv"):
        (tmp_path / arquivo.name).write_bytes(arquivo.read_bytes())
    texto = (tmp_path / "estrutura_cras.csv").read_text(encoding="utf-8").splitlines()
    texto[2] = texto[2].replace(";total;", ";talvez;", 1)
    (tmp_path / "estrutura_cras.csv").write_text("\n".join(texto) + "\n", encoding="utf-8")
    with pytest.raises(DadosInvalidos) as erro:
        carregar_municipio(tmp_path)
    (p,) = erro.value.problemas
    assert (p.arquivo, p.linha, p.coluna) == ("estrutura_cras.csv", 3, "acessibilidade")
    assert "talvez" in p.mensagem


def test_exemplo_mostra_os_niveis_do_desenho(exemplo):
    m = carregar_municipio(exemplo)
    r = idcras.idcras_do_municipio(m, "2025-01", "2025-12")
    ef = {i[-2:]: x.dimensoes["estrutura_fisica"] for i, x in r.items()}
    assert (ef["13"].nivel, ef["03"].nivel, ef["08"].nivel, ef["09"].nivel) == (1, 2, 3, 4)
    assert (ef["12"].nivel, ef["12"].certo) == (2, False)
    assert r["31799900006"].dimensoes["servicos_beneficios"].nivel == 2  # no strong CREAS link
    assert r["31799900004"].dimensoes["recursos_humanos"].nivel == 3  # no psicólogo
    c = comparar(r, m.idcras_publicado)
    diferentes = {i[-2:]: [d.dimensao for d in x.diferencas] for i, x in c.items() if x.diferencas}
    assert diferentes == {"04": ["recursos_humanos"], "12": ["estrutura_fisica"], "13": ["estrutura_fisica"]}


def test_idcras_depois_do_plano_reavalia_so_os_cras_que_o_plano_muda(exemplo):
    # CRAS 01 without its groups of older people; the plan gives it one and two orientadores to CRAS 04: every
    # other CRAS keeps its result, the same as evaluating the whole municipality with the additions
    m = carregar_municipio(exemplo)
    g = m.scfv_grupos
    m.scfv_grupos = g.loc[~((g["id_cras"] == "31799900001") & (g["ciclo"] == "60_mais"))]
    cras = "31799900001"
    grupos_novos = pd.DataFrame({"id_cras": [cras], "ciclo": ["60_mais"]})
    antes, depois, mudancas = idcras.idcras_com_acrescimos(
        m, "2025-01", "2025-12", grupos_novos=grupos_novos, orientadores_novos={"31799900004": 2}
    )
    assert set(mudancas) == {cras, "31799900004"}
    assert list(depois) == list(antes)
    extras = pd.DataFrame({"id_cras": ["31799900004"] * 2, "funcao": ["orientador_social"] * 2})
    grupos = pd.concat([m.scfv_grupos[["id_cras", "ciclo"]].astype("string"), grupos_novos.astype("string")])
    tudo = idcras.idcras_por_cras(
        m.unidades,
        pd.concat([m.equipes, extras], ignore_index=True),
        m.rma_cras,
        "2025-01",
        "2025-12",
        scfv_grupos=grupos,
        estrutura_cras=m.estrutura_cras,
    )
    assert depois == tudo
    assert all(depois[i] == antes[i] for i in antes if i not in mudancas)


# --- display blocks shared by the documents


def test_blocos_do_relatorio_e_da_avaliacao_mostram_niveis_faltas_e_diferencas(exemplo):
    from cras_lib.apresentacao import idcras as apresentacao
    from cras_lib.apresentacao.exibicao import Figura, Tabela
    from cras_lib.dados.municipio import nomes_dos_cras

    m = carregar_municipio(exemplo)
    r = idcras.idcras_do_municipio(m, "2025-01", "2025-12")
    c = comparar(r, m.idcras_publicado)
    blocos = apresentacao.blocos_cras(r["31799900004"], c["31799900004"])
    textos = [b for b in blocos if isinstance(b, str)]
    tabelas = [b.dados for b in blocos if isinstance(b, Tabela)]
    assert "**IDCRAS calculado: 3,67**" in textos[1]
    assert "Para o nível 4 em Recursos Humanos falta: 1 psicólogo(a)." in set(
        tabelas[0]["Para o próximo nível"]
    )
    assert "1 psicólogo(a) para o nível 4" in tabelas[1].loc[0, "Explicação"]
    assert any("Vínculo forte" in t for t in textos)  # the readings of the method are printed
    municipio = apresentacao.blocos_municipio(r, nomes_dos_cras(m.unidades), c)
    (figura,) = [b for b in municipio if isinstance(b, Figura)]
    assert "CRAS Recanto dos Ipês: Recursos Humanos nível 5, Estrutura Física nível 1" in figura.alt
    tabela, diferencas = [b.dados for b in municipio if isinstance(b, Tabela)]
    assert len(tabela) == 16 and list(tabela.columns[1:4]) == [
        "Recursos Humanos",
        "Estrutura Física",
        "Serviços e Benefícios",
    ]
    assert set(diferencas["CRAS"]) == {"CRAS São Geraldo", "CRAS Bela Vista", "CRAS Recanto dos Ipês"}


@pytest.mark.parametrize("quantos", [1, 2])
def test_municipio_de_um_ou_dois_cras_tem_a_tabela_e_nenhum_grafico(exemplo, quantos):
    """With one or two CRAS the chart of levels per CRAS would repeat the table right above it."""
    from cras_lib.apresentacao import idcras as apresentacao
    from cras_lib.apresentacao.exibicao import Figura, Tabela

    r = idcras.idcras_do_municipio(carregar_municipio(exemplo), "2025-01", "2025-12")
    poucos = dict(list(r.items())[:quantos])
    blocos = apresentacao.blocos_municipio(poucos, {})
    assert not [b for b in blocos if isinstance(b, Figura)]
    (tabela,) = [b.dados for b in blocos if isinstance(b, Tabela)]
    assert len(tabela) == quantos


def test_grafico_de_muitos_cras_conta_os_cras_em_cada_nivel(tmp_path):
    from cras_lib.apresentacao import idcras as apresentacao
    from cras_lib.apresentacao.graficos import CATEGORIAS_MAXIMAS
    from cras_lib.dados import sintetico

    (codigo,) = sintetico.gerar(tmp_path, 1, cras=(CATEGORIAS_MAXIMAS + 1, CATEGORIAS_MAXIMAS + 1))
    r = idcras.idcras_do_municipio(carregar_municipio(tmp_path / codigo), "2025-01", "2025-12")
    fig, alt = apresentacao.grafico_municipio(r, {})
    # one bar per level (1 to 5 and sem dados) and dimension, whatever the number of CRAS; each dimension's
    # bars add up to every CRAS
    larguras = [p.get_width() for p in fig.axes[0].patches]
    assert len(larguras) == 6 * 3 and fig.get_size_inches()[1] == 4.0
    for k, d in enumerate(("recursos_humanos", "estrutura_fisica", "servicos_beneficios")):
        da_dimensao = larguras[6 * k : 6 * (k + 1)]
        assert sum(da_dimensao) == len(r) == CATEGORIAS_MAXIMAS + 1
        no_nivel_5 = sum(x.dimensoes[d].nivel == 5 for x in r.values())
        assert da_dimensao[4] == no_nivel_5
    assert "número de CRAS em cada nível do IDCRAS" in alt
    assert "Com 21 CRAS, uma barra por CRAS não caberia numa página" in apresentacao.legenda_municipio(r)
