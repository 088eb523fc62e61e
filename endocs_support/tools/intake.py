# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Intake data of a support request (regulation I3.3, I3.4; R-IN-2, R-IN-3,
R-IN-4): the fields, their validation and the parsing of labelled e-mail lines.
Pure Python, no ORM; error codes here, translated messages in the Odoo layer."""

import re
from collections import namedtuple

from lxml import etree, html

__all__ = [
    "FIELDS",
    "REQUIRED",
    "html_to_text",
    "missing_fields",
    "normalize_phone",
    "parse_labelled",
    "split_invalid",
    "title",
    "validate",
]

#: key, maximum length, multi-line, labels (lower case, Russian and English),
#: and the Russian title used when asking the customer for it
Field = namedtuple("Field", "key max_length multiline labels title")

FIELDS = [
    Field(
        "org_name",
        200,
        False,
        (
            "наименование организации",
            "название организации",
            "организация",
            "компания",
            "organisation name",
            "organization name",
            "organisation",
            "organization",
            "company name",
            "company",
        ),
        "Наименование организации",
    ),
    Field(
        "client_ref",
        32,
        False,
        (
            "ид клиента",
            "id клиента",
            "идентификатор клиента",
            "код клиента",
            "client id",
            "customer id",
            "client ref",
        ),
        "ИД клиента",
    ),
    Field(
        "contact_name",
        200,
        False,
        (
            "контактное лицо",
            "контакт",
            "фио",
            "contact person",
            "contact name",
            "contact",
        ),
        "Контактное лицо",
    ),
    Field(
        "contact_phone",
        32,
        False,
        (
            "номер телефона",
            "контактный телефон",
            "телефон",
            "тел.",
            "тел",
            "contact phone",
            "phone number",
            "phone",
            "telephone",
            "mobile",
        ),
        "Телефон контактного лица",
    ),
    Field(
        "login_email",
        254,
        False,
        (
            "e-mail для входа в endocs",
            "email для входа в endocs",
            "e-mail для входа",
            "email для входа",
            "адрес электронной почты для входа",
            "логин в endocs",
            "логин",
            "login e-mail",
            "login email",
            "endocs login",
            "login",
            "e-mail",
            "email",
        ),
        "E-mail для входа в EnDocs",
    ),
    Field(
        "scope",
        64,
        False,
        ("массовость", "масштаб проблемы", "масштаб", "scope", "affected users"),
        "Массовость проблемы",
    ),
    Field(
        "expected_priority",
        32,
        False,
        (
            "предполагаемый приоритет",
            "приоритет",
            "expected priority",
            "priority",
        ),
        "Предполагаемый приоритет",
    ),
    Field(
        "description",
        20000,
        True,
        (
            "описание проблемы",
            "описание",
            "проблема",
            "вопрос",
            "problem description",
            "description",
            "problem",
            "issue",
        ),
        "Описание проблемы",
    ),
    Field(
        "steps",
        20000,
        True,
        (
            "шаги воспроизведения",
            "действия, которые привели к проблеме",
            "действия заказчика",
            "шаги",
            "steps to reproduce",
            "steps",
        ),
        "Действия, которые привели к проблеме",
    ),
    Field(
        "actions_taken",
        20000,
        True,
        (
            "предпринятые действия",
            "что уже сделано",
            "actions taken",
            "what we tried",
        ),
        "Предпринятые действия",
    ),
    Field(
        "other_info",
        20000,
        True,
        (
            "иная информация",
            "дополнительная информация",
            "дополнительно",
            "other information",
            "other info",
        ),
        "Иная информация",
    ),
]
# The titles the registration notice asks with are labels too.
FIELDS = [
    field._replace(labels=(field.title.lower(), *field.labels))
    if field.title.lower() not in field.labels
    else field
    for field in FIELDS
]
FIELDS_BY_KEY = {field.key: field for field in FIELDS}
#: I3.3: what every request needs
REQUIRED = (
    "org_name",
    "client_ref",
    "contact_name",
    "contact_phone",
    "login_email",
    "description",
)
MIN_DESCRIPTION = 10

SCOPES = {
    "one": ("один пользователь", "один", "одного", "one user", "one", "single"),
    "several": ("несколько пользователей", "несколько", "several", "some"),
    "all": ("все пользователи", "все", "всех", "all users", "all", "everyone"),
}
PRIORITIES = {
    "0": ("низкий", "low"),
    "1": ("средний", "обычный", "medium", "normal"),
    "2": ("высокий", "high"),
    "3": ("критический", "срочный", "очень высокий", "critical", "urgent"),
}

_EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$"
)
_CLIENT_REF = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{2,31}$")
_PHONE_CHARS = re.compile(r"[\s().\-]")
# Reply and forward separators, quoted text and signatures end the parsed part
# (checked after the labels, so a labelled line ending in "пишет:" is a field):
# the quote headers of Outlook, Gmail, Thunderbird, Apple Mail, KMail, Yandex,
# Mail.ru and The Bat! in Russian and English, forwarded blocks, the signature
# separator and the usual sign-offs.
_STOP = re.compile(
    r"^\s*(>"
    r"|-{2,}\s*(original message|исходное сообщение|forwarded message|"
    r"пересылаемое сообщение|перенаправленное сообщение|"
    r"переадресованное сообщение)"
    r"|-{3,}\s*(forwarded|пересылаемое|перенаправленное)\b"
    r"|_{10,}$"
    r"|-- ?$"
    r"|(begin forwarded message|начало переадресованного сообщения|"
    r"начало пересылаемого сообщения)\s*:"
    r"|on .+ wrote:$|.+ wrote:$|wrote:$"
    r"|.+ пишет:$|пишет:$"
    r"|.+ написал(\(а\)|а)?:$|написал(\(а\)|а)?:$"
    r"|в сообщении от .+"
    r"|вы писали .*:$|you wrote .*:$"
    r"|.*\d{1,2}:\d{2}.*(от|from)\s.+@.+>?:$"
    r"|.*\d{1,2}:\d{2}.*,\s*.*<[^>]+@[^>]+>:$"
    r"|\**(from|от|отправлено|sent|отправитель)\**\s*:\**\s.*@"
    r"|\**(отправлено|sent)\**\s*:\**\s.*\d{1,2}:\d{2}"
    r"|(с уважением|с наилучшими пожеланиями|best regards|kind regards|"
    r"regards|sincerely|warm regards)\b.{0,60}$"
    r"|(sent from my|отправлено с (моего )?(iphone|ipad|android)|"
    r"отправлено из (мобильной )?(яндекс|почты mail\.ru|mail\.ru))"
    r")",
    re.IGNORECASE,
)
_LONE_ATTRIBUTION = re.compile(
    r"^\s*(wrote|пишет|написал(\(а\)|а)?)\s*:$", re.IGNORECASE
)
# Outlook's quote header: «От: Name» (no address) with «Отправлено: …» below
_OUTLOOK_FROM = re.compile(r"^\s*\**(from|от)\**\s*:\**\s+\S", re.IGNORECASE)
_OUTLOOK_SENT = re.compile(
    r"^\s*\**(sent|отправлено|date|дата)\**\s*:\**\s.*\d", re.IGNORECASE
)
_EXTENSION = re.compile(r"\s*(доб\.?|добавочный|ext\.?|extension|#|x)\s*\d+\s*$", re.I)
# HTML: blocks that end a line, and the parts that are not the sender's text
# (Odoo's quote marks, Gmail/Outlook/Thunderbird quotes and signatures).
_BLOCKS = {
    "address",
    "article",
    "blockquote",
    "dd",
    "div",
    "dl",
    "dt",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tr",
    "ul",
}
_DROP = (
    "//*[@data-o-mail-quote or @data-o-mail-quote-node]"
    " | //blockquote"
    " | //*[contains(concat(' ', normalize-space(@class), ' '), ' gmail_quote ')]"
    " | //*[contains(concat(' ', normalize-space(@class), ' '), ' gmail_signature ')]"
    " | //*[contains(concat(' ', normalize-space(@class), ' '), ' moz-signature ')]"
    " | //*[contains(concat(' ', normalize-space(@class), ' '), ' moz-cite-prefix ')]"
    " | //*[@id='divRplyFwdMsg' or @id='appendonsend' or @id='Signature']"
    " | //style | //script | //head | //title"
)
_BULLET = r"[\s*\-•·]*"
_SOFT_WRAP = re.compile(r"[ \t]*[\r\n]+[ \t]*")
_SOFT = "\x0b"  # a wrap of the HTML source, within html_to_text
#: labels a signature or an advertisement has too («Mobile:», «Email:»): a new
#: message whose only labels are these is not labelled intake data
WEAK_LABELS = frozenset(
    (
        "e-mail",
        "email",
        "mobile",
        "phone",
        "telephone",
        "тел",
        "тел.",
        "телефон",
        "company",
        "компания",
        "contact",
        "контакт",
    )
)
_SEPARATOR = r"\s*[:：=—–]\s*"


def _label_pattern():
    labels = sorted(
        ((label, field.key) for field in FIELDS for label in field.labels),
        key=lambda pair: -len(pair[0]),
    )
    alternatives = "|".join(re.escape(label) for label, _key in labels)
    return (
        re.compile(
            rf"^{_BULLET}\**({alternatives})\**{_SEPARATOR}\**\s*(.*)$",
            re.IGNORECASE,
        ),
        {label: key for label, key in labels},
    )


_LABEL, _LABEL_KEYS = _label_pattern()


def html_to_text(markup):
    """The sender's own text of an HTML body, one line per block (``<div>``,
    ``<p>``, ``<li>``, ``<br>``, …), links as their text, without quoted
    replies, signatures marked as such, styles and images."""
    if not markup or not markup.strip():
        return ""
    try:
        root = html.fromstring(markup)
    except (etree.ParserError, ValueError):
        return markup
    for node in root.xpath(_DROP):
        if node.getparent() is not None:
            node.drop_tree()
    parts = []

    def flow(value, pre):
        # HTML text wraps where the sender's program wrapped its source
        # (Word at 76 characters): a line break there is a space, unless a
        # label follows (see _join_soft_lines)
        return value if pre else _SOFT_WRAP.sub(_SOFT, value)

    def walk(node, pre=False):
        tag = node.tag if isinstance(node.tag, str) else ""
        tag = tag.lower()
        pre = pre or tag in ("pre", "textarea")
        if tag == "br":
            parts.append("\n")
        elif tag in _BLOCKS:
            parts.append("\n")
        if tag not in ("img",) and node.text and isinstance(node.tag, str):
            parts.append(flow(node.text, pre))
        for child in node:
            walk(child, pre)
        if tag in _BLOCKS:
            parts.append("\n")
        if node.tail:
            parts.append(flow(node.tail, pre and tag != "pre"))

    walk(root)
    text = "".join(parts).replace("\xa0", " ")
    lines = [
        re.sub(r"[ \t]+", " ", line).strip()
        for hard in text.split("\n")
        for line in _join_soft_lines(hard)
    ]
    return re.sub(r"\n{2,}", "\n", "\n".join(lines)).strip()


def _join_soft_lines(line):
    """The lines of a block whose source was wrapped (``_SOFT`` marks the
    wraps): joined with spaces, except before a label or a stop (labels typed
    one per source line without ``<br>``)."""
    if _SOFT not in line:
        return [line]
    lines = []
    for segment in line.split(_SOFT):
        bare = segment.strip()
        if lines and not (_LABEL.match(bare) or _STOP.match(bare)):
            lines[-1] = f"{lines[-1]} {segment}"
        else:
            lines.append(segment)
    return lines


def parse_labelled(text, strict=False):
    """Fields from labelled lines (``Организация: …``, ``Client ID: …``), in any
    order, Russian or English labels. A multi-line field runs until the next
    label, a quote header, a forwarded block, the signature («-- », «С
    уважением»); nothing after those is read. Returns ``{key: value}`` with the
    keys of :data:`FIELDS` that were found (first occurrence wins).

    :param strict: a new message: labels that signatures and advertisements
        have too (:data:`WEAK_LABELS`) count only beside another label
    """
    found, current, labels = {}, None, set()
    lines = (text or "").replace("\r\n", "\n").split("\n")
    for index, raw in enumerate(lines):
        line = raw.rstrip()
        match = _LABEL.match(line)
        if not match and _STOP.match(line):
            if current is not None and _LONE_ATTRIBUTION.match(line):
                # «wrote:» wrapped onto a line of its own: the line before
                # is the attribution, not the value
                found[current] = found[current].rpartition("\n")[0]
            break
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if _OUTLOOK_FROM.match(line) and _OUTLOOK_SENT.match(following):
            break
        if match:
            label = match.group(1).lower()
            key = _LABEL_KEYS[label]
            value = match.group(2).strip()
            if key in found:
                current = None
                continue
            found[key] = value
            labels.add(label)
            current = key if FIELDS_BY_KEY[key].multiline else None
        elif current is not None:
            found[current] = (found[current] + "\n" + line).strip("\n")
    if strict and labels and labels <= WEAK_LABELS:
        return {}
    return {key: value.strip() for key, value in found.items() if value.strip()}


def split_invalid(parsed):
    """Labelled values that are not valid (a bad e-mail under «Email:», a phone
    of four digits) are not the field: they are left out, and returned as the
    lines to keep in the description.

    :return: ``(valid, lines)``
    """
    _clean, errors = validate(parsed, required=())
    valid, lines = {}, []
    for key, value in parsed.items():
        field = FIELDS_BY_KEY[key]
        if key in errors and not field.multiline:
            lines.append(f"{field.title}: {value}")
        else:
            valid[key] = value
    return valid, lines


def normalize_phone(value):
    """``+7 (495) 123-45-67`` → ``+74951234567``; Russian ``8…`` numbers get
    ``+7``; an extension (``доб. 123``, ``ext. 5``) is left out. Returns None when
    it is not a phone number (10 to 15 digits)."""
    digits = _PHONE_CHARS.sub("", _EXTENSION.sub("", value or ""))
    if digits.startswith("8") and len(digits) == 11:
        digits = "+7" + digits[1:]
    if not digits.startswith("+"):
        digits = "+" + digits if len(digits) > 10 else "+7" + digits
    return digits if re.fullmatch(r"\+\d{10,15}", digits) else None


def _choice(value, table):
    text = (value or "").strip().lower()
    for key, words in table.items():
        if text == key or any(text.startswith(word) for word in words):
            return key
    return None


def validate(data, required=REQUIRED):
    """Check and normalise intake data.

    :return: ``(clean, errors)``: ``clean`` has the normalised values that are
        valid; ``errors`` maps a key to a code: ``required``, ``too_long``,
        ``phone``, ``email``, ``client_ref``, ``too_short``, ``scope``,
        ``priority``, ``type``.
    """
    clean, errors = {}, {}
    for field in FIELDS:
        value = data.get(field.key)
        if value is not None and not isinstance(value, str):
            errors[field.key] = "type"
            continue
        value = (value or "").strip()
        if not value:
            if field.key in required:
                errors[field.key] = "required"
            continue
        if len(value) > field.max_length:
            errors[field.key] = "too_long"
            continue
        error, value = _check(field.key, value)
        if error:
            errors[field.key] = error
        else:
            clean[field.key] = value
    return clean, errors


def _check(key, value):
    if key == "contact_phone":
        phone = normalize_phone(value)
        return (None, phone) if phone else ("phone", value)
    if key == "login_email":
        return (None, value.lower()) if _EMAIL.match(value) else ("email", value)
    if key == "client_ref":
        value = value.upper()
        return (None, value) if _CLIENT_REF.match(value) else ("client_ref", value)
    if key == "description" and len(value) < MIN_DESCRIPTION:
        return "too_short", value
    if key == "scope":
        scope = _choice(value, SCOPES)
        return (None, scope) if scope else ("scope", value)
    if key == "expected_priority":
        priority = _choice(value, PRIORITIES)
        return (None, priority) if priority else ("priority", value)
    return None, value


def title(key):
    """The Russian title of a field, to ask the customer for it."""
    return FIELDS_BY_KEY[key].title


def missing_fields(data, required=REQUIRED):
    """The required keys that ``data`` lacks or has invalid, in form order. A
    long text (a description with its log) is there, not missing."""
    _clean, errors = validate(data, required)
    return [
        key
        for key in required
        if key in errors
        and not (errors[key] == "too_long" and FIELDS_BY_KEY[key].multiline)
    ]
