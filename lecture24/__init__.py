"""Companion package for Lecture 24, *Autoencoders*.

Every notebook starts with ``import lecture24``. Besides defining functions,
the import does one documented thing: it imports Keras with TensorFlow's
C-level start-up lines muted (see ``lecture24._backend``), so they neither
alarm readers nor land in the notebooks' stored stderr. The package itself is
backend-agnostic: TensorFlow, JAX or PyTorch, as ``KERAS_BACKEND`` says.

Modules
-------
data         bundled MNIST and color photos, patches
degrade      seeded noise, downscaling, interpolation, grayscale
models       the lecture's four autoencoders, with encoder f and decoder g
pca          the slide's five PCA steps
metrics      per-image MSE, PSNR, SSIM
plotting     reconstruction grids, loss curves, latent scatter plots
compression  JPEG, PNG and zlib sizes; quantized codes
jpeg_streams what a JPEG file spends on the pixels: its entropy-coded scan
diagrams     drawings of a small network and of an autoencoder
outliers     inputs unlike the training digits; per-class summaries
sensitivity  how much of a change in its input an autoencoder passes on
manifolds    curved toy data
filters      classical denoisers and their fair tuning
color        luminance and chrominance
imaging      recoloring and upscaling networks
regularizers KL sparsity and the contractive autoencoder
training     full-batch training without fit's per-epoch cost
variational  variational and conditional variational autoencoders
generation   a digit classifier that scores generated images
saving       atomic .keras saving, safe loading
seeding      one helper that makes a run repeatable
"""

from lecture24._backend import start_keras

start_keras()

from lecture24 import (  # noqa: E402
    color, compression, data, degrade, diagrams, filters, generation, imaging, jpeg_streams, manifolds, metrics, models,
    outliers, pca, plotting, regularizers, saving, seeding, sensitivity, training, variational,
)
from lecture24.seeding import seed_everything  # noqa: E402

__all__ = ["color", "compression", "data", "degrade", "diagrams", "filters", "generation", "imaging", "jpeg_streams",
           "manifolds", "metrics", "models", "outliers", "pca", "plotting", "regularizers", "saving", "seeding",
           "sensitivity", "training", "variational", "seed_everything"]
__version__ = "0.1.0"
