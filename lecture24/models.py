"""The lecture's four autoencoders, as on the slides "Types of Autoencoders".

Each builder returns an ``Autoencoder`` with three Keras models that share
their layers: ``encoder`` is f (h = f(x)), ``decoder`` is g (r = g(h)) and
``autoencoder`` is g(f(x)). They are compiled with the slides' choice,
``optimizer="adam", loss="mse"``, unless told otherwise. Introduced in
``10_types``; ``02_architecture`` explains the three-model split.
"""

from typing import NamedTuple

import keras
from keras import layers, regularizers

from lecture24._checks import check_int, check_number

__all__ = ["Autoencoder", "architecture", "build_vanilla", "build_multilayer", "build_convolutional",
           "build_regularized"]


class Autoencoder(NamedTuple):
    """The autoencoder and its two halves, sharing layers (and so weights)."""

    autoencoder: "keras.Model"  # noqa: F821
    encoder: "keras.Model"  # noqa: F821
    decoder: "keras.Model"  # noqa: F821


def build_vanilla(hidden_size=64, *, input_size=784, optimizer="adam", loss="mse"):
    """Vanilla autoencoder: ``input_size`` -> Dense(hidden_size, relu) -> Dense(input_size, sigmoid).

    ``hidden_size`` may be smaller than ``input_size`` (undercomplete), equal
    (complete) or larger (overcomplete); ``03_latent_space`` compares the three.
    """
    return _one_hidden_layer("vanilla", hidden_size, input_size, None, optimizer, loss)


def build_multilayer(hidden_size=128, code_size=64, *, input_size=784, code_activation="relu", optimizer="adam",
                     loss="mse"):
    """Multilayer autoencoder: input -> 128 -> 64 (code) -> 128 -> input, relu inside, sigmoid out.

    The code is the narrowest layer, so ``code_size`` must be smaller than
    ``input_size`` and at most ``hidden_size``. ``code_activation=None``
    makes the code linear (``11_variational``'s plain autoencoder).
    """
    return _multilayer("multilayer", layers.Dense, hidden_size, code_size, input_size, code_activation, optimizer,
                       loss)


def build_convolutional(*, optimizer="adam", loss="mse"):
    """Convolutional autoencoder for 28x28x1 images, the slide's listing with its "..." filled in.

    Encoder: Conv2D 16, 8, 8 (3x3, relu, same padding), each followed by 2x2
    max pooling: 28 -> 14 -> 7 -> 4, so the code h is 4x4x8 = 128 values.
    Decoder: Conv2D 8, 8, 16, each followed by 2x2 upsampling, then a one-filter
    sigmoid Conv2D. The third decoder convolution uses ``valid`` padding
    (16 -> 14) so that the last upsampling lands on 28, as in Chollet's
    "Building Autoencoders in Keras", which the slide's code follows.
    """
    def conv(filters, name, padding="same", activation="relu"):
        return layers.Conv2D(filters, (3, 3), activation=activation, padding=padding, name=name)

    encoder_layers = [
        conv(16, "conv1_1"), layers.MaxPooling2D((2, 2), padding="same", name="pool1"),
        conv(8, "conv1_2"), layers.MaxPooling2D((2, 2), padding="same", name="pool2"),
        conv(8, "conv1_3"), layers.MaxPooling2D((2, 2), padding="same", name="h"),
    ]
    decoder_layers = [
        conv(8, "conv2_1"), layers.UpSampling2D((2, 2), name="up1"),
        conv(8, "conv2_2"), layers.UpSampling2D((2, 2), name="up2"),
        conv(16, "conv2_3", padding="valid"), layers.UpSampling2D((2, 2), name="up3"),
        conv(1, "r", activation="sigmoid"),
    ]
    return _assemble(keras.Input(shape=(28, 28, 1), name="x"), encoder_layers, decoder_layers,
                     "convolutional", optimizer, loss)


def build_regularized(hidden_size=64, l1=1e-4, *, input_size=784, optimizer="adam", loss="mse"):
    """Regularized (sparse) autoencoder: the vanilla model with an L1 activity penalty on h.

    The training loss becomes L(x, r) + l1 * sum_i |h_i| (averaged over the
    batch), the slide "Activation Based Loss". ``l1`` must be positive; use
    ``build_vanilla`` for the unregularized model.
    """
    l1 = check_number(l1, "l1", minimum=0)
    if l1 == 0:
        raise ValueError("l1 must be positive for a regularized autoencoder, not 0; "
                         "without a penalty, use build_vanilla.")
    return _one_hidden_layer("regularized", hidden_size, input_size, regularizers.L1(l1), optimizer, loss)


def architecture(model):
    """Rows (layer name, layer type, output shape, parameters) of ``model``, input first.

    ``10_types`` uses it to check that the package's builders are the slide
    code; ``02_architecture`` prints the shape at each stage.
    """
    if not isinstance(model, keras.Model):
        raise ValueError(f"model must be a keras.Model, not an object of type {type(model).__name__}.")
    return [(layer.name, type(layer).__name__, tuple(layer.output.shape), layer.count_params())
            for layer in model.layers]


def _one_hidden_layer(name, hidden_size, input_size, regularizer, optimizer, loss, activation="relu"):
    """input -> Dense(hidden_size, activation, activity_regularizer) -> Dense(input_size, sigmoid)."""
    input_size = check_int(input_size, "input_size", minimum=1)
    hidden_size = check_int(hidden_size, "hidden_size", minimum=1)
    encoder_layers = [layers.Dense(hidden_size, activation=activation, activity_regularizer=regularizer, name="h")]
    decoder_layers = [layers.Dense(input_size, activation="sigmoid", name="r")]
    return _assemble(keras.Input(shape=(input_size,), name="x"), encoder_layers, decoder_layers,
                     name, optimizer, loss)


def _multilayer(name, dense, hidden_size, code_size, input_size, code_activation, optimizer, loss):
    """input -> hidden_1 -> h (code) -> hidden_2 -> r, with ``dense`` building the two encoder layers."""
    input_size = check_int(input_size, "input_size", minimum=2)
    hidden_size = check_int(hidden_size, "hidden_size", minimum=1)
    code_size = check_int(code_size, "code_size", minimum=1, maximum=min(hidden_size, input_size - 1))
    encoder_layers = [dense(hidden_size, activation="relu", name="hidden_1"),
                      dense(code_size, activation=code_activation, name="h")]
    decoder_layers = [layers.Dense(hidden_size, activation="relu", name="hidden_2"),
                      layers.Dense(input_size, activation="sigmoid", name="r")]
    return _assemble(keras.Input(shape=(input_size,), name="x"), encoder_layers, decoder_layers, name, optimizer, loss)


def _assemble(x, encoder_layers, decoder_layers, name, optimizer, loss):
    """Wire the layers into autoencoder, encoder and decoder models that share them."""
    h = x
    for layer in encoder_layers:
        h = layer(h)
    r = h
    for layer in decoder_layers:
        r = layer(r)
    code = keras.Input(shape=h.shape[1:], name="code")
    decoded = code
    for layer in decoder_layers:
        decoded = layer(decoded)
    autoencoder = keras.Model(inputs=x, outputs=r, name=name)
    autoencoder.compile(optimizer=optimizer, loss=loss)
    return Autoencoder(autoencoder, keras.Model(inputs=x, outputs=h, name=f"{name}_encoder"),
                       keras.Model(inputs=code, outputs=decoded, name=f"{name}_decoder"))
