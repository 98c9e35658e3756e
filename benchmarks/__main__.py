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
import os
import sys
from pathlib import Path

from benchmarks import cost, machine, quality, report, robustness, rows, throughput

COMMANDS = ("cost", "throughput", "robustness", "longer", "quality", "report", "all")


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("command", nargs="?", default="all", choices=COMMANDS)
    parser.add_argument("--seeds", type=int, default=None,
                        help="quality and robustness: run seeds 0 .. SEEDS-1 (default 3 for quality, 5 for robustness)")
    parser.add_argument("--notebooks", nargs="*", default=None,
                        help="cost, robustness, longer, quality: these notebooks instead of all of them "
                             "(the other notebooks' rows already in the JSON are kept)")
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
    results = rows.load(args.results)
    if args.command == "report" and not results["rows"]:
        raise SystemExit(f"{args.results} holds no results yet: run `python -m benchmarks` (or `make bench`) first")
    paths = [Path(path) for path in args.notebooks] if args.notebooks else cost.notebooks()
    methods = {path.stem for path in paths} if args.notebooks else None  # a partial run keeps the others' rows

    def store(step, new, backend=None, studies=None):
        results["rows"] = rows.replace(results["rows"], new, studies or {step}, methods)
        results["machines"][step] = machine.describe(backend)
        rows.save(results, args.results)

    if args.command in ("cost", "all"):
        backend = os.environ.get("KERAS_BACKEND") or None
        print(f"cost: {len(paths)} notebooks, backend {backend or 'tensorflow (default)'}", flush=True)
        store("cost", cost.measure_all(paths, backend=backend, log=_log), backend)
    if args.command in ("throughput", "all"):
        print("throughput: seconds per epoch", flush=True)
        results["rows"] = rows.replace(results["rows"], throughput.measure(log=_log), {"throughput"})
        results["machines"]["throughput"] = machine.describe("each setting's own")
        rows.save(results, args.results)
    if args.command in ("robustness", "all"):
        print("robustness: every notebook, each seed, TensorFlow and JAX", flush=True)
        runs = robustness.study(paths, range(args.seeds or 5), ["tensorflow", "jax"], log=_log)
        store("robustness", [row for run in runs for row in rows.from_run("robustness", run, method=run["notebook"])],
              "tensorflow and jax")
    if args.command in ("longer", "all"):
        print(f"longer: each notebook at 1x and {robustness.FACTOR}x its training lengths", flush=True)
        runs = robustness.longer_training(paths, log=_log)
        store("longer", [row for run in runs for row in rows.from_run("longer", run, setting=f"{run['scale']}x",
                                                                       method=run["notebook"])])
    if args.command in ("quality", "all"):
        names = [name for name in quality.STUDIES if not args.notebooks or name in methods]
        backend = os.environ.get("KERAS_BACKEND", "tensorflow")
        print(f"quality: {', '.join(names)}, at their scales, backend {backend}", flush=True)
        new = [row for name in names for row in quality.study(name, range(args.seeds or 3), backend=backend, log=_log)]
        results["rows"] = rows.replace(results["rows"], new, set(names))
        results["machines"]["quality"] = machine.describe(backend)
        rows.save(results, args.results)
    page = report.write(args.results, args.page, args.page.parent / "figures")
    print(f"wrote {page}")


def _log(message):
    print(message, flush=True, file=sys.stdout)


if __name__ == "__main__":
    main()
