import numpy as np
import pytest

from lecture24 import degrade

IMAGES = np.random.default_rng(0).random((4, 28, 28, 1)).astype("float32")


def test_gaussian_noise_has_the_asked_spread_and_stays_in_range():
    flat = np.full((200, 28, 28), 0.5, dtype="float32")
    noisy = degrade.add_gaussian_noise(flat, 0.1, seed=1)
    assert noisy.dtype == np.float32 and 0 <= noisy.min() and noisy.max() <= 1
    assert abs((noisy - flat).std() - 0.1) < 0.005
    assert np.array_equal(noisy, degrade.add_gaussian_noise(flat, 0.1, seed=1))


def test_mixed_gaussian_noise_gives_each_level_an_equal_share_of_the_images():
    flat = np.full((300, 28, 28), 0.5, dtype="float32")
    noisy = degrade.add_mixed_gaussian_noise(flat, (0.0, 0.05, 0.1), seed=3)
    assert noisy.dtype == np.float32 and 0 <= noisy.min() and noisy.max() <= 1
    spreads = np.sort((noisy - flat).reshape(300, -1).std(axis=1))
    assert np.all(spreads[:100] == 0)
    assert np.allclose(spreads[100:200], 0.05, atol=0.005) and np.allclose(spreads[200:], 0.1, atol=0.01)
    assert np.array_equal(noisy, degrade.add_mixed_gaussian_noise(flat, (0.0, 0.05, 0.1), seed=3))
    assert not np.array_equal(noisy, degrade.add_mixed_gaussian_noise(flat, (0.0, 0.05, 0.1), seed=4))


def test_salt_and_pepper_hits_the_asked_share():
    flat = np.full((100, 28, 28), 0.5, dtype="float32")
    noisy = degrade.add_salt_and_pepper(flat, 0.2, seed=0)
    hit = noisy != 0.5
    assert abs(hit.mean() - 0.2) < 0.01
    assert set(np.unique(noisy[hit])) == {0.0, 1.0}


def test_downscale_averages_blocks():
    images = np.arange(16, dtype="float32").reshape(1, 4, 4) / 15
    small = degrade.downscale(images, 2)
    assert small.shape == (1, 2, 2)
    assert np.isclose(small[0, 0, 0], images[0, :2, :2].mean())


@pytest.mark.parametrize("method", ["nearest", "bilinear", "bicubic"])
def test_resize_returns_the_asked_size_in_range(method):
    big = degrade.resize(degrade.downscale(IMAGES, 2), (28, 28), method)
    assert big.shape == IMAGES.shape and 0 <= big.min() and big.max() <= 1


def test_nearest_resize_repeats_pixels():
    small = np.array([[[0.0, 1.0], [1.0, 0.0]]], dtype="float32")
    big = degrade.resize(small, (4, 4), "nearest")
    assert np.array_equal(big[0], np.kron(small[0], np.ones((2, 2))))


def test_to_grayscale_uses_luminance_weights():
    rgb = np.zeros((1, 2, 2, 3), dtype="float32")
    rgb[..., 1] = 1.0
    gray = degrade.to_grayscale(rgb)
    assert gray.shape == (1, 2, 2, 1) and np.allclose(gray, 0.587)


def test_crop_to_multiple_cuts_around_the_center():
    images = np.random.default_rng(0).random((2, 11, 14, 3)).astype("float32")
    cropped = degrade.crop_to_multiple(images, 4)
    assert cropped.shape == (2, 8, 12, 3)
    np.testing.assert_array_equal(cropped, images[:, 1:9, 1:13])
    assert degrade.crop_to_multiple(images[..., 0], 1).shape == (2, 11, 14)
