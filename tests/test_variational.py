"""variational (VAE, CVAE) and generation (scoring generated digits), introduced in 11_variational."""

import keras
import numpy as np
import pytest

from lecture24 import generation, variational

RNG = np.random.default_rng(0)
X = (RNG.random((64, 16)) > 0.5).astype("float32")


def test_kl_divergence_is_zero_at_the_prior_and_matches_the_closed_form():
    mean = np.array([[0.0, 0.0], [1.0, -2.0]], dtype="float32")
    log_var = np.array([[0.0, 0.0], [np.log(4.0), 0.0]], dtype="float32")
    kl = keras.ops.convert_to_numpy(variational.kl_divergence(mean, log_var))
    expected = 0.5 * np.array([0.0, (1 + 4 - np.log(4) - 1) + (4 + 1 - 0 - 1)])
    np.testing.assert_allclose(kl, expected, rtol=1e-6)


def test_sampling_draws_mean_plus_sigma_times_a_standard_normal_and_repeats_with_its_seed():
    mean = np.full((20000, 2), 3.0, dtype="float32")
    log_var = np.full((20000, 2), np.log(0.25), dtype="float32")
    z = keras.ops.convert_to_numpy(variational.Sampling(seed=1)([mean, log_var]))
    np.testing.assert_allclose(z.mean(axis=0), 3.0, atol=0.02)
    np.testing.assert_allclose(z.std(axis=0), 0.5, atol=0.02)
    again = keras.ops.convert_to_numpy(variational.Sampling(seed=1)([mean, log_var]))
    other = keras.ops.convert_to_numpy(variational.Sampling(seed=2)([mean, log_var]))
    np.testing.assert_array_equal(z, again)
    assert not np.allclose(z, other)


def test_the_vae_loss_is_the_negative_elbo_per_pixel():
    # loss = mean binary cross-entropy over the pixels + KL / input_size, with z drawn as Sampling draws it
    keras.utils.set_random_seed(0)
    built = variational.build_vae(3, 8, input_size=16, seed=4)
    loss = built.vae.evaluate(X, X, batch_size=len(X), verbose=0)
    mean, log_var = built.encoder.predict(X, verbose=0)
    kl = keras.ops.convert_to_numpy(variational.kl_divergence(mean, log_var)).mean()
    z = keras.ops.convert_to_numpy(variational.Sampling(seed=4)([mean, log_var]))
    r = np.clip(built.decoder.predict(z, verbose=0), 1e-7, 1 - 1e-7)
    bce = -(X * np.log(r) + (1 - X) * np.log(1 - r)).mean()
    assert loss == pytest.approx(bce + kl / 16, rel=1e-3)
    assert kl > 0


def test_a_vae_trains_and_its_kl_term_pulls_the_codes_toward_the_prior():
    keras.utils.set_random_seed(0)
    free = variational.build_vae(2, 16, input_size=16, beta=0.0, optimizer=keras.optimizers.Adam(1e-2))
    tied = variational.build_vae(2, 16, input_size=16, beta=4.0, optimizer=keras.optimizers.Adam(1e-2))
    for built in (free, tied):
        history = built.vae.fit(X, X, epochs=30, batch_size=32, verbose=0)
        assert history.history["loss"][-1] < history.history["loss"][0]
    kls = [keras.ops.convert_to_numpy(variational.kl_divergence(*built.encoder.predict(X, verbose=0))).mean()
           for built in (free, tied)]
    assert kls[1] < kls[0]


def test_vae_shapes_and_shared_layers():
    built = variational.build_vae(4, 8, input_size=16)
    mean, log_var = built.encoder.predict(X[:3], verbose=0)
    assert mean.shape == log_var.shape == (3, 4)
    assert built.decoder.predict(mean, verbose=0).shape == (3, 16)
    assert built.vae.output_shape == (None, 16)
    assert built.decoder.get_layer("r") is built.vae.get_layer("r")
    assert built.vae.count_params() == built.encoder.count_params() + built.decoder.count_params()


def test_cvae_takes_the_label_in_encoder_and_decoder():
    built = variational.build_vae(2, 8, classes=3, input_size=16)
    y = keras.utils.to_categorical([0, 1, 2], 3)
    mean, _ = built.encoder.predict([X[:3], y], verbose=0)
    assert mean.shape == (3, 2)
    z = np.zeros((3, 2), dtype="float32")
    drawn = built.decoder.predict([z, y], verbose=0)
    assert drawn.shape == (3, 16)
    assert not np.allclose(drawn[0], drawn[1]), "the same z with another label should draw another image"
    assert built.vae.predict([X[:3], y], verbose=0).shape == (3, 16)


def test_score_samples_counts_confidence_evenness_and_requested_class():
    even = np.eye(10)[np.repeat(np.arange(10), 3)] * 0.95 + 0.005
    scores = generation.score_samples(even)
    assert scores.confident == 1.0 and scores.evenness == pytest.approx(1.0)
    assert np.isnan(scores.requested)
    one_class = np.tile(np.r_[0.5, np.full(9, 0.5 / 9)], (30, 1))
    lopsided = generation.score_samples(one_class, requested=np.zeros(30))
    assert lopsided.confident == 0.0 and lopsided.evenness == 0.0
    assert lopsided.requested == 1.0
    asked = np.repeat(np.arange(10), 3)
    asked[:6] = 9  # the first six images were meant to show a 9, but show 0s and 1s
    assert generation.score_samples(even, requested=asked).requested == pytest.approx(24 / 30)


def test_gaussian_codes_have_the_codes_mean_and_covariance_and_repeat():
    codes = RNG.multivariate_normal([1.0, -2.0], [[2.0, 0.8], [0.8, 1.0]], size=5000)
    drawn = generation.gaussian_codes(codes, 20000, seed=3)
    assert drawn.dtype == np.float32 and drawn.shape == (20000, 2)
    np.testing.assert_allclose(drawn.mean(axis=0), codes.mean(axis=0), atol=0.05)
    np.testing.assert_allclose(np.cov(drawn, rowvar=False), np.cov(codes, rowvar=False), atol=0.08)
    np.testing.assert_array_equal(drawn, generation.gaussian_codes(codes, 20000, seed=3))


def test_the_classifier_learns_separable_classes():
    keras.utils.set_random_seed(0)
    labels = np.arange(200) % 2
    x = np.where(labels[:, None] == 1, 0.9, 0.1) + RNG.normal(0, 0.05, (200, 16))
    model = generation.build_digit_classifier(8, input_size=16, classes=2, optimizer=keras.optimizers.Adam(1e-2))
    model.fit(x.astype("float32"), labels, epochs=20, batch_size=50, verbose=0)
    assert model.evaluate(x.astype("float32"), labels, verbose=0)[1] > 0.95
