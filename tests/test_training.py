"""lecture24.training: full-batch training that matches fit and drives callbacks."""

import keras
import numpy as np
import pytest

import lecture24
from lecture24 import models, training


@pytest.fixture
def digits():
    rng = np.random.default_rng(0)
    return rng.random((20, 784)).astype("float32"), rng.random((10, 784)).astype("float32")


def _model():
    lecture24.seed_everything(0)
    return models.build_multilayer(hidden_size=16, code_size=4, optimizer=keras.optimizers.Adam(0.01)).autoencoder


def test_takes_the_same_steps_as_fit_with_one_full_batch(digits):
    x, validation = digits
    ours = training.full_batch_fit(_model(), x, validation, epochs=5).history
    theirs = _model().fit(x, x, epochs=5, batch_size=len(x), shuffle=False, verbose=0,
                          validation_data=(validation, validation)).history
    assert len(ours["loss"]) == 5
    np.testing.assert_allclose(ours["loss"], theirs["loss"], rtol=1e-4)
    np.testing.assert_allclose(ours["val_loss"], theirs["val_loss"], rtol=1e-4)


def test_early_stopping_ends_the_loop_and_restores_the_best_weights(digits):
    x, validation = digits
    model = _model()
    model.compile(optimizer=keras.optimizers.Adam(0.5), loss="mse")  # a rate so large that validation soon worsens
    stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=2, restore_best_weights=True)
    curves = training.full_batch_fit(model, x, validation, epochs=50, callbacks=[stopper]).history
    assert len(curves["loss"]) < 50
    assert np.isclose(float(model.test_on_batch(validation, validation)), min(curves["val_loss"]), rtol=1e-5)


@pytest.mark.parametrize("epochs", [0, 2.5, True])
def test_rejects_epochs_that_are_not_positive_integers(digits, epochs):
    with pytest.raises(ValueError, match="epochs must be"):
        training.full_batch_fit(_model(), *digits, epochs=epochs)


def test_rejects_validation_images_of_another_shape(digits):
    x, _ = digits
    with pytest.raises(ValueError, match="validation must hold images of the shape of x's"):
        training.full_batch_fit(_model(), x, x[:, :100], epochs=1)
