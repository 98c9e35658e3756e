"""lecture24.color: luminance/chrominance spaces, the mean-color baseline and chroma scores."""

import numpy as np
import pytest

from lecture24 import color, degrade

RGB = np.random.default_rng(0).random((3, 8, 8, 3)).astype("float32")


@pytest.mark.parametrize("space", color.SPACES)
def test_round_trip_gives_the_image_back(space):
    converted = color.rgb_to(RGB, space)
    assert converted.shape == RGB.shape and converted.dtype == RGB.dtype
    np.testing.assert_allclose(color.to_rgb(converted, space), RGB, atol=1e-4)


def test_yuv_luma_is_the_grayscale_image():
    luma, chroma = color.split(RGB, "yuv")
    np.testing.assert_allclose(luma, degrade.to_grayscale(RGB), atol=1e-6)
    assert chroma.shape == (3, 8, 8, 2)


@pytest.mark.parametrize("space", color.SPACES)
def test_gray_pixels_have_no_chroma(space):
    gray = np.repeat(RGB[..., :1], 3, axis=-1)
    assert np.abs(color.split(gray, space)[1]).max() < 1e-3
    assert color.saturation(gray, space) < 1e-3


def test_yuv_matrices_are_inverse():
    np.testing.assert_allclose(color.RGB_TO_YUV @ color.YUV_TO_RGB, np.eye(3), atol=1e-12)


def test_split_then_combine_gives_the_image_back():
    np.testing.assert_allclose(color.combine(*color.split(RGB)), RGB, atol=1e-5)


def test_combine_broadcasts_one_chroma_and_clips():
    luma = np.full((2, 4, 4, 1), 0.9, dtype="float32")
    rgb = color.combine(luma, np.array([0.0, 0.6]))
    assert rgb.shape == (2, 4, 4, 3) and rgb.min() >= 0 and rgb.max() <= 1
    assert np.allclose(rgb[..., 0], 1.0)  # red asked beyond the cube is clipped


def test_mean_color_baseline_keeps_luma_and_adds_the_mean_chroma():
    gray = degrade.to_grayscale(RGB[:1]) * 0.5 + 0.25  # mid grays: no clipping
    baseline = color.mean_color_baseline(gray, RGB)
    luma, chroma = color.split(baseline)
    np.testing.assert_allclose(luma, gray, atol=1e-5)
    np.testing.assert_allclose(chroma.reshape(-1, 2), np.broadcast_to(color.mean_chroma(RGB), (64, 2)), atol=1e-5)


def test_chroma_rmse_ignores_luma_and_sees_color():
    gray_a = np.full((1, 2, 2, 3), 0.2, dtype="float32")
    gray_b = np.full((1, 2, 2, 3), 0.7, dtype="float32")
    assert color.chroma_rmse(gray_a, gray_b) < 1e-6
    assert color.chroma_rmse(RGB, np.full_like(RGB, 0.5)) > 0.05


def test_saturation_grows_with_color():
    pale = 0.5 + 0.1 * (RGB - 0.5)
    assert color.saturation(pale) < color.saturation(RGB)
