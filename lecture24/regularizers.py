"""Two regularizers that make an autoencoder "insensitive enough": KL sparsity and contraction.

``06_sparse`` introduces ``KLSparsity``, Ng's penalty on the *average*
activation of each code unit, beside the slide's L1 penalty, and
``build_kl_sparse``, the one-hidden-layer model with a sigmoid code that it
needs. ``04_ideal_autoencoder`` introduces the contractive autoencoder
(Rifai et al., 2011): ``ContractiveDense`` is a Dense layer that adds the
squared Frobenius norm of its own Jacobian dh/dx, in closed form, to the loss;
``build_contractive`` is the multilayer model with two such encoder layers, and
``squared_jacobian_norm`` evaluates the same closed form for any Dense layer
with a ReLU or sigmoid activation.

Both work on every Keras 3 backend: the penalties are written with
``keras.ops`` and reach the loss through ``add_loss`` (directly, or as an
activity regularizer), with no ``tf.GradientTape`` and no custom ``train_step``.
"""

import functools

import keras
import numpy as np
from keras import layers, ops

from lecture24 import models
from lecture24._checks import as_array, check_choice, check_number

__all__ = ["KLSparsity", "ContractiveDense", "build_kl_sparse", "build_contractive", "bernoulli_kl",
           "squared_jacobian_norm"]

ACTIVATIONS = ("relu", "sigmoid")  # the activations whose derivative the closed form knows
_CLIP = 1e-7  # keeps log(rho_hat) and log(1 - rho_hat) finite when a sigmoid saturates in float32


def bernoulli_kl(rho, rho_hat):
    """KL(rho || rho_hat) between Bernoulli distributions, elementwise, in NumPy (for checking by hand)."""
    rho = _check_rate(rho, "rho")
    rho_hat = np.clip(as_array(rho_hat, "rho_hat").astype("float64"), _CLIP, 1 - _CLIP)
    return rho * np.log(rho / rho_hat) + (1 - rho) * np.log((1 - rho) / (1 - rho_hat))


@keras.saving.register_keras_serializable(package="lecture24")
class KLSparsity(keras.regularizers.Regularizer):
    """Activity regularizer beta * sum_j KL(rho || rho_hat_j), rho_hat_j the batch mean of unit j.

    Ng's sparse-autoencoder penalty: each unit should be active, *on average*
    over the examples, at the small target rate ``rho``. The activations must
    lie in (0, 1), so use it on a sigmoid layer. Keras divides an activity
    penalty by the batch size (it expects a sum over the examples, like L1's);
    this penalty is already a statement about the batch as a whole, so
    ``__call__`` multiplies by the batch size, and the layer's entry in
    ``model.losses`` is exactly beta * sum_j KL(rho || rho_hat_j).
    """

    def __init__(self, rho=0.05, beta=1.0):
        self.rho = _check_rate(rho, "rho")
        self.beta = check_number(beta, "beta", minimum=0)

    def __call__(self, h):
        rho_hat = ops.clip(ops.mean(h, axis=0), _CLIP, 1 - _CLIP)
        rho = ops.cast(self.rho, h.dtype)
        kl = rho * ops.log(rho / rho_hat) + (1 - rho) * ops.log((1 - rho) / (1 - rho_hat))
        batch_size = ops.cast(ops.shape(h)[0], h.dtype)  # undoes Keras' division by the batch size
        return self.beta * ops.sum(kl) * batch_size

    def get_config(self):
        return {"rho": self.rho, "beta": self.beta}


@keras.saving.register_keras_serializable(package="lecture24")
class ContractiveDense(layers.Dense):
    """A Dense layer h = phi(W^T x + b) that adds contraction * ||dh/dx||_F^2, averaged over the batch, to the loss.

    For one example, ||dh/dx||_F^2 = sum_j phi'(a_j)^2 sum_i W_ij^2, with a the
    pre-activation: for ReLU phi'(a_j) = 1[a_j > 0], for the sigmoid
    phi'(a_j) = h_j (1 - h_j). Both derivatives can be read off the output h,
    so the penalty costs one pass over the layer's output and the column norms
    of W, not a Jacobian. ``contraction = 0`` is a plain Dense layer.
    """

    def __init__(self, units, *, contraction, activation="relu", **kwargs):
        self.contraction = check_number(contraction, "contraction", minimum=0)
        super().__init__(units, activation=check_choice(activation, "activation", ACTIVATIONS), **kwargs)
        self._kind = activation

    def call(self, inputs, training=None):
        h = super().call(inputs, training=training)
        if self.contraction > 0:
            self.add_loss(self.contraction * ops.mean(_penalty(h, self.kernel, self._kind)))
        return h

    def get_config(self):
        config = super().get_config()
        config.update(contraction=self.contraction, activation=self._kind)
        return config


def build_kl_sparse(hidden_size=1024, rho=0.05, beta=1.0, *, input_size=784, optimizer="adam", loss="mse"):
    """One-hidden-layer autoencoder with a sigmoid code h and the penalty ``KLSparsity(rho, beta)`` on it.

    The same shape as ``models.build_regularized`` (layers named ``h`` and
    ``r``), but the code is a sigmoid, because the penalty treats each unit's
    mean activation as a firing rate in (0, 1). ``beta`` must be positive; use
    ``models.build_vanilla`` for the unregularized model.
    """
    beta = check_number(beta, "beta", minimum=0)
    if beta == 0:
        raise ValueError("beta must be positive for a sparse autoencoder, not 0; without a penalty, use "
                         "models.build_vanilla.")
    return models._one_hidden_layer("kl_sparse", hidden_size, input_size, KLSparsity(rho, beta), optimizer, loss,
                                    activation="sigmoid")


def build_contractive(hidden_size=128, code_size=64, contraction=1e-4, *, input_size=784, optimizer="adam",
                      loss="mse"):
    """``models.build_multilayer`` with both encoder layers contractive (``ContractiveDense``).

    Each encoder layer adds ``contraction`` times the squared Frobenius norm
    of its own Jacobian. Their sum bounds the whole encoder's:
    ||J_2 J_1||_F <= ||J_2||_F ||J_1||_F <= (||J_1||_F^2 + ||J_2||_F^2) / 2, so the
    encoder cannot dodge the penalty by shrinking one layer and growing the
    other. Same layer names and sizes as ``build_multilayer``; built after
    the same seed, it starts from the same weights.
    """
    contraction = check_number(contraction, "contraction", minimum=0)
    if contraction == 0:
        raise ValueError("contraction must be positive for a contractive autoencoder, not 0; without a penalty, "
                         "use models.build_multilayer.")
    dense = functools.partial(ContractiveDense, contraction=contraction)
    return models._multilayer("contractive", dense, hidden_size, code_size, input_size, "relu", optimizer, loss)


def squared_jacobian_norm(layer, x):
    """||dh/dx||_F^2 of a Dense ``layer`` (ReLU or sigmoid) at each row of ``x`` (n, d), in closed form.

    Works for a plain ``keras.layers.Dense`` as for ``ContractiveDense``, so
    models trained without the penalty can be measured with the same formula;
    ``04_ideal_autoencoder`` checks it against ``sensitivity.jacobian``.
    """
    if not isinstance(layer, layers.Dense):
        raise ValueError(f"layer must be a keras.layers.Dense, not an object of type {type(layer).__name__}.")
    kind = getattr(layer.activation, "__name__", "")
    if kind not in ACTIVATIONS:
        raise ValueError(f"layer must have a relu or sigmoid activation, not {kind or layer.activation!r}.")
    x = as_array(x, "x", ndim=2)
    kernel = keras.ops.convert_to_numpy(layer.kernel).astype("float64")
    if x.shape[1] != kernel.shape[0]:
        raise ValueError(f"x must have {kernel.shape[0]} columns, the layer's input size, not {x.shape[1]}.")
    bias = 0 if layer.bias is None else keras.ops.convert_to_numpy(layer.bias).astype("float64")
    a = x.astype("float64") @ kernel + bias
    h = np.maximum(a, 0) if kind == "relu" else 1 / (1 + np.exp(-a))
    return _penalty(h, kernel, kind, numpy=True)


def _penalty(h, kernel, kind, numpy=False):
    """Per-example sum_j phi'(a_j)^2 sum_i W_ij^2, with phi' read off the output h (keras.ops, or NumPy)."""
    xp = np if numpy else ops
    if kind == "relu":  # phi' is 0 or 1, so its square is itself
        slope_squared = (h > 0).astype(h.dtype) if numpy else ops.cast(h > 0, h.dtype)
    else:
        slope_squared = xp.square(h * (1 - h))
    return xp.sum(slope_squared * xp.sum(xp.square(kernel), axis=0), axis=-1)


def _check_rate(value, name):
    value = check_number(value, name, minimum=0, maximum=1)
    if value in (0, 1):
        raise ValueError(f"{name} must lie strictly between 0 and 1, not {value!r}.")
    return value
