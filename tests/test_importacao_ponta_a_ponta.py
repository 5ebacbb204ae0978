"""From the official files to the HTML (issue 12, "What it must show"): a folder with the national RMA xlsx of 2025,
the municipality's own cras.csv of 2024, a Censo RH with numeric codes and a Dados Gerais file -> `cras importar`
-> `cras run` gives every document of that municipality's CRAS and none of the others; the NOB-RH team gaps of
the imported roster equal those of the same roster written by hand in the contract; unreported months stay
missing; the coordinator's name and CPF appear in no output file."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import yaml
from apoio import oficiais as of
from apoio.texto_pagina import sem_hifens

from cras_lib.calculo.equipe_nob_rh import conformidade_por_cras
from cras_lib.dados.municipio import carregar_municipio

pytestmark = pytest.mark.lento

from apoio.caminhos import RAIZ  # noqa: E402

A, B, C = "31799900001", "31799900002", "31799900003"
X = "35000100001"  # another municipality in the same national base
COORDENADORA, CPF = "Marta Sigilosa Quintanilha", "52998224725"
MUNICIPIO = {"nome": "Vale Serrano", "uf": "MG", "ibge7": "3179999", "porte": "Pequeno Porte II"}
# (id_cras, função, profissão, escolaridade, vínculo, carga) as Censo codes, and the same worker in contract values
QUADRO = [
    (A, 21, 273, 258, 138, 20, "coordenador", "assistente_social", "pos_graduacao", "estatutario", 40),
    (A, 249, 273, 257, 138, 20, "tecnico_superior", "assistente_social", "superior", "estatutario", 40),
    (A, 249, 274, 257, 142, 18, "tecnico_superior", "psicologo", "superior", "outro_nao_permanente", 30),
    (A, 250, 238, 255, 266, 20, "tecnico_medio", "", "medio", "temporario", 40),
    (A, 248, 238, 255, 291, 20, "orientador_social", "", "medio", "sem_vinculo", 40),
    (B, 21, 274, 257, 292, 20, "coordenador", "psicologo", "superior", "comissionado", 40),
    (B, 249, 273, 257, 139, 263, "tecnico_superior", "assistente_social", "superior", "celetista", 44),
    (B, 248, 239, 253, 293, 272, "orientador_social", "", "fundamental", "terceirizado", 20),
    (C, 250, 238, 255, 138, 20, "tecnico_medio", "", "medio", "estatutario", 40),
    (X, 21, 273, 257, 138, 20, "coordenador", "assistente_social", "superior", "estatutario", 40),
]


def _origem(pasta):
    pasta.mkdir()
    linhas = [
        of.linha_rma(c, 2025, m, base=40 + 3 * m, IBGE7="3179999", UF_A="MG")
        for c in (A, B, C)
        for m in range(1, 13)
        if (c, m) not in {(B, 5), (C, 11), (C, 12)}
    ]
    linhas += [of.linha_rma(X, 2025, m, IBGE7="3500010", UF_A="SP") for m in range(1, 13)]
    of.rma_nacional_xlsx(pasta / "RMA_CRAS_Criterios_2025_divulgacao.xlsx", linhas)
    municipal = []
    for c in (A, B, C):
        for m in range(1, 13):
            if (c, m) == (C, 3):
                continue
            linha = {
                "mes_referencia": f"2024-{m:02d}-01", "nome_unidade": f"CRAS {c[-1]}", "id_cras": c,
                "endereco": "Rua do Exemplo, 1", "municipio": "VALE SERRANO", "uf": "MG",
                "coordenador_cras": COORDENADORA, "cpf": CPF, "codigoibge": "3179999",
                "oferta_serv_blocoii": "1", "k1a": "1",
            }  # fmt: skip
            linha |= {ind: str(30 + m + k) for k, ind in enumerate(of.INDICADORES[:-1])}
            municipal.append(linha)
    of.rma_municipal_csv(pasta / "cras.csv", municipal)
    trabalhadores = [
        dict(id_cras=q[0], funcao=q[1], profissao=q[2], escolaridade=q[3], vinculo=q[4], carga=q[5])
        for q in QUADRO
    ]
    of.censo_rh_csv(pasta / "RH_CRAS.csv", trabalhadores, ano=2022, municipio=MUNICIPIO)
    of.dados_gerais_csv(
        pasta / "Dados_Gerais_CRAS.csv",
        [
            dict(
                id_cras=A,
                nome="CRAS Centro",
                logradouro="Rua Um",
                numero="1",
                bairro="Centro",
                capacidade=3500,
                dias=5,
                horas_dia=8,
            ),  # fmt: skip
            dict(
                id_cras=B,
                nome="CRAS Norte",
                logradouro="Rua Dois",
                numero="2",
                capacidade=2500,
                dias=5,
                horas_dia=8,
            ),
            dict(
                id_cras=C,
                nome="CRAS Sul",
                logradouro="Rua Três",
                numero="3",
                capacidade=5000,
                dias=5,
                horas_dia=8,
            ),
            dict(id_cras=X, nome="CRAS Paulista", capacidade=5000, dias=5, horas_dia=8),
        ],
    )


def _cras(*args, cwd=RAIZ):
    return subprocess.run(
        [sys.executable, "-m", "cras_lib", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=900,
    )


@pytest.fixture(scope="module")
def execucao(tmp_path_factory):
    raiz = tmp_path_factory.mktemp("oficiais")
    _origem(raiz / "baixados")
    dados, saida = raiz / "dados", raiz / "outputs"
    importacao = _cras("importar", raiz / "baixados", "--municipio", "3179999", "--saida", dados)
    params = yaml.safe_load((RAIZ / "params" / "exemplo.yaml").read_text(encoding="utf-8"))
    params["municipio"] = {"nome": "Vale Serrano", "uf": "MG"}
    params["plano"] |= {"ano": 2026, "data_referencia": "2025-12-31"}
    for secao in params.values():  # every document's params file, from the repository's params/
        if isinstance(secao, dict) and "params" in secao:
            secao["params"] = str(RAIZ / "params" / secao["params"])
    (raiz / "params.yaml").write_text(yaml.safe_dump(params, allow_unicode=True), encoding="utf-8")
    run = _cras("run", "--dados", dados, "--params", raiz / "params.yaml", "--saida", saida)
    return raiz, dados, saida, importacao, run


def test_importar_e_run_geram_os_documentos_so_deste_municipio(execucao):
    raiz, dados, saida, importacao, run = execucao
    assert importacao.returncode == 0, importacao.stderr
    assert run.returncode == 0, run.stdout + run.stderr
    html = saida / "html"
    assert sorted(p.name for p in (html / "cras").glob("*.html")) == [f"{A}.html", f"{B}.html", f"{C}.html"]
    assert (html / "plano-anual-scfv.html").is_file() and (html / "avaliacao.html").is_file()
    assert X not in (html / "index.html").read_text(encoding="utf-8")


def test_lacunas_da_equipe_iguais_as_do_quadro_escrito_no_contrato(execucao, tmp_path):
    _, dados, *_ = execucao
    importado = carregar_municipio(dados)
    manual = tmp_path / "manual"
    manual.mkdir()
    for nome in ("unidades.csv", "rma_cras.csv"):
        (manual / nome).write_bytes((dados / nome).read_bytes())
    linhas = ["id_cras;nome;cpf;funcao;profissao;escolaridade;vinculo;horas_semanais"]
    linhas += [
        f"{q[0]};Pessoa {i} Teste;;{';'.join(map(str, q[6:]))}" for i, q in enumerate(QUADRO) if q[0] != X
    ]
    (manual / "equipes.csv").write_text("\n".join(linhas) + "\n", encoding="utf-8")
    escrito = carregar_municipio(manual)

    def lacunas(m):
        return {
            c: [(p.rotulo, p.exigido, p.presente, p.em_falta) for p in conf.papeis]
            for c, conf in conformidade_por_cras(m.unidades, m.equipes).items()
        }

    assert lacunas(importado) == lacunas(escrito)
    assert set(lacunas(importado)) == {A, B, C}
    em_falta_b = {rotulo: falta for rotulo, _, _, falta in lacunas(importado)[B]}
    assert sum(em_falta_b.values()) > 0  # B (2.500 famílias: 2 NS + 2 NM) lacks staff: the check can fail


def test_meses_nao_informados_continuam_ausentes(execucao):
    _, dados, *_ = execucao
    rma = carregar_municipio(dados).rma_cras
    meses = {(c, str(m)) for c, m in zip(rma["id_cras"], rma["mes_referencia"], strict=True)}
    assert len(meses) == 36 - 1 + 36 - 3  # 2024 from cras.csv, 2025 from the national base
    for ausente in ((B, "2025-05"), (C, "2025-11"), (C, "2025-12"), (C, "2024-03")):
        assert ausente not in meses


def test_dados_pessoais_do_coordenador_em_nenhuma_saida(execucao):
    raiz, dados, saida, importacao, run = execucao
    arquivos = [p for pasta in (dados, saida) for p in pasta.rglob("*") if p.is_file()]
    assert any(p.name == "manifest.json" for p in arquivos) and any(p.suffix == ".html" for p in arquivos)
    for arquivo in arquivos:
        conteudo = arquivo.read_bytes()
        for valor in (COORDENADORA, CPF, "Quintanilha", "529.982.247-25"):
            assert valor.encode() not in conteudo, f"{valor} em {arquivo}"
    for valor in (COORDENADORA, CPF):
        assert valor not in importacao.stdout + importacao.stderr + run.stdout + run.stderr


def test_documentos_dizem_familias_da_capacidade_e_regra_das_faixas(execucao):
    _, dados, saida, *_ = execucao
    registro = json.loads((dados / "importacao.json").read_text(encoding="utf-8"))
    assert registro["familias_referenciadas_da_capacidade_censo"] == [A, B, C]
    html = saida / "html"
    # the plan shows families referenced only with the SCFV situation table (no SISC list here): no line there
    for pagina in (html / "cras" / f"{A}.html", html / "cras" / f"{C}.html", html / "avaliacao.html"):
        texto = pagina.read_text(encoding="utf-8")
        assert texto.count("classe de capacidade declarada no Censo") == 1, pagina.name
    plano = sem_hifens((html / "plano-anual-scfv.html").read_text(encoding="utf-8"))
    assert "Horas semanais no quadro" in plano
    assert "conta-se o limite superior da faixa" in plano  # the roster's hours are Censo bands
