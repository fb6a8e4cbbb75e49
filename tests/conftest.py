"""Shared fixtures: a tiny model trained once per session from the fixture corpus."""
import os
import shutil
from pathlib import Path

import pytest

from training.cli import parse_args, train

FIXTURES = Path(__file__).parent / "fixtures"
TINY_CORPUS = FIXTURES / "tiny_corpus.jsonl"


def train_tiny(out: Path, *extra: str) -> dict:
    args = parse_args(["--data", str(TINY_CORPUS), "--out", str(out), "--headlines", str(out / "absent"),
                       "--folds", "2", *extra])
    with open(os.devnull, "w") as quiet:
        manifest, _ = train(args, stream=quiet)
    return manifest


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("model") / "tiny"
    train_tiny(out, "--no-eval")
    return out


@pytest.fixture
def model_copy(tiny_model_dir, tmp_path) -> Path:
    """A private copy of the tiny model directory that a test may damage."""
    return Path(shutil.copytree(tiny_model_dir, tmp_path / "model"))


@pytest.fixture(scope="session")
def tiny_model(tiny_model_dir):
    from stance import load_model
    return load_model(tiny_model_dir)


@pytest.fixture
def app(tiny_model):
    from service import create_app
    return create_app({"MODEL": tiny_model, "MAX_BODY_BYTES": 200_000, "MAX_SENTENCES": 50,
                       "MAX_DOCUMENTS": 5, "LOG_LEVEL": "WARNING"})


@pytest.fixture
def client(app):
    return app.test_client()
