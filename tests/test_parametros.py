"""Params files: models with defaults, every problem of every file in Portuguese, with file, key path and the
closest valid key."""

from __future__ import annotations

import copy
import re
import typing

import pytest
import yaml
from apoio.caminhos import RAIZ
from pydantic import BaseModel

from cras_lib.calculo import scfv_plano as sp
from cras_lib.calculo.indicadores import metas, parametros_da_avaliacao
from cras_lib.dados.contrato import CICLOS
from cras_lib.documentos.relatorio_cras.pontos_atencao import Limiares
from cras_lib.erros import ParametrosInvalidos, ProblemaParametro
from cras_lib.parametros import mensagens
from cras_lib.parametros.arquivo import carregar, ler, ler_yaml, rotulo, validar
from cras_lib.parametros.avaliacao import ArquivoAvaliacao
from cras_lib.parametros.execucao import ArquivoExecucao
from cras_lib.parametros.plano_scfv import ArquivoPlano, Ciclos

ARQUIVOS = {
    "exemplo.yaml": ArquivoExecucao,
    "plano_scfv.yaml": ArquivoPlano,
    "avaliacao.yaml": ArquivoAvaliacao,
}
# pydantic's English, which must never reach the user
INGLES = re.compile(
    r"Input should|Field required|Extra inputs|valid (integer|number|string)|not permitted", re.I
)


def _dados(nome: str) -> dict:
    return yaml.safe_load((RAIZ / "params" / nome).read_text(encoding="utf-8"))


def _caminhos_de_chaves(dados, prefixo=()):
    """Every (path of the mapping, key) of a nested YAML mapping (lists entered by position)."""
    if isinstance(dados, dict):
        for chave, valor in dados.items():
            yield prefixo, chave
            yield from _caminhos_de_chaves(valor, (*prefixo, chave))
    elif isinstance(dados, list):
        for i, valor in enumerate(dados):
            yield from _caminhos_de_chaves(valor, (*prefixo, i))


def _exibido(caminho) -> tuple[str, ...]:
    return tuple(f"{p + 1}º item" if isinstance(p, int) else str(p) for p in caminho)


def _trocar_chave(dados: dict, caminho, chave, nova) -> dict:
    copia = copy.deepcopy(dados)
    alvo = copia
    for parte in caminho:
        alvo = alvo[parte]
    alvo[nova] = alvo.pop(chave)
    return copia


# --- reading YAML -------------------------------------------------------------------------------------------


def test_mapeamento_e_arquivo_vazio(tmp_path):
    (tmp_path / "a.yaml").write_text("metas:\n  PAIF-01: {meta: 0.8}\n", encoding="utf-8")
    (tmp_path / "vazio.yaml").write_text("", encoding="utf-8")
    assert ler_yaml(tmp_path / "a.yaml") == {"metas": {"PAIF-01": {"meta": 0.8}}}
    assert ler_yaml(tmp_path / "vazio.yaml") == {}


@pytest.mark.parametrize(
    ("conteudo", "linha", "coluna", "dica"),
    [
        ("a: [1, 2\n", 2, 1, "lista entre colchetes sem fechar"),
        ("a:\n  b: 1\n c: 2\n", 3, 2, "indentação inconsistente"),
        ("a: b: c\n", 1, 5, "':' em lugar inesperado"),
        ("a:\n\t- 1\n", 2, 1, "tabulação na indentação (use espaços)"),
        ("a: 'texto\n", 2, 1, "aspas sem fechar"),
    ],
)
def test_erro_de_sintaxe_em_portugues_com_linha_e_coluna(tmp_path, conteudo, linha, coluna, dica):
    caminho = tmp_path / "plano.yaml"
    caminho.write_text(conteudo, encoding="utf-8")
    with pytest.raises(ParametrosInvalidos) as erro:
        ler_yaml(caminho)
    (problema,) = erro.value.problemas
    assert (problema.linha, problema.coluna) == (linha, coluna)
    assert str(problema).startswith(f"erro de sintaxe YAML em {tmp_path.name}/plano.yaml (linha {linha}, ")
    assert dica in str(problema) and not INGLES.search(str(erro.value))


@pytest.mark.parametrize(
    ("conteudo", "mensagem"),
    [(None, "arquivo de parâmetros não encontrado"), ("- 1\n- 2\n", "deve ser um mapeamento")],
)
def test_arquivo_ausente_ou_que_nao_e_mapeamento(tmp_path, conteudo, mensagem):
    caminho = tmp_path / "plano.yaml"
    if conteudo is not None:
        caminho.write_text(conteudo, encoding="utf-8")
    with pytest.raises(ParametrosInvalidos, match=mensagem) as erro:
        ler_yaml(caminho)
    assert f"{tmp_path.name}/plano.yaml" in str(erro.value)


def test_chave_repetida_e_erro_com_a_linha(tmp_path):
    caminho = tmp_path / "a.yaml"
    caminho.write_text("equipe:\n  jornada_orientador: 40\n  jornada_orientador: 30\n", encoding="utf-8")
    with pytest.raises(ParametrosInvalidos) as erro:
        carregar(ArquivoPlano, caminho)
    (problema,) = erro.value.problemas
    assert problema.mensagem == "chave repetida 'jornada_orientador'" and problema.linha == 3


def test_data_inexistente_sem_aspas_e_erro_da_chave(tmp_path):
    caminho = tmp_path / "a.yaml"
    caminho.write_text(
        "calendario:\n  recessos:\n    - {inicio: 2026-02-30, fim: 2026-03-02}\n", encoding="utf-8"
    )
    with pytest.raises(ParametrosInvalidos) as erro:
        carregar(ArquivoPlano, caminho)
    (problema,) = erro.value.problemas
    assert problema.caminho == ("calendario", "recessos", "1º item", "inicio")
    assert problema.mensagem == "valor inválido '2026-02-30'"


def test_rotulo_nunca_e_caminho_absoluto(tmp_path, monkeypatch):
    monkeypatch.chdir(RAIZ)
    assert rotulo(RAIZ / "params" / "plano_scfv.yaml") == "params/plano_scfv.yaml"
    assert rotulo(tmp_path / "x.yaml") == f"{tmp_path.name}/x.yaml"


# --- the project's files and the models ---------------------------------------------------------------------


@pytest.mark.parametrize("nome", sorted(ARQUIVOS))
def test_arquivos_do_projeto_sao_validos_e_comentados(nome):
    valor, problemas = ler(ARQUIVOS[nome], RAIZ / "params" / nome)
    assert problemas == [] and isinstance(valor, ARQUIVOS[nome])
    texto = (RAIZ / "params" / nome).read_text(encoding="utf-8")
    assert sum(linha.lstrip().startswith("#") for linha in texto.splitlines()) >= 3


def _modelos(modelo: type[BaseModel], vistos=None):
    vistos = set() if vistos is None else vistos
    if modelo in vistos:
        return vistos
    vistos.add(modelo)
    for campo in modelo.model_fields.values():
        pilha = [campo.annotation]
        while pilha:
            tipo = pilha.pop()
            if isinstance(tipo, type) and issubclass(tipo, BaseModel):
                _modelos(tipo, vistos)
            pilha.extend(typing.get_args(tipo))
    return vistos


@pytest.mark.parametrize("modelo", [ArquivoExecucao, ArquivoPlano, ArquivoAvaliacao])
def test_todo_campo_e_documentado_e_chaves_desconhecidas_sao_proibidas(modelo):
    for m in _modelos(modelo):
        assert m.model_config["extra"] == "forbid", m
        # sections are documented by their class docstring or the field that holds them
        sem_descricao = [n for n, f in m.model_fields.items() if not f.description]
        secoes = [n for n in sem_descricao if isinstance(m.model_fields[n].annotation, type)]
        assert sorted(sem_descricao) == sorted(secoes), (m, sem_descricao)


def test_padroes_vivem_nos_modelos():
    padrao = sp.ParametrosPlano.do_arquivo(ArquivoPlano())
    # municipal standard: 15 per group; 2 encounters (Tue/Thu) for children and adolescents, 1 (Tue) for adults
    assert {c: (p.tamanho_grupo, p.encontros_semanais, p.dias_semana) for c, p in padrao.ciclos.items()} == {
        "ate_6": (15, 2, (1, 3)),
        "6_a_15": (15, 2, (1, 3)),
        "15_a_17": (15, 2, (1, 3)),
        "18_a_29": (15, 1, (1,)),
        "30_a_59": (15, 1, (1,)),
        "60_mais": (15, 1, (1,)),
    }
    assert (padrao.fracao_planejamento, padrao.jornada_orientador, padrao.ocupacao_minima) == (
        0.25,
        40.0,
        0.8,
    )
    avaliacao = ArquivoAvaliacao()
    assert (avaliacao.scfv.meses_permanencia, avaliacao.inclusao_produtiva.vagas_por_cras) == (6, 15.0)
    assert avaliacao.classificacao.tolerancia_relativa == 0.2 and avaliacao.metas == {}
    assert Limiares.de_parametros(None) == Limiares() == avaliacao.pontos_atencao
    assert (Limiares().queda, Limiares().ocupacao_baixa, Limiares().frequencia_baixa) == (0.10, 0.70, 0.75)
    assert ArquivoExecucao.model_fields["limiar_supressao"].default == 5


def test_ciclos_do_modelo_sao_os_do_contrato():
    assert list(Ciclos().por_codigo()) == list(CICLOS)


def test_secao_vazia_usa_os_padroes(tmp_path):
    caminho = tmp_path / "p.yaml"
    caminho.write_text("ciclos:\n  # ate_6: ...\nequipe:\ncalendario:\n  recessos:\n", encoding="utf-8")
    assert sp.parametros_do_plano(caminho) == sp.ParametrosPlano.do_arquivo(ArquivoPlano())


def test_limiares_dos_pontos_de_atencao_vem_da_avaliacao():
    assert Limiares.de_parametros({"pontos_atencao": {"queda": 0.05}}).queda == 0.05
    with pytest.raises(ParametrosInvalidos, match="chave desconhecida 'qeda' .* você quis dizer 'queda'"):
        Limiares.de_parametros({"pontos_atencao": {"qeda": 0.05}})


# --- every key, every file: a typo names the file, the key path and the right key -------------------------


@pytest.mark.parametrize("nome", sorted(ARQUIVOS))
def test_erro_de_digitacao_em_qualquer_chave_sugere_a_chave_certa(nome):
    dados, modelo = _dados(nome), ARQUIVOS[nome]
    casos = list(_caminhos_de_chaves(dados))
    assert len(casos) > 5
    erradas = [(c, k, f"{k}x") for c, k in casos]  # a letter too many
    erradas += [(c, k, f"{k}{k[-1]}") for c, k in casos if k[-1].isalpha()]  # the last letter typed twice
    for caminho, chave, errada in erradas:
        _, problemas = validar(modelo, _trocar_chave(dados, caminho, chave, errada), f"params/{nome}")
        desconhecidas = [p for p in problemas if p.mensagem == f"chave desconhecida '{errada}'"]
        assert len(desconhecidas) == 1, (caminho, chave, problemas)
        (p,) = desconhecidas
        assert p.arquivo == f"params/{nome}" and p.caminho == _exibido(caminho), (caminho, chave, p)
        assert p.dica == f"você quis dizer '{chave}'?", (caminho, chave, p)


def test_mensagem_da_chave_desconhecida_como_na_issue():
    dados = _dados("plano_scfv.yaml")
    _, problemas = validar(
        ArquivoPlano, _trocar_chave(dados, ("ciclos", "6_a_15"), "tamanho_grupo", "tamanho_grupos"),
        "params/plano_scfv.yaml",
    )  # fmt: skip
    assert [str(p) for p in problemas] == [
        "chave desconhecida 'tamanho_grupos' em params/plano_scfv.yaml, ciclos › 6_a_15 — você quis dizer "
        "'tamanho_grupo'?"
    ]


def test_chave_sem_nenhuma_parecida_lista_as_validas():
    _, (problema,) = validar(ArquivoPlano, {"equipe": {"xyz": 1}}, "p.yaml")
    assert problema.dica == "chaves válidas: fracao_planejamento, jornada_orientador"


@pytest.mark.parametrize(
    ("nome", "caminho", "valor", "dica"),
    [
        ("plano_scfv.yaml", ("ciclos", "6_a_15", "tamanho_grupo"), "quinze", "deve ser um número inteiro"),
        ("plano_scfv.yaml", ("ciclos", "ate_6", "cobertura_alvo"), 1.5, "deve ser menor ou igual a 1"),
        ("plano_scfv.yaml", ("ciclos", "ate_6", "dias_semana"), "segunda", "deve ser uma lista"),
        ("plano_scfv.yaml", ("calendario", "pontos_facultativos"), "talvez", "deve ser true ou false"),
        ("plano_scfv.yaml", ("equipe", "jornada_orientador"), 0, "deve ser maior que 0"),
        ("avaliacao.yaml", ("inclusao_produtiva", "vagas_por_cras"), "quinze", "deve ser um número"),
        ("avaliacao.yaml", ("metas", "PAIF-01", "meta"), True, "deve ser um número"),
        ("avaliacao.yaml", ("scfv", "meses_permanencia"), 6.5, "deve ser um número inteiro"),
        ("exemplo.yaml", ("plano", "ano"), "2026a", "deve ser um número inteiro"),
        ("exemplo.yaml", ("avaliacao", "inicio"), "2025-13", "deve ser um mês no formato AAAA-MM"),
        ("exemplo.yaml", ("plano", "data_referencia"), "31/12/2025", "deve ser uma data"),
        ("exemplo.yaml", ("municipio", "uf"), "Minas", "duas letras"),
        ("exemplo.yaml", ("limiar_supressao",), 0, "deve ser maior ou igual a 1"),
    ],
)
def test_valor_de_tipo_errado_nomeia_arquivo_e_chave(nome, caminho, valor, dica):
    dados = _dados(nome)
    alvo = dados
    for parte in caminho[:-1]:
        alvo = alvo[parte]
    alvo[caminho[-1]] = valor
    _, (problema,) = validar(ARQUIVOS[nome], dados, f"params/{nome}")
    assert (problema.arquivo, problema.caminho) == (f"params/{nome}", caminho)
    assert problema.mensagem == f"valor inválido {mensagens.mostrar(valor)}"
    assert dica in problema.dica and not INGLES.search(str(problema))


@pytest.mark.parametrize(
    ("nome", "caminho"),
    [
        ("exemplo.yaml", ("municipio", "nome")),
        ("exemplo.yaml", ("plano", "params")),
        ("exemplo.yaml", ("avaliacao",)),
        ("avaliacao.yaml", ("metas", "SCFV-01", "meta")),
        ("plano_scfv.yaml", ("calendario", "recessos", 0, "fim")),
    ],
)
def test_chave_obrigatoria_ausente_nomeia_arquivo_e_chave(nome, caminho):
    dados = _dados(nome)
    alvo = dados
    for parte in caminho[:-1]:
        alvo = alvo[parte]
    del alvo[caminho[-1]]
    _, (problema,) = validar(ARQUIVOS[nome], dados, f"params/{nome}")
    assert (problema.arquivo, problema.caminho) == (f"params/{nome}", _exibido(caminho[:-1]))
    assert problema.mensagem == f"falta a chave obrigatória '{caminho[-1]}'" and problema.dica


def test_todos_os_problemas_do_arquivo_de_uma_vez(tmp_path):
    texto = (RAIZ / "params" / "plano_scfv.yaml").read_text(encoding="utf-8")
    texto = texto.replace("jornada_orientador: 40", "jornada_orientadr: 40")
    texto = texto.replace("    tamanho_grupo: 15", "    tamanho_grupo: quinze", 1)
    texto = texto.replace("ocupacao_minima: 0.8", "ocupacao_minima: oitenta")
    caminho = tmp_path / "plano_scfv.yaml"
    caminho.write_text(texto, encoding="utf-8")
    with pytest.raises(ParametrosInvalidos) as erro:
        sp.parametros_do_plano(caminho)
    assert [p.caminho for p in erro.value.problemas] == [
        ("ciclos", "ate_6", "tamanho_grupo"),
        ("equipe",),
        ("ocupacao_minima",),
    ]
    assert str(erro.value).startswith("3 problemas encontrados nos parâmetros:\n- ")


def test_dias_incoerentes_com_os_encontros():
    _, (problema,) = validar(ArquivoPlano, {"ciclos": {"60_mais": {"dias_semana": ["terca", "quinta"]}}}, "p")
    assert problema.caminho == ("ciclos", "60_mais")
    assert problema.mensagem.startswith("1 encontro(s) por semana, mas 2 dia(s) da semana")


def test_codigo_de_indicador_desconhecido_sugere_o_do_catalogo():
    for errado, certo in (("PAIF-1", "PAIF-01"), ("scfv-02", "SCFV-02"), ("PAIF-133", "PAIF-13")):
        with pytest.raises(ParametrosInvalidos) as erro:
            metas({"metas": {errado: {"meta": 1}}})
        (problema,) = erro.value.problemas
        assert problema == ProblemaParametro(
            "parâmetros da avaliação",
            ("metas",),
            f"chave desconhecida '{errado}'",
            f"você quis dizer '{certo}'?",
        )


def test_parametros_da_avaliacao_do_projeto():
    p = parametros_da_avaliacao(RAIZ / "params" / "avaliacao.yaml")
    assert p.inclusao_produtiva.vagas_por_cras == 15 and p.metas["PAIF-13"].tolerancia == 0.05
    assert metas(p)["PAIF-01"].tolerancia == pytest.approx(0.2 * 0.8)


def test_problema_do_arquivo_diz_a_linha(tmp_path):
    caminho = tmp_path / "plano.yaml"
    caminho.write_text(
        "# comentário\ncalendario:\n  recessos:\n    - inicio: 2026-01-01\n      fim: 2026-01-16\n"
        "    - inicio: 2026-12-21\n      fm: 2026-12-31\n",
        encoding="utf-8",
    )
    with pytest.raises(ParametrosInvalidos) as erro:
        carregar(ArquivoPlano, caminho)
    assert [(p.mensagem, p.caminho, p.linha) for p in erro.value.problemas] == [
        ("falta a chave obrigatória 'fim'", ("calendario", "recessos", "2º item"), 6),
        ("chave desconhecida 'fm'", ("calendario", "recessos", "2º item"), 7),
    ]
