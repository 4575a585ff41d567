import os
from pathlib import Path

import pytest

# Rendering must not depend on the terminal the tests happen to run in.
os.environ["COLUMNS"] = "120"
os.environ["NO_COLOR"] = "1"
os.environ.pop("FORCE_COLOR", None)
os.environ.pop("ZGRONGCUO_DEBUG", None)

ROOT = Path(__file__).resolve().parent.parent
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


# A small default keeps the suite quick; CI runs the thorough profile
# (HYPOTHESIS_PROFILE=ci, set by .ci/run).
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("default", max_examples=60, deadline=None)
settings.register_profile("ci", max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# The suite never writes the user's cache; tests of the cache set their own folder.
os.environ["ZGRONGCUO_NO_CACHE"] = "1"
