"""The standalone build: build_installer.py makes a folder that runs, with its data inside."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MIGRATIONS = ROOT / "app" / "storage" / "migrations"
RESOURCES = ROOT / "resources"


def files_under(folder: Path) -> set[str]:
    assert folder.is_dir(), f"{folder} is missing"
    return {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess, Path]:
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip('PyInstaller is not installed (pip install -e ".[dev]")')
    dist = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, str(ROOT / "build_installer.py"), "--dist", str(dist)],
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    return result, dist / "roundtable"


@pytest.mark.slow
def test_the_build_passes_its_own_checks(build: tuple[subprocess.CompletedProcess, Path]) -> None:
    result, bundle = build
    said = result.stdout + result.stderr
    assert result.returncode == 0, said
    assert "All 4 checks passed" in result.stdout, said
    program = bundle / ("roundtable.exe" if sys.platform == "win32" else "roundtable")
    assert program.is_file()


@pytest.mark.slow
def test_the_migrations_ship_as_files_where_alembic_looks(
    build: tuple[subprocess.CompletedProcess, Path],
) -> None:
    _result, bundle = build
    shipped = bundle / "_internal" / "app" / "storage" / "migrations"
    expected = files_under(MIGRATIONS)
    assert {"env.py", "script.py.mako"} <= expected
    assert any(name.startswith("versions/") for name in expected)
    assert expected <= files_under(shipped)


@pytest.mark.slow
def test_the_resources_ship_where_the_code_looks_for_them(
    build: tuple[subprocess.CompletedProcess, Path],
) -> None:
    # example_data.py looks in parents[2] / "resources" and i18n.py in parent.parent /
    # "resources": both are the bundle's _internal folder, where app/ lives.
    _result, bundle = build
    expected = files_under(RESOURCES)
    assert "example_data.json" in expected
    assert expected <= files_under(bundle / "_internal" / "resources")
