"""Image-to-image networks for the applications slides: recoloring and upscaling.

Both are fully convolutional networks built from the layers of the lecture's
convolutional autoencoder (Conv2D, MaxPooling2D, UpSampling2D), so they accept
images of any size (for the colorizer, sides divisible by its pooling factor).
Introduced in ``08_recoloring`` (``build_colorizer``) and ``09_upscaling``
(``build_upscaler``, ``interpolation_layer``).

Models holding an ``interpolation_layer`` keep their weights with
``model.save_weights``; to load them, build the model again with the same
arguments (the layer's class is made inside the function, so a ``.keras``
file cannot name it).
"""

import keras
import numpy as np
from keras import layers, ops

from lecture24._checks import check_choice, check_int, check_sequence
from lecture24.color import YUV_TO_RGB

__all__ = ["FACTORS", "SHORTCUTS", "build_colorizer", "build_upscaler", "interpolation_layer"]

# Interpolation by 2 as "repeat each pixel, then smooth with a fixed separable filter":
# repeating is a zero-insertion followed by the box [1, 1], so a filter g gives the
# interpolation kernel [1, 1] * g. g = [1, 2, 1] / 4 gives half-pixel bilinear weights
# (1/4, 3/4); the 7 taps below give Keys' bicubic (a = -0.5) at offsets 1/4 and 3/4.
_SMOOTHING = {
    "nearest": [1.0],
    "bilinear": [0.25, 0.5, 0.25],
    "bicubic": [-0.0234375, -0.046875, 0.2734375, 0.59375, 0.2734375, -0.046875, -0.0234375],
}
SHORTCUTS = tuple(_SMOOTHING)
FACTORS = (2, 4, 8)  # the enlargements the upscaler and interpolation_layer build: 2x steps


def build_colorizer(filters=(8, 16), *, optimizer="adam", loss="mse"):
    """Grayscale in, color out: (H, W, 1) luminance -> (H, W, 3) RGB.

    Encoder f: for each entry of ``filters`` a 3x3 Conv2D (relu) and a 2x2
    MaxPooling2D, so H and W must divide by 2 ** len(filters). Decoder g: the
    mirror image with UpSampling2D, ending in a linear two-filter Conv2D that
    predicts the YUV chroma (U, V). A fixed, non-trainable layer then joins
    the input luminance Y with the predicted (U, V) and turns YUV into RGB,
    so the model's output is a color image and ``loss`` (mse by default)
    compares it directly with the color original, as on the slide. The
    output is not clipped (clipping would stop gradients); clip it to
    [0, 1] for display. Returns one compiled ``keras.Model``.
    """
    filters = _check_filters(filters)
    gray = keras.Input(shape=(None, None, 1), name="gray")
    h = gray
    for index, width in enumerate(filters, start=1):
        h = layers.Conv2D(width, (3, 3), activation="relu", padding="same", name=f"conv1_{index}")(h)
        h = layers.MaxPooling2D((2, 2), name="h" if index == len(filters) else f"pool{index}")(h)
    r = h
    for index, width in enumerate(reversed(filters), start=1):
        r = layers.Conv2D(width, (3, 3), activation="relu", padding="same", name=f"conv2_{index}")(r)
        r = layers.UpSampling2D((2, 2), name=f"up{index}")(r)
    chroma = layers.Conv2D(2, (3, 3), padding="same", name="chroma")(r)
    yuv = layers.Concatenate(name="yuv")([gray, chroma])
    to_rgb = layers.Dense(3, use_bias=False, trainable=False, name="to_rgb")
    rgb = to_rgb(yuv)
    to_rgb.set_weights([YUV_TO_RGB.T.astype("float32")])
    model = keras.Model(inputs=gray, outputs=rgb, name="colorizer")
    model.compile(optimizer=optimizer, loss=loss)
    return model


def build_upscaler(factor=2, filters=16, *, channels=1, shortcut="bicubic", optimizer="adam", loss="mse"):
    """Low resolution in, high resolution out: (h, w, C) -> (factor * h, factor * w, C).

    The decoder half of a convolutional autoencoder: a 3x3 Conv2D (relu) at
    the low resolution, then for each factor of 2 an UpSampling2D and a 3x3
    Conv2D (relu), and a linear ``channels``-filter Conv2D. ``factor`` must be
    2, 4 or 8. With ``shortcut`` set to an interpolation (``"nearest"``,
    ``"bilinear"`` or ``"bicubic"``, see ``interpolation_layer``), the
    network's output is added to that interpolation of the input, and the last
    Conv2D starts at zero: the untrained model *is* the interpolation, and
    training only has to learn the detail that interpolation misses (the
    residual). ``shortcut=None`` makes the network draw the whole image.
    Returns one compiled ``keras.Model``.
    """
    factor = check_choice(check_int(factor, "factor"), "factor", FACTORS)
    filters = check_int(filters, "filters", minimum=1)
    channels = check_int(channels, "channels", minimum=1)
    if shortcut is not None:
        check_choice(shortcut, "shortcut", SHORTCUTS)
    low = keras.Input(shape=(None, None, channels), name="low")
    r = layers.Conv2D(filters, (3, 3), activation="relu", padding="same", name="conv_low")(low)
    for index in range(1, factor.bit_length()):
        r = layers.UpSampling2D((2, 2), name=f"up{index}")(r)
        r = layers.Conv2D(filters, (3, 3), activation="relu", padding="same", name=f"conv_up{index}")(r)
    if shortcut is None:
        r = layers.Conv2D(channels, (3, 3), padding="same", name="high")(r)
    else:
        r = layers.Conv2D(channels, (3, 3), padding="same", kernel_initializer="zeros", name="detail")(r)
        base = interpolation_layer(shortcut, factor, name=shortcut)(low)
        r = layers.Add(name="high")([base, r])
    model = keras.Model(inputs=low, outputs=r, name="upscaler")
    model.compile(optimizer=optimizer, loss=loss)
    return model


def interpolation_layer(method="bicubic", factor=2, *, name=None):
    """A fixed (weightless) Keras layer that enlarges images ``factor`` times by interpolation.

    Each 2x step repeats every pixel (nearest neighbour) and, for ``"bilinear"``
    and ``"bicubic"``, smooths with a fixed separable filter, replicating the
    edge pixels. At 2x this is ``keras.ops.image.resize``'s half-pixel
    bilinear interpolation exactly, and its Keys bicubic interpolation except
    within 3 pixels of the border, where the two treat missing neighbours
    differently; 4x and 8x repeat the 2x step. Unlike ``UpSampling2D(interpolation="bicubic")``, it
    works on inputs whose height and width are unknown until run time (Keras
    3.15's resize rejects symbolic sizes in TensorFlow graphs), so a model
    that contains it accepts any image size.
    """
    method = check_choice(method, "method", SHORTCUTS)
    factor = check_choice(check_int(factor, "factor"), "factor", FACTORS)
    taps = np.array(_SMOOTHING[method])
    radius = len(taps) // 2

    class Interpolation(keras.layers.Layer):
        def call(self, images):
            channels = images.shape[-1]
            kernel = np.tile(np.outer(taps, taps)[:, :, None, None], (1, 1, channels, 1))
            for _ in range(factor.bit_length() - 1):
                images = ops.repeat(ops.repeat(images, 2, axis=1), 2, axis=2)
                if radius:
                    images = _replicate_edges(images, radius)
                    images = ops.depthwise_conv(images, ops.cast(kernel, images.dtype), 1, padding="valid")
            return images

        def compute_output_shape(self, input_shape):
            scaled = [None if size is None else size * factor for size in input_shape[1:3]]
            return (input_shape[0], *scaled, input_shape[3])

    return Interpolation(name=name or f"{method}_{factor}x")


def _replicate_edges(images, width):
    """Pad height and width by ``width`` copies of the border rows and columns."""
    for axis in (1, 2):
        first = ops.take(images, [0], axis=axis)
        last = ops.take(images, [-1], axis=axis)
        images = ops.concatenate(
            [ops.repeat(first, width, axis=axis), images, ops.repeat(last, width, axis=axis)], axis=axis)
    return images


def _check_filters(filters):
    return tuple(check_int(width, "filters", minimum=1)
                 for width in check_sequence(filters, "filters", "positive integers"))
