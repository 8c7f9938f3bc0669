"""A match's reasons read as sentences (matchmaking/reasons.py): each code and term once."""

import pytest
from django.utils import translation

from databases.models import TechnologyField
from matchmaking import reasons

pytestmark = pytest.mark.django_db


def test_a_technology_field_is_named_with_its_code_once():
    field = TechnologyField.objects.get(code="y02e")
    assert field.name.startswith("Y02E")  # the taxonomy's names carry their code
    with translation.override("en"):
        said = reasons.describe({"code": "technology", "fields": ["y02e"]}, reasons.names())
    assert said == f"The enterprise provides technologies in {field.name}"
    assert said.count("Y02E") == 1


def test_a_field_named_without_its_code_is_led_by_it():
    table = {"fields": {"y02x": reasons._with_code("y02x", "Something new")}}
    said = reasons.describe({"code": "technology", "fields": ["y02x", "y02x"]}, table)
    assert said == "The enterprise provides technologies in Y02X Something new"


def test_terms_and_codes_repeated_in_a_reason_are_said_once():
    said = reasons.describe({"code": "text", "terms": ["y02e", "Y02E", "solar", "Solar"]}, {})
    assert said == "Both descriptions mention Y02E, solar"
    table = {"sectors": {"solar": "Solar energy", "pv": "Solar energy"}}
    said = reasons.describe({"code": "sectors", "sectors": ["solar", "pv", "solar"]}, table)
    assert said == "Both in Solar energy"
