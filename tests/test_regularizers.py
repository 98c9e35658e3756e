"""regularizers: Ng's KL sparsity penalty (06_sparse) and the contractive autoencoder (04_ideal_autoencoder)."""

import keras
import numpy as np
import pytest

from lecture24 import models, regularizers, sensitivity


def _one_layer(activation, contraction=0.0, units=5, inputs=7):
    x = keras.Input(shape=(inputs,))
    layer = regularizers.ContractiveDense(units, contraction=contraction, activation=activation,
                                          bias_initializer=keras.initializers.RandomNormal(stddev=0.5, seed=1))
    return keras.Model(x, layer(x)), layer


@pytest.mark.parametrize("activation", ["relu", "sigmoid"])
def test_closed_form_jacobian_norm_equals_the_finite_difference_one(activation):
    keras.utils.set_random_seed(0)
    model, layer = _one_layer(activation)
    points = np.random.default_rng(0).normal(size=(4, 7)).astype("float32")
    closed = regularizers.squared_jacobian_norm(layer, points)
    measured = [(sensitivity.jacobian(model, p, eps=1e-3) ** 2).sum() for p in points]
    np.testing.assert_allclose(closed, measured, rtol=2e-2)
    assert np.all(closed > 0)


def test_closed_form_works_for_a_plain_dense_layer_and_rejects_other_activations():
    x = keras.Input(shape=(3,))
    plain = keras.layers.Dense(2, activation="relu", kernel_initializer="ones", bias_initializer="zeros")
    keras.Model(x, plain(x))
    # all units on: each contributes its column's squared norm, 3 * 1^2
    np.testing.assert_allclose(regularizers.squared_jacobian_norm(plain, np.ones((1, 3))), [6.0])
    # all units off: no derivative, no penalty
    np.testing.assert_allclose(regularizers.squared_jacobian_norm(plain, -np.ones((1, 3))), [0.0])
    tanh = keras.layers.Dense(2, activation="tanh")
    keras.Model(x, tanh(x))
    with pytest.raises(ValueError, match="relu or sigmoid"):
        regularizers.squared_jacobian_norm(tanh, np.ones((1, 3)))


def test_contractive_layer_adds_its_weight_times_the_mean_squared_jacobian_norm():
    keras.utils.set_random_seed(0)
    model, layer = _one_layer("relu", contraction=0.01)
    points = np.random.default_rng(1).normal(size=(6, 7)).astype("float32")
    expected = 0.01 * regularizers.squared_jacobian_norm(layer, points).mean()
    model(points)
    assert len(model.losses) == 1
    np.testing.assert_allclose(float(keras.ops.convert_to_numpy(model.losses[0])), expected, rtol=1e-5)
    plain, _ = _one_layer("relu", contraction=0.0)
    plain(points)
    assert plain.losses == []


def test_contractive_training_shrinks_the_jacobian():
    x = np.random.default_rng(2).random((64, 12)).astype("float32")
    norms = {}
    for contraction in (1e-6, 1e-1):
        keras.utils.set_random_seed(0)
        built = regularizers.build_contractive(16, 4, contraction, input_size=12,
                                               optimizer=keras.optimizers.Adam(0.01))
        built.autoencoder.fit(x, x, epochs=30, batch_size=64, verbose=0)
        norms[contraction] = np.mean([(sensitivity.jacobian(built.encoder, p) ** 2).sum() for p in x[:8]])
    assert norms[1e-1] < 0.5 * norms[1e-6]


def test_contractive_model_starts_from_the_multilayer_models_weights():
    keras.utils.set_random_seed(3)
    plain = models.build_multilayer(8, 4, input_size=10)
    keras.utils.set_random_seed(3)
    contractive = regularizers.build_contractive(8, 4, 1e-3, input_size=10)
    for a, b in zip(plain.autoencoder.get_weights(), contractive.autoencoder.get_weights()):
        np.testing.assert_array_equal(a, b)
    assert [layer.name for layer in contractive.autoencoder.layers] == ["x", "hidden_1", "h", "hidden_2", "r"]


def test_kl_penalty_is_zero_when_every_unit_is_at_its_target_rate():
    # 0.25 is exact in float32, so the mean activation equals rho exactly and the test checks the formula
    h = np.full((12, 6), 0.25, dtype="float32")
    penalty = regularizers.KLSparsity(rho=0.25, beta=3.0)(keras.ops.convert_to_tensor(h))
    assert abs(float(keras.ops.convert_to_numpy(penalty))) < 1e-6
    # the same mean reached by units that are on or off, not moderately on: still 0, only the mean counts
    h = np.tile(np.array([[1.0], [0.0], [0.0], [0.0]], dtype="float32"), (3, 6))
    penalty = regularizers.KLSparsity(rho=0.25, beta=3.0)(keras.ops.convert_to_tensor(h))
    assert abs(float(keras.ops.convert_to_numpy(penalty))) < 1e-6


def test_kl_penalty_in_model_losses_is_beta_times_the_sum_of_divergences():
    keras.utils.set_random_seed(0)
    built = regularizers.build_kl_sparse(16, rho=0.1, beta=0.5, input_size=8)
    x = np.random.default_rng(0).random((32, 8)).astype("float32")
    h = keras.ops.convert_to_numpy(built.encoder(x))
    built.autoencoder(x)
    expected = 0.5 * regularizers.bernoulli_kl(0.1, h.mean(axis=0)).sum()
    assert expected > 0.1
    np.testing.assert_allclose(float(keras.ops.convert_to_numpy(built.autoencoder.losses[0])), expected, rtol=1e-4)
    # independent of the batch size: 4 copies of the batch have the same unit means, so the same penalty
    built.autoencoder(np.tile(x, (4, 1)))
    np.testing.assert_allclose(float(keras.ops.convert_to_numpy(built.autoencoder.losses[0])), expected, rtol=1e-4)


def test_kl_divergence_by_hand():
    np.testing.assert_allclose(regularizers.bernoulli_kl(0.05, [0.05, 0.5]),
                               [0.0, 0.05 * np.log(0.1) + 0.95 * np.log(1.9)], atol=1e-12)
    assert np.all(regularizers.bernoulli_kl(0.3, np.linspace(0.01, 0.99, 50)) >= 0)


def test_kl_training_pulls_each_unit_towards_the_target_rate():
    keras.utils.set_random_seed(0)
    built = regularizers.build_kl_sparse(32, rho=0.05, beta=1.0, input_size=16,
                                         optimizer=keras.optimizers.Adam(0.01))
    x = np.random.default_rng(4).random((256, 16)).astype("float32")
    before = keras.ops.convert_to_numpy(built.encoder(x)).mean(axis=0)
    built.autoencoder.fit(x, x, epochs=20, batch_size=64, verbose=0)
    after = keras.ops.convert_to_numpy(built.encoder(x)).mean(axis=0)
    assert np.abs(after - 0.05).mean() < 0.25 * np.abs(before - 0.05).mean()


def test_layers_survive_a_config_round_trip():
    layer = regularizers.ContractiveDense(3, contraction=0.5, activation="sigmoid")
    again = regularizers.ContractiveDense.from_config(layer.get_config())
    assert (again.contraction, again._kind, again.units) == (0.5, "sigmoid", 3)
    kl = keras.regularizers.get(keras.regularizers.serialize(regularizers.KLSparsity(0.1, 2.0)))
    assert (kl.rho, kl.beta) == (0.1, 2.0)
