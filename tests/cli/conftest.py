"""pytest configuration for the end-to-end tests of the `dossier` command line.

Run as:  /usr/bin/python3 -m pytest -q tests/cli --dossier build-tests/dossier
"""
import os

import pytest

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def pytest_addoption(parser):
    parser.addoption(
        "--dossier",
        action="store",
        default="build/dossier",
        help="path of the dossier binary (relative paths are taken from the repository root)",
    )


@pytest.fixture(scope="session")
def dossier(request):
    path = request.config.getoption("--dossier")
    if not os.path.isabs(path):
        # Relative to the current directory when it exists there, else to the repository root.
        path = path if os.path.exists(path) else os.path.join(REPO_ROOT, path)
    path = os.path.abspath(path)
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        pytest.fail(f"dossier binary not found or not executable: {path} (pass --dossier PATH)")
    return path


@pytest.fixture(scope="session")
def repo_root():
    return REPO_ROOT
