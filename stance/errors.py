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
