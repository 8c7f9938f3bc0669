"""The API's documentation page works within the site's CSP in a real browser: Swagger UI from
our static files loads the schema and lists the operations, and nothing is refused."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_admin_csp import RECORD_VIOLATIONS

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_api_docs_render_within_the_csp(page, live_server):
    page.context.add_init_script(RECORD_VIOLATIONS)
    console = []
    page.on("console", lambda message: console.append(message.text))

    response = page.goto(f"{live_server.url}/api/v1/docs/")

    assert response.status == 200
    expect(page.locator(".swagger-ui .opblock-summary-path").first).to_be_visible(timeout=20000)
    expect(page.locator(".swagger-ui")).to_contain_text("/api/v1/technologies/")
    assert page.evaluate("window.cspViolations") == []
    assert [text for text in console if "Content Security Policy" in text] == []
