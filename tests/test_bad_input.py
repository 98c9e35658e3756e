"""Every public function rejects bad input with a ValueError that names the argument."""

import numpy as np
import pytest

from lecture24 import data, degrade, metrics, models, pca, plotting, seed_everything

GOOD = np.full((2, 28, 28, 1), 0.5, dtype="float32")
NAN = GOOD.copy()
NAN[0, 0, 0, 0] = np.nan

CASES = [
    # (function, args, kwargs, words the message must contain)
    (data.load_mnist, (), {"test_size": 5}, "test_size must be at least"),
    (data.load_mnist, (), {"test_size": 2.5}, "test_size must be an integer"),
    (data.load_mnist, (), {"seed": -1}, "seed must be at least"),
    (data.load_photo, ("lena",), {}, "name must be one of"),
    (data.extract_patches, (np.zeros((10, 10)), 11, 1), {}, "size must be at most"),
    (data.extract_patches, (np.zeros(10), 2, 1), {}, "image must have 2 or 3 dimensions"),
    (data.extract_patches, (np.zeros((10, 10)), 2, 0), {}, "count must be at least"),
    (degrade.add_gaussian_noise, (GOOD * 255, 0.1), {}, "images must hold values in [0, 1]"),
    (degrade.add_gaussian_noise, (NAN, 0.1), {}, "images must not contain NaN"),
    (degrade.add_gaussian_noise, (GOOD, -0.1), {}, "sigma must be at least 0"),
    (degrade.add_gaussian_noise, (GOOD, float("nan")), {}, "sigma must be a finite number"),
    (degrade.add_gaussian_noise, ((GOOD * 255).astype("uint8"), 0.1), {}, "floating-point"),
    (degrade.add_gaussian_noise, (np.array(["a"]), 0.1), {}, "images must be a numeric array"),
    (degrade.add_salt_and_pepper, (GOOD, 1.5), {}, "amount must be at most 1"),
    (degrade.downscale, (GOOD, 3), {}, "factor must divide"),
    (degrade.downscale, (GOOD[0, :, :, 0], 2), {}, "images must have 3 or 4 dimensions"),
    (degrade.resize, (GOOD, (28, 28), "lanczos"), {}, "method must be one of"),
    (degrade.resize, (GOOD, (28,)), {}, "size must be (height, width)"),
    (degrade.to_grayscale, (GOOD,), {}, "images must have 3 channels"),
    (models.build_vanilla, (0,), {}, "hidden_size must be at least 1"),
    (models.build_vanilla, (64.0,), {}, "hidden_size must be an integer"),
    (models.build_multilayer, (), {"code_size": 784}, "code_size must be at most"),
    (models.build_multilayer, (), {"hidden_size": 32, "code_size": 64}, "code_size must be at most 32"),
    (models.build_regularized, (), {"l1": 0}, "l1 must be positive"),
    (models.build_regularized, (), {"l1": -1e-3}, "l1 must be at least 0"),
    (models.architecture, ("not a model",), {}, "model must be a keras.Model"),
    (pca.standardize, (np.zeros(5),), {}, "x must have 2 dimensions"),
    (pca.standardize, (np.full((3, 2), np.inf),), {}, "x must not contain NaN or infinity"),
    (pca.standardize, (np.ones((3, 2)),), {"std": np.array([1.0, 0.0])}, "std must be positive"),
    (pca.covariance_matrix, (np.ones((1, 3)),), {}, "z must have at least 2 rows"),
    (pca.eigendecomposition, (np.arange(6.0).reshape(2, 3),), {}, "covariance must be a symmetric square"),
    (pca.recast, (np.ones((4, 3)), np.ones((2, 1))), {}, "z has 3 columns but features has 2 rows"),
    (pca.reconstruct, (np.ones((4, 2)), np.ones((3, 1)), None), {}, "scores has 2 columns"),
    (metrics.per_image_mse, (GOOD, GOOD[:1]), {}, "x and r must have the same shape"),
    (metrics.psnr, (GOOD, GOOD + 1), {}, "r must hold values in [0, 1]"),
    (metrics.ssim, (GOOD.reshape(2, -1), GOOD.reshape(2, -1)), {}, "x must have shape (N, H, W)"),
    (plotting.show_images, ([],), {}, "rows must hold at least one batch"),
    (plotting.show_images, ([np.zeros((2, 10))],), {}, "square number of values"),
    (plotting.show_images, ([GOOD],), {"titles": ["a", "b"]}, "titles must have one entry per row"),
    (plotting.plot_losses, ({},), {}, "histories must map at least one"),
    (plotting.plot_losses, ({"a": {"val_loss": [1.0]}},), {}, "must have a 'loss' curve"),
    (plotting.plot_latent_2d, (np.zeros((4, 3)), np.zeros(4)), {}, "codes must have 2 columns"),
    (plotting.plot_latent_2d, (np.zeros((4, 2)), np.zeros(3)), {}, "labels must have shape (4,)"),
    (seed_everything, (-1,), {}, "seed must be at least 0"),
    (seed_everything, ("0",), {}, "seed must be an integer"),
]


@pytest.mark.parametrize(
    "function, args, kwargs, message", CASES, ids=[f"{case[0].__name__}-{i}" for i, case in enumerate(CASES)]
)
def test_bad_input_raises_a_clear_value_error(function, args, kwargs, message):
    with pytest.raises(ValueError) as error:
        function(*args, **kwargs)
    assert message in str(error.value)
