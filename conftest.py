"""Test setup for unit tests and notebooks alike: nothing may use the network.

The guard (``tests/offline.py``) is installed in this process and, through an
IPython startup file in a temporary IPYTHONDIR, in every kernel nbval starts.
"""

import os
import sys
import tempfile
from pathlib import Path

TESTS = Path(__file__).resolve().parent / "tests"
sys.path.insert(0, str(TESTS))

import offline  # noqa: E402

STARTUP = f"""import sys
sys.path.insert(0, {str(TESTS)!r})
import offline
offline.install()
sys.path.remove({str(TESTS)!r})
"""


def pytest_configure(config):
    offline.install()
    ipython_dir = Path(tempfile.mkdtemp(prefix="lecture24-ipython-"))
    startup = ipython_dir / "profile_default" / "startup"
    startup.mkdir(parents=True)
    (startup / "00-offline.py").write_text(STARTUP)
    os.environ["IPYTHONDIR"] = str(ipython_dir)


# tests/site checks the built website, so plain `pytest` collects it only once the book is built
# (`make book`, or the build step of `make test`).
collect_ignore = [] if (Path(__file__).parent / "_build" / "html" / "index.html").exists() else ["tests/site"]
