"""How much of a change in its input an autoencoder passes on (introduced in ``03_latent_space``).

A model that copies its input passes every small change straight through:
its Jacobian dr/dx is the identity, with 784 singular values of 1 for a
28 x 28 image. A model with a code of k numbers can pass at most k independent
directions. ``passed_directions`` counts them, from a finite-difference
Jacobian, for any model; ``04_ideal_autoencoder`` uses it for the slide's
"sensitive enough ... insensitive enough".
"""

import keras
import numpy as np

from lecture24._checks import as_array, check_number

__all__ = ["jacobian", "passed_directions"]


def jacobian(predict, x, *, eps=1e-2):
    """Forward-difference Jacobian (m, d) of ``predict`` at one input ``x`` of d values.

    ``predict`` is a Keras model or a function mapping a batch (n, d) to (n, m);
    column j is (predict(x + eps e_j) - predict(x)) / eps.
    """
    x = as_array(x, "x", ndim=1).astype("float32")
    eps = _check_eps(eps)
    batch = np.vstack([x, x + eps * np.eye(len(x), dtype="float32")])
    outputs = _run(predict, batch)
    return ((outputs[1:] - outputs[0]) / eps).T


def passed_directions(predict, points, *, threshold=0.1, eps=1e-2):
    """For each row of ``points`` (n, d): how many independent input directions the map passes.

    That is the number of singular values of the Jacobian at the point that are
    at least ``threshold``: directions along which a change of the input moves
    the output by at least ``threshold`` times as much. An identity passes all
    d; a model whose code has k numbers passes at most k.
    """
    points = as_array(points, "points", ndim=2).astype("float32")
    threshold = check_number(threshold, "threshold", minimum=0)
    eps = _check_eps(eps)
    n, d = points.shape
    nudges = np.vstack([np.zeros((1, d), dtype="float32"), eps * np.eye(d, dtype="float32")])
    outputs = _run(predict, (points[:, None, :] + nudges[None]).reshape(-1, d))  # one batch for all points
    outputs = outputs.reshape(n, d + 1, -1)
    counts = []
    for out in outputs:
        J = ((out[1:] - out[0]) / eps).T
        # singular values of J are the square roots of the eigenvalues of the Gram matrix J^T J
        squared = np.linalg.eigvalsh(J.T @ J)
        counts.append(int((squared >= threshold**2).sum()))
    return np.array(counts)


def _check_eps(eps):
    eps = check_number(eps, "eps", minimum=0)
    if eps == 0:
        raise ValueError("eps must be positive, not 0.")
    return eps


def _run(predict, batch):
    if isinstance(predict, keras.Model):
        outputs = predict.predict(batch, batch_size=2048, verbose=0)
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
