import os
from pathlib import Path

import pytest

# Rendering must not depend on the terminal the tests happen to run in.
os.environ["COLUMNS"] = "120"
os.environ["NO_COLOR"] = "1"
os.environ.pop("FORCE_COLOR", None)
os.environ.pop("ZGRONGCUO_DEBUG", None)

ROOT = Path(__file__).resolve().parent.parent
# For a process whose own imports a test inspects: coverage, following the tests into their subprocesses,
# would start there too and import modules of its own (pathlib among them).
UNMEASURED = {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE_PROCESS_")}
EXAMPLES = ROOT / "examples"
ARTICLE_CASE = EXAMPLES / "zigui-2014-57-insurance.yaml"


@pytest.fixture(scope="session")
def criteria():
    from zgrongcuo.io import criteria_builder

    return criteria_builder.load()


@pytest.fixture
def write(tmp_path):
    """Write text (or bytes) to a file in a temporary folder and return its path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


# Hypothesis, deliberately (docs/development.md, "Property tests"):
# - default: a developer's run — few examples, new ones each run, failures kept in .hypothesis/ and replayed;
# - ci: every push — ten times the examples, derandomised (a fixed seed): the same examples each time, so a red
#   build is the code's doing and reproduces on any machine; chosen when CI is set, as .ci/run sets it;
# - nightly: a hundred times the examples, random, printing the blob that replays any failure.
from hypothesis import HealthCheck, settings  # noqa: E402

_SLOW = [HealthCheck.too_slow]
settings.register_profile("default", max_examples=60, deadline=None)
settings.register_profile(
    "ci", max_examples=600, deadline=None, derandomize=True, database=None, print_blob=True, suppress_health_check=_SLOW
)
settings.register_profile("nightly", max_examples=6000, deadline=None, database=None, print_blob=True, suppress_health_check=_SLOW)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "default")
settings.load_profile(PROFILE)


def pytest_collection_modifyitems(config, items):
    """A property test's time limit grows with its profile's examples; every other test keeps the default."""
    scale = settings.get_profile(PROFILE).max_examples / settings.get_profile("default").max_examples
    limit = config.getini("timeout")
    if scale <= 1 or not limit:
        return
    for item in items:
        if getattr(getattr(item, "obj", None), "is_hypothesis_test", False) and item.get_closest_marker("timeout") is None:
            item.add_marker(pytest.mark.timeout(float(limit) * scale))

# The suite never writes the user's cache; tests of the cache set their own folder.
os.environ["ZGRONGCUO_NO_CACHE"] = "1"
