"""The course's targets, declared once: the Results page writes each label and makes each check from these.

Each target reads the rows of one ``study`` and one ``metric`` (``rows.py``)
and compares a value with ``threshold`` by ``op``:

- ``count``: every row must pass (one row per notebook, or per run);
- ``sum`` and ``max``: the total, or the largest, of the rows' values;
- ``ratio``: per notebook, the value at ``1x`` over the value at ``5x``;
- ``quality``: per seed, ``value`` is an expression of ``m``, the methods'
  values under ``condition``; judged on the median over the seeds, and the
  page says on how many seeds it held.

``unit`` follows the threshold in the label; ``per`` divides the threshold and
the measured value for display only (MiB shown as GiB).
"""

import operator

OPS = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge, "==": operator.eq,
       "within": lambda value, bound: abs(value) <= bound}
SIGNS = {"<": "< ", "<=": "≤ ", ">": "> ", ">=": "≥ ", "==": "= ", "within": "within ±"}

TARGETS = [
    {"id": "ran", "what": "notebooks that ran without error",
     "study": "cost", "metric": "held", "kind": "count", "op": "==", "threshold": 1, "label": "all"},
    {"id": "notebook_s", "what": "each notebook's wall time",
     "study": "cost", "metric": "wall_s", "kind": "count", "op": "<=", "threshold": 60, "unit": " s"},
    {"id": "total_s", "what": "all notebooks together",
     "study": "cost", "metric": "wall_s", "kind": "sum", "op": "<=", "threshold": 360, "unit": " s"},
    {"id": "memory", "what": "largest peak memory of a kernel",
     "study": "cost", "metric": "peak_memory_mib", "kind": "max", "op": "<", "threshold": 3072, "per": 1024,
     "unit": " GiB", "digits": 2},
    {"id": "held", "what": "runs that held every assertion (seeds × TensorFlow and JAX)",
     "study": "robustness", "metric": "held", "kind": "count", "op": "==", "threshold": 1, "label": "all"},
    {"id": "longer", "what": "headline error at 1× over its error at 5× the training",
     "study": "longer", "metric": "headline", "kind": "ratio", "op": "<=", "threshold": 1.15, "digits": 2},
    {"id": "deep_vs_pca", "what": "deep autoencoder vs PCA, held-out MSE at k = 8",
     "study": "05_pca", "metric": "mse", "condition": "8", "kind": "quality",
     "value": "m['deep autoencoder'] / m['PCA']", "op": "<=", "threshold": 0.65, "digits": 2},
    {"id": "linear_gap", "what": "linear autoencoder's gap to PCA at k = 8, held-out digits",
     "study": "05_pca", "metric": "gap to PCA", "condition": "held-out digits", "kind": "quality",
     "value": "m['linear autoencoder'] * 100", "op": "within", "threshold": 2, "unit": " %", "digits": 1},
    {"id": "denoising", "what": "denoising at σ = 0.5: autoencoder PSNR minus the best filter's",
     "study": "07_denoising", "metric": "psnr", "condition": "0.5", "kind": "quality",
     "value": "m['autoencoder'] - max(m['gaussian'], m['median'], m['nl_means'])",
     "op": ">=", "threshold": 4, "unit": " dB", "digits": 1},
    {"id": "upscaling", "what": "upscaling 2×: autoencoder PSNR minus bicubic's",
     "study": "09_upscaling", "metric": "psnr", "condition": "2x digits", "kind": "quality",
     "value": "m['autoencoder (learned g)'] - m['bicubic']", "op": ">=", "threshold": 3, "unit": " dB", "digits": 1},
    {"id": "recoloring", "what": "recoloring the flower: autoencoder PSNR minus the better baseline's",
     "study": "08_recoloring", "metric": "psnr", "condition": "flower", "kind": "quality",
     "value": "m['autoencoder'] - max(m['gray'], m['gray + mean color'])",
     "op": ">", "threshold": 0, "unit": " dB", "digits": 2},
    {"id": "conditional", "what": "conditional VAE: images the classifier reads as the requested digit",
     "study": "11_variational", "metric": "requested digit", "kind": "quality",
     "value": "m['conditional VAE'] * 100", "op": ">=", "threshold": 90, "unit": " %", "digits": 1},
]


def get(name):
    """The target whose ``id`` is ``name``."""
    return next(target for target in TARGETS if target["id"] == name)


def label(target):
    """The target as the page shows it: '≤ 60 s', 'within ±2 %', 'all'."""
    if "label" in target:
        return target["label"]
    return f"{SIGNS[target['op']]}{target['threshold'] / target.get('per', 1):g}{target.get('unit', '')}"


def passes(target, value):
    """Whether ``value`` meets ``target``: the same operator and threshold as its label."""
    return OPS[target["op"]](value, target["threshold"])
