"""lecture24.diagrams: the figure of a small Dense network and the autoencoder's shape."""

import matplotlib

matplotlib.use("Agg")

import keras  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from keras import layers  # noqa: E402

from lecture24 import diagrams  # noqa: E402


def tiny_network():
    x = keras.Input(shape=(2,), name="x")
    a = layers.Dense(3, activation="relu", name="hidden")(x)
    y = layers.Dense(1, activation="sigmoid", name="output")(a)
    model = keras.Model(inputs=x, outputs=y)
    model.get_layer("hidden").set_weights([np.array([[0.5, -0.3, 0.8], [0.2, 0.7, -0.6]]), np.array([0.1, -0.1, 0.0])])
    model.get_layer("output").set_weights([np.array([[0.9], [-0.4], [0.6]]), np.array([0.05])])
    return model


def _texts(fig):
    return [text.get_text() for ax in fig.axes for text in ax.texts]


def test_draw_dense_network_labels_every_weight_bias_and_layer():
    fig = diagrams.draw_dense_network(tiny_network())
    texts = _texts(fig)
    for value in ["0.50", "-0.30", "0.80", "0.20", "0.70", "-0.60", "0.90", "-0.40", "0.60"]:
        assert value in texts
    for bias in ["b=0.10", "b=-0.10", "b=0.00", "b=0.05"]:
        assert bias in texts
    assert "hidden\n(relu)" in texts and "output\n(sigmoid)" in texts and "x\n(input)" in texts
    assert sum(text.startswith("$x_") for text in texts) == 2
    plt.close(fig)


def test_draw_dense_network_rounds_to_the_requested_decimals():
    fig = diagrams.draw_dense_network(tiny_network(), decimals=1)
    assert "0.5" in _texts(fig) and "b=0.1" in _texts(fig)
    plt.close(fig)


def test_draw_autoencoder_names_the_stages():
    fig = diagrams.draw_autoencoder(784, 32)
    joined = " ".join(_texts(fig))
    for word in ["encoder", "decoder", "latent space", "784 values", "32 values", "$h = f(x)$", "$r = g(h)$"]:
        assert word in joined
    plt.close(fig)
