"""The benchmarks' pipeline: rows, targets, the report and the notebook runner, on made-up and tiny real runs."""


import nbformat
import pytest

from benchmarks import cost, machine, quality, report, robustness, rows, targets

MACHINE = {"date": "2026-01-01 00:00 UTC", "cpu": "Test CPU", "cores": 2, "memory_gib": 24.0,
           "load_average": [1.0, 1.0, 1.0],
           "gpu": None, "os": "Linux", "python": "3.11.2", "backend": "tensorflow", "versions": {"keras": "3.0"}}


def _cost_rows():
    """Three notebooks: one within budget, one too slow and too large, one that failed."""
    made = []
    for name, wall, cpu, peak, cell, line in (("00_review", 30.0, 41.5, 900, 3, "history = model.fit(x | y)"),
                                              ("10_types", 75.0, None, 3500, 7, "print(`odd`)")):
        where = {"method": name}
        made += [rows.row("cost", "held", 1, **where), rows.row("cost", "wall_s", wall, **where),
                 rows.row("cost", "peak_memory_mib", peak, **where), rows.row("cost", "load", 0.5, **where),
                 rows.row("cost", "slowest_cell_s", 12.5, condition=cell, note=line, **where)]
        made += [rows.row("cost", "cpu_s", cpu, **where)] if cpu else []
    return made + [rows.row("cost", "held", 0, method="99_broken", note="ValueError: boom"),
                   rows.row("cost", "wall_s", 5.0, method="99_broken")]


def _quality_rows(offsets=(0.0, 1.0, 0.5)):
    """05_pca's and 08_recoloring's measures for three seeds, as notebook runs hand them back."""
    made = []
    for seed, offset in enumerate(offsets):
        where = {"seed": seed, "setting": "5x"}
        made += [rows.row("05_pca", "mse", 0.04 + offset, method="PCA", condition=8, **where),
                 rows.row("05_pca", "mse", 0.02 + offset, method="deep autoencoder", condition=8, **where),
                 rows.row("05_pca", "gap to PCA", -0.001, method="linear autoencoder", condition="held-out digits",
                          **where),
                 rows.row("08_recoloring", "psnr", 25.0, method="autoencoder", condition="flower", **where),
                 rows.row("08_recoloring", "psnr", 24.0 + 2 * offset, method="gray", condition="flower", **where),
                 rows.row("08_recoloring", "psnr", 24.5, method="gray + mean color", condition="flower", **where)]
    return made


def _results(*parts):
    return {"machines": {"cost": MACHINE, "quality": MACHINE}, "rows": [row for part in parts for row in part]}


def _judged(results):
    data = report.frame(results)
    return {row["what"]: row for target in targets.TARGETS if (row := report.judge(target, data))}


def test_spread_shows_the_range_only_when_there_is_one():
    assert report.spread([0.1, 0.2, 0.3], 2) == "0.20 (0.10 – 0.30)"
    assert report.spread([0.25], 2, " dB") == "0.25 dB"


def test_markdown_tables_have_a_rule_and_escape_pipes():
    table = report.pd.DataFrame({"a": ["x | y", "z"], "b": [1, 2]})
    assert report.markdown(table).splitlines() == ["| a | b |", "| :-- | --: |", "| x \\| y | 1 |", "| z | 2 |"]


def test_a_target_label_and_its_check_come_from_the_same_threshold():
    target = {"op": "<=", "threshold": 60, "unit": " s"}
    assert targets.label(target) == "≤ 60 s"
    assert targets.passes(target, 60) and not targets.passes(target, 60.1)
    gap = {"op": "within", "threshold": 2, "unit": " %"}
    assert targets.label(gap) == "within ±2 %" and targets.passes(gap, -1.5) and not targets.passes(gap, 2.5)
    assert targets.label({"op": "<", "threshold": 3072, "per": 1024, "unit": " GiB"}) == "< 3 GiB"


def test_quality_targets_are_judged_on_the_median_and_counted_per_seed():
    judged = _judged(_results(_quality_rows()))
    deep = judged["deep autoencoder vs PCA, held-out MSE at k = 8"]
    assert deep["shown"] == "0.96 (0.50 – 0.98)" and deep["met"] == "✗ (1 of 3 seeds)"  # 0.52 / 0.54 on seed 2
    assert judged["linear autoencoder's gap to PCA at k = 8, held-out digits"]["met"] == "✓ (3 of 3 seeds)"
    assert judged["recoloring the flower: autoencoder PSNR minus the better baseline's"]["met"] == "✗ (1 of 3 seeds)"
    assert not any("denoising" in what for what in judged)  # a study that was not run has no target row


def test_cost_targets_report_misses():
    judged = _judged(_results(_cost_rows()))
    assert judged["notebooks that ran without error"]["shown"] == "2 of 3 (missed: 99_broken)"
    assert judged["each notebook's wall time"]["shown"] == "2 of 3 (missed: 10_types)"
    assert judged["all notebooks together"]["shown"] == "110 s" and judged["all notebooks together"]["met"] == "✓"
    assert judged["largest peak memory of a kernel"] == {
        "what": "largest peak memory of a kernel", "target": "< 3 GiB", "shown": "3.42 GiB", "met": "✗"}


def test_page_shows_machine_targets_misses_and_no_gpu():
    page = report.render(_results(_cost_rows(), _quality_rows()), figures=["cost.png", "05_pca.png"])
    assert page.startswith("# Results: cost and quality\n")
    assert "Test CPU" in page and "| GPU | none | none |" in page and "No GPU has run these notebooks" in page
    assert "| 41.5 |" in page and "| – |" in page  # CPU time where measured, a dash where not
    assert "`history = model.fit(x \\| y)`" in page  # a pipe would split the table cell
    assert "| `10_types` | 75.0 | ✗ |" in page and "``" in page  # a backtick in code is fenced by two
    assert "(figures/cost.png)" in page and "(figures/05_pca.png)" in page
    assert "figures/07_denoising.png" not in page  # only figures that were drawn are shown
    assert "| 8 | 0.5400 (0.0400 – 1.0400) | 0.5200 (0.0200 – 1.0200) |" in page
    assert "\n# " not in page.split("\n", 1)[1]  # one title; sections below it


def test_page_without_measurements_says_so():
    assert "Nothing has been measured yet" in report.render({"machines": {}, "rows": []})
    page = report.render(_results(_cost_rows()))
    assert "Cost of the notebooks" in page and "Quality against" not in page


def test_write_draws_the_figures_the_page_shows(tmp_path):
    path = tmp_path / "results.json"
    rows.save(_results(_cost_rows(), _quality_rows()), path)
    page = report.write(path, tmp_path / "results.md", tmp_path / "figures")
    names = sorted(path.name for path in (tmp_path / "figures").iterdir())
    assert names == ["05_pca.png", "cost.png"]
    assert all(f"(figures/{name})" in page.read_text(encoding="utf-8") for name in names)


def test_sparsity_tables_put_the_metrics_side_by_side_and_list_each_seeds_choice():
    made = []
    for seed, chosen in ((0, 1e-4), (1, 1e-5)):
        where = {"seed": seed, "setting": "5x", "method": "overcomplete autoencoder"}
        for l1, mse, zeros in (("0", 0.004, 0.1), ("0.0001", 0.006 + seed / 1000, 0.9)):
            made += [rows.row("06_sparse", "validation MSE", mse, condition=l1, **where),
                     rows.row("06_sparse", "zeros", zeros, condition=l1, **where)]
        made += [rows.row("06_sparse", "chosen λ", chosen, seed=seed),
                 rows.row("06_sparse", "test MSE", 0.005, seed=seed, method="sparse (chosen λ)")]
    data = report.frame(_results(made))
    table = report.measures_table(data, "06_sparse", ["validation MSE", "zeros"],
                                  digits={"validation MSE": 4, "zeros": 2}, header="λ")
    assert table.splitlines()[0] == "| λ | validation MSE | zeros |"
    assert "| 0.0001 | 0.0065 (0.0060 – 0.0070) | 0.90 |" in table
    assert report.per_seed(data, "06_sparse", "chosen λ") == "seed 0: 0.0001, seed 1: 1e-05"
    assert report.quality_table(data, "06_sparse", "test MSE", digits=4, header="model").splitlines()[0] == (
        "| model | test MSE |")


def test_one_seed_gives_values_without_spread():
    page = report.render(_results(_quality_rows(offsets=(0.0,))))
    assert "(1 of 1 seeds)" in page and " – " not in page.split("## Quality")[1]


def test_results_are_checked_against_the_schema(tmp_path):
    good = _results(_quality_rows())
    rows.save(good, tmp_path / "results.json")
    assert rows.load(tmp_path / "results.json") == good
    bad = {"machines": {}, "rows": [{**good["rows"][0], "value": "0.1"}]}
    with pytest.raises(rows.jsonschema.ValidationError):
        rows.save(bad, tmp_path / "bad.json")


def test_a_partial_rerun_keeps_the_other_notebooks_rows():
    old = [rows.row("robustness", "held", 1, method=name) for name in ("03_latent_space", "05_pca")]
    new = [rows.row("robustness", "held", 0, method="05_pca")]
    assert rows.replace(old, new, {"robustness"}, {"05_pca"}) == [old[0], new[0]]
    assert rows.replace(old, new, {"cost"}) == old + new


def test_the_committed_page_is_what_the_committed_results_render_to():
    results = rows.load(report.RESULTS)
    page = report.render(results, report.figure_names(report.frame(results)))
    assert report.PAGE.read_text(encoding="utf-8") == page, "run `python -m benchmarks report`"


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
    """A notebook with a parameters cell, an assertion that fails for SEED 3, a headline and two measures."""
    notebook = nbformat.v4.new_notebook()
    parameters = nbformat.v4.new_code_cell("SEED = 0\nEPOCHS = 2")
    parameters.metadata["tags"] = ["parameters"]
    notebook.cells = [parameters, nbformat.v4.new_code_cell(
        "assert SEED != 3, 'seed three fails'\ntest_mse = 1 / (SEED + EPOCHS)\n"
        "scores = {('2x', 'bicubic'): (20.0, 0.5)}")]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.metadata["lecture24"] = {"headline": {"variable": "test_mse", "what": "a made-up error"},
                                      "measures": {"psnr": "{(m, t): s[0] for (t, m), s in scores.items()}",
                                                   "epochs": "EPOCHS"}}
    nbformat.write(notebook, path)
    return path


def test_a_run_injects_parameters_and_reads_back_the_headline_and_measures(tmp_path):
    path = _tiny_notebook(tmp_path / "tiny.ipynb")
    assert robustness.parameters(path) == {"SEED": 0, "EPOCHS": 2}
    assert robustness.scaled(path, 5) == {"EPOCHS": 10}
    held = robustness.run(path, seed=2, parameters={"EPOCHS": 10}, read_measures=True, timeout=60)
    assert held["held"] and held["failure"] is None and held["headline"] == 1 / 12
    assert held["measures"] == [["epochs", "", "", 10.0], ["psnr", "bicubic", "2x", 20.0]]
    assert robustness.run(path, timeout=60)["measures"] == []  # only when asked
    failed = robustness.run(path, seed=3, timeout=60)
    assert not failed["held"] and "seed three fails" in failed["failure"] and failed["headline"] is None
    runs = robustness.longer_training([path], factor=5, log=lambda message: None)
    assert [(run["scale"], run["headline"]) for run in runs] == [(1, 1 / 2), (5, 1 / 10)]
    longer = [row for run in runs for row in rows.from_run("longer", run, setting=f"{run['scale']}x",
                                                            method="tiny")]
    assert report.longer_ratios(report.frame(_results(longer))).ratio.to_dict() == {"tiny": 5.0}


def test_robustness_needs_exactly_one_parameters_cell(tmp_path):
    path = tmp_path / "none.ipynb"
    nbformat.write(nbformat.v4.new_notebook(), path)
    with pytest.raises(ValueError, match="exactly one cell tagged 'parameters', not 0"):
        robustness.parameters(path)


def test_robustness_and_throughput_tables_render_with_their_targets():
    runs = [{"seed": s, "backend": b, "held": (s, b) != (1, "jax"), "wall_s": 1.0, "headline": None, "measures": [],
             "failure": None if (s, b) != (1, "jax") else "cell 3: AssertionError: no"}
            for s in (0, 1) for b in ("tensorflow", "jax")]
    made = [row for run in runs for row in rows.from_run("robustness", run, method="02")]
    made += [rows.row("throughput", "s_per_epoch", s, backend="", setting=setting, method="conv")
             for setting, s in (("fast", 1.0), ("slow", 2.5))]
    page = report.render(_results(made))
    assert "| `02` | 2 of 2 | 1 of 2 | ✗ |" in page
    assert "- `02`, seed 1, jax: cell 3: AssertionError: no" in page
    assert ("| runs that held every assertion (seeds × TensorFlow and JAX) | all | 3 of 4 (missed: 02) | ✗ |"
            in page)
    assert "Not measured in the latest run: `00_review`, `01_unsupervised_learning`" in page
    assert "| slow | 2.50 s (2.5×) |" in page


PCA_LIKE = """
import numpy as np
from lecture24 import data, metrics, models, pca
lecture24.seed_everything(SEED)
(x_train, _), (x_test, _) = data.load_mnist(flat=True, seed=SEED)
x_train, x_test = x_train[:IMAGES], x_test[:IMAGES]
fitted = pca.standardize(x_train, scale=False)
_, vectors = pca.eigendecomposition(pca.covariance_matrix(fitted.z))
kept = pca.feature_vector(vectors, 8)
z_test = pca.standardize(x_test, mean=fitted.mean, std=fitted.scale).z
pca_mse = metrics.mse(x_test, pca.reconstruct(pca.recast(z_test, kept), kept, fitted))
deep = models.build_multilayer(hidden_size=32, code_size=8)
deep.autoencoder.fit(x_train, x_train, epochs=EPOCHS, batch_size=32, verbose=0)
deep_mse = metrics.mse(x_test, deep.autoencoder.predict(x_test, verbose=0))
"""


def test_a_tiny_real_run_goes_through_the_whole_pipeline_to_the_page(tmp_path):
    """One seed, one epoch, 64 digits: a notebook shaped like 05_pca's study, run, stored, judged and shown."""
    notebook = nbformat.v4.new_notebook()
    parameters = nbformat.v4.new_code_cell("SEED = 0\nEPOCHS = 1\nIMAGES = 64")
    parameters.metadata["tags"] = ["parameters"]
    notebook.cells = [nbformat.v4.new_code_cell("import lecture24"), parameters, nbformat.v4.new_code_cell(PCA_LIKE)]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.metadata["lecture24"] = {"headline": {"variable": "deep_mse", "what": "held-out MSE"}, "measures": {
        "mse": '{"PCA": {8: pca_mse}, "deep autoencoder": {8: deep_mse}}'}}
    nbformat.write(notebook, tmp_path / "05_pca.ipynb")
    made = quality.study("05_pca", [0], scale=1, folder=tmp_path, log=lambda message: None)
    results = {"machines": {"quality": machine.describe()}, "rows": made}
    rows.save(results, tmp_path / "results.json")
    page = report.write(tmp_path / "results.json", tmp_path / "results.md", tmp_path / "figures").read_text()
    data = report.frame(results)
    pca_mse, deep_mse = (report.select(data, "05_pca", "mse", method=name).value.item()
                         for name in ("PCA", "deep autoencoder"))
    assert 0 < pca_mse < deep_mse < 1  # 64 digits and one epoch: PCA wins, as it should
    assert f"| 8 | {pca_mse:.4f} | {deep_mse:.4f} |" in page
    assert (f"| deep autoencoder vs PCA, held-out MSE at k = 8 | ≤ 0.65 | {deep_mse / pca_mse:.2f} | ✗ (0 of 1 seeds) |"
            in page)
    assert (tmp_path / "figures" / "05_pca.png").exists() and "(figures/05_pca.png)" in page
