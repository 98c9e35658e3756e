import numpy as np
import pytest
from sklearn.decomposition import PCA
from sklearn.preprocessing import StandardScaler

from lecture24 import pca

X = np.random.default_rng(0).normal(size=(200, 6)) @ np.random.default_rng(1).normal(size=(6, 6))


def test_standardize_gives_zero_mean_unit_variance_and_survives_constant_columns():
    x = np.column_stack([X, np.full(len(X), 7.0)])
    z, mean, scale = pca.standardize(x)
    np.testing.assert_allclose(z.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(z[:, :-1].std(axis=0), 1)
    assert scale[-1] == 1 and np.all(z[:, -1] == 0)
    np.testing.assert_allclose(z, StandardScaler().fit_transform(x), atol=1e-12)


def test_covariance_matrix_matches_numpy():
    z = pca.standardize(X).z
    np.testing.assert_allclose(pca.covariance_matrix(z), np.cov(z, rowvar=False))


def test_five_steps_agree_with_scikit_learn_up_to_sign():
    standardized = pca.standardize(X)
    values, vectors = pca.eigendecomposition(pca.covariance_matrix(standardized.z))
    features = pca.feature_vector(vectors, 3)
    scores = pca.recast(standardized.z, features)
    reference = PCA(n_components=3).fit(standardized.z)
    np.testing.assert_allclose(values[:3], reference.explained_variance_)
    signs = np.sign(np.sum(features * reference.components_.T, axis=0))
    np.testing.assert_allclose(features * signs, reference.components_.T, atol=1e-8)
    np.testing.assert_allclose(scores * signs, reference.transform(standardized.z), atol=1e-8)
    assert np.all(np.diff(values) <= 0)


def test_reconstruction_matches_scikit_learn_and_is_exact_with_all_components():
    standardized = pca.standardize(X, scale=False)
    _, vectors = pca.eigendecomposition(pca.covariance_matrix(standardized.z))
    features = pca.feature_vector(vectors, 2)
    mine = pca.reconstruct(pca.recast(standardized.z, features), features, standardized)
    reference = PCA(n_components=2).fit(X)
    np.testing.assert_allclose(mine, reference.inverse_transform(reference.transform(X)), atol=1e-8)
    everything = pca.feature_vector(vectors, 6)
    np.testing.assert_allclose(pca.reconstruct(pca.recast(standardized.z, everything), everything, standardized), X)


def test_new_data_is_standardized_with_the_training_statistics():
    train = pca.standardize(X[:100])
    test = pca.standardize(X[100:], mean=train.mean, std=train.scale)
    np.testing.assert_allclose(test.z, (X[100:] - train.mean) / train.scale)


def test_eigenvector_signs_are_fixed():
    _, vectors = pca.eigendecomposition(pca.covariance_matrix(pca.standardize(X).z))
    biggest = vectors[np.argmax(np.abs(vectors), axis=0), np.arange(vectors.shape[1])]
    assert np.all(biggest > 0)


@pytest.mark.parametrize("k", [0, 7])
def test_feature_vector_rejects_k_outside_the_dimension(k):
    with pytest.raises(ValueError, match="k must be"):
        pca.feature_vector(np.eye(6), k)


def test_reconstruction_in_one_call_is_scikit_learns_pca_fitted_on_other_data():
    rng = np.random.default_rng(3)
    fit_on, x = rng.normal(size=(60, 8)) @ rng.normal(size=(8, 8)), rng.normal(size=(10, 8))
    sklearn_pca = PCA(n_components=3).fit(fit_on)
    expected = sklearn_pca.inverse_transform(sklearn_pca.transform(x))
    np.testing.assert_allclose(pca.reconstruction(fit_on, x, 3), expected, atol=1e-10)
    np.testing.assert_allclose(pca.reconstruction(fit_on, x, 8), x, atol=1e-10)
