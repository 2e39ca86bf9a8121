"""The app listens only on this computer and never looks itself up on the network.

Headless Streamlit with no address set listens on every interface and asks a public service for its
external IP at start. Haven's .streamlit/config.toml sets ``server.address`` and ``browser.serverAddress``;
this starts the real server (no command-line flags, so the config file is what counts) with every network
attempt recorded and refused.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
import tomllib
import urllib.request

from fault_helpers import ROOT
from network_audit import attempts, audited, listening_addresses
from services import free_port


def test_config_pins_the_server_to_this_computer():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["address"] == "127.0.0.1"
    assert config["browser"]["serverAddress"] in ("localhost", "127.0.0.1")


def _wait_until_serving(url: str, log, process, seconds: float = 180) -> None:
    """Poll the health URL and wait for the start-up banner (the external-IP lookup happens just before it)."""
    ends = time.monotonic() + seconds
    while time.monotonic() < ends and process.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200 and "URL:" in log.read_text(encoding="utf-8", errors="replace"):
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"the server did not start:\n{log.read_text(encoding='utf-8', errors='replace')[-3000:]}")


def test_the_server_listens_on_loopback_only_and_looks_nothing_up(tmp_path):
    port = free_port()
    network_log, server_log = tmp_path / "network.log", tmp_path / "server.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HAVEN_", "STREAMLIT_"))}
    env |= {"HAVEN_DATA_DIR": str(tmp_path / "data"), "HAVEN_DATABASE_URL": f"sqlite:///{tmp_path / 'h.db'}"}
    command = audited(network_log, "streamlit", "run", "app.py", "--server.port", str(port))
    with server_log.open("w") as out:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        _wait_until_serving(f"http://127.0.0.1:{port}/_stcore/health", server_log, process)
        listening = listening_addresses(port)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert attempts(network_log) == [], "the server tried to use the network"
    assert listening == {"127.0.0.1"}, listening
    banner = server_log.read_text(encoding="utf-8", errors="replace")
    assert "External URL" not in banner and "Network URL" not in banner
