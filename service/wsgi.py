"""WSGI entry point for gunicorn: ``service.wsgi:app``.

A model or user gazetteer that cannot be loaded ends start-up with one clear line and exit status 3.
"""
import sys

from service import create_app
from service.config import ConfigError
from stance import GazetteerError, ModelLoadError

try:
    app = create_app()
except (ModelLoadError, GazetteerError, ConfigError) as error:
    print(f"stance-serve: cannot start: {error}", file=sys.stderr, flush=True)
    sys.exit(3)
