"""Seconds per training epoch of the lecture's convolutional and multilayer models, per backend setting.

Each setting runs in a child process of its own, because the backend and
TensorFlow's oneDNN switch are read once, when Keras is first imported. The
models train on the 4,000 bundled training digits, batch 128, after one
warm-up epoch that pays for tracing and compilation.
"""

import json
import os
import subprocess
import sys
import time

from benchmarks.rows import row

__all__ = ["SETTINGS", "measure"]

SETTINGS = {
    "TensorFlow, oneDNN on (the course's default)": {"KERAS_BACKEND": "tensorflow", "TF_ENABLE_ONEDNN_OPTS": "1"},
    "TensorFlow, oneDNN off": {"KERAS_BACKEND": "tensorflow", "TF_ENABLE_ONEDNN_OPTS": "0"},
    "JAX": {"KERAS_BACKEND": "jax"},
}
EPOCHS = 3


def measure(log=print):
    """Rows (``rows.py``) of seconds per epoch for every setting and model."""
    rows = []
    for setting, env in SETTINGS.items():
        child = subprocess.run([sys.executable, "-m", "benchmarks.throughput"], env=dict(os.environ, **env),
                               capture_output=True, text=True, check=True)
        for model, seconds in json.loads(child.stdout.strip().splitlines()[-1]).items():
            rows.append(row("throughput", "s_per_epoch", seconds, backend=env["KERAS_BACKEND"], setting=setting,
                            method=model))
            log(f"  {setting}, {model}: {seconds} s per epoch")
    return rows


def _time_models():
    import lecture24
    from lecture24 import data, models

    (images, _), _ = data.load_mnist()
    flat = images.reshape(len(images), -1)
    seconds = {}
    for name, built, x in [("convolutional", models.build_convolutional, images),
                           ("multilayer", models.build_multilayer, flat)]:
        lecture24.seed_everything(0)
        autoencoder = built().autoencoder
        autoencoder.fit(x, x, epochs=1, batch_size=128, verbose=0)
        start = time.perf_counter()
        autoencoder.fit(x, x, epochs=EPOCHS, batch_size=128, verbose=0)
        seconds[name] = round((time.perf_counter() - start) / EPOCHS, 3)
    return seconds


if __name__ == "__main__":
    print(json.dumps(_time_models()))
