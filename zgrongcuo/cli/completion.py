"""``--install-completion``: the shell's completion script put where the shell reads it (docs/completion.md).

Typer installs it for bash, zsh and fish. For PowerShell this module does it
itself, because Typer's way does not suit an office PC: it sets the user's
script execution policy to Unrestricted, and it reads the profile's path in
the Western code page, so a profile under a Chinese user name
(``C:\\Users\\张三\\Documents\\…``) would be written somewhere else. Here the
path is asked for in UTF-8, the policy is left alone (the message says what to
do if profiles may not run), the script is written in the profile's own
encoding, and once only.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import typer

from zgrongcuo.errors import UsageError

SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
POWERSHELLS = ("powershell", "pwsh")


def install(shell: str | None, prog_name: str) -> tuple[str, str]:
    """Install completion for ``shell`` (None: the shell this runs in); the shell and the file written."""
    shell = shell or _detected_shell()
    if shell not in SHELLS:
        raise UsageError("completion_unsupported")
    if shell in POWERSHELLS:
        return shell, str(install_powershell(shell, prog_name))
    import contextlib
    import io

    from typer.completion import install as install_for

    try:
        with contextlib.redirect_stdout(io.StringIO()):  # Typer's English "not supported"
            _, path = install_for(shell=shell, prog_name=prog_name)
    except typer.Exit:
        raise UsageError("completion_unsupported") from None
    return shell, str(path)


def _detected_shell() -> str | None:
    import os

    if os.environ.get("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION"):  # Typer's switch for tests: say the shell
        return None
    try:
        import shellingham

        name, _ = shellingham.detect_shell()
    except (ImportError, RuntimeError):  # shellingham.ShellDetectionFailure is a RuntimeError
        return None
    return str(name).lower()


def install_powershell(shell: str, prog_name: str) -> Path:
    """Append the completion script to the user's PowerShell profile, unless it is there already."""
    from typer.completion import get_completion_script

    complete_var = "_{}_COMPLETE".format(prog_name.replace("-", "_").upper())
    script = get_completion_script(prog_name=prog_name, complete_var=complete_var, shell=shell)
    try:
        asked = subprocess.run(
            [shell, "-NoProfile", "-Command", "[Console]::OutputEncoding = [Text.Encoding]::UTF8; $PROFILE"],
            capture_output=True,
            check=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise UsageError("completion_no_profile", shell=shell, detail=str(exc)) from None
    profile = Path(asked.stdout.decode("utf-8", "replace").strip())
    if not profile.name:
        raise UsageError("completion_no_profile", shell=shell, detail="$PROFILE")
    profile.parent.mkdir(parents=True, exist_ok=True)
    existing = profile.read_bytes() if profile.exists() else b""
    encoding = "utf-16-le" if existing.startswith(b"\xff\xfe") else "utf-8"  # what Windows PowerShell 5 may have made
    if f"-CommandName {prog_name} ".encode(encoding) in existing:
        return profile  # installed before
    separator = "\r\n" if existing and not existing.endswith("\n".encode(encoding)) else ""
    with profile.open("ab") as out:
        out.write((separator + script.replace("\r\n", "\n").replace("\n", "\r\n") + "\r\n").encode(encoding))
    return profile
