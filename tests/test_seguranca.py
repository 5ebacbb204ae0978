"""Bad input found before any notebook runs (issue "Safe to publish" §5) and the index telling the truth, durable
writes and leftovers of interrupted runs (§7), without executing notebooks."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from apoio.caminhos import EXEMPLO, NOTEBOOKS_TESTE
from apoio.execucao import escrever_params

from cras_lib.execucao import cli, gravacao, indice


def rodar(tmp_path: Path, dados: Path, saida: Path, **params) -> int:
    return cli.main(
        [
            "run",
            "--dados",
            str(dados),
            "--params",
            str(escrever_params(tmp_path, **params)),
            "--saida",
            str(saida),
            "--notebooks",
            str(NOTEBOOKS_TESTE),
            "--workers",
            "1",
        ]
    )


def copiar(tmp_path: Path) -> Path:
    return Path(shutil.copytree(EXEMPLO, tmp_path / "dados"))


def _sem_ingles_nem_caminho(texto: str, tmp_path: Path) -> None:
    assert "Traceback" not in texto and "Error:" not in texto and str(tmp_path) not in texto


# --- §5 -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("arquivo", ["unidades.csv", "rma_cras.csv"])
def test_arquivo_so_com_cabecalho_sai_com_2(tmp_path, capsys, arquivo):
    dados = copiar(tmp_path)
    cabecalho = (dados / arquivo).read_text(encoding="utf-8").splitlines()[0]
    (dados / arquivo).write_text(cabecalho + "\n", encoding="utf-8")
    saida = tmp_path / "saida"
    assert rodar(tmp_path, dados, saida) == 2
    erro = capsys.readouterr().err
    assert f"arquivo {arquivo}: o arquivo tem só o cabeçalho, nenhuma linha de dados" in erro
    assert not (saida / "manifest.json").exists() and not list((saida / "html").rglob("*.html"))


@pytest.mark.parametrize("ano", ["2031", "1995"])
def test_periodo_sem_nenhum_rma_sai_com_2(tmp_path, capsys, ano):
    dados = copiar(tmp_path)
    saida = tmp_path / "saida"
    codigo = rodar(
        tmp_path,
        dados,
        saida,
        inicio=f'"{ano}-01"',
        fim=f'"{ano}-12"',
        comparacao_inicio=f'"{int(ano) - 1}-01"',
        comparacao_fim=f'"{int(ano) - 1}-12"',
    )
    assert codigo == 2
    erro = capsys.readouterr().err
    assert (
        f"nenhum mês do período {ano}-01 a {ano}-12 ('avaliacao' em execucao.yaml) consta do arquivo" in erro
    )
    assert "Nada foi publicado" in erro
    assert not (saida / "manifest.json").exists()


def test_saida_que_e_um_arquivo_sai_com_2(tmp_path, capsys):
    saida = tmp_path / "saida.txt"
    saida.write_text("não sou pasta", encoding="utf-8")
    assert rodar(tmp_path, EXEMPLO, saida) == 2
    erro = capsys.readouterr().err
    assert "a pasta de saída saida.txt é um arquivo, não uma pasta" in erro
    _sem_ingles_nem_caminho(erro, tmp_path)
    assert saida.read_text(encoding="utf-8") == "não sou pasta"


def test_saida_dentro_dos_dados_sai_com_2(tmp_path, capsys):
    dados = copiar(tmp_path)
    assert rodar(tmp_path, dados, dados / "saida") == 2
    assert "a pasta de saída está dentro da pasta de dados" in capsys.readouterr().err
    assert not (dados / "saida").exists()


@pytest.mark.parametrize("pasta", ["html", "notebooks"])
def test_pasta_de_saida_que_nao_se_pode_gravar_sai_com_2_antes_de_executar(tmp_path, capsys, pasta):
    """``html`` (or ``notebooks``) is a file where a folder must be: nothing can be written there (a folder
    without write permission gives the same message; the tests run as root, for whom permissions do not count)."""
    saida = tmp_path / "saida"
    saida.mkdir()
    (saida / pasta).write_text("x", encoding="utf-8")
    assert rodar(tmp_path, EXEMPLO, saida) == 2
    erro = capsys.readouterr().err
    assert (
        f"não é possível gravar na pasta SAIDA/{pasta}/ (um dos caminhos do destino não é uma pasta)" in erro
    )
    assert "nada foi executado" in erro
    _sem_ingles_nem_caminho(erro.split("Nada foi publicado")[0], tmp_path)
    assert not (saida / "logs").exists() or not list((saida / "logs").glob("*.log"))


# --- §7: the index ------------------------------------------------------------------------------------------------


def _entrada(id_, situacao, nesta=True, **extra):
    return {
        "id": id_,
        "tipo": "cras" if id_.startswith("cras/") else id_,
        "titulo": f"Documento {id_}",
        "periodo": "janeiro a dezembro de 2026",
        "html": f"{id_}.html",
        "situacao": situacao,
        "erro": None,
        "nesta_execucao": nesta,
        "ultima_geracao": {"gerado_em": "2026-01-05T08:00:00-03:00", "periodo": "janeiro a dezembro de 2025"},
        **extra,
    }


def test_indice_diz_a_verdade_sobre_cada_linha(tmp_path):
    for nome in ("avaliacao", "cras/1", "cras/2", "cras/3"):
        (tmp_path / f"{nome}.html").parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / f"{nome}.html").write_text("x", encoding="utf-8")
    entradas = [
        _entrada("avaliacao", "falhou", erro="erro na célula [3] do notebook: KeyError: 'a1'"),
        _entrada("cras/1", "gerado", nesta=False),  # not selected in this run (--cras)
        _entrada("cras/2", "gerado", nesta=False, fora_do_cadastro=True),
        _entrada("cras/3", "gerado"),
    ]
    _, grupos = indice.montar(entradas, tmp_path)
    linhas = {linha["titulo"]: linha for grupo in grupos for linha in grupo["documentos"]}
    falha = linhas["Documento avaliacao"]
    assert falha["situacao"] == "Falhou nesta execução; mostrada a versão anterior"
    assert falha["periodo"] == "janeiro a dezembro de 2025"  # the period of the page on show
    assert falha["erro"] == "erro na célula [3] do notebook (detalhes no registro da execução, em logs/)"
    assert linhas["Documento cras/1"]["situacao"] == "Não incluído nesta execução"
    assert "Gerado" not in linhas["Documento cras/1"]["situacao"]
    fora = linhas["Documento cras/2"]
    assert fora["situacao"].startswith("Fora do cadastro atual") and fora["link"] is None
    assert linhas["Documento cras/3"]["situacao"] == "Gerado nesta execução"


@pytest.mark.parametrize(
    ("erro", "publico"),
    [
        (
            "erro na célula [6] do notebook: DadosInvalidos: arquivo equipes.csv: coluna 'x' ausente",
            "erro na célula [6] do notebook: arquivo equipes.csv: coluna 'x' ausente",
        ),
        (
            "erro na célula [2] do notebook: ValidationError: 1 validation error for Params vagas_por_cras",
            "erro na célula [2] do notebook (detalhes no registro da execução, em logs/)",
        ),
        (
            "erro inesperado ao executar o notebook: OSError: [Errno 2] No such file: '/home/ana/dados/a.csv'",
            "erro inesperado ao executar o notebook (detalhes no registro da execução, em logs/)",
        ),
        (
            "não foi possível ler /home/ana/params/avaliacao.yaml (linha 3)",
            "não foi possível ler avaliacao.yaml (linha 3)",
        ),
    ],
)
def test_erro_no_indice_sem_excecao_em_ingles_nem_caminho_absoluto(erro, publico):
    assert indice.erro_publico(erro) == publico


# --- §7: durable writes and leftovers -----------------------------------------------------------------------------


def test_gravar_atomico_sincroniza_arquivo_antes_de_renomear_e_a_pasta_depois(tmp_path, monkeypatch):
    eventos = []
    fsync, replace = os.fsync, os.replace

    def registrar_fsync(fd):
        eventos.append("pasta" if os.path.isdir(f"/proc/self/fd/{fd}") else "arquivo")
        fsync(fd)

    monkeypatch.setattr(os, "fsync", registrar_fsync)
    monkeypatch.setattr(os, "replace", lambda a, b: (eventos.append("replace"), replace(a, b)))
    gravacao.gravar_atomico(tmp_path / "a.html", "conteúdo")
    assert eventos == ["arquivo", "replace", "pasta"]
    eventos.clear()
    (tmp_path / ".b.execucao.ipynb").write_text("{}", encoding="utf-8")
    gravacao.substituir(tmp_path / ".b.execucao.ipynb", tmp_path / "b.ipynb")
    assert eventos == ["arquivo", "replace", "pasta"]


def test_restos_de_execucao_interrompida_sao_removidos(tmp_path):
    restos = [
        tmp_path / "notebooks" / ".avaliacao.execucao.ipynb",
        tmp_path / "notebooks" / "cras" / ".31799900001.execucao.ipynb",
        tmp_path / "html" / ".index.html.abc123.tmp",
        tmp_path / ".manifest.json.x.tmp",
    ]
    guardados = [tmp_path / "notebooks" / "avaliacao.ipynb", tmp_path / "html" / "index.html"]
    for caminho in restos + guardados:
        caminho.parent.mkdir(parents=True, exist_ok=True)
        caminho.write_text("x", encoding="utf-8")
    assert sorted(gravacao.limpar_restos(tmp_path)) == sorted(restos)
    assert all(not c.exists() for c in restos) and all(c.exists() for c in guardados)


# --- §6: encoding decided from all the bytes of a file -----------------------------------------------------------

_CABECALHO = "id_cras;nome;territorio;familias_referenciadas;horas_semanais_funcionamento;dias_semana_funcionamento;endereco\n"
_LINHA_1 = "31799900001;CRAS Boa Esperança;Centro;100;40;5;Rua A\n"
_LINHA_2 = "31799900002;CRAS São Geraldo;Centro;100;40;5;Rua B\n"


def _ler(conteudo: bytes):
    from cras_lib.dados.contrato import UNIDADES
    from cras_lib.dados.leitura import ler_bytes

    return ler_bytes(conteudo, "unidades.csv", UNIDADES)


def test_utf8_com_um_byte_latin1_e_erro_com_linha_e_byte():
    tabela, problemas = _ler((_CABECALHO + _LINHA_1).encode() + _LINHA_2.encode("cp1252"))
    assert tabela is None
    (problema,) = problemas
    assert problema.linha == 3 and "byte 0xE3" in problema.mensagem and "UTF-8" in problema.mensagem


def test_arquivo_todo_em_latin1_continua_aceito():
    tabela, problemas = _ler((_CABECALHO + _LINHA_1 + _LINHA_2).encode("cp1252"))
    assert problemas == [] and list(tabela["nome"]) == ["CRAS Boa Esperança", "CRAS São Geraldo"]


def test_bom_convertido_duas_vezes_tem_dica():
    tabela, problemas = _ler("ï»¿".encode() + (_CABECALHO + _LINHA_1).encode())
    assert tabela is None and "a marca de UTF-8 (BOM) foi convertida duas vezes" in problemas[0].mensagem


@pytest.mark.parametrize("codigo", ["３1799900001", "٣1799900001", "३1799900001"])
def test_id_cras_com_digitos_nao_ascii_e_recusado(codigo):
    _, problemas = _ler((_CABECALHO + _LINHA_1.replace("31799900001", codigo)).encode())
    assert [p.coluna for p in problemas] == ["id_cras"]
    assert "algarismos de 0 a 9" in problemas[0].mensagem


# --- §4: one number rule per column ---------------------------------------------------------------------------


def _valores(*valores: str):
    from cras_lib.dados.contrato import CUSTOS
    from cras_lib.dados.leitura import ler_bytes

    fontes = ("municipal", "estadual", "federal")
    linhas = "".join(f"31799900001;2025;paif;{fontes[i]};{v}\n" for i, v in enumerate(valores))
    tabela, problemas = ler_bytes(f"id_cras;ano;servico;fonte;valor\n{linhas}".encode(), "custos.csv", CUSTOS)
    return list(tabela["valor"]), problemas


def test_milhar_brasileiro_sem_centavos_decidido_pela_coluna():
    valores, problemas = _valores("1.012.006", "977.862")
    assert problemas == [] and valores == [1012006.0, 977862.0]


def test_estilo_que_nao_se_decide_e_erro_com_coluna_e_dois_exemplos():
    _, problemas = _valores("977.862", "193.690")
    assert {p.coluna for p in problemas} == {"valor"}
    assert "exemplos: '977.862' e '193.690'" in problemas[0].mensagem


def test_ponto_decimal_internacional_continua():
    valores, problemas = _valores("977.862", "2.5")
    assert problemas == [] and valores == [977.862, 2.5]


def test_valor_implausivel_vira_aviso(tmp_path):
    """A.1 over 10 times the referenced families (a misread or cumulative number) is a warning, not silent."""
    from cras_lib.dados.municipio import carregar_municipio

    dados = copiar(tmp_path)
    rma = dados / "rma_cras.csv"
    linhas = rma.read_text(encoding="utf-8").splitlines(keepends=True)
    cabecalho = linhas[0].rstrip("\n").split(";")
    campos = linhas[1].rstrip("\n").split(";")
    campos[cabecalho.index("a1")] = "977862"
    rma.write_text("".join([linhas[0], ";".join(campos) + "\n", *linhas[2:]]), encoding="utf-8")
    avisos = carregar_municipio(dados).avisos
    assert any(a.startswith("rma_cras.csv, coluna 'a1': 1 valor acima de 10 vezes") for a in avisos), avisos
    assert not any("coluna 'a1'" in a for a in carregar_municipio(EXEMPLO).avisos)
