"""One seeding helper, used at the top of every notebook (introduced in ``00_review``)."""

import keras

from lecture24._checks import check_int

__all__ = ["seed_everything"]


def seed_everything(seed=0):
    """Seed Python's ``random``, NumPy and the Keras backend in one call.

    Keras' ``set_random_seed`` seeds all three, whichever backend is active, so
    weight initialisation, shuffling and dropout repeat from run to run on the
    same machine. Functions of this package that draw random numbers (splits,
    noise, patches) take their own ``seed`` argument instead of global state.
    """
    seed = check_int(seed, "seed", minimum=0, maximum=2**32 - 1)
    keras.utils.set_random_seed(seed)
