"""How much of a change in its input an autoencoder passes on (introduced in ``03_latent_space``).

A model that copies its input passes every small change straight through:
its Jacobian dr/dx is the identity, with 784 singular values of 1 for a
28 x 28 image. A model with a code of k numbers can pass at most k independent
directions. ``passed_directions`` counts them, from a finite-difference
Jacobian, for any model (``03_latent_space``); ``squared_norms`` sums the
squares of its entries, the contractive autoencoder's penalty, for the
slide's "insensitive enough" (``04_ideal_autoencoder``).
"""

import keras
import numpy as np

from lecture24._checks import as_array, check_number

__all__ = ["jacobian", "passed_directions", "squared_norms"]


def jacobian(predict, x, *, eps=1e-2):
    """Forward-difference Jacobian (m, d) of ``predict`` at one input ``x`` of d values.

    ``predict`` is a Keras model or a function mapping a batch (n, d) to (n, m);
    column j is (predict(x + eps e_j) - predict(x)) / eps.
    """
    return _jacobians(predict, as_array(x, "x", ndim=1)[None], eps)[0]


def passed_directions(predict, points, *, threshold=0.1, eps=1e-2):
    """For each row of ``points`` (n, d): how many independent input directions the map passes.

    That is the number of singular values of the Jacobian at the point that are
    at least ``threshold``: directions along which a change of the input moves
    the output by at least ``threshold`` times as much. An identity passes all
    d; a model whose code has k numbers passes at most k.
    """
    threshold = check_number(threshold, "threshold", minimum=0)
    counts = []
    for J in _jacobians(predict, points, eps):
        # singular values of J are the square roots of the eigenvalues of the Gram matrix J^T J
        squared = np.linalg.eigvalsh(J.T @ J)
        counts.append(int((squared >= threshold**2).sum()))
    return np.array(counts)


def squared_norms(predict, points, *, eps=1e-2):
    """For each row of ``points`` (n, d): the squared Frobenius norm of the Jacobian there, the sum of all (dy_i/dx_j)².

    The contractive autoencoder's penalty, measured without knowing how the map
    is built (``04_ideal_autoencoder`` compares it with input noise).
    """
    return np.array([(J**2).sum() for J in _jacobians(predict, points, eps)])


def _jacobians(predict, points, eps):
    """Forward-difference Jacobians (n, m, d) at each row of ``points``, from one batch of n (d + 1) inputs."""
    points = as_array(points, "points", ndim=2).astype("float32")
    eps = _check_eps(eps)
    n, d = points.shape
    nudges = np.vstack([np.zeros((1, d), dtype="float32"), eps * np.eye(d, dtype="float32")])
    outputs = _run(predict, (points[:, None, :] + nudges[None]).reshape(-1, d)).reshape(n, d + 1, -1)
    return ((outputs[:, 1:] - outputs[:, :1]) / eps).transpose(0, 2, 1)


def _check_eps(eps):
    eps = check_number(eps, "eps", minimum=0)
    if eps == 0:
        raise ValueError("eps must be positive, not 0.")
    return eps


def _run(predict, batch):
    if isinstance(predict, keras.Model):
        # Called directly, in inference mode: predict() would compile a function for each new batch shape.
        outputs = predict(batch, training=False)
    elif callable(predict):
        outputs = predict(batch)
    else:
        raise ValueError(f"predict must be a keras.Model or a function, "
                         f"not an object of type {type(predict).__name__}.")
    outputs = np.asarray(keras.ops.convert_to_numpy(outputs), dtype="float64")
    if outputs.ndim != 2 or len(outputs) != len(batch):
        raise ValueError(f"predict must map a batch (n, d) to (n, m), "
                         f"but it returned shape {outputs.shape} for n = {len(batch)}.")
    return outputs
