"""Luminance and chrominance: the color spaces of ``08_recoloring``.

A color image splits into a luminance channel (how bright each pixel is: the
grayscale image) and two chrominance channels (which color it is). Recoloring
then means predicting the two chroma channels from the luminance and putting
the three back together. Two spaces are offered:

``"yuv"``
    The linear ITU-R BT.601 transform. Its Y is exactly
    ``degrade.to_grayscale``; U and V lie in about [-0.44, 0.44] and
    [-0.62, 0.62]. Linear, so a network can undo it with one fixed layer.
``"lab"``
    CIE L*a*b* (scikit-image, D65), closer to how people perceive color
    differences: luma is L*/100 in [0, 1], chroma is (a*, b*)/100.

All functions take RGB or (luma, chroma) arrays whose last axis holds the
channels, and never modify their inputs.
"""

import warnings

import numpy as np
from skimage.color import lab2rgb, rgb2lab

from lecture24._checks import as_array, check_choice, check_images, check_same_shape

__all__ = [
    "SPACES",
    "RGB_TO_YUV",
    "YUV_TO_RGB",
    "rgb_to",
    "to_rgb",
    "split",
    "combine",
    "mean_chroma",
    "mean_color_baseline",
    "chroma_rmse",
    "saturation",
]

SPACES = ("yuv", "lab")

# Rows give Y, U, V from (R, G, B): ITU-R BT.601, whose Y weights are those of
# degrade.to_grayscale; U = 0.436 (B - Y) / (1 - 0.114), V = 0.615 (R - Y) / (1 - 0.299),
# so a gray pixel (R = G = B) has U = V = 0 exactly.
_LUMA = np.array([0.299, 0.587, 0.114])
RGB_TO_YUV = np.stack([
    _LUMA,
    0.436 / (1 - 0.114) * (np.array([0.0, 0.0, 1.0]) - _LUMA),
    0.615 / (1 - 0.299) * (np.array([1.0, 0.0, 0.0]) - _LUMA),
])
YUV_TO_RGB = np.linalg.inv(RGB_TO_YUV)


def rgb_to(images, space="yuv"):
    """Convert RGB images (..., 3) in [0, 1] to ``space``: channel 0 is luma, 1 and 2 chroma."""
    images = check_images(images, "images", min_ndim=1, channels=3)
    space = check_choice(space, "space", SPACES)
    if space == "yuv":
        return (images.astype("float64") @ RGB_TO_YUV.T).astype(images.dtype)
    lab = rgb2lab(images.astype("float64"), channel_axis=-1) / 100.0
    return lab.astype(images.dtype)


def to_rgb(images, space="yuv"):
    """Convert (..., 3) images from ``space`` back to RGB, clipped to [0, 1].

    Clipping matters: a predicted chroma may ask for a color outside the RGB
    cube, which no screen can show.
    """
    images = as_array(images, "images", min_ndim=1, channels=3)
    space = check_choice(space, "space", SPACES)
    dtype = images.dtype if np.issubdtype(images.dtype, np.floating) else np.float32
    if space == "yuv":
        rgb = images.astype("float64") @ YUV_TO_RGB.T
    else:
        with warnings.catch_warnings():  # out-of-gamut colors are clipped below, as documented
            warnings.simplefilter("ignore")
            rgb = lab2rgb(images.astype("float64") * 100.0, channel_axis=-1)
    return np.clip(rgb, 0.0, 1.0).astype(dtype)


def split(images, space="yuv"):
    """Split RGB images (..., 3) into luma (..., 1) and chroma (..., 2) in ``space``."""
    converted = rgb_to(images, space)
    return converted[..., :1], converted[..., 1:]


def combine(luma, chroma, space="yuv"):
    """Put luma (..., 1) and chroma (..., 2) back together as RGB in [0, 1].

    ``chroma`` may have fewer leading axes than ``luma`` (for example one
    mean color of shape (2,)); it is broadcast over them.
    """
    luma = as_array(luma, "luma", min_ndim=1, channels=1)
    chroma = as_array(chroma, "chroma", min_ndim=1, channels=2)
    try:
        chroma = np.broadcast_to(chroma, luma.shape[:-1] + (2,))
    except ValueError:
        raise ValueError(f"chroma of shape {chroma.shape} does not fit luma of shape {luma.shape}.") from None
    return to_rgb(np.concatenate([luma, chroma.astype(luma.dtype)], axis=-1), space)


def mean_chroma(images, space="yuv"):
    """Mean chroma, shape (2,), over every pixel of the RGB ``images`` (the training set's mean color)."""
    return split(images, space)[1].reshape(-1, 2).astype("float64").mean(axis=0)


def mean_color_baseline(gray, train_images, space="yuv"):
    """Recolor ``gray`` (..., 1) with the mean chroma of ``train_images`` (RGB): a model-free baseline.

    The luma is the gray image's own (for ``"yuv"`` exactly the gray value),
    so only the color is a guess, the same guess for every pixel.
    """
    gray = check_images(gray, "gray", min_ndim=1, channels=1)
    luma = rgb_to(np.repeat(gray, 3, axis=-1), space)[..., :1]
    return combine(luma, mean_chroma(train_images, space), space)


def chroma_rmse(x, r, space="yuv"):
    """Root-mean-square chroma difference between RGB batches ``x`` and ``r`` (luma is ignored)."""
    x = check_images(x, "x", min_ndim=1, channels=3)
    r = check_images(r, "r", min_ndim=1, channels=3)
    check_same_shape(x, r, "x", "r")
    difference = split(x, space)[1].astype("float64") - split(r, space)[1]
    return float(np.sqrt(np.mean(difference**2)))


def saturation(images, space="yuv"):
    """Mean chroma magnitude sqrt(c1^2 + c2^2) over every pixel: 0 for a gray image.

    Comparing it between a prediction and the original shows how washed out
    the prediction is.
    """
    chroma = split(images, space)[1].astype("float64")
    return float(np.mean(np.sqrt((chroma**2).sum(axis=-1))))
