"""Reading and validating request bodies into plain values (no Flask objects past here)."""
import json
import re
from dataclasses import dataclass

from service.errors import (MALFORMED_JSON, MSG_CONTENT_TYPE, MSG_MALFORMED, MSG_NOT_UTF8,
                            MSG_TOO_MANY_DOCUMENTS, MSG_TOO_MANY_SENTENCES, PAYLOAD_TOO_LARGE,
                            UNSUPPORTED_MEDIA_TYPE, ApiError, invalid)

JSON_MEDIA_TYPE = "application/json"
SCORE_FIELDS = ("text", "sentences")
BATCH_FIELDS = ("documents",)
DOCUMENT_FIELDS = ("id", "text")
MAX_ID_LENGTH = 200
# "Not blank" as the OpenAPI schema's pattern \S means it (ECMAScript whitespace), so the
# service and its published schema agree on every string (Python's isspace differs).
_NOT_BLANK = re.compile("[^\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]")


@dataclass(frozen=True)
class Limits:
    max_sentences: int
    max_documents: int


def decode_json_body(mimetype: str, charset: str | None, body: bytes):
    """Content-Type check, strict UTF-8 decoding, JSON parsing (415 / 400 on failure)."""
    if mimetype != JSON_MEDIA_TYPE or (charset or "utf-8").lower() not in ("utf-8", "utf8"):
        raise ApiError(415, UNSUPPORTED_MEDIA_TYPE, MSG_CONTENT_TYPE)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(415, UNSUPPORTED_MEDIA_TYPE, MSG_NOT_UTF8) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ApiError(400, MALFORMED_JSON, MSG_MALFORMED.format(detail=f"{error.msg} at position {error.pos}")) \
            from None
    except RecursionError:
        raise ApiError(400, MALFORMED_JSON, MSG_MALFORMED.format(detail="nested too deeply")) from None


def parse_score(payload, limits: Limits) -> dict:
    """``{"text": str}`` or ``{"sentences": [str, ...]}`` -> ``{"text": ...}`` or ``{"sentences": ...}``."""
    _require_object(payload, "body", SCORE_FIELDS)
    present = [field for field in SCORE_FIELDS if field in payload]
    if len(present) != 1:
        raise invalid("body", "give exactly one of 'text' or 'sentences'")
    if "text" in payload:
        return {"text": _text(payload["text"], "text")}
    sentences = payload["sentences"]
    if not isinstance(sentences, list) or not sentences:
        raise invalid("sentences", "must be a non-empty list of strings")
    check_sentence_count(len(sentences), limits)
    return {"sentences": [_text(item, f"sentences[{i}]") for i, item in enumerate(sentences)]}


def parse_batch(payload, limits: Limits) -> list[dict]:
    """``{"documents": [{"id": str, "text": str}, ...]}`` -> the list of documents."""
    _require_object(payload, "body", BATCH_FIELDS)
    documents = payload.get("documents")
    if not isinstance(documents, list) or not documents:
        raise invalid("documents", "must be a non-empty list of {id, text} objects")
    if len(documents) > limits.max_documents:
        raise ApiError(413, PAYLOAD_TOO_LARGE,
                       MSG_TOO_MANY_DOCUMENTS.format(count=len(documents), limit=limits.max_documents))
    parsed, seen = [], set()
    for i, document in enumerate(documents):
        where = f"documents[{i}]"
        _require_object(document, where, DOCUMENT_FIELDS)
        if "id" not in document:
            raise invalid(f"{where}.id", "is required")
        doc_id = document["id"]
        if not isinstance(doc_id, str) or not _NOT_BLANK.search(doc_id) or len(doc_id) > MAX_ID_LENGTH:
            raise invalid(f"{where}.id", f"must be a non-empty string of at most {MAX_ID_LENGTH} characters")
        if doc_id in seen:
            raise invalid(f"{where}.id", f"duplicate id {doc_id!r}")
        seen.add(doc_id)
        if "text" not in document:
            raise invalid(f"{where}.text", "is required")
        parsed.append({"id": doc_id, "text": _text(document["text"], f"{where}.text")})
    return parsed


def check_sentence_count(count: int, limits: Limits) -> None:
    if count > limits.max_sentences:
        raise ApiError(413, PAYLOAD_TOO_LARGE, MSG_TOO_MANY_SENTENCES.format(count=count, limit=limits.max_sentences))


def _require_object(value, where: str, allowed: tuple) -> None:
    if not isinstance(value, dict):
        raise invalid(where, f"must be a JSON object, got {_json_type(value)}")
    unknown = sorted(set(value) - set(allowed))
    if unknown:
        raise invalid(f"{where}.{unknown[0]}" if where != "body" else unknown[0],
                      f"unknown field; allowed: {', '.join(allowed)}")


def _text(value, field: str) -> str:
    if not isinstance(value, str):
        raise invalid(field, f"must be a string, got {_json_type(value)}")
    if not _NOT_BLANK.search(value):
        raise invalid(field, "must not be empty")
    return value


def _json_type(value) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null",
            int: "number", float: "number"}.get(type(value), type(value).__name__)
