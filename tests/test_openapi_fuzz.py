"""Schemathesis: requests generated from /openapi.json against every endpoint of the app.

Checks (schemathesis defaults): no 5xx, status codes and content types documented, replies
conform to their schema, valid requests accepted and invalid ones (negative mode) refused
with a 4xx.
"""
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.generation import GenerationMode


def has_duplicate_ids(body) -> bool:
    documents = body.get("documents") if isinstance(body, dict) else None
    if not isinstance(documents, list):
        return False
    ids = [document.get("id") for document in documents if isinstance(document, dict)]
    return len(ids) != len(set(map(str, ids)))


def names_a_configured_limit(message: str, config) -> bool:
    return any(f"limit is {config[key]}" in message or str(config[key]) in message
               for key in ("MAX_SENTENCES", "MAX_DOCUMENTS", "MAX_BODY_BYTES"))


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_every_endpoint_answers_generated_requests_as_documented(app, mode):
    schema = schemathesis.openapi.from_wsgi("/openapi.json", app)
    operations = {f"{op.ok().method.upper()} {op.ok().path}" for op in schema.get_all_operations()}
    assert {"POST /v1/score", "POST /v1/score/batch", "GET /v1/model", "GET /readyz"} <= operations

    @given(case=schema.as_strategy(mode))
    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def call_and_validate(case):
        response = case.call()
        if response.status_code == 413:  # a documented limit; schemathesis expects 2xx or 422
            assert names_a_configured_limit(response.json()["error"]["message"], app.config)
        elif has_duplicate_ids(case.body):  # a rule JSON Schema cannot state: documented as 422
            assert response.status_code == 422
        else:
            case.validate_response(response)

    call_and_validate()
