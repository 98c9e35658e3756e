"""Input checks shared by the package: each raises ``ValueError`` naming the argument."""

import numbers

import numpy as np

__all__ = ["as_array", "check_images", "check_int", "check_number", "check_choice", "check_same_shape",
           "check_sequence"]


def as_array(value, name, *, ndim=None, min_ndim=None, channels=None):
    """Return ``value`` as a finite numeric array with the expected rank (and ``channels`` in its last axis)."""
    array = np.asarray(value)
    if array.dtype == object or not (
        np.issubdtype(array.dtype, np.floating) or np.issubdtype(array.dtype, np.integer)
    ):
        raise ValueError(f"{name} must be a numeric array, but its dtype is {array.dtype}.")
    if ndim is not None and array.ndim not in np.atleast_1d(ndim):
        raise ValueError(f"{name} must have {_ranks(ndim)}, but its shape is {array.shape}.")
    if min_ndim is not None and array.ndim < min_ndim:
        raise ValueError(f"{name} must have at least {_ranks(min_ndim)}, but its shape is {array.shape}.")
    if array.size == 0:
        raise ValueError(f"{name} must not be empty, but its shape is {array.shape}.")
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must not contain NaN or infinity.")
    if channels is not None and array.shape[-1] != channels:
        raise ValueError(f"{name} must have {channels} channel{'' if channels == 1 else 's'} in its last axis, "
                         f"but its shape is {array.shape}.")
    return array


def check_images(value, name, *, ndim=None, min_ndim=None, channels=None):
    """Return ``value`` as a float array of images with values in [0, 1]."""
    array = as_array(value, name, ndim=ndim, min_ndim=min_ndim, channels=channels)
    if not np.issubdtype(array.dtype, np.floating):
        raise ValueError(f"{name} must be a floating-point array in [0, 1], but its dtype is {array.dtype}.")
    if array.min() < 0 or array.max() > 1:
        raise ValueError(
            f"{name} must hold values in [0, 1], but they lie in [{array.min():.3g}, {array.max():.3g}]."
        )
    return array


def check_int(value, name, *, minimum=None, maximum=None):
    """Return ``value`` as an ``int`` within [minimum, maximum]."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ValueError(f"{name} must be an integer, not {value!r}.")
    _check_range(value, name, minimum, maximum)
    return int(value)


def check_number(value, name, *, minimum=None, maximum=None):
    """Return ``value`` as a finite ``float`` within [minimum, maximum]."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not np.isfinite(value):
        raise ValueError(f"{name} must be a finite number, not {value!r}.")
    _check_range(value, name, minimum, maximum)
    return float(value)


def check_choice(value, name, choices):
    """Return ``value`` if it is one of ``choices``."""
    if value not in choices:
        raise ValueError(f"{name} must be one of {_listed(sorted(choices))}, not {value!r}.")
    return value


def check_sequence(value, name, what):
    """Return ``value`` as a list if it is a non-empty sequence (a string is not); ``what`` names its items."""
    if isinstance(value, (str, bytes)) or not hasattr(value, "__len__") or len(value) == 0:
        raise ValueError(f"{name} must be a non-empty sequence of {what}, not {value!r}.")
    return list(value)


def check_same_shape(a, b, name_a, name_b):
    """Raise unless the two arrays have the same shape."""
    if a.shape != b.shape:
        raise ValueError(f"{name_a} and {name_b} must have the same shape, but they have {a.shape} and {b.shape}.")


def _check_range(value, name, minimum, maximum):
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, not {value!r}.")
    if maximum is not None and value > maximum:
        raise ValueError(f"{name} must be at most {maximum}, not {value!r}.")


def _ranks(ndim):
    """'1 dimension', '2 or 3 dimensions', '2, 3 or 4 dimensions'."""
    ranks = [int(n) for n in np.atleast_1d(ndim)]
    return f"{_listed(ranks)} dimension{'' if ranks == [1] else 's'}"


def _listed(items):
    """'a', 'a or b', 'a, b or c'."""
    items = [str(item) for item in items]
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} or {items[-1]}"
