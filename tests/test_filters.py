import numpy as np
import pytest

from lecture24 import filters, metrics


def _smooth_images(n=4, size=28):
    """Smooth test images: blurred bright squares on a dark background, in [0, 1]."""
    images = np.zeros((n, size, size), dtype="float32")
    for i in range(n):
        images[i, 6 + i : 18 + i, 8:20] = 0.9
    return filters.apply_filter("gaussian", images, 1.0)


def _noisy(clean, sigma=0.1, seed=0):
    rng = np.random.default_rng(seed)
    return np.clip(clean + rng.normal(0, sigma, clean.shape), 0, 1).astype("float32")


@pytest.mark.parametrize("name, param", [("gaussian", 1.0), ("median", 3), ("nl_means", 0.1)])
@pytest.mark.parametrize("shape", [(3, 28, 28), (3, 28, 28, 1), (2, 16, 20, 3)])
def test_shape_dtype_range_and_input_untouched(name, param, shape):
    images = np.random.default_rng(1).random(shape).astype("float32")
    before = images.copy()
    out = filters.apply_filter(name, images, param)
    assert out.shape == images.shape and out.dtype == np.float32
    assert out.min() >= 0 and out.max() <= 1
    np.testing.assert_array_equal(images, before)


@pytest.mark.parametrize("name, param", [("gaussian", 1.0), ("median", 3), ("nl_means", 0.1)])
def test_every_filter_removes_noise_from_smooth_images(name, param):
    clean = _smooth_images()
    noisy = _noisy(clean)
    assert metrics.psnr(clean, filters.apply_filter(name, noisy, param)) > metrics.psnr(clean, noisy) + 2


def test_images_are_filtered_one_by_one_and_channel_by_channel():
    images = np.zeros((2, 9, 9, 2), dtype="float32")
    images[0, 4, 4, 0] = 1.0
    out = filters.apply_filter("gaussian", images, 1.0)
    assert out[0, ..., 0].sum() > 0.9  # the bright pixel spreads within its own image and channel
    assert out[1].max() == 0 and out[0, ..., 1].max() == 0


def test_gaussian_zero_is_the_identity_and_median_removes_an_isolated_pixel():
    images = _noisy(_smooth_images())
    np.testing.assert_allclose(filters.apply_filter("gaussian", images, 0), images, atol=1e-7)
    salt = np.zeros((1, 9, 9), dtype="float32")
    salt[0, 4, 4] = 1.0
    assert filters.apply_filter("median", salt, 3).max() == 0


def test_tune_filter_scores_every_candidate_and_picks_the_best():
    clean = _smooth_images()
    noisy = _noisy(clean, sigma=0.2)
    tuned = filters.tune_filter("gaussian", noisy, clean, grid=[0, 1.0, 8.0])
    assert set(tuned.scores) == {0, 1.0, 8.0}
    assert tuned.param == 1.0 and tuned.score == max(tuned.scores.values())
    assert tuned.score == pytest.approx(metrics.psnr(clean, filters.apply_filter("gaussian", noisy, 1.0)))
    by_ssim = filters.tune_filter("median", noisy, clean, grid=[3, 5], metric="ssim")
    assert by_ssim.score == pytest.approx(metrics.ssim(clean, filters.apply_filter("median", noisy, by_ssim.param)))


def test_tune_filter_uses_the_default_grid():
    clean = _smooth_images(n=2)
    tuned = filters.tune_filter("median", _noisy(clean), clean)
    assert list(tuned.scores) == list(filters.DEFAULT_GRIDS["median"])


def test_ties_go_to_the_first_candidate():
    noisy = np.full((2, 8, 8), 0.5, dtype="float32")  # both windows return it unchanged
    tuned = filters.tune_filter("median", noisy, noisy - 0.1, grid=[5, 3])
    assert tuned.scores[5] == tuned.scores[3] and tuned.param == 5
