from . import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Product(_message.Message):
    __slots__ = ("sku", "name", "kind", "vendor", "pricing", "billing_cycles", "terms", "unit_price", "min_quantity", "max_quantity", "auto_provisioned", "upgrades_to", "addon_of")
    SKU_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    VENDOR_FIELD_NUMBER: _ClassVar[int]
    PRICING_FIELD_NUMBER: _ClassVar[int]
    BILLING_CYCLES_FIELD_NUMBER: _ClassVar[int]
    TERMS_FIELD_NUMBER: _ClassVar[int]
    UNIT_PRICE_FIELD_NUMBER: _ClassVar[int]
    MIN_QUANTITY_FIELD_NUMBER: _ClassVar[int]
    MAX_QUANTITY_FIELD_NUMBER: _ClassVar[int]
    AUTO_PROVISIONED_FIELD_NUMBER: _ClassVar[int]
    UPGRADES_TO_FIELD_NUMBER: _ClassVar[int]
    ADDON_OF_FIELD_NUMBER: _ClassVar[int]
    sku: str
    name: str
    kind: _common_pb2.ProductKind
    vendor: _common_pb2.Vendor
    pricing: _common_pb2.PricingType
    billing_cycles: _containers.RepeatedScalarFieldContainer[_common_pb2.BillingCycle]
    terms: _containers.RepeatedScalarFieldContainer[_common_pb2.Term]
    unit_price: _common_pb2.Money
    min_quantity: int
    max_quantity: int
    auto_provisioned: bool
    upgrades_to: _containers.RepeatedScalarFieldContainer[str]
    addon_of: str
    def __init__(self, sku: _Optional[str] = ..., name: _Optional[str] = ..., kind: _Optional[_Union[_common_pb2.ProductKind, str]] = ..., vendor: _Optional[_Union[_common_pb2.Vendor, str]] = ..., pricing: _Optional[_Union[_common_pb2.PricingType, str]] = ..., billing_cycles: _Optional[_Iterable[_Union[_common_pb2.BillingCycle, str]]] = ..., terms: _Optional[_Iterable[_Union[_common_pb2.Term, str]]] = ..., unit_price: _Optional[_Union[_common_pb2.Money, _Mapping]] = ..., min_quantity: _Optional[int] = ..., max_quantity: _Optional[int] = ..., auto_provisioned: bool = ..., upgrades_to: _Optional[_Iterable[str]] = ..., addon_of: _Optional[str] = ...) -> None: ...

class CreateProductRequest(_message.Message):
    __slots__ = ("product", "manual_provisioning", "price")
    PRODUCT_FIELD_NUMBER: _ClassVar[int]
    MANUAL_PROVISIONING_FIELD_NUMBER: _ClassVar[int]
    PRICE_FIELD_NUMBER: _ClassVar[int]
    product: Product
    manual_provisioning: bool
    price: str
    def __init__(self, product: _Optional[_Union[Product, _Mapping]] = ..., manual_provisioning: bool = ..., price: _Optional[str] = ...) -> None: ...

class ListProductsRequest(_message.Message):
    __slots__ = ("page_size", "page_token")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListProductsResponse(_message.Message):
    __slots__ = ("products", "next_page_token")
    PRODUCTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    products: _containers.RepeatedCompositeFieldContainer[Product]
    next_page_token: str
    def __init__(self, products: _Optional[_Iterable[_Union[Product, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetProductRequest(_message.Message):
    __slots__ = ("sku",)
    SKU_FIELD_NUMBER: _ClassVar[int]
    sku: str
    def __init__(self, sku: _Optional[str] = ...) -> None: ...
