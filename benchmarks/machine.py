"""What a measurement ran on: date, CPU model, cores, memory, load, Keras backend, package versions."""

import os
import platform
import shutil
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

PACKAGES = ("lecture24", "keras", "tensorflow", "jax", "torch", "numpy", "scikit-learn", "scikit-image",
            "scipy", "mlxtend", "nbclient")


def describe(backend=None):
    """A dict describing this machine now; ``backend`` defaults to ``KERAS_BACKEND`` (Keras' default: tensorflow)."""
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "memory_gib": round(_memory_kib() / 2**20, 1),
        "load_average": [round(value, 1) for value in os.getloadavg()],
        "gpu": _gpu(),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "backend": backend or os.environ.get("KERAS_BACKEND", "tensorflow"),
        "versions": {name: version for name in PACKAGES if (version := _version(name))},
    }


def _cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_kib():
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _gpu():
    """The GPU that ``nvidia-smi`` names, or None (no GPU: nothing was measured on one)."""
    if shutil.which("nvidia-smi") is None:
        return None
    import subprocess

    done = subprocess.run(["nvidia-smi", "--query-gpu=name", "--format=csv,noheader"],
                          capture_output=True, text=True, check=False)
    return done.stdout.strip().splitlines()[0] if done.returncode == 0 and done.stdout.strip() else None


def _version(name):
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None
