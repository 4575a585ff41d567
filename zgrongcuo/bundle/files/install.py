"""Installs zgrongcuo from the wheels beside this file into the folder ``venv`` beside it, with no network.

install.bat and install.sh find a Python that fits and run this file; it can
be run by hand too: ``python install.py [--lang en]``.  It runs on any
Python 3 (no f-strings, nothing newer than 3.4), so that a Python too old for
the bundle can still say which one is needed.  What it says is in
bundle.json, in Chinese, or in English with ``--lang en`` or ZGRONGCUO_LANG=en.
``--probe`` says nothing and exits 0 only if this Python fits the bundle.
"""

import json
import os
import platform
import shlex
import subprocess
import sys
import sysconfig

HERE = os.path.dirname(os.path.abspath(__file__))
WINDOWS = sys.platform == "win32"
# sysconfig's name of the interpreter's own platform, per bundle platform: what wheels of that platform need.
PLATFORMS = {
    "win_amd64": "win-amd64",
    "manylinux2014_x86_64": "linux-x86_64",
    "manylinux2014_aarch64": "linux-aarch64",
}
GLIBC_NEEDED = (2, 17)  # manylinux2014
PIP_FROM_WHEEL = (
    "import runpy, sys; sys.path.insert(0, sys.argv.pop(1)); runpy.run_module('pip', run_name='__main__', alter_sys=True)"
)


def main(argv):
    with open(os.path.join(HERE, "bundle.json"), encoding="utf-8") as f:
        bundle = json.load(f)
    lang = language(argv)

    def say(msg_id, stream=None, **params):
        zh, en = bundle["messages"][msg_id]
        message = (en if lang == "en" else zh).format(**params)
        stream = stream or sys.stdout
        try:
            stream.write(message + "\n")
        except UnicodeEncodeError:  # an old Python writing to a stream that cannot take Chinese: "?" instead
            encoding = getattr(stream, "encoding", None) or "ascii"
            stream.write(message.encode(encoding, "replace").decode(encoding) + "\n")
        stream.flush()

    reason = unfit(bundle, lang)
    if "--probe" in argv:
        return 1 if reason else 0
    if reason:
        say(reason[0], sys.stderr, **reason[1])
        return 1

    venv = os.path.join(HERE, "venv")
    python = os.path.join(venv, "Scripts", "python.exe") if WINDOWS else os.path.join(venv, "bin", "python")
    command = os.path.join(venv, "Scripts", "zgrongcuo.exe") if WINDOWS else os.path.join(venv, "bin", "zgrongcuo")
    ours = os.path.isdir(venv) and not os.path.islink(venv) and os.path.isfile(os.path.join(venv, "pyvenv.cfg"))
    if os.path.lexists(venv) and not ours:
        say("install.not_a_venv", sys.stderr, path=venv)  # never removed: venv --clear would empty it
        return 1
    if not runs_this_python(python):
        say("install.creating", path=venv)
        # Without pip: the venv module needs no ensurepip then, which Debian, UOS and Kylin
        # package apart (python3-venv); the bundle's own pip wheel installs.
        made = subprocess.call([sys.executable, "-m", "venv", "--without-pip", "--clear", venv])
        if made != 0 or not os.path.isfile(python):
            say("install.venv_failed", sys.stderr, path=venv)
            return 1

    # The bundle alone: no index, no configuration file, no PIP_* setting of this machine's may add a source.
    env = dict((k, v) for k, v in os.environ.items() if not k.upper().startswith("PIP_"))
    env.update(PIP_CONFIG_FILE=os.devnull, PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1")
    wheels = os.path.join(HERE, "wheels")
    pip_wheel = os.path.join(wheels, bundle["pip"]["%d.%d" % sys.version_info[:2]])
    say("install.installing", version=bundle["zgrongcuo"], wheels=wheels)
    # pip run from its wheel, as the standard library's ensurepip runs it. It installs itself too, so that
    # the venv is an ordinary one: python -m pip there lists what is installed, or fetches packaging to
    # build bundles (python -m zgrongcuo.bundle) on a computer that reaches an index.
    pip = [python, "-c", PIP_FROM_WHEEL, pip_wheel, "install", "--quiet", "--no-index", "--find-links", wheels]
    pip += ["--only-binary=:all:", "zgrongcuo==" + bundle["zgrongcuo"], pip_wheel]
    code = subprocess.call(pip, env=env)
    if code != 0:
        say("install.pip_failed", sys.stderr, code=code)
        return 1
    try:
        version = subprocess.check_output([command, "--version"], universal_newlines=True)
    except (OSError, subprocess.CalledProcessError):
        version = ""
    if bundle["zgrongcuo"] not in version:
        say("install.check_failed", sys.stderr, command=command)
        return 1
    if WINDOWS:
        say("install.done_windows", version=bundle["zgrongcuo"], command=command, folder=HERE)
    else:
        activate = os.path.join(venv, "bin", "activate")
        say("install.done_linux", version=bundle["zgrongcuo"], command=shlex.quote(command), activate=shlex.quote(activate))
    return 0


def language(argv):
    lang = os.environ.get("ZGRONGCUO_LANG", "zh")
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
    return "en" if lang == "en" else "zh"


def unfit(bundle, lang):
    """Why this Python cannot take the bundle's wheels, as (message id, parameters); None if it can."""
    pythons = bundle["python"]
    have = "%d.%d" % sys.version_info[:2]
    if have not in pythons:
        need = (" or " if lang == "en" else " 或 ").join(pythons)
        return "install.wrong_python", {"have": platform.python_version(), "need": need, "path": sys.executable}
    wanted = bundle["platform"]
    here = sysconfig.get_platform()
    fits = here == PLATFORMS.get(wanted)
    if fits and not WINDOWS:
        libc, version = platform.libc_ver()
        here = "%s %s" % (here, (libc + " " + version).strip() or "libc ?")
        fits = libc == "glibc" and tuple(int(n) for n in version.split(".")[:2] if n.isdigit()) >= GLIBC_NEEDED
    if not fits:
        need = bundle["messages"]["platform." + wanted][1 if lang == "en" else 0]
        return "install.wrong_platform", {"need": need, "have": here, "path": sys.executable}
    return None


def runs_this_python(python):
    """Whether the venv's Python exists and is this one's version (a venv of another is made anew)."""
    if not os.path.isfile(python):
        return False
    try:
        out = subprocess.check_output([python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"])
    except (OSError, subprocess.CalledProcessError):
        return False
    return out.decode("ascii", "replace").strip() == "%d.%d" % sys.version_info[:2]


if __name__ == "__main__":
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):  # a console or file that cannot show a character shows "?"
            stream.reconfigure(errors="replace")
    sys.exit(main(sys.argv[1:]))
