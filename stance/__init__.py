"""Stance and sentiment classification of Arabic news sentences: the core library.

Shared by the trainer (``training``) and the HTTP service (``service``); never imports Flask.
"""
from stance.artifacts import DEFAULT_MODEL_DIR, load_model, save_model
from stance.actors import ActorMatcher, Mention
from stance.errors import (GazetteerError, ModelIntegrityError, ModelLoadError, ModelNotFoundError,
                           ModelVersionWarning, SentenceLimitError, StanceError)
from stance.model import NO_STANCE, StanceModel
from stance.normalize import normalize_text
from stance.segment import Span, split_sentences

__all__ = [
    "ActorMatcher", "DEFAULT_MODEL_DIR", "GazetteerError", "Mention", "NO_STANCE", "ModelIntegrityError",
    "ModelLoadError", "ModelNotFoundError", "ModelVersionWarning", "SentenceLimitError", "Span", "StanceError",
    "StanceModel", "load_model", "normalize_text", "save_model", "split_sentences",
]
