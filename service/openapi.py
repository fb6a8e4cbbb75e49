"""The OpenAPI 3.1 document of the service, and a plain HTML page rendered from it."""
import html
import json

from service.requests import MAX_ID_LENGTH

PROBABILITIES = {"type": "object", "additionalProperties": {"type": "number", "minimum": 0, "maximum": 1}}
COUNTS = {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}}
NON_EMPTY = {"type": "string", "minLength": 1, "pattern": r"\S"}
ACTOR_ID = {"type": ["string", "null"]}
ACTOR_KINDS = ["country", "organization", "person", "group"]


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema_name: str, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": _ref(schema_name)}}}


def _body(name: str) -> dict:
    return {"required": True, "content": {"application/json": {"schema": _ref(name)}}}


def _errors(*statuses: int) -> dict:
    meaning = {400: "malformed JSON", 413: "body, sentence or document limit exceeded",
               415: "wrong Content-Type or non-UTF-8 body", 422: "valid JSON of the wrong shape",
               503: "model not loaded", 405: "method not allowed", 500: "internal error"}
    return {str(status): _json("Error", meaning[status]) for status in statuses}


def schemas(limits) -> dict:
    sentence_properties = {
        "index": {"type": "integer", "minimum": 0}, "text": {"type": "string"},
        "start": {"type": "integer", "minimum": 0, "description": "character offset into the submitted text"},
        "end": {"type": "integer", "minimum": 0},
        "stance": _ref("Stance"), "sentiment": _ref("Sentiment"),
        "actors": {"type": "array", "items": _ref("Mention")},
        "source": {**ACTOR_ID, "description": "actor performing the stance act (null: none or unknown)"},
        "target": {**ACTOR_ID, "description": "actor the stance act is directed at (null: none or unknown)"},
    }
    return {
        "ScoreRequest": {"oneOf": [
            {"type": "object", "required": ["text"], "additionalProperties": False,
             "properties": {"text": {**NON_EMPTY, "description": "an article; split into sentences by the service"}}},
            {"type": "object", "required": ["sentences"], "additionalProperties": False,
             "properties": {"sentences": {"type": "array", "minItems": 1, "maxItems": limits.max_sentences,
                                          "items": NON_EMPTY}}},
        ]},
        "BatchRequest": {"type": "object", "required": ["documents"], "additionalProperties": False,
                         "properties": {"documents": {
                             "type": "array", "minItems": 1, "maxItems": limits.max_documents,
                             "items": {"type": "object", "required": ["id", "text"], "additionalProperties": False,
                                       "properties": {"id": {**NON_EMPTY, "maxLength": MAX_ID_LENGTH},
                                                      "text": NON_EMPTY}}}}},
        "Stance": {"type": "object", "required": ["label", "labels", "scores"], "properties": {
            "label": {"type": "string", "description": "top label over its threshold, or none"},
            "labels": {"type": "array", "items": {"type": "string"}}, "scores": PROBABILITIES}},
        "Sentiment": {"type": "object", "required": ["label", "scores"], "properties": {
            "label": {"type": "string"}, "scores": PROBABILITIES}},
        "Sentence": {"type": "object",
                     "required": ["index", "text", "stance", "sentiment", "actors", "source", "target"],
                     "properties": sentence_properties},
        "Mention": {"type": "object", "required": ["id", "text", "start", "end", "kind", "country"],
                    "properties": {"id": {"type": "string",
                                          "description": "gazetteer id (FRA, UN, macron), or x: and the name "
                                                         "for an actor outside the gazetteer (x:جامعة كولومبيا)"},
                                   "text": {"type": "string"},
                                   "start": {"type": "integer", "minimum": 0,
                                             "description": "character offset into the sentence text"},
                                   "end": {"type": "integer", "minimum": 0},
                                   "kind": {"type": "string", "enum": ACTOR_KINDS},
                                   "country": {"type": ["string", "null"],
                                               "description": "country or organization the actor belongs to "
                                                              "(null: a person outside the gazetteer with no "
                                                              "title naming one)"}}},
        "ActorRow": {"type": "object",
                     "required": ["id", "name", "mentions", "targeted"],
                     "additionalProperties": {"type": ["integer", "string"]},
                     "description": "per actor: mentions, sentences in which it is the source of each "
                                    "stance label (one integer field per label), times targeted",
                     "properties": {"id": {"type": "string"}, "name": {"type": "string"},
                                    "mentions": {"type": "integer", "minimum": 0},
                                    "targeted": {"type": "integer", "minimum": 0}}},
        "Relation": {"type": "object", "required": ["source", "target", "stance", "count"],
                     "properties": {"source": ACTOR_ID, "target": ACTOR_ID, "stance": {"type": "string"},
                                    "count": {"type": "integer", "minimum": 1}}},
        "Summary": {"type": "object",
                    "required": ["sentences", "stance_counts", "sentiment_counts", "actors", "relations"],
                    "properties": {"sentences": {"type": "integer", "minimum": 0},
                                   "stance_counts": COUNTS, "sentiment_counts": COUNTS,
                                   "actors": {"type": "array", "items": _ref("ActorRow")},
                                   "relations": {"type": "array", "items": _ref("Relation")}}},
        "ModelRef": {"type": "object", "required": ["name", "version"],
                     "properties": {"name": {"type": "string"}, "version": {"type": "string"}}},
        "ScoreReply": {"type": "object", "required": ["model", "sentences", "summary"], "properties": {
            "model": _ref("ModelRef"), "sentences": {"type": "array", "items": _ref("Sentence")},
            "summary": _ref("Summary")}},
        "BatchReply": {"type": "object", "required": ["model", "documents"], "properties": {
            "model": _ref("ModelRef"),
            "documents": {"type": "array", "items": {
                "type": "object", "required": ["id", "sentences", "summary"],
                "properties": {"id": {"type": "string"}, "sentences": {"type": "array", "items": _ref("Sentence")},
                               "summary": _ref("Summary")}}}}},
        "ModelInfo": {"type": "object", "required": ["name", "version", "labels", "thresholds", "sha256"],
                      "properties": {"name": {"type": "string"}, "version": {"type": "string"},
                                     "created_at": {"type": ["string", "null"]},
                                     "labels": {"type": "object"}, "thresholds": PROBABILITIES,
                                     "metrics": {"type": "object"}, "sha256": {"type": ["string", "null"]},
                                     "libraries": {"type": "object"}, "hyperparameters": {"type": "object"},
                                     "training_data": {"type": "object"}}},
        "Status": {"type": "object", "required": ["status"], "properties": {"status": {"type": "string"},
                                                                           "model": _ref("ModelRef")}},
        "Error": {"type": "object", "required": ["error"], "properties": {"error": {
            "type": "object", "required": ["code", "message"],
            "properties": {"code": {"type": "string"}, "message": {"type": "string"},
                           "field": {"type": "string", "description": "JSON path of the offending field (422)"}}}}},
    }


def openapi_document(limits) -> dict:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Arabic news stance and sentiment API", "version": "1.0.0",
                 "description": "Per-sentence stance acts (pressure, concern, denial) and sentiment of Arabic news."},
        "paths": {
            "/v1/score": {"post": {
                "summary": "Score one article (text) or a list of pre-split sentences",
                "requestBody": _body("ScoreRequest"),
                "responses": {"200": _json("ScoreReply", "scored sentences and summary"),
                              **_errors(400, 413, 415, 422, 503)}}},
            "/v1/score/batch": {"post": {
                "summary": "Score several articles; all sentences are vectorized together",
                "requestBody": _body("BatchRequest"),
                "responses": {"200": _json("BatchReply", "one result per document, ids in request order"),
                              **_errors(400, 413, 415, 422, 503)}}},
            "/v1/model": {"get": {"summary": "The loaded model: labels, thresholds, metrics, checksums",
                                  "responses": {"200": _json("ModelInfo", "model manifest summary"),
                                                **_errors(503)}}},
            "/healthz": {"get": {"summary": "Liveness", "responses": {"200": _json("Status", "alive")}}},
            "/readyz": {"get": {"summary": "Readiness: 200 once the model is loaded",
                                "responses": {"200": _json("Status", "ready"), **_errors(503)}}},
            "/metrics": {"get": {"summary": "Prometheus metrics (text format, per worker)",
                                 "responses": {"200": {"description": "metrics",
                                                       "content": {"text/plain": {"schema": {"type": "string"}}}}}}},
            "/openapi.json": {"get": {"summary": "This document",
                                      "responses": {"200": {"description": "OpenAPI 3.1",
                                                            "content": {"application/json": {"schema": {"type": "object"}}}}}}},
            "/docs": {"get": {"summary": "Human-readable API documentation",
                              "responses": {"200": {"description": "HTML page",
                                                    "content": {"text/html": {"schema": {"type": "string"}}}}}}},
        },
        "components": {"schemas": schemas(limits)},
    }


def docs_page(document: dict) -> str:
    """A self-contained HTML page (no external scripts) listing endpoints and schemas."""
    rows = []
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            statuses = ", ".join(operation["responses"])
            rows.append(f"<tr><td><code>{method.upper()}</code></td><td><code>{html.escape(path)}</code></td>"
                        f"<td>{html.escape(operation['summary'])}</td><td>{statuses}</td></tr>")
    schema_blocks = "".join(
        f"<h3 id='{name}'>{name}</h3><pre>{html.escape(json.dumps(schema, ensure_ascii=False, indent=2))}</pre>"
        for name, schema in document["components"]["schemas"].items())
    info = document["info"]
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{html.escape(info['title'])}</title>"
            "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}td,th{padding:.3em .8em;"
            "border-bottom:1px solid #ddd;text-align:left}pre{background:#f6f6f6;padding:1em;overflow:auto}</style>"
            f"</head><body><h1>{html.escape(info['title'])}</h1><p>{html.escape(info['description'])}</p>"
            "<p>Machine-readable: <a href='/openapi.json'>/openapi.json</a>. Errors are "
            "<code>{\"error\": {\"code\", \"message\"}}</code>.</p>"
            "<table><tr><th>method</th><th>path</th><th>what</th><th>statuses</th></tr>"
            + "".join(rows) + "</table><h2>Schemas</h2>" + schema_blocks + "</body></html>")
