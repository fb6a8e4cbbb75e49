"""Saving and loading model directories: ``model.joblib`` plus its ``model.json`` manifest.

A joblib file is a pickle, and unpickling runs code: ``load_model`` checks the file's
sha256 against the manifest BEFORE it unpickles anything, and refuses a missing,
truncated or modified file.
"""
import hashlib
import json
import os
import tempfile
import warnings
from importlib import metadata
from pathlib import Path

import joblib

from stance.actors import ActorMatcher
from stance.errors import ModelIntegrityError, ModelLoadError, ModelNotFoundError, ModelVersionWarning
from stance.model import StanceModel

MODEL_FILE = "model.joblib"
MANIFEST_FILE = "model.json"
DEFAULT_MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "default"
# Libraries whose classes or data end up inside the pickle, and the text pipeline.
TRACKED_LIBRARIES = ("scikit-learn", "numpy", "scipy", "joblib", "pyarabic")


def library_versions() -> dict:
    """Installed versions of ``TRACKED_LIBRARIES`` (None when not installed)."""
    versions = {}
    for name in TRACKED_LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def save_model(artifact: dict, manifest: dict, out_dir) -> Path:
    """Write ``model.joblib`` and ``model.json`` (with the joblib's sha256) into ``out_dir``.

    Files are written under temporary names and renamed, so a crash never leaves a
    manifest pointing at a half-written model.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    model_tmp = _temp_path(out_dir, MODEL_FILE)
    joblib.dump(artifact, model_tmp, compress=3)
    manifest = {**manifest, "sha256": sha256_file(model_tmp), "size_bytes": model_tmp.stat().st_size}
    manifest_tmp = _temp_path(out_dir, MANIFEST_FILE)
    manifest_tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(model_tmp, out_dir / MODEL_FILE)
    os.replace(manifest_tmp, out_dir / MANIFEST_FILE)
    return out_dir


def read_manifest(model_dir) -> dict:
    """Parse ``model.json`` of ``model_dir``; raise ``ModelLoadError`` subclasses on problems."""
    path = Path(model_dir) / MANIFEST_FILE
    if not path.is_file():
        raise ModelNotFoundError(f"no model manifest at {path}")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ModelLoadError(f"cannot read model manifest {path}: {error.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ModelLoadError(f"model manifest {path} is not valid JSON: {error}") from None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("sha256"), str):
        raise ModelLoadError(f"model manifest {path} has no sha256 of {MODEL_FILE}")
    return manifest


def load_model(path=None, gazetteer=None, open_actors: bool = True) -> StanceModel:
    """Load and verify a model directory (None: the shipped ``models/default``).

    ``gazetteer``: a user gazetteer file applied on top of the shipped one (see
    ``stance.gazetteer``); a malformed file raises ``GazetteerError`` before the model loads.
    ``open_actors``: also report people and organizations outside the gazetteer (``x:`` ids).
    """
    actors = ActorMatcher.from_gazetteer(gazetteer, open_actors)
    model_dir = Path(path) if path is not None else DEFAULT_MODEL_DIR
    if not model_dir.is_dir():
        raise ModelNotFoundError(f"model directory {model_dir} does not exist")
    manifest = read_manifest(model_dir)
    model_path = model_dir / MODEL_FILE
    if not model_path.is_file():
        raise ModelNotFoundError(f"no {MODEL_FILE} in {model_dir}")
    try:
        actual = sha256_file(model_path)
    except OSError as error:
        raise ModelLoadError(f"cannot read {model_path}: {error.strerror}") from None
    if actual != manifest["sha256"]:
        raise ModelIntegrityError(
            f"{model_path} failed verification: sha256 {actual} does not match {manifest['sha256']} "
            f"in {MANIFEST_FILE} (truncated, modified or replaced); refusing to load it")
    _warn_on_version_drift(manifest.get("libraries", {}))
    try:
        artifact = joblib.load(model_path)
        return StanceModel(artifact, manifest, actors)
    except Exception as error:  # a verified file that still fails: report it as a load error
        raise ModelLoadError(f"cannot load {model_path}: {error}") from error


def _warn_on_version_drift(trained_with: dict) -> None:
    installed = library_versions()
    drift = {name: (version, installed.get(name)) for name, version in trained_with.items()
             if name in installed and installed[name] != version}
    if drift:
        details = ", ".join(f"{name} {old} -> {new}" for name, (old, new) in sorted(drift.items()))
        warnings.warn(f"model trained with other library versions: {details}", ModelVersionWarning,
                      stacklevel=3)


def _temp_path(directory: Path, name: str) -> Path:
    handle, temp = tempfile.mkstemp(prefix=f".{name}.", dir=directory)
    os.close(handle)
    os.chmod(temp, 0o644)  # mkstemp makes 0600; a model must be readable by the service's user
    return Path(temp)
