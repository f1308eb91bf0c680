#!/usr/bin/env bash
# Set Roundtable up on this computer, from a copy of its source folder.
#
#   bash setup.sh          set up for running; then start it with:  .venv/bin/python -m app
#   bash setup.sh --dev    also the test and build tools; then:      .venv/bin/python -m pytest
#
# On Debian or Ubuntu, as root or with sudo that needs no password, it installs the system
# libraries Qt needs with apt-get; otherwise it prints the command for someone who can.
# Then it makes a Python environment in .venv and installs Roundtable into it. Running it
# again is quick: it only does what is not done yet.
set -euo pipefail

say() { printf '%s\n' "$*"; }

usage() {
    sed -n '2,5s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

mode=run
case "${1:-}" in
    "") ;;
    --dev) mode=dev ;;
    -h | --help) usage; exit 0 ;;
    *) say "setup.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
esac

# Work in the folder this script is in, wherever it was started from.
cd "$(dirname "${BASH_SOURCE[0]}")"
here="$(pwd)"

# What Qt 6 (PySide6) loads even with no screen (the offscreen platform), found with ldd on
# PySide6's libraries and plugins; then what a real window needs (X11/xcb, and Wayland);
# then what later parts of Roundtable use: speech for read-aloud, PDF tools, a font.
qt_core=(libegl1 libgl1 libx11-6 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3
    libglib2.0-0)
qt_window=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
    libxcb-shape0 libxkbcommon-x11-0 libxcb-xinerama0 libxcb-randr0 libx11-xcb1 libxcb-xkb1
    libxcb-sync1 libxcb-xfixes0 libxcb-shm0 libxcb-util1 libwayland-client0
    libwayland-cursor0)
later=(espeak-ng libespeak-ng1 espeak-ng-data poppler-utils fonts-dejavu-core)
python_packages=(python3 python3-venv)
apt_packages=("${qt_core[@]}" "${qt_window[@]}" "${later[@]}" "${python_packages[@]}")

# How to run apt-get here: as root directly, else through sudo if it asks for no password.
# Empty when this user cannot install system packages at all.
apt_runner() {
    command -v apt-get > /dev/null || return 0
    if [ "$(id -u)" -eq 0 ]; then
        echo "env"
    elif command -v sudo > /dev/null && sudo -n true 2> /dev/null; then
        echo "sudo -n env"
    fi
}
apt=$(apt_runner)
apt_updated=no

apt_install() {
    # Quiet, and never stops to ask a question: CI has no keyboard.
    if [ "$apt_updated" = no ]; then
        $apt DEBIAN_FRONTEND=noninteractive apt-get update -qq ||
            say "apt-get update failed; trying with the package lists already on this computer."
        apt_updated=yes
    fi
    $apt DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        -o Dpkg::Use-Pty=0 "$@" > /dev/null
}

# install_system_packages WHAT PACKAGE...: install those of the packages that are missing.
install_system_packages() {
    local what=$1 missing=() package
    shift
    if ! command -v apt-get > /dev/null; then
        say "This is not Debian or Ubuntu (no apt-get), so no system packages were installed"
        say "for $what. Qt brings what it needs on Windows and macOS; on other Linux systems,"
        say "install the equivalents of: $*"
        return
    fi
    for package in "$@"; do
        # Ubuntu 24.04 renamed some libraries (libglib2.0-0t64): either name will do.
        { dpkg-query -W -f='${Status}\n' "$package" "${package}t64" 2> /dev/null || true; } |
            grep -q "ok installed" || missing+=("$package")
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        say "System packages for $what: already installed."
        return
    fi
    if [ -z "$apt" ]; then
        say "Some system packages for $what are missing, and this user cannot install them."
        say "Please ask someone with administrator rights to run:"
        say "    sudo apt-get install ${missing[*]}"
        return
    fi
    say "Installing system packages for $what with apt-get (this can take a few minutes):"
    say "    ${missing[*]}"
    if ! apt_install "${missing[@]}"; then
        # One name unknown to this release must not keep out all the others.
        local failed=()
        for package in "${missing[@]}"; do
            apt_install "$package" 2> /dev/null || failed+=("$package")
        done
        if [ "${#failed[@]}" -gt 0 ]; then
            say "apt-get could not install: ${failed[*]}. Roundtable may still work without them."
        fi
    fi
}

# A Python 3.11 or newer: the one named in $PYTHON, else the first that is new enough.
find_python() {
    local candidate
    for candidate in ${PYTHON:-} python3.11 python3 python3.13 python3.12; do
        if command -v "$candidate" > /dev/null &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2> /dev/null; then
            command -v "$candidate"
            return 0
        fi
    done
    return 1
}

make_venv() {
    local python
    if ! python=$(find_python) && [ -n "$apt" ]; then
        # Ubuntu 22.04's python3 is 3.10, but it offers python3.11 as a package.
        say "Installing Python 3.11 with apt-get."
        apt_install python3.11 python3.11-venv || true
        python=$(find_python) || true
    fi
    if [ -z "${python:-}" ]; then
        say "Roundtable needs Python 3.11 or newer, and none was found (tried python3.11 and"
        say "python3). Please install Python 3.11 (on Debian or Ubuntu: sudo apt-get install"
        say "python3.11 python3.11-venv; elsewhere: https://www.python.org/downloads/) and run"
        say "this again, or name it: PYTHON=/path/to/python3.11 bash setup.sh"
        exit 1
    fi
    if ! "$python" -c 'import ensurepip, venv' 2> /dev/null; then
        local venv_package
        venv_package=python$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')-venv
        if [ -n "$apt" ]; then apt_install "$venv_package" || true; fi
        if ! "$python" -c 'import ensurepip, venv' 2> /dev/null; then
            say "$python cannot make a Python environment: please install $venv_package"
            say "(sudo apt-get install $venv_package) and run this again."
            exit 1
        fi
    fi
    say "Making a Python environment in .venv with $python ($("$python" -V 2>&1))."
    "$python" -m venv .venv
}

# Changes whenever the dependencies might have changed.
pyproject_hash() {
    .venv/bin/python -c 'import hashlib
print(hashlib.sha256(open("pyproject.toml", "rb").read()).hexdigest())'
}

# True when .venv already holds everything for this mode, installed from this folder and
# from this pyproject.toml, so that a second run does not ask pip for anything.
already_installed() {
    [ -f .venv/.roundtable-setup ] || return 1
    local wanted
    wanted=$(pyproject_hash)
    grep -qx "dev $wanted" .venv/.roundtable-setup ||
        { [ "$mode" = run ] && grep -qx "run $wanted" .venv/.roundtable-setup; } || return 1
    local modules="app, PySide6, sqlalchemy, alembic, platformdirs"
    [ "$mode" = dev ] && modules="$modules, pytest, pytestqt, hypothesis, PyInstaller"
    # Started from / so that the app found is the installed one, not the one in this folder.
    (cd / && "$here/.venv/bin/python" -c "import sys, $modules
sys.exit(not app.__file__.startswith(sys.argv[1]))" "$here/app") 2> /dev/null
}

install_python_packages() {
    if [ -e .venv ] &&
        ! .venv/bin/python -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2> /dev/null; then
        say "The .venv folder here does not work or has a Python older than 3.11: making it again."
        rm -rf .venv
    fi
    [ -e .venv ] || make_venv
    if already_installed; then
        say "Python packages: already installed in .venv."
        return
    fi
    local target="."
    [ "$mode" = dev ] && target=".[dev]"
    say "Installing Roundtable and the Python packages it uses into .venv (a minute or two)."
    rm -f .venv/.roundtable-setup
    PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1 \
        .venv/bin/python -m pip install --quiet -e "$target"
    echo "$mode $(pyproject_hash)" > .venv/.roundtable-setup
}

install_system_packages "Roundtable" "${apt_packages[@]}"
install_python_packages
if [ "$mode" = dev ] && command -v apt-get > /dev/null; then
    # build_installer.py's PyInstaller reads libraries with objdump (binutils), and bundles
    # Python's shared library, which Debian and Ubuntu ship apart from their python3.
    build_packages=(binutils)
    if [ "$(.venv/bin/python -c 'import sys; print(sys.base_prefix)')" = /usr ]; then
        build_packages+=("lib$(.venv/bin/python -c 'import sys; print("python%d.%d" % sys.version_info[:2])')")
    fi
    install_system_packages "building the installer" "${build_packages[@]}"
    # The kill tests type into a real window on a virtual screen, as a person would.
    install_system_packages "the tests that type into a real window" xvfb xdotool
    # The privacy test runs the real app under strace and fails on any network socket.
    install_system_packages "the test that the app never uses the network" strace
    # The services' tests also run on a PostgreSQL server that the tests start by themselves,
    # in a temporary folder with no network port.
    install_system_packages "the tests on a PostgreSQL server" postgresql
fi

# Qt fails to start, rather than to install, when a system library is missing: try it now,
# with no screen, so that the fault is named here and not at the first start.
if ! qt_said=$(QT_QPA_PLATFORM=offscreen .venv/bin/python -c \
    'from PySide6.QtWidgets import QApplication; QApplication([])' 2>&1); then
    say "Warning: Qt could not start, most likely because a system library is missing:"
    say "$qt_said" | tail -n 3
    say "On Debian or Ubuntu, install: ${qt_core[*]}"
fi

versions=$(.venv/bin/python -c 'import platform, PySide6; print(f"Python {platform.python_version()}, PySide6 {PySide6.__version__}")')
if [ "$mode" = dev ]; then
    say "Roundtable is set up for development in .venv ($versions). Run the tests with: .venv/bin/python -m pytest"
else
    say "Roundtable is set up in .venv ($versions). Start it with: .venv/bin/python -m app"
fi
