"""What pip would install from a folder of wheels on a target: markers, tags, Requires-Python, versions, extras."""

import pytest
from packaging.requirements import Requirement

from bundle.wheelhouse import make_wheel
from zgrongcuo.bundle.targets import PLATFORMS, Target
from zgrongcuo.bundle.wheels import NotAWheel, Unmet, plan, read_wheel, without_marker

WINDOWS_312 = Target(PLATFORMS["win_amd64"], "3.12")
LINUX_311 = Target(PLATFORMS["manylinux2014_x86_64"], "3.11")
ARM_313 = Target(PLATFORMS["manylinux2014_aarch64"], "3.13")


def _wheels(folder):
    return [read_wheel(p) for p in sorted(folder.glob("*.whl"))]


def _names(chosen):
    return {name: str(wheel.version) for name, wheel in chosen.items()}


def test_a_windows_only_dependency_is_needed_on_windows_and_not_on_linux(tmp_path):
    make_wheel(tmp_path, "app", requires=["ui>=1", 'colorama; platform_system == "Windows"'])
    make_wheel(tmp_path, "ui", "1.2")
    root = Requirement("app==1.0")
    assert _names(plan(_wheels(tmp_path), [root], LINUX_311)) == {"app": "1.0", "ui": "1.2"}
    with pytest.raises(Unmet) as unmet:
        plan(_wheels(tmp_path), [root], WINDOWS_312)
    assert unmet.value.requirement.name == "colorama" and unmet.value.needed_by.name == "app"
    make_wheel(tmp_path, "colorama", "0.4.6", tag="py2.py3-none-any")
    assert _names(plan(_wheels(tmp_path), [root], WINDOWS_312)) == {"app": "1.0", "ui": "1.2", "colorama": "0.4.6"}


def test_markers_are_the_targets_python_and_machine(tmp_path):
    make_wheel(
        tmp_path,
        "app",
        requires=['old-helper; python_version < "3.12"', 'arm-helper; platform_machine == "aarch64"', 'posix; os_name == "posix"'],
    )
    for name in ("old-helper", "arm-helper", "posix"):
        make_wheel(tmp_path, name)
    root = Requirement("app")
    assert set(plan(_wheels(tmp_path), [root], LINUX_311)) == {"app", "old-helper", "posix"}
    assert set(plan(_wheels(tmp_path), [root], ARM_313)) == {"app", "arm-helper", "posix"}
    assert set(plan(_wheels(tmp_path), [root], WINDOWS_312)) == {"app"}


def test_a_wheel_for_another_platform_or_python_does_not_count(tmp_path):
    make_wheel(tmp_path, "app", requires=["speedups"])
    make_wheel(tmp_path, "speedups", tag="cp312-cp312-win_amd64")
    make_wheel(tmp_path, "speedups", tag="cp311-cp311-manylinux_2_28_x86_64")  # newer glibc than manylinux2014
    root = Requirement("app")
    assert plan(_wheels(tmp_path), [root], WINDOWS_312)["speedups"].path.name.endswith("win_amd64.whl")
    for target in (LINUX_311, ARM_313, Target(PLATFORMS["win_amd64"], "3.11")):
        with pytest.raises(Unmet):
            plan(_wheels(tmp_path), [root], target)
    make_wheel(tmp_path, "speedups", tag="cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64")
    assert "speedups" in plan(_wheels(tmp_path), [root], LINUX_311)


def test_abi3_and_older_manylinux_wheels_fit(tmp_path):
    make_wheel(tmp_path, "app", requires=["stable"])
    make_wheel(tmp_path, "stable", tag="cp38-abi3-manylinux1_x86_64")
    assert "stable" in plan(_wheels(tmp_path), [Requirement("app")], LINUX_311)


def test_requires_python_is_the_targets(tmp_path):
    make_wheel(tmp_path, "app", requires=["lib"])
    make_wheel(tmp_path, "lib", "2.0", python=">=3.12")
    make_wheel(tmp_path, "lib", "1.0", python=">=3.8")
    root = Requirement("app")
    assert str(plan(_wheels(tmp_path), [root], LINUX_311)["lib"].version) == "1.0"
    assert str(plan(_wheels(tmp_path), [root], WINDOWS_312)["lib"].version) == "2.0"


def test_the_newest_wheel_that_meets_the_specifier_is_taken_and_a_conflict_is_unmet(tmp_path):
    make_wheel(tmp_path, "app", requires=["lib<2", "other"])
    make_wheel(tmp_path, "other", requires=["lib>=1.5"])
    for version in ("1.0", "1.4", "2.0"):
        make_wheel(tmp_path, "lib", version)
    with pytest.raises(Unmet) as unmet:
        plan(_wheels(tmp_path), [Requirement("app")], LINUX_311)
    assert unmet.value.chosen is not None and str(unmet.value.chosen.version) == "1.4"
    assert str(unmet.value.requirement) == "lib>=1.5"
    make_wheel(tmp_path, "lib", "1.6")
    assert str(plan(_wheels(tmp_path), [Requirement("app")], LINUX_311)["lib"].version) == "1.6"


def test_extras_bring_their_own_requirements_and_only_when_asked(tmp_path):
    make_wheel(tmp_path, "app", requires=["lib[fast]", "plain"])
    make_wheel(tmp_path, "plain", requires=['ipywidgets; extra == "jupyter"'])
    make_wheel(tmp_path, "lib", requires=['accel; extra == "fast"'])
    make_wheel(tmp_path, "accel")
    assert set(plan(_wheels(tmp_path), [Requirement("app")], LINUX_311)) == {"app", "plain", "lib", "accel"}


def test_names_are_compared_canonically(tmp_path):
    make_wheel(tmp_path, "app", requires=["Markdown_It.Py>=2"])
    make_wheel(tmp_path, "markdown-it-py", "4.0")
    assert "markdown-it-py" in plan(_wheels(tmp_path), [Requirement("App")], LINUX_311)


def test_a_requirement_goes_to_pips_command_line_without_its_marker():
    assert without_marker(Requirement('colorama>=0.4; platform_system == "Windows"')) == "colorama>=0.4"
    assert without_marker(Requirement("lib[b,a]<2,>=1")) in ("lib[a,b]<2,>=1", "lib[a,b]>=1,<2")


def test_a_broken_wheel_is_named(tmp_path):
    bad = tmp_path / "app-1.0-py3-none-any.whl"
    bad.write_bytes(b"not a zip")
    with pytest.raises(NotAWheel, match="app-1.0"):
        read_wheel(bad)
    odd = tmp_path / "not-a-wheel-name.whl"
    odd.write_bytes(b"")
    with pytest.raises(NotAWheel):
        read_wheel(odd)


def test_the_targets_tags():
    windows = WINDOWS_312.wheel_tags()
    assert {"cp312-cp312-win_amd64", "cp312-abi3-win_amd64", "cp38-abi3-win_amd64", "py3-none-any"} <= windows
    assert not {"cp311-cp311-win_amd64", "cp312-cp312-win32", "cp312-cp312-manylinux2014_x86_64"} & windows
    linux = LINUX_311.wheel_tags()
    assert {"cp311-cp311-manylinux_2_17_x86_64", "cp311-cp311-manylinux2014_x86_64", "cp311-cp311-manylinux1_x86_64"} <= linux
    assert not {"cp311-cp311-manylinux_2_28_x86_64", "cp311-cp311-musllinux_1_1_x86_64", "cp311-cp311-linux_x86_64"} & linux
    assert "cp313-cp313-manylinux_2_17_aarch64" in ARM_313.wheel_tags()
    assert not any("x86_64" in tag for tag in ARM_313.wheel_tags())
