"""Curved toy data that a straight line cannot follow (introduced in ``05_pca``).

The slide "Data PCA would struggle with..." shows points on a curve: PCA can
only keep a straight line (a hyperplane), while an autoencoder can learn the
curve (a non-linear manifold). ``spiral`` makes such points in the plane.
"""

import numpy as np

from lecture24._checks import check_int, check_number

__all__ = ["spiral"]


def spiral(count, *, turns=1.0, noise=0.02, seed=0):
    """``(points, t)``: ``count`` noisy points on a 2-D spiral and their position t in [0, 1] along it.

    The spiral winds ``turns`` times while its radius grows from 0.2 to 1, so
    it is a curve of one dimension (t) drawn in two; ``noise`` is the standard
    deviation of Gaussian noise added to each coordinate. Points are float32.
    """
    count = check_int(count, "count", minimum=1)
    turns = check_number(turns, "turns", minimum=0)
    noise = check_number(noise, "noise", minimum=0)
    rng = np.random.default_rng(check_int(seed, "seed", minimum=0))
    t = rng.uniform(0.0, 1.0, count)
    angle = 2 * np.pi * turns * t + 0.5
    radius = 0.2 + 0.8 * t
    points = np.column_stack([radius * np.cos(angle), radius * np.sin(angle)])
    points += rng.normal(0.0, noise, points.shape)
    return points.astype("float32"), t
