"""Request ids, metrics and logs around every request; every error as JSON."""
import re
import time
import uuid

from flask import current_app, g, jsonify, request
from werkzeug.exceptions import HTTPException

from service.errors import (BAD_REQUEST, INTERNAL_ERROR, METHOD_NOT_ALLOWED, MSG_BODY_TOO_LARGE,
                            MSG_INTERNAL, MSG_METHOD, MSG_NOT_FOUND, NOT_FOUND, PAYLOAD_TOO_LARGE, ApiError)
from service.state import logger, metrics

REQUEST_ID_HEADER = "X-Request-ID"
_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


def register_handlers(app) -> None:
    app.before_request(_start)
    app.after_request(_finish)
    app.register_error_handler(ApiError, _api_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected_error)


def _start():
    client = request.environ.get("gunicorn.socket")
    if client is not None:  # bounds every read of this request's body (see routes.read_body)
        client.settimeout(current_app.config["BODY_TIMEOUT"])
    supplied = request.headers.get(REQUEST_ID_HEADER, "")
    g.request_id = supplied if _VALID_REQUEST_ID.match(supplied) else uuid.uuid4().hex
    g.started = time.perf_counter()


def _finish(response):
    request_id = g.get("request_id") or uuid.uuid4().hex
    response.headers[REQUEST_ID_HEADER] = request_id
    if g.get("close_connection"):  # the body was not read to its end: do not reuse the socket
        response.headers["Connection"] = "close"
    elapsed = time.perf_counter() - g.get("started", time.perf_counter())
    endpoint = request.url_rule.rule if request.url_rule else "unmatched"
    sentences = g.get("sentences_scored", 0)
    metrics().observe(endpoint, request.method, response.status_code, elapsed, sentences)
    logger().info("request", extra={"request_id": request_id, "method": request.method, "path": request.path,
                                    "status": response.status_code, "duration_ms": round(elapsed * 1000, 2),
                                    "sentences": sentences})
    return response


def _api_error(error: ApiError):
    return jsonify(error.body()), error.status


def _http_error(error: HTTPException):
    if error.code == 404:
        api_error = ApiError(404, NOT_FOUND, MSG_NOT_FOUND.format(path=request.path))
    elif error.code == 405:
        allowed = ", ".join(sorted(error.valid_methods or []))
        api_error = ApiError(405, METHOD_NOT_ALLOWED,
                             MSG_METHOD.format(method=request.method, path=request.path, allowed=allowed))
    elif error.code == 413:
        api_error = ApiError(413, PAYLOAD_TOO_LARGE,
                             MSG_BODY_TOO_LARGE.format(limit=current_app.config["MAX_BODY_BYTES"]))
    else:
        code = BAD_REQUEST if error.code == 400 else (error.name or "error").lower().replace(" ", "_")
        api_error = ApiError(error.code or 500, code, error.description or error.name)
    response = jsonify(api_error.body())
    if error.code == 405:
        response.headers["Allow"] = ", ".join(sorted(error.valid_methods or []))
    return response, api_error.status


def _unexpected_error(error: Exception):
    logger().exception("unhandled error", extra={"request_id": g.get("request_id")})
    return jsonify(ApiError(500, INTERNAL_ERROR, MSG_INTERNAL).body()), 500
