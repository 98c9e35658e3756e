"""Seeded ways to damage images: noise, lower resolution, lost color.

Each function takes float images in [0, 1] and returns new ones in [0, 1];
inputs are never modified. Introduced in ``07_denoising`` (noise),
``09_upscaling`` (resolution) and ``08_recoloring`` (grayscale, and
``crop_to_multiple`` for the sides that pooling and ``downscale`` need).
"""

import numpy as np
from skimage.transform import resize as sk_resize

from lecture24._checks import check_choice, check_images, check_int, check_number, check_sequence

__all__ = ["add_gaussian_noise", "add_mixed_gaussian_noise", "add_salt_and_pepper", "downscale", "resize",
           "to_grayscale", "crop_to_multiple"]

INTERPOLATION_ORDERS = {"nearest": 0, "bilinear": 1, "bicubic": 3}


def add_gaussian_noise(images, sigma, *, seed=0):
    """Add zero-mean Gaussian noise of standard deviation ``sigma``, then clip to [0, 1]."""
    images = check_images(images, "images")
    sigma = check_number(sigma, "sigma", minimum=0)
    rng = np.random.default_rng(check_int(seed, "seed", minimum=0))
    noisy = images + rng.normal(0.0, sigma, images.shape)
    return np.clip(noisy, 0.0, 1.0).astype(images.dtype)


def add_mixed_gaussian_noise(images, sigmas, *, seed=0):
    """Gaussian noise at several levels: the images, shuffled, fall into ``len(sigmas)`` groups of (nearly)
    equal size, and group k gets noise of standard deviation ``sigmas[k]``; then clip to [0, 1].

    One seed draws both the groups and the noise. A denoiser trained on such copies, with a new seed each
    epoch, serves every level at once (``07_denoising``).
    """
    images = check_images(images, "images")
    sigmas = [check_number(sigma, "each of sigmas", minimum=0)
              for sigma in check_sequence(sigmas, "sigmas", "standard deviations")]
    rng = np.random.default_rng(check_int(seed, "seed", minimum=0))
    noisy = images.astype("float64")
    for sigma, group in zip(sigmas, np.array_split(rng.permutation(len(images)), len(sigmas))):
        noisy[group] += rng.normal(0.0, sigma, noisy[group].shape)
    return np.clip(noisy, 0.0, 1.0).astype(images.dtype)


def add_salt_and_pepper(images, amount, *, seed=0):
    """Set a share ``amount`` of the values to 0 or 1 (half each, on average)."""
    images = check_images(images, "images")
    amount = check_number(amount, "amount", minimum=0, maximum=1)
    rng = np.random.default_rng(check_int(seed, "seed", minimum=0))
    noisy = images.copy()
    hit = rng.random(images.shape) < amount
    noisy[hit] = rng.random(hit.sum()) < 0.5
    return noisy


def downscale(images, factor):
    """Average non-overlapping ``factor`` x ``factor`` blocks: (N, H, W[, C]) -> (N, H/f, W/f[, C]).

    This is how the low-resolution inputs of ``09_upscaling`` are made; H and W
    must be multiples of ``factor``.
    """
    images = check_images(images, "images", ndim=(3, 4))
    factor = check_int(factor, "factor", minimum=1)
    n, height, width = images.shape[:3]
    if height % factor or width % factor:
        raise ValueError(f"factor must divide the image size {height}x{width}, not {factor}.")
    blocks = images.reshape(n, height // factor, factor, width // factor, factor, *images.shape[3:])
    return blocks.mean(axis=(2, 4)).astype(images.dtype)


def resize(images, size, method="bicubic"):
    """Resize a batch (N, H, W[, C]) to ``size`` = (height, width) by classical interpolation.

    ``method`` is ``"nearest"``, ``"bilinear"`` or ``"bicubic"``; the result is
    clipped to [0, 1] (bicubic overshoots at edges).
    """
    images = check_images(images, "images", ndim=(3, 4))
    order = INTERPOLATION_ORDERS[check_choice(method, "method", INTERPOLATION_ORDERS)]
    if len(size) != 2:
        raise ValueError(f"size must be (height, width), not {size!r}.")
    height, width = (check_int(s, "size", minimum=1) for s in size)
    out_shape = (height, width, *images.shape[3:])
    resized = [sk_resize(image, out_shape, order=order, anti_aliasing=False) for image in images]
    return np.clip(np.stack(resized), 0.0, 1.0).astype(images.dtype)


def to_grayscale(images):
    """Luminance of RGB images (..., 3) -> (..., 1), with the ITU-R BT.601 weights."""
    images = check_images(images, "images", min_ndim=3, channels=3)
    weights = np.array([0.299, 0.587, 0.114], dtype=images.dtype)
    return (images @ weights)[..., None]


def crop_to_multiple(images, multiple):
    """Crop a batch (N, H, W[, C]) around its center so that H and W are multiples of ``multiple``.

    Fully convolutional models with pooling, and ``degrade.downscale``, need
    such sides; at most ``multiple - 1`` rows and columns are dropped.
    """
    images = check_images(images, "images", ndim=(3, 4))
    multiple = check_int(multiple, "multiple", minimum=1)
    height, width = images.shape[1:3]
    if height < multiple or width < multiple:
        raise ValueError(f"multiple must be at most the image's smaller side {min(height, width)}, not {multiple}.")
    top, left = (height % multiple) // 2, (width % multiple) // 2
    return images[:, top : top + height - height % multiple, left : left + width - width % multiple].copy()
