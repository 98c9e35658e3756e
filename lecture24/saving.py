"""Save and load trained models as ``.keras`` files, safely (introduced in ``10_types``'s exercises).

Saving writes to a temporary name beside the target and renames it when the
file is complete, so an interrupted save never leaves a half-written model
under the real name. Loading uses Keras' safe mode, which refuses to run
arbitrary code stored in a file.
"""

import os
import tempfile
import zipfile
from pathlib import Path

import keras

__all__ = ["save_model", "load_model"]


def save_model(model, path):
    """Write ``model`` to ``path`` (which must end in ``.keras``) atomically; return the path."""
    if not isinstance(model, keras.Model):
        raise ValueError(f"model must be a keras.Model, not an object of type {type(model).__name__}.")
    path = _keras_path(path)
    if not path.parent.is_dir():
        raise ValueError(f"path must be in an existing folder, but the folder of {str(path)!r} does not exist.")
    descriptor, partial = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".keras", dir=path.parent)
    os.close(descriptor)
    try:
        keras.saving.save_model(model, partial)
        os.replace(partial, path)
    finally:
        if os.path.exists(partial):
            os.remove(partial)
    return path


def load_model(path):
    """Load a model written by ``save_model`` (Keras safe mode on).

    A missing, truncated or corrupt file raises ``ValueError`` saying so.
    """
    path = _keras_path(path)
    if not path.is_file():
        raise ValueError(f"path must name an existing .keras file, but {str(path)!r} is not one.")
    try:
        return keras.saving.load_model(path, safe_mode=True)
    except (zipfile.BadZipFile, OSError, KeyError, EOFError, ValueError) as error:
        raise ValueError(
            f"path {str(path)!r} is not a complete .keras model file ({type(error).__name__}: {error})."
        ) from error


def _keras_path(path):
    if not isinstance(path, (str, os.PathLike)):
        raise ValueError(f"path must be a file path, not an object of type {type(path).__name__}.")
    path = Path(path)
    if path.suffix != ".keras":
        raise ValueError(f"path must end in .keras, but {str(path)!r} does not.")
    return path
