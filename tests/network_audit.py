"""Run a program with every attempt to reach beyond this machine recorded and refused.

An audit hook (PEP 578) sees each ``socket.getaddrinfo``, ``socket.connect`` and ``socket.sendto`` before it
happens. Loopback is allowed; anything else (a name lookup of a public host, a connection to a public
address, Streamlit's "what is my external IP?" request) is written to a log file and refused with OSError.
Tests read the log: an empty one means the program never tried to use the network.
"""

from __future__ import annotations

import sys
from pathlib import Path

#: Runs ``python -c LAUNCHER <log file> <module> <args...>`` as ``python -m <module> <args...>`` would.
LAUNCHER = r"""
import runpy, sys

log_path, module, *args = sys.argv[1:]
LOCAL = {"localhost", "127.0.0.1", "::1", "0.0.0.0", "::", ""}

def host_of(event, args):
    if event == "socket.getaddrinfo":
        return args[0]
    if event in ("socket.connect", "socket.sendto"):
        address = args[1] if event == "socket.connect" else args[-1]
        return address[0] if isinstance(address, tuple) else None  # a str is a Unix socket
    return None

def hook(event, args):
    host = host_of(event, args)
    if host is None:
        return
    host = host.decode() if isinstance(host, bytes) else str(host)
    if host in LOCAL or host.startswith("127."):
        return
    with open(log_path, "a", encoding="utf-8") as log:
        log.write(f"{event} {host}\n")
    raise OSError(f"network use refused by the test: {event} {host}")

sys.addaudithook(hook)
sys.argv = [module, *args]
runpy.run_module(module, run_name="__main__", alter_sys=True)
"""


def audited(log: Path, module: str, *args: str) -> list[str]:
    """The command line that runs ``python -m module args`` with network use logged to ``log`` and refused."""
    return [sys.executable, "-c", LAUNCHER, str(log), module, *args]


def attempts(log: Path) -> list[str]:
    """What the program tried to reach, one line per attempt ('socket.getaddrinfo checkip.amazonaws.com')."""
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def listening_addresses(port: int) -> set[str]:
    """The local addresses a TCP socket listens on at ``port`` (from /proc/net/tcp and tcp6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.rsplit(":", 1)
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                found.add(_address(address))
    return found


def _address(hex_address: str) -> str:
    raw = bytes.fromhex(hex_address)
    if len(raw) == 4:
        return ".".join(str(b) for b in reversed(raw))
    words = [raw[i : i + 4][::-1] for i in range(0, 16, 4)]  # /proc stores each 32-bit word little-endian
    import ipaddress

    return str(ipaddress.IPv6Address(b"".join(words)))
