import numpy as np
import pytest

from lecture24 import models, saving, seed_everything


@pytest.fixture(scope="module")
def trained():
    seed_everything(0)
    autoencoder = models.build_regularized(hidden_size=8).autoencoder
    x = np.random.default_rng(0).random((64, 784)).astype("float32")
    autoencoder.fit(x, x, epochs=1, batch_size=32, verbose=0)
    return autoencoder, x


def test_a_saved_model_loads_back_to_the_same_predictions(tmp_path, trained):
    autoencoder, x = trained
    path = saving.save_model(autoencoder, tmp_path / "model.keras")
    restored = saving.load_model(path)
    np.testing.assert_array_equal(restored.predict(x, verbose=0), autoencoder.predict(x, verbose=0))
    assert [p.name for p in tmp_path.iterdir()] == ["model.keras"], "no temporary file may remain"


def test_a_truncated_file_gives_a_clear_error(tmp_path, trained):
    path = saving.save_model(trained[0], tmp_path / "model.keras")
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(ValueError, match="not a complete .keras model file"):
        saving.load_model(path)


def test_a_failed_save_leaves_neither_a_partial_file_nor_a_changed_target(tmp_path, trained, monkeypatch):
    import keras

    target = tmp_path / "model.keras"
    target.write_bytes(b"previous version")

    def broken_save(model, filepath):
        with open(filepath, "wb") as file:
            file.write(b"half")
        raise OSError("disk full")

    monkeypatch.setattr(keras.saving, "save_model", broken_save)
    with pytest.raises(OSError, match="disk full"):
        saving.save_model(trained[0], target)
    assert target.read_bytes() == b"previous version"
    assert [p.name for p in tmp_path.iterdir()] == ["model.keras"]


@pytest.mark.parametrize("path, message", [
    ("model.h5", "path must end in .keras"),
    ("no/such/folder/model.keras", "path must be in an existing folder"),
    (3, "path must be a file path"),
])
def test_save_rejects_bad_paths(trained, path, message):
    with pytest.raises(ValueError, match=message):
        saving.save_model(trained[0], path)


def test_save_rejects_what_is_not_a_model(tmp_path):
    with pytest.raises(ValueError, match="model must be a keras.Model"):
        saving.save_model("model", tmp_path / "m.keras")


def test_load_rejects_a_missing_file(tmp_path):
    with pytest.raises(ValueError, match="existing .keras file"):
        saving.load_model(tmp_path / "missing.keras")
