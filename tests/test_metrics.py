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


def test_mse_takes_any_finite_reals_and_is_the_batch_mean():
    points, reconstructed = np.array([[-2.0, 3.0], [10.0, 0.5]]), np.array([[-1.0, 3.0], [10.0, 2.5]])
    assert np.allclose(metrics.per_image_mse(points, reconstructed), [0.5, 2.0])
    assert metrics.mse(points, reconstructed) == 1.25


def test_mse_is_what_keras_reports_for_loss_mse():
    import keras

    assert np.isclose(metrics.mse(X, R), float(keras.losses.MeanSquaredError()(X.reshape(len(X), -1),
                                                                               R.reshape(len(R), -1))))


def test_mse_rejects_nan():
    with pytest.raises(ValueError, match="r must not contain NaN or infinity."):
        metrics.mse(X, np.full_like(X, np.nan))
