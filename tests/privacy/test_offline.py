"""Offline and silent: the switches are set, Streamlit's usage statistics are off, and the CLI and the app
work inside a network namespace that has no network at all (``unshare -n``)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from network_audit import LAUNCHER, attempts

from haven.privacy import enforce_offline
from haven.privacy.offline import OFFLINE_ENV

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def test_enforce_offline_sets_every_switch(monkeypatch):
    for name in OFFLINE_ENV:
        monkeypatch.delenv(name, raising=False)
    enforce_offline()
    assert os.environ["HF_HUB_OFFLINE"] == "1" and os.environ["TRANSFORMERS_OFFLINE"] == "1"
    assert os.environ["ANONYMIZED_TELEMETRY"] == "False"
    assert os.environ["STREAMLIT_BROWSER_GATHER_USAGE_STATS"] == "false"


def test_streamlit_usage_statistics_are_off():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False


def _no_network_available() -> str | None:
    """Why the no-network tests cannot run here (None: they can)."""
    if shutil.which("unshare") is None:
        return "unshare is not installed"
    try:
        probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"unshare -n failed: {error}"
    if probe.returncode != 0:
        return f"unshare -n is not permitted here (needs root or user namespaces): {probe.stderr.strip()}"
    return None


needs_unshare = pytest.mark.skipif(_no_network_available() is not None, reason=str(_no_network_available()))


def _env_without_offline_switches(tmp_path: Path) -> dict[str, str]:
    """The environment of a person who set nothing: Haven itself must keep things offline."""
    env = {k: v for k, v in os.environ.items() if k not in OFFLINE_ENV and not k.startswith("HAVEN_")}
    # the session's data dir (a tmp dir) holds the library index already built by the fixture
    env["HAVEN_DATA_DIR"] = os.environ["HAVEN_DATA_DIR"]
    env["HAVEN_DATABASE_URL"] = f"sqlite:///{tmp_path / 'offline.db'}"
    return env


def _run_without_network(args: list[str], env: dict[str, str], timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["unshare", "-n", *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )


def _commands() -> set[str]:
    from haven.cli import app

    return {c.name or c.callback.__name__ for c in app.registered_commands}


@needs_unshare
def test_the_cli_works_with_no_network(library_search, tmp_path):
    env = _env_without_offline_switches(tmp_path)
    haven = str(BIN / "haven")
    assert _run_without_network(["python3", "-c", _CANNOT_CONNECT], env).returncode == 0  # really no network

    searched = _run_without_network([haven, "search", "worry", "--k", "1"], env)
    assert searched.returncode == 0, searched.stderr
    assert searched.stdout.startswith("[1] ")

    scored = _run_without_network([haven, "score", "phq9", *["0"] * 9, "--save"], env)
    assert scored.returncode == 0, scored.stderr
    assert '"total": 0' in scored.stdout

    if "triage" in _commands():
        triaged = _run_without_network([haven, "triage", "hello"], env)
        assert triaged.returncode == 0, triaged.stderr
        assert '"level"' in triaged.stdout
    if "chat" in _commands():
        chatted = _run_without_network([haven, "chat", "I keep worrying about work", "--json"], env)
        assert chatted.returncode == 0, chatted.stderr
        assert json.loads(chatted.stdout)["reply"]

    exported = _run_without_network([haven, "export", "--out", str(tmp_path / "e.json")], env)
    assert exported.returncode == 0, exported.stderr
    assert '"assessments": 1' in exported.stdout


_CANNOT_CONNECT = """
import socket, sys
try:
    socket.create_connection(("1.1.1.1", 443), timeout=3)
except OSError:
    sys.exit(0)
sys.exit(1)
"""

_PROBE = """
import sys, time, urllib.request
url = sys.argv[1]
for _ in range(240):
    try:
        print(urllib.request.urlopen(url, timeout=2).read().decode()); sys.exit(0)
    except Exception:
        time.sleep(0.5)
print("no answer from " + url); sys.exit(1)
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@needs_unshare
def test_the_app_serves_with_no_network(tmp_path):
    env = _env_without_offline_switches(tmp_path)
    env["HAVEN_DATA_DIR"] = str(tmp_path / "data")
    port = _free_port()
    probe = tmp_path / "probe.py"
    probe.write_text(_PROBE, encoding="utf-8")
    launcher, network_log = tmp_path / "audited.py", tmp_path / "network.log"
    launcher.write_text(LAUNCHER, encoding="utf-8")  # records (and refuses) any lookup beyond loopback
    script = (  # no --server.address: .streamlit/config.toml must keep the server on loopback by itself
        "ip link set lo up && "
        f"{sys.executable} {launcher} {network_log} streamlit run app.py --server.port {port} "
        f"> {tmp_path / 'server.log'} 2>&1 & server=$!; "
        f"{sys.executable} {probe} http://127.0.0.1:{port}/_stcore/health; status=$?; "
        "kill $server; wait $server; exit $status"
    )
    process = subprocess.Popen(
        ["unshare", "-n", "sh", "-c", script], env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, start_new_session=True,
    )  # fmt: skip
    try:
        out, err = process.communicate(timeout=180)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        out, err = process.communicate()
    log = (tmp_path / "server.log").read_text(encoding="utf-8", errors="replace")
    assert process.returncode == 0, f"{out}\n{err}\n{log}"
    assert out.strip().splitlines()[-1] == "ok"
    assert attempts(network_log) == [], "the app tried to reach the network (e.g. to look up its external IP)"
