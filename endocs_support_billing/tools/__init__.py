# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pure-Python rules of paid support (no ORM): the models import them."""
