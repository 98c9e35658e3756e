import numpy as np

from lecture24 import manifolds


def test_spiral_lies_on_its_curve_without_noise():
    points, t = manifolds.spiral(200, turns=1.5, noise=0.0, seed=0)
    assert points.shape == (200, 2) and points.dtype == np.float32 and t.shape == (200,)
    np.testing.assert_allclose(np.linalg.norm(points, axis=1), 0.2 + 0.8 * t, rtol=1e-5)
    assert 0 <= t.min() and t.max() <= 1


def test_spiral_is_seeded_and_noise_moves_points_off_the_curve():
    a, _ = manifolds.spiral(100, noise=0.05, seed=1)
    b, _ = manifolds.spiral(100, noise=0.05, seed=1)
    np.testing.assert_array_equal(a, b)
    clean, t = manifolds.spiral(100, noise=0.0, seed=1)
    offset = a - clean
    assert 0.03 < offset.std() < 0.07
