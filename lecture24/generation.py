"""Judging generated digits with a classifier (introduced in ``11_variational``).

A generated image has no target to compare with, so a small digit
classifier trained on real digits scores a batch of them: how many it
recognises with confidence, how evenly they cover the ten digits and, for a
conditional model, how often it sees the digit that was asked for. The same
scores on real held-out digits are the ceiling. ``gaussian_codes`` draws the
fairest random codes for a plain autoencoder, which has no prior of its own:
from the Gaussian with its training codes' mean and covariance.
"""

from typing import NamedTuple

import keras
import numpy as np
from keras import layers

from lecture24._checks import as_array, check_int, check_number

__all__ = ["SampleScores", "build_digit_classifier", "score_samples", "gaussian_codes"]


class SampleScores(NamedTuple):
    """What a classifier makes of a batch of images; every share lies in [0, 1]."""

    confident: float  # share of images whose most probable class has a probability above the threshold
    evenness: float  # entropy of the predicted-class shares over log(classes): 1 when all classes are equal
    histogram: np.ndarray  # share of the images predicted as each class
    requested: float  # share predicted as the class that was asked for (NaN when none was)


def build_digit_classifier(hidden_size=256, *, input_size=784, classes=10, optimizer="adam"):
    """A multilayer perceptron, x -> Dense(hidden_size, relu) -> Dense(classes, softmax), compiled.

    It trains on integer labels (``sparse_categorical_crossentropy``) and
    reports accuracy. It judges generated images, so train it on real ones.
    """
    input_size = check_int(input_size, "input_size", minimum=1)
    hidden_size = check_int(hidden_size, "hidden_size", minimum=1)
    classes = check_int(classes, "classes", minimum=2)
    x = keras.Input(shape=(input_size,), name="x")
    hidden = layers.Dense(hidden_size, activation="relu", name="hidden")(x)
    model = keras.Model(x, layers.Dense(classes, activation="softmax", name="p")(hidden), name="digit_classifier")
    model.compile(optimizer=optimizer, loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


def score_samples(probabilities, *, threshold=0.9, requested=None):
    """Score a batch from the classifier's ``probabilities``, shape (N, classes); see ``SampleScores``.

    ``requested``, shape (N,), holds the class each image was asked to show.
    """
    probabilities = as_array(probabilities, "probabilities", ndim=2)
    if probabilities.min() < 0 or not np.allclose(probabilities.sum(axis=1), 1, atol=1e-3):
        raise ValueError("probabilities must be non-negative rows that each sum to 1.")
    threshold = check_number(threshold, "threshold", minimum=0, maximum=1)
    count, classes = probabilities.shape
    predicted = probabilities.argmax(axis=1)
    histogram = np.bincount(predicted, minlength=classes) / count
    present = histogram[histogram > 0]
    evenness = float(-(present * np.log(present)).sum() / np.log(classes))
    share = float("nan")
    if requested is not None:
        requested = as_array(requested, "requested", ndim=1)
        if requested.shape != (count,):
            raise ValueError(f"requested must hold one class per image, shape ({count},), not {requested.shape}.")
        share = float(np.mean(predicted == requested))
    return SampleScores(float(np.mean(probabilities.max(axis=1) > threshold)), evenness, histogram, share)


def gaussian_codes(codes, count, *, seed=0):
    """``count`` random codes, float32, from the Gaussian with the mean and covariance of ``codes`` (n, k)."""
    codes = as_array(codes, "codes", ndim=2).astype("float64")
    count = check_int(count, "count", minimum=1)
    if len(codes) < 2:
        raise ValueError(f"codes must have at least 2 rows to have a covariance, but its shape is {codes.shape}.")
    rng = np.random.default_rng(check_int(seed, "seed", minimum=0))
    covariance = np.atleast_2d(np.cov(codes, rowvar=False))
    return rng.multivariate_normal(codes.mean(axis=0), covariance, size=count).astype("float32")
