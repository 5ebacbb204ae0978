"""Explicit mechanisms instead of import-time tricks: importing the library changes no global state (matplotlib
backend and rcParams), the public API is light to import, the indicator catalogue's order is declared, and the
municipality cache is a declared hook of the loader that is off unless a long-lived process turns it on."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import cras_lib
from cras_lib import erros
from cras_lib.apresentacao import graficos
from cras_lib.calculo.indicadores import CATALOGO, catalogo
from cras_lib.dados import municipio as mod_municipio

RAIZ = Path(__file__).resolve().parent.parent
EXEMPLO = RAIZ / "data" / "exemplo"


def _python(codigo: str) -> dict:
    """Run ``codigo`` in a fresh interpreter; it prints one JSON value, returned here."""
    resultado = subprocess.run(
        [sys.executable, "-c", codigo], capture_output=True, text=True, check=True, cwd=RAIZ
    )
    return json.loads(resultado.stdout.strip().splitlines()[-1])


# --- matplotlib ---------------------------------------------------------------------------------------------
def test_importar_os_documentos_nao_muda_o_estado_global_do_matplotlib():
    estado = _python(
        "import json, sys, matplotlib\n"
        "chaves = ['axes.spines.top', 'axes.spines.right', 'axes.titleweight', 'figure.dpi', 'font.size']\n"
        "antes = [matplotlib.rcParams[k] for k in chaves]\n"
        "import cras_lib.documentos.plano, cras_lib.documentos.avaliacao, cras_lib.documentos.relatorio_cras\n"
        "print(json.dumps({'iguais': antes == [matplotlib.rcParams[k] for k in chaves],\n"
        "                  'pyplot': 'matplotlib.pyplot' in sys.modules,\n"
        "                  'backend_escolhido': matplotlib.rcParams._get_backend_or_none() is not None}))"
    )
    assert estado == {"iguais": True, "pyplot": False, "backend_escolhido": False}


def test_graficos_aplicam_o_estilo_sem_mudar_o_global():
    import matplotlib

    antes = matplotlib.rcParams["axes.spines.top"]
    fig, _ = graficos.barras(["A", "B"], [1, 2], titulo="T", eixo_valor="V")
    (ax,) = fig.axes
    assert ax.spines["top"].get_visible() is False and ax.spines["right"].get_visible() is False
    assert ax.title.get_fontweight() == "bold"
    assert matplotlib.rcParams["axes.spines.top"] == antes is True
    assert getattr(fig, "number", None) is None  # not a pyplot figure: a notebook never shows it by itself


# --- public API ---------------------------------------------------------------------------------------------
def test_api_publica():
    import cras_lib.documentos.avaliacao as avaliacao
    import cras_lib.documentos.plano as plano
    import cras_lib.documentos.relatorio_cras as relatorio_cras

    assert cras_lib.carregar_municipio is mod_municipio.carregar_municipio
    assert cras_lib.montar_plano is plano.montar
    assert cras_lib.montar_avaliacao is avaliacao.montar
    assert cras_lib.montar_relatorio_cras is relatorio_cras.montar
    assert cras_lib.ErroCras is erros.ErroCras and cras_lib.DadosInvalidos is erros.DadosInvalidos
    hierarquia = {n for n, v in vars(erros).items() if isinstance(v, type) and issubclass(v, erros.ErroCras)}
    assert hierarquia <= set(cras_lib.__all__)
    for nome in cras_lib.__all__:
        assert getattr(cras_lib, nome) is not None
    with pytest.raises(AttributeError):
        cras_lib.nao_existe  # noqa: B018


def test_importar_cras_lib_nao_carrega_pandas_nem_matplotlib():
    carregados = _python(
        "import json, sys, cras_lib\n"
        "print(json.dumps(sorted(m for m in ('pandas', 'matplotlib', 'cras_lib.dados.municipio') "
        "if m in sys.modules)))"
    )
    assert carregados == []


# --- the indicator catalogue --------------------------------------------------------------------------------
def test_ordem_do_catalogo_e_a_declarada():
    assert list(CATALOGO) == list(catalogo.ORDEM)
    blocos = [codigo.split("-")[0] for codigo in catalogo.ORDEM]
    assert list(dict.fromkeys(blocos)) == ["PAIF", "SCFV", "IP", "EF"]
    for bloco in set(blocos):  # each block contiguous and by code
        codigos = [c for c in catalogo.ORDEM if c.startswith(bloco + "-")]
        assert codigos == sorted(codigos)


def test_ordem_do_catalogo_nao_depende_da_ordem_de_importacao():
    ordem = _python(
        "import json\n"
        "import cras_lib.calculo.indicadores.eficiencia, cras_lib.calculo.indicadores.inclusao\n"
        "from cras_lib.calculo.indicadores import CATALOGO\n"
        "print(json.dumps(list(CATALOGO)))"
    )
    assert ordem == list(catalogo.ORDEM)


def test_catalogo_recusa_ordem_que_nao_confere_com_os_indicadores(monkeypatch):
    monkeypatch.setattr(catalogo, "ORDEM", catalogo.ORDEM[:-1])
    with pytest.raises(ValueError, match="indicadores fora de ORDEM: \\['EF-04'\\]"):
        catalogo.compor_catalogo()
    monkeypatch.setattr(catalogo, "ORDEM", (*catalogo.ORDEM, "EF-99"))
    with pytest.raises(ValueError, match="códigos sem indicador: \\['EF-99'\\]"):
        catalogo.compor_catalogo()
    assert list(CATALOGO)[-1] == "EF-04"  # a refused composition leaves the catalogue as it was


# --- the municipality cache, a declared hook of the loader --------------------------------------------------
@pytest.fixture
def cache_do_carregador():
    """The loader's cache, turned off again (and emptied) after the test."""
    yield mod_municipio.cache
    mod_municipio.cache.desativar()


def test_cache_do_municipio_desligado_por_padrao_le_de_novo():
    assert mod_municipio.cache.ativo is False
    primeira = cras_lib.carregar_municipio(EXEMPLO)
    segunda = cras_lib.carregar_municipio(EXEMPLO)
    assert primeira is not segunda and primeira.unidades is not segunda.unidades


def test_cache_do_municipio_ligado_le_uma_vez_por_conteudo(tmp_path, cache_do_carregador):
    pasta = tmp_path / "dados"
    shutil.copytree(EXEMPLO, pasta)
    leituras = []

    def contar(caminho):
        leituras.append(caminho)
        return mod_municipio._carregar(caminho)

    cache = cache_do_carregador
    cache.ativar()
    a = cache.obter(pasta, contar)
    b = cache.obter(pasta, contar)
    assert len(leituras) == 1 and a is not b  # read once, every call its own copy
    b.unidades.loc[0, "nome"] = "Alterado"
    b.avisos.append("outro aviso")
    c = cache.obter(pasta, contar)
    assert c.unidades.loc[0, "nome"] == a.unidades.loc[0, "nome"] != "Alterado"
    assert "outro aviso" not in c.avisos
    # an edited file is read again
    equipes = pasta / "equipes.csv"
    equipes.write_bytes(equipes.read_bytes() + b"\n")
    cache.obter(pasta, contar)
    assert len(leituras) == 2
    # carregar_municipio itself consults the cache once it is on
    m1 = mod_municipio.carregar_municipio(pasta)
    m2 = mod_municipio.carregar_municipio(pasta)
    assert m1 is not m2 and m1.unidades.equals(m2.unidades)
    cache.desativar()
    assert cache.ativo is False


def test_cache_do_municipio_semeado_pelo_cliente_nao_le_a_pasta_enquanto_ela_nao_muda(
    tmp_path, cache_do_carregador
):
    """The runner's client loads each folder once to validate it and hands the kernels what it loaded
    (``serializar`` / ``semear``), also to a Dask worker, whose copy of the folder has another path and only the
    contract's files: a kernel does not parse the files again, unless they changed since."""
    cliente, worker = (tmp_path / "cliente").resolve(), (tmp_path / "worker").resolve()
    shutil.copytree(EXEMPLO, cliente)
    (cliente / "digitalizado.pdf").write_bytes(b"%PDF")  # not a contract file: never sent, never read
    shutil.copytree(EXEMPLO, worker)
    carregado = mod_municipio.carregar_municipio(cliente)  # the client (cache off)
    arquivo = mod_municipio.serializar(carregado, tmp_path)
    leituras = []

    def contar(caminho):
        leituras.append(caminho)
        return mod_municipio._carregar(caminho)

    cache = cache_do_carregador
    cache.semear(arquivo, worker)  # off: nothing is taken
    cache.ativar()
    cache.semear(arquivo, worker)
    arquivo.unlink()
    cache.semear(arquivo, worker)  # the one already kept: the file is not read again
    semeado = cache.obter(worker, contar)
    assert leituras == [] and semeado.pasta == worker  # as if read from the worker's folder
    assert semeado.unidades.equals(carregado.unidades)
    assert semeado.arquivos == carregado.arquivos and semeado.avisos == carregado.avisos
    unidades = worker / "unidades.csv"
    unidades.write_bytes(unidades.read_bytes() + b"\n")  # edited after the client read it
    cache.obter(worker, contar)
    assert leituras == [worker]


# --- the params cache, the same kind of declared hook ------------------------------------------------------
@pytest.fixture
def cache_dos_parametros():
    from cras_lib.parametros import arquivo

    yield arquivo
    arquivo.cache.desativar()


def test_cache_dos_parametros_le_uma_vez_por_conteudo_e_da_copias(
    tmp_path, monkeypatch, cache_dos_parametros
):
    """Off by default (every call parses); on: the same bytes are parsed once, every call gets its own copy, an
    edited file is parsed again and an invalid one still raises with its problems (and is not kept)."""
    from cras_lib.erros import ParametrosInvalidos
    from cras_lib.parametros.avaliacao import ArquivoAvaliacao

    arquivo = cache_dos_parametros
    params = tmp_path / "avaliacao.yaml"
    params.write_text((RAIZ / "params" / "avaliacao.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    leituras = []
    original = arquivo.ler
    monkeypatch.setattr(arquivo, "ler", lambda m, c: leituras.append(c) or original(m, c))
    assert arquivo.cache.ativo is False
    arquivo.carregar(ArquivoAvaliacao, params)
    arquivo.carregar(ArquivoAvaliacao, params)
    assert len(leituras) == 2
    arquivo.cache.ativar()
    a = arquivo.carregar(ArquivoAvaliacao, params)
    b = arquivo.carregar(ArquivoAvaliacao, params)
    assert len(leituras) == 3 and a == b and a is not b
    b.metas.clear()
    assert arquivo.carregar(ArquivoAvaliacao, params).metas == a.metas  # a changed copy reaches no one
    params.write_text(params.read_text(encoding="utf-8") + "\n# editado\n", encoding="utf-8")
    arquivo.carregar(ArquivoAvaliacao, params)
    assert len(leituras) == 4
    params.write_text("metas: [\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ParametrosInvalidos):
            arquivo.carregar(ArquivoAvaliacao, params)
    assert len(leituras) == 6
