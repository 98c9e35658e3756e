"""lecture24.diagrams: the figure of a small Dense network and the autoencoder's shape."""

import matplotlib

matplotlib.use("Agg")

import keras  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
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


def _conv_model():
    x = keras.Input(shape=(4, 4, 1))
    return keras.Model(x, layers.Conv2D(1, 3)(x))


def _wide_model():
    x = keras.Input(shape=(2,))
    return keras.Model(x, layers.Dense(9)(x))


def _no_bias_model():
    x = keras.Input(shape=(2,))
    return keras.Model(x, layers.Dense(2, use_bias=False)(x))


BAD = [
    (diagrams.draw_dense_network, ("not a model",), {}, "model must be a keras.Model"),
    (diagrams.draw_dense_network, (_conv_model,), {}, "model must consist of Dense layers only"),
    (diagrams.draw_dense_network, (_wide_model,), {}, "at most 8 nodes per layer"),
    (diagrams.draw_dense_network, (_no_bias_model,), {}, "must have biases"),
    (diagrams.draw_dense_network, (tiny_network,), {"decimals": -1}, "decimals must be at least 0"),
    (diagrams.draw_autoencoder, (0, 32), {}, "input_size must be at least 1"),
    (diagrams.draw_autoencoder, (784, 3.5), {}, "code_size must be an integer"),
]


@pytest.mark.parametrize("function, args, kwargs, message", BAD, ids=[f"{c[0].__name__}-{i}" for i, c in enumerate(BAD)])
def test_bad_input_raises_a_clear_value_error(function, args, kwargs, message):
    args = tuple(arg() if callable(arg) else arg for arg in args)
    with pytest.raises(ValueError) as error:
        function(*args, **kwargs)
    assert message in str(error.value)
