"""Throw-away servers on loopback for tests of the 'beyond one machine' layout: Chroma and PostgreSQL.

Each starts in a temporary folder on a free port and is stopped at the end of the test session. Where a
server cannot be started (no PostgreSQL binaries), tests that need it are skipped locally and fail in CI
(CI=true), so CI never passes by silently running nothing.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PG_BIN_DIRS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def unavailable(reason: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI needs this server and it could not be started: {reason}")
    pytest.skip(reason)


def _wait(check, seconds: float, what: str, log: Path) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise RuntimeError(f"{what} did not start in {seconds:.0f} s; log:\n{log.read_text(errors='replace')[-2000:]}")


def _answers(url: str) -> bool:
    """True once ``url`` answers 200 (a server's health or discovery address)."""
    try:
        with urllib.request.urlopen(url, timeout=1) as resp:
            return resp.status == 200
    except OSError:
        return False


def _stop(proc: subprocess.Popen, folder: Path) -> None:
    """Stop a server started here (kill it if it does not stop in 10 s) and remove its temporary folder."""
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    shutil.rmtree(folder, ignore_errors=True)


class ChromaServer:
    """`chroma run` from the chromadb package, on 127.0.0.1."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="haven-chroma-"))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        exe = Path(sys.executable).with_name("chroma")
        if not exe.exists():
            unavailable(f"no chroma executable beside {sys.executable}")
        self.log = self.dir / "chroma.log"
        env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
        self.proc = subprocess.Popen(
            [str(exe), "run", "--path", str(self.dir / "data"), "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=self.log.open("w"), stderr=subprocess.STDOUT, env=env,
        )
        _wait(lambda: _answers(f"{self.url}/api/v2/heartbeat"), 60, "chroma run", self.log)

    def stop(self) -> None:
        _stop(self.proc, self.dir)


class PostgresServer:
    """A private PostgreSQL cluster (initdb) on 127.0.0.1, run as the `postgres` user when we are root."""

    def __init__(self) -> None:
        if not PG_BIN_DIRS:
            unavailable("PostgreSQL is not installed (Debian package: postgresql)")
        self.bin = PG_BIN_DIRS[0]
        self.dir = Path(tempfile.mkdtemp(prefix="haven-pg-"))
        self.port = free_port()
        self.as_user: list[str] = []
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            shutil.chown(self.dir, "postgres", "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self.log = self.dir / "pg.log"
        data = self.dir / "data"
        self._run([str(self.bin / "initdb"), "-D", str(data), "-U", "haven", "--auth=trust", "-E", "UTF8"])
        self._run([
            str(self.bin / "pg_ctl"), "-D", str(data), "-l", str(self.log), "-w", "-t", "60",
            "-o", f"-h 127.0.0.1 -p {self.port} -k {self.dir}", "start",
        ])
        self.data = data
        self.url = f"postgresql+psycopg://haven@127.0.0.1:{self.port}/postgres"

    def _run(self, cmd: list[str]) -> None:
        result = subprocess.run(self.as_user + cmd, capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed: {result.stderr[-2000:]}")

    def create_database(self, name: str) -> str:
        self._run([str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "haven", name])
        return self.url.rsplit("/", 1)[0] + f"/{name}"

    def create_app_database(self, name: str, role: str = "haven_app") -> str:
        """A fresh database owned by an ordinary role (not a superuser, no BYPASSRLS), and its URL as that role.

        Clinic mode needs this: PostgreSQL's row-level security never binds a superuser, and the cluster's
        own ``haven`` user is one, so Haven refuses to open a clinic database as it.
        """
        from sqlalchemy import create_engine, text

        admin = create_engine(self.url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            if not conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}):
                conn.execute(text(f'CREATE ROLE "{role}" LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE'))
        admin.dispose()
        self._run([str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "haven", "-O", role,
                   name])  # fmt: skip
        return f"postgresql+psycopg://{role}@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        subprocess.run(self.as_user + [str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "stop"],
                       capture_output=True)
        shutil.rmtree(self.dir, ignore_errors=True)


class OidcProvider:
    """An OpenID Connect provider for tests (the `oidc-provider-mock` package) on 127.0.0.1.

    Its sign-in page lists the ``users`` (each a claims dict with a ``sub``) as one button each; it signs
    tokens with its own key and serves discovery at ``metadata_url``. Any client id and secret are accepted.
    """

    def __init__(self, users: list[dict]) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="haven-oidc-"))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.metadata_url = f"{self.url}/.well-known/openid-configuration"
        self.log = self.dir / "oidc.log"
        command = [sys.executable, "-m", "oidc_provider_mock", "--host", "127.0.0.1", "--port", str(self.port)]
        for user in users:
            command += ["--user-claims", json.dumps(user)]
        self.proc = subprocess.Popen(command, stdout=self.log.open("w"), stderr=subprocess.STDOUT,
                                     env={**os.environ, "NO_COLOR": "1"})  # fmt: skip
        _wait(lambda: _answers(self.metadata_url), 60, "oidc-provider-mock", self.log)

    def stop(self) -> None:
        _stop(self.proc, self.dir)


def serve_app(env: dict, data_dir: str, *options: str, port: int | None = None):
    """Start `streamlit run app.py` on loopback (``port``, or a free one) with ``env`` and Streamlit
    ``options`` (such as ``--secrets.files``); yield its base URL once healthy, and stop it afterwards. The
    log goes to ``<data_dir>/streamlit.log`` and is shown if it does not start."""
    port = port or free_port()
    log = Path(data_dir) / "streamlit.log"
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port),
               "--server.address", "127.0.0.1", "--server.headless", "true", *options]  # fmt: skip
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                if resp.read() == b"ok":
                    break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail(f"streamlit did not start; log:\n{log.read_text()[-3000:]}")
    yield url
    proc.terminate()
    proc.wait(timeout=20)
