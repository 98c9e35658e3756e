"""How good the course's autoencoders are against classical baselines: one function per study.

Each study takes a seed and returns ``{"settings": ..., "metrics": ...}``:
the recipe it trained with, and a nested dict of numbers (floats as leaves).
The seed chooses the train/test split of the bundled digits (or the training
patches of the photos), the noise, and the initial weights
(``lecture24.seed_everything``); the report takes the median and the spread
over seeds. Everything the notebooks use comes from the same ``lecture24``
functions: the model builders, ``degrade``, ``filters``, ``metrics``,
``pca``, ``imaging`` and ``color``. Where a recipe (epochs, batch size, loss)
is the notebook's, the constant below says which notebook it comes from.
Seed 0 draws the same split, noise and patches as the notebooks (which all
use seed 0). Where a study trains exactly as its notebook does (07), its
seed-0 numbers are the notebook's own, up to float noise; 05's, 06's, 08's and
09's models are trained longer here than in their notebooks, which must fit a
one-minute budget.
"""

import numpy as np

import lecture24
from lecture24 import color, data, degrade, filters, imaging, metrics, models, pca

BATCH_SIZE = 128  # 05_pca's linear autoencoder's batch size

# PCA vs autoencoders on digits (05_pca's models at five times its training
# lengths; its linear model is inline there, repeated here):
# models.build_multilayer(hidden_size=512, code_size=k) with Adam(0.001) in
# batches of 32 for 60 epochs (05_pca's sweep trains 12, to fit its one-minute
# budget); the linear autoencoder Dense(k) -> Dense(784) with Adam(0.003) in
# batches of 128 for 75 epochs (05_pca trains it for 15 at k = 8; k = 32 is
# this study's addition). PCA centers only (no scaling): that PCA is the best
# any linear code of size k can do (Eckart-Young).
CODE_SIZES = (2, 4, 8, 16, 32, 64)
DEEP_HIDDEN = 512
DEEP_EPOCHS = 60
DEEP_LEARNING_RATE = 1e-3
DEEP_BATCH_SIZE = 32
LINEAR_CODE_SIZES = (8, 32)
LINEAR_EPOCHS = 75
LEARNING_RATE = 3e-3

# Denoising (07_denoising, whose training loop is inline there; the same
# settings and noise seeds): one dense denoiser models.build_vanilla(512) with
# binary cross-entropy, trained noisy -> clean on 3,600 of the training digits
# (07 validates on the other 400) for 30 epochs in batches of 64 on fresh noise
# every epoch, a third of the digits at each noise level; the filters tuned on
# 100 noisy training digits; scores on 300 test digits.
NOISE_LEVELS = (0.1, 0.3, 0.5)
DENOISER_HIDDEN = 512
DENOISING_VALIDATION = 400
DENOISING_EPOCHS = 30
DENOISING_BATCH_SIZE = 64
DENOISING_TEST_IMAGES = 300
FILTER_TUNING_IMAGES = 100

# Upscaling (09_upscaling's digit models at five times its training length):
# imaging.build_upscaler(factor, 16) with Adam(0.01) on 3,600 training digits
# (09 validates on the other 400) downscaled by block averages, 10 epochs
# (09_upscaling trains 2) in batches of 32, per factor.
FACTORS = (2, 4)
UPSCALER_FILTERS = 16
UPSCALING_EPOCHS = 10
UPSCALING_LEARNING_RATE = 0.01
UPSCALING_BATCH_SIZE = 32
UPSCALING_VALIDATION = 400
INTERPOLATIONS = ("nearest", "bilinear", "bicubic")

# Recoloring (08_recoloring's model, trained longer): imaging.build_colorizer((8, 16))
# on 600 patches of 32x32 from each training photo, every photo first halved
# by 2x2 block averages; 8 epochs (08_recoloring trains 6) in batches of 64;
# scored on two photos it never saw. 08_recoloring's claim is about "flower";
# "chelsea" is its failure case (an over-colored cat), reported but not a target.
TRAINING_PHOTOS = ("astronaut", "coffee", "rocket", "china")
HELD_OUT_PHOTOS = ("flower", "chelsea")
PHOTO_SCALE = 2
PATCH_SIZE = 32
PATCHES_PER_PHOTO = 600
COLORIZER_FILTERS = (8, 16)
RECOLORING_EPOCHS = 8
RECOLORING_BATCH_SIZE = 64

# Sparsity (06_sparse): its overcomplete model, penalty weights and threshold, and
# its sweep's recipe at five times the epochs: Adam(0.002) in batches of 64 for
# 25 epochs (06 trains 5) on 3,200 training digits (06 chooses lambda on the
# other 800).
SPARSE_HIDDEN = 1024
SPARSE_EPOCHS = 25
SPARSE_LEARNING_RATE = 2e-3
SPARSE_BATCH_SIZE = 64
SPARSE_VALIDATION = 800
LAMBDAS = (0.0, 1e-5, 1e-4, 1e-3)
INACTIVE = 1e-3  # a unit whose mean activation over the test digits is below this is inactive

STUDIES = ("pca", "denoising", "upscaling", "recoloring", "sparsity")


def pca_vs_autoencoders(seed):
    """Held-out MSE of PCA and of a deep autoencoder for each code size k; a linear autoencoder's gap to PCA.

    The deep autoencoder is ``models.build_multilayer(512, code_size=k)``
    (784-512-k-512-784). The linear one is Dense(k) -> Dense(784) without
    activations, the model whose optimum is PCA; its gap is its MSE over
    PCA's minus 1, on the training digits (where Eckart-Young makes PCA the
    optimum, so the gap is at least 0) and on the held-out ones. MSE here is
    computed without clipping: PCA's reconstructions leave [0, 1].
    """
    (x_train, _), (x_test, _) = data.load_mnist(flat=True, seed=seed)
    train = pca.standardize(x_train, scale=False)
    test_z = pca.standardize(x_test, scale=False, mean=train.mean, std=train.scale).z
    _, vectors = pca.eigendecomposition(pca.covariance_matrix(train.z))

    def pca_mse(z, x, k):
        features = pca.feature_vector(vectors, k)
        return _mse(x, pca.reconstruct(pca.recast(z, features), features, train))

    mse = {"pca": {}, "deep": {}}
    for k in CODE_SIZES:
        mse["pca"][str(k)] = pca_mse(test_z, x_test, k)
        lecture24.seed_everything(seed)
        built = models.build_multilayer(hidden_size=DEEP_HIDDEN, code_size=k, optimizer=_adam(DEEP_LEARNING_RATE))
        _fit(built.autoencoder, x_train, x_train, DEEP_EPOCHS, batch_size=DEEP_BATCH_SIZE)
        mse["deep"][str(k)] = _mse(x_test, built.autoencoder.predict(x_test, verbose=0))
    gap = {"train": {}, "test": {}}
    for k in LINEAR_CODE_SIZES:
        lecture24.seed_everything(seed)
        linear = _linear_autoencoder(k)
        _fit(linear, x_train, x_train, LINEAR_EPOCHS)
        gap["train"][str(k)] = _mse(x_train, linear.predict(x_train, verbose=0)) / pca_mse(train.z, x_train, k) - 1
        gap["test"][str(k)] = _mse(x_test, linear.predict(x_test, verbose=0)) / pca_mse(test_z, x_test, k) - 1
    return {
        "settings": {"source": "05_pca's models, trained longer (its linear model is inline there, repeated here)",
                     "deep": f"models.build_multilayer(hidden_size={DEEP_HIDDEN}, code_size=k): "
                             f"784-{DEEP_HIDDEN}-k-{DEEP_HIDDEN}-784, relu, sigmoid out, mse",
                     "deep_epochs": DEEP_EPOCHS, "deep_optimizer": f"Adam({DEEP_LEARNING_RATE})",
                     "deep_batch_size": DEEP_BATCH_SIZE, "linear": "Dense(k) -> Dense(784), no activations, mse",
                     "linear_epochs": LINEAR_EPOCHS, "optimizer": f"Adam({LEARNING_RATE})",
                     "batch_size": BATCH_SIZE, "data": "bundled MNIST subset, 4,000 train / 1,000 test"},
        "metrics": {"mse": mse, "linear_gap": gap},
    }


def denoising(seed):
    """PSNR and SSIM of the denoising autoencoder, the noisy input and three tuned filters, per noise level.

    One autoencoder serves every noise level, as in ``07_denoising``. Each
    filter's parameter is chosen by ``filters.tune_filter`` (by PSNR) on
    noisy training digits for that level, never on the test digits.
    """
    (x_train, _), (x_test, _) = data.load_mnist(flat=True, seed=seed)
    clean = x_test[:DENOISING_TEST_IMAGES].reshape(-1, 28, 28, 1)
    lecture24.seed_everything(seed)
    built = models.build_vanilla(DENOISER_HIDDEN, loss="binary_crossentropy")
    fit = x_train[:-DENOISING_VALIDATION]
    for epoch in range(1, DENOISING_EPOCHS + 1):
        # 07_denoising's training noise: NOISE_SEED = 10,000 * (SEED + 1), one draw per epoch
        noisy = degrade.add_mixed_gaussian_noise(fit, NOISE_LEVELS, seed=10_000 * (seed + 1) + epoch)
        built.autoencoder.fit(noisy, fit, epochs=1, batch_size=DENOISING_BATCH_SIZE, verbose=0)
    tune_clean = x_train[:FILTER_TUNING_IMAGES].reshape(-1, 28, 28, 1)
    scores = {"psnr": {}, "ssim": {}}
    params = {}
    for sigma in NOISE_LEVELS:
        # 07_denoising's TEST_SEED = SEED + 1000 and TUNE_SEED = SEED + 7: never a training noise seed
        noisy_test = degrade.add_gaussian_noise(clean, sigma, seed=seed + 1000)
        tune_noisy = degrade.add_gaussian_noise(tune_clean, sigma, seed=seed + 7)
        denoised = built.autoencoder.predict(noisy_test.reshape(-1, 784), verbose=0).reshape(clean.shape)
        outputs = {"autoencoder": denoised, "noisy input": noisy_test}
        for name in filters.FILTERS:
            params.setdefault(name, {})[str(sigma)] = param = filters.tune_filter(name, tune_noisy, tune_clean).param
            outputs[name] = filters.apply_filter(name, noisy_test, param)
        for method, values in _psnr_ssim(clean, outputs).items():
            for metric, value in values.items():
                scores[metric].setdefault(method, {})[str(sigma)] = value
    return {
        "settings": {"source": "07_denoising's settings (its training loop is inline there, repeated here)",
                     "autoencoder": f"models.build_vanilla({DENOISER_HIDDEN}, loss='binary_crossentropy'), "
                                    "noisy -> clean, fresh noise each epoch, a third of the digits per level",
                     "training_digits": len(fit),
                     "epochs": DENOISING_EPOCHS, "batch_size": DENOISING_BATCH_SIZE,
                     "noise": "degrade.add_gaussian_noise", "test_images": DENOISING_TEST_IMAGES,
                     "filter_tuning_images": FILTER_TUNING_IMAGES, "filter_params": params},
        "metrics": scores,
    }


def upscaling(seed):
    """PSNR and SSIM of the upscaling network and of three interpolations, at each factor.

    Low-resolution digits are made by ``degrade.downscale`` (block averages);
    the network is ``imaging.build_upscaler(factor, 16)``, its output clipped to [0, 1].
    """
    (x_train, _), (x_test, _) = data.load_mnist(seed=seed)
    x_train = x_train[:-UPSCALING_VALIDATION]
    scores = {"psnr": {}, "ssim": {}}
    for factor in FACTORS:
        low_train, low_test = degrade.downscale(x_train, factor), degrade.downscale(x_test, factor)
        lecture24.seed_everything(seed)
        model = imaging.build_upscaler(factor, UPSCALER_FILTERS, optimizer=_adam(UPSCALING_LEARNING_RATE))
        model.fit(low_train, x_train, epochs=UPSCALING_EPOCHS, batch_size=UPSCALING_BATCH_SIZE, verbose=0)
        outputs = {"autoencoder": np.clip(model.predict(low_test, verbose=0), 0.0, 1.0)}
        for method in INTERPOLATIONS:
            outputs[method] = degrade.resize(low_test, x_test.shape[1:3], method)
        for method, values in _psnr_ssim(x_test, outputs).items():
            for metric, value in values.items():
                scores[metric].setdefault(method, {})[f"{factor}x"] = value
    return {
        "settings": {"source": "09_upscaling's models, trained longer",
                     "model": f"imaging.build_upscaler(factor, {UPSCALER_FILTERS}): residual on its interpolation",
                     "optimizer": f"Adam({UPSCALING_LEARNING_RATE})", "epochs": UPSCALING_EPOCHS,
                     "batch_size": UPSCALING_BATCH_SIZE, "training_digits": len(x_train),
                     "low_resolution": "degrade.downscale (block averages)"},
        "metrics": scores,
    }


def recoloring(seed):
    """PSNR and SSIM of the colorizer, the gray image and the mean training color on photos never seen.

    The colorizer (``imaging.build_colorizer``) learns gray -> color on
    patches of the training photos; the seed draws the patches (seed 0 draws
    ``08_recoloring``'s) and the initial weights.
    """
    photos = {name: data.load_photo(name, downscale=PHOTO_SCALE) for name in TRAINING_PHOTOS + HELD_OUT_PHOTOS}
    patches = np.concatenate([data.extract_patches(photos[name], PATCH_SIZE, PATCHES_PER_PHOTO,
                                                   seed=1000 * seed + index)
                              for index, name in enumerate(TRAINING_PHOTOS)])
    lecture24.seed_everything(seed)
    model = imaging.build_colorizer(COLORIZER_FILTERS)
    model.fit(degrade.to_grayscale(patches), patches, epochs=RECOLORING_EPOCHS, batch_size=RECOLORING_BATCH_SIZE,
              verbose=0)
    scores = {"psnr": {}, "ssim": {}}
    for name in HELD_OUT_PHOTOS:
        photo = degrade.crop_to_multiple(photos[name][None], 2 ** len(COLORIZER_FILTERS))
        gray = degrade.to_grayscale(photo)
        outputs = {"autoencoder": np.clip(model.predict(gray, verbose=0), 0.0, 1.0),
                   "gray": np.repeat(gray, 3, axis=-1),
                   "mean color": color.mean_color_baseline(gray, patches)}
        for method, values in _psnr_ssim(photo, outputs).items():
            for metric, value in values.items():
                scores[metric].setdefault(name, {})[method] = value
    return {
        "settings": {"source": "08_recoloring's model, trained longer",
                     "model": f"imaging.build_colorizer({COLORIZER_FILTERS}): YUV chroma, adam, mse",
                     "epochs": RECOLORING_EPOCHS, "batch_size": RECOLORING_BATCH_SIZE,
                     "training_photos": list(TRAINING_PHOTOS), "held_out_photos": list(HELD_OUT_PHOTOS),
                     "photos": f"halved by {PHOTO_SCALE}x{PHOTO_SCALE} block averages",
                     "patches": f"{PATCHES_PER_PHOTO} of {PATCH_SIZE}x{PATCH_SIZE} per training photo"},
        "metrics": scores,
    }


def sparsity(seed):
    """06_sparse's lambda sweep: mean code activation, share of inactive units and test MSE for each lambda."""
    (x_train, _), (x_test, _) = data.load_mnist(flat=True, seed=seed)
    x_train = x_train[:-SPARSE_VALIDATION]
    rows = {"mean_activation": {}, "zeros": {}, "inactive": {}, "mse": {}}
    for l1 in LAMBDAS:
        lecture24.seed_everything(seed)
        adam = _adam(SPARSE_LEARNING_RATE)
        built = (models.build_vanilla(SPARSE_HIDDEN, optimizer=adam) if l1 == 0
                 else models.build_regularized(SPARSE_HIDDEN, l1=l1, optimizer=adam))
        _fit(built.autoencoder, x_train, x_train, SPARSE_EPOCHS, batch_size=SPARSE_BATCH_SIZE)
        h = built.encoder.predict(x_test, verbose=0)
        key = lambda_key(l1)
        rows["mean_activation"][key] = float(h.mean())
        rows["zeros"][key] = float((h == 0).mean())
        rows["inactive"][key] = float((h.mean(axis=0) < INACTIVE).mean())
        rows["mse"][key] = float(metrics.per_image_mse(x_test, built.autoencoder.predict(x_test, verbose=0)).mean())
    return {
        "settings": {"source": "06_sparse's sweep, trained five times longer",
                     "training_digits": len(x_train), "optimizer": f"Adam({SPARSE_LEARNING_RATE})",
                     "model": f"models.build_vanilla({SPARSE_HIDDEN}) for lambda 0, "
                              f"models.build_regularized({SPARSE_HIDDEN}, l1=lambda) otherwise",
                     "epochs": SPARSE_EPOCHS, "batch_size": SPARSE_BATCH_SIZE, "inactive_below": INACTIVE},
        "metrics": rows,
    }


RUNNERS = {"pca": pca_vs_autoencoders, "denoising": denoising, "upscaling": upscaling,
           "recoloring": recoloring, "sparsity": sparsity}


def lambda_key(l1):
    """The JSON key of a penalty weight: "0", "1e-05", ..."""
    return "0" if l1 == 0 else f"{l1:.0e}"


def _fit(model, x, y, epochs, batch_size=BATCH_SIZE):
    """Train quietly. The notebooks also pass validation data, to plot it; it does not change the training."""
    model.fit(x, y, epochs=epochs, batch_size=batch_size, verbose=0)


def _mse(x, r):
    return float(np.mean((np.asarray(x, "float64") - r) ** 2))


def _psnr_ssim(x, outputs):
    return {name: {"psnr": metrics.psnr(x, r), "ssim": metrics.ssim(x, r)} for name, r in outputs.items()}


def _linear_autoencoder(k):
    import keras

    x = keras.Input(shape=(784,), name="x")
    h = keras.layers.Dense(k, name="h")(x)
    r = keras.layers.Dense(784, name="r")(h)
    model = keras.Model(inputs=x, outputs=r, name="linear")
    model.compile(optimizer=_adam(), loss="mse")
    return model


def _adam(learning_rate=LEARNING_RATE):
    import keras

    return keras.optimizers.Adam(learning_rate)
