"""Classical compression to set an autoencoder's code against (introduced in ``01_unsupervised_learning``).

Everything happens in memory (``io.BytesIO``); no file is written. Images are
float arrays in [0, 1], one grayscale image per row: a batch of shape
(N, H, W), (N, H, W, 1) or flat (N, H*W) with a square number of pixels. They
are stored as 8-bit pixels before compression, as a PNG or JPEG file would be.

- ``jpeg_roundtrip``: lossy JPEG (Pillow) at a given quality, decoded back.
- ``png_sizes`` and ``zlib_size``: lossless sizes, an empirical upper bound on
  how much information the images hold.
- ``quantize_code`` and ``dequantize_code``: store a float code with a few
  bits per value, so that its size in bytes can be compared with a file's.
"""

import io
import zlib
from typing import NamedTuple

import numpy as np
from PIL import Image

from lecture24._checks import as_array, check_images, check_int, check_number

__all__ = ["QuantizedCode", "jpeg_roundtrip", "png_sizes", "zlib_size", "quantize_code", "dequantize_code"]


class QuantizedCode(NamedTuple):
    """A code stored as integers ``levels`` in [0, 2**bits - 1], spanning [low, high]."""

    levels: np.ndarray
    low: float
    high: float
    bits: int


def jpeg_roundtrip(images, quality, *, optimize=True):
    """Encode each image as a grayscale JPEG and decode it again.

    Returns ``(decoded, sizes)``: the decoded images, float32 in [0, 1] with
    the shape of ``images``, and the size in bytes of each JPEG file (headers
    included), an int array of shape (N,). ``quality`` runs from 1 (smallest
    file, most artifacts) to 95 (Pillow's advice for its upper end).
    ``optimize=True`` lets Pillow compute optimal Huffman tables, which makes
    small files smaller.
    """
    quality = check_int(quality, "quality", minimum=1, maximum=95)
    shape, pixels = _as_uint8_images(images, "images")
    decoded, sizes = [], []
    for image in pixels:
        buffer = io.BytesIO()
        Image.fromarray(image).save(buffer, format="JPEG", quality=quality, optimize=bool(optimize))
        sizes.append(buffer.tell())
        buffer.seek(0)
        decoded.append(np.asarray(Image.open(buffer).convert("L")))
    decoded = (np.stack(decoded) / 255.0).astype("float32")
    return decoded.reshape(shape), np.asarray(sizes, dtype="int64")


def png_sizes(images):
    """Size in bytes of each image stored as a lossless 8-bit grayscale PNG (headers included), shape (N,)."""
    _, pixels = _as_uint8_images(images, "images")
    sizes = []
    for image in pixels:
        buffer = io.BytesIO()
        Image.fromarray(image).save(buffer, format="PNG", optimize=True)
        sizes.append(buffer.tell())
    return np.asarray(sizes, dtype="int64")


def zlib_size(images, *, level=9):
    """Size in bytes of the whole batch of 8-bit pixels compressed together by zlib (lossless).

    Compressing the batch as one stream shares what the images have in common
    (and pays the small zlib header once), so ``zlib_size(images) / len(images)``
    is a tighter upper bound per image than a PNG file per image.
    """
    level = check_int(level, "level", minimum=0, maximum=9)
    _, pixels = _as_uint8_images(images, "images")
    return len(zlib.compress(pixels.tobytes(), level))


def quantize_code(codes, bits=8, *, low=None, high=None):
    """Round a float code to ``2**bits`` evenly spaced levels between ``low`` and ``high``.

    ``low`` and ``high`` default to the smallest and largest value of
    ``codes``; pass the training codes' range to quantize test codes the same
    way (values outside are clipped). Each value then takes ``bits`` bits, so a
    code of k values takes ``k * bits / 8`` bytes, plus the two floats ``low``
    and ``high`` stored once for the whole data set.
    """
    codes = as_array(codes, "codes")
    bits = check_int(bits, "bits", minimum=1, maximum=16)
    low = float(codes.min()) if low is None else check_number(low, "low")
    high = float(codes.max()) if high is None else check_number(high, "high")
    if high < low:
        raise ValueError(f"high must be at least low ({low}), not {high}.")
    top = 2**bits - 1
    span = high - low if high > low else 1.0
    levels = np.rint((np.clip(codes, low, high) - low) / span * top)
    return QuantizedCode(levels.astype("uint8" if bits <= 8 else "uint16"), low, high, bits)


def dequantize_code(quantized):
    """Float32 code back from a ``QuantizedCode``: each level's value between ``low`` and ``high``."""
    if not isinstance(quantized, QuantizedCode):
        raise ValueError(f"quantized must be a QuantizedCode, not an object of type {type(quantized).__name__}.")
    top = 2**quantized.bits - 1
    span = quantized.high - quantized.low if quantized.high > quantized.low else 1.0
    return (quantized.low + quantized.levels.astype("float64") / top * span).astype("float32")


def _as_uint8_images(images, name):
    """Return (original shape, uint8 array of shape (N, H, W)) for a batch of grayscale images."""
    images = check_images(images, name, ndim=(2, 3, 4))
    shape = images.shape
    if images.ndim == 2:
        side = int(round(np.sqrt(shape[1])))
        if side * side != shape[1]:
            raise ValueError(f"{name} given flat must have a square number of pixels, not {shape[1]}.")
        images = images.reshape(-1, side, side)
    elif images.ndim == 4:
        if shape[-1] != 1:
            raise ValueError(f"{name} must be grayscale (one channel), but the shape is {shape}.")
        images = images[..., 0]
    return shape, np.rint(images * 255).astype("uint8")
