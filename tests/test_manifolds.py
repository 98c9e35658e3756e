import numpy as np
import pytest

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


@pytest.mark.parametrize("kwargs, message", [
    ({"count": 0}, "count must be at least 1"),
    ({"count": 10, "turns": -1}, "turns must be at least 0"),
    ({"count": 10, "noise": float("nan")}, "noise must be a finite number"),
    ({"count": 10, "seed": 1.5}, "seed must be an integer"),
])
def test_bad_input_raises_a_clear_value_error(kwargs, message):
    count = kwargs.pop("count")
    with pytest.raises(ValueError) as error:
        manifolds.spiral(count, **kwargs)
    assert message in str(error.value)
