"""Figures the notebooks share: reconstruction grids, loss curves, latent scatter plots.

Each function draws one new figure and returns it; in a notebook the inline
backend shows it when the cell ends. Assign the result (``figure = ...``)
rather than ending the cell with ``;``: nbval runs cells without storing
history, and IPython then ignores the semicolon and shows the figure twice. Introduced in ``10_types`` (grids),
``00_review`` (loss curves) and ``03_latent_space`` (scatter).
"""

import matplotlib.pyplot as plt
import numpy as np

from lecture24._checks import as_array, check_int

__all__ = ["show_images", "plot_losses", "plot_latent_2d"]

GAP = 0.2  # space between neighbouring images in a grid, as a share of an image's width


def show_images(rows, titles=None, *, n=10, cmap="gray"):
    """Grid of images: one row per batch in ``rows`` (e.g. originals, then reconstructions).

    Each batch holds images of shape (N, 784), (N, H, W), (N, H, W, 1) or
    (N, H, W, 3); the first ``n`` of each are shown. ``titles`` labels the rows.
    """
    n = check_int(n, "n", minimum=1)
    if len(rows) == 0:
        raise ValueError("rows must hold at least one batch of images.")
    batches = [_displayable(as_array(batch, f"rows[{i}]", min_ndim=2)[:n]) for i, batch in enumerate(rows)]
    if titles is not None and len(titles) != len(batches):
        raise ValueError(f"titles must have one entry per row ({len(batches)}), not {len(titles)}.")
    columns = max(len(batch) for batch in batches)
    # One axes per row, the images side by side in it: a grid of separate axes
    # (80 of them for 8 rows) took about a second to draw and save, this a third.
    widths = [batch.shape[2] / batch.shape[1] for batch in batches]  # width / height of each row's images
    pitch = max(widths) * (1 + GAP)
    fig, axes = plt.subplots(len(batches), 1, figsize=(1.2 * columns, 1.3 * len(batches)), squeeze=False)
    for row, (batch, ax, width) in enumerate(zip(batches, axes[:, 0], widths)):
        for col, image in enumerate(batch):
            ax.imshow(image, cmap=cmap, vmin=0, vmax=1, extent=(col * pitch, col * pitch + width, 0, 1))
        ax.set(xlim=(0, columns * pitch - GAP * max(widths)), ylim=(0, 1), aspect="equal")
        ax.axis("off")
        if titles is not None:
            ax.set_title(titles[row], loc="left", fontsize=9)
    fig.tight_layout()
    return fig


def plot_losses(histories, *, log=False, title=None):
    """Training (solid) and validation (dashed) loss per epoch for each labelled history.

    ``histories`` maps a label to a Keras ``History`` or to its ``.history``
    dict, which must have ``"loss"`` and may have ``"val_loss"``.
    """
    if not histories:
        raise ValueError("histories must map at least one label to a History.")
    fig, ax = plt.subplots(figsize=(6, 3.5))
    for index, (label, history) in enumerate(histories.items()):
        curves = getattr(history, "history", history)
        if "loss" not in curves:
            raise ValueError(f"histories[{label!r}] must have a 'loss' curve, but its keys are {sorted(curves)}.")
        color = f"C{index}"
        epochs = np.arange(1, len(curves["loss"]) + 1)
        ax.plot(epochs, curves["loss"], color=color, label=f"{label} (train)")
        if "val_loss" in curves:
            ax.plot(epochs, curves["val_loss"], color=color, linestyle="--", label=f"{label} (validation)")
    ax.set(xlabel="epoch", ylabel="loss", title=title)
    if log:
        ax.set_yscale("log")
    ax.legend(fontsize=8)
    fig.tight_layout()
    return fig


def plot_latent_2d(codes, labels, *, title=None):
    """Scatter a 2-D code h = f(x), one color per class label."""
    codes = as_array(codes, "codes", ndim=2)
    labels = np.asarray(labels)
    if codes.shape[1] != 2:
        raise ValueError(f"codes must have 2 columns, but the shape is {codes.shape}.")
    if labels.shape != (len(codes),):
        raise ValueError(f"labels must have shape ({len(codes)},), not {labels.shape}.")
    fig, ax = plt.subplots(figsize=(5, 4.5))
    scatter = ax.scatter(codes[:, 0], codes[:, 1], c=labels, cmap="tab10", s=6, alpha=0.8)
    fig.colorbar(scatter, ax=ax, label="digit", ticks=np.unique(labels))
    ax.set(xlabel="$h_1$", ylabel="$h_2$", title=title)
    fig.tight_layout()
    return fig


def _displayable(batch):
    if batch.ndim == 2:
        side = int(round(np.sqrt(batch.shape[1])))
        if side * side != batch.shape[1]:
            raise ValueError(f"flat images must have a square number of values, not {batch.shape[1]}.")
        return batch.reshape(-1, side, side)
    if batch.ndim == 4 and batch.shape[-1] == 1:
        return batch[..., 0]
    return batch
