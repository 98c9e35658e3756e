"""The "run it locally" path: JupyterLab (as `make lab` starts it) runs a notebook in Chromium without errors.

JupyterLab runs on a loopback port over a copy of one cheap notebook, with its settings and
workspaces in a temporary folder, so nothing of the user's or the repository's is touched.
The outputs are cleared and every cell is run from the menus, and the notebook is saved;
then every cell must have run in order, with no error and no stderr, and the notebook's
solutions must be collapsed until clicked.
"""

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from site_pages import ROOT

NOTEBOOK = ROOT / "notebooks" / "00_review.ipynb"  # the cheapest notebook: about 10 s of training on a CPU
# Every cell in the page, not only those scrolled into view, so that all of them can be checked.
NOTEBOOK_SETTINGS = {"windowingMode": "none"}


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server over a copy of the notebook: (the notebook's URL, the copy's path)."""
    folder = tmp_path_factory.mktemp("lab")
    shutil.copy(NOTEBOOK, folder / NOTEBOOK.name)
    settings = folder / ".settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    (settings / "tracker.jupyterlab-settings").write_text(json.dumps(NOTEBOOK_SETTINGS))
    port, token = _free_port(), secrets.token_hex(16)
    env = {**os.environ, "JUPYTERLAB_SETTINGS_DIR": str(folder / ".settings"),
           "JUPYTERLAB_WORKSPACES_DIR": str(folder / ".workspaces"), "JUPYTER_CONFIG_DIR": str(folder / ".config")}
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={folder}", "--allow-root",
         # Offline: no news feed, and an extension manager that does not query PyPI.
         "--LabApp.news_url=None", "--LabApp.extension_manager=readonly"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=1)
            break
        except OSError:
            time.sleep(0.5)
    else:
        server.kill()
        pytest.fail("JupyterLab did not answer on its port within 60 s")
    yield f"{url}/lab/tree/{NOTEBOOK.name}?token={token}", folder / NOTEBOOK.name
    server.terminate()
    server.wait(timeout=30)


@pytest.fixture(scope="module")
def ran(browser, lab):
    """(The page, the cells JupyterLab saved) after Edit > Clear Outputs of All Cells, Run > Run All Cells, save."""
    url, copy = lab
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(url)
    page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for(timeout=120_000)
    for menu, item in [("Edit", "Clear Outputs of All Cells"), ("Run", "Run All Cells")]:
        page.get_by_role("menuitem", name=menu, exact=True).click()
        page.get_by_role("menuitem", name=item, exact=True).click()
    # Done when every shown prompt holds a count: "[ ]" is not yet run, "[*]" running; folded cells show none.
    page.wait_for_function(
        """() => { const shown = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
                                 .map(prompt => prompt.textContent).filter(text => text !== '');
                   return shown.length > 0 && shown.every(text => /^\\[\\d+\\]:$/.test(text)); }""",
        timeout=300_000)
    page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for(timeout=300_000)
    before = copy.stat().st_mtime_ns
    page.keyboard.press("Control+s")
    for _ in range(60):
        if copy.stat().st_mtime_ns != before:
            break
        time.sleep(0.5)
    cells = [cell for cell in json.loads(copy.read_text())["cells"] if cell["cell_type"] == "code"]
    yield page, cells
    page.close()


def test_every_cell_ran_in_order_without_an_error_or_stderr(ran):
    page, cells = ran
    assert [cell["execution_count"] for cell in cells] == list(range(1, len(cells) + 1))
    outputs = [output for cell in cells for output in cell["outputs"]]
    assert [output for output in outputs if output["output_type"] == "error" or output.get("name") == "stderr"] == []
    assert page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count() == 0


def test_a_solution_is_collapsed_until_its_summary_is_clicked(ran):
    page, _ = ran
    solution = page.locator(".jp-RenderedMarkdown details").first
    body = solution.locator("p").first
    assert solution.locator("summary").inner_text() == "Solution"
    assert not body.is_visible()
    solution.locator("summary").click()
    assert body.is_visible()


def test_code_solutions_are_folded(ran):
    page, cells = ran
    folded = sum(cell["metadata"].get("jupyter", {}).get("source_hidden", False) for cell in cells)
    assert folded > 0 and page.locator(".jp-InputPlaceholder").count() == folded
