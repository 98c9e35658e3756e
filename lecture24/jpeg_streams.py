"""What a JPEG file spends on the image itself: its entropy-coded scan (introduced in ``01_unsupervised_learning``).

A baseline JPEG file is a sequence of segments: markers, the quantization
tables (DQT), the frame header (SOF), the Huffman tables (DHT), the scan header
(SOS), then the **entropy-coded scan**, the only part that describes the
pixels, and the end marker (EOI). The JPEG standard's *abbreviated* streams
store the tables once for a whole collection and leave them out of each image
(ITU-T T.81, Annex B.5), the same treatment an autoencoder's decoder gets: paid
once, shared by every code. ``scan_sizes`` counts each image's scan bytes, so
that a JPEG can be compared with a code of k bytes on equal terms.
"""

import io

import numpy as np
from PIL import Image

from lecture24._checks import check_int
from lecture24.compression import _as_uint8_images

__all__ = ["scan_bytes", "scan_sizes"]

_SOS = 0xDA
_STANDALONE = {0x01, *range(0xD0, 0xD8)}  # TEM and RST0-7 have no length field


def scan_bytes(encoded):
    """Number of entropy-coded bytes in one baseline JPEG file given as ``bytes``.

    That is everything between the end of the scan header (SOS) and the end
    marker (EOI), stuffed zero bytes included; markers, tables and headers are
    not counted.
    """
    if not isinstance(encoded, (bytes, bytearray)):
        raise ValueError(f"encoded must be the bytes of a JPEG file, not an object of type {type(encoded).__name__}.")
    if encoded[:2] != b"\xff\xd8" or encoded[-2:] != b"\xff\xd9":
        raise ValueError("encoded must start with the JPEG start marker (FFD8) and end with the end marker (FFD9).")
    position = 2
    while position + 4 <= len(encoded):
        if encoded[position] != 0xFF:
            raise ValueError(f"encoded is not a valid JPEG file: expected a marker at byte {position}.")
        marker = encoded[position + 1]
        if marker == 0xFF:  # fill byte before a marker
            position += 1
            continue
        if marker in _STANDALONE:
            position += 2
            continue
        length = int.from_bytes(encoded[position + 2:position + 4], "big")
        position += 2 + length
        if marker == _SOS:
            if position > len(encoded) - 2:
                raise ValueError("encoded is not a valid JPEG file: its scan header runs past the end.")
            return len(encoded) - 2 - position
    raise ValueError("encoded must contain a scan (an SOS marker); this file has none.")


def scan_sizes(images, quality, *, optimize=True):
    """Encode each image as a grayscale JPEG (Pillow) and return its scan size in bytes, an int array (N,).

    ``images`` and ``quality`` are as in ``compression.jpeg_roundtrip``, which
    gives the decoded images and the whole files' sizes for the same encoding.
    With ``optimize=True`` each file's Huffman tables are fitted to that image,
    so its scan is as short as a per-image table makes it: a table shared by a
    collection cannot do better, so the count favours JPEG slightly.
    """
    quality = check_int(quality, "quality", minimum=1, maximum=95)
    _, pixels = _as_uint8_images(images, "images")
    sizes = []
    for image in pixels:
        buffer = io.BytesIO()
        Image.fromarray(image).save(buffer, format="JPEG", quality=quality, optimize=bool(optimize))
        sizes.append(scan_bytes(buffer.getvalue()))
    return np.asarray(sizes, dtype="int64")
