"""HTTP scoring service for Arabic news stance and sentiment.

Endpoints (JSON, UTF-8):

* ``POST /v1/score``: ``{"text": "..."}`` (an article, split by the core) or
  ``{"sentences": ["...", ...]}`` (pre-split); per-sentence stance and sentiment and a summary.
* ``POST /v1/score/batch``: ``{"documents": [{"id": "...", "text": "..."}, ...]}``.
* ``GET /v1/model``: the loaded model's manifest summary.
* ``GET /healthz`` (process alive), ``GET /readyz`` (model loaded), ``GET /metrics`` (Prometheus).
* ``GET /openapi.json`` and ``GET /docs``.

Errors are ``{"error": {"code": ..., "message": ...}}`` with the matching status.
"""
from flask import Flask

from service.config import load_settings
from service.handlers import register_handlers
from service.logs import configure_logging
from service.metrics import Metrics
from service.routes import api
from stance import load_model


def create_app(config: dict | None = None) -> Flask:
    """Build the app around one loaded model.

    ``config`` overrides settings (see ``service.config``); tests pass ``{"MODEL": model}``
    to inject an already-loaded model. Otherwise the model is loaded and verified from
    ``MODEL_DIR``, and a model that cannot be loaded raises ``stance.ModelLoadError``; a user
    gazetteer (``GAZETTEER``) with a bad line raises ``stance.GazetteerError``.
    """
    settings = load_settings(config)
    app = Flask(__name__)
    app.json.ensure_ascii = False  # replies are UTF-8 Arabic, not \u escapes
    app.json.sort_keys = False  # keep the documented field order
    app.config.update(settings)
    app.config["MAX_CONTENT_LENGTH"] = settings["MAX_BODY_BYTES"]
    model = settings["MODEL"] if "MODEL" in settings \
        else load_model(settings["MODEL_DIR"], gazetteer=settings["GAZETTEER"] or None,
                        open_actors=settings["OPEN_ACTORS"])
    app.extensions["stance"] = {"model": model, "metrics": Metrics(),
                                "logger": configure_logging(settings["LOG_LEVEL"])}
    app.register_blueprint(api)
    register_handlers(app)
    return app
