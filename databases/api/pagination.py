"""Cursor (keyset) pagination of the API's lists, in any of the list pages' orders.

A cursor holds the sort keys of the last record of a page, signed: the next page is the
records after them in the same order (``WHERE (k1, k2, …) after (v1, v2, …)``), so a page costs
the same at the millionth record as at the first, and records published meanwhile neither
repeat nor vanish. A "previous" cursor holds the first record's keys and a flag: the records
before them, taken in the reverse order and turned back. Any order the filters give works
(newest, title, TRL, CO₂ with nulls last, relevance), as long as its last key is unique (every
sort option ends with the id).
A cursor that was tampered with, or given with another order, is refused with a 400 naming it.
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core import signing
from django.db import connections
from django.db.models import F, OrderBy, Q
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

SALT = "databases.api.cursor"


def page_size(request):
    """The page size asked for with ``page_size`` (1 to API_MAX_PAGE_SIZE), or the default."""
    raw = request.query_params.get("page_size")
    if raw is None:
        return settings.API_PAGE_SIZE
    most = settings.API_MAX_PAGE_SIZE
    if not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= most:
        raise ValidationError(
            {"page_size": [_("Give a whole number from 1 to %(most)s.") % {"most": most}]}
        )
    return int(raw)


def ordering_keys(queryset):
    """The queryset's order as (name, descending, nulls_first) per key."""
    vendor = connections[queryset.db].vendor
    keys = []
    for item in queryset.query.order_by or queryset.model._meta.ordering:
        if isinstance(item, str):
            item = F(item[1:]).desc() if item.startswith("-") else F(item).asc()
        if not isinstance(item, OrderBy) or not isinstance(item.expression, F):
            raise TypeError(f"Cannot page by {item!r}")
        name = "pk" if item.expression.name in ("id", "pk") else item.expression.name
        if item.nulls_first or item.nulls_last:
            nulls_first = bool(item.nulls_first)
        else:
            # The database's own rule: PostgreSQL sorts nulls as the largest values,
            # SQLite as the smallest.
            nulls_first = item.descending if vendor == "postgresql" else not item.descending
        keys.append((name, item.descending, nulls_first))
    return keys


def reversed_keys(keys):
    return [(name, not descending, not nulls_first) for name, descending, nulls_first in keys]


def order_of(keys):
    """The ``order_by`` expressions of ``keys``, their nulls placed explicitly."""
    return [
        getattr(F(name), "desc" if descending else "asc")(
            **({"nulls_first": True} if nulls_first else {"nulls_last": True})
        )
        for name, descending, nulls_first in keys
    ]


def _after(name, descending, nulls_first, value):
    if value is None:
        # After a null come the non-null values when nulls come first, else only nulls.
        return Q(**{f"{name}__isnull": False}) if nulls_first else Q(pk__in=[])
    after = Q(**{f"{name}__{'lt' if descending else 'gt'}": value})
    return after if nulls_first else after | Q(**{f"{name}__isnull": True})


def _equal(name, value):
    return Q(**{f"{name}__isnull": True}) if value is None else Q(**{name: value})


def after(keys, values):
    """The records after ``values`` in the order of ``keys``."""
    condition, same = Q(pk__in=[]), Q()
    for (name, descending, nulls_first), value in zip(keys, values, strict=True):
        condition |= same & _after(name, descending, nulls_first, value)
        same &= _equal(name, value)
    name, descending, nulls_first = keys[0]
    if values[0] is not None:
        # Redundant, but a range the index on the first key can serve (the disjunction above
        # is not): PostgreSQL then starts the scan at the cursor instead of the first row.
        bound = Q(**{f"{name}__{'lte' if descending else 'gte'}": values[0]})
        condition &= bound if nulls_first else bound | Q(**{f"{name}__isnull": True})
    return condition


def _encode(value):
    if isinstance(value, datetime.datetime):
        return {"t": value.isoformat()}
    if isinstance(value, Decimal):
        return {"d": str(value)}
    return value


def _decode(value):
    if isinstance(value, dict):
        if "t" in value:
            parsed = parse_datetime(value["t"])
            if parsed is None:
                raise ValueError(value)
            return parsed
        return Decimal(value["d"])
    return value


def encode_cursor(names, values, backwards=False):
    """The signed cursor of the records after ``values`` of the sort keys ``names`` (before
    them with ``backwards``)."""
    payload = {"k": names, "v": [_encode(value) for value in values]}
    if backwards:
        payload["b"] = 1
    return signing.dumps(payload, salt=SALT, compress=True)


class KeysetPagination(BasePagination):
    cursor_query_param = "cursor"

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        size = page_size(request)
        self.keys = ordering_keys(queryset)
        raw = request.query_params.get(self.cursor_query_param)
        values, backwards = self._position(raw) if raw else (None, False)
        if backwards:
            keys = reversed_keys(self.keys)
            queryset = queryset.filter(after(keys, values)).order_by(*order_of(keys))
        elif raw:
            queryset = queryset.filter(after(self.keys, values))
        # One record more than the page tells whether there is another page, without a count.
        records = list(queryset[: size + 1])
        more = len(records) > size
        records = records[:size]
        if backwards:
            records.reverse()
        # Going forward, a previous page exists when a cursor led here; going back, a next one.
        self.next_values = self._keys_of(records[-1]) if records and (more or backwards) else None
        self.previous_values = (
            self._keys_of(records[0]) if records and (more if backwards else raw) else None
        )
        return records

    def _keys_of(self, record):
        return [getattr(record, name) for name, _d, _n in self.keys]

    def _position(self, raw):
        names = [name for name, _d, _n in self.keys]
        try:
            payload = signing.loads(raw, salt=SALT)
            if payload["k"] != names:
                raise ValueError(payload["k"])
            return [_decode(value) for value in payload["v"]], payload.get("b") == 1
        except (signing.BadSignature, ValueError, KeyError, TypeError, ArithmeticError) as error:
            raise ValidationError(
                {
                    self.cursor_query_param: [
                        _(
                            "This cursor is not valid for this list: follow the “next” or "
                            "“previous” link of a page with the same filters and order, or "
                            "leave the cursor out."
                        )
                    ]
                }
            ) from error

    def _link(self, values, backwards=False):
        if values is None:
            return None
        names = [name for name, _d, _n in self.keys]
        cursor = encode_cursor(names, values, backwards)
        url = self.request.build_absolute_uri()
        return replace_query_param(url, self.cursor_query_param, cursor)

    def get_paginated_response(self, data):
        return Response(
            {
                "next": self._link(self.next_values),
                "previous": self._link(self.previous_values, backwards=True),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["next", "previous", "results"],
            "properties": {
                "next": {
                    "type": "string",
                    "format": "uri",
                    "nullable": True,
                    "description": "The next page, or null on the last one.",
                },
                "previous": {
                    "type": "string",
                    "format": "uri",
                    "nullable": True,
                    "description": "The previous page, or null on the first one.",
                },
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.cursor_query_param,
                "in": "query",
                "required": False,
                "description": "The position given by a page's “next” or “previous” link.",
                "schema": {"type": "string"},
            },
            {
                "name": "page_size",
                "in": "query",
                "required": False,
                "description": f"Records per page, at most {settings.API_MAX_PAGE_SIZE}.",
                "schema": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": settings.API_MAX_PAGE_SIZE,
                    "default": settings.API_PAGE_SIZE,
                },
            },
        ]
