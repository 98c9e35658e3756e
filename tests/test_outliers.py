import numpy as np

from lecture24 import outliers

DIGITS = np.random.default_rng(0).random((6, 784)).astype("float32")


def test_invert_flips_values_and_keeps_the_input():
    before = DIGITS.copy()
    inverted = outliers.invert(DIGITS)
    np.testing.assert_allclose(inverted, 1 - DIGITS)
    np.testing.assert_array_equal(DIGITS, before)
    assert inverted.dtype == DIGITS.dtype


def test_uniform_noise_is_seeded_and_in_range():
    a = outliers.uniform_noise(50, (28, 28, 1), seed=3)
    assert a.shape == (50, 28, 28, 1) and a.dtype == np.float32
    assert 0 <= a.min() and a.max() < 1
    np.testing.assert_array_equal(a, outliers.uniform_noise(50, (28, 28, 1), seed=3))
    assert not np.array_equal(a, outliers.uniform_noise(50, (28, 28, 1), seed=4))
    assert outliers.uniform_noise(3).shape == (3, 784)


def test_photo_patches_are_gray_digit_sized_and_repeatable():
    patches = outliers.photo_patches(10, seed=1)
    assert patches.shape == (10, 784) and patches.dtype == np.float32
    assert 0 <= patches.min() and patches.max() <= 1
    np.testing.assert_array_equal(patches, outliers.photo_patches(10, seed=1))
    images = outliers.photo_patches(3, names=("coffee",), patch_size=56, size=14, flat=False)
    assert images.shape == (3, 14, 14, 1)


def test_rare_class_subset_keeps_the_share_of_one_class_only():
    labels = np.repeat(np.arange(10), 100)
    kept = outliers.rare_class_subset(labels, 3, keep=0.05, seed=0)
    counts = np.bincount(labels[kept], minlength=10)
    assert counts[3] == 5 and np.all(np.delete(counts, 3) == 100)
    assert np.all(np.diff(kept) > 0)
    assert len(outliers.rare_class_subset(labels, 3, keep=0.001)) == 901  # at least one is kept


def test_per_class_mean():
    classes, means = outliers.per_class_mean(np.array([1.0, 3.0, 10.0]), np.array([0, 0, 7]))
    np.testing.assert_array_equal(classes, [0, 7])
    np.testing.assert_allclose(means, [2.0, 10.0])


def test_anomaly_auc_is_one_for_separated_scores_and_half_for_equal_ones():
    assert outliers.anomaly_auc([0.1, 0.2], [0.3, 0.4]) == 1.0
    assert outliers.anomaly_auc([0.3, 0.4], [0.1, 0.2]) == 0.0
    assert outliers.anomaly_auc([0.5, 0.5], [0.5, 0.5]) == 0.5
