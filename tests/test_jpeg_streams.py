"""lecture24.jpeg_streams: the entropy-coded scan of a JPEG file, without its headers and tables."""

import io

import numpy as np
import pytest
from PIL import Image

from lecture24 import compression, jpeg_streams

RNG = np.random.default_rng(0)
DIGITS = np.zeros((3, 28, 28), dtype="float32")
DIGITS[:, 8:20, 12:16] = 1.0
NOISE = RNG.random((3, 28, 28)).astype("float32")


def _encoded(image, quality=50, optimize=True):
    buffer = io.BytesIO()
    Image.fromarray(np.rint(image * 255).astype("uint8")).save(buffer, format="JPEG", quality=quality,
                                                               optimize=optimize)
    return buffer.getvalue()


def test_scan_bytes_counts_what_lies_between_the_scan_header_and_the_end_marker():
    encoded = _encoded(NOISE[0])
    start = encoded.index(b"\xff\xda")
    header_length = int.from_bytes(encoded[start + 2:start + 4], "big")
    assert jpeg_streams.scan_bytes(encoded) == len(encoded) - (start + 2 + header_length) - 2


def test_scan_is_smaller_than_the_file_and_grows_with_quality_and_detail():
    _, file_sizes = compression.jpeg_roundtrip(NOISE, 50)
    scans = jpeg_streams.scan_sizes(NOISE, 50)
    assert scans.shape == (3,) and scans.dtype == np.int64
    assert np.all(scans < file_sizes) and np.all(scans > 0)
    assert np.all(jpeg_streams.scan_sizes(NOISE, 90) > scans)
    assert np.all(jpeg_streams.scan_sizes(DIGITS, 50) < scans)


def test_fitted_huffman_tables_shorten_the_scan_and_the_rest_is_constant_without_them():
    assert np.all(jpeg_streams.scan_sizes(NOISE, 50) <= jpeg_streams.scan_sizes(NOISE, 50, optimize=False))
    # With the standard tables every file carries the same headers, so file minus scan is constant.
    _, sizes = compression.jpeg_roundtrip(np.concatenate([DIGITS, NOISE]), 50, optimize=False)
    scans = jpeg_streams.scan_sizes(np.concatenate([DIGITS, NOISE]), 50, optimize=False)
    assert len(set((sizes - scans).tolist())) == 1


@pytest.mark.parametrize("encoded, message", [
    ("not bytes", "must be the bytes of a JPEG file"),
    (b"\x89PNG\r\n\x1a\n", "must start with the JPEG start marker"),
    (b"\xff\xd8\xff\xe0\x00\x04ab\xff\xd9", "must contain a scan"),
])
def test_scan_bytes_rejects_what_is_not_a_jpeg_file(encoded, message):
    with pytest.raises(ValueError, match=message):
        jpeg_streams.scan_bytes(encoded)


def test_scan_sizes_rejects_a_bad_quality():
    with pytest.raises(ValueError, match="quality"):
        jpeg_streams.scan_sizes(DIGITS, 0)
