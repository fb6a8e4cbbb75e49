"""The HTTP API through Flask's test client: every endpoint and every bad-input case."""
import json

import pytest

from service import create_app, errors
from service.errors import MSG_BODY_TOO_LARGE, MSG_TOO_MANY_DOCUMENTS, MSG_TOO_MANY_SENTENCES

ARTICLE = "حث الوزير موسكو على وقف القصف. وأعربت المنظمة عن قلقها.\nونفت الوزارة التقارير"


def post(client, path, payload, **kwargs):
    return client.post(path, data=json.dumps(payload, ensure_ascii=False).encode("utf-8"),
                       content_type="application/json", **kwargs)


def assert_error(response, status, code):
    assert response.status_code == status, response.get_data(as_text=True)
    body = response.get_json()
    assert set(body) == {"error"} and body["error"]["code"] == code and body["error"]["message"]
    assert "Traceback" not in response.get_data(as_text=True)
    return body["error"]


def test_score_text_returns_sentences_with_offsets_into_the_submitted_text(client):
    response = post(client, "/v1/score", {"text": ARTICLE})
    assert response.status_code == 200
    body = response.get_json()
    assert body["model"] == {"name": "arabic-stance", "version": "1.0.0"}
    assert len(body["sentences"]) == 3
    for i, sentence in enumerate(body["sentences"]):
        assert sentence["index"] == i
        assert ARTICLE[sentence["start"]:sentence["end"]] == sentence["text"]
        assert list(sentence) == ["index", "text", "start", "end", "stance", "sentiment", "actors", "source", "target"]
        assert set(sentence["stance"]) == {"label", "labels", "scores"}
    assert body["summary"]["sentences"] == 3
    assert sum(body["summary"]["sentiment_counts"].values()) == 3


def test_score_sentences_has_no_offsets(client):
    body = post(client, "/v1/score", {"sentences": ["نفت موسكو التقارير", "وصل الوفد"]}).get_json()
    assert [s["text"] for s in body["sentences"]] == ["نفت موسكو التقارير", "وصل الوفد"]
    assert all("start" not in s and "end" not in s for s in body["sentences"])


def test_batch_echoes_ids_in_order_and_scores_each_document(client):
    documents = [{"id": "b", "text": ARTICLE}, {"id": "a", "text": "وصل الوفد إلى جنيف"}]
    body = post(client, "/v1/score/batch", {"documents": documents}).get_json()
    assert [d["id"] for d in body["documents"]] == ["b", "a"]
    first, second = body["documents"]
    assert [ARTICLE[s["start"]:s["end"]] for s in first["sentences"]] == [s["text"] for s in first["sentences"]]
    assert first["summary"]["sentences"] == 3 and second["summary"]["sentences"] == 1
    single = post(client, "/v1/score", {"text": ARTICLE}).get_json()
    assert first["sentences"] == single["sentences"]


def test_model_endpoint_describes_the_model(client, tiny_model):
    body = client.get("/v1/model").get_json()
    assert body["labels"]["stance"] == tiny_model.stance_labels
    assert body["thresholds"] == tiny_model.thresholds
    assert body["sha256"] == tiny_model.manifest["sha256"]
    assert "scikit-learn" in body["libraries"] and "created_at" in body and "metrics" in body


def test_health_and_readiness(client, app):
    assert client.get("/healthz").get_json() == {"status": "ok"}
    assert client.get("/readyz").status_code == 200
    app.extensions["stance"]["model"] = None
    assert_error(client.get("/readyz"), 503, errors.MODEL_NOT_READY)
    assert_error(post(client, "/v1/score", {"text": ARTICLE}), 503, errors.MODEL_NOT_READY)
    assert client.get("/healthz").status_code == 200


def test_request_id_is_honoured_or_created(client):
    assert client.get("/healthz", headers={"X-Request-ID": "req-42"}).headers["X-Request-ID"] == "req-42"
    created = client.get("/healthz").headers["X-Request-ID"]
    assert len(created) == 32
    assert client.get("/healthz", headers={"X-Request-ID": "bad id <x>"}).headers["X-Request-ID"] != "bad id <x>"


def test_metrics_count_requests_latency_and_sentences(client):
    post(client, "/v1/score", {"text": ARTICLE})
    client.get("/nope")
    text = client.get("/metrics").get_data(as_text=True)
    assert 'stance_http_requests_total{endpoint="/v1/score",method="POST",status="200"} 1' in text
    assert 'stance_http_requests_total{endpoint="unmatched",method="GET",status="404"} 1' in text
    assert 'stance_http_request_duration_seconds_count{endpoint="/v1/score",status="200"} 1' in text
    assert "stance_sentences_scored_total 3" in text
    assert 'stance_model_info{name="arabic-stance"' in text


def test_openapi_covers_every_endpoint_and_the_error_schema(client, app):
    document = client.get("/openapi.json").get_json()
    assert document["openapi"].startswith("3.1")
    routes = {rule.rule for rule in app.url_map.iter_rules() if rule.endpoint != "static"}
    assert routes == set(document["paths"])
    assert "Error" in document["components"]["schemas"]
    page = client.get("/docs")
    assert page.status_code == 200 and "/v1/score/batch" in page.get_data(as_text=True)


BAD_SHAPES = [
    ([{"text": "نص"}], "body"),
    ({}, "body"),
    ({"text": 5}, "text"),
    ({"text": ""}, "text"),
    ({"text": "   "}, "text"),
    ({"text": "نص", "sentences": ["نص"]}, "body"),
    ({"sentences": "نص"}, "sentences"),
    ({"sentences": []}, "sentences"),
    ({"sentences": ["نص", 3]}, "sentences[1]"),
    ({"sentences": ["نص", ""]}, "sentences[1]"),
    ({"txt": "نص"}, "txt"),
]


@pytest.mark.parametrize("payload, field", BAD_SHAPES)
def test_score_rejects_wrong_shapes_with_422_naming_the_field(client, payload, field):
    error = assert_error(post(client, "/v1/score", payload), 422, errors.INVALID_REQUEST)
    assert error["field"] == field and error["message"].startswith(field)


@pytest.mark.parametrize("payload, field", [
    ({"documents": {"id": "a"}}, "documents"),
    ({"documents": []}, "documents"),
    ({"documents": [{"text": "نص"}]}, "documents[0].id"),
    ({"documents": [{"id": "a", "text": "نص"}, {"id": 7, "text": "نص"}]}, "documents[1].id"),
    ({"documents": [{"id": "a"}]}, "documents[0].text"),
    ({"documents": [{"id": "a", "text": "نص"}, {"id": "a", "text": "نص"}]}, "documents[1].id"),
    ({"documents": ["نص"]}, "documents[0]"),
    ({"docs": []}, "docs"),
])
def test_batch_rejects_wrong_shapes_with_422_naming_the_field(client, payload, field):
    error = assert_error(post(client, "/v1/score/batch", payload), 422, errors.INVALID_REQUEST)
    assert error["field"] == field


@pytest.mark.parametrize("content_type", [None, "text/plain", "application/x-www-form-urlencoded",
                                          "application/json; charset=latin-1"])
def test_wrong_or_missing_content_type_is_415(client, content_type):
    headers = {"Content-Type": content_type} if content_type else {}
    response = client.post("/v1/score", data='{"text": "x"}', headers=headers)
    assert_error(response, 415, errors.UNSUPPORTED_MEDIA_TYPE)


def test_non_utf8_body_is_415(client):
    body = '{"text": "نفت الوزارة"}'.encode("cp1256")
    error = assert_error(client.post("/v1/score", data=body, content_type="application/json"),
                         415, errors.UNSUPPORTED_MEDIA_TYPE)
    assert error["message"] == errors.MSG_NOT_UTF8


@pytest.mark.parametrize("body", [b"{", b'{"text": }', b"", b"[1,2", b'{"text": "a"} extra'])
def test_malformed_json_is_400(client, body):
    assert_error(client.post("/v1/score", data=body, content_type="application/json"), 400, errors.MALFORMED_JSON)


def test_deeply_nested_json_is_400_not_500(client):
    body = b"[" * 100_000 + b"]" * 100_000
    response = client.post("/v1/score", data=body, content_type="application/json")
    assert response.status_code in (400, 413)


def test_body_over_the_limit_is_413_stating_the_limit(client):
    response = post(client, "/v1/score", {"text": "ا" * 150_000})
    error = assert_error(response, 413, errors.PAYLOAD_TOO_LARGE)
    assert error["message"] == MSG_BODY_TOO_LARGE.format(limit=200_000)


def test_too_many_sentences_is_413_for_lists_and_split_text(client):
    error = assert_error(post(client, "/v1/score", {"sentences": ["جملة"] * 51}), 413, errors.PAYLOAD_TOO_LARGE)
    assert error["message"] == MSG_TOO_MANY_SENTENCES.format(count=51, limit=50)
    text = " ".join(f"جملة رقم {i}." for i in range(60))
    error = assert_error(post(client, "/v1/score", {"text": text}), 413, errors.PAYLOAD_TOO_LARGE)
    assert error["message"] == MSG_TOO_MANY_SENTENCES.format(count=60, limit=50)
    documents = [{"id": str(i), "text": text[:400]} for i in range(3)]
    assert_error(post(client, "/v1/score/batch", {"documents": documents}), 413, errors.PAYLOAD_TOO_LARGE)


def test_too_many_documents_is_413(client):
    documents = [{"id": str(i), "text": "نص"} for i in range(6)]
    error = assert_error(post(client, "/v1/score/batch", {"documents": documents}), 413, errors.PAYLOAD_TOO_LARGE)
    assert error["message"] == MSG_TOO_MANY_DOCUMENTS.format(count=6, limit=5)


def test_unknown_route_and_wrong_method_answer_json(client):
    assert_error(client.get("/v2/score"), 404, errors.NOT_FOUND)
    error = assert_error(client.get("/v1/score"), 405, errors.METHOD_NOT_ALLOWED)
    assert "POST" in error["message"]
    assert_error(client.delete("/healthz"), 405, errors.METHOD_NOT_ALLOWED)


@pytest.mark.parametrize("text", [
    "The minister urged calm.",
    "... !!! ؟؟ ،،",
    "2019-08-18 14:55:10 123456",
    "قال Macron إن France ستدعم الاتفاق 100%",
    "رحبت الحكومة بالاتفاق 🎉🇸🇾👍",
    "\u202bنفت الوزارة\u202c \u200fالتقارير\u2066 \u2069",
    "ق" * 100_000,
    "جملة " * 19_000,
])
def test_odd_text_gets_a_sane_200_or_4xx_and_the_service_keeps_serving(client, text):
    response = post(client, "/v1/score", {"text": text})
    assert response.status_code < 500
    if response.status_code == 200:
        for sentence in response.get_json()["sentences"]:
            assert text[sentence["start"]:sentence["end"]] == sentence["text"]
    assert post(client, "/v1/score", {"text": ARTICLE}).status_code == 200


def test_unexpected_failure_is_a_500_json_without_a_stack_trace(tiny_model):
    class Broken:
        def __getattr__(self, name):
            return getattr(tiny_model, name)

        def score_text(self, *args, **kwargs):
            raise RuntimeError("secret internal detail")

    client = create_app({"MODEL": Broken(), "LOG_LEVEL": "CRITICAL"}).test_client()
    response = post(client, "/v1/score", {"text": ARTICLE})
    assert_error(response, 500, errors.INTERNAL_ERROR)
    assert "secret internal detail" not in response.get_data(as_text=True)
    assert client.get("/healthz").status_code == 200


def test_configuration_errors_are_clear():
    from service.config import ConfigError, load_settings
    with pytest.raises(ConfigError, match="STANCE_MAX_SENTENCES must be a positive integer"):
        load_settings(environ={"STANCE_MAX_SENTENCES": "many"})
    assert load_settings(environ={"STANCE_MAX_DOCUMENTS": "7"})["MAX_DOCUMENTS"] == 7
    assert load_settings(environ={"STANCE_BODY_TIMEOUT": "3"})["BODY_TIMEOUT"] == 3
    with pytest.raises(ConfigError, match="STANCE_BODY_TIMEOUT"):
        load_settings(environ={"STANCE_BODY_TIMEOUT": "0"})
    assert load_settings(environ={})["OPEN_ACTORS"] is True
    assert load_settings(environ={"STANCE_OPEN_ACTORS": "off"})["OPEN_ACTORS"] is False
    with pytest.raises(ConfigError, match="STANCE_OPEN_ACTORS must be 1 or 0"):
        load_settings(environ={"STANCE_OPEN_ACTORS": "maybe"})


def test_replies_carry_actors_roles_and_the_article_summary(client):
    text = "حث وزير الخارجية الألماني أنقرة على ضبط النفس. ووصل المبعوث الأممي إلى عدن"
    body = post(client, "/v1/score", {"text": text}).get_json()
    first = body["sentences"][0]
    assert [(a["id"], a["text"], a["kind"]) for a in first["actors"]] == [("DEU", "الألماني", "country"),
                                                                         ("TUR", "أنقرة", "country")]
    for actor in first["actors"]:
        assert first["text"][actor["start"]:actor["end"]] == actor["text"]
    if first["stance"]["labels"]:
        assert (first["source"], first["target"]) == ("DEU", "TUR")
    else:
        assert first["source"] is None and first["target"] is None
    rows = {row["id"]: row for row in body["summary"]["actors"]}
    assert set(rows) == {"DEU", "TUR", "UN"} and rows["UN"]["name"] == "الأمم المتحدة"
    assert all(row["mentions"] == 1 for row in rows.values())
    batch = post(client, "/v1/score/batch", {"documents": [{"id": "a", "text": text}]}).get_json()
    assert batch["documents"][0]["summary"]["actors"] == body["summary"]["actors"]


def test_a_user_gazetteer_is_used_and_a_bad_one_stops_start_up(tiny_model_dir, tmp_path):
    from stance import GazetteerError
    mine = tmp_path / "mine.tsv"
    mine.write_text("acme\torganization\tEGY\tشركة أكمي\tأكمي\n", encoding="utf-8")
    app = create_app({"MODEL_DIR": str(tiny_model_dir), "GAZETTEER": str(mine), "LOG_LEVEL": "WARNING"})
    body = post(app.test_client(), "/v1/score", {"sentences": ["نفت أكمي التقارير"]}).get_json()
    assert [a["id"] for a in body["sentences"][0]["actors"]] == ["acme"]
    mine.write_text("acme\tcompany\tEGY\tشركة أكمي\tأكمي\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=f"{mine}:1: kind 'company'"):
        create_app({"MODEL_DIR": str(tiny_model_dir), "GAZETTEER": str(mine)})


def test_actors_outside_the_gazetteer_are_reported_unless_switched_off(tiny_model_dir):
    sentence = "ونفى وزير التعليم العالي السوري مروان الحلبي فصل أساتذة من جامعة دمشق"
    body = post(create_app({"MODEL_DIR": str(tiny_model_dir), "LOG_LEVEL": "WARNING"}).test_client(),
                "/v1/score", {"sentences": [sentence]}).get_json()
    actor = body["sentences"][0]["actors"][0]
    assert (actor["id"], actor["text"], actor["kind"], actor["country"]) == \
        ("x:مروان الحلبي", "مروان الحلبي", "person", "SYR")
    assert body["summary"]["actors"][0]["name"] == "مروان الحلبي"
    app = create_app({"MODEL_DIR": str(tiny_model_dir), "OPEN_ACTORS": "0", "LOG_LEVEL": "WARNING"})
    body = post(app.test_client(), "/v1/score", {"sentences": [sentence]}).get_json()
    assert [a["id"] for a in body["sentences"][0]["actors"]] == ["SYR"]
