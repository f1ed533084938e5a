"""Fixtures: a real orderd (one per session, or a private one), and clients of it."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from server import OrderdServer  # noqa: E402

import orderd  # noqa: E402


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OrderdServer]:
    """An orderd shared by the tests that do not restart it."""
    srv = OrderdServer(tmp_path_factory.mktemp("orderd") / "data")
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture
def private_server(tmp_path: Path) -> Iterator[OrderdServer]:
    """An orderd of the test's own, which it may kill and restart."""
    srv = OrderdServer(tmp_path / "data")
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture
async def client(server: OrderdServer) -> AsyncIterator[orderd.Client]:
    """A root-admin client of the shared server."""
    async with orderd.Client("127.0.0.1", server.port, server.root_key) as c:
        yield c
