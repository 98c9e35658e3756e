import numpy as np
import pytest

from lecture24 import models

BUILDERS = {
    "vanilla": (models.build_vanilla, (784,), (64,)),
    "multilayer": (models.build_multilayer, (784,), (64,)),
    "convolutional": (models.build_convolutional, (28, 28, 1), (4, 4, 8)),
    "regularized": (models.build_regularized, (784,), (64,)),
}


@pytest.mark.parametrize("name", BUILDERS)
def test_autoencoder_is_decoder_after_encoder_with_the_slide_shapes(name):
    build, input_shape, code_shape = BUILDERS[name]
    autoencoder, encoder, decoder = build()
    x = np.random.default_rng(0).random((3, *input_shape)).astype("float32")
    h = encoder.predict(x, verbose=0)
    assert h.shape == (3, *code_shape)
    np.testing.assert_allclose(autoencoder.predict(x, verbose=0), decoder.predict(h, verbose=0), atol=1e-6)
    assert autoencoder.output_shape == (None, *input_shape)
    assert autoencoder.loss == "mse"


def test_the_three_models_share_weights():
    autoencoder, encoder, decoder = models.build_vanilla()
    assert encoder.get_layer("h") is autoencoder.get_layer("h")
    assert decoder.get_layer("r") is autoencoder.get_layer("r")
    assert autoencoder.count_params() == encoder.count_params() + decoder.count_params()


def test_parameter_counts_match_the_slides():
    assert models.build_vanilla().autoencoder.count_params() == 784 * 64 + 64 + 64 * 784 + 784
    multilayer = 784 * 128 + 128 + 128 * 64 + 64 + 64 * 128 + 128 + 128 * 784 + 784
    assert models.build_multilayer().autoencoder.count_params() == multilayer
    conv = (9 * 16 + 16) + (9 * 16 * 8 + 8) + 3 * (9 * 8 * 8 + 8) + (9 * 8 * 16 + 16) + (9 * 16 + 1)
    assert models.build_convolutional().autoencoder.count_params() == conv


def test_regularized_model_adds_the_l1_activity_penalty():
    autoencoder, _, _ = models.build_regularized(l1=0.5)
    x = np.full((2, 784), 0.5, dtype="float32")
    autoencoder(x)
    assert len(autoencoder.losses) == 1 and float(autoencoder.losses[0]) >= 0
    assert models.build_vanilla().autoencoder.get_layer("h").activity_regularizer is None


def test_loss_and_sizes_are_parameters():
    autoencoder, encoder, _ = models.build_vanilla(1024, loss="binary_crossentropy")
    assert encoder.output_shape == (None, 1024) and autoencoder.loss == "binary_crossentropy"
    _, encoder, _ = models.build_multilayer(hidden_size=32, code_size=2, input_size=100)
    assert encoder.output_shape == (None, 2)


def test_architecture_lists_layers_in_order():
    rows = models.architecture(models.build_convolutional().encoder)
    assert [row[0] for row in rows] == ["x", "conv1_1", "pool1", "conv1_2", "pool2", "conv1_3", "h"]
    assert rows[-1][2] == (None, 4, 4, 8)
