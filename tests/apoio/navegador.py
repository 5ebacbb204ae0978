"""A real browser for the tests: Debian's Chromium, headless, with the network off, driven over the DevTools
protocol on a pipe (``--remote-debugging-pipe``): no driver, no extra package, no port.

Without Chromium, ``chromium()`` skips the test, except under CI (``CI`` set), where it fails: there the set-up
(``make navegador``, called by ``make test``) must have installed it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

_CARREGAR_IMAGENS = """
Promise.all(Array.from(document.images).map(i => i.complete ? null
    : new Promise(r => { i.addEventListener('load', r); i.addEventListener('error', r); })))
  .then(() => Array.from(document.images).map(i => ({src: i.src.slice(0, 40), largura: i.naturalWidth, alt: i.alt})))
"""


def chromium() -> str:
    executavel = shutil.which("chromium") or (
        "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
    )
    if executavel is None:
        mensagem = "Chromium não encontrado: instale o pacote Debian 'chromium' (make navegador)"
        if os.environ.get("CI"):
            pytest.fail(mensagem)
        pytest.skip(mensagem)
    return executavel


class Navegador:
    """A headless Chromium and one page, spoken to in DevTools protocol messages (JSON ended by NUL)."""

    def __init__(self, executavel: str, perfil: Path):
        leitura_dele, escrita_nossa = os.pipe()
        leitura_nossa, escrita_dele = os.pipe()

        def ligar_pipe():  # the browser reads commands on fd 3 and writes answers on fd 4
            os.dup2(leitura_dele, 3)
            os.dup2(escrita_dele, 4)

        self.processo = subprocess.Popen(
            [
                executavel,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-quic",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--disable-default-apps",
                "--proxy-server=127.0.0.1:9",
                "--allow-file-access-from-files",
                f"--user-data-dir={perfil}",
                "--remote-debugging-pipe",
                "about:blank",
            ],
            preexec_fn=ligar_pipe,
            pass_fds=(3, 4),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(leitura_dele)
        os.close(escrita_dele)
        self._escrita = os.fdopen(escrita_nossa, "wb", buffering=0)
        self._leitura = os.fdopen(leitura_nossa, "rb", buffering=0)
        self._buffer = b""
        self._id = 0
        self.eventos: list[dict] = []
        alvo = self.comando("Target.createTarget", url="about:blank")["targetId"]
        self.sessao = self.comando("Target.attachToTarget", targetId=alvo, flatten=True)["sessionId"]
        for dominio in ("Page", "Runtime", "Log", "Network"):
            self.comando(f"{dominio}.enable", sessao=True)
        self.comando(
            "Network.emulateNetworkConditions",
            sessao=True,
            offline=True,
            latency=0,
            downloadThroughput=-1,
            uploadThroughput=-1,
        )

    def _mensagem(self, prazo: float) -> dict:
        while b"\0" not in self._buffer:
            if time.monotonic() > prazo:
                raise TimeoutError("o navegador não respondeu a tempo")
            bloco = self._leitura.read(65536)
            if not bloco:
                raise RuntimeError("o navegador fechou o canal de controle")
            self._buffer += bloco
        mensagem, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(mensagem)

    def comando(self, metodo: str, sessao: bool = False, tempo: float = 30, **parametros) -> dict:
        self._id += 1
        pedido = {"id": self._id, "method": metodo, "params": parametros}
        if sessao:
            pedido["sessionId"] = self.sessao
        self._escrita.write(json.dumps(pedido).encode() + b"\0")
        prazo = time.monotonic() + tempo
        while True:
            mensagem = self._mensagem(prazo)
            if mensagem.get("id") == self._id:
                if "error" in mensagem:
                    raise RuntimeError(f"{metodo}: {mensagem['error']}")
                return mensagem["result"]
            self.eventos.append(mensagem)

    def esperar_evento(self, metodo: str, tempo: float = 30) -> dict:
        prazo = time.monotonic() + tempo
        while True:
            if any(e.get("method") == metodo for e in self.eventos):
                return next(e for e in self.eventos if e.get("method") == metodo)
            self.eventos.append(self._mensagem(prazo))

    def abrir(self, arquivo: Path, largura: int = 1280) -> dict:
        """Open a local page at a screen width; returns what the page and the browser reported."""
        self.eventos.clear()
        self.comando(
            "Emulation.setDeviceMetricsOverride",
            sessao=True,
            width=largura,
            height=900,
            deviceScaleFactor=1,
            mobile=largura < 600,
        )
        self.comando("Page.navigate", sessao=True, url=arquivo.as_uri())
        self.esperar_evento("Page.loadEventFired")
        imagens = self.avaliar(_CARREGAR_IMAGENS)
        largura_pagina = self.avaliar("document.documentElement.scrollWidth")
        self.comando("Runtime.evaluate", sessao=True, expression="0")  # drain late events
        pedidos = [
            e["params"]["request"]["url"]
            for e in self.eventos
            if e.get("method") == "Network.requestWillBeSent"
        ]
        erros = [e["params"] for e in self.eventos if e.get("method") == "Runtime.exceptionThrown"]
        erros += [
            e["params"]
            for e in self.eventos
            if e.get("method") == "Runtime.consoleAPICalled" and e["params"]["type"] in ("error", "assert")
        ]
        erros += [
            e["params"]["entry"]
            for e in self.eventos
            if e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] == "error"
        ]
        return {
            "imagens": imagens,
            "erros": erros,
            "pedidos": pedidos,
            "largura_pagina": largura_pagina,
            "titulo": self.avaliar("document.title"),
            "lang": self.avaliar("document.documentElement.lang"),
        }

    def avaliar(self, expressao: str):
        resposta = self.comando(
            "Runtime.evaluate", sessao=True, expression=expressao, awaitPromise=True, returnByValue=True
        )
        assert "exceptionDetails" not in resposta, resposta
        return resposta["result"].get("value")

    def fechar(self) -> None:
        try:
            self.comando("Browser.close", tempo=5)
        except (RuntimeError, TimeoutError, OSError):
            pass
        try:
            self.processo.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.processo.kill()
            self.processo.wait()
        self._escrita.close()
        self._leitura.close()
