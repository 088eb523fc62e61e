# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


def post_init_hook(env):
    """Load the Russian production calendar (every year the ``holidays``
    library knows) into the support calendar on install (R-TIME-2)."""
    calendar = env.ref(
        "endocs_support.resource_calendar_support_msk", raise_if_not_found=False
    )
    if calendar:
        calendar._endocs_sync_production_calendar()
