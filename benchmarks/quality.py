"""How good the course's autoencoders are against classical baselines: the notebooks' own measures, over seeds.

A quality study *is* a notebook. It runs with papermill (``robustness.run``)
for each seed, at ``STUDIES[name]`` times its training lengths, and reads back
the measures its metadata declares: the same models, data, baselines and
metrics the reader sees, never a second copy of the recipe. The seed chooses
the train/test split, the noise, the patches and the initial weights.

Three notebooks train five times longer here, because their lessons must not
depend on their one-minute budget. ``07_denoising`` already trains to within
15 % of five times its length, and ``08_recoloring``'s held-out photos get
worse with longer training (it learns its training photos' colors), so both
run as the reader runs them.
"""

from pathlib import Path

from benchmarks import robustness, rows

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"

STUDIES = {"05_pca": 5, "06_sparse": 5, "07_denoising": 1, "08_recoloring": 1, "09_upscaling": 5, "11_variational": 1}


def study(name, seeds, *, backend="tensorflow", scale=None, folder=NOTEBOOKS, log=print):
    """Run the notebook ``name`` for each seed at ``scale`` (default: its own); return its rows (``rows.from_run``)."""
    path = Path(folder) / f"{name}.ipynb"
    scale = scale or STUDIES[name]
    parameters = robustness.scaled(path, scale)
    made = []
    for seed in seeds:
        run = robustness.run(path, seed=seed, backend=backend, parameters=parameters, read_measures=True)
        log(f"  quality {name} at {scale}x, seed {seed}: " + ("held" if run["held"] else f"FAILED {run['failure']}")
            + f", {len(run['measures'])} measures ({run['wall_s']} s)")
        made += rows.from_run(name, run, setting=f"{scale}x")
    return made
