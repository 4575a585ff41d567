"""Fetching a target's wheels with pip's own ``download``, until they are all that target needs.

pip resolves the dependencies, but with the markers of the machine it runs on
(from Linux it drops Windows' colorama).  So after each download the wheels
are planned for the target (``wheels.plan``); a requirement only the target
has is added to pip's command line, and pip runs again.  Wheels only this
machine would need are left out of the plan, and so out of the bundle.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zgrongcuo.bundle.wheels import Unmet, plan, read_wheel, without_marker
from zgrongcuo.errors import ZgError

if TYPE_CHECKING:
    from packaging.requirements import Requirement

    from zgrongcuo.bundle.targets import Target
    from zgrongcuo.bundle.wheels import Wheel

MAX_ROUNDS = 12  # each round adds a requirement pip missed; a real dependency tree needs one or two
PIP_LINES = 8

# What pip (through urllib3 and requests) says when it cannot reach the index at all.
_UNREACHABLE = (
    "NewConnectionError",
    "Failed to establish a new connection",
    "Temporary failure in name resolution",
    "Name or service not known",
    "Network is unreachable",
    "ConnectTimeoutError",
    "ProxyError",
    "Could not fetch URL",
)
_NO_MATCH = "No matching distribution found for "


class BundleError(ZgError):
    """The bundle cannot be built: the index, pip, a missing wheel, an installed copy that changed.

    ``pip_said`` is pip's own output, shown line by line under the message.
    """

    def __init__(self, msg_id: str, /, *, pip_said: str = "", **params: Any) -> None:
        super().__init__(msg_id, **params)
        self.pip_said = pip_said


def run_pip(args: list[str]) -> subprocess.CompletedProcess[str]:
    """``python -m pip ARGS`` with this Python; a failure becomes a BundleError that says why."""
    command = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input", *args]
    try:
        result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", errors="replace", check=False)
    except OSError as exc:  # the interpreter itself cannot be started again
        raise BundleError("bundle.pip_failed", code="-", pip_said=str(exc)) from None
    if result.returncode != 0:
        raise _failure(result)
    return result


def _failure(result: subprocess.CompletedProcess[str]) -> BundleError:
    output = result.stderr + result.stdout
    lines = [line.rstrip() for line in output.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("ERROR:")]
    said = "\n".join((errors or lines)[-PIP_LINES:])
    if "No module named pip" in output:
        return BundleError("bundle.no_pip", python=sys.executable)
    unreachable = [line for line in lines if any(sign in line for sign in _UNREACHABLE)]
    if unreachable:  # which index (pip hides its password) and how the connection failed
        indexes = [line for line in lines if line.startswith("Looking in indexes:")]
        return BundleError("bundle.index_unreachable", pip_said="\n".join([*indexes[:1], *unreachable[-1:]]))
    missing = next((line.split(_NO_MATCH, 1)[1].strip() for line in lines if _NO_MATCH in line), None)
    if missing is not None:
        return BundleError("bundle.no_wheel", requirement=missing, pip_said=said)
    return BundleError("bundle.pip_failed", code=result.returncode, pip_said=said)


def fetch(target: Target, zgrongcuo_wheel: Path, roots: list[Requirement], workdir: Path, missed: list[Requirement]) -> dict[str, Wheel]:
    """Project -> wheel: everything the ``roots`` need on ``target``, downloaded into a folder under ``workdir``.

    The roots are zgrongcuo (as ``zgrongcuo_wheel``) and what else is named with it.

    ``missed`` holds the requirements pip's resolution missed for earlier
    targets; those whose markers hold here too go on pip's command line from
    the start, and what this target adds is appended.
    """
    environment = target.marker_environment()
    added = [
        without_marker(r) for r in missed if r.marker is None or r.marker.evaluate({**environment, "extra": ""})
    ]
    for attempt in range(MAX_ROUNDS):
        folder = workdir / f"{target.platform.name}-{target.python}-{attempt}"
        others = [str(root) for root in roots if root.name != "zgrongcuo"]
        run_pip(["download", *target.pip_options(), "--dest", str(folder), str(zgrongcuo_wheel), *others, *added])
        wheels = [read_wheel(path) for path in sorted(folder.glob("*.whl"))]
        try:
            return plan(wheels, roots, target)
        except Unmet as unmet:
            wanted = without_marker(unmet.requirement)
            if unmet.chosen is not None or wanted in added:
                raise unmet_error(unmet, target) from None
            added.append(wanted)
            missed.append(unmet.requirement)
    raise BundleError("bundle.pip_failed", code="-", pip_said=" ".join(added))


def unmet_error(unmet: Unmet, target: Target) -> BundleError:
    """The message for a requirement no wheel meets on ``target``."""
    needed_by = f"{unmet.needed_by.name} {unmet.needed_by.version}" if unmet.needed_by else "zgrongcuo"
    if unmet.chosen is not None:
        return BundleError(
            "bundle.conflict",
            needed_by=needed_by,
            requirement=str(unmet.requirement),
            chosen=f"{unmet.chosen.name} {unmet.chosen.version}",
            target=target_label(target),
        )
    return BundleError("bundle.unmet", needed_by=needed_by, requirement=str(unmet.requirement), target=target_label(target))


def target_label(target: Target) -> str:
    """``win_amd64 / Python 3.12``: how messages name a target, the same in both languages."""
    return f"{target.platform.name} / Python {target.python}"
