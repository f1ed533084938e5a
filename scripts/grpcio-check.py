#!/usr/bin/env python3
"""Calls a running orderd's standard gRPC port (`orderd --grpc-port N`) from Python's grpcio,
with stubs generated now from protocol/*.proto by grpcio-tools (issue 12). Starts nothing:

    scripts/grpcio-check.py --port 50051 --key-file DATA_DIR/root-admin.key

Needs `pip install grpcio grpcio-tools`. Prints one line per check and exits non-zero on the
first failure.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.resources
import sys
import tempfile
import uuid
from pathlib import Path

import grpc
from grpc_tools import protoc

PROTOCOL = Path(__file__).resolve().parent.parent / "protocol"


def generate(out: Path) -> None:
    """Python messages and stubs for orders/v1 and the health service, into `out`."""
    well_known = str(importlib.resources.files("grpc_tools") / "_proto")
    orders = sorted(str(p.relative_to(PROTOCOL)) for p in (PROTOCOL / "orders" / "v1").glob("*.proto"))
    args = ["protoc", f"-I{PROTOCOL}", f"-I{well_known}", f"--python_out={out}", f"--grpc_python_out={out}"]
    if protoc.main(args + orders) != 0:
        sys.exit("grpcio-check: protoc failed on orders/v1")
    # health.proto from its own folder: a top-level `health_pb2`, since `grpc` is grpcio's package.
    health_dir = PROTOCOL / "grpc" / "health" / "v1"
    args = ["protoc", f"-I{health_dir}", f"--python_out={out}", f"--grpc_python_out={out}", "health.proto"]
    if protoc.main(args) != 0:
        sys.exit("grpcio-check: protoc failed on health.proto")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--key-file", required=True, help="the root admin key (DATA_DIR/root-admin.key)")
    options = parser.parse_args()
    root_key = Path(options.key_file).read_text().strip()

    out = Path(tempfile.mkdtemp(prefix="orderd-grpcio-"))
    generate(out)
    sys.path.insert(0, str(out))
    health_pb2 = importlib.import_module("health_pb2")
    health_grpc = importlib.import_module("health_pb2_grpc")
    common = importlib.import_module("orders.v1.common_pb2")
    orgs = importlib.import_module("orders.v1.organizations_pb2")
    orgs_grpc = importlib.import_module("orders.v1.organizations_pb2_grpc")
    accounts = importlib.import_module("orders.v1.accounts_pb2")
    accounts_grpc = importlib.import_module("orders.v1.accounts_pb2_grpc")
    catalog = importlib.import_module("orders.v1.catalog_pb2")
    catalog_grpc = importlib.import_module("orders.v1.catalog_pb2_grpc")
    orders = importlib.import_module("orders.v1.orders_pb2")
    orders_grpc = importlib.import_module("orders.v1.orders_pb2_grpc")

    passed = 0

    def check(name: str, condition: bool, detail: object = "") -> None:
        nonlocal passed
        if not condition:
            print(f"grpcio-check: FAILED: {name} {detail}")
            print(f"grpcio-check: {passed} passed, 1 failed")
            sys.exit(1)
        passed += 1
        print(f"grpcio-check: ok: {name}")

    with grpc.insecure_channel(f"{options.host}:{options.port}") as channel:
        grpc.channel_ready_future(channel).result(timeout=30)

        health = health_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=10)
        check("health Check without a key is SERVING", health.status == health_pb2.HealthCheckResponse.SERVING)

        try:
            accounts_grpc.AccountServiceStub(channel).ListAccounts(accounts.ListAccountsRequest(), timeout=10)
            check("a call without a key is refused", False, "it succeeded")
        except grpc.RpcError as error:
            check("a call without a key is UNAUTHENTICATED", error.code() == grpc.StatusCode.UNAUTHENTICATED, error)

        def auth(key: str) -> list[tuple[str, str]]:
            return [("authorization", f"Bearer {key}")]

        created = orgs_grpc.OrganizationServiceStub(channel).CreateOrganization(
            orgs.CreateOrganizationRequest(name=f"grpcio {uuid.uuid4().hex[:8]}", kind=common.ORGANIZATION_KIND_TENANT),
            metadata=auth(root_key), timeout=10)
        tenant = auth(created.admin_key.secret)
        account = accounts_grpc.AccountServiceStub(channel).CreateAccount(
            accounts.CreateAccountRequest(name="Python Ltd", kind=common.ACCOUNT_KIND_CUSTOMER),
            metadata=tenant, timeout=10)
        catalog_grpc.CatalogServiceStub(channel).CreateProduct(
            catalog.CreateProductRequest(
                product=catalog.Product(sku="PY-SEAT", name="Seat", kind=common.PRODUCT_KIND_SUBSCRIPTION),
                price="4.00"),
            metadata=tenant, timeout=10)
        stub = orders_grpc.OrderServiceStub(channel)
        placed = stub.PlaceOrder(
            orders.PlaceOrderRequest(account_id=account.id, items=[orders.OrderItem(sku="PY-SEAT", quantity=2)]),
            metadata=tenant, timeout=10)
        read = stub.GetOrder(orders.GetOrderRequest(id=placed.id), metadata=tenant, timeout=10)
        check("an order placed over HTTP/2 reads back", read.id == placed.id and read.number == placed.number, read)
        check("its total is 2 x 4.00", read.total.minor_units == 800, read.total)

    print(f"grpcio-check: {passed} passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
