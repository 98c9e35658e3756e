import numpy as np
import pytest
from skimage.metrics import peak_signal_noise_ratio

from lecture24 import metrics

RNG = np.random.default_rng(0)
X = RNG.random((5, 28, 28, 1))
R = np.clip(X + RNG.normal(0, 0.05, X.shape), 0, 1)


def test_per_image_mse_is_one_number_per_image():
    errors = metrics.per_image_mse(X, R)
    assert errors.shape == (5,)
    np.testing.assert_allclose(errors[2], np.mean((X[2] - R[2]) ** 2))
    assert np.all(metrics.per_image_mse(X, X) == 0)


def test_psnr_is_the_mean_of_scikit_image_values():
    expected = np.mean([peak_signal_noise_ratio(a, b, data_range=1.0) for a, b in zip(X, R)])
    assert metrics.psnr(X, R) == pytest.approx(expected)
    assert metrics.psnr(X, R) > metrics.psnr(X, np.clip(R + 0.1, 0, 1))


def test_ssim_is_one_for_identical_images_and_lower_for_noisy_ones():
    assert metrics.ssim(X, X) == pytest.approx(1.0)
    assert metrics.ssim(X[..., 0], R[..., 0]) < 0.99
    assert metrics.ssim(X, R) == pytest.approx(metrics.ssim(X[..., 0], R[..., 0]))
