"""A real orderd for the tests: started on a free port with a temporary data directory."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


def orderd_binary() -> str:
    """$ORDERD_BIN, else ../../.build/debug/orderd, else the prebuilt /tmp/orderd-bin/orderd."""
    if "ORDERD_BIN" in os.environ:
        return os.environ["ORDERD_BIN"]
    for candidate in (HERE / "../../.build/debug/orderd", Path("/tmp/orderd-bin/orderd")):
        if candidate.exists():
            return str(candidate.resolve())
    raise RuntimeError("no orderd binary: set ORDERD_BIN")


class OrderdServer:
    """One orderd process on a simulated clock; `restart` keeps its port and data directory."""

    def __init__(self, data_dir: Path, *extra_args: str) -> None:
        self.data_dir = data_dir
        self.extra_args = list(extra_args)
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None
        self.log = data_dir.parent / f"{data_dir.name}.log"

    def start(self) -> None:
        """Starts orderd and waits until it listens."""
        self.log.write_bytes(b"")
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                [orderd_binary(), "serve", "--data-dir", str(self.data_dir), "--port", str(self.port),
                 "--clock", "simulated:2027-01-01T00:00:00Z", "--grace-period", "1", "--log-level", "notice", *self.extra_args],
                stdout=out, stderr=subprocess.STDOUT, close_fds=True,
            )  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            match = re.search(r"address=[^ ]*:(\d+) .*listening", self.log.read_text())
            if match:
                self.port = int(match.group(1))
                return
            if self.process.poll() is not None:
                raise RuntimeError(f"orderd exited: {self.log.read_text()}")
            time.sleep(0.05)
        raise RuntimeError(f"orderd did not start: {self.log.read_text()}")

    @property
    def root_key(self) -> str:
        """The root organization's admin key, written on first start."""
        return (self.data_dir / "root-admin.key").read_text().strip()

    def stop(self, sig: signal.Signals = signal.SIGTERM) -> None:
        """Stops the process with `sig` and waits for it."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def restart(self, sig: signal.Signals) -> None:
        """Stops with `sig` and starts again on the same port and data directory."""
        self.stop(sig)
        self.start()
