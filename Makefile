# Porta de entrada do projeto. Comandos do README:
#   make run   — cria o ambiente (.venv), instala o projeto e gera todos os documentos do exemplo em outputs/
#   make test  — cria/atualiza o ambiente com o extra de testes e roda a suíte inteira
# Outros: make test-rapido (a suíte sem os testes marcados `lento`), make referencias (regera as referências revisadas
# das saídas dos notebooks executados, tests/referencias/*.json, ver docs/testes.md), make lab, make limpar.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip

.PHONY: run test test-rapido referencias lab navegador limpar

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip

$(VENV)/.base: $(BIN)/python pyproject.toml
	$(PIP) install -q -e .
	touch $@

$(VENV)/.testes: $(VENV)/.base
	$(PIP) install -q -e '.[test]'
	touch $@

run: $(VENV)/.base
	$(BIN)/cras run --dados data/exemplo --params params/exemplo.yaml --saida outputs

test: $(VENV)/.testes navegador
	$(BIN)/python -m pytest

# A suíte sem os testes que executam notebooks, o comando completo, o navegador ou a instalação (segundos).
test-rapido: $(VENV)/.testes
	$(BIN)/python -m pytest -m "not lento"

# Chromium do Debian para o teste de navegador (abre o HTML sem rede).
navegador:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

# Regera tests/referencias/ (saídas dos notebooks executados no exemplo, revisadas) depois de mudar o texto de um documento.
referencias: $(VENV)/.testes
	cd tests && PYTHONPATH=. ../$(BIN)/python -m apoio.referencias

lab: $(VENV)/.testes
	$(BIN)/jupyter lab notebooks/

limpar:
	rm -rf $(VENV) outputs/html outputs/notebooks outputs/manifest.json outputs/logs
