"""The notebooks run top to bottom on a fresh clone, offline, on this interpreter; they are kept without outputs.

Each notebook is executed with nbclient in a kernel started on ``sys.executable`` (the venv running pytest), with
``HAVEN_DATA_DIR`` pointing at a temporary folder shared by the notebooks of this module: the retrieval lab
builds the library index there first, and the authoring notebook then reuses its vectors instead of embedding
the whole library again.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import nbformat
import pytest
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK_DIR = ROOT / "notebooks"
EXPECTED = {"author_an_exercise", "retrieval_lab", "mood_analysis"}
RUN_FIRST = ("retrieval_lab",)  # builds the index the others can reuse
#: Something each notebook must show besides not failing: its point.
SHOWS = {
    "author_an_exercise": "draft rank",
    "retrieval_lab": "application/vnd.plotly.v1+json",
    "mood_analysis": "application/vnd.plotly.v1+json",
}


def notebooks() -> list[Path]:
    found = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
    first = [p for name in RUN_FIRST for p in found if p.stem == name]
    return first + [p for p in found if p not in first]


class SameInterpreterKernelManager(KernelManager):
    """Starts an ipykernel on the interpreter running the tests, whatever ``python`` the kernel spec names."""

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        cmd = super().format_kernel_cmd(extra_arguments)
        if len(cmd) > 2 and cmd[1] == "-m" and cmd[2].startswith("ipykernel"):
            cmd[0] = sys.executable
        return cmd


def execute(nb: nbformat.NotebookNode, workdir: Path) -> nbformat.NotebookNode:
    client = NotebookClient(
        nb,
        kernel_name="python3",
        kernel_manager_class=SameInterpreterKernelManager,
        timeout=600,
        resources={"metadata": {"path": str(workdir)}},
    )
    client.execute()  # raises CellExecutionError on the first failing cell
    return nb


def errors(nb: nbformat.NotebookNode) -> list[str]:
    return [
        f"cell {i}: {out.ename}: {out.evalue}"
        for i, cell in enumerate(nb.cells)
        if cell.cell_type == "code"
        for out in cell.get("outputs", [])
        if out.output_type == "error"
    ]


@pytest.fixture(scope="module")
def notebook_env(tmp_path_factory):
    """A private data dir for the notebooks' kernels (they inherit the environment), and no outside services."""
    with pytest.MonkeyPatch.context() as env:
        env.setenv("HAVEN_DATA_DIR", str(tmp_path_factory.mktemp("notebook-data")))
        for name in (
            "HAVEN_LIBRARY_DIR",
            "HAVEN_CHROMA_URL",
            "HAVEN_DATABASE_URL",
            "HAVEN_PASSPHRASE",
            "HAVEN_LLM",
        ):
            env.delenv(name, raising=False)
        yield os.environ["HAVEN_DATA_DIR"]


def test_the_notebooks_are_all_here() -> None:
    assert {p.stem for p in notebooks()} >= EXPECTED


def test_kernel_runs_on_this_interpreter_with_the_test_data_dir(notebook_env, tmp_path: Path) -> None:
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell("import os, sys\nprint(sys.executable)\nprint(os.environ['HAVEN_DATA_DIR'])")
        ]
    )
    printed = execute(nb, tmp_path).cells[0].outputs[0].text.split()
    assert Path(printed[0]).resolve() == Path(sys.executable).resolve()
    assert printed[1] == notebook_env


@pytest.mark.parametrize("path", notebooks(), ids=lambda p: p.stem)
def test_notebook_runs_top_to_bottom(path: Path, notebook_env, tmp_path: Path) -> None:
    nb = execute(nbformat.read(path, as_version=4), tmp_path)
    assert not errors(nb)
    shown = nbformat.writes(nb)
    assert SHOWS.get(path.stem, "") in shown, f"{path.name} ran but did not show {SHOWS[path.stem]!r}"


@pytest.mark.parametrize("path", notebooks(), ids=lambda p: p.stem)
def test_notebook_is_stored_without_outputs(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, (
                f"{path.name} cell {i} keeps outputs: run `nbstripout {path.relative_to(ROOT)}`"
            )
