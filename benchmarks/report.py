"""Turn ``benchmarks/results.json`` into the Results page ``book/results.md`` and its figures.

Nothing is measured here, so the page can be rebuilt (``python -m benchmarks
report``) without running the notebooks again. The rows (``rows.py``) are
pivoted into tables with pandas, the prose lives in the Jinja2 template
``results.md.j2`` beside this file, and the targets come from ``targets.py``.
Quality numbers are medians over the seeds with their spread (min – max); a
quality target is judged on the median, and the page says on how many seeds
it held. A missed target is shown as ✗, never left out.
"""

from pathlib import Path

import jinja2
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from benchmarks import quality, rows, targets
from benchmarks.cost import notebooks
from benchmarks.robustness import headline

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results.json"
PAGE = ROOT / "book" / "results.md"
FIGURES = ROOT / "book" / "figures"  # referenced from the page as figures/NAME.png
TEMPLATE = Path(__file__).with_name("results.md.j2")

YES, NO = "✓", "✗"
NAMES = {"gaussian": "Gaussian filter", "median": "median filter", "nl_means": "non-local means",
         "noisy input": "noisy input (no denoising)"}
BACKENDS = {"tensorflow": "TensorFlow", "jax": "JAX", "torch": "PyTorch"}
# The quality figures: study, metric, title, x label, y label, whether the y axis is logarithmic.
QUALITY_FIGURES = [("05_pca", "mse", "PCA vs deep autoencoder", "code size k", "held-out MSE", True),
                   ("07_denoising", "psnr", "Denoising held-out digits", "noise σ", "PSNR (dB)", False),
                   ("09_upscaling", "psnr", "Upscaling held-out digits and photo patches", "", "PSNR (dB)", False)]


def frame(results):
    """The rows as a DataFrame, with an empty ``note`` where a row has none."""
    table = pd.DataFrame(results["rows"], columns=[*rows.FIELDS, "note"])
    return table.assign(note=table.note.astype(object).fillna(""))


def spread(values, digits=3, unit=""):
    """'median (min – max)' of some numbers; the median alone when they agree to the digits shown."""
    values = np.asarray(values, dtype=float)
    low, mid, high = (f"{value:.{digits}f}" for value in (values.min(), np.median(values), values.max()))
    return f"{mid}{unit}" if low == high else f"{mid} ({low} – {high}){unit}"


def markdown(table, align=None):
    """A DataFrame as a Markdown table; ``align`` holds 'l', 'r' or 'c' per column (default: left, then right)."""
    align = align or "l" + "r" * (len(table.columns) - 1)
    rule = {"l": ":--", "r": "--:", "c": ":-:"}
    lines = ["| " + " | ".join(map(str, table.columns)) + " |", "| " + " | ".join(rule[a] for a in align) + " |"]
    lines += ["| " + " | ".join(str(cell).replace("|", "\\|").replace("\n", " ") for cell in row) + " |"
              for row in table.itertuples(index=False)]
    return "\n".join(lines)


def select(data, study, metric, **where):
    """The rows of one study and metric, optionally narrowed by other fields (setting=..., condition=...)."""
    chosen = data[(data.study == study) & (data.metric == metric)]
    for field, value in where.items():
        chosen = chosen[chosen[field] == value]
    return chosen


def judge(target, data):
    """``{"what", "target", "shown", "met"}`` for one declared target, or None when nothing measured it."""
    chosen = select(data, target["study"], target["metric"], **(
        {"condition": target["condition"]} if "condition" in target else {}))
    if chosen.empty:
        return None
    passes = lambda value: targets.passes(target, value)
    unit, digits = target.get("unit", ""), target.get("digits", 0)
    kind = target["kind"]
    if kind == "count":
        values = dict(zip(chosen.method + " " + chosen.seed.astype(str) + " " + chosen.backend, chosen.value))
        failed = [key for key, value in values.items() if not passes(value)]
        over = sorted({key.split()[0] for key in failed})
        shown = f"{len(values) - len(failed)} of {len(values)}" + (f" (missed: {', '.join(over)})" if over else "")
        return _judged(target, shown, not failed)
    if kind in ("sum", "max"):
        value = chosen.value.sum() if kind == "sum" else chosen.value.max()
        return _judged(target, f"{value / target.get('per', 1):,.{digits}f}{unit}", passes(value))
    if kind == "ratio":
        ratios = longer_ratios(data)
        over = [f"{name} {ratio:.2f}" for name, ratio in ratios.ratio.items() if not passes(ratio)]
        return _judged(target, f"{len(ratios) - len(over)} of {len(ratios)} notebooks within"
                       + (f" (over: {', '.join(over)})" if over else ""), not over)
    per_run = [eval(target["value"], {}, {"m": dict(zip(group.method, group.value))})  # noqa: S307 (our own data)
               for _, group in chosen.groupby(["seed", "backend"])]
    shown = spread(per_run, digits, unit)
    met = passes(float(np.median(per_run)))
    runs = "seeds" if chosen.backend.nunique() == 1 else "runs"
    return _judged(target, shown, met, f" ({sum(map(passes, per_run))} of {len(per_run)} {runs})")


def _judged(target, shown, met, seeds=""):
    return {"what": target["what"], "target": targets.label(target), "shown": shown,
            "met": (YES if met else NO) + seeds}


def longer_ratios(data):
    """Per notebook that held at 1x and 5x: both headline errors and their ratio."""
    chosen = select(data, "longer", "headline").pivot_table(index="method", columns="setting", values="value")
    chosen = chosen.dropna(subset=[column for column in ("1x", "5x") if column in chosen])
    return chosen.assign(ratio=chosen["1x"] / chosen["5x"]) if {"1x", "5x"} <= set(chosen) else chosen.assign(ratio=[])


def unmeasured(data, study, *, headline_only=False):
    """The notebooks that no row of ``study`` covers (of those that declare a headline, if asked)."""
    covered = set(data[data.study == study].method)
    return [path.stem for path in notebooks() if path.stem not in covered and (headline(path) or not headline_only)]


def quality_table(data, study, metric, *, index="method", digits=3, header="", conditions="{}"):
    """Median (min – max) over seeds: one row per method (or condition), one column per condition (or method).

    ``conditions`` formats the conditions that are numbers ("σ = {}"); a dash marks a method not measured there.
    """
    chosen = select(data, study, metric)
    cells = chosen.groupby(["method", "condition"], sort=False).value.agg(lambda v: spread(v, digits)).unstack()
    named = lambda name: NAMES.get(name, name)
    conditioned = lambda condition: conditions.format(condition) if _is_number(condition) else condition or metric
    cells = cells.rename(index=named, columns=conditioned) if index == "method" else (
        cells.T.rename(columns=named, index=conditioned))
    return markdown(cells.fillna("–").rename_axis(header).reset_index().rename(columns=str))


def measures_table(data, study, metrics, *, digits, header=""):
    """Median (min – max) over seeds: one row per condition, one column per metric; ``digits`` per metric."""
    chosen = data[(data.study == study) & data.metric.isin(list(metrics))]
    cells = chosen.groupby(["condition", "metric"], sort=False).value.agg(list).unstack()[list(metrics)]
    cells = cells.apply(lambda column: column.map(lambda values: spread(values, digits[column.name])))
    return markdown(cells.rename_axis(header).reset_index().rename(columns=str))


def per_seed(data, study, metric, form="{:g}"):
    """One value per seed, as 'seed 0: 1e-04, seed 1: ...'."""
    chosen = select(data, study, metric).sort_values("seed")
    return ", ".join(f"seed {seed}: {form.format(value)}" for seed, value in zip(chosen.seed, chosen.value))


def seeds(data, study):
    """The seeds of a study's rows, as '0, 1, 2'."""
    return ", ".join(map(str, sorted(set(data[data.study == study].seed))))


def backends(data, study):
    """The backends of a study's rows, as 'TensorFlow and JAX'."""
    names = sorted(set(data[data.study == study].backend), reverse=True)
    return " and ".join(BACKENDS.get(name, name) for name in names)


def cost_tables(data):
    """The cost table (one row per notebook and a total) and the slowest cells."""
    wide = select(data, "cost", "wall_s").set_index("method")[["value"]].rename(columns={"value": "wall"})
    for metric in ("cpu_s", "peak_memory_mib", "load"):
        wide[metric] = select(data, "cost", metric).set_index("method").value
    limit, memory = targets.get("notebook_s")["threshold"], targets.get("memory")["threshold"]
    table = pd.DataFrame({
        "notebook": [f"`{name}`" for name in wide.index], "wall time (s)": wide.wall.map("{:.1f}".format),
        f"≤ {limit} s": [YES if wall <= limit else NO for wall in wide.wall], "CPU time (s)": wide.cpu_s.map(_one),
        "peak memory (MiB)": wide.peak_memory_mib.map(lambda v: "–" if np.isnan(v) else f"{v:,.0f}"),
        f"< {memory // 1024} GiB": [YES if peak < memory else NO for peak in wide.peak_memory_mib],
        "load": wide.load.map(_one)})
    total = wide.wall.sum()
    within = YES if targets.passes(targets.get("total_s"), total) else NO
    table.loc[len(table)] = ["**total**", f"**{total:.1f}**", within, _one(wide.cpu_s.sum()), "", "", ""]
    slow = select(data, "cost", "slowest_cell_s")
    slowest = pd.DataFrame({"notebook": "`" + slow.method + "`", "seconds": slow.value.map("{:.1f}".format),
                            "cell": slow.condition, "first line": slow.note.map(_code)})
    return markdown(table, "lrcrrcr"), markdown(slowest, "lrrl")


def throughput_table(data):
    """Seconds per epoch for each setting and model, with the ratio to the fastest setting."""
    seconds = select(data, "throughput", "s_per_epoch").pivot_table(index="setting", columns="method", values="value",
                                                                     sort=False)
    cells = seconds.apply(lambda column: [f"{s:.2f} s ({s / column.min():.1f}×)" for s in column])
    return markdown(cells.rename(columns=lambda model: f"{model} model").rename_axis("setting").reset_index())


def robustness_table(data):
    """Runs held per notebook and backend, and a line for each failed run."""
    held = select(data, "robustness", "held")
    held = held.sort_values("method", kind="stable")  # the names start with the slide order
    counts = held.groupby(["method", "backend"], sort=False).value.agg(lambda v: f"{int(v.sum())} of {len(v)}")
    table = counts.unstack().rename(columns=lambda backend: f"{backend}: runs held")
    table["all held"] = held.groupby("method", sort=False).value.min().map({1.0: YES, 0.0: NO})
    table.index = "`" + table.index + "`"
    failures = [f"- `{r.method}`, seed {r.seed}, {r.backend}: {r.note}" for r in held[held.value == 0].itertuples()]
    return markdown(table.rename_axis("notebook").reset_index(), "l" + "r" * (len(table.columns) - 1) + "c"), failures


def longer_table(data):
    """1x and 5x headline errors and their ratio, per notebook."""
    ratios, limit = longer_ratios(data), targets.get("longer")
    table = pd.DataFrame({"notebook": "`" + ratios.index + "`", "error at 1×": ratios["1x"].map("{:.4f}".format),
                          "error at 5×": ratios["5x"].map("{:.4f}".format),
                          "1× / 5×": ratios.ratio.map("{:.2f}".format),
                          targets.label(limit): [YES if targets.passes(limit, r) else NO for r in ratios.ratio]})
    failed = select(data, "longer", "held")
    return markdown(table, "lrrrc"), [f"- `{r.method}` at {r.setting}: {r.note}" for r in
                                      failed[failed.value == 0].itertuples()]


def machines_table(results):
    """What each step ran on, one column per step."""
    machines = results["machines"]
    fields = {"date (of the step's latest run)": "date", "CPU": "cpu", "cores": "cores", "memory (GiB)": "memory_gib",
              "load average at the start (1, 5, 15 min)": "load_average", "GPU": "gpu", "Keras backend": "backend",
              "operating system": "os", "Python": "python"}
    table = pd.DataFrame({step: {label: machine.get(key) for label, key in fields.items()} | machine["versions"]
                          for step, machine in machines.items()})
    table.loc["GPU"] = table.loc["GPU"].map(lambda gpu: gpu or "none")
    table.loc["load average at the start (1, 5, 15 min)"] = table.loc[
        "load average at the start (1, 5, 15 min)"].map(lambda load: ", ".join(map(str, load)))
    return markdown(table.fillna("not installed").rename(columns=lambda step: f"{step} step").reset_index()
                    .rename(columns={"index": ""}), "l" * (len(machines) + 1))


def render(results, figures=()):
    """The page's Markdown for ``results`` (the JSON's dict); ``figures`` names the PNGs written beside it."""
    data = frame(results)
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATE.parent), undefined=jinja2.StrictUndefined,
                                     trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    studies = set(data.study)
    judged = [row for target in targets.TARGETS if (row := judge(target, data))]
    return environment.get_template(TEMPLATE.name).render(
        data=data, studies=studies, quality_studies=[name for name in quality.STUDIES if name in studies],
        figures=set(figures), machines=results["machines"],
        targets=markdown(pd.DataFrame(judged).rename(columns={"shown": "measured"}), "llll") if judged else "",
        machines_table=machines_table(results) if results["machines"] else "",
        cost=cost_tables(data) if "cost" in studies else None,
        throughput=throughput_table(data) if "throughput" in studies else None,
        robustness=robustness_table(data) if "robustness" in studies else None,
        longer=longer_table(data) if "longer" in studies else None,
        unmeasured=unmeasured, quality_table=quality_table, measures_table=measures_table, per_seed=per_seed,
        seeds=seeds, backends=backends, scales=quality.STUDIES,
        no_headline=[path.stem for path in notebooks() if not headline(path)],
        quality_minutes=data[data.study.isin(quality.STUDIES) & (data.metric == "wall_s")].value.sum() / 60)


def write(results_path=RESULTS, page=PAGE, figures_dir=FIGURES):
    """Read the JSON, draw the figures, write the page; return the page's path."""
    results = rows.load(results_path)
    written = draw_figures(frame(results), Path(figures_dir))
    Path(page).write_text(render(results, written), encoding="utf-8")
    return Path(page)


def figure_names(data):
    """The PNGs the page shows for these rows: the cost, and each quality figure whose rows exist."""
    names = ["cost.png"] if "cost" in set(data.study) else []
    return names + [f"{study}.png" for study, metric, *_ in QUALITY_FIGURES if not select(data, study, metric).empty]


def draw_figures(data, folder):
    """Draw the PNGs the page shows into ``folder``; return their names."""
    folder.mkdir(parents=True, exist_ok=True)
    names = figure_names(data)
    drawn = {name: _draw_quality(select(data, study, metric), *labels)
             for study, metric, *labels in QUALITY_FIGURES if (name := f"{study}.png") in names}
    if "cost.png" in names:
        drawn["cost.png"] = _draw_cost(data)
    for name, figure in drawn.items():
        figure.savefig(folder / name, dpi=110, bbox_inches="tight", metadata={"Software": None})
    return names


def _draw_cost(data):
    wall = select(data, "cost", "wall_s").set_index("method").value
    cpu = select(data, "cost", "cpu_s").set_index("method").value
    limit = targets.get("notebook_s")["threshold"]
    figure = Figure(figsize=(7, 0.4 * len(wall) + 1.4))
    ax = figure.subplots()
    ax.barh(wall.index, wall, color=["tab:red" if s > limit else "tab:blue" for s in wall], label="wall time")
    ax.scatter(cpu, cpu.index, color="black", marker="|", s=200, zorder=3, label="kernel CPU time")
    ax.axvline(limit, color="black", linestyle="--", label="budget per notebook")
    ax.invert_yaxis()
    ax.set(xlabel="seconds", title=f"Cost per notebook (total {wall.sum():.0f} s)")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=3, fontsize=8)
    return figure


def _draw_quality(chosen, title, xlabel, ylabel, log):
    """Median and min-max over seeds, one line per method (bars when the conditions are not numbers)."""
    stats = chosen.groupby(["method", "condition"], sort=False).value.agg(["median", "min", "max"])
    conditions = list(dict.fromkeys(chosen.condition))
    numeric = all(map(_is_number, conditions))
    figure = Figure(figsize=(6, 3.8))
    ax = figure.subplots()
    methods = list(dict.fromkeys(chosen.method))
    for index, method in enumerate(methods):
        s = stats.loc[method].reindex(conditions)
        error = [s["median"] - s["min"], s["max"] - s["median"]]
        if numeric:
            ax.errorbar([float(c) for c in conditions], s["median"], yerr=error, fmt="o-", capsize=3,
                        label=NAMES.get(method, method))
        else:
            width = 0.8 / len(methods)
            ax.bar(np.arange(len(conditions)) + (index - (len(methods) - 1) / 2) * width, s["median"], width,
                   yerr=error, capsize=3, label=NAMES.get(method, method))
    if not numeric:
        ax.set_xticks(np.arange(len(conditions)), labels=conditions)
    ax.set(title=title, xlabel=xlabel, ylabel=ylabel, yscale="log" if log else "linear")
    ax.legend(fontsize=8)
    return figure


def _is_number(text):
    return not pd.isna(pd.to_numeric(text, errors="coerce"))


def _one(value):
    return "–" if value is None or np.isnan(value) else f"{value:.1f}"


def _code(text):
    """Inline code that survives a table cell: backticks fenced by a longer run."""
    text = text if len(text) <= 48 else text[:47].rstrip() + "…"
    return f"`` {text} ``" if "`" in text else f"`{text}`"
