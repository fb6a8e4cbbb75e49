"""API errors: one exception type, one JSON shape ``{"error": {"code", "message"}}``.

Error codes and message templates are constants here, shared with the tests.
"""

UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"
MALFORMED_JSON = "malformed_json"
INVALID_REQUEST = "invalid_request"
PAYLOAD_TOO_LARGE = "payload_too_large"
NOT_FOUND = "not_found"
METHOD_NOT_ALLOWED = "method_not_allowed"
MODEL_NOT_READY = "model_not_ready"
INTERNAL_ERROR = "internal_error"
BAD_REQUEST = "bad_request"
REQUEST_TIMEOUT = "request_timeout"

MSG_CONTENT_TYPE = "Content-Type must be application/json (UTF-8)"
MSG_NOT_UTF8 = "request body is not valid UTF-8"
MSG_MALFORMED = "request body is not valid JSON: {detail}"
MSG_BODY_TOO_LARGE = "request body exceeds the limit of {limit} bytes"
MSG_TOO_MANY_SENTENCES = "request has {count} sentences; the limit is {limit}"
MSG_TOO_MANY_DOCUMENTS = "request has {count} documents; the limit is {limit}"
MSG_BODY_TIMEOUT = "request body not received within {seconds} s"
MSG_NOT_FOUND = "no such endpoint: {path}"
MSG_METHOD = "method {method} is not allowed for {path}; allowed: {allowed}"
MSG_NOT_READY = "the model is not loaded"
MSG_INTERNAL = "internal error; the request id identifies it in the server log"


class ApiError(Exception):
    """An error reply: HTTP ``status``, machine-readable ``code``, human ``message``."""

    def __init__(self, status: int, code: str, message: str, field: str | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.field = status, code, message, field

    def body(self) -> dict:
        error = {"code": self.code, "message": self.message}
        if self.field:
            error["field"] = self.field
        return {"error": error}


def invalid(field: str, problem: str) -> ApiError:
    """A 422 naming the offending field (a JSON path such as ``documents[2].id``)."""
    return ApiError(422, INVALID_REQUEST, f"{field}: {problem}", field)
