"""Inputs unlike the training digits, and per-class summaries (introduced in ``04_ideal_autoencoder``).

The slide "Undercompletion..." warns that an autoencoder trained on one data
set is "more likely to be incorrect for inputs not represented in dataset" and
that "datasets often contain class imbalances". This module makes such inputs
(inverted digits, uniform noise, gray photo patches), a training subset with
one class made rare, and the summaries that measure the damage: the mean error
per class and the ROC-AUC of reconstruction error used as an anomaly score.
``03_latent_space`` uses ``uniform_noise`` to test whether a model copies.
"""

import numpy as np
from sklearn.metrics import roc_auc_score

from lecture24 import data, degrade
from lecture24._checks import as_array, check_images, check_int, check_number

__all__ = ["invert", "uniform_noise", "photo_patches", "rare_class_subset", "per_class_mean", "anomaly_auc"]

DEFAULT_PHOTOS = ("astronaut", "coffee", "chelsea", "rocket")


def invert(images):
    """Negatives 1 - x of images in [0, 1]: white digits on black become black digits on white."""
    images = check_images(images, "images")
    return (1.0 - images).astype(images.dtype)


def uniform_noise(count, shape=(784,), *, seed=0):
    """``count`` images of independent uniform noise in [0, 1), float32, shape (count, *shape)."""
    count = check_int(count, "count", minimum=1)
    shape = tuple(check_int(s, "shape", minimum=1) for s in np.atleast_1d(shape).tolist())
    rng = np.random.default_rng(check_int(seed, "seed", minimum=0))
    return rng.random((count, *shape)).astype("float32")


def photo_patches(count, *, names=DEFAULT_PHOTOS, patch_size=84, size=28, flat=True, seed=0):
    """``count`` gray patches of bundled photos, resized to ``size`` x ``size``, float32 in [0, 1].

    Patches of side ``patch_size`` are cut at random (``seed``) from the photos
    ``names`` (keys of ``data.PHOTOS``, which also gives their licences), as
    evenly as ``count`` allows, converted to gray and shrunk by bilinear
    interpolation. ``flat=True`` gives vectors of ``size * size`` values,
    otherwise images of shape (size, size, 1).
    """
    count = check_int(count, "count", minimum=1)
    patch_size = check_int(patch_size, "patch_size", minimum=2)
    size = check_int(size, "size", minimum=2)
    seed = check_int(seed, "seed", minimum=0)
    names = list(names)
    if not names:
        raise ValueError("names must list at least one photo.")
    for name in names:
        if name not in data.PHOTOS:
            raise ValueError(f"names must be keys of data.PHOTOS {sorted(data.PHOTOS)}, not {name!r}.")
    shares = np.full(len(names), count // len(names))
    shares[: count % len(names)] += 1
    patches = []
    for index, (name, share) in enumerate(zip(names, shares)):
        if share == 0:
            continue
        gray = degrade.to_grayscale(data.load_photo(name))[..., 0]
        cut = data.extract_patches(gray, patch_size, int(share), seed=seed + index)
        patches.append(degrade.resize(cut, (size, size), method="bilinear"))
    patches = np.concatenate(patches).astype("float32")
    return patches.reshape(count, -1) if flat else patches[..., None]


def rare_class_subset(labels, rare, keep=0.02, *, seed=0):
    """Sorted indices of a subset of ``labels`` where class ``rare`` keeps only a share ``keep``.

    Every other example is kept; of the class ``rare``, ``round(keep * n)``
    examples (at least one) are drawn at random with ``seed``.
    """
    labels = as_array(labels, "labels", ndim=1)
    keep = check_number(keep, "keep", minimum=0, maximum=1)
    if keep == 0:
        raise ValueError("keep must be positive, not 0; to leave the class out, drop it instead.")
    members = np.flatnonzero(labels == rare)
    if len(members) == 0:
        raise ValueError(f"rare must be one of the labels {np.unique(labels).tolist()}, not {rare!r}.")
    rng = np.random.default_rng(check_int(seed, "seed", minimum=0))
    kept = rng.choice(members, size=max(1, int(round(keep * len(members)))), replace=False)
    return np.sort(np.concatenate([np.flatnonzero(labels != rare), kept]))


def per_class_mean(values, labels):
    """``(classes, means)``: the sorted class labels and the mean of ``values`` within each."""
    values = as_array(values, "values", ndim=1)
    labels = as_array(labels, "labels", ndim=1)
    if labels.shape != values.shape:
        raise ValueError(f"labels must have shape {values.shape}, like values, not {labels.shape}.")
    classes = np.unique(labels)
    return classes, np.array([values[labels == c].mean() for c in classes])


def anomaly_auc(inlier_scores, outlier_scores):
    """ROC-AUC of telling outliers (positives) from inliers by their score, e.g. reconstruction error.

    1 means every outlier scores above every inlier, 0.5 is a coin toss.
    """
    inlier_scores = as_array(inlier_scores, "inlier_scores", ndim=1)
    outlier_scores = as_array(outlier_scores, "outlier_scores", ndim=1)
    truth = np.r_[np.zeros(len(inlier_scores)), np.ones(len(outlier_scores))]
    return float(roc_auc_score(truth, np.r_[inlier_scores, outlier_scores]))
