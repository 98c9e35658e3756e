"""``python -m benchmarks [STEP]``: measure, store in results.json, write the Results page.

``cost`` runs every notebook in a fresh kernel; ``throughput`` times an epoch
of the lecture's conv and multilayer models per backend setting;
``robustness`` runs every notebook with papermill for each seed on TensorFlow
and JAX; ``longer`` runs each notebook at its own and at five times its
training lengths; ``quality`` runs the quality studies for each seed;
``report`` rebuilds ``book/results.md`` and its figures from
``benchmarks/results.json`` without measuring; ``all`` (the default, what
``make bench`` runs) does them all in turn. A measuring step replaces its own
part of the JSON and keeps the others, then rewrites the page.
"""

import argparse
import importlib.util
import json
import os
import sys
import time
from pathlib import Path

from benchmarks import machine, report

COMMANDS = ("cost", "throughput", "robustness", "longer", "quality", "report", "all")


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("command", nargs="?", default="all", choices=COMMANDS)
    parser.add_argument("--seeds", type=int, default=None,
                        help="quality and robustness: run seeds 0 .. SEEDS-1 (default 3 for quality, 5 for robustness)")
    parser.add_argument("--studies", default=None,
                        help="quality: comma-separated subset of pca,denoising,upscaling,recoloring,sparsity; "
                             "other studies already in the JSON are kept")
    parser.add_argument("--notebooks", nargs="*", default=None,
                        help="cost, robustness, longer: these notebooks instead of all of them "
                             "(robustness and longer keep the other notebooks' rows already in the JSON)")
    parser.add_argument("--backend", default=None,
                        help="Keras backend (tensorflow, jax, torch); default: KERAS_BACKEND, else tensorflow")
    parser.add_argument("--results", type=Path, default=report.RESULTS,
                        help="the JSON file (default benchmarks/results.json)")
    parser.add_argument("--page", type=Path, default=report.PAGE, help="the page to write (default book/results.md)")
    args = parser.parse_args(argv)
    if args.seeds is not None and args.seeds < 1:
        parser.error("--seeds must be at least 1")
    if args.backend:
        os.environ["KERAS_BACKEND"] = args.backend  # before anything imports Keras
    backend = os.environ.get("KERAS_BACKEND")
    if backend and args.command != "report" and importlib.util.find_spec(backend) is None:
        raise SystemExit(f"KERAS_BACKEND={backend}, but {backend} is not installed here: pip install {backend}")
    results = json.loads(args.results.read_text(encoding="utf-8")) if args.results.exists() else {}
    if args.command == "report" and not results:
        raise SystemExit(f"{args.results} does not exist yet: run `python -m benchmarks` (or `make bench`) first")

    if args.command in ("cost", "all"):
        results["cost"] = run_cost(args.notebooks)
        _save(results, args.results)
    if args.command in ("throughput", "all"):
        from benchmarks import throughput

        print("throughput: seconds per epoch", flush=True)
        rows = throughput.measure(log=_log)
        results["throughput"] = {"machine": machine.describe("each setting's own"), "rows": rows}
        _save(results, args.results)
    if args.command in ("robustness", "longer", "all"):
        from benchmarks import cost, robustness

        paths = [Path(path) for path in args.notebooks] if args.notebooks else cost.notebooks()
        if args.command in ("robustness", "all"):
            print("robustness: every notebook, each seed, TensorFlow and JAX", flush=True)
            rows = robustness.study(paths, range(args.seeds or 5), ["tensorflow", "jax"], log=_log)
            rows = _kept(results.get("robustness"), paths) + rows
            results["robustness"] = {"machine": machine.describe("tensorflow and jax"), "rows": rows}
            _save(results, args.results)
        if args.command in ("longer", "all"):
            print(f"longer: each notebook at 1x and {robustness.FACTOR}x its training lengths", flush=True)
            rows = _kept(results.get("longer"), paths) + robustness.longer_training(paths, log=_log)
            results["longer"] = {"machine": machine.describe(), "rows": rows}
            _save(results, args.results)
    if args.command in ("quality", "all"):
        studies = args.studies.split(",") if args.studies else None
        results["quality"] = run_quality(range(args.seeds or 3), studies, results.get("quality") if studies else None)
        _save(results, args.results)
    page = report.write(args.results, args.page, args.page.parent / "figures")
    print(f"wrote {page}")


def _kept(previous, paths):
    """The rows of ``previous`` (a study's JSON part) for notebooks other than ``paths``: a partial run keeps them."""
    rerun = {Path(path).stem for path in paths}
    return [row for row in (previous or {}).get("rows", []) if row["notebook"] not in rerun]


def run_cost(paths=None):
    """Measure the notebooks (all of them by default); return the JSON's "cost" part."""
    from benchmarks import cost

    backend = os.environ.get("KERAS_BACKEND") or None
    paths = [Path(path) for path in paths] if paths else cost.notebooks()
    print(f"cost: {len(paths)} notebooks, backend {backend or 'tensorflow (default)'}", flush=True)
    described = machine.describe(backend)
    return {"machine": described, **cost.measure_all(paths, backend=backend, log=_log)}


def run_quality(seeds, studies=None, previous=None):
    """Run each study for each seed; return the JSON's "quality" part (merged into ``previous`` if given)."""
    from benchmarks import quality  # imports lecture24 first: it starts Keras as the notebooks do

    import keras

    studies = studies or list(quality.STUDIES)
    unknown = set(studies) - set(quality.STUDIES)
    if unknown:
        raise SystemExit(f"unknown studies {sorted(unknown)}; choose from {', '.join(quality.STUDIES)}")
    described = machine.describe(keras.backend.backend())
    results = {"machine": described, "studies": dict(previous["studies"]) if previous else {}}
    for name in studies:
        runs = {}
        for seed in seeds:
            start = time.perf_counter()
            runs[str(seed)] = quality.RUNNERS[name](seed)
            runs[str(seed)]["seconds"] = round(time.perf_counter() - start, 1)
            _log(f"  quality {name}, seed {seed}: {runs[str(seed)]['seconds']} s")
        results["studies"][name] = runs
    return results


def _save(results, path):
    path.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def _log(message):
    print(message, flush=True, file=sys.stdout)


if __name__ == "__main__":
    main()
