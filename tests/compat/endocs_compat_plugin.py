# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""pytest plugin of the compatibility suite (scripts/compat.sh): the peer
addons' own tests, as Odoo's runner would select them, against our lists.

- A test class counts for the module that defines it: a class a test file only
  imports (helpdesk_mgmt's test_js imports web's WebSuite) belongs to the other
  module, as Odoo's runner's module tags have it.
- ``intended_changes.txt``: peer tests that fail because our addons change the
  behaviour on purpose; each names the test of ours that proves the intended
  behaviour. ``platform_failures.txt``: tests that fail without our addons too
  (measured on a database without them: ``make compat ARGS=plain``).
  Listed tests are strict xfails: one that starts passing fails the suite, so
  the lists cannot go stale. ``platform_flaky.txt``: tests that pass or fail
  from run to run without our addons too (measured repeatedly the same way),
  non-strict xfails: neither outcome fails the suite. With
  ENDOCS_COMPAT_PLAIN=1 (the measurement without our addons) only the platform
  lists apply.
"""

import os
from pathlib import Path

import pytest

HERE = Path(__file__).parent
#: pytest node id -> our test id (``addon/tests/file.py::Class::test``)
TEST_IDS = {}


def read_list(name):
    """``{test id: reason}`` of a list: one test per line, ``id | reason``
    (``| backed by`` for intended changes); ``#`` starts a comment."""
    entries = {}
    for raw in (HERE / name).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = [part.strip() for part in line.split("|")]
        entries[parts[0]] = " — ".join(parts[1:])
    return entries


def test_id(item):
    """``addon/tests/file.py::Class::test`` of a collected item."""
    path = Path(str(item.fspath))
    addon = path.parents[1].name if path.parent.name == "tests" else path.parent.name
    rest = item.nodeid.split("::", 1)[1]
    return f"{addon}/tests/{path.name}::{rest}"


def pytest_collection_modifyitems(session, config, items):
    # list: (kind, strict); the flaky ones pass or fail from run to run
    # without our addons too, so neither outcome says anything about ours
    lists = {
        "platform_failures.txt": ("platform", True),
        "platform_flaky.txt": ("flaky", False),
    }
    if not os.environ.get("ENDOCS_COMPAT_PLAIN"):
        lists["intended_changes.txt"] = ("intended", True)
    expected = {}
    for name, (kind, strict) in lists.items():
        for key, reason in read_list(name).items():
            expected[key] = (f"{kind}: {reason}", strict)
    kept, deselected = [], []
    for item in items:
        TEST_IDS[item.nodeid] = test_id(item)
        cls = getattr(item, "cls", None)
        module = getattr(item, "module", None)
        if cls is not None and module is not None and cls.__module__ != module.__name__:
            deselected.append(item)
            continue
        reason, strict = expected.get(test_id(item), (None, True))
        if reason:
            item.add_marker(pytest.mark.xfail(reason=reason, strict=strict))
        kept.append(item)
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = kept


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """The full test ids of what went against the lists (unexpected failures,
    listed tests that pass now), to copy into a list or fix."""
    lines = []
    for key, label in (("failed", "FAILED"), ("error", "ERROR")):
        for report in terminalreporter.stats.get(key, []):
            if getattr(report, "wasxfail", None) is not None:
                label = "NOW PASSING (remove it from the list)"
            lines.append(f"{label}: {_report_id(report)}")
    if lines:
        terminalreporter.section("compatibility suite: against the lists")
        for line in lines:
            terminalreporter.write_line(line)


def _report_id(report):
    return TEST_IDS.get(report.nodeid, report.nodeid)
