"""Every public function rejects bad input with a ValueError that names the argument.

One table for the whole package: a row is (function, args, kwargs, words the message must contain).
"""

import keras
import numpy as np
import pytest
from keras import layers

from lecture24 import (color, compression, data, degrade, diagrams, filters, generation, imaging, manifolds, metrics,
                       models, outliers, pca, plotting, regularizers, seed_everything, sensitivity, variational)

GOOD = np.full((2, 28, 28, 1), 0.5, dtype="float32")
GRAY = GOOD[..., 0]
NAN = GOOD.copy()
NAN[0, 0, 0, 0] = np.nan
RGB = np.random.default_rng(0).random((3, 8, 8, 3)).astype("float32")


def _linear(batch):
    return batch @ np.ones((8, 5))


def _dense_model(units, use_bias=True):
    x = keras.Input(shape=(2,))
    return keras.Model(x, layers.Dense(units, use_bias=use_bias)(x))


def _conv_model():
    x = keras.Input(shape=(4, 4, 1))
    return keras.Model(x, layers.Conv2D(1, 3)(x))


class Built:
    """An argument that is a Keras model, built only when its case runs (not at collection)."""

    def __init__(self, build):
        self.build = build


CASES = [
    (data.load_mnist, (), {"test_size": 5}, "test_size must be at least"),
    (data.load_mnist, (), {"test_size": 2.5}, "test_size must be an integer"),
    (data.load_mnist, (), {"seed": -1}, "seed must be at least"),
    (data.load_photo, ("lena",), {}, "name must be one of"),
    (data.load_photo, ("coffee",), {"downscale": 0}, "downscale must be at least 1"),
    (data.extract_patches, (np.zeros((10, 10)), 11, 1), {}, "size must be at most"),
    (data.extract_patches, (np.zeros(10), 2, 1), {}, "image must have 2 or 3 dimensions"),
    (data.extract_patches, (np.zeros((10, 10)), 2, 0), {}, "count must be at least"),
    (degrade.add_gaussian_noise, (GOOD * 255, 0.1), {}, "images must hold values in [0, 1]"),
    (degrade.add_gaussian_noise, (NAN, 0.1), {}, "images must not contain NaN"),
    (degrade.add_gaussian_noise, (GOOD, -0.1), {}, "sigma must be at least 0"),
    (degrade.add_gaussian_noise, (GOOD, float("nan")), {}, "sigma must be a finite number"),
    (degrade.add_gaussian_noise, ((GOOD * 255).astype("uint8"), 0.1), {}, "floating-point"),
    (degrade.add_gaussian_noise, (np.array(["a"]), 0.1), {}, "images must be a numeric array"),
    (degrade.add_mixed_gaussian_noise, (GOOD, ()), {}, "sigmas must be a non-empty sequence"),
    (degrade.add_mixed_gaussian_noise, (GOOD, 0.1), {}, "sigmas must be a non-empty sequence"),
    (degrade.add_mixed_gaussian_noise, (GOOD, (0.1, -0.1)), {}, "each of sigmas must be at least 0"),
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
    (pca.recast, (np.ones((4, 3)), np.ones((2, 1))), {}, "z has 3 columns, but features has 2 rows."),
    (pca.reconstruct, (np.ones((4, 2)), np.ones((3, 1)), None), {}, "scores has 2 columns"),
    (pca.reconstruction, (np.ones((4, 3)), np.ones((2, 2)), 1), {}, "as many columns as fit_on (3), not 2."),
    (pca.reconstruction, (np.ones((4, 3)), np.ones((2, 3)), 4), {}, "k must be at most 3, not 4."),
    (metrics.per_image_mse, (GOOD, GOOD[:1]), {}, "x and r must have the same shape"),
    (metrics.psnr, (GOOD, GOOD + 1), {}, "r must hold values in [0, 1]"),
    (metrics.ssim, (GOOD.reshape(2, -1), GOOD.reshape(2, -1)), {},
     "x must have 3 or 4 dimensions, but its shape is (2, 784)."),
    (plotting.show_images, ([],), {}, "rows must hold at least one batch"),
    (plotting.show_images, ([np.zeros((2, 10))],), {}, "square number of values"),
    (plotting.show_images, ([GOOD],), {"titles": ["a", "b"]}, "titles must have one entry per row"),
    (plotting.plot_losses, ({},), {}, "histories must map at least one"),
    (plotting.plot_losses, ({"a": {"val_loss": [1.0]}},), {}, "must have a 'loss' curve"),
    (plotting.plot_latent_2d, (np.zeros((4, 3)), np.zeros(4)), {}, "codes must have 2 columns"),
    (plotting.plot_latent_2d, (np.zeros((4, 2)), np.zeros(3)), {}, "labels must have shape (4,)"),
    (seed_everything, (-1,), {}, "seed must be at least 0"),
    (seed_everything, ("0",), {}, "seed must be an integer"),
    # color
    (color.rgb_to, (RGB, "hsv"), {}, "space must be one of"),
    (color.rgb_to, (RGB[..., :2],), {}, "images must have 3 channels"),
    (color.rgb_to, (RGB * 2,), {}, "images must hold values in [0, 1]"),
    (color.to_rgb, (RGB[..., :1],), {}, "images must have 3 channels"),
    (color.to_rgb, (RGB, "cmyk"), {}, "space must be one of"),
    (color.split, (RGB, "xyz"), {}, "space must be one of"),
    (color.combine, (RGB[..., :2], RGB[..., :2]), {}, "luma must have 1 channel"),
    (color.combine, (RGB[..., :1], RGB), {}, "chroma must have 2 channels"),
    (color.combine, (RGB[..., :1], np.zeros((5, 2))), {}, "does not fit luma"),
    (color.combine, (RGB[..., :1], np.full(2, np.nan)), {}, "chroma must not contain NaN"),
    (color.mean_color_baseline, (RGB, RGB), {}, "gray must have 1 channel in"),
    (color.mean_color_baseline, (RGB[..., :1], RGB, "rgb"), {}, "space must be one of"),
    (color.chroma_rmse, (RGB, RGB[:1]), {}, "x and r must have the same shape"),
    (color.chroma_rmse, (RGB, RGB[..., :1]), {}, "r must have 3 channels"),
    (color.saturation, (RGB, "hsl"), {}, "space must be one of"),
    # compression
    (compression.jpeg_roundtrip, (GRAY, 0), {}, "quality must be at least 1"),
    (compression.jpeg_roundtrip, (GRAY, 96), {}, "quality must be at most 95"),
    (compression.jpeg_roundtrip, (GRAY * 255, 50), {}, "images must hold values in [0, 1]"),
    (compression.jpeg_roundtrip, (np.zeros((2, 10), "float32"), 50), {}, "square number of pixels"),
    (compression.jpeg_roundtrip, (np.zeros((2, 4, 4, 3), "float32"), 50), {}, "must be grayscale"),
    (compression.jpeg_roundtrip, (np.zeros(4, "float32"), 50), {}, "images must have 2, 3 or 4 dimensions"),
    (compression.png_sizes, (np.full((1, 4, 4), np.nan),), {}, "images must not contain NaN"),
    (compression.zlib_size, (GRAY,), {"level": 10}, "level must be at most 9"),
    (compression.quantize_code, (np.ones(3),), {"bits": 0}, "bits must be at least 1"),
    (compression.quantize_code, (np.ones(3),), {"low": 2.0, "high": 1.0}, "high must be at least low"),
    (compression.quantize_code, (np.array(["a"]),), {}, "codes must be a numeric array"),
    (compression.dequantize_code, (np.ones(3),), {}, "quantized must be a QuantizedCode"),
    # diagrams
    (diagrams.draw_dense_network, ("not a model",), {}, "model must be a keras.Model"),
    (diagrams.draw_dense_network, (Built(_conv_model),), {}, "model must consist of Dense layers only"),
    (diagrams.draw_dense_network, (Built(lambda: _dense_model(9)),), {}, "at most 8 nodes per layer"),
    (diagrams.draw_dense_network, (Built(lambda: _dense_model(2, use_bias=False)),), {}, "must have biases"),
    (diagrams.draw_dense_network, (Built(lambda: _dense_model(2)),), {"decimals": -1}, "decimals must be at least 0"),
    (diagrams.draw_autoencoder, (0, 32), {}, "input_size must be at least 1"),
    (diagrams.draw_autoencoder, (784, 3.5), {}, "code_size must be an integer"),
    # filters
    (filters.apply_filter, ("box", GRAY, 1), {}, "name must be one of"),
    (filters.apply_filter, ("median", GRAY, 4), {}, "param of the median filter must be an odd window size"),
    (filters.apply_filter, ("median", GRAY, 3.0), {}, "param must be an integer"),
    (filters.apply_filter, ("median", GRAY, 0), {}, "param must be at least 1"),
    (filters.apply_filter, ("gaussian", GRAY, -1.0), {}, "param must be at least 0"),
    (filters.apply_filter, ("gaussian", GRAY, float("nan")), {}, "param must be a finite number"),
    (filters.apply_filter, ("nl_means", GRAY, 0), {}, "strength h) must be positive"),
    (filters.apply_filter, ("gaussian", GRAY * 255, 1.0), {}, "images must hold values in [0, 1]"),
    (filters.apply_filter, ("gaussian", GRAY[0], 1.0), {}, "images must have 3 or 4 dimensions"),
    (filters.apply_filter, ("gaussian", np.ones((2, 8, 8), dtype="uint8"), 1.0), {}, "floating-point"),
    (filters.tune_filter, ("median", GRAY, GRAY[:1]), {}, "noisy and clean must have the same shape"),
    (filters.tune_filter, ("median", GRAY, GRAY), {"grid": []}, "grid must be a non-empty sequence"),
    (filters.tune_filter, ("median", GRAY, GRAY), {"grid": 3}, "grid must be a non-empty sequence"),
    (filters.tune_filter, ("median", GRAY, GRAY), {"grid": [3, 4]}, "grid entries of the median filter"),
    (filters.tune_filter, ("median", GRAY, GRAY), {"metric": "mse"}, "metric must be one of"),
    (filters.tune_filter, ("median", GRAY, GRAY + 1), {}, "clean must hold values in [0, 1]"),
    # imaging
    (imaging.build_colorizer, ((),), {}, "filters must be a non-empty sequence"),
    (imaging.build_colorizer, ("16",), {}, "filters must be a non-empty sequence"),
    (imaging.build_colorizer, ((16, 0),), {}, "filters must be at least 1"),
    (imaging.build_colorizer, ((16, 2.5),), {}, "filters must be an integer"),
    (imaging.build_upscaler, (3,), {}, "factor must be one of 2, 4 or 8"),
    (imaging.build_upscaler, (16,), {}, "factor must be one of 2, 4 or 8, not 16"),
    (imaging.build_upscaler, (2, 0), {}, "filters must be at least 1"),
    (imaging.build_upscaler, (2,), {"channels": 0}, "channels must be at least 1"),
    (imaging.build_upscaler, (2,), {"shortcut": "lanczos3"}, "shortcut must be one of"),
    (imaging.interpolation_layer, ("area",), {}, "method must be one of"),
    (imaging.interpolation_layer, ("bicubic", 3), {}, "factor must be one of 2, 4 or 8"),
    (imaging.interpolation_layer, ("bicubic", 1), {}, "factor must be one of 2, 4 or 8, not 1"),
    (degrade.crop_to_multiple, (np.zeros((4, 4)), 2), {}, "images must have 3 or 4 dimensions"),
    (degrade.crop_to_multiple, (np.zeros((1, 4, 4)), 8), {}, "multiple must be at most"),
    (degrade.crop_to_multiple, (np.zeros((1, 4, 4)), 0), {}, "multiple must be at least 1"),
    # manifolds
    (manifolds.spiral, (0,), {}, "count must be at least 1"),
    (manifolds.spiral, (10,), {"turns": -1}, "turns must be at least 0"),
    (manifolds.spiral, (10,), {"noise": float("nan")}, "noise must be a finite number"),
    (manifolds.spiral, (10,), {"seed": 1.5}, "seed must be an integer"),
    # outliers
    (outliers.invert, (GOOD * 3,), {}, "images must hold values in [0, 1]"),
    (outliers.uniform_noise, (0,), {}, "count must be at least 1"),
    (outliers.uniform_noise, (2, (28, 0)), {}, "shape must be at least 1"),
    (outliers.uniform_noise, (2,), {"seed": -1}, "seed must be at least 0"),
    (outliers.photo_patches, (2,), {"names": ("lena",)}, "names must be keys of data.PHOTOS"),
    (outliers.photo_patches, (2,), {"names": ()}, "names must list at least one photo"),
    (outliers.photo_patches, (2,), {"patch_size": 10_000}, "size must be at most"),
    (outliers.rare_class_subset, (np.arange(4), 9), {}, "rare must be one of the labels"),
    (outliers.rare_class_subset, (np.arange(4), 1), {"keep": 0}, "keep must be positive"),
    (outliers.rare_class_subset, (np.arange(4), 1), {"keep": 1.5}, "keep must be at most 1"),
    (outliers.per_class_mean, (np.ones(3), np.ones(2)), {}, "labels must have shape (3,)"),
    (outliers.anomaly_auc, ([np.nan], [1.0]), {}, "inlier_scores must not contain NaN"),
    (outliers.anomaly_auc, ([0.1], np.ones((2, 2))), {}, "outlier_scores must have 1 dimension,"),
    # sensitivity
    (sensitivity.jacobian, (_linear, np.ones((2, 8))), {}, "x must have 1 dimension,"),
    (sensitivity.jacobian, (_linear, np.ones(8)), {"eps": 0}, "eps must be positive"),
    (sensitivity.jacobian, ("model", np.ones(8)), {}, "predict must be a keras.Model or a function"),
    (sensitivity.jacobian, (lambda b: b[:1], np.ones(8)), {}, "predict must map a batch"),
    (sensitivity.passed_directions, (_linear, np.ones(8)), {}, "points must have 2 dimensions"),
    (sensitivity.passed_directions, (_linear, np.ones((1, 8))), {"threshold": -1}, "threshold must be at least 0"),
    (regularizers.KLSparsity, (), {"rho": 0.0}, "rho must lie strictly between 0 and 1"),
    (regularizers.KLSparsity, (), {"beta": -1.0}, "beta must be at least 0"),
    (regularizers.build_kl_sparse, (), {"beta": 0.0}, "beta must be positive"),
    (regularizers.build_contractive, (), {"contraction": 0.0}, "contraction must be positive"),
    (regularizers.ContractiveDense, (4,), {"contraction": 0.1, "activation": "tanh"}, "activation must be one of"),
    (regularizers.squared_jacobian_norm, ("not a layer", np.zeros((1, 2))), {}, "layer must be a keras.layers.Dense"),
    (regularizers.bernoulli_kl, (1.0, [0.5]), {}, "rho must lie strictly between 0 and 1"),
    (variational.build_vae, (0,), {}, "code_size must be at least 1"),
    (variational.build_vae, (784,), {}, "code_size must be at most 783"),
    (variational.build_vae, (2,), {"classes": 1}, "classes must be at least 2"),
    (variational.build_vae, (2,), {"beta": -1.0}, "beta must be at least 0"),
    (variational.Sampling, (), {"seed": -1}, "seed must be at least 0"),
    (generation.build_digit_classifier, (0,), {}, "hidden_size must be at least 1"),
    (generation.score_samples, (np.full((3, 10), 0.5),), {}, "rows that each sum to 1"),
    (generation.score_samples, (np.full((3, 10), 0.1),), {"threshold": 1.5}, "threshold must be at most 1"),
    (generation.score_samples, (np.full((3, 10), 0.1),), {"requested": np.zeros(2)}, "one class per image"),
    (generation.score_samples, (np.full(10, 0.1),), {}, "probabilities must have 2 dimensions"),
    (generation.gaussian_codes, (np.zeros((1, 2)), 5), {}, "at least 2 rows"),
    (generation.gaussian_codes, (np.zeros((4, 2)), 0), {}, "count must be at least 1"),
]


@pytest.mark.parametrize(
    "function, args, kwargs, message", CASES, ids=[f"{case[0].__name__}-{i}" for i, case in enumerate(CASES)]
)
def test_bad_input_raises_a_clear_value_error(function, args, kwargs, message):
    args = tuple(arg.build() if isinstance(arg, Built) else arg for arg in args)
    with pytest.raises(ValueError) as error:
        function(*args, **kwargs)
    assert message in str(error.value)
    assert str(error.value).endswith("."), "a message is one or more whole sentences"
