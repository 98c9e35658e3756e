"""lecture24.compression: JPEG round trips, lossless sizes and code quantization."""

import zlib

import numpy as np
import pytest

from lecture24 import compression

RNG = np.random.default_rng(0)
DIGITS = np.zeros((4, 28, 28), dtype="float32")
DIGITS[:, 8:20, 12:16] = 1.0  # a bar, like a "1"
NOISE = RNG.random((4, 28, 28)).astype("float32")


@pytest.mark.parametrize("shape", [(4, 784), (4, 28, 28), (4, 28, 28, 1)])
def test_jpeg_roundtrip_keeps_the_shape_and_range(shape):
    decoded, sizes = compression.jpeg_roundtrip(DIGITS.reshape(shape), 75)
    assert decoded.shape == shape and decoded.dtype == np.float32
    assert decoded.min() >= 0 and decoded.max() <= 1
    assert sizes.shape == (4,) and np.all(sizes > 0)


def test_jpeg_higher_quality_is_larger_and_closer():
    low, low_sizes = compression.jpeg_roundtrip(NOISE, 5)
    high, high_sizes = compression.jpeg_roundtrip(NOISE, 90)
    assert high_sizes.mean() > low_sizes.mean()
    assert np.mean((high - NOISE) ** 2) < np.mean((low - NOISE) ** 2)


def test_jpeg_of_a_blank_image_is_mostly_header():
    _, blank = compression.jpeg_roundtrip(np.zeros((1, 28, 28), "float32"), 50)
    _, noise = compression.jpeg_roundtrip(NOISE[:1], 50)
    assert 100 < blank[0] < noise[0]


def test_lossless_sizes():
    assert compression.png_sizes(NOISE).shape == (4,)
    assert np.all(compression.png_sizes(DIGITS) < compression.png_sizes(NOISE))
    pixels = np.rint(DIGITS * 255).astype("uint8").tobytes()
    assert compression.zlib_size(DIGITS) == len(zlib.compress(pixels, 9))
    assert compression.zlib_size(DIGITS) < compression.png_sizes(DIGITS).sum()


def test_png_is_lossless_at_8_bits():
    # An image that is exactly 8-bit survives the PNG size computation's conversion unchanged.
    levels = RNG.integers(0, 256, (2, 28, 28)) / 255.0
    assert np.array_equal(np.rint(levels * 255).astype("uint8"), compression._as_uint8_images(levels, "x")[1])


def test_quantize_roundtrip_error_is_at_most_half_a_step():
    codes = RNG.random((50, 16)) * 7
    quantized = compression.quantize_code(codes, bits=8)
    assert quantized.levels.dtype == np.uint8 and quantized.levels.max() == 255 and quantized.levels.min() == 0
    step = (codes.max() - codes.min()) / 255
    assert np.abs(compression.dequantize_code(quantized) - codes).max() <= step / 2 + 1e-6
    assert compression.quantize_code(codes, bits=12).levels.dtype == np.uint16


def test_quantize_clips_to_a_given_range_and_handles_constant_codes():
    quantized = compression.quantize_code(np.array([[-1.0, 0.5, 3.0]]), bits=2, low=0.0, high=1.0)
    assert quantized.levels.tolist() == [[0, 2, 3]]
    np.testing.assert_allclose(compression.dequantize_code(quantized), [[0.0, 2 / 3, 1.0]], rtol=1e-6)
    constant = compression.quantize_code(np.full((2, 3), 4.0))
    np.testing.assert_allclose(compression.dequantize_code(constant), 4.0)
