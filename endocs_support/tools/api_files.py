# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Files sent with a request or a reply through the API (I3.4: screenshots and
log files): decoding of base64 and the limits on count, size and type. Pure
Python, no ORM; error codes here, translated messages in the Odoo layer."""

import base64
import binascii
from collections import namedtuple

__all__ = [
    "DEFAULT_LIMITS",
    "Limits",
    "check_files",
    "decode_base64_files",
    "parse_extensions",
]

#: what the regulation asks for (screenshots, logs) and what usually comes with
#: them (documents, archives of logs, exported data)
DEFAULT_EXTENSIONS = (
    "png jpg jpeg gif bmp webp tif tiff "
    "txt log csv json xml "
    "pdf doc docx xls xlsx odt ods rtf "
    "zip 7z gz tgz rar har"
)

Limits = namedtuple("Limits", "max_count max_size extensions")
DEFAULT_LIMITS = Limits(
    max_count=10,
    max_size=10 * 1024 * 1024,
    extensions=frozenset(DEFAULT_EXTENSIONS.split()),
)

#: a file name longer than this is refused (file systems keep 255 bytes)
MAX_NAME = 200


def parse_extensions(text):
    """The set of extensions in a comma or space separated ``text``
    (``".png, jpg"`` -> ``{"png", "jpg"}``)."""
    items = (text or "").replace(",", " ").split()
    return frozenset(item.lstrip(".").lower() for item in items if item.strip("."))


def extension(name):
    """The lower-case extension of ``name``, without the dot ('' for none)."""
    base = name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    return base.rsplit(".", 1)[-1].lower() if "." in base.strip(".") else ""


def decode_base64_files(items):
    """Files given in JSON as ``[{"name": ..., "content_base64": ...}]``.

    :return: ``(files, errors)``: files as ``[(index, name, bytes)]``, errors as
        ``{index or None: code}`` (None for the list itself)
    """
    if items is None:
        return [], {}
    if not isinstance(items, list):
        return [], {None: "type"}
    files, errors = [], {}
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            errors[index] = "type"
            continue
        name, content = item.get("name"), item.get("content_base64")
        if not isinstance(name, str) or not name.strip():
            errors[index] = "name"
            continue
        if not isinstance(content, str):
            errors[index] = "base64"
            continue
        try:
            data = base64.b64decode(content, validate=True)
        except (binascii.Error, ValueError):
            errors[index] = "base64"
            continue
        files.append((index, name.strip(), data))
    return files, errors


def check_files(files, limits=DEFAULT_LIMITS, count=None):
    """The limits on ``[(index, name, bytes)]`` (``count``: how many were sent,
    those that could not be read included).

    :return: ``{index or None: code}``; codes ``too_many`` (None: the list),
        ``name``, ``empty``, ``too_large``, ``type``
    """
    errors = {}
    if (len(files) if count is None else count) > limits.max_count:
        errors[None] = "too_many"
    for index, name, data in files:
        if not name or len(name) > MAX_NAME:
            errors[index] = "name"
        elif extension(name) not in limits.extensions:
            errors[index] = "file_type"
        elif not data:
            errors[index] = "empty"
        elif len(data) > limits.max_size:
            errors[index] = "too_large"
    return errors
