"""Variational and conditional variational autoencoders (introduced in ``11_variational``).

The encoder gives, for each input x, the mean μ and the log-variance log σ²
of a Gaussian over codes. ``Sampling`` draws a code z = μ + σ ε with
ε ~ N(0, I), the reparameterization trick, and adds the Kullback-Leibler
divergence of that Gaussian from the prior N(0, I) to the model's loss with
``add_loss``. The compiled loss, binary cross-entropy, is the reconstruction
term, so the training loss is the negative evidence lower bound (ELBO) per
pixel. Nothing here is written for one backend (no ``GradientTape``, no
custom ``train_step``): the models train with ``fit``, and the tests run
them on TensorFlow and JAX.
"""

from typing import NamedTuple

import keras
from keras import layers, ops

from lecture24._checks import check_int, check_number

__all__ = ["VariationalAutoencoder", "Sampling", "kl_divergence", "build_vae"]


class VariationalAutoencoder(NamedTuple):
    """The whole model and its two halves, sharing layers (and so weights).

    ``encoder`` maps x (and, for a conditional model, the one-hot label y) to
    ``[μ, log σ²]``; ``decoder`` maps a code z (and y) to an image.
    """

    vae: keras.Model
    encoder: keras.Model
    decoder: keras.Model


def kl_divergence(mean, log_var):
    """KL(N(μ, σ²) ‖ N(0, I)) of each example, summed over the code: ½ Σ (μ² + σ² − log σ² − 1), shape (N,)."""
    return 0.5 * ops.sum(ops.square(mean) + ops.exp(log_var) - log_var - 1.0, axis=-1)


@keras.saving.register_keras_serializable(package="lecture24")
class Sampling(keras.layers.Layer):
    """Called on ``[μ, log σ²]``: returns z = μ + exp(log σ² / 2) ε and adds ``kl_weight`` × mean KL to the loss.

    ε is drawn afresh on every call, in training and prediction alike, from
    the layer's own ``SeedGenerator(seed)``, so that runs repeat.
    """

    def __init__(self, kl_weight=1.0, seed=0, **kwargs):
        super().__init__(**kwargs)
        self.kl_weight = check_number(kl_weight, "kl_weight", minimum=0)
        self.seed = check_int(seed, "seed", minimum=0)
        self.seed_generator = keras.random.SeedGenerator(self.seed)

    def call(self, inputs):
        mean, log_var = inputs
        self.add_loss(self.kl_weight * ops.mean(kl_divergence(mean, log_var)))
        epsilon = keras.random.normal(ops.shape(mean), seed=self.seed_generator, dtype=mean.dtype)
        return mean + ops.exp(0.5 * log_var) * epsilon

    def compute_output_shape(self, input_shape):
        return input_shape[0]

    def get_config(self):
        return {**super().get_config(), "kl_weight": self.kl_weight, "seed": self.seed}


def build_vae(code_size=2, hidden_size=256, *, classes=None, input_size=784, beta=1.0, seed=0, optimizer="adam"):
    """A VAE: x -> Dense(hidden_size, relu) -> [μ, log σ²] -> z -> Dense(hidden_size, relu) -> r (sigmoid).

    Compiled with ``optimizer`` and binary cross-entropy, the mean over the
    ``input_size`` pixels, to which ``Sampling`` adds ``beta / input_size``
    times the KL term: for ``beta=1`` the loss is −ELBO / ``input_size``
    (Kingma and Welling's objective, per pixel). ``seed`` seeds the draws of
    ε; the weights follow Keras' global seed. With ``classes`` set, the model
    is a conditional VAE (Sohn et al., 2015): ``vae`` and ``encoder`` take
    ``[x, y]`` and ``decoder`` takes ``[z, y]``, with y one-hot of width
    ``classes``.
    """
    input_size = check_int(input_size, "input_size", minimum=2)
    hidden_size = check_int(hidden_size, "hidden_size", minimum=1)
    code_size = check_int(code_size, "code_size", minimum=1, maximum=input_size - 1)
    beta = check_number(beta, "beta", minimum=0)
    label = [] if classes is None else [keras.Input(shape=(check_int(classes, "classes", minimum=2),), name="y")]

    x = keras.Input(shape=(input_size,), name="x")
    hidden = layers.Dense(hidden_size, activation="relu", name="hidden_1")(
        layers.Concatenate(name="x_and_y")([x, *label]) if label else x)
    mean = layers.Dense(code_size, name="mean")(hidden)
    log_var = layers.Dense(code_size, name="log_var")(hidden)
    decoder_layers = [layers.Dense(hidden_size, activation="relu", name="hidden_2"),
                      layers.Dense(input_size, activation="sigmoid", name="r")]

    def decode(z):
        r = layers.Concatenate(name="z_and_y")([z, *label]) if label else z
        for layer in decoder_layers:
            r = layer(r)
        return r

    kind = "cvae" if label else "vae"
    z = Sampling(beta / input_size, seed, name="z")([mean, log_var])
    inputs = [x, *label] if label else x  # a bare tensor, not a list of one, for the unconditional model
    vae = keras.Model(inputs, decode(z), name=kind)
    vae.compile(optimizer=optimizer, loss="binary_crossentropy")
    encoder = keras.Model(inputs, [mean, log_var], name=f"{kind}_encoder")
    code = keras.Input(shape=(code_size,), name="code")
    decoder = keras.Model([code, *label] if label else code, decode(code), name=f"{kind}_decoder")
    return VariationalAutoencoder(vae, encoder, decoder)
