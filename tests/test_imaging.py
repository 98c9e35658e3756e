"""lecture24.imaging: the colorizer and upscaler builders and center cropping."""

import numpy as np
import pytest

from lecture24 import color, imaging

RNG = np.random.default_rng(0)


def test_colorizer_takes_gray_of_any_fitting_size_and_returns_rgb():
    model = imaging.build_colorizer((4, 8))
    for height, width in [(16, 16), (12, 20)]:
        out = model.predict(RNG.random((2, height, width, 1)).astype("float32"), verbose=0)
        assert out.shape == (2, height, width, 3)
    assert model.loss == "mse"
    assert model.get_layer("h").output.shape[1:] == (None, None, 8)


def test_colorizer_keeps_the_input_luminance_exactly():
    model = imaging.build_colorizer((4,))
    gray = RNG.random((1, 8, 8, 1)).astype("float32")
    rgb = model.predict(gray, verbose=0)
    luma = rgb.astype("float64") @ color.RGB_TO_YUV[0]
    np.testing.assert_allclose(luma, gray[..., 0], atol=1e-5)


def test_colorizer_color_layer_is_fixed():
    model = imaging.build_colorizer((4,))
    to_rgb = model.get_layer("to_rgb")
    assert not to_rgb.trainable and to_rgb.trainable_weights == []
    np.testing.assert_allclose(to_rgb.get_weights()[0], color.YUV_TO_RGB.T, atol=1e-6)
    x = RNG.random((4, 8, 8, 1)).astype("float32")
    model.fit(x, np.repeat(x, 3, axis=-1), epochs=1, verbose=0)
    np.testing.assert_allclose(to_rgb.get_weights()[0], color.YUV_TO_RGB.T, atol=1e-6)


@pytest.mark.parametrize("factor", [2, 4])
@pytest.mark.parametrize("channels", [1, 3])
def test_upscaler_multiplies_the_size(factor, channels):
    model = imaging.build_upscaler(factor, 4, channels=channels)
    out = model.predict(RNG.random((2, 7, 5, channels)).astype("float32"), verbose=0)
    assert out.shape == (2, 7 * factor, 5 * factor, channels)


@pytest.mark.parametrize("method, border", [("nearest", 0), ("bilinear", 0), ("bicubic", 3)])
def test_interpolation_layer_matches_keras_resize(method, border):
    import keras

    images = RNG.random((2, 9, 7, 3)).astype("float32")
    ours = keras.ops.convert_to_numpy(imaging.interpolation_layer(method, 2)(images))
    reference = keras.ops.convert_to_numpy(keras.ops.image.resize(images, (18, 14), interpolation=method))
    inner = (slice(None), slice(border, 18 - border), slice(border, 14 - border))
    np.testing.assert_allclose(ours[inner], reference[inner], atol=1e-5)


def test_interpolation_layer_keeps_constant_images_and_scales_by_the_factor():
    import keras

    flat = np.full((1, 5, 3, 2), 0.4, dtype="float32")
    for factor in (2, 4, 8):
        out = keras.ops.convert_to_numpy(imaging.interpolation_layer("bicubic", factor)(flat))
        assert out.shape == (1, 5 * factor, 3 * factor, 2)
        np.testing.assert_allclose(out, 0.4, atol=1e-6)


@pytest.mark.parametrize("shortcut", imaging.SHORTCUTS)
def test_untrained_upscaler_is_its_shortcut_interpolation(shortcut):
    import keras

    model = imaging.build_upscaler(2, 4, shortcut=shortcut)
    low = RNG.random((2, 6, 6, 1)).astype("float32")
    expected = keras.ops.convert_to_numpy(imaging.interpolation_layer(shortcut, 2)(low))
    np.testing.assert_allclose(model.predict(low, verbose=0), expected, atol=1e-6)
    assert np.all(model.get_layer("detail").get_weights()[0] == 0)


def test_trained_upscaler_still_takes_any_size():
    model = imaging.build_upscaler(2, 4)
    model.fit(RNG.random((8, 7, 7, 1)).astype("float32"), RNG.random((8, 14, 14, 1)).astype("float32"),
              epochs=1, verbose=0)
    for height, width in [(7, 7), (5, 9), (12, 4)]:
        out = model.predict(RNG.random((1, height, width, 1)).astype("float32"), verbose=0)
        assert out.shape == (1, 2 * height, 2 * width, 1)


def test_upscaler_without_shortcut_draws_the_whole_image():
    model = imaging.build_upscaler(2, 4, shortcut=None)
    names = [layer.name for layer in model.layers]
    assert "detail" not in names and not any(name in names for name in imaging.SHORTCUTS)


def test_upscaler_learns_to_beat_its_shortcut():
    from lecture24 import degrade, metrics

    model = imaging.build_upscaler(2, 8, shortcut="bilinear", optimizer="adam")
    # sharp 2 x 2 blocks: repeating each low-resolution pixel recovers them, bilinear blurs them
    blocks = np.kron((RNG.random((64, 4, 4, 1)) > 0.5), np.ones((1, 2, 2, 1))).astype("float32")
    low = degrade.downscale(blocks, 2)
    before = metrics.psnr(blocks, np.clip(model.predict(low, verbose=0), 0, 1))
    model.fit(low, blocks, epochs=30, batch_size=16, verbose=0)
    after = metrics.psnr(blocks, np.clip(model.predict(low, verbose=0), 0, 1))
    assert after > before + 1


@pytest.mark.filterwarnings("ignore:Skipping variable loading for optimizer", "ignore::DeprecationWarning")
def test_upscaler_weights_reload_into_a_rebuilt_model(tmp_path):
    model = imaging.build_upscaler(2, 4, channels=3)
    low = RNG.random((2, 5, 5, 3)).astype("float32")
    model.fit(low, RNG.random((2, 10, 10, 3)).astype("float32"), epochs=1, verbose=0)
    path = tmp_path / "upscaler.weights.h5"
    model.save_weights(path)
    rebuilt = imaging.build_upscaler(2, 4, channels=3)
    rebuilt.load_weights(path)
    np.testing.assert_allclose(rebuilt.predict(low, verbose=0), model.predict(low, verbose=0), atol=1e-6)
