"""lecture24.plotting: reconstruction grids, loss curves and the 2-D latent scatter."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from lecture24 import plotting  # noqa: E402

RNG = np.random.default_rng(0)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_show_images_draws_one_row_per_batch_with_its_title_and_at_most_n_images():
    rows = [RNG.random((12, 784)), RNG.random((12, 28, 28, 1)), RNG.random((3, 28, 28))]
    fig = plotting.show_images(rows, ["flat", "channel", "short"], n=10)
    assert len(fig.axes) == 3
    assert [ax.get_title(loc="left") for ax in fig.axes] == ["flat", "channel", "short"]
    assert [len(ax.images) for ax in fig.axes] == [10, 10, 3]
    first = fig.axes[1].images[0]
    np.testing.assert_array_equal(first.get_array(), rows[1][0, ..., 0])
    assert first.get_clim() == (0, 1)


def test_show_images_puts_images_of_different_sizes_in_the_same_columns():
    fig = plotting.show_images([RNG.random((4, 28, 28)), RNG.random((4, 7, 7)), RNG.random((4, 16, 16, 3))])
    extents = [[image.get_extent() for image in ax.images] for ax in fig.axes]
    assert extents[0] == extents[1] == extents[2]
    left = [extent[0] for extent in extents[0]]
    assert left == sorted(left) and len(set(np.diff(left).round(9))) == 1, "evenly spaced columns"
    assert fig.axes[2].images[0].get_array().shape == (16, 16, 3)


def test_plot_losses_draws_training_solid_and_validation_dashed():
    fig = plotting.plot_losses({"a": {"loss": [3.0, 2.0, 1.0], "val_loss": [3.5, 2.5, 2.0]}, "b": {"loss": [1.0, 0.5]}},
                               log=True, title="t")
    ax = fig.axes[0]
    styles = {line.get_label(): line.get_linestyle() for line in ax.lines}
    assert styles == {"a (train)": "-", "a (validation)": "--", "b (train)": "-"}
    np.testing.assert_array_equal(ax.lines[0].get_xdata(), [1, 2, 3])
    assert ax.get_yscale() == "log" and ax.get_title() == "t"


def test_plot_latent_2d_colors_points_by_label():
    codes = RNG.random((50, 2))
    labels = np.arange(50) % 10
    fig = plotting.plot_latent_2d(codes, labels, title="codes")
    scatter = fig.axes[0].collections[0]
    np.testing.assert_allclose(scatter.get_offsets(), codes)
    np.testing.assert_array_equal(scatter.get_array(), labels)
