"""The benchmarks' report and pure helpers, on a small made-up results dict: nothing is measured or timed."""

import copy
import json

import nbformat
import pytest

from benchmarks import cost, machine, report


def _seed(offset):
    """One seed's metrics for every study, shaped as benchmarks.quality returns them."""
    return {
        "pca": {"mse": {"pca": {"8": 0.04 + offset, "32": 0.015}, "deep": {"8": 0.02 + offset, "32": 0.01}},
                "linear_gap": {"train": {"8": 0.01, "32": 0.03}, "test": {"8": -0.001, "32": 0.03 + offset}}},
        "denoising": {
            "psnr": {m: {"0.1": 20.0, "0.5": v + offset} for m, v in
                     [("autoencoder", 18.0), ("noisy input", 7.0), ("gaussian", 13.0), ("median", 12.0),
                      ("nl_means", 13.5)]},
            "ssim": {m: {"0.1": 0.9, "0.5": 0.5}
                     for m in ["autoencoder", "noisy input", "gaussian", "median", "nl_means"]},
        },
        "upscaling": {"psnr": {m: {"2x": v, "4x": v - 5} for m, v in
                               [("autoencoder", 24.0 + offset), ("nearest", 18.0), ("bilinear", 19.0),
                                ("bicubic", 19.5)]},
                      "ssim": {m: {"2x": 0.9, "4x": 0.6} for m in ["autoencoder", "nearest", "bilinear", "bicubic"]}},
        "recoloring": {"psnr": {"flower": {"autoencoder": 25.0, "gray": 24.0 + 2 * offset, "mean color": 24.5},
                                "chelsea": {"autoencoder": 20.0, "gray": 21.0, "mean color": 22.0}},
                       "ssim": {photo: {"autoencoder": 0.9, "gray": 0.88, "mean color": 0.89}
                                for photo in ("flower", "chelsea")}},
        "sparsity": {key: {"0": 0.5, "1e-05": 0.3, "1e-04": 0.1, "1e-03": 0.01}
                     for key in ("mean_activation", "zeros", "inactive", "mse")},
    }


MACHINE = {"date": "2026-01-01 00:00 UTC", "cpu": "Test CPU", "cores": 2, "memory_gib": 24.0,
           "load_average": [1.0, 1.0, 1.0],
           "gpu": None, "os": "Linux", "python": "3.11.2", "backend": "tensorflow", "versions": {"keras": "3.0"}}

RESULTS = {
    "cost": {
        "machine": MACHINE,
        "targets": cost.TARGETS,
        "total_s": 400.0,
        "notebooks": [
            {"notebook": "00_review.ipynb", "wall_s": 30.0, "cpu_s": 41.5, "peak_memory_mib": 900, "code_cells": 5,
             "slowest_cell": {"index": 3, "seconds": 12.5, "first_line": "history = model.fit(x | y)"}},
            {"notebook": "10_types.ipynb", "wall_s": 75.0, "peak_memory_mib": 3500, "code_cells": 9,
             "slowest_cell": {"index": 7, "seconds": 40.0, "first_line": "print(`odd`)"}},
            {"notebook": "99_broken.ipynb", "wall_s": 5.0, "error": "ValueError: boom"},
        ],
    },
    "quality": {
        "machine": MACHINE,
        "studies": {study: {str(seed): {"settings": {"epochs": 1, "photos": ["a", "b"]},
                                        "metrics": _seed(offset)[study], "seconds": 10.0}
                            for seed, offset in enumerate((0.0, 1.0, 0.5))}
                    for study in ("pca", "denoising", "upscaling", "recoloring", "sparsity")},
    },
}


def test_summarize_gives_median_and_spread():
    assert report.summarize([3, 1, 2]) == {"median": 2.0, "min": 1.0, "max": 3.0, "n": 3}
    with pytest.raises(ValueError):
        report.summarize([])


def test_aggregate_summarizes_each_leaf_over_seeds():
    summary = report.aggregate([{"a": {"b": 1.0}, "c": 5.0}, {"a": {"b": 3.0}, "c": 5.0}])
    assert summary["a"]["b"] == {"median": 2.0, "min": 1.0, "max": 3.0, "n": 2}
    assert summary["c"]["median"] == 5.0


def test_fmt_shows_the_spread_only_when_there_is_one():
    assert report.fmt(report.summarize([0.1, 0.2, 0.3]), 2) == "0.20 (0.10 – 0.30)"
    assert report.fmt(report.summarize([0.25]), 2) == "0.25"
    assert report.fmt(report.summarize([0.012]), 1, percent=True, signed=True) == "+1.2 %"


def test_long_first_lines_are_shortened_with_an_ellipsis():
    assert report._shorten("x = 1") == "x = 1"
    assert report._shorten("a" * 50, width=10) == "a" * 9 + "…"


def test_table_has_a_header_rule_and_one_line_per_row():
    lines = report.table(["a", "b"], [[1, 2], [3, 4]], "lr").splitlines()
    assert lines == ["| a | b |", "| :-- | --: |", "| 1 | 2 |", "| 3 | 4 |"]


def test_quality_targets_are_judged_on_the_median_and_counted_per_seed():
    checks = {row["what"]: row for row in report.quality_targets(RESULTS["quality"])}
    deep = checks["deep autoencoder vs PCA, held-out MSE at k = 8"]
    assert deep["values"]["median"] == pytest.approx(0.52 / 0.54)  # seed 2: 0.52 / 0.54
    assert not deep["met"] and deep["seeds_met"] == 1 and deep["seeds"] == 3
    assert checks["linear autoencoder's gap to PCA at k = 8 (held-out MSE, as 05_pca checks it)"]["met"]  # -0.1 %
    assert not checks["linear autoencoder's gap to PCA at k = 32 (held-out MSE, as 05_pca checks it)"]["met"]
    denoising = checks["denoising at σ = 0.5: autoencoder PSNR minus the best filter's"]
    assert denoising["values"]["median"] == pytest.approx(4.5) and denoising["met"]
    assert checks["upscaling 2×: autoencoder PSNR minus bicubic's"]["met"]
    recoloring = checks["recoloring flower: autoencoder PSNR minus the better baseline's"]
    assert recoloring["seeds_met"] == 1 and not recoloring["met"]  # gray wins on seeds 1 and 2


def test_quality_targets_skip_studies_that_were_not_run():
    only_pca = {"studies": {"pca": RESULTS["quality"]["studies"]["pca"]}}
    assert {row["what"][:4] for row in report.quality_targets(only_pca)} == {"deep", "line"}


def test_cost_targets_report_misses():
    rows = {row["what"]: row for row in report.cost_targets(RESULTS["cost"])}
    assert not rows["notebooks that ran without error"]["met"]
    wall = rows["each notebook's wall time"]
    assert not wall["met"] and "over: 10_types 75 s" in wall["shown"]
    assert not rows["all notebooks together"]["met"]
    assert not rows["largest peak memory of a kernel"]["met"]


def test_page_shows_machine_targets_misses_and_no_gpu():
    page = report.render(RESULTS, figures=["cost.png", "pca.png"])
    assert page.startswith("# Results: cost and quality\n")
    assert "Test CPU" in page and "24.0 GiB" in page and "tensorflow" in page
    assert report.NO_GPU in page
    assert "✗" in page and "✓" in page
    assert "failed: ValueError: boom" in page
    assert "| 41.5 |" in page and "| – |" in page  # CPU time where measured, a dash where not
    assert "`history = model.fit(x \\| y)`" in page  # a pipe would split the table cell
    assert "| `10_types` | 75.0 | ✗ |" in page  # notebook names without .ipynb
    assert "``" in page  # a backtick in code is fenced by two
    assert "![" in page and "(figures/cost.png)" in page and "(figures/pca.png)" in page
    assert "figures/denoising.png" not in page  # only figures that were drawn are shown
    assert "\n# " not in page.split("\n", 1)[1]  # one title; sections below it


def test_page_without_measurements_says_so():
    assert "Nothing has been measured yet" in report.render({})
    page = report.render({"cost": RESULTS["cost"]})
    assert "Cost of the notebooks" in page and "Quality against" not in page


def test_write_draws_figures_beside_the_page(tmp_path):
    results = tmp_path / "results.json"
    results.write_text(json.dumps(RESULTS))
    page = report.write(results, tmp_path / "results.md", tmp_path / "figures")
    names = sorted(path.name for path in (tmp_path / "figures").iterdir())
    assert names == ["cost.png", "denoising.png", "pca.png", "sparsity.png", "upscaling.png"]
    text = page.read_text(encoding="utf-8")
    assert all(f"(figures/{name})" in text for name in names)


def test_one_seed_gives_values_without_spread():
    one = copy.deepcopy(RESULTS)
    for runs in one["quality"]["studies"].values():
        for seed in ("1", "2"):
            del runs[seed]
    page = report.render(one)
    assert "(1 of 1 seeds)" in page and " – " not in page.split("## Quality")[1]


def test_cost_helpers_read_nbclient_timing_and_first_lines():
    cell = nbformat.v4.new_code_cell("\n\n# fit\nmodel.fit(x)")
    assert cost.first_line(cell.source) == "# fit"
    assert cost.first_line("") == ""
    assert cost.cell_seconds(cell) == 0.0
    cell.metadata["execution"] = {"iopub.execute_input": "2026-01-01T00:00:01.000000Z",
                                  "shell.execute_reply": "2026-01-01T00:00:03.500000Z"}
    assert cost.cell_seconds(cell) == 2.5


def test_notebooks_are_listed_in_slide_order(tmp_path):
    for name in ("10_types.ipynb", "02_architecture.ipynb", "scratch.ipynb"):
        (tmp_path / name).write_text("{}")
    assert [path.name for path in cost.notebooks(tmp_path)] == ["02_architecture.ipynb", "10_types.ipynb"]


def test_machine_description_has_what_the_page_needs():
    described = machine.describe("jax")
    assert described["backend"] == "jax" and described["cores"] >= 1
    assert set(MACHINE) <= set(described)
    assert "numpy" in described["versions"]


def _tiny_notebook(path):
    """A notebook with a parameters cell, an assertion that fails for SEED 3, and a declared headline."""
    notebook = nbformat.v4.new_notebook()
    parameters = nbformat.v4.new_code_cell("SEED = 0\nEPOCHS = 2")
    parameters.metadata["tags"] = ["parameters"]
    notebook.cells = [parameters, nbformat.v4.new_code_cell(
        "assert SEED != 3, 'seed three fails'\ntest_mse = 1 / (SEED + EPOCHS)")]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.metadata["lecture24"] = {"headline": {"variable": "test_mse", "what": "a made-up error"}}
    nbformat.write(notebook, path)
    return path


def test_robustness_runs_a_notebook_with_injected_parameters_and_reads_its_headline(tmp_path):
    from benchmarks import robustness

    path = _tiny_notebook(tmp_path / "tiny.ipynb")
    assert robustness.parameters(path) == {"SEED": 0, "EPOCHS": 2}
    held = robustness.run(path, seed=2, parameters={"EPOCHS": 10}, timeout=60)
    assert held["held"] and held["failure"] is None and held["headline"] == 1 / 12
    failed = robustness.run(path, seed=3, timeout=60)
    assert not failed["held"] and "seed three fails" in failed["failure"] and failed["headline"] is None
    rows = robustness.longer_training([path], factor=5, log=lambda message: None)
    assert [(row["scale"], row["headline"]) for row in rows] == [(1, 1 / 2), (5, 1 / 10)]
    assert report.longer_ratios(rows) == {"tiny": (0.5, 0.1, 5.0)}
    assert report.longer_targets(rows)[0]["met"] is False


def test_robustness_needs_exactly_one_parameters_cell(tmp_path):
    from benchmarks import robustness

    path = tmp_path / "none.ipynb"
    nbformat.write(nbformat.v4.new_notebook(), path)
    with pytest.raises(ValueError, match="exactly one cell tagged 'parameters', not 0"):
        robustness.parameters(path)


def test_robustness_and_throughput_tables_render_with_their_targets():
    rows = [{"notebook": "02", "seed": s, "backend": b, "held": (s, b) != (1, "jax"),
             "failure": None if (s, b) != (1, "jax") else "cell 3: AssertionError: no"}
            for s in (0, 1) for b in ("tensorflow", "jax")]
    results = {**RESULTS, "robustness": {"machine": MACHINE, "rows": rows},
               "throughput": {"machine": MACHINE, "rows": [
                   {"setting": "fast", "model": "conv", "s_per_epoch": 1.0},
                   {"setting": "slow", "model": "conv", "s_per_epoch": 2.5}]}}
    page = report.render(results)
    assert "| `02` | 2 of 2 | 1 of 2 | ✗ |" in page
    assert "- `02`, seed 1, jax: cell 3: AssertionError: no" in page
    notebooks = len(list((report.ROOT / "notebooks").glob("*.ipynb")))  # none of them is "02"
    assert ("| runs that held every assertion (seeds × TensorFlow and JAX) | all notebooks | "
            f"3 of 4 ({notebooks} notebooks not run) | ✗ |") in page
    assert "Not measured in the latest run: `00_review`, `01_unsupervised_learning`" in page
    assert "| slow | 2.50 s (2.5×) |" in page


def test_a_partial_rerun_keeps_the_other_notebooks_rows():
    from benchmarks.__main__ import _kept

    previous = {"rows": [{"notebook": "03_latent_space", "seed": 0}, {"notebook": "05_pca", "seed": 0}]}
    assert _kept(previous, ["notebooks/05_pca.ipynb"]) == [{"notebook": "03_latent_space", "seed": 0}]
    assert _kept(None, ["notebooks/05_pca.ipynb"]) == []


def test_counts_of_notebooks_agree_in_number():
    assert (report._notebooks(1), report._notebooks(2)) == ("1 notebook", "2 notebooks")
