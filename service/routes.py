"""Routes: parse and validate -> score with the core -> format."""
from contextlib import contextmanager

from flask import Blueprint, Response, current_app, g, jsonify, request
from werkzeug.exceptions import ClientDisconnected

from service import replies
from service.errors import (MSG_BODY_TIMEOUT, MSG_TOO_MANY_SENTENCES, PAYLOAD_TOO_LARGE, REQUEST_TIMEOUT,
                            ApiError)
from service.openapi import docs_page, openapi_document
from service.metrics import CONTENT_TYPE as METRICS_CONTENT_TYPE
from service.requests import decode_json_body, parse_batch, parse_score
from service.state import limits, metrics, model_or_none, ready_model
from stance import SentenceLimitError

api = Blueprint("api", __name__)


def read_body() -> bytes:
    """The request body; a client that stalls longer than BODY_TIMEOUT gets a 408 (the
    socket timeout is set in ``handlers``), so slow clients cannot hold a thread forever."""
    try:
        return request.get_data()
    except (TimeoutError, ConnectionError, ClientDisconnected) as error:  # werkzeug wraps a short read
        g.close_connection = True
        raise ApiError(408, REQUEST_TIMEOUT,
                       MSG_BODY_TIMEOUT.format(seconds=current_app.config["BODY_TIMEOUT"])) from error


def json_payload():
    return decode_json_body(request.mimetype, request.mimetype_params.get("charset"), read_body())


@api.post("/v1/score")
def score():
    model = ready_model()
    parsed = parse_score(json_payload(), limits())
    if "text" in parsed:
        with sentence_limit():
            result = model.score_text(parsed["text"], limits().max_sentences)
        body = replies.score_reply(model, result, with_offsets=True)
    else:
        sentences = model.score_sentences(parsed["sentences"])
        result = {"sentences": sentences, "summary": model.summarize(sentences)}
        body = replies.score_reply(model, result, with_offsets=False)
    g.sentences_scored = len(body["sentences"])
    return jsonify(body)


@api.post("/v1/score/batch")
def score_batch():
    model = ready_model()
    documents = parse_batch(json_payload(), limits())
    with sentence_limit():
        results = model.score_texts([d["text"] for d in documents], limits().max_sentences)
    g.sentences_scored = sum(len(r["sentences"]) for r in results)
    return jsonify(replies.batch_reply(model, documents, results))


@api.get("/v1/model")
def model_info():
    return jsonify(replies.model_info(ready_model()))


@api.get("/healthz")
def healthz():
    return jsonify({"status": "ok"})


@api.get("/readyz")
def readyz():
    model = ready_model()
    return jsonify({"status": "ready", "model": replies.model_ref(model)})


@api.get("/metrics")
def prometheus_metrics():
    return Response(metrics().render(model_or_none()), content_type=METRICS_CONTENT_TYPE)


@api.get("/openapi.json")
def openapi():
    return jsonify(openapi_document(limits()))


@api.get("/docs")
def docs():
    return Response(docs_page(openapi_document(limits())), content_type="text/html; charset=utf-8")


@contextmanager
def sentence_limit():
    """Turn the core's ``SentenceLimitError`` into the API's 413."""
    try:
        yield
    except SentenceLimitError as error:
        raise ApiError(413, PAYLOAD_TOO_LARGE,
                       MSG_TOO_MANY_SENTENCES.format(count=error.count, limit=error.limit)) from None
