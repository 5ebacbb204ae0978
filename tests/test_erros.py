"""The one exception hierarchy: every class in cras_lib.erros, picklable with its message and fields, mapped to
an exit code of ``cras`` in one place; no bare built-in exception for a user-facing failure."""

from __future__ import annotations

import pickle
import re

import pytest
from apoio.caminhos import RAIZ

from cras_lib import erros
from cras_lib.erros import ErroCras, Problema, ProblemaParametro
from cras_lib.execucao import cli, codigos

PROBLEMA = Problema("unidades.csv", 3, "id_cras", "valor vazio")
PROBLEMA_PARAMETRO = ProblemaParametro(
    "params/plano_scfv.yaml", ("ciclos", "6_a_15"), "chave desconhecida 'tamanho_grupos'", "você quis dizer?"
)
# One instance of every class, built as the library builds it.
EXEMPLOS = {
    erros.ErroCras: lambda: erros.ErroCras("falha"),
    erros.DadosInvalidos: lambda: erros.DadosInvalidos([PROBLEMA, PROBLEMA]),
    erros.ParametrosInvalidos: lambda: erros.ParametrosInvalidos([PROBLEMA_PARAMETRO]),
    erros.ErroConfiguracao: lambda: erros.ErroConfiguracao([PROBLEMA_PARAMETRO, PROBLEMA_PARAMETRO]),
    erros.ArgumentoInvalido: lambda: erros.ArgumentoInvalido("período inválido: 2025-03 a 2025-01"),
    erros.ErroSelecao: lambda: erros.ErroSelecao("CRAS não encontrado em unidades.csv: 999."),
    erros.ErroOcupada: lambda: erros.ErroOcupada("outra execução do cras está gravando em saida"),
    erros.ErroSaida: lambda: erros.ErroSaida("a pasta de saída saida é um arquivo, não uma pasta"),
    erros.ErroNucleo: lambda: erros.ErroNucleo("NameError: name 'x' is not defined"),
    erros.ErroPublicacao: lambda: erros.ErroPublicacao("índice não publicado: CPF"),
    erros.ErroAmbienteDistribuido: lambda: erros.ErroAmbienteDistribuido(
        "os workers do Dask não rodam as mesmas versões que este computador"
    ),
    erros.MunicipioAusente: lambda: erros.MunicipioAusente(
        "3171303", {"3106200": "Belo Horizonte", "3100104": ""}
    ),
}


def _subclasses(classe: type) -> set[type]:
    filhas = set(classe.__subclasses__())
    return filhas.union(*(_subclasses(f) for f in filhas))


def _todas() -> set[type]:
    import cras_lib.execucao.lote  # noqa: F401 — load every module that raises, so that all classes are known

    return {ErroCras} | {c for c in _subclasses(ErroCras) if c.__module__.startswith("cras_lib")}


def test_toda_classe_de_erro_esta_em_erros_py():
    assert {c.__module__ for c in _todas()} == {"cras_lib.erros"}
    assert _todas() == set(EXEMPLOS)  # a new class needs an example here (and an exit code)


@pytest.mark.parametrize("classe", sorted(EXEMPLOS, key=lambda c: c.__name__))
def test_cada_classe_sobrevive_ao_pickle_com_mensagem_e_campos(classe):
    original = EXEMPLOS[classe]()
    copia = pickle.loads(pickle.dumps(original))
    assert type(copia) is classe and str(copia) == str(original) and copia.args == original.args
    assert vars(copia) == vars(original)
    if isinstance(original, erros.MunicipioAusente):
        assert (copia.municipio, copia.encontrados) == (
            "3171303",
            {"3100104": "", "3106200": "Belo Horizonte"},
        )
    if hasattr(original, "problemas"):
        assert copia.problemas == original.problemas and len(copia.problemas) >= 1


def test_mensagem_de_parametros_lista_cada_problema():
    erro = erros.ParametrosInvalidos([PROBLEMA_PARAMETRO, PROBLEMA_PARAMETRO])
    linha = (
        "- chave desconhecida 'tamanho_grupos' em params/plano_scfv.yaml, ciclos › 6_a_15 — você quis dizer?"
    )
    assert str(erro).splitlines() == ["2 problemas encontrados nos parâmetros:", linha, linha]


@pytest.mark.parametrize(
    ("classe", "codigo"),
    [
        (erros.ParametrosInvalidos, 2),
        (erros.ErroConfiguracao, 2),
        (erros.DadosInvalidos, 2),
        (erros.ArgumentoInvalido, 2),
        (erros.ErroSelecao, 2),
        (erros.ErroOcupada, 2),
        (erros.ErroSaida, 2),
        (erros.ErroCras, 2),
        (erros.MunicipioAusente, 2),
        (erros.ErroNucleo, 1),
        (erros.ErroPublicacao, 1),
    ],
)
def test_codigo_de_saida_de_cada_classe(classe, codigo):
    assert codigos.codigo_de_saida(EXEMPLOS[classe]()) == codigo


def test_erro_de_execucao_nao_diz_que_nada_foi_publicado(tmp_path, monkeypatch, capsys):
    def falhar(opcoes, fluxo):
        raise erros.ErroNucleo("kernel morreu")

    monkeypatch.setattr(cli, "executar_lote", falhar)
    codigo = cli.main(["run", "--dados", str(tmp_path), "--params", "p.yaml", "--saida", str(tmp_path / "s")])
    erro = capsys.readouterr().err
    assert codigo == 1 and "kernel morreu" in erro and "Nada foi publicado" not in erro


# Built-in exceptions still raised on purpose: programming errors, never a user's input.
PERMITIDOS = {
    ("calculo/indicadores/catalogo.py", "indicador registrado duas vezes"),
    ("calculo/verificacoes/catalogo.py", "verificação registrada duas vezes"),
    ("dados/exemplo.py", "equipe desconhecida"),
    ("dados/municipio.py", "arquivo desconhecido"),
    ("norma/scfv.py", "idade inválida"),
}


def test_nenhum_erro_embutido_para_falha_do_usuario():
    achados = set()
    for arquivo in (RAIZ / "cras_lib").rglob("*.py"):
        texto = arquivo.read_text(encoding="utf-8")
        for achado in re.finditer(r"raise (ValueError|TypeError|RuntimeError)\(f?\"([^\"{:]*)", texto):
            achados.add((arquivo.relative_to(RAIZ / "cras_lib").as_posix(), achado[2].strip()))
    assert achados <= PERMITIDOS, achados - PERMITIDOS
