"""Start Keras quietly: the one thing ``import lecture24`` does besides defining functions.

TensorFlow writes start-up lines straight to the process's stderr (file
descriptor 2), below Python: on a machine without a GPU driver it reports
"Could not find cuda drivers" and a failed ``cuInit`` before its logging is
configured, so ``TF_CPP_MIN_LOG_LEVEL`` cannot hide them. Jupyter stores such
lines in a notebook while pytest's kernel does not see them, which would make
strict nbval fail, and they alarm readers for no reason. So Keras is imported,
and its device initialised, with descriptor 2 pointed at ``/dev/null``.
Python exceptions and warnings are untouched (they go through ``sys.stderr``).
"""

import contextlib
import importlib.util
import os
import sys

__all__ = ["start_keras"]


def start_keras():
    """Import Keras (and TensorFlow, if installed) and initialise the device with C-level stderr muted."""
    # oneDNN's CPU kernels train the lecture's convolutional model about twice as fast (make bench's
    # throughput table). TensorFlow turns them on by itself only on CPUs with AVX-512, as Colab's are;
    # ask for them everywhere. They log "oneDNN supports DT_INT32 only on platforms with AVX-512"
    # during training, below Python: level 3 silences TensorFlow's C++ logs, that line included.
    os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "1")
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    with _c_stderr_muted():
        import keras

        keras.ops.convert_to_tensor(0.0)
        if keras.backend.backend() != "tensorflow" and importlib.util.find_spec("tensorflow"):
            # Keras' data pipeline imports TensorFlow later on other backends when it is installed.
            import tensorflow  # noqa: F401


@contextlib.contextmanager
def _c_stderr_muted():
    sys.stderr.flush()
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)
