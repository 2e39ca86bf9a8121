"""A tiny local model server speaking two wire protocols, for testing the real LangChain clients.

- OpenAI chat completions: ``POST /v1/chat/completions``, streamed as server-sent events (``data: {...}``,
  then ``data: [DONE]``), or one JSON body when ``stream`` is false.
- Ollama: ``POST /api/chat``, streamed as newline-delimited JSON, the last object with ``"done": true``.

The reply is scripted per test (:class:`Script`): its chunks, a delay before the first one (to trigger the
client's timeout), a cut after some chunks (the connection closes mid-body, as a crashed server would), or a
trickle of one byte at a time (each read gets something, so only a deadline for the whole reply ends it).
Every request body is kept so tests can see what the client sent.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Script:
    chunks: list[str] = field(default_factory=lambda: ["Hello", " there."])
    delay: float = 0.0  # seconds before the first chunk
    cut_after: int | None = None  # close the connection after this many chunks
    status: int = 200
    trickle: float = 0.0  # seconds between single bytes of the body (a server that never quite stalls)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: FakeModelServer

    def log_message(self, *args) -> None:  # keep test output quiet
        pass

    def _body(self) -> dict:
        length = int(self.headers.get("Content-Length") or 0)
        return json.loads(self.rfile.read(length) or b"{}")

    def _chunk(self, data: bytes) -> None:
        trickle = self.server.script.trickle
        if not trickle:
            self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
            self.wfile.flush()
            return
        for byte in data:  # one byte per chunk, each after a pause: every read gets something, slowly
            time.sleep(trickle)
            self.wfile.write(b"1\r\n" + bytes([byte]) + b"\r\n")
            self.wfile.flush()

    def _start(self, content_type: str) -> None:
        self.send_response(self.server.script.status)
        self.send_header("Content-Type", content_type)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()

    def _stream(self, pieces: list[bytes], tail: list[bytes]) -> None:
        script = self.server.script
        time.sleep(script.delay)
        for i, piece in enumerate(pieces):
            if script.cut_after is not None and i >= script.cut_after:
                self.close_connection = True
                self.wfile.flush()
                self.connection.shutdown(2)  # mid-body: no terminating chunk
                return
            self._chunk(piece)
        for piece in tail:
            self._chunk(piece)
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def do_GET(self) -> None:  # /api/tags, /v1/models: enough for a liveness probe
        body = json.dumps({"models": [], "data": []}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        body = self._body()
        self.server.requests.append({"path": self.path, "body": body})
        script = self.server.script
        if script.status != 200:
            payload = json.dumps({"error": {"message": "model not found"}}).encode()
            self.send_response(script.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
            return
        try:
            if self.path.endswith("/chat/completions"):
                self._openai(body)
            elif self.path == "/api/chat":
                self._ollama(body)
            else:
                self.send_error(404)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (its timeout): fine
            self.close_connection = True

    def _openai(self, body: dict) -> None:
        model = body.get("model", "m")
        script = self.server.script
        if not body.get("stream"):
            time.sleep(script.delay)
            payload = json.dumps(
                {
                    "id": "chatcmpl-1",
                    "object": "chat.completion",
                    "created": 0,
                    "model": model,
                    "choices": [
                        {
                            "index": 0,
                            "message": {"role": "assistant", "content": "".join(script.chunks)},
                            "finish_reason": "stop",
                        }
                    ],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                }
            ).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
            return

        def event(delta: dict, finish: str | None = None) -> bytes:
            data = {
                "id": "chatcmpl-1",
                "object": "chat.completion.chunk",
                "created": 0,
                "model": model,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
            }
            return f"data: {json.dumps(data)}\n\n".encode()

        pieces = [event({"role": "assistant", "content": c}) for c in script.chunks]
        self._start("text/event-stream")
        self._stream(pieces, [event({}, "stop"), b"data: [DONE]\n\n"])

    def _ollama(self, body: dict) -> None:
        model = body.get("model", "m")

        def line(content: str, done: bool) -> bytes:
            data = {
                "model": model,
                "created_at": "2025-01-01T00:00:00Z",
                "message": {"role": "assistant", "content": content},
                "done": done,
            }
            if done:
                data.update(done_reason="stop", total_duration=1, eval_count=1, prompt_eval_count=1)
            return (json.dumps(data) + "\n").encode()

        pieces = [line(c, False) for c in self.server.script.chunks]
        self._start("application/x-ndjson")
        self._stream(pieces, [line("", True)])


class FakeModelServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.script = Script()
        self.requests: list[dict] = []
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> FakeModelServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()
        self.server_close()
