"""The example municipality in data/exemplo: reproducible bytes, fake personal data, the facts of its design."""

from __future__ import annotations

import codecs
import csv

import pandas as pd
import pytest

from cras_lib.dados import exemplo as gerador
from cras_lib.dados.contrato import ARQUIVOS, RMA_CRAS
from cras_lib.dados.municipio import carregar_municipio
from cras_lib.norma.nob_rh import equipe_minima

CSVS = tuple(a.nome for a in ARQUIVOS)
SEMENTE = 2026


@pytest.fixture(scope="module")
def regenerado(tmp_path_factory):
    """The example generated again through the command line, with the committed seed."""
    pasta = tmp_path_factory.mktemp("exemplo")
    assert gerador.main(["--saida", str(pasta), "--seed", str(SEMENTE)]) == 0
    return pasta


@pytest.fixture(scope="module")
def dados(exemplo):
    """Every committed CSV as text columns (empty cell = "")."""
    return {
        nome.removesuffix(".csv"): pd.read_csv(exemplo / nome, sep=";", dtype=str, keep_default_na=False)
        for nome in CSVS
    }


# --- reproducibility and format


def test_pasta_tem_todos_os_arquivos_do_contrato(exemplo):
    assert sorted(p.name for p in exemplo.glob("*.csv")) == sorted(CSVS)
    assert (exemplo / "LEIAME.md").is_file()


@pytest.mark.parametrize("nome", CSVS)
def test_mesma_semente_gera_os_mesmos_bytes(exemplo, regenerado, nome):
    assert (regenerado / nome).read_bytes() == (exemplo / nome).read_bytes()


def test_outra_semente_gera_outros_bytes(exemplo, tmp_path):
    gerador.gerar(tmp_path, seed=SEMENTE + 1)
    iguais = [n for n in CSVS if (tmp_path / n).read_bytes() == (exemplo / n).read_bytes()]
    assert iguais == list(gerador.FIXOS_POR_DESENHO)  # the IDCRAS files have no random part


@pytest.mark.parametrize("nome", CSVS)
def test_formato_canonico(exemplo, nome):
    """UTF-8 without BOM, LF, ';', the contract's header (plus RMA's extra d8, less the columns only imported
    official files fill), same field count on every row."""
    bruto = (exemplo / nome).read_bytes()
    assert not bruto.startswith(codecs.BOM_UTF8)
    assert b"\r" not in bruto and bruto.endswith(b"\n")
    linhas = list(csv.reader(bruto.decode("utf-8").splitlines(), delimiter=";"))
    arquivo = next(a for a in ARQUIVOS if a.nome == nome)
    so_importacao = {"familias_referenciadas_origem", "horas_semanais_faixa"}
    esperado = [c.nome for c in arquivo.colunas if c.nome not in so_importacao]
    esperado += ["d8"] if arquivo is RMA_CRAS else []
    assert linhas[0] == esperado
    assert {len(linha) for linha in linhas} == {len(esperado)}


def test_numeros_reais_com_virgula_decimal(dados):
    assert set(dados["scfv_grupos"]["horas_por_encontro"]) == {"2", "1,5"}
    assert dados["custos"]["valor"].str.fullmatch(r"\d+,\d\d").all()  # reais with cents, no thousands mark
    assert dados["inclusao_produtiva"]["horas_cumpridas"].str.fullmatch(r"\d+(,5)?").all()


# --- personal data are fake


def cpf_valido(cpf: str) -> bool:
    """Receita Federal rule: the 10th digit checks the first 9 with weights 10..2, the 11th checks the first 10
    with weights 11..2; r = weighted sum mod 11, digit = 0 if r < 2 else 11 - r."""
    n = [int(c) for c in cpf]
    for k in (9, 10):
        r = sum(n[i] * (k + 1 - i) for i in range(k)) % 11
        if n[k] != (0 if r < 2 else 11 - r):
            return False
    return True


def nis_valido(nis: str) -> bool:
    """NIS/PIS/PASEP (Caixa): d = 11 - (sum of the first 10 digits × 3,2,9,8,7,6,5,4,3,2 mod 11); 10, 11 -> 0."""
    n = [int(c) for c in nis]
    d = 11 - sum(a * p for a, p in zip(n[:10], (3, 2, 9, 8, 7, 6, 5, 4, 3, 2), strict=True)) % 11
    return n[10] == (0 if d >= 10 else d)


def test_algoritmos_de_digito_verificador_reconhecem_numeros_validos():
    # CPF 529.982.247-25: 5·10+2·9+9·8+9·7+8·6+2·5+2·4+4·3+7·2 = 295; 295 mod 11 = 9 -> 11-9 = 2;
    # 5·11+2·10+9·9+9·8+8·7+2·6+2·5+4·4+7·3+2·2 = 347; 347 mod 11 = 6 -> 11-6 = 5.
    assert cpf_valido("52998224725")
    assert not cpf_valido("52998224726")
    # NIS 1000000000-8: 1·3 = 3 -> 11-3 = 8.  NIS 1234567890-0: 3+4+27+32+35+36+35+32+27+0 = 231,
    # 231 mod 11 = 0 -> 11, which becomes 0.
    assert nis_valido("10000000008") and nis_valido("12345678900")
    assert not nis_valido("10000000007")


def test_todo_cpf_e_nis_falha_no_digito_verificador(dados):
    cpfs = pd.concat(
        [dados[t]["cpf"] for t in ("equipes", "scfv_participantes", "inclusao_produtiva")], ignore_index=True
    )
    cpfs = cpfs[cpfs != ""]
    nis = dados["scfv_participantes"]["nis"]
    nis = nis[nis != ""]
    assert len(cpfs) > 2_000 and len(nis) > 3_000
    assert cpfs.str.fullmatch(r"\d{11}").all() and nis.str.fullmatch(r"\d{11}").all()
    assert [c for c in cpfs if cpf_valido(c)] == []
    assert [n for n in nis if nis_valido(n)] == []


def test_gerador_tambem_recusa_os_digitos_certos():
    # Cross-check of the generator's helpers with the worked examples above.
    assert gerador.digito_cpf([5, 2, 9, 9, 8, 2, 2, 4, 7]) == 2
    assert gerador.digito_cpf([5, 2, 9, 9, 8, 2, 2, 4, 7, 2]) == 5
    assert gerador.digito_nis([1, 2, 3, 4, 5, 6, 7, 8, 9, 0]) == 0


# --- facts of the design (other modules' tests rely on them)


def _id(seq: int) -> str:
    return f"{gerador.PREFIXO_ID}{seq:04d}"


def test_dezesseis_cras_nas_faixas_de_familias(dados):
    u = dados["unidades"]
    assert len(u) == 16 and u["id_cras"].is_unique and u["id_cras"].str.fullmatch(r"\d{11}").all()
    familias = u["familias_referenciadas"].astype(int)
    assert (familias <= 2_500).sum() >= 3
    assert familias.between(2_501, 3_500).sum() >= 3
    assert familias.between(3_501, 5_000).sum() >= 6
    assert list(u.loc[familias > 5_000, "id_cras"]) == [_id(2)]
    assert sorted(u["horas_semanais_funcionamento"].unique()) == ["32", "40"]


def test_rma_24_meses_com_meses_nao_informados(dados):
    rma = dados["rma_cras"]
    assert sorted(rma["mes_referencia"].unique()) == [
        f"{a}-{m:02d}" for a in (2024, 2025) for m in range(1, 13)
    ]
    todos = {(c, m) for c in dados["unidades"]["id_cras"] for m in rma["mes_referencia"].unique()}
    faltam = todos - set(zip(rma["id_cras"], rma["mes_referencia"], strict=True))
    assert 5 <= len(faltam) <= 8
    assert faltam == {(_id(s), m) for s, m in gerador.MESES_NAO_INFORMADOS}
    # plus one form under a code that is not in unidades.csv (planted alert CRZ-02)
    fora = rma[~rma["id_cras"].isin(dados["unidades"]["id_cras"])]
    assert list(zip(fora["id_cras"], fora["mes_referencia"], strict=True)) == [
        (gerador.CODIGO_TROCADO, gerador.MES_ALERTAS)
    ]
    assert len(rma) == 16 * 24 - len(faltam) + 1


def test_rma_coerente(dados):
    """B.* never above A.2 but in the one planted case (RMA-04: CRAS Nova Aurora, B.2 = A.2 + 1 in 2025-12)."""
    chaves = dados["rma_cras"][["id_cras", "mes_referencia"]]
    rma = dados["rma_cras"].drop(columns=["id_cras", "mes_referencia"]).astype(int)
    acima = rma[[f"b{i}" for i in range(1, 7)]].max(axis=1) > rma["a2"]
    assert list(map(tuple, chaves[acima].to_numpy())) == [(_id(9), gerador.MES_ALERTAS)]
    assert rma.loc[acima, "b2"].tolist() == (rma.loc[acima, "a2"] + 1).tolist()
    assert (rma[[f"c{i}" for i in range(2, 10)]].sum(axis=1) <= rma["c1"]).all()
    assert (rma["b3"] <= rma["b2"]).all()


def test_rma_tendencia_difere_entre_os_anos(dados):
    rma = dados["rma_cras"].assign(
        ano=lambda d: d["mes_referencia"].str[:4], a1=lambda d: d["a1"].astype(int)
    )
    media = rma.groupby(["id_cras", "ano"])["a1"].mean().unstack()
    variacao = media["2025"] / media["2024"] - 1
    assert (variacao > 0.03).sum() >= 4 and (variacao < -0.03).sum() >= 4


def test_equipes_abaixo_e_acima_da_nob_rh(dados):
    """Counts per role against ``equipe_minima``: the 4 designed CRAS fall short, the other 12 do not."""
    u = dados["unidades"].set_index("id_cras")["familias_referenciadas"].astype(int)
    curtos = []
    for id_cras, equipe in dados["equipes"].groupby("id_cras"):
        m = equipe_minima(u[id_cras])
        tecnicos = equipe[equipe["funcao"] == "tecnico_superior"]["profissao"]
        faltas = (
            (tecnicos == "assistente_social").sum() < m.assistentes_sociais
            or (tecnicos == "psicologo").sum() < m.psicologos
            or tecnicos.isin(["pedagogo", "sociologo", "terapeuta_ocupacional", "outra"]).sum()
            < m.outros_superior
            or (equipe["funcao"] == "tecnico_medio").sum() < m.nivel_medio
        )
        if faltas:
            curtos.append(id_cras)
    assert curtos == [_id(2), _id(4), _id(5), _id(15)]
    coordenadores = dados["equipes"][dados["equipes"]["funcao"] == "coordenador"]
    assert len(coordenadores) == 16
    assert list(coordenadores.loc[coordenadores["vinculo"] != "estatutario", "id_cras"]) == [_id(10)]
    lagoa_seca = dados["equipes"][dados["equipes"]["id_cras"] == _id(15)]
    assert (lagoa_seca["vinculo"] == "temporario").mean() > 0.5
    assert {"orientador_social", "auxiliar_administrativo"} <= set(dados["equipes"]["funcao"])


def _ativos(dados) -> pd.DataFrame:
    p = dados["scfv_participantes"]
    return p[p["data_saida"] == ""]


def test_scfv_seis_ciclos_em_todo_cras(dados):
    grupos = dados["scfv_grupos"]
    assert grupos.groupby("id_cras")["ciclo"].nunique().eq(6).all() and len(grupos["id_cras"].unique()) == 16
    assert 2_500 <= len(dados["scfv_participantes"]) <= 3_500


def test_publico_prioritario_abaixo_de_50_em_pelo_menos_3_cras(dados):
    ativos = _ativos(dados)
    parcela = (ativos["situacoes_prioritarias"] != "").groupby(ativos["id_cras"]).mean()
    assert parcela.between(0.4, 0.7).all()
    abaixo = sorted(parcela[parcela < 0.5].index)
    assert len(abaixo) >= 3
    assert abaixo == [_id(s) for s in gerador.CRAS_ABAIXO_META] == [_id(3), _id(6), _id(9), _id(13)]


def test_grupo_pequeno_e_cras_acima_da_capacidade(dados):
    grupos = dados["scfv_grupos"].set_index("id_grupo")
    ativos = _ativos(dados).groupby("id_grupo").size().reindex(grupos.index, fill_value=0)
    pequenos = grupos[ativos < 5]
    assert list(zip(pequenos["id_cras"], pequenos["ciclo"], strict=True)) == [(_id(8), "18_a_29")]
    lotados = grupos[ativos > grupos["capacidade"].astype(int)]
    assert set(lotados["id_cras"]) == {_id(gerador.CRAS_SUPERLOTADO)}


def test_idades_coerentes_com_o_ciclo_em_31_12_2025(dados):
    p = dados["scfv_participantes"].merge(dados["scfv_grupos"][["id_grupo", "ciclo"]], on="id_grupo")
    idade = 2025 - p["data_nascimento"].str[:4].astype(int)  # every birthday has passed by 31 December
    limites = {
        "ate_6": (0, 6),
        "6_a_15": (6, 15),
        "15_a_17": (15, 18),
        "18_a_29": (18, 30),
        "30_a_59": (30, 60),
        "60_mais": (60, 200),
    }
    dentro = [lo <= i < hi for i, (lo, hi) in zip(idade, p["ciclo"].map(limites), strict=True)]
    assert 0.95 <= sum(dentro) / len(dentro) < 1  # mostly consistent; a few just aged out
    assert p["data_entrada"].str[:4].isin(["2023", "2024", "2025"]).all()
    assert 0.1 <= (p["data_saida"] != "").mean() <= 0.2


def test_frequencia_2025(dados):
    f = dados["scfv_frequencia"]
    previstos, presencas = f["encontros_previstos"].astype(int), f["presencas"].astype(int)
    assert f["mes_referencia"].str.startswith("2025-").all()
    assert (presencas <= previstos).all() and (previstos > 0).all()
    assert 0.70 <= presencas.sum() / previstos.sum() <= 0.85
    assert set(f["id_participante"]) <= set(dados["scfv_participantes"]["id_participante"])


def test_inclusao_produtiva(dados):
    ip = dados["inclusao_produtiva"]
    assert 300 <= len(ip) <= 400 and ip["id_inscricao"].is_unique
    assert set(dados["unidades"]["id_cras"]) - set(ip["id_cras"]) == {_id(gerador.CRAS_SEM_INCLUSAO)}
    assert 0.15 <= (ip["situacao"] == "desistente").mean() <= 0.25
    # Phase 2 only for people (linked by cpf) with at least 75 % of the 132 + 15 + 15 = 162 phase-1 hours.
    horas = ip.assign(h=ip["horas_cumpridas"].str.replace(",", ".").astype(float))
    fase1 = horas[horas["fase"] == "1"].groupby("cpf")["h"].sum()
    na_fase2 = set(horas.loc[horas["fase"] == "2", "cpf"])
    assert na_fase2 and (fase1[sorted(na_fase2)] >= 0.75 * 162).all()


def test_cadunico_faixas_aninhadas(dados):
    c = dados["cadunico_territorios"].drop(columns=["id_cras", "mes_referencia"]).astype(int)
    assert len(c) == 16 * 24
    assert (c["familias_extrema_pobreza"] <= c["familias_pobreza"]).all()
    assert (c["familias_pobreza"] <= c["familias_baixa_renda"]).all()
    assert (c["familias_baixa_renda"] <= c["familias_cadastradas"]).all()


def test_custos_de_inclusao_so_onde_ha_inscricoes(dados):
    custos = dados["custos"]
    assert set(custos["ano"]) == {"2024", "2025"}
    com_inclusao = set(custos.loc[custos["servico"] == "inclusao_produtiva", "id_cras"])
    assert com_inclusao == set(dados["inclusao_produtiva"]["id_cras"])


def test_carregar_municipio_sem_problemas_nem_avisos(exemplo):
    m = carregar_municipio(exemplo)
    # the one warning is the planted alert CRZ-02 (a December form typed under a wrong CRAS code)
    assert m.avisos == [
        f"rma_cras.csv: 1 código de CRAS que não consta em unidades.csv: {gerador.CODIGO_TROCADO}"
    ]
    assert all(m.tem(nome) for nome in CSVS)
    assert len(m.unidades) == 16 and "d8" in m.rma_cras.columns
