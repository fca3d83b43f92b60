"""The OpenAPI document of the JSON twins: valid, complete, and true of the running app — Schemathesis draws
requests for every documented endpoint and parameter and checks each response (no 5xx; status, content type and
body as documented)."""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from django.urls import reverse
import os

from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from votes.filters import VoteFilterSet

# Requests drawn per operation; more with TALLY_API_EXAMPLES (e.g. 500 for a long run).
EXAMPLES = int(os.environ.get("TALLY_API_EXAMPLES", "30"))


@pytest.fixture
def document(client, seed):
    response = client.get(reverse("api-document"))
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    return response.json()


def test_the_document_is_openapi_3_and_documents_every_filter(document):
    from jsonschema_rs import Draft4Validator  # the document's schemas are JSON schemas too

    assert document["openapi"].startswith("3.") and document["info"]["license"]["name"]
    votes = document["paths"][reverse("vote-list")]["get"]
    documented = {parameter["name"] for parameter in votes["parameters"]}
    assert set(VoteFilterSet().filters) <= documented
    for path in document["paths"].values():
        for response in path["get"]["responses"].values():
            for content in response.get("content", {}).values():
                Draft4Validator(content["schema"])


def test_the_human_page_links_the_document_and_gives_examples(client, seed):
    page = client.get(reverse("api")).content.decode()
    assert reverse("api-document") in page and "pandas" in page and "read_csv" in page and "curl" in page


# A transactional test (reference_rows): each drawn request commits or rolls back on its own, as in production, so one refused
# query (PostgreSQL aborts the transaction it ran in) does not fail the requests drawn after it.
def test_every_endpoint_answers_as_documented(reference_rows, seed, settings):
    """Each operation's requests drawn by Schemathesis (valid and invalid parameter values), sent to the app in
    process. (Schemathesis's own pytest parametrisation does not run under pytest 9; its strategies do.)"""
    settings.ALLOWED_HOSTS = ["*"]
    schema = schemathesis.openapi.from_wsgi(reverse("api-document"), get_wsgi_application())
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 7
    for operation in operations:

        @given(case=operation.as_strategy())
        @hypothesis_settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
        def answers_as_documented(case):
            case.call_and_validate(checks=[not_a_server_error, status_code_conformance, response_schema_conformance])

        answers_as_documented()
