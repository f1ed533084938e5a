from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor

class OrganizationKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ORGANIZATION_KIND_UNSPECIFIED: _ClassVar[OrganizationKind]
    ORGANIZATION_KIND_ROOT: _ClassVar[OrganizationKind]
    ORGANIZATION_KIND_TENANT: _ClassVar[OrganizationKind]
    ORGANIZATION_KIND_COUNTRY_TENANT: _ClassVar[OrganizationKind]

class Role(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ROLE_UNSPECIFIED: _ClassVar[Role]
    ROLE_ADMIN: _ClassVar[Role]
    ROLE_STOREFRONT: _ClassVar[Role]

class AccountKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ACCOUNT_KIND_UNSPECIFIED: _ClassVar[AccountKind]
    ACCOUNT_KIND_CUSTOMER: _ClassVar[AccountKind]
    ACCOUNT_KIND_RESELLER: _ClassVar[AccountKind]

class ProductKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PRODUCT_KIND_UNSPECIFIED: _ClassVar[ProductKind]
    PRODUCT_KIND_SUBSCRIPTION: _ClassVar[ProductKind]
    PRODUCT_KIND_ADDON: _ClassVar[ProductKind]
    PRODUCT_KIND_ASSET: _ClassVar[ProductKind]
    PRODUCT_KIND_ONE_OFF: _ClassVar[ProductKind]
    PRODUCT_KIND_TRIAL: _ClassVar[ProductKind]

class Vendor(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    VENDOR_UNSPECIFIED: _ClassVar[Vendor]
    VENDOR_MICROSOFT: _ClassVar[Vendor]
    VENDOR_MICROSOFT_LEGACY: _ClassVar[Vendor]
    VENDOR_GENERIC: _ClassVar[Vendor]

class PricingType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PRICING_TYPE_UNSPECIFIED: _ClassVar[PricingType]
    PRICING_TYPE_PREPAID_RECURRING: _ClassVar[PricingType]
    PRICING_TYPE_POSTPAID_RECURRING: _ClassVar[PricingType]
    PRICING_TYPE_ONE_TIME: _ClassVar[PricingType]

class BillingCycle(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    BILLING_CYCLE_UNSPECIFIED: _ClassVar[BillingCycle]
    BILLING_CYCLE_MONTHLY: _ClassVar[BillingCycle]
    BILLING_CYCLE_ANNUAL: _ClassVar[BillingCycle]

class Term(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    TERM_UNSPECIFIED: _ClassVar[Term]
    TERM_P1M: _ClassVar[Term]
    TERM_P1Y: _ClassVar[Term]
    TERM_P3Y: _ClassVar[Term]

class OrderType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ORDER_TYPE_UNSPECIFIED: _ClassVar[OrderType]
    ORDER_TYPE_SO: _ClassVar[OrderType]
    ORDER_TYPE_RN: _ClassVar[OrderType]
    ORDER_TYPE_BO: _ClassVar[OrderType]
    ORDER_TYPE_CH: _ClassVar[OrderType]
    ORDER_TYPE_PO: _ClassVar[OrderType]
    ORDER_TYPE_CL: _ClassVar[OrderType]
    ORDER_TYPE_CF: _ClassVar[OrderType]
    ORDER_TYPE_RC: _ClassVar[OrderType]
ORGANIZATION_KIND_UNSPECIFIED: OrganizationKind
ORGANIZATION_KIND_ROOT: OrganizationKind
ORGANIZATION_KIND_TENANT: OrganizationKind
ORGANIZATION_KIND_COUNTRY_TENANT: OrganizationKind
ROLE_UNSPECIFIED: Role
ROLE_ADMIN: Role
ROLE_STOREFRONT: Role
ACCOUNT_KIND_UNSPECIFIED: AccountKind
ACCOUNT_KIND_CUSTOMER: AccountKind
ACCOUNT_KIND_RESELLER: AccountKind
PRODUCT_KIND_UNSPECIFIED: ProductKind
PRODUCT_KIND_SUBSCRIPTION: ProductKind
PRODUCT_KIND_ADDON: ProductKind
PRODUCT_KIND_ASSET: ProductKind
PRODUCT_KIND_ONE_OFF: ProductKind
PRODUCT_KIND_TRIAL: ProductKind
VENDOR_UNSPECIFIED: Vendor
VENDOR_MICROSOFT: Vendor
VENDOR_MICROSOFT_LEGACY: Vendor
VENDOR_GENERIC: Vendor
PRICING_TYPE_UNSPECIFIED: PricingType
PRICING_TYPE_PREPAID_RECURRING: PricingType
PRICING_TYPE_POSTPAID_RECURRING: PricingType
PRICING_TYPE_ONE_TIME: PricingType
BILLING_CYCLE_UNSPECIFIED: BillingCycle
BILLING_CYCLE_MONTHLY: BillingCycle
BILLING_CYCLE_ANNUAL: BillingCycle
TERM_UNSPECIFIED: Term
TERM_P1M: Term
TERM_P1Y: Term
TERM_P3Y: Term
ORDER_TYPE_UNSPECIFIED: OrderType
ORDER_TYPE_SO: OrderType
ORDER_TYPE_RN: OrderType
ORDER_TYPE_BO: OrderType
ORDER_TYPE_CH: OrderType
ORDER_TYPE_PO: OrderType
ORDER_TYPE_CL: OrderType
ORDER_TYPE_CF: OrderType
ORDER_TYPE_RC: OrderType

class Money(_message.Message):
    __slots__ = ("currency", "minor_units")
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    MINOR_UNITS_FIELD_NUMBER: _ClassVar[int]
    currency: str
    minor_units: int
    def __init__(self, currency: _Optional[str] = ..., minor_units: _Optional[int] = ...) -> None: ...
