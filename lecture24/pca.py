"""Principal Component Analysis in the slide's five steps (introduced in ``05_pca``).

1. ``standardize``         standardize the range of the variables
2. ``covariance_matrix``   compute the covariance matrix
3. ``eigendecomposition``  eigenvectors and eigenvalues, largest first
4. ``feature_vector``      keep the first k eigenvectors as columns
5. ``recast``              project the data onto those axes

``reconstruct`` goes back from the k-dimensional scores to the original
space, which is what makes PCA comparable with an autoencoder; ``reconstruction``
runs all of it at once, the baseline beside an autoencoder with a code of k numbers.
"""

from typing import NamedTuple

import numpy as np

from lecture24._checks import as_array, check_int

__all__ = ["Standardized", "standardize", "covariance_matrix", "eigendecomposition", "feature_vector",
           "recast", "reconstruct", "reconstruction"]


class Standardized(NamedTuple):
    """Standardized data and what it takes to undo the standardization."""

    z: np.ndarray
    mean: np.ndarray
    scale: np.ndarray


def standardize(x, *, scale=True, mean=None, std=None):
    """Step 1: center each column of ``x`` (n, d) and, if ``scale``, divide by its standard deviation.

    Pass ``mean`` and ``std`` from the training set to standardize new data the
    same way. Constant columns (MNIST's border pixels) keep a scale of 1
    instead of dividing by zero. With ``scale=False`` only the mean is removed:
    that is the PCA whose reconstruction error no linear code can beat.
    """
    x = as_array(x, "x", ndim=2).astype("float64")
    mean = x.mean(axis=0) if mean is None else as_array(mean, "mean", ndim=1)
    if std is None:
        std = x.std(axis=0) if scale else np.ones(x.shape[1])
        std = np.where(std > 0, std, 1.0)
    else:
        std = as_array(std, "std", ndim=1)
        if np.any(std <= 0):
            raise ValueError("std must be positive everywhere.")
    if mean.shape != (x.shape[1],) or std.shape != (x.shape[1],):
        raise ValueError(f"mean and std must have shape ({x.shape[1]},), but they have {mean.shape} and {std.shape}.")
    return Standardized((x - mean) / std, mean, std)


def covariance_matrix(z):
    """Step 2: the (d, d) covariance matrix of centered data ``z`` (n, d), with n - 1 in the denominator."""
    z = as_array(z, "z", ndim=2)
    if z.shape[0] < 2:
        raise ValueError(f"z must have at least 2 rows, but the shape is {z.shape}.")
    return z.T @ z / (z.shape[0] - 1)


def eigendecomposition(covariance):
    """Step 3: eigenvalues (descending) and unit eigenvectors (as columns) of a symmetric matrix.

    Each eigenvector's sign is fixed so that its largest-magnitude entry is
    positive, which makes the result reproducible (an eigenvector's sign is
    arbitrary).
    """
    covariance = as_array(covariance, "covariance", ndim=2)
    if covariance.shape[0] != covariance.shape[1] or not np.allclose(covariance, covariance.T):
        raise ValueError(f"covariance must be a symmetric square matrix, but the shape is {covariance.shape}.")
    values, vectors = np.linalg.eigh(covariance)
    order = np.argsort(values)[::-1]
    values, vectors = values[order], vectors[:, order]
    signs = np.sign(vectors[np.argmax(np.abs(vectors), axis=0), np.arange(vectors.shape[1])])
    return values, vectors * signs


def feature_vector(eigenvectors, k):
    """Step 4: the (d, k) matrix of the first ``k`` eigenvectors, the components kept."""
    eigenvectors = as_array(eigenvectors, "eigenvectors", ndim=2)
    k = check_int(k, "k", minimum=1, maximum=eigenvectors.shape[1])
    return eigenvectors[:, :k]


def recast(z, features):
    """Step 5: the (n, k) coordinates of standardized data ``z`` along the kept components."""
    z = as_array(z, "z", ndim=2)
    features = as_array(features, "features", ndim=2)
    if z.shape[1] != features.shape[0]:
        raise ValueError(f"z has {z.shape[1]} columns, but features has {features.shape[0]} rows.")
    return z @ features


def reconstruct(scores, features, standardized):
    """Map (n, k) ``scores`` back to the original space, undoing step 1 with ``standardized``."""
    scores = as_array(scores, "scores", ndim=2)
    features = as_array(features, "features", ndim=2)
    if scores.shape[1] != features.shape[1]:
        raise ValueError(f"scores has {scores.shape[1]} columns, but features keeps {features.shape[1]}.")
    return scores @ features.T * standardized.scale + standardized.mean


def reconstruction(fit_on, x, k):
    """``x`` rebuilt from ``k`` principal components of ``fit_on``, centered but not scaled (all five steps).

    No linear code of k numbers reconstructs ``fit_on`` better (Eckart-Young): the
    baseline for an autoencoder with a k-number code (introduced in ``02_architecture``).
    """
    fitted = standardize(fit_on, scale=False)
    x = as_array(x, "x", ndim=2)
    if x.shape[1] != fitted.z.shape[1]:
        raise ValueError(f"x must have as many columns as fit_on ({fitted.z.shape[1]}), not {x.shape[1]}.")
    _, eigenvectors = eigendecomposition(covariance_matrix(fitted.z))
    features = feature_vector(eigenvectors, k)
    z = standardize(x, mean=fitted.mean, std=fitted.scale).z
    return reconstruct(recast(z, features), features, fitted)
