#!/bin/sh
# Installs zgrongcuo @VERSION@ from the wheels beside this script into the folder "venv"
# beside it, with no network:
#   sh install.sh [--lang en]
#   ZGRONGCUO_PYTHON=/path/to/python3 sh install.sh     the Python to use
# It finds a Python that fits the bundle and hands over to install.py.
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd -P) || exit 1
for python in "${ZGRONGCUO_PYTHON:-}" @PYTHONS@ python3; do
    [ -n "$python" ] || continue
    if command -v "$python" >/dev/null 2>&1 && "$python" "$here/install.py" --probe >/dev/null 2>&1; then
        exec "$python" "$here/install.py" "$@"
    fi
done
# None fits. A Python 3 that is there says why, in the user's language.
for python in "${ZGRONGCUO_PYTHON:-}" python3; do
    if [ -n "$python" ] && command -v "$python" >/dev/null 2>&1; then
        exec "$python" "$here/install.py" "$@"
    fi
done
lang=${ZGRONGCUO_LANG:-zh}
previous=
for arg in "$@"; do
    if [ "$previous" = --lang ]; then lang=$arg; fi
    case $arg in --lang=*) lang=${arg#--lang=} ;; esac
    previous=$arg
done
if [ "$lang" = en ]; then
    printf '%s\n' '@NO_PYTHON_EN@' >&2
else
    printf '%s\n' '@NO_PYTHON_ZH@' >&2
fi
exit 1
