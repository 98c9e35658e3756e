"""Full-batch training, one step per epoch, without ``fit``'s per-epoch start-up cost.

Introduced in ``04_ideal_autoencoder``, where a large model is trained for
many epochs on 100 digits. There each epoch is a single gradient step, and
``Model.fit`` spends several times longer per epoch setting up its data
pipeline for the training and the validation data than on the step itself
(measured on a 2-core CPU with TensorFlow: about 105 ms per epoch through
``fit``, 18 ms through ``train_on_batch`` and ``test_on_batch``). The loop below
takes the same steps and reports the same curves, and it drives Keras
callbacks such as ``EarlyStopping`` the way ``fit`` does.
"""

import keras

from lecture24 import _checks

__all__ = ["full_batch_fit"]


def full_batch_fit(model, x, validation, *, epochs, callbacks=()):
    """Train a compiled autoencoder on all of ``x`` at once for up to ``epochs`` steps; return its History.

    Each epoch is one ``train_on_batch(x, x)`` step, then one
    ``test_on_batch`` on ``validation``, the held-out images (input and target
    alike). ``History.history`` has ``"loss"`` (measured during the step, as
    ``fit`` reports it) and ``"val_loss"`` (after it). Callbacks see the same
    ``on_epoch_end`` logs as under ``fit``; a callback that sets
    ``model.stop_training`` ends the loop early.
    """
    x = _checks.check_images(x, "x", min_ndim=2)
    validation = _checks.check_images(validation, "validation", min_ndim=2)
    epochs = _checks.check_int(epochs, "epochs", minimum=1)
    if x.shape[1:] != validation.shape[1:]:
        raise ValueError(f"validation must hold images of the shape of x's, {x.shape[1:]}, "
                         f"not {validation.shape[1:]}.")
    history = keras.callbacks.History()
    hooks = keras.callbacks.CallbackList([*callbacks, history], model=model)
    model.stop_training = False
    hooks.on_train_begin()
    for epoch in range(epochs):
        hooks.on_epoch_begin(epoch)
        loss = float(model.train_on_batch(x, x))
        logs = {"loss": loss, "val_loss": float(model.test_on_batch(validation, validation))}
        hooks.on_epoch_end(epoch, logs)
        if model.stop_training:
            break
    hooks.on_train_end()
    return history
