import numpy as np

from lecture24 import sensitivity

A = np.random.default_rng(0).normal(size=(5, 8))


def linear(batch):
    return batch @ A.T


def test_jacobian_of_a_linear_map_is_its_matrix():
    np.testing.assert_allclose(sensitivity.jacobian(linear, np.ones(8)), A, atol=1e-4)


def test_identity_passes_every_direction_and_a_rank_k_map_only_k():
    identity = lambda batch: batch  # noqa: E731
    points = np.random.default_rng(1).random((3, 6))
    np.testing.assert_array_equal(sensitivity.passed_directions(identity, points), [6, 6, 6])
    basis = np.linalg.qr(np.random.default_rng(2).normal(size=(6, 2)))[0]
    projection = lambda batch: batch @ basis @ basis.T  # noqa: E731
    np.testing.assert_array_equal(sensitivity.passed_directions(projection, points), [2, 2, 2])
    assert sensitivity.passed_directions(lambda b: 0.05 * b, points[:1]).tolist() == [0]


def test_works_with_a_keras_model():
    import keras

    x = keras.Input(shape=(4,))
    model = keras.Model(x, keras.layers.Dense(4, use_bias=False, kernel_initializer="identity")(x))
    np.testing.assert_allclose(sensitivity.jacobian(model, np.zeros(4)), np.eye(4), atol=1e-4)
    assert sensitivity.passed_directions(model, np.zeros((2, 4))).tolist() == [4, 4]


def test_passed_directions_agrees_with_the_jacobian_of_each_point():
    def squash(batch):
        return np.tanh(3 * batch[:, :3])

    points = np.random.default_rng(3).normal(size=(4, 5)) * np.array([[0.1], [1.0], [2.0], [0.2]])
    expected = [int((np.linalg.svd(sensitivity.jacobian(squash, p), compute_uv=False) >= 0.5).sum()) for p in points]
    np.testing.assert_array_equal(sensitivity.passed_directions(squash, points, threshold=0.5), expected)


def test_squared_norms_are_the_sum_of_squares_of_each_points_jacobian():
    matrix = np.random.default_rng(3).normal(size=(5, 4)).astype("float32")
    points = np.random.default_rng(4).normal(size=(3, 4)).astype("float32")
    squash = lambda batch: np.tanh(batch @ matrix.T)  # noqa: E731
    expected = [(sensitivity.jacobian(squash, point) ** 2).sum() for point in points]
    np.testing.assert_allclose(sensitivity.squared_norms(squash, points), expected, rtol=1e-5)
    np.testing.assert_allclose(sensitivity.squared_norms(lambda batch: 2 * batch, points), [16, 16, 16], rtol=1e-3)
