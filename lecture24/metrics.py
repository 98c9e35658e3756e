"""How close a reconstruction r is to its input x (MSE from ``01_unsupervised_learning``, PSNR and SSIM
from ``07_denoising``).

MSE takes any finite real values (pixels, PCA scores, points of a curve);
PSNR and SSIM are scikit-image's, for images in [0, 1], applied image by image
with a data range of 1 and averaged over the batch.
"""

import numpy as np
from skimage.metrics import peak_signal_noise_ratio, structural_similarity

from lecture24._checks import as_array, check_images, check_same_shape

__all__ = ["mse", "per_image_mse", "psnr", "ssim"]


def per_image_mse(x, r):
    """Mean squared error of each example: shape (N,), for batches (N, ...) of equal shape."""
    x = as_array(x, "x", min_ndim=2).astype("float64")
    r = as_array(r, "r", min_ndim=2).astype("float64")
    check_same_shape(x, r, "x", "r")
    return ((x - r) ** 2).reshape(len(x), -1).mean(axis=1)


def mse(x, r):
    """Mean squared error over the whole batch, the number Keras' ``loss='mse'`` reports."""
    return float(per_image_mse(x, r).mean())


def psnr(x, r):
    """Mean peak signal-to-noise ratio in dB over the batch; higher is better."""
    x, r = _pair(x, r)
    return float(np.mean([peak_signal_noise_ratio(a, b, data_range=1.0) for a, b in zip(x, r)]))


def ssim(x, r):
    """Mean structural similarity over the batch, in [-1, 1]; higher is better.

    Images are (N, H, W) or (N, H, W, C); channels are averaged.
    """
    x, r = _pair(x, r, ndim=(3, 4))
    channel_axis = -1 if x.ndim == 4 else None
    return float(np.mean([
        structural_similarity(a, b, data_range=1.0, channel_axis=channel_axis) for a, b in zip(x, r)
    ]))


def _pair(x, r, ndim=None):
    x = check_images(x, "x", ndim=ndim, min_ndim=2).astype("float64")
    r = check_images(r, "r", ndim=ndim, min_ndim=2).astype("float64")
    check_same_shape(x, r, "x", "r")
    return x, r
