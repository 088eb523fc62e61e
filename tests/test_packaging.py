# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""R-UX-1 (OCA packaging): `pip wheel` builds both addons as the OCA publishes
`odoo-addon-*` wheels (whool), with their dependencies and every data file."""

import ast
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXPECTED_REQUIRES = {
    "endocs_support": {
        "odoo-addon-helpdesk_mgmt==18.0.*",
        "holidays",
        "python-dateutil",
    },
    "endocs_support_billing": {
        "odoo-addon-endocs_support==18.0.*",
        "odoo-addon-helpdesk_mgmt_timesheet==18.0.*",
        "xlsxwriter",
    },
}


@pytest.fixture(scope="module")
def wheels(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheels")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "-w",
            str(out),
            *(str(ROOT / addon) for addon in EXPECTED_REQUIRES),
        ],
        check=True,
    )
    return {
        addon: next(out.glob(f"odoo_addon_{addon}-18.0.*.whl"))
        for addon in EXPECTED_REQUIRES
    }


@pytest.mark.parametrize("addon", sorted(EXPECTED_REQUIRES))
def test_wheel_builds_with_dependencies_and_data(wheels, addon):
    manifest = ast.literal_eval((ROOT / addon / "__manifest__.py").read_text())
    with zipfile.ZipFile(wheels[addon]) as wheel:
        names = set(wheel.namelist())
        metadata = wheel.read(
            next(n for n in names if n.endswith(".dist-info/METADATA"))
        ).decode()
    requires = {
        line.split(":", 1)[1].strip()
        for line in metadata.splitlines()
        if line.startswith("Requires-Dist:")
    }
    assert EXPECTED_REQUIRES[addon] | {"odoo==18.0.*"} <= requires
    assert f"Version: {manifest['version']}" in metadata
    prefix = f"odoo/addons/{addon}/"
    for data_file in manifest.get("data", []) + manifest.get("demo", []):
        assert prefix + data_file in names, data_file
    assert prefix + "i18n/ru.po" in names
    assert prefix + "static/description/icon.png" in names
