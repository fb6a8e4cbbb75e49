"""Getters for what ``create_app`` put on the app."""
from flask import current_app

from service.errors import MODEL_NOT_READY, MSG_NOT_READY, ApiError
from service.requests import Limits


def model_or_none():
    return current_app.extensions["stance"]["model"]


def ready_model():
    model = model_or_none()
    if model is None:
        raise ApiError(503, MODEL_NOT_READY, MSG_NOT_READY)
    return model


def metrics():
    return current_app.extensions["stance"]["metrics"]


def logger():
    return current_app.extensions["stance"]["logger"]


def limits() -> Limits:
    return Limits(max_sentences=current_app.config["MAX_SENTENCES"],
                  max_documents=current_app.config["MAX_DOCUMENTS"])
