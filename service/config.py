"""Service settings: defaults, then environment variables, then a mapping from the caller."""
import os

from stance.artifacts import DEFAULT_MODEL_DIR

DEFAULTS = {
    "MODEL_DIR": str(DEFAULT_MODEL_DIR),
    "MAX_BODY_BYTES": 1_000_000,
    "MAX_SENTENCES": 1_000,
    "MAX_DOCUMENTS": 100,
    "LOG_LEVEL": "INFO",
    "GAZETTEER": "",
    "OPEN_ACTORS": True,
    "BODY_TIMEOUT": 10,
}
ENVIRONMENT = {
    "MODEL_DIR": "STANCE_MODEL_DIR",
    "MAX_BODY_BYTES": "STANCE_MAX_BODY_BYTES",
    "MAX_SENTENCES": "STANCE_MAX_SENTENCES",
    "MAX_DOCUMENTS": "STANCE_MAX_DOCUMENTS",
    "LOG_LEVEL": "STANCE_LOG_LEVEL",
    "GAZETTEER": "STANCE_GAZETTEER",
    "OPEN_ACTORS": "STANCE_OPEN_ACTORS",
    "BODY_TIMEOUT": "STANCE_BODY_TIMEOUT",
}
_SWITCH = {**dict.fromkeys(("1", "true", "yes", "on"), True), **dict.fromkeys(("0", "false", "no", "off"), False)}


class ConfigError(ValueError):
    """A setting has a value the service cannot use."""


def load_settings(overrides: dict | None = None, environ=os.environ) -> dict:
    settings = dict(DEFAULTS)
    for key, variable in ENVIRONMENT.items():
        if environ.get(variable):
            settings[key] = environ[variable]
    settings.update(overrides or {})
    for key in ("MAX_BODY_BYTES", "MAX_SENTENCES", "MAX_DOCUMENTS", "BODY_TIMEOUT"):
        settings[key] = positive_int(settings[key], ENVIRONMENT[key])
    settings["OPEN_ACTORS"] = switch(settings["OPEN_ACTORS"], ENVIRONMENT["OPEN_ACTORS"])
    return settings


def switch(value, name: str) -> bool:
    if isinstance(value, bool):
        return value
    try:
        return _SWITCH[str(value).strip().lower()]
    except KeyError:
        raise ConfigError(f"{name} must be 1 or 0 (true/false, yes/no, on/off), got {value!r}") from None


def positive_int(value, name: str) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{name} must be a positive integer, got {value!r}") from None
    if number <= 0:
        raise ConfigError(f"{name} must be a positive integer, got {value!r}")
    return number
