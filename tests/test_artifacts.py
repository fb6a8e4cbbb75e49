import json
import warnings

import pytest

from stance import (ModelIntegrityError, ModelLoadError, ModelNotFoundError, ModelVersionWarning,
                    load_model)
from stance.artifacts import DEFAULT_MODEL_DIR


def test_a_model_loads_after_verification(tiny_model_dir):
    model = load_model(tiny_model_dir)
    assert model.stance_labels == ["concern", "denial", "pressure"]


def test_tampered_model_file_is_refused_before_unpickling(model_copy):
    path = model_copy / "model.joblib"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(ModelIntegrityError, match="failed verification"):
        load_model(model_copy)


def test_truncated_model_file_is_refused(model_copy):
    path = model_copy / "model.joblib"
    path.write_bytes(path.read_bytes()[:1000])
    with pytest.raises(ModelIntegrityError):
        load_model(model_copy)


def test_substituted_pickle_is_never_executed(model_copy, tmp_path):
    # A malicious pickle would run code on load; it must be refused by the hash check first.
    import joblib
    marker = tmp_path / "executed"
    joblib.dump(Exploit(str(marker)), model_copy / "model.joblib")
    with pytest.raises(ModelIntegrityError):
        load_model(model_copy)
    assert not marker.exists()


class Exploit:
    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (open, (self.marker, "w"))


@pytest.mark.parametrize("remove", ["model.joblib", "model.json"])
def test_missing_file_is_refused(model_copy, remove):
    (model_copy / remove).unlink()
    with pytest.raises(ModelNotFoundError):
        load_model(model_copy)


def test_missing_directory_is_refused(tmp_path):
    with pytest.raises(ModelNotFoundError, match="does not exist"):
        load_model(tmp_path / "nowhere")


def test_manifest_without_hash_is_refused(model_copy):
    manifest = json.loads((model_copy / "model.json").read_text(encoding="utf-8"))
    del manifest["sha256"]
    (model_copy / "model.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ModelLoadError, match="no sha256"):
        load_model(model_copy)


def test_library_version_drift_warns(model_copy):
    manifest = json.loads((model_copy / "model.json").read_text(encoding="utf-8"))
    manifest["libraries"]["scikit-learn"] = "0.0.1"
    (model_copy / "model.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.warns(ModelVersionWarning, match="scikit-learn 0.0.1 ->"):
        load_model(model_copy)


def test_shipped_model_loads_without_warnings():
    if not (DEFAULT_MODEL_DIR / "model.json").exists():
        pytest.fail("models/default is missing: run python -m training")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        model = load_model()
    assert model.stance_labels == ["concern", "denial", "pressure"]
    assert model.sentiment_labels == ["negative", "neutral", "positive"]


def test_saved_model_files_are_readable_by_other_users(tiny_model_dir):
    for name in ("model.joblib", "model.json"):
        assert (tiny_model_dir / name).stat().st_mode & 0o044 == 0o044


def test_unreadable_manifest_is_a_clear_load_error(model_copy):
    (model_copy / "model.json").write_bytes(b"\xff\xfe not json")
    with pytest.raises(ModelLoadError, match="not valid JSON"):
        load_model(model_copy)
