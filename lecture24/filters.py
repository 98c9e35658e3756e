"""Classical denoisers, and a fair way to tune them on training images.

The baselines an autoencoder denoiser has to beat (introduced in
``07_denoising``): a Gaussian filter and a median filter (``scipy.ndimage``)
and non-local means (``skimage.restoration.denoise_nl_means``, Buades, Coll
and Morel 2005). Each has one parameter; ``tune_filter`` picks it from a grid
by the mean PSNR (or SSIM) on noisy/clean *training* pairs, so that the test
images play no part in the choice, just as they play no part in training the
autoencoder.
"""

from typing import NamedTuple

import numpy as np
from scipy import ndimage
from skimage.restoration import denoise_nl_means

from lecture24 import metrics
from lecture24._checks import check_choice, check_images, check_int, check_number, check_same_shape, check_sequence

__all__ = ["FILTERS", "DEFAULT_GRIDS", "Tuned", "apply_filter", "tune_filter"]

# name -> what its one parameter means
FILTERS = {
    "gaussian": "standard deviation of the Gaussian kernel, in pixels (0 leaves the image as it is)",
    "median": "side of the square window, in pixels (odd)",
    "nl_means": "filter strength h, in intensity units of images in [0, 1]",
}

# Grids that suit 28x28 digits with noise of standard deviation 0.05 to 0.5.
DEFAULT_GRIDS = {
    "gaussian": (0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0),
    "median": (3, 5, 7),
    "nl_means": (0.05, 0.1, 0.15, 0.2, 0.3),
}

# Non-local means compares 5x5 patches within 13x13 search windows: small,
# because the images of the course are small (skimage's defaults, 7 and 11,
# scored lower on 28x28 digits and took three times as long).
NL_MEANS_PATCH_SIZE = 5
NL_MEANS_PATCH_DISTANCE = 6

METRICS = ("psnr", "ssim")


class Tuned(NamedTuple):
    """The outcome of ``tune_filter``: the chosen parameter, its score, and the score of every candidate."""

    param: float  # an int (the window side) for the median filter
    score: float
    scores: dict  # candidate -> mean score, in the order of the grid


def apply_filter(name, images, param):
    """Denoise every image of a batch with filter ``name`` and its parameter ``param``.

    ``images`` has shape (N, H, W) or (N, H, W, C) with values in [0, 1]; each
    image (and each channel) is filtered on its own, in the two spatial axes
    only. Returns a new float32 array of the same shape, in [0, 1].
    """
    name = check_choice(name, "name", FILTERS)
    images = check_images(images, "images", ndim=(3, 4))
    param = _check_param(name, param)
    spatial = (0, param, param) + (0,) * (images.ndim - 3)
    if name == "gaussian":
        out = ndimage.gaussian_filter(images.astype("float64"), sigma=spatial, mode="nearest")
    elif name == "median":
        size = (1, param, param) + (1,) * (images.ndim - 3)
        out = ndimage.median_filter(images, size=size, mode="nearest")
    else:
        out = np.stack([_nl_means(image, param) for image in images])
    return np.clip(out, 0.0, 1.0).astype("float32")


def tune_filter(name, noisy, clean, grid=None, *, metric="psnr"):
    """Pick the parameter of filter ``name`` from ``grid`` that scores best on training pairs.

    ``noisy`` and ``clean`` are the same training images with and without
    noise. Every candidate in ``grid`` (``DEFAULT_GRIDS[name]`` when None) is
    applied to ``noisy`` and scored against ``clean`` by the mean ``metric``
    (``"psnr"`` or ``"ssim"`` from ``lecture24.metrics``); ties go to the
    earlier candidate. Returns a ``Tuned(param, score, scores)``.
    """
    name = check_choice(name, "name", FILTERS)
    metric = check_choice(metric, "metric", METRICS)
    noisy = check_images(noisy, "noisy", ndim=(3, 4))
    clean = check_images(clean, "clean", ndim=(3, 4))
    check_same_shape(noisy, clean, "noisy", "clean")
    grid = DEFAULT_GRIDS[name] if grid is None else grid
    grid = [_check_param(name, param, "grid entries") for param in check_sequence(grid, "grid", "parameters")]
    score = getattr(metrics, metric)
    scores = {param: score(clean, apply_filter(name, noisy, param)) for param in grid}
    best = max(grid, key=lambda param: scores[param])  # max keeps the first of equal scores
    return Tuned(best, scores[best], scores)


def _check_param(name, param, label="param"):
    if name == "median":
        size = check_int(param, label, minimum=1)
        if size % 2 == 0:
            raise ValueError(f"{label} of the median filter must be an odd window size, not {size}.")
        return size
    if name == "gaussian":
        return check_number(param, label, minimum=0)
    value = check_number(param, label, minimum=0)
    if value == 0:
        raise ValueError(f"{label} of non-local means (the strength h) must be positive, not 0.")
    return value


def _nl_means(image, h):
    channels = image.ndim == 3 and image.shape[-1] > 1
    plane = image if channels else image.reshape(image.shape[:2])
    out = denoise_nl_means(plane.astype("float64"), h=h, patch_size=NL_MEANS_PATCH_SIZE,
                           patch_distance=NL_MEANS_PATCH_DISTANCE, fast_mode=True,
                           channel_axis=-1 if channels else None)
    return out.reshape(image.shape)
