"""Turn ``benchmarks/results.json`` into the Results page ``book/results.md`` and its figures.

Nothing is measured here, so the page can be rebuilt (``python -m benchmarks
report``) after editing this file, without running the notebooks again.
Quality numbers are medians over the seeds with their spread (min-max);
a target is judged on the median, and the page also says on how many seeds
it held. A missed target is shown as ✗, never left out.
"""

import json
from pathlib import Path

import numpy as np

from benchmarks.robustness import headline

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results.json"
PAGE = ROOT / "book" / "results.md"
FIGURES = ROOT / "book" / "figures"  # referenced from the page as figures/NAME.png

NO_GPU = "none: these numbers come from a CPU alone"
YES, NO = "✓", "✗"

FILTER_NAMES = ("gaussian", "median", "nl_means")
TARGET_PHOTO = "flower"  # the held-out photo of 08_recoloring's claim; "chelsea" is its failure case
METHOD_NAMES = {"autoencoder": "autoencoder", "noisy input": "noisy input (no denoising)",
                "gaussian": "Gaussian filter",
                "median": "median filter", "nl_means": "non-local means", "nearest": "nearest", "bilinear": "bilinear",
                "bicubic": "bicubic", "gray": "gray (no color)", "mean color": "mean training color"}


# ---------------------------------------------------------------- pure helpers


def summarize(values):
    """Median, min, max and count of a list of numbers."""
    values = [float(value) for value in values]
    if not values:
        raise ValueError("values must not be empty")
    return {"median": float(np.median(values)), "min": min(values), "max": max(values), "n": len(values)}


def aggregate(runs):
    """Summarize over seeds, leaf by leaf: a list of equally nested dicts -> one dict of ``summarize`` results."""
    if not runs:
        raise ValueError("runs must hold at least one seed's results")
    if isinstance(runs[0], dict):
        return {key: aggregate([run[key] for run in runs]) for key in runs[0]}
    return summarize(runs)


def fmt(stat, digits=3, *, percent=False, signed=False):
    """'median (min–max)' of a ``summarize`` result; the median alone for one seed."""
    scale, suffix = (100, " %") if percent else (1, "")
    sign = "+" if signed else ""

    def one(value):
        return f"{value * scale:{sign}.{digits}f}"

    if stat["n"] == 1 or one(stat["min"]) == one(stat["max"]):
        return f"{one(stat['median'])}{suffix}"
    return f"{one(stat['median'])} ({one(stat['min'])} – {one(stat['max'])}){suffix}"


def mark(met):
    """✓ for a met target, ✗ for a missed one."""
    return YES if met else NO


def table(header, rows, align=None):
    """A Markdown table; ``align`` is one of 'l', 'r', 'c' per column (left by default)."""
    align = align or "l" * len(header)
    rule = {"l": ":--", "r": "--:", "c": ":-:"}
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(rule[a] for a in align) + " |"]
    lines += ["| " + " | ".join(_cell(value) for value in row) + " |" for row in rows]
    return "\n".join(lines)


def quality_targets(quality):
    """The quality targets, each judged per seed and on the median.

    Returns rows ``{"what", "target", "values", "met", "seeds_met"}``, where
    ``values`` summarizes the per-seed value that the target constrains.
    Studies missing from ``quality`` are skipped.
    """
    studies = quality.get("studies", {})
    checks = []

    def check(study, what, target, value, ok, formatter):
        runs = [run["metrics"] for run in studies.get(study, {}).values()]
        if not runs:
            return
        values = [value(run) for run in runs]
        stat = summarize(values)
        checks.append({"what": what, "target": target, "values": stat, "shown": formatter(stat),
                       "met": ok(stat["median"]), "seeds_met": sum(ok(v) for v in values), "seeds": len(values)})

    check("pca", "deep autoencoder vs PCA, held-out MSE at k = 8", "ratio ≤ 0.65",
          lambda m: m["mse"]["deep"]["8"] / m["mse"]["pca"]["8"], lambda v: v <= 0.65, lambda s: fmt(s, 2))
    for k in ("8", "32"):
        check("pca", f"linear autoencoder's gap to PCA at k = {k} (held-out MSE, as 05_pca checks it)", "within ±2 %",
              lambda m, k=k: m["linear_gap"]["test"][k], lambda v: abs(v) <= 0.02,
              lambda s: fmt(s, 1, percent=True, signed=True))
    check("denoising", "denoising at σ = 0.5: autoencoder PSNR minus the best filter's", "≥ 4 dB",
          lambda m: m["psnr"]["autoencoder"]["0.5"] - max(m["psnr"][f]["0.5"] for f in FILTER_NAMES),
          lambda v: v >= 4, lambda s: fmt(s, 1, signed=True) + " dB")
    check("upscaling", "upscaling 2×: autoencoder PSNR minus bicubic's", "≥ 3 dB",
          lambda m: m["psnr"]["autoencoder"]["2x"] - m["psnr"]["bicubic"]["2x"],
          lambda v: v >= 3, lambda s: fmt(s, 1, signed=True) + " dB")
    check("recoloring", f"recoloring {TARGET_PHOTO}: autoencoder PSNR minus the better baseline's", "> 0 dB",
          lambda m: m["psnr"][TARGET_PHOTO]["autoencoder"] - max(m["psnr"][TARGET_PHOTO]["gray"],
                                                                  m["psnr"][TARGET_PHOTO]["mean color"]),
          lambda v: v > 0, lambda s: fmt(s, 2, signed=True) + " dB")
    return checks


def cost_targets(cost):
    """The cost targets: each notebook within its time, the total, the peak memory. Rows as in ``quality_targets``."""
    targets, rows = cost["targets"], cost["notebooks"]
    failed = [row["notebook"] for row in rows if "error" in row]
    slow = [f"{_stem(row['notebook'])} {row['wall_s']:.0f} s" for row in rows if row["wall_s"] > targets["notebook_s"]]
    peak = max((row.get("peak_memory_mib", 0) for row in rows), default=0)
    return [
        {"what": "notebooks that ran without error", "target": "all",
         "shown": f"{len(rows) - len(failed)} of {len(rows)}",
         "met": not failed},
        {"what": "each notebook's wall time", "target": f"≤ {targets['notebook_s']} s",
         "shown": f"{len(rows) - len(slow)} of {len(rows)} within" + (f" (over: {', '.join(slow)})" if slow else ""),
         "met": not slow},
        {"what": "all notebooks together", "target": f"≤ {targets['total_s'] / 60:.0f} min",
         "shown": f"{cost['total_s']:.0f} s", "met": cost["total_s"] <= targets["total_s"]},
        {"what": "largest peak memory of a kernel", "target": f"< {targets['peak_memory_mib'] / 1024:.0f} GiB",
         "shown": f"{peak:,} MiB", "met": peak < targets["peak_memory_mib"]},
    ]


# ---------------------------------------------------------------- the page


def render(results, figures=None):
    """The page's Markdown for ``results`` (the JSON's dict); ``figures`` names the PNGs written beside it."""
    figures = set(figures or ())
    cost, quality = results.get("cost"), results.get("quality")
    parts = [_intro(results)]
    parts.append(_targets_section(cost, quality, results))
    parts.append(_machines_section(cost, quality))
    if cost:
        parts.append(_cost_section(cost, figures))
    if results.get("throughput"):
        parts.append(_throughput_section(results["throughput"]["rows"]))
    if results.get("robustness"):
        parts.append(_robustness_section(results["robustness"]["rows"]))
    if results.get("longer"):
        parts.append(_longer_section(results["longer"]["rows"]))
    if quality:
        parts.append(_quality_section(quality, figures))
    parts.append(_reproduce_section())
    return "\n\n".join(part for part in parts if part).rstrip() + "\n"


def write(results_path=RESULTS, page=PAGE, figures_dir=FIGURES):
    """Read the JSON, draw the figures, write the page; return the page's path."""
    results = json.loads(Path(results_path).read_text(encoding="utf-8"))
    written = draw_figures(results, Path(figures_dir))
    Path(page).write_text(render(results, written), encoding="utf-8")
    return Path(page)


def _intro(results):
    return "\n".join([
        "# Results: cost and quality",
        "",
        "What the course's notebooks cost to run, and how well its autoencoders do against the classical",
        "methods they replace, measured rather than claimed. Everything on this page is generated by",
        "`make bench` from `benchmarks/results.json`; do not edit it by hand. The budget of the course is",
        "60 s per notebook and 6 minutes for all of them on a 2-core CPU, with less than 3 GiB of memory.",
        "Quality numbers are the median over the seeds, with the smallest and largest value in brackets;",
        "a target is judged on the median, and a missed one is marked ✗.",
    ])


def _unmeasured(rows, *, headline_only=False):
    """The notebooks in notebooks/ that no row covers (of those that declare a headline model, if asked)."""
    covered = {row["notebook"] for row in rows}
    return [path.stem for path in sorted((ROOT / "notebooks").glob("*.ipynb"))
            if path.stem not in covered and (headline(path) or not headline_only)]


def _unmeasured_sentence(rows, *, headline_only=False):
    missing = _unmeasured(rows, headline_only=headline_only)
    return ["", f"Not measured in the latest run: {_listed(missing)}."] if missing else []


def _listed(names):
    return ", ".join(f"`{name}`" for name in names)


def _notebooks(count):
    return f"{count} notebook" + ("" if count == 1 else "s")


def robustness_targets(rows):
    """One target row: every notebook's assertions hold on every seed and backend."""
    held, missing = sum(row["held"] for row in rows), _unmeasured(rows)
    shown = f"{held} of {len(rows)}" + (f" ({_notebooks(len(missing))} not run)" if missing else "")
    return [{"what": "runs that held every assertion (seeds × TensorFlow and JAX)", "target": "all notebooks",
             "shown": shown, "met": held == len(rows) and not missing}]


def longer_ratios(rows):
    """``{notebook: (1x headline, 5x headline, ratio)}`` from the ``longer`` study's rows that both held."""
    by_notebook = {}
    for row in rows:
        if row["held"] and row["headline"] is not None:
            by_notebook.setdefault(row["notebook"], {})[row["scale"]] = row["headline"]
    return {name: (runs[1], runs[max(runs)], runs[1] / runs[max(runs)])
            for name, runs in by_notebook.items() if len(runs) == 2}


LONGER_TARGET = 1.15  # the headline model's held-out error within 15 % of five times the training


def longer_targets(rows):
    """One target row: each headline model within 15 % of what five times its training gives."""
    ratios, missing = longer_ratios(rows), _unmeasured(rows, headline_only=True)
    over = [f"{name} {ratio:.2f}" for name, (_, _, ratio) in sorted(ratios.items()) if ratio > LONGER_TARGET]
    return [{"what": "headline error at 1× over its error at 5× the training", "target": f"≤ {LONGER_TARGET:.2f}",
             "shown": f"{len(ratios) - len(over)} of {len(ratios)} notebooks within"
                      + (f" (over: {', '.join(over)})" if over else "")
                      + (f"; {_notebooks(len(missing))} not run" if missing else ""),
             "met": bool(ratios) and not over and not missing}]


def _targets_section(cost, quality, results=None):
    results = results or {}
    rows = []
    if cost:
        rows += [[row["what"], row["target"], row["shown"], mark(row["met"])] for row in cost_targets(cost)]
    if results.get("robustness"):
        rows += [[row["what"], row["target"], row["shown"], mark(row["met"])]
                 for row in robustness_targets(results["robustness"]["rows"])]
    if results.get("longer"):
        rows += [[row["what"], row["target"], row["shown"], mark(row["met"])]
                 for row in longer_targets(results["longer"]["rows"])]
    if quality:
        rows += [[row["what"], row["target"], row["shown"],
                  f"{mark(row['met'])} ({row['seeds_met']} of {row['seeds']} seeds)"]
                 for row in quality_targets(quality)]
    if not rows:
        return "## Targets\n\nNothing has been measured yet: run `make bench`."
    return "## Targets\n\n" + table(["what", "target", "measured", "met"], rows)


def _machines_section(cost, quality):
    measured = [(name, section["machine"]) for name, section in (("cost", cost), ("quality", quality)) if section]
    if not measured:
        return ""
    keys = [
        ("date (of the step's latest run)", lambda m: m["date"]),
        ("CPU", lambda m: m["cpu"]),
        ("cores", lambda m: str(m["cores"])),
        ("memory", lambda m: f"{m['memory_gib']} GiB"),
        ("load average at the start (1, 5, 15 min)", lambda m: ", ".join(str(v) for v in m["load_average"])),
        ("GPU", lambda m: m["gpu"] or NO_GPU),
        ("Keras backend", lambda m: m["backend"]),
        ("operating system", lambda m: m["os"]),
        ("Python", lambda m: m["python"]),
    ]
    packages = sorted({name for _, machine in measured for name in machine["versions"]})
    rows = [[label] + [get(machine) for _, machine in measured] for label, get in keys]
    rows += [[name] + [machine["versions"].get(name, "not installed") for _, machine in measured] for name in packages]
    header = ["", *(f"{name} step" for name, _ in measured)]
    no_gpu = [] if any(machine["gpu"] for _, machine in measured) else [
        "",
        "No GPU has run these notebooks for this page yet: the machines behind it had none. On a GPU,",
        "the same notebooks are checked with `make test-portable BACKEND=jax`, which masks the printed",
        "decimals and keeps every assertion.",
    ]
    return "\n".join([
        "## Where the numbers come from",
        "",
        "The machine, software and time of each step. Timings depend on the machine and on what else it",
        "was running (the load average says how busy it was); a GPU would change them most.",
        *no_gpu,
        "",
        table(header, rows),
    ])


def _cost_section(cost, figures):
    targets = cost["targets"]
    rows, slowest = [], []
    for row in cost["notebooks"]:
        name = f"`{_stem(row['notebook'])}`"
        if "error" in row:
            rows.append([name, f"{row['wall_s']:.1f}", NO, "–", "–", "–", row.get("load_before", "")])
            slowest.append([name, "", "", f"failed: {row['error']}"])
            continue
        rows.append([name, f"{row['wall_s']:.1f}", mark(row["wall_s"] <= targets["notebook_s"]),
                     _seconds(row.get("cpu_s")),
                     f"{row['peak_memory_mib']:,}", mark(row["peak_memory_mib"] < targets["peak_memory_mib"]),
                     row.get("load_before", "")])
        cell = row["slowest_cell"]
        slowest.append([name, f"{cell['seconds']:.1f}", cell["index"], _code(_shorten(cell["first_line"], 48))])
    rows.append(["**total**", f"**{cost['total_s']:.1f}**", mark(cost["total_s"] <= targets["total_s"]),
                 _seconds(cost.get("total_cpu_s")), "", "", ""])
    text = [
        "## Cost of the notebooks",
        "",
        "Each notebook ran top to bottom in a fresh kernel (nbclient) with the",
        f"`{cost['machine']['backend']}` backend, "
        "as the tests run it. The wall time includes starting the kernel and importing Keras; the peak memory is",
        "the kernel's largest resident set (`VmHWM`). The CPU time is what the kernel used, user and system,",
        "all threads: it hardly depends on other work, so on an idle machine a notebook takes about its CPU",
        "time divided by the cores it keeps busy, plus a few seconds to start. The load is the machine's load",
        "average (1 min) when the notebook started: on an idle machine it is near 0, and above",
        f"{cost['machine']['cores']} (its cores) other work was competing for the CPU and stretched the wall times.",
        "",
        table(["notebook", "wall time (s)", f"≤ {targets['notebook_s']} s", "CPU time (s)", "peak memory (MiB)",
               f"< {targets['peak_memory_mib'] // 1024} GiB", "load"], rows, "lrcrrcr"),
    ]
    if "cost.png" in figures:
        text += ["", "![Wall time of each notebook against the 60 s budget](figures/cost.png)"]
    text += [
        "",
        "The slowest cell of each notebook, numbered among all its cells (Markdown included) from 0,",
        "and its first line:",
        "",
        table(["notebook", "seconds", "cell", "first line"], slowest, "lrrl"),
    ]
    return "\n".join(text)


def _throughput_section(rows):
    models = sorted({row["model"] for row in rows})
    settings = list(dict.fromkeys(row["setting"] for row in rows))
    seconds = {(row["setting"], row["model"]): row["s_per_epoch"] for row in rows}
    fastest = {model: min(seconds[setting, model] for setting in settings) for model in models}
    body = [[setting] + [f"{seconds[setting, model]:.2f} s ({seconds[setting, model] / fastest[model]:.1f}×)"
                         for model in models] for setting in settings]
    return "\n".join([
        "## Training speed of the backends",
        "",
        "Seconds per epoch on the 4,000 training digits (batch 128), each setting in a fresh process, all in one",
        "run on this CPU; in brackets the ratio to the fastest setting for that model. The course turns",
        "TensorFlow's oneDNN kernels on (TensorFlow itself does so only on CPUs with AVX-512).",
        "",
        table(["setting", *(f"{model} model" for model in models)], body, "l" + "r" * len(models)),
    ])


def _robustness_section(rows):
    notebooks = sorted({row["notebook"] for row in rows})  # file names start with the slide order
    backends = list(dict.fromkeys(row["backend"] for row in rows))
    seeds = sorted({row["seed"] for row in rows})
    body, failures = [], []
    for name in notebooks:
        mine = [row for row in rows if row["notebook"] == name]
        cells = [f"{sum(r['held'] for r in mine if r['backend'] == b)} of {sum(r['backend'] == b for r in mine)}"
                 for b in backends]
        body.append([f"`{name}`", *cells, mark(all(r["held"] for r in mine))])
        failures += [f"- `{name}`, seed {r['seed']}, {r['backend']}: {_cell(r['failure'])}"
                     for r in mine if not r["held"]]
    text = [
        "## Do the notebooks' claims hold on every seed and backend?",
        "",
        f"Each notebook ran with papermill for `SEED` = {', '.join(map(str, seeds))} on each backend, its stored",
        "version with nothing else changed. A run holds when every cell ran, so every assertion in it held.",
        "",
        table(["notebook", *(f"{b}: runs held" for b in backends), "all held"], body, "l" + "r" * len(backends) + "c"),
    ]
    if failures:
        text += ["", "What failed:", "", *failures]
    return "\n".join(text + _unmeasured_sentence(rows))


def _longer_section(rows):
    ratios = longer_ratios(rows)
    without = [path.stem for path in sorted((ROOT / "notebooks").glob("*.ipynb")) if not headline(path)]
    body = [[f"`{name}`", f"{one:.4f}", f"{five:.4f}", f"{ratio:.2f}", mark(ratio <= LONGER_TARGET)]
            for name, (one, five, ratio) in sorted(ratios.items())]
    return "\n".join([
        "## Are the headline models trained enough?",
        "",
        "A lesson must survive longer training. Each notebook ran (seed 0) at its own training lengths and at",
        "five times every `…EPOCHS` parameter; the table compares the held-out error of its headline model,",
        "the one its metadata names" + (f" ({_listed(without)} names none)." if without else "."),
        f"The course's target is a ratio of at most {LONGER_TARGET:.2f}. Above it, the notebook's minute leaves its",
        "headline model short of training: its chapter says so, and raising the `…EPOCHS` of its parameters cell",
        "buys a better model.",
        "",
        table(["notebook", "error at 1×", "error at 5×", "1× / 5×", f"≤ {LONGER_TARGET:.2f}"], body, "lrrrc"),
        *_failed_longer(rows),
        *_unmeasured_sentence(rows, headline_only=True),
    ])


def _failed_longer(rows):
    failed = [f"- `{row['notebook']}` at {row['scale']}×: {_cell(row['failure'])}" for row in rows if not row["held"]]
    return ["", "Runs that did not finish, so have no ratio:", "", *failed] if failed else []


def _quality_section(quality, figures):
    studies = quality["studies"]
    summary = {name: aggregate([run["metrics"] for run in runs.values()]) for name, runs in studies.items()}
    settings = {name: next(iter(runs.values()))["settings"] for name, runs in studies.items()}
    seeds = sorted({int(seed) for runs in studies.values() for seed in runs})
    text = [
        "## Quality against classical baselines",
        "",
        f"{'Seed' if len(seeds) == 1 else 'Seeds'} {', '.join(map(str, seeds))}: each seed draws the train/test split",
        "of the 5,000 bundled digits,",
        "the noise, the training patches and the initial weights. The models, data, damage, filters and",
        "metrics are the `lecture24` functions the notebooks use; each study's recipe is listed under it.",
        f"Training and scoring took {_quality_seconds(quality) / 60:.1f} minutes in all.",
    ]
    writers = {"pca": _pca, "denoising": _denoising, "upscaling": _upscaling, "recoloring": _recoloring,
               "sparsity": _sparsity}
    for name, writer in writers.items():
        if name in summary:
            text += ["", writer(summary[name], figures), "", _recipe(settings[name])]
    return "\n".join(text)


def _pca(s, figures):
    ks = list(s["mse"]["pca"])
    rows = [[k, fmt(s["mse"]["pca"][k], 4), fmt(s["mse"]["deep"][k], 4),
             f"{s['mse']['deep'][k]['median'] / s['mse']['pca'][k]['median']:.2f}"] for k in ks]
    gaps = [[k, fmt(s["linear_gap"]["train"][k], 2, percent=True, signed=True),
             fmt(s["linear_gap"]["test"][k], 2, percent=True, signed=True)] for k in s["linear_gap"]["train"]]
    text = [
        "### PCA and autoencoders on digits (`05_pca`)",
        "",
        "Held-out mean squared error for code size k: PCA (centered, not scaled) and the deep autoencoder",
        "`models.build_multilayer(hidden_size=512, code_size=k)`, trained five times as long as in `05_pca`.",
        "Below one in the last column, the non-linear code wins.",
        "",
        table(["k", "PCA", "deep autoencoder", "ratio of medians"], rows, "rrrr"),
        "",
    ]
    if "pca.png" in figures:
        text += ["![Held-out MSE against code size for PCA and the deep autoencoder](figures/pca.png)", ""]
    text += [
        "A linear autoencoder (no activations) can at best reach PCA's error (Eckart–Young): its gap to PCA,",
        "its MSE over PCA's minus one. On the training digits PCA is the optimum, so the gap is at least 0;",
        "on held-out digits it may fall either side. `05_pca` checks the held-out gap at k = 8.",
        "",
        table(["k", "gap, training digits", "gap, held-out digits"], gaps, "rrr"),
    ]
    return "\n".join(text)


def _denoising(s, figures):
    sigmas = list(next(iter(s["psnr"].values())))
    text = [
        "### Denoising (`07_denoising`)",
        "",
        "PSNR and SSIM on held-out digits with Gaussian noise of standard deviation σ; higher is better.",
        "Each filter's parameter was tuned on noisy training digits, never on the test digits.",
        "",
        _metric_tables(s, sigmas, [f"σ = {x}" for x in sigmas]),
    ]
    if "denoising.png" in figures:
        text += ["", "![PSNR against noise level for the autoencoder and the classical filters](figures/denoising.png)"]
    return "\n".join(text)


def _upscaling(s, figures):
    factors = list(next(iter(s["psnr"].values())))
    text = [
        "### Upscaling (`09_upscaling`)",
        "",
        "PSNR and SSIM of 28×28 held-out digits rebuilt from 14×14 (2×) and 7×7 (4×) block averages.",
        "",
        _metric_tables(s, factors, [f.replace("x", "×") for f in factors]),
    ]
    if "upscaling.png" in figures:
        text += ["", "![PSNR of the upscaling network and the interpolations at 2× and 4×](figures/upscaling.png)"]
    return "\n".join(text)


def _recoloring(s, figures):
    photos = list(s["psnr"])
    by_method = {metric: {method: {photo: s[metric][photo][method] for photo in photos}
                          for method in s[metric][photos[0]]} for metric in ("psnr", "ssim")}
    return "\n".join([
        "### Recoloring (`08_recoloring`)",
        "",
        "PSNR and SSIM of each held-out photo recolored from its gray version, against its original colors.",
        "The gray image and the mean training color keep the true luminance, so they are strong baselines.",
        f"The target is about `{TARGET_PHOTO}`; `08_recoloring` shows the other photo as the case where the",
        "model over-colors and loses to the mean color.",
        "",
        _metric_tables(by_method, photos, [f"`{p}`" for p in photos]),
    ])


def _metric_tables(s, columns, labels):
    """A PSNR table and an SSIM table: one row per method, one column per condition."""
    tables = []
    for metric, title, digits in (("psnr", "PSNR (dB)", 2), ("ssim", "SSIM", 3)):
        rows = [[METHOD_NAMES.get(m, m)] + [fmt(s[metric][m][c], digits) for c in columns] for m in s[metric]]
        tables.append(table([title] + labels, rows, "l" + "r" * len(columns)))
    return "\n\n".join(tables)


def _sparsity(s, figures):
    lambdas = list(s["mse"])
    rows = [[lam, fmt(s["mean_activation"][lam], 4), fmt(s["zeros"][lam], 0, percent=True),
             fmt(s["inactive"][lam], 0, percent=True), fmt(s["mse"][lam], 4)] for lam in lambdas]
    text = [
        "### Sparsity (`06_sparse`)",
        "",
        "The overcomplete autoencoder (1,024 code units for 784 pixels) with the L1 activity penalty λ Σ|h|:",
        "mean code activation, share of zero activations, share of inactive units (mean activation over the",
        "test digits below 0.001) and held-out MSE.",
        "",
        table(["λ", "mean activation", "zeros", "inactive units", "test MSE"], rows, "rrrrr"),
    ]
    if "sparsity.png" in figures:
        text += ["", "![Mean activation, inactive units and MSE against the penalty weight](figures/sparsity.png)"]
    return "\n".join(text)


def _stem(name):
    return name.removesuffix(".ipynb")


def _shorten(text, width=36):
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _seconds(value):
    return "–" if value is None else f"{value:.1f}"


def _quality_seconds(quality):
    return sum(run.get("seconds", 0) for runs in quality["studies"].values() for run in runs.values())


def _recipe(settings):
    items = "; ".join(f"{key.replace('_', ' ')}: {_plain(value)}" for key, value in settings.items())
    return f"Recipe: {items}."


def _reproduce_section():
    return "\n".join([
        "## Reproducing these numbers",
        "",
        "```bash",
        "make bench                   # measure everything, then write this page",
        "make bench BACKEND=jax       # the same with KERAS_BACKEND=jax (the backend must be installed)",
        ".venv/bin/python -m benchmarks cost       # only the notebooks' cost",
        ".venv/bin/python -m benchmarks throughput # seconds per epoch per backend setting",
        ".venv/bin/python -m benchmarks robustness # every notebook, SEED 0-4, TensorFlow and JAX",
        ".venv/bin/python -m benchmarks longer     # each notebook at 1x and 5x its training lengths",
        ".venv/bin/python -m benchmarks quality    # only the quality studies (--seeds 1 for a quick run)",
        ".venv/bin/python -m benchmarks report     # rebuild this page from benchmarks/results.json",
        "```",
    ])


def _plain(value):
    if isinstance(value, dict):
        return ", ".join(f"{key} ({_plain(item)})" if isinstance(item, dict) else f"{key}: {_plain(item)}"
                         for key, item in value.items())
    if isinstance(value, (list, tuple)):
        return ", ".join(_plain(item) for item in value)
    return str(value)


def _code(text):
    """Inline code that survives a table cell: pipes escaped, backticks fenced by longer runs."""
    text = text.replace("|", "\\|")
    fence = "``" if "`" in text else "`"
    return f"{fence} {text} {fence}" if fence == "``" else f"`{text}`"


def _cell(value):
    return str(value).replace("\n", " ")


# ---------------------------------------------------------------- figures


def draw_figures(results, folder):
    """Draw the PNGs the page shows into ``folder``; return the names of those written."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    cost, quality = results.get("cost"), results.get("quality")
    drawings = []
    if cost:
        drawings.append(("cost.png", lambda: _draw_cost(plt, cost)))
    if quality:
        studies = quality["studies"]
        summary = {name: aggregate([run["metrics"] for run in runs.values()]) for name, runs in studies.items()}
        for name, draw in (("pca", _draw_pca), ("denoising", _draw_denoising), ("upscaling", _draw_upscaling),
                           ("sparsity", _draw_sparsity)):
            if name in summary:
                drawings.append((f"{name}.png", lambda draw=draw, s=summary[name]: draw(plt, s)))
    for name, draw in drawings:
        figure = draw()
        figure.savefig(folder / name, dpi=110, bbox_inches="tight", metadata={"Software": None})
        plt.close(figure)
        written.append(name)
    return written


def _errorbars(stats):
    medians = np.array([s["median"] for s in stats])
    return medians, np.array([medians - [s["min"] for s in stats], [s["max"] for s in stats] - medians])


def _draw_cost(plt, cost):
    from matplotlib.patches import Patch

    rows = cost["notebooks"]
    names = [row["notebook"].removesuffix(".ipynb") for row in rows]
    over = ["error" in row or row["wall_s"] > cost["targets"]["notebook_s"] for row in rows]
    figure, ax = plt.subplots(figsize=(7, 0.4 * len(rows) + 1.4))
    ax.barh(names, [row["wall_s"] for row in rows], color=["tab:red" if o else "tab:blue" for o in over])
    handles = [Patch(color="tab:blue", label="wall time, within budget"),
               Patch(color="tab:red", label="wall time, over")]
    if any("cpu_s" in row for row in rows):
        cpu = [(name, row["cpu_s"]) for name, row in zip(names, rows) if "cpu_s" in row]
        handles.append(ax.scatter([c for _, c in cpu], [n for n, _ in cpu], color="black", marker="|", s=200, zorder=3,
                                  label="kernel CPU time"))
    handles.append(ax.axvline(cost["targets"]["notebook_s"], color="black", linestyle="--",
                              label="budget per notebook"))
    ax.invert_yaxis()
    ax.set(xlabel="seconds", title=f"Cost per notebook ({cost['machine']['backend']}, total {cost['total_s']:.0f} s)")
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, fontsize=8)
    return figure


def _draw_pca(plt, s):
    ks = list(s["mse"]["pca"])
    figure, ax = plt.subplots(figsize=(6, 3.8))
    for key, label, style in (("pca", "PCA", "o-"), ("deep", "deep autoencoder", "s-")):
        medians, spread = _errorbars([s["mse"][key][k] for k in ks])
        ax.errorbar([int(k) for k in ks], medians, yerr=spread, fmt=style, capsize=3, label=label)
    ax.set(xscale="log", yscale="log", xlabel="code size k", ylabel="held-out MSE", title="PCA vs deep autoencoder")
    ax.set_xticks([int(k) for k in ks], labels=ks)
    ax.set_xticks([], minor=True)  # no minor log ticks or labels between the code sizes
    ax.legend()
    return figure


def _draw_denoising(plt, s):
    methods = list(s["psnr"])
    sigmas = list(s["psnr"][methods[0]])
    figure, ax = plt.subplots(figsize=(6, 3.8))
    for method in methods:
        medians, spread = _errorbars([s["psnr"][method][x] for x in sigmas])
        ax.errorbar([float(x) for x in sigmas], medians, yerr=spread, fmt="o-", capsize=3,
                    label=METHOD_NAMES.get(method, method))
    ax.set(xlabel="noise σ", ylabel="PSNR (dB)", title="Denoising held-out digits", xticks=[float(x) for x in sigmas])
    ax.legend(fontsize=8)
    return figure


def _draw_upscaling(plt, s):
    methods = list(s["psnr"])
    factors = list(s["psnr"][methods[0]])
    figure, ax = plt.subplots(figsize=(6, 3.8))
    width = 0.8 / len(methods)
    for index, method in enumerate(methods):
        medians, spread = _errorbars([s["psnr"][method][f] for f in factors])
        ax.bar(np.arange(len(factors)) + (index - (len(methods) - 1) / 2) * width, medians, width, yerr=spread,
               capsize=3, label=METHOD_NAMES.get(method, method))
    ax.set_xticks(np.arange(len(factors)), labels=factors)
    ax.set(ylabel="PSNR (dB)", title="Upscaling held-out digits")
    ax.legend(fontsize=8)
    return figure


def _draw_sparsity(plt, s):
    lambdas = list(s["mse"])
    figure, axes = plt.subplots(1, 3, figsize=(11, 3.2))
    for ax, key, title in zip(axes, ("mean_activation", "inactive", "mse"),
                              ("mean code activation", "share of inactive units", "held-out MSE")):
        medians, spread = _errorbars([s[key][lam] for lam in lambdas])
        ax.errorbar(lambdas, medians, yerr=spread, fmt="o-", capsize=3)
        ax.set(title=title, xlabel="λ")
        if key != "inactive":
            ax.set_yscale("log")
    figure.tight_layout()
    return figure
