"""Drawings of networks: a small Dense network with its weights, and the autoencoder's shape.

``draw_dense_network`` is introduced in ``00_review`` (layers, nodes, weights
and biases named on a figure); ``draw_autoencoder`` in ``02_architecture``
(X -> encoder -> latent space -> decoder -> X-hat). Each draws one new figure
and returns it.
"""

import keras
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Polygon, Rectangle

from lecture24._checks import check_int

__all__ = ["draw_dense_network", "draw_autoencoder"]

MAX_NODES = 8


def draw_dense_network(model, *, decimals=2):
    """Nodes, edges and values of a small network of ``Dense`` layers.

    Each column is a layer (named as in the model, with its activation); each
    edge carries its weight w, rounded to ``decimals``, and each node of a
    Dense layer its bias b. Only models whose layers are all ``Dense`` (after
    the input) with at most 8 nodes per layer can be drawn readably.
    """
    decimals = check_int(decimals, "decimals", minimum=0, maximum=6)
    dense = _dense_layers(model)
    sizes = [int(dense[0].kernel.shape[0])] + [int(layer.units) for layer in dense]
    if max(sizes) > MAX_NODES:
        raise ValueError(f"model must have at most {MAX_NODES} nodes per layer to be drawn, "
                         f"but its layer sizes are {sizes}.")
    names = [f"{getattr(model.inputs[0], 'name', 'x')}\n(input)"]
    names += [f"{layer.name}\n({keras.activations.serialize(layer.activation)})" for layer in dense]

    fig, ax = plt.subplots(figsize=(2.6 * len(sizes) + 1, 0.9 * max(sizes) + 1.6))
    positions = [_column(i, size, max(sizes)) for i, size in enumerate(sizes)]
    for index, layer in enumerate(dense):
        kernel, bias = layer.get_weights()
        left, right = positions[index], positions[index + 1]
        for i, start in enumerate(left):
            for j, end in enumerate(right):
                ax.annotate("", end, start, arrowprops={"arrowstyle": "->", "color": "0.55", "lw": 0.9,
                                                        "shrinkA": 14, "shrinkB": 14})
                # Labels of edges from different sources sit at different distances, so they do not overlap.
                t = 0.25 + 0.5 * i / max(len(left) - 1, 1)
                spot = (start[0] + t * (end[0] - start[0]), start[1] + t * (end[1] - start[1]))
                ax.text(*spot, f"{kernel[i, j]:.{decimals}f}", fontsize=8, ha="center", va="center",
                        color="C0", bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none"})
        for j, end in enumerate(right):
            ax.text(end[0], end[1] - 0.42, f"b={bias[j]:.{decimals}f}", fontsize=8, ha="center", va="top",
                    color="C3")
    for column, (name, points) in enumerate(zip(names, positions)):
        for k, (x, y) in enumerate(points):
            ax.add_patch(plt.Circle((x, y), 0.25, fc="white", ec="black", lw=1.2, zorder=3))
            ax.text(x, y, _node_label(column, k, len(sizes)), ha="center", va="center", fontsize=9, zorder=4)
        ax.text(column * 2.5, max(sizes) + 0.1, name, ha="center", va="bottom", fontsize=9)
    ax.text(0, -0.9, "w on edges (blue), b under nodes (red)", fontsize=8, color="0.3", ha="left")
    ax.set_xlim(-0.8, 2.5 * (len(sizes) - 1) + 0.8)
    ax.set_ylim(-1.1, max(sizes) + 0.8)
    ax.set_aspect("equal")
    ax.axis("off")
    fig.tight_layout()
    return fig


def draw_autoencoder(input_size=784, code_size=64):
    """The autoencoder's shape: X -> encoder f -> latent space h -> decoder g -> X-hat (= r).

    Box heights follow the layer sizes (on a square-root scale), so an
    undercomplete code (``code_size < input_size``) shows as a bottleneck.
    """
    input_size = check_int(input_size, "input_size", minimum=1)
    code_size = check_int(code_size, "code_size", minimum=1)
    big = 3.0
    small = big * np.sqrt(code_size / max(input_size, code_size))
    big = big * np.sqrt(input_size / max(input_size, code_size))
    fig, ax = plt.subplots(figsize=(8, 3.2))
    ax.add_patch(Rectangle((0, -big / 2), 0.6, big, fc="C0", alpha=0.35, ec="C0"))
    ax.add_patch(Polygon([(1.0, -big / 2), (1.0, big / 2), (3.0, small / 2), (3.0, -small / 2)],
                         fc="C1", alpha=0.35, ec="C1"))
    ax.add_patch(Rectangle((3.3, -small / 2), 0.6, small, fc="C2", alpha=0.45, ec="C2"))
    ax.add_patch(Polygon([(4.2, -small / 2), (4.2, small / 2), (6.2, big / 2), (6.2, -big / 2)],
                         fc="C1", alpha=0.35, ec="C1"))
    ax.add_patch(Rectangle((6.6, -big / 2), 0.6, big, fc="C0", alpha=0.35, ec="C0"))
    top = max(big, small) / 2 + 0.15
    labels = [
        (0.3, f"$x$\ninput data\n({input_size} values)"),
        (2.0, "encoder $f$\ninput data $\\to$\nabstract features"),
        (3.6, f"latent space $h$\nminimal feature set\n({code_size} values)"),
        (5.2, "decoder $g$\nabstract features\n$\\to$ data"),
        (6.9, f"$r = \\hat{{x}}$\nreconstruction\n({input_size} values)"),
    ]
    for x, text in labels:
        ax.text(x, top, text, ha="center", va="bottom", fontsize=9)
    ax.text(2.0, 0, "$h = f(x)$", ha="center", va="center", fontsize=11)
    ax.text(5.2, 0, "$r = g(h)$", ha="center", va="center", fontsize=11)
    ax.set_xlim(-0.3, 7.5)
    ax.set_ylim(-max(big, small) / 2 - 0.2, top + 1.3)
    ax.axis("off")
    fig.tight_layout()
    return fig


def _node_label(column, k, columns):
    if column == 0:
        return f"$x_{k + 1}$"
    if column == columns - 1:
        return f"$\\hat{{y}}_{k + 1}$"
    return f"$a^{{({column})}}_{k + 1}$"


def _column(index, size, tallest):
    """Node centres of one layer, centred vertically against the tallest layer."""
    offset = (tallest - size) / 2
    return [(index * 2.5, tallest - 0.5 - offset - k) for k in range(size)]


def _dense_layers(model):
    if not isinstance(model, keras.Model):
        raise ValueError(f"model must be a keras.Model, not an object of type {type(model).__name__}.")
    layers = [layer for layer in model.layers if not isinstance(layer, keras.layers.InputLayer)]
    if not layers or not all(isinstance(layer, keras.layers.Dense) for layer in layers):
        kinds = sorted({type(layer).__name__ for layer in layers})
        raise ValueError(f"model must consist of Dense layers only, but it has {kinds or 'no layers'}.")
    if not all(layer.built and layer.use_bias for layer in layers):
        raise ValueError("model must be built and its Dense layers must have biases.")
    return layers
