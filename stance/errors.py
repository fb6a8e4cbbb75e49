"""Exceptions raised by the stance core library."""


class StanceError(Exception):
    """Base class of every error raised by this package."""


class ModelLoadError(StanceError):
    """A model directory cannot be used: missing files, bad manifest, failed checks."""


class ModelNotFoundError(ModelLoadError, FileNotFoundError):
    """The model directory, ``model.json`` or ``model.joblib`` does not exist."""


class ModelIntegrityError(ModelLoadError, ValueError):
    """``model.joblib`` does not match the sha256 recorded in ``model.json``."""


class ModelVersionWarning(UserWarning):
    """Installed library versions differ from those the model was trained with."""


class SentenceLimitError(StanceError, ValueError):
    """A text splits into more sentences than the caller allows."""

    def __init__(self, count: int, limit: int):
        super().__init__(f"{count} sentences exceed the limit of {limit}")
        self.count, self.limit = count, limit


class GazetteerError(StanceError, ValueError):
    """An actor gazetteer file is unreadable or has a malformed line (message has file:line)."""
