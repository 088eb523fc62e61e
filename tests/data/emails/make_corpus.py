#!/usr/bin/env python3
# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Generate the corpus of incoming support e-mails (``NN-name.eml``) and
``expected.json`` in this folder.

Standard library only, deterministic: fixed dates, Message-Ids
``<corpus-NN@mail.example>``, MIME boundaries and Content-Ids, attachments
built from fixed bytes. Run ``python3 make_corpus.py``; check the expectations
against the pure parser with ``python3 check_corpus.py``.

Fixtures the expectations assume (created by the Odoo test):

- «ООО Ромашка», client ID ED-1001, contact Мария Иванова
  <m.ivanova@romashka.ru> (active subscription);
- «АО Вектор», client ID ED-2002, contact Пётр Сидоров <p.sidorov@vector.ru>;
- every other sender address is unknown; the helpdesk alias is
  support@endocs.ru.

``expected.json`` (a list, in file order), per message: ``file``,
``description``, ``creates_request``, ``reply_to`` (for a reply: the file of the
request it lands on), ``complete`` and ``missing`` (the intake state after this
message; for a reply: of the original request), ``sender_state`` (null when no
request is created), ``fields`` (a few values the request must hold, normalised
as ``intake.validate`` does; ``null`` = that key must not be filled; a
``description`` is compared after ``intake.html_to_text``), ``attachments``
(files on the request; Odoo stores an inline image as an attachment too) and, for
a few messages, ``regression``: what the parsing once got wrong on it.
"""

import base64
import binascii
import io
import json
import struct
import zipfile
import zlib
from datetime import datetime, timedelta, timezone
from email import charset as email_charset
from email.message import Message
from email.mime.application import MIMEApplication
from email.mime.base import MIMEBase
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.policy import compat32
from email.utils import format_datetime, formataddr
from pathlib import Path

HERE = Path(__file__).resolve().parent
SUPPORT = "support@endocs.ru"
SUPPORT_ADDR = formataddr(("Служба поддержки EnDocs", SUPPORT), charset="utf-8")
MSK = timezone(timedelta(hours=3))
BASE_DATE = datetime(2025, 3, 3, 9, 0, tzinfo=MSK)  # Monday

MARIA = ("Мария Иванова", "m.ivanova@romashka.ru")
PETR = ("Пётр Сидоров", "p.sidorov@vector.ru")

CORPUS = []  # (filename, message, expected)


# ----------------------------------------------------------------------
# Building blocks
# ----------------------------------------------------------------------


def _charset(name, cte):
    """An email.charset.Charset with the body transfer encoding we want."""
    cs = email_charset.Charset(name)
    cs.body_encoding = {
        "qp": email_charset.QP,
        "b64": email_charset.BASE64,
        "8bit": None,
        "7bit": None,
    }[cte]
    cs.header_encoding = email_charset.BASE64
    return cs


def text(body, subtype="plain", charset="utf-8", cte="qp", **params):
    """A text/* part, ``cte`` one of qp, b64, 8bit, 7bit."""
    part = MIMEText(body, subtype, _charset(charset, cte))
    del part["MIME-Version"]
    for key, value in params.items():
        part.set_param(key, value)
    return part


def multipart(subtype, nn, index, parts, **params):
    msg = MIMEMultipart(
        subtype, boundary=f"----=_Part_corpus{nn:02d}_{index}", **params
    )
    del msg["MIME-Version"]
    for part in parts:
        msg.attach(part)
    return msg


def attachment(data, maintype, subtype, filename, inline_cid=None, **params):
    if maintype == "image":
        part = MIMEImage(data, subtype, **params)
    elif maintype == "application":
        part = MIMEApplication(data, subtype, **params)
    else:
        part = MIMEBase(maintype, subtype, **params)
        part.set_payload(base64.encodebytes(data).decode("ascii"))
        part["Content-Transfer-Encoding"] = "base64"
    del part["MIME-Version"]
    part.set_param("name", filename)
    if inline_cid:
        part["Content-Disposition"] = f'inline; filename="{filename}"'
        part["Content-ID"] = f"<{inline_cid}>"
    else:
        part["Content-Disposition"] = f'attachment; filename="{filename}"'
    return part


def text_attachment(body, filename, subtype="plain", charset="utf-8", cte="b64"):
    part = text(body, subtype, charset, cte)
    part.set_param("name", filename)
    part["Content-Disposition"] = f'attachment; filename="{filename}"'
    return part


def _word(value, charset):
    payload = base64.b64encode(value.encode(charset)).decode("ascii")
    return f"=?{charset}?B?{payload}?="


def encoded_word(value, charset):
    """``=?charset?B?...?=`` words of at most 75 characters, folded."""
    words, chunk = [], ""
    for char in value:
        if chunk and len(_word(chunk + char, charset)) > 75:
            words.append(chunk)
            chunk = char
        else:
            chunk += char
    words.append(chunk)
    return "\n ".join(_word(word, charset) for word in words)


def address(name, email, charset="utf-8"):
    if not name:
        return email
    try:
        name.encode("ascii")
        return formataddr((name, email))
    except UnicodeEncodeError:
        return f"{encoded_word(name, charset)} <{email}>"


def date_of(nn):
    return format_datetime(BASE_DATE + timedelta(minutes=11 * nn + (nn * 7) % 5))


def finish(
    nn,
    body,
    sender,
    subject,
    *,
    to=SUPPORT,
    cc=None,
    subject_charset="utf-8",
    from_charset="utf-8",
    in_reply_to=None,
    references=None,
    extra=(),
    trace=(),
):
    """Put the envelope headers on ``body`` (the root MIME part), in the order
    a receiving server would show them."""
    content_headers = [(k, v) for k, v in body.items()]
    for key in list(body.keys()):
        del body[key]
    for key, value in trace:
        body[key] = value
    body["Date"] = date_of(nn)
    body["From"] = (
        address(sender[0], sender[1], from_charset)
        if isinstance(sender, tuple)
        else sender
    )
    body["To"] = to
    if cc:
        body["Cc"] = cc
    try:
        subject.encode("ascii")
        body["Subject"] = subject
    except UnicodeEncodeError:
        body["Subject"] = encoded_word(subject, subject_charset)
    body["Message-ID"] = f"<corpus-{nn:02d}@mail.example>"
    if in_reply_to:
        body["In-Reply-To"] = in_reply_to
        body["References"] = references or in_reply_to
    for key, value in extra:
        body[key] = value
    body["MIME-Version"] = "1.0"
    for key, value in content_headers:
        if key.lower() != "mime-version":
            body[key] = value
    return body


def add(
    nn,
    name,
    msg,
    description,
    *,
    creates=True,
    reply_to=None,
    missing=(),
    sender_state=None,
    fields=None,
    attachments=0,
    known_issue=None,
    outcome=None,
    notice=None,
    quarantine=None,
    partner_name=None,
):
    """``outcome``: ``request`` (a new request), ``thread`` (on the request of
    ``reply_to``) or ``quarantine`` (with the ``quarantine`` reason); ``notice``:
    whether the sender is sent the registration notice; ``partner_name``: the
    name of the request's contact."""
    filename = f"{nn:02d}-{name}.eml"
    if outcome is None:
        outcome = "thread" if reply_to else "request" if creates else "quarantine"
    if notice is None:
        notice = outcome == "request"
    if outcome == "quarantine" and quarantine is None:
        quarantine = "machine"
    assert not any(entry[0] == filename for entry in CORPUS)
    assert len(CORPUS) + 1 == nn, (nn, name)
    expected = {
        "file": filename,
        "description": description,
        "creates_request": creates,
        "reply_to": reply_to,
        "complete": not missing if (creates or reply_to) else False,
        "missing": list(missing),
        "sender_state": sender_state if creates else None,
        "fields": fields or {},
        "attachments": attachments,
        "outcome": outcome,
        "notice": notice,
    }
    if quarantine:
        expected["quarantine"] = quarantine
    if partner_name:
        expected["partner_name"] = partner_name
    if known_issue:
        # the case that once failed, kept as the regression it guards against
        expected["regression"] = known_issue
    CORPUS.append((filename, msg, expected))
    return filename


def file_of(nn):
    return next(entry[0] for entry in CORPUS if entry[0].startswith(f"{nn:02d}-"))


def msgid(nn):
    return f"<corpus-{nn:02d}@mail.example>"


# ----------------------------------------------------------------------
# Binary attachments made from fixed bytes
# ----------------------------------------------------------------------


def png_screenshot(width=48, height=30):
    """A tiny RGB PNG: a grey 'window' with a title bar and a red error box."""
    rows = []
    for y in range(height):
        row = bytearray()
        for x in range(width):
            if y < 4:
                pixel = (0x2B, 0x57, 0x9A)  # title bar
            elif 10 <= y < 20 and 8 <= x < 40:
                pixel = (
                    (0xD9, 0x30, 0x25)
                    if y in (10, 19) or x in (8, 39)
                    else (0xFD, 0xEC, 0xEA)
                )
            else:
                pixel = (0xF3, 0xF3, 0xF3)
            row.extend(pixel)
        rows.append(b"\x00" + bytes(row))

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", binascii.crc32(kind + data) & 0xFFFFFFFF)
        )

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + chunk(b"IEND", b"")
    )


CLIENT_LOG = """\
2025-03-03 09:58:12,411 INFO  [endocs.web] user=m.ivanova@romashka.ru session=7f3c2a opened /outgoing
2025-03-03 09:58:14,090 INFO  [endocs.sign] sign request doc=OUT-2025-0312 provider=CryptoPro CSP 5.0
2025-03-03 09:58:14,902 ERROR [endocs.sign] CryptoProviderError: certificate chain is not trusted (0x800B010A)
2025-03-03 09:58:14,903 ERROR [endocs.sign]   at SignService.sign (sign-service.js:214)
2025-03-03 09:58:14,903 ERROR [endocs.sign]   at OutgoingDocument.onSign (outgoing.js:88)
2025-03-03 09:58:15,017 WARN  [endocs.web] sign button disabled after error, doc=OUT-2025-0312
"""


def zip_archive():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in (
            (
                "endocs-client.log",
                CLIENT_LOG.replace("m.ivanova@romashka.ru", "p.sidorov@vector.ru"),
            ),
            (
                "browser-console.txt",
                "Uncaught TypeError: Cannot read properties of null (reading 'signers')\n",
            ),
        ):
            info = zipfile.ZipInfo(name, date_time=(2025, 3, 3, 10, 15, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content.encode("utf-8"))
    return buffer.getvalue()


# ----------------------------------------------------------------------
# HTML skeletons of the usual clients
# ----------------------------------------------------------------------

OUTLOOK_HTML = """\
<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" \
xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" \
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<meta name="Generator" content="Microsoft Word 15 (filtered medium)">
<style><!--
/* Font Definitions */
@font-face
\t{{font-family:"Cambria Math";
\tpanose-1:2 4 5 3 5 4 6 3 2 4;}}
@font-face
\t{{font-family:Calibri;
\tpanose-1:2 15 5 2 2 2 4 3 2 4;}}
/* Style Definitions */
p.MsoNormal, li.MsoNormal, div.MsoNormal
\t{{margin:0cm;
\tfont-size:11.0pt;
\tfont-family:"Calibri",sans-serif;
\tmso-fareast-language:EN-US;}}
a:link, span.MsoHyperlink
\t{{mso-style-priority:99;
\tcolor:#0563C1;
\ttext-decoration:underline;}}
p.MsoListParagraph, li.MsoListParagraph, div.MsoListParagraph
\t{{mso-style-priority:34;
\tmargin-top:0cm;
\tmargin-right:0cm;
\tmargin-bottom:0cm;
\tmargin-left:36.0pt;
\tfont-size:11.0pt;
\tfont-family:"Calibri",sans-serif;}}
span.EmailStyle17
\t{{mso-style-type:personal-compose;
\tfont-family:"Calibri",sans-serif;
\tcolor:windowtext;}}
.MsoChpDefault
\t{{mso-style-type:export-only;
\tfont-family:"Calibri",sans-serif;
\tmso-fareast-language:EN-US;}}
@page WordSection1
\t{{size:612.0pt 792.0pt;
\tmargin:2.0cm 42.5pt 2.0cm 3.0cm;}}
div.WordSection1
\t{{page:WordSection1;}}
--></style><!--[if gte mso 9]><xml>
<o:shapedefaults v:ext="edit" spidmax="1026" />
</xml><![endif]--><!--[if gte mso 9]><xml>
<o:shapelayout v:ext="edit">
<o:idmap v:ext="edit" data="1" />
</o:shapelayout></xml><![endif]-->
</head>
<body lang=RU link="#0563C1" vlink="#954F72" style='word-wrap:break-word'>
<div class=WordSection1>
{body}
</div>
</body>
</html>
"""


def outlook(paragraphs, charset="utf-8"):
    """Outlook (Word) HTML; each item is one ``<p class=MsoNormal>`` (raw HTML
    allowed), ``""`` an empty paragraph, or a complete block starting with ``<``."""
    out = []
    for item in paragraphs:
        if item == "":
            out.append("<p class=MsoNormal><o:p>&nbsp;</o:p></p>")
        elif item.startswith("<"):
            out.append(item)
        else:
            out.append(f"<p class=MsoNormal>{item}<o:p></o:p></p>")
    return OUTLOOK_HTML.format(charset=charset, body="\n".join(out))


def outlook_list(items):
    """Outlook bullets: MsoListParagraph with a Symbol '·' (downlevel-revealed)."""
    out = []
    for index, item in enumerate(items):
        position = (
            "CxSpFirst"
            if index == 0
            else "CxSpLast"
            if index == len(items) - 1
            else "CxSpMiddle"
        )
        out.append(
            f"<p class=MsoListParagraph{position} style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'>"
            "<![if !supportLists]><span style='font-family:Symbol'>·<span style='font:7.0pt "
            '"Times New Roman"\'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>'
            f"{item}<o:p></o:p></p>"
        )
    return "\n".join(out)


def gmail_br(lines, signature=None):
    """Gmail HTML where the lines are separated by ``<br>`` (pasted text)."""
    html = '<div dir="ltr">' + "<br>".join(lines)
    if signature:
        html += (
            '<br clear="all"><div><br></div><span class="gmail_signature_prefix">-- </span><br>'
            '<div dir="ltr" class="gmail_signature" data-smartmail="gmail_signature"><div dir="ltr">'
            + signature[0]
            + "".join(f"<div>{line}</div>" for line in signature[1:])
            + "</div></div>"
        )
    return html + "</div>\n"


def gmail_divs(lines):
    """Gmail HTML as Gmail composes it: the first line bare, every next line in
    its own ``<div>``, an empty line as ``<div><br></div>``."""
    first, rest = lines[0], lines[1:]
    return (
        '<div dir="ltr">'
        + first
        + "".join(
            "<div><br></div>" if not line else f"<div>{line}</div>" for line in rest
        )
        + "</div>\n"
    )


def quote_plain(text_block):
    return "\n".join(("> " + line) if line else ">" for line in text_block.splitlines())


# ----------------------------------------------------------------------
# The corpus
# ----------------------------------------------------------------------

SIG_MARIA = "-- \nМария Иванова\nГлавный бухгалтер\nООО «Ромашка»\n+7 (495) 123-45-67\n"


def build():
    # 01 ---------------------------------------------------------------
    body = text(
        "Добрый день!\n"
        "\n"
        "Организация: ООО Ромашка\n"
        "ИД клиента: ED-1001\n"
        "Контактное лицо: Мария Иванова\n"
        "Телефон: +7 (495) 123-45-67\n"
        "E-mail для входа в EnDocs: m.ivanova@romashka.ru\n"
        "Массовость: несколько пользователей\n"
        "Приоритет: высокий\n"
        "Описание проблемы: с утра не подписываются исходящие документы, кнопка «Подписать» неактивна.\n"
        "Шаги воспроизведения:\n"
        "1. Открыть раздел «Исходящие».\n"
        "2. Выбрать документ в статусе «Черновик».\n"
        "3. Нажать «Подписать».\n"
        "Что уже сделано: перезапустили браузер, очистили кэш.\n"
        "\n" + SIG_MARIA,
        cte="qp",
    )
    finish(
        1,
        body,
        MARIA,
        "Не подписываются исходящие документы",
        extra=[("X-Mailer", "Yamail [ http://yandex.ru ] 5.0")],
    )
    add(
        1,
        "plain-ru-complete",
        body,
        "Plain text, Russian labels in form order (with scope, priority, steps, actions), "
        "'-- ' signature repeating the phone; UTF-8 quoted-printable.",
        sender_state="matched",
        fields={
            "org_name": "ООО Ромашка",
            "client_ref": "ED-1001",
            "contact_name": "Мария Иванова",
            "contact_phone": "+74951234567",
            "login_email": "m.ivanova@romashka.ru",
            "scope": "several",
            "expected_priority": "2",
            "description": "с утра не подписываются исходящие документы, кнопка «Подписать» неактивна.",
        },
    )

    # 02 ---------------------------------------------------------------
    quoted = (
        "Dear customer,\n"
        "\n"
        "please send your requests in the following form:\n"
        "Organization: ...\n"
        "Client ID: ...\n"
        "Affected users: one / several / all\n"
        "\n"
        "EnDocs Support"
    )
    body = text(
        "Hello,\n"
        "\n"
        "Problem description: after the update of 28 February the incoming \n"
        "documents list stays empty for our accounting department, although the \n"
        "counterparties confirm the documents were sent.\n"
        "Steps to reproduce: open Incoming, filter by 'Last 7 days'.\n"
        "Client ID: ED-2002\n"
        "Organization: АО Вектор\n"
        "Contact person: Petr Sidorov\n"
        "Phone number: +7 383 210-45-67\n"
        "Login e-mail: p.sidorov@vector.ru\n"
        "Priority: urgent\n"
        "\n"
        "Best regards,\n"
        "Petr\n"
        "\n"
        "On 28.02.2025 18:02, EnDocs Support wrote:\n" + quote_plain(quoted) + "\n",
        cte="8bit",
        format="flowed",
    )
    finish(
        2,
        body,
        PETR,
        "Incoming documents list is empty",
        extra=[("User-Agent", "Mozilla Thunderbird")],
    )
    add(
        2,
        "plain-en-labels-quoted",
        body,
        "Plain text (8bit, format=flowed), English labels in another order (description "
        "first, spanning soft-wrapped lines), 'On ... wrote:' and '>' quoted text with "
        "labels after the fields (ignored).",
        sender_state="matched",
        fields={
            "org_name": "АО Вектор",
            "client_ref": "ED-2002",
            "contact_name": "Petr Sidorov",
            "contact_phone": "+73832104567",
            "login_email": "p.sidorov@vector.ru",
            "expected_priority": "3",
            "scope": None,
        },
    )

    # 03 ---------------------------------------------------------------
    body = text(
        "Здравствуйте.\n"
        "\n"
        "вопрос: после обновления браузера не открывается предпросмотр PDF во входящих.\n"
        "компания: ООО Ромашка\n"
        "фио: Иванова Мария Сергеевна\n"
        "client id: ed-1001\n"
        "логин: M.Ivanova@Romashka.RU\n"
        "тел.: 8 (916) 555-12-34\n"
        "приоритет: обычный\n"
        "\n"
        "Спасибо!\n"
        "\n"
        "От: Служба поддержки EnDocs <support@endocs.ru>\n"
        "Отправлено: 28 февраля 2025 г. 18:02\n"
        "Кому: Мария Иванова <m.ivanova@romashka.ru>\n"
        "Тема: RE: Запрос SD-00007 закрыт\n"
        "\n"
        "Массовость: все пользователи\n"
        "Запрос SD-00007 закрыт.\n",
        cte="b64",
    )
    finish(
        3,
        body,
        MARIA,
        "Не открывается предпросмотр PDF",
        extra=[("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "ru")],
    )
    add(
        3,
        "plain-ru-lowercase-shuffled",
        body,
        "Plain text (base64), lower-case and alternative labels (вопрос, компания, фио, "
        "client id, логин, тел.) in shuffled order; client ID, login and a 8-prefixed "
        "phone to normalise; Outlook 'От: ... @' quoted header with a label after it (ignored).",
        sender_state="matched",
        fields={
            "org_name": "ООО Ромашка",
            "client_ref": "ED-1001",
            "contact_name": "Иванова Мария Сергеевна",
            "contact_phone": "+79165551234",
            "login_email": "m.ivanova@romashka.ru",
            "expected_priority": "1",
            "description": "после обновления браузера не открывается предпросмотр PDF во входящих.",
            "scope": None,
        },
    )

    # 04 ---------------------------------------------------------------
    body = text(
        "Добрый день!\n"
        "Прошу помочь с загрузкой входящих документов.\n"
        "\n"
        " - Организация — ООО Ромашка\n"
        " - ИД клиента — ED-1001\n"
        " • Контактное лицо: Алексей Смирнов\n"
        " • Телефон: +7 495 123 45 68\n"
        " * Логин в EnDocs: a.smirnov@romashka.ru\n"
        " * Массовость: один пользователь\n"
        " * Описание проблемы — при загрузке XML из 1С появляется сообщение «Неверный формат файла».\n"
        "\n"
        "Алексей Смирнов\n"
        "ведущий специалист ООО «Ромашка»\n",
        cte="qp",
    )
    finish(
        4,
        body,
        ("Алексей Смирнов", "a.smirnov@romashka.ru"),
        "Ошибка загрузки XML",
        extra=[("X-Mailer", "Microsoft Outlook 16.0")],
    )
    add(
        4,
        "plain-bullets-emdash-org-only",
        body,
        "Plain text with '-', '•' and '*' bullets and '—' separators; unknown sender "
        "(a colleague not in the contacts) with the client ID of ООО Ромашка.",
        sender_state="org_only",
        fields={
            "org_name": "ООО Ромашка",
            "client_ref": "ED-1001",
            "contact_name": "Алексей Смирнов",
            "contact_phone": "+74951234568",
            "login_email": "a.smirnov@romashka.ru",
            "scope": "one",
        },
    )

    # 05 ---------------------------------------------------------------
    body = text(
        "Коллеги, добрый день.\n"
        "\n"
        "Наименование организации: АО Вектор\n"
        "Идентификатор клиента: ED-2002\n"
        "ФИО: Кузнецова Светлана Андреевна\n"
        "Номер телефона: +7 383 222-33-44\n"
        "Адрес электронной почты для входа: s.kuznetsova@vector.ru\n"
        "Масштаб: все пользователи\n"
        "Описание проблемы:\n"
        "С 9:30 все сотрудники при входе в EnDocs видят ошибку 502 Bad Gateway.\n"
        "Через VPN и без него результат одинаковый.\n"
        "\n"
        "Шаги:\n"
        "1. Открыть EnDocs в браузере.\n"
        "2. Ввести логин и пароль.\n"
        "Предпринятые действия: проверили интернет-соединение, другие сайты открываются.\n"
        "Иная информация:\n"
        "Срочно, не можем отправить отчётность.\n"
        "\n"
        "С уважением,\n"
        "Светлана Кузнецова\n"
        "АО «Вектор», отдел документооборота\n"
        "Тел.: +7 (383) 222-33-44\n",
        cte="qp",
    )
    finish(
        5,
        body,
        ("Светлана Кузнецова", "s.kuznetsova@vector.ru"),
        "502 Bad Gateway у всех пользователей",
    )
    add(
        5,
        "plain-multiline-org-only",
        body,
        "Plain text, long label variants, description on the lines below its label (two "
        "lines), steps, actions, other info; signature without '-- ' whose 'Тел.:' line "
        "repeats a field; unknown sender with the client ID of АО Вектор.",
        sender_state="org_only",
        fields={
            "org_name": "АО Вектор",
            "client_ref": "ED-2002",
            "contact_name": "Кузнецова Светлана Андреевна",
            "contact_phone": "+73832223344",
            "login_email": "s.kuznetsova@vector.ru",
            "scope": "all",
            "description": "С 9:30 все сотрудники при входе в EnDocs видят ошибку 502 Bad Gateway.\n"
            "Через VPN и без него результат одинаковый.",
        },
    )

    # 06 ---------------------------------------------------------------
    html = outlook(
        [
            "Добрый день!",
            "",
            "Направляю обращение по форме.",
            "",
            "Наименование организации: ООО Ромашка",
            "ИД клиента: ED-1001",
            "Контактное лицо: Мария Иванова",
            "Телефон: +7 495 123-45-67",
            "E-mail для входа в EnDocs: m.ivanova@romashka.ru",
            "Массовость: один",
            "Предполагаемый приоритет: средний",
            "Описание проблемы: в карточке контрагента не сохраняются изменения\n"
            "реквизитов (КПП), после нажатия «Сохранить» поле возвращается к\n"
            "старому значению.",
            "",
            "Предпринятые действия: выходили из системы и входили заново.",
            "",
            "С уважением,",
            "Мария Иванова",
            "Главный бухгалтер ООО «Ромашка»",
        ]
    )
    body = text(html, "html", cte="qp")
    finish(
        6,
        body,
        MARIA,
        "Не сохраняются реквизиты контрагента",
        extra=[
            ("X-Mailer", "Microsoft Outlook 16.0"),
            ("Thread-Index", "AdtMAQ1b2c3d4e5f6a7b8c9d0e1f2A=="),
            ("Content-Language", "ru"),
        ],
    )
    add(
        6,
        "outlook-html-only",
        body,
        "Outlook HTML only (WordSection1, MsoNormal paragraphs, <o:p>, &nbsp; empty "
        "paragraphs, CSS in <head>); description wrapped over source lines.",
        sender_state="matched",
        fields={
            "org_name": "ООО Ромашка",
            "client_ref": "ED-1001",
            "contact_name": "Мария Иванова",
            "contact_phone": "+74951234567",
            "login_email": "m.ivanova@romashka.ru",
            "scope": "one",
            "expected_priority": "1",
        },
    )

    # 07 ---------------------------------------------------------------
    plain = (
        "Добрый день!\n\n"
        "Организация: АО Вектор\n"
        "ИД клиента: ED-2002\n"
        "Контактное лицо: Пётр Сидоров\n"
        "Телефон: +7 (383) 210-45-67\n"
        "Логин: p.sidorov@vector.ru\n"
        "Описание: не работает массовая рассылка документов контрагентам, задание висит в очереди.\n\n"
        "Пётр Сидоров\nАО «Вектор»\n"
    )
    html = outlook(
        [
            "Добрый день!",
            "",
            "<b>Организация</b>: АО Вектор",
            "<b>ИД клиента</b>: ED-2002",
            "<b>Контактное лицо</b>: Пётр Сидоров",
            "<b>Телефон</b>: +7 (383) 210-45-67",
            "<b>Логин</b>: p.sidorov@vector.ru",
            "<b>Описание</b>: не работает массовая рассылка документов контрагентам, задание висит в очереди.",
            "",
            "Пётр Сидоров",
            "АО «Вектор»",
        ]
    )
    body = multipart(
        "alternative", 7, 1, [text(plain, cte="qp"), text(html, "html", cte="qp")]
    )
    finish(
        7,
        body,
        PETR,
        "Зависла массовая рассылка",
        extra=[("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "ru")],
    )
    add(
        7,
        "outlook-alternative-bold-labels",
        body,
        "Outlook multipart/alternative (text + HTML; Odoo uses the HTML), labels in bold "
        "with the colon outside the bold: '<b>Организация</b>: АО Вектор' (html2plaintext: "
        "'*Организация*: АО Вектор'); no signature delimiter, so the signature lines end "
        "up in the description.",
        sender_state="matched",
        fields={
            "org_name": "АО Вектор",
            "client_ref": "ED-2002",
            "contact_name": "Пётр Сидоров",
            "contact_phone": "+73832104567",
            "login_email": "p.sidorov@vector.ru",
        },
    )

    # 08 ---------------------------------------------------------------
    plain = (
        "Здравствуйте!\n\n"
        "Организация: ООО Ромашка\n"
        "ИД клиента: ED-1001\n"
        "Контактное лицо: Мария Иванова\n"
        "Телефон: +7 (495) 123-45-67\n"
        "E-mail для входа: m.ivanova@romashka.ru\n"
        "Описание проблемы: не приходят уведомления о новых входящих документах.\n"
    )
    html = outlook(
        [
            "Здравствуйте!",
            "",
            "<b>Организация:</b> ООО Ромашка",
            "<b>ИД клиента:</b> ED-1001",
            "<b>Контактное лицо:</b> Мария Иванова",
            "<b>Телефон:</b> +7 (495) 123-45-67",
            "<b>E-mail для входа:</b> m.ivanova@romashka.ru",
            "<b>Описание проблемы:</b> не приходят уведомления о новых входящих документах.",
            "",
            "Мария Иванова",
        ]
    )
    body = multipart(
        "alternative", 8, 1, [text(plain, cte="b64"), text(html, "html", cte="b64")]
    )
    finish(
        8,
        body,
        MARIA,
        "Не приходят уведомления",
        extra=[("X-Mailer", "Microsoft Outlook 16.0")],
    )
    add(
        8,
        "outlook-bold-label-colon-inside",
        body,
        "Outlook multipart/alternative with the colon inside the bold label: "
        "'<b>Организация:</b> ООО Ромашка' (html2plaintext: '*Организация:* ООО Ромашка').",
        sender_state="matched",
        fields={
            "org_name": "ООО Ромашка",
            "client_ref": "ED-1001",
            "contact_name": "Мария Иванова",
            "contact_phone": "+74951234567",
            "login_email": "m.ivanova@romashka.ru",
        },
    )

    # 09 ---------------------------------------------------------------
    lines = [
        "Здравствуйте!",
        "",
        "Пишу впервые, раньше с вами напрямую не работали.",
        "",
        "Организация: ООО Ландыш",
        "ИД клиента: ED-7777",
        "Контактное лицо: Игорь Козлов",
        "Телефон: +7 921 765-43-21",
        "Логин: i.kozlov@landysh.ru",
        "Описание проблемы: не приходит письмо для восстановления пароля.",
    ]
    html = gmail_br(
        lines, signature=["Игорь Козлов", "ООО «Ландыш», системный администратор"]
    )
    plain = (
        "\n".join(lines)
        + "\n\n-- \nИгорь Козлов\nООО «Ландыш», системный администратор\n"
    )
    body = multipart(
        "alternative", 9, 1, [text(plain, cte="b64"), text(html, "html", cte="qp")]
    )
    finish(
        9,
        body,
        ("Игорь Козлов", "i.kozlov@gmail.com"),
        "Не приходит письмо для восстановления пароля",
    )
    add(
        9,
        "gmail-html-br-unknown-sender",
        body,
        "Gmail multipart/alternative, HTML lines separated by <br> (pasted text), Gmail "
        "signature; unknown sender with an unknown client ID.",
        sender_state="unknown",
        fields={
            "org_name": "ООО Ландыш",
            "client_ref": "ED-7777",
            "contact_name": "Игорь Козлов",
            "contact_phone": "+79217654321",
            "login_email": "i.kozlov@landysh.ru",
        },
    )

    # 10 ---------------------------------------------------------------
    lines = [
        "Добрый день!",
        "",
        "Организация: ООО Ромашка",
        "ИД клиента: ED-1001",
        "Контактное лицо: Наталья Волкова",
        "Телефон: +7 495 123-45-69",
        "E-mail для входа: n.volkova@romashka.ru",
        "Описание проблемы: при выгрузке реестра документов в Excel получается пустой файл.",
        "",
        "Спасибо!",
    ]
    html = gmail_divs(lines)
    body = multipart(
        "alternative",
        10,
        1,
        [text("\n".join(lines) + "\n", cte="b64"), text(html, "html", cte="qp")],
    )
    finish(
        10,
        body,
        ("Наталья Волкова", "n.volkova@romashka.ru"),
        "Пустая выгрузка реестра в Excel",
    )
    add(
        10,
        "gmail-html-div-lines",
        body,
        "Gmail multipart/alternative as Gmail composes it: every line in its own <div> "
        "(no line breaks in the HTML source); unknown sender with the client ID of ООО Ромашка.",
        sender_state="org_only",
        fields={
            "org_name": "ООО Ромашка",
            "client_ref": "ED-1001",
            "contact_name": "Наталья Волкова",
            "contact_phone": "+74951234569",
            "login_email": "n.volkova@romashka.ru",
        },
        known_issue="html2plaintext does not break lines at <div>: all labelled lines become "
        "one line, so org_name gets the whole line and every other field is missing "
        "(sender_state 'unknown').",
    )

    # 11 ---------------------------------------------------------------
    lines = [
        "Добрый день!",
        "",
        "Организация: АО Вектор",
        "ИД клиента: ED-2002",
        "Контактное лицо: Пётр Сидоров",
        "Телефон: +7 (383) 210-45-67",
        'Логин: <a href="mailto:p.sidorov@vector.ru">p.sidorov@vector.ru</a>',
        "Описание проблемы: не отображается история согласования договора № 45/2025.",
    ]
    html = gmail_br(lines)
    plain = "\n".join(lines[:-2]) + "\nЛогин: p.sidorov@vector.ru\n" + lines[-1] + "\n"
    body = multipart(
        "alternative", 11, 1, [text(plain, cte="b64"), text(html, "html", cte="qp")]
    )
    finish(11, body, PETR, "Нет истории согласования")
    add(
        11,
        "gmail-autolinked-login",
        body,
        "Gmail multipart/alternative (<br> lines) where Gmail turned the login e-mail into a "
        "mailto: link, as Gmail and Outlook do for typed addresses.",
        sender_state="matched",
        fields={
            "org_name": "АО Вектор",
            "client_ref": "ED-2002",
            "contact_phone": "+73832104567",
            "login_email": "p.sidorov@vector.ru",
        },
        known_issue="html2plaintext appends link references: the login becomes "
        "'p.sidorov@vector.ru [1]', which is not a valid e-mail (missing login_email).",
    )

    # 12 ---------------------------------------------------------------
    html = """\
<!DOCTYPE html>
<html>
  <head>
    <meta http-equiv="content-type" content="text/html; charset=UTF-8">
  </head>
  <body>
    <p>Добрый день!</p>
    <p>Данные для запроса:</p>
    <ul>
      <li>Организация: ООО Ромашка</li>
      <li>ИД клиента: ED-1001</li>
      <li>Контактное лицо: Мария Иванова</li>
      <li>Телефон: +7 495 123-45-67</li>
      <li>E-mail для входа: m.ivanova@romashka.ru</li>
      <li>Приоритет: критический</li>
    </ul>
    <p>Описание проблемы: не формируется печатная форма акта сверки,
      вместо PDF скачивается пустой файл.</p>
    <p>Шаги воспроизведения:<br>
      1. Раздел «Отчёты» → «Акт сверки».<br>
      2. Выбрать контрагента и период.<br>
      3. Нажать «Сформировать».</p>
    <div class="moz-signature">-- <br>
      Мария Иванова<br>
      ООО «Ромашка»</div>
  </body>
</html>
"""
    plain = (
        "Добрый день!\n\nДанные для запроса:\n\n"
        "  * Организация: ООО Ромашка\n"
        "  * ИД клиента: ED-1001\n"
        "  * Контактное лицо: Мария Иванова\n"
        "  * Телефон: +7 495 123-45-67\n"
        "  * E-mail для входа: m.ivanova@romashka.ru\n"
        "  * Приоритет: критический\n\n"
        "Описание проблемы: не формируется печатная форма акта сверки, вместо PDF\n"
        "скачивается пустой файл.\n\n"
        "-- \nМария Иванова\nООО «Ромашка»\n"
    )
    body = multipart(
        "alternative",
        12,
        1,
        [text(plain, cte="8bit", format="flowed"), text(html, "html", cte="8bit")],
    )
    finish(
        12,
        body,
        MARIA,
        "Не формируется акт сверки",
        extra=[("User-Agent", "Mozilla Thunderbird"), ("Content-Language", "ru")],
    )
    add(
        12,
        "thunderbird-html-bullet-list",
        body,
        "Thunderbird multipart/alternative (8bit), the fields as an HTML bullet list "
        "(<ul><li>), description paragraph wrapped in the source, moz-signature.",
        sender_state="matched",
        fields={
            "org_name": "ООО Ромашка",
            "client_ref": "ED-1001",
            "contact_name": "Мария Иванова",
            "contact_phone": "+74951234567",
            "login_email": "m.ivanova@romashka.ru",
            "expected_priority": "3",
            # the paragraph wraps in the source only: one line for the reader
            "description": "не формируется печатная форма акта сверки, вместо PDF скачивается пустой файл.",
        },
    )

    # 13 ---------------------------------------------------------------
    body = text(
        "Добрый день!\n"
        "\n"
        "Пересылаю письмо коллеги, проблема воспроизводится и у меня.\n"
        "\n"
        "Организация: ООО Ромашка\n"
        "ИД клиента: ED-1001\n"
        "Контактное лицо: Мария Иванова\n"
        "Телефон: +7 (495) 123-45-67\n"
        "E-mail для входа: m.ivanova@romashka.ru\n"
        "Описание проблемы: не открываются вложения во входящих документах от ООО «Лютик».\n"
        "\n"
        "---------- Forwarded message ---------\n"
        "От: Алексей Смирнов <a.smirnov@romashka.ru>\n"
        "Date: пн, 3 мар. 2025 г. в 09:41\n"
        "Subject: не открываются вложения\n"
        "To: Мария Иванова <m.ivanova@romashka.ru>\n"
        "\n"
        "\n"
        "Маша, привет! Не открываются вложения от «Лютика», пишет «Файл повреждён».\n"
        "Телефон: +7 (495) 123-45-68\n"
        "Массовость: несколько\n",
        cte="qp",
    )
    finish(13, body, MARIA, "Fwd: не открываются вложения")
    add(
        13,
        "forward-fields-above",
        body,
        "Gmail-style plain forward: the fields typed above the '---------- Forwarded "
        "message ---------' marker; the forwarded part has other labels (ignored).",
        sender_state="matched",
        fields={
            "org_name": "ООО Ромашка",
            "client_ref": "ED-1001",
            "contact_phone": "+74951234567",
            "login_email": "m.ivanova@romashka.ru",
            "scope": None,
        },
    )

    # 14 ---------------------------------------------------------------
    body = text(
        "Добрый день!\n"
        "Пересылаю обращение нашего бухгалтера, просьба помочь.\n"
        "\n"
        "-------- Пересылаемое сообщение --------\n"
        '03.03.2025, 09:12, "Ольга Орлова" <o.orlova@vector.ru>:\n'
        "\n"
        "Организация: АО Вектор\n"
        "ИД клиента: ED-2002\n"
        "Контактное лицо: Ольга Орлова\n"
        "Телефон: +7 383 222-33-55\n"
        "E-mail для входа: o.orlova@vector.ru\n"
        "Описание проблемы: не отправляется счёт-фактура контрагенту, статус «Ошибка доставки».\n"
        "\n"
        "-------- Конец пересылаемого сообщения --------\n"
        "\n"
        "-- \n"
        "Пётр Сидоров\n",
        cte="b64",
    )
    finish(
        14,
        body,
        PETR,
        "Fwd: Не отправляется счёт-фактура",
        extra=[("X-Mailer", "Yamail [ http://yandex.ru ] 5.0")],
    )
    add(
        14,
        "forward-inside-yandex-ru",
        body,
        "Yandex-style plain forward '-------- Пересылаемое сообщение --------' with the "
        "fields only inside the forwarded part: incomplete (the whole body is the description).",
        sender_state="matched",
        missing=[
            "org_name",
            "client_ref",
            "contact_name",
            "contact_phone",
            "login_email",
        ],
        fields={"org_name": None, "client_ref": None, "login_email": None},
    )

    # 15 ---------------------------------------------------------------
    fwd_lines = [
        "Организация: ООО Ромашка",
        "ИД клиента: ED-1001",
        "Контактное лицо: Наталья Волкова",
        "Телефон: +7 495 123-45-69",
        "E-mail для входа: n.volkova@romashka.ru",
        "Описание проблемы: поиск по номеру документа ничего не находит.",
    ]
    html = (
        '<div dir="ltr">Коллеги, добрый день!<br>Пересылаю, посмотрите, пожалуйста.<br><br>'
        '<div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">'
        "---------- Forwarded message ---------<br>"
        'От: <strong class="gmail_sendername" dir="auto">Наталья Волкова</strong> '
        '<span dir="auto">&lt;<a href="mailto:n.volkova@romashka.ru">n.volkova@romashka.ru</a>&gt;</span><br>'
        "Date: пн, 3 мар. 2025 г. в 10:02<br>Subject: Не работает поиск<br>"
        'To: Мария Иванова &lt;<a href="mailto:m.ivanova@romashka.ru">m.ivanova@romashka.ru</a>&gt;<br>'
        "</div><br><br>"
        '<div dir="ltr">' + "<br>".join(fwd_lines) + "</div>\n</div></div>\n"
    )
    plain = (
        "Коллеги, добрый день!\nПересылаю, посмотрите, пожалуйста.\n\n"
        "---------- Forwarded message ---------\n"
        "От: Наталья Волкова <n.volkova@romashka.ru>\n"
        "Date: пн, 3 мар. 2025 г. в 10:02\nSubject: Не работает поиск\n"
        "To: Мария Иванова <m.ivanova@romashka.ru>\n\n\n" + "\n".join(fwd_lines) + "\n"
    )
    body = multipart(
        "alternative", 15, 1, [text(plain, cte="b64"), text(html, "html", cte="qp")]
    )
    finish(15, body, MARIA, "Fwd: Не работает поиск")
    add(
        15,
        "forward-inside-gmail-html",
        body,
        "Gmail HTML forward (multipart/alternative, gmail_quote) with the fields only inside "
        "the forwarded part: incomplete.",
        sender_state="matched",
        missing=[
            "org_name",
            "client_ref",
            "contact_name",
            "contact_phone",
            "login_email",
        ],
        fields={"org_name": None, "client_ref": None, "contact_name": None},
    )

    # 16 ---------------------------------------------------------------
    html = outlook(
        [
            "Добрый день!",
            "",
            "Пересылаю обращение бухгалтерии, просьба помочь.",
            "",
            "Пётр Сидоров",
            "",
            "<div>\n<div style='border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm'>\n"
            "<p class=MsoNormal><b>От:</b> Ольга Орлова &lt;o.orlova@vector.ru&gt; <br>\n"
            "<b>Отправлено:</b> понедельник, 3 марта 2025 г. 9:12<br>\n"
            "<b>Кому:</b> Пётр Сидоров &lt;p.sidorov@vector.ru&gt;<br>\n"
            "<b>Тема:</b> Не отправляется счёт-фактура<o:p></o:p></p>\n</div>\n</div>",
            "",
            "Организация: АО Вектор",
            "ИД клиента: ED-2002",
            "Контактное лицо: Ольга Орлова",
            "Телефон: +7 383 222-33-55",
            "E-mail для входа: o.orlova@vector.ru",
            "Описание проблемы: не отправляется счёт-фактура контрагенту, статус «Ошибка доставки».",
        ]
    )
    plain = (
        "Добрый день!\n\nПересылаю обращение бухгалтерии, просьба помочь.\n\nПётр Сидоров\n\n"
        "From: Ольга Орлова <o.orlova@vector.ru>\n"
        "Sent: Monday, March 3, 2025 9:12 AM\n"
        "To: Пётр Сидоров <p.sidorov@vector.ru>\n"
        "Subject: Не отправляется счёт-фактура\n\n"
        "Организация: АО Вектор\nИД клиента: ED-2002\nКонтактное лицо: Ольга Орлова\n"
        "Телефон: +7 383 222-33-55\nE-mail для входа: o.orlova@vector.ru\n"
        "Описание проблемы: не отправляется счёт-фактура контрагенту, статус «Ошибка доставки».\n"
    )
    body = multipart(
        "alternative", 16, 1, [text(plain, cte="b64"), text(html, "html", cte="b64")]
    )
    finish(
        16,
        body,
        PETR,
        "FW: Не отправляется счёт-фактура",
        extra=[("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "ru")],
    )
    add(
        16,
        "forward-inside-outlook-html",
        body,
        "Outlook HTML forward: the fields only inside the forwarded part, after Outlook's "
        "header block '<b>От:</b> Ольга Орлова <o.orlova@vector.ru>' (no '----' marker): incomplete.",
        sender_state="matched",
        missing=[
            "org_name",
            "client_ref",
            "contact_name",
            "contact_phone",
            "login_email",
        ],
        fields={"org_name": None, "client_ref": None},
        known_issue="the Outlook header line becomes '*От:* Ольга Орлова <o.orlova@vector.ru>'; "
        "the stop pattern 'от: .+@' does not allow the bold '*', so the forwarded fields are "
        "parsed and the request looks complete (with Ольга's data).",
    )

    # 17 ---------------------------------------------------------------
    freeform = (
        "Здравствуйте!\n"
        "\n"
        "У нас с сегодняшнего утра не работает подписание документов: при нажатии на кнопку "
        "ничего не происходит. Помогите, пожалуйста, срочно — горят сроки отправки "
        "документов контрагентам.\n"
        "\n"
        "Мария\n"
    )
    body = text(freeform, cte="qp")
    finish(17, body, MARIA, "Не работает подписание документов")
    add(
        17,
        "freeform-ru-known-sender",
        body,
        "Free-form Russian text without labels from a known contact: registered, five fields "
        "missing (the whole body becomes the description). Completed later by 34.",
        sender_state="matched",
        missing=[
            "org_name",
            "client_ref",
            "contact_name",
            "contact_phone",
            "login_email",
        ],
    )

    # 18 ---------------------------------------------------------------
    html = (
        '<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>'
        '<body dir="auto"><div>Hello,</div><div><br></div><div>we evaluate EnDocs for our '
        "Russian subsidiary and cannot log in to the trial account since yesterday: the login "
        "page says the account is locked.</div><div><br></div><div>Could you please unlock it?"
        "</div><div><br></div><div>Kind regards,</div><div>John Miller</div>"
        "<div>Northwind Trading</div></body></html>\n"
    )
    plain = (
        "Hello,\n\nwe evaluate EnDocs for our Russian subsidiary and cannot log in to the trial "
        "account since yesterday: the login page says the account is locked.\n\n"
        "Could you please unlock it?\n\nKind regards,\nJohn Miller\nNorthwind Trading\n"
    )
    body = multipart(
        "alternative", 18, 1, [text(plain, cte="7bit"), text(html, "html", cte="qp")]
    )
    finish(
        18,
        body,
        ("John Miller", "john.miller@northwind.example"),
        "Account locked",
        extra=[("X-Mailer", "Apple Mail (2.3774.400.31)")],
    )
    add(
        18,
        "freeform-en-unknown-sender",
        body,
        "Free-form English Apple Mail message (multipart/alternative) from an unknown sender: "
        "registered, five fields missing. Partly completed by 36.",
        sender_state="unknown",
        missing=[
            "org_name",
            "client_ref",
            "contact_name",
            "contact_phone",
            "login_email",
        ],
    )

    # 19 ---------------------------------------------------------------
    body = text(
        "Добрый день.\n"
        "\n"
        "Организация: АО Вектор\n"
        "ИД клиента: ED-2002\n"
        "Контактное лицо: Пётр Сидоров\n"
        "E-mail для входа в EnDocs: p.sidorov@vector.ru\n"
        "Описание проблемы: не удаётся добавить нового сотрудника в справочник пользователей, "
        "кнопка «Добавить» неактивна.\n"
        "\n"
        "-- \n"
        "Пётр Сидоров\n",
        cte="qp",
    )
    finish(19, body, PETR, "Не добавляется пользователь")
    add(
        19,
        "partial-missing-phone",
        body,
        "All fields but the phone: registered, contact_phone missing. Completed later by 35.",
        sender_state="matched",
        missing=["contact_phone"],
        fields={
            "client_ref": "ED-2002",
            "login_email": "p.sidorov@vector.ru",
            "contact_phone": None,
        },
    )

    # 20 ---------------------------------------------------------------
    body = text(
        "Здравствуйте!\n"
        "\n"
        "Организация: ООО Ромашка\n"
        "ИД клиента: ED-1001\n"
        "Контактное лицо: Мария Иванова\n"
        "Телефон: 12-34\n"
        "E-mail для входа: m.ivanova@romashka.ru\n"
        "Описание проблемы: при печати документов не выводится штамп электронной подписи.\n",
        cte="qp",
    )
    finish(20, body, MARIA, "Не печатается штамп ЭП")
    add(
        20,
        "partial-invalid-phone",
        body,
        "Phone given as an internal extension '12-34' (4 digits): registered, contact_phone "
        "invalid. A reply (37) supplies it.",
        sender_state="matched",
        missing=["contact_phone"],
        fields={
            "org_name": "ООО Ромашка",
            "client_ref": "ED-1001",
            "login_email": "m.ivanova@romashka.ru",
        },
    )

    # 21 ---------------------------------------------------------------
    body = text(
        "Добрый день!\n"
        "\n"
        "Организация: ООО Ромашка\n"
        "ИД клиента: ED-1001\n"
        "Контактное лицо: Дмитрий Орлов\n"
        "Телефон: +7 (495) 123-45-70\n"
        "E-mail для входа: d.orlov(at)romashka.ru\n"
        "Описание проблемы: не получается сменить пароль, форма не принимает новый пароль.\n",
        cte="qp",
    )
    finish(21, body, ("Дмитрий Орлов", "d.orlov@romashka.ru"), "Смена пароля")
    add(
        21,
        "partial-invalid-email",
        body,
        "Login e-mail written as 'd.orlov(at)romashka.ru': registered, login_email invalid; "
        "unknown sender with the client ID of ООО Ромашка.",
        sender_state="org_only",
        missing=["login_email"],
        fields={"contact_phone": "+74951234570", "client_ref": "ED-1001"},
    )

    # 22 ---------------------------------------------------------------
    body = text(
        "Организация: АО Вектор\n"
        "ИД клиента: ED-2002\n"
        "Контактное лицо: Пётр Сидоров\n"
        "Телефон: +7 (383) 210-45-67\n"
        "E-mail для входа: p.sidorov@vector.ru\n"
        "Описание: ошибка\n"
        "\n"
        "-- \n"
        "Отправлено с iPhone\n",
        cte="qp",
    )
    finish(22, body, PETR, "Ошибка", extra=[("X-Mailer", "iPhone Mail (22D63)")])
    add(
        22,
        "short-description",
        body,
        "Description 'ошибка' (6 characters, under the minimum of 10): registered, "
        "description too short.",
        sender_state="matched",
        missing=["description"],
        fields={"contact_phone": "+73832104567", "login_email": "p.sidorov@vector.ru"},
    )

    # 23 ---------------------------------------------------------------
    body = text(
        "Добрый день!\n"
        "\n"
        "Организация: ООО Ромашка\n"
        "ИД клиента: ЕД-1001\n"
        "Контактное лицо: Мария Иванова\n"
        "Телефон: +7 (495) 123-45-67\n"
        "E-mail для входа: m.ivanova@romashka.ru\n"
        "Описание проблемы: не загружается список контрагентов, бесконечная загрузка.\n",
        cte="b64",
    )
    finish(23, body, MARIA, "Не загружается список контрагентов")
    add(
        23,
        "cyrillic-client-id",
        body,
        "Client ID typed with Cyrillic look-alike letters 'ЕД-1001': not valid, so not the "
        "client ID (missing, asked for) but a line of the description; the sender is the "
        "known contact.",
        sender_state="matched",
        missing=["client_ref"],
        fields={
            "org_name": "ООО Ромашка",
            "contact_phone": "+74951234567",
            "client_ref": None,
            "description": "не загружается список контрагентов, бесконечная загрузка.\n"
            "ИД клиента: ЕД-1001",
        },
    )

    # 24 ---------------------------------------------------------------
    plain = (
        "Добрый день!\n"
        "\n"
        "Организация: ООО Ромашка\n"
        "ИД клиента: ED-1001\n"
        "Контактное лицо: Мария Иванова\n"
        "Телефон: +7 (495) 123-45-67\n"
        "E-mail для входа: m.ivanova@romashka.ru\n"
        "Описание проблемы: при подписании появляется ошибка «Цепочка сертификатов не является доверенной».\n"
        "Иная информация: скриншот и журнал клиента во вложении.\n"
        "\n" + SIG_MARIA
    )
    body = multipart(
        "mixed",
        24,
        1,
        [
            text(plain, cte="qp"),
            attachment(png_screenshot(), "image", "png", "screenshot.png"),
            text_attachment(CLIENT_LOG, "endocs-client.log"),
        ],
    )
    finish(24, body, MARIA, "Ошибка сертификата при подписании")
    add(
        24,
        "attachments-png-log",
        body,
        "multipart/mixed: complete plain-text request with a PNG screenshot and a .log text "
        "file attached.",
        sender_state="matched",
        fields={
            "client_ref": "ED-1001",
            "other_info": "скриншот и журнал клиента во вложении.",
        },
        attachments=2,
    )

    # 25 ---------------------------------------------------------------
    plain = (
        "Добрый день!\n\n"
        "Организация: АО Вектор\nИД клиента: ED-2002\nКонтактное лицо: Пётр Сидоров\n"
        "Телефон: +7 (383) 210-45-67\nE-mail для входа: p.sidorov@vector.ru\n"
        "Описание проблемы: при открытии карточки входящего документа браузер выдаёт ошибку JavaScript.\n"
        "Журналы во вложении (архив).\n\n--\nПётр Сидоров\n"
    )
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8" /></head>'
        "<body style='font-size: 10pt; font-family: Verdana,Geneva,sans-serif'>\n"
        "<p>Добрый день!</p>\n"
        "<p>Организация: АО Вектор<br />ИД клиента: ED-2002<br />Контактное лицо: Пётр Сидоров<br />"
        "Телефон: +7 (383) 210-45-67<br />E-mail для входа: p.sidorov@vector.ru</p>\n"
        "<p>Описание проблемы: при открытии карточки входящего документа браузер выдаёт ошибку "
        "JavaScript.<br />Журналы во вложении (архив).</p>\n"
        '<div id="signature">-- <br />Пётр Сидоров</div>\n</body></html>\n'
    )
    body = multipart(
        "mixed",
        25,
        1,
        [
            multipart(
                "alternative",
                25,
                2,
                [text(plain, cte="qp"), text(html, "html", cte="qp")],
            ),
            attachment(zip_archive(), "application", "zip", "endocs-logs.zip"),
        ],
    )
    finish(
        25,
        body,
        PETR,
        "Ошибка JavaScript в карточке документа",
        extra=[("User-Agent", "Roundcube Webmail/1.6.9")],
    )
    add(
        25,
        "attachment-zip-roundcube",
        body,
        "Roundcube multipart/mixed (alternative text + HTML with <br />) with a ZIP archive "
        "of logs attached.",
        sender_state="matched",
        fields={"org_name": "АО Вектор", "login_email": "p.sidorov@vector.ru"},
        attachments=1,
    )

    # 26 ---------------------------------------------------------------
    cid = "image001.png@01DB8C2A.5F3E1A70"
    html = outlook(
        [
            "Добрый день!",
            "",
            "Данные запроса:",
            outlook_list(
                [
                    "Организация: ООО Ромашка",
                    "ИД клиента: ED-1001",
                    "Контактное лицо: Мария Иванова",
                    "Телефон: +7 (495) 123-45-67",
                    "E-mail для входа: m.ivanova@romashka.ru",
                ]
            ),
            "",
            "Описание проблемы: в отчёте «Документы на подписи» дублируются строки, см. снимок экрана.",
            "",
            f"<p class=MsoNormal><img width=48 height=30 style='width:.5in;height:.3125in' "
            f'id="Picture_x0020_1" src="cid:{cid}" alt="Снимок экрана"><o:p></o:p></p>',
            "",
            "Мария Иванова",
        ]
    )
    plain = (
        "Добрый день!\n\nДанные запроса:\n"
        "·         Организация: ООО Ромашка\n"
        "·         ИД клиента: ED-1001\n"
        "·         Контактное лицо: Мария Иванова\n"
        "·         Телефон: +7 (495) 123-45-67\n"
        "·         E-mail для входа: m.ivanova@romashka.ru\n\n"
        "Описание проблемы: в отчёте «Документы на подписи» дублируются строки, см. снимок экрана.\n\n"
        "[cid:" + cid + "]\n\nМария Иванова\n"
    )
    body = multipart(
        "related",
        26,
        1,
        [
            multipart(
                "alternative",
                26,
                2,
                [text(plain, cte="qp"), text(html, "html", cte="qp")],
            ),
            attachment(
                png_screenshot(), "image", "png", "image001.png", inline_cid=cid
            ),
        ],
        type="multipart/alternative",
    )
    finish(
        26,
        body,
        MARIA,
        "Дубли строк в отчёте",
        extra=[("X-Mailer", "Microsoft Outlook 16.0")],
    )
    add(
        26,
        "inline-image-outlook-bullets",
        body,
        "Outlook multipart/related with an inline screenshot (cid:) and the fields as an Outlook "
        "bullet list (MsoListParagraph, Symbol '·' bullets); the inline image is stored as an "
        "attachment.",
        sender_state="matched",
        fields={
            "org_name": "ООО Ромашка",
            "client_ref": "ED-1001",
            "contact_phone": "+74951234567",
            "login_email": "m.ivanova@romashka.ru",
        },
        attachments=1,
    )

    # 27 ---------------------------------------------------------------
    body = text(
        "Добрый день!\n"
        "\n"
        "Организация: ООО Ромашка\n"
        "ИД клиента: ED-1001\n"
        "Контактное лицо: Виктор Егоров\n"
        "Телефон: 8-495-123-45-71\n"
        "E-mail для входа: v.egorov@romashka.ru\n"
        "Описание проблемы: выгрузка документов в 1С завершается ошибкой «Неизвестный контрагент».\n"
        "\n"
        "--\n"
        "С уважением,\n"
        "Виктор Егоров\n",
        charset="windows-1251",
        cte="qp",
    )
    finish(
        27,
        body,
        ("Виктор Егоров", "v.egorov@romashka.ru"),
        "Не работает выгрузка в 1С",
        subject_charset="windows-1251",
        from_charset="windows-1251",
        extra=[("X-Mailer", "The Bat! (v10.4.3) Professional")],
    )
    add(
        27,
        "cp1251-plain-qp",
        body,
        "windows-1251 plain text, quoted-printable; subject and sender name as "
        "=?windows-1251?B?...?=; unknown sender with the client ID of ООО Ромашка.",
        sender_state="org_only",
        fields={
            "contact_name": "Виктор Егоров",
            "contact_phone": "+74951234571",
            "login_email": "v.egorov@romashka.ru",
        },
    )

    # 28 ---------------------------------------------------------------
    body = text(
        "Здравствуйте.\n"
        "\n"
        "Организация: АО Вектор\n"
        "ИД клиента: ED-2002\n"
        "Контактное лицо: Пётр Сидоров\n"
        "Телефон: +7 (383) 210-45-67\n"
        "E-mail для входа: p.sidorov@vector.ru\n"
        "Массовость: несколько\n"
        "Описание проблемы: не сохраняется маршрут согласования, после сохранения пропадает второй этап.\n"
        "\n"
        "-- \n"
        "П. Сидоров\n",
        charset="koi8-r",
        cte="b64",
    )
    finish(
        28,
        body,
        PETR,
        "Пропадает этап маршрута согласования",
        subject_charset="koi8-r",
        from_charset="koi8-r",
        extra=[("User-Agent", "Mutt/2.2.12 (2023-09-09)")],
    )
    add(
        28,
        "koi8r-plain-base64",
        body,
        "koi8-r plain text, base64; subject and sender name as =?koi8-r?B?...?=.",
        sender_state="matched",
        fields={
            "org_name": "АО Вектор",
            "contact_name": "Пётр Сидоров",
            "scope": "several",
            "contact_phone": "+73832104567",
        },
    )

    # 29 ---------------------------------------------------------------
    plain = (
        "Добрый день!\n\n"
        "Организация: АО Вектор\nИД клиента: ED-2002\nКонтактное лицо: Ольга Орлова\n"
        "Телефон: +7 383 222-33-55\nE-mail для входа: o.orlova@vector.ru\n"
        "Описание проблемы: не формируется УПД, кнопка «Создать документ» выдаёт ошибку 500.\n\n"
        "Ольга Орлова\n"
    )
    html = outlook(
        [
            "Добрый день!",
            "",
            "Организация: АО Вектор",
            "ИД клиента: ED-2002",
            "Контактное лицо: Ольга Орлова",
            "Телефон: +7 383 222-33-55",
            "E-mail для входа: o.orlova@vector.ru",
            "Описание проблемы: не формируется УПД, кнопка «Создать документ» выдаёт ошибку 500.",
            "",
            "Ольга Орлова",
        ],
        charset="windows-1251",
    )
    body = multipart(
        "alternative",
        29,
        1,
        [
            text(plain, charset="windows-1251", cte="qp"),
            text(html, "html", charset="windows-1251", cte="b64"),
        ],
    )
    finish(
        29,
        body,
        ("Ольга Орлова", "o.orlova@vector.ru"),
        "Ошибка 500 при создании УПД",
        subject_charset="windows-1251",
        from_charset="windows-1251",
        extra=[("X-Mailer", "Microsoft Outlook 14.0")],
    )
    add(
        29,
        "cp1251-html-alternative",
        body,
        "Outlook 2010 multipart/alternative in windows-1251 (text quoted-printable, HTML "
        "base64); unknown sender with the client ID of АО Вектор.",
        sender_state="org_only",
        fields={
            "org_name": "АО Вектор",
            "client_ref": "ED-2002",
            "contact_name": "Ольга Орлова",
            "contact_phone": "+73832223355",
            "login_email": "o.orlova@vector.ru",
        },
    )

    # 30 ---------------------------------------------------------------
    body = text(
        "Добрый день!\n"
        "\n"
        "Пишу по просьбе наших партнёров из АО «Вектор», у них не получается зайти.\n"
        "\n"
        "Организация: АО Вектор\n"
        "ИД клиента: ED-2002\n"
        "Контактное лицо: Мария Иванова\n"
        "Телефон: +7 (495) 123-45-67\n"
        "E-mail для входа: m.ivanova@romashka.ru\n"
        "Описание проблемы: партнёры не могут войти в EnDocs, пишут, что учётная запись заблокирована.\n"
        "\n" + SIG_MARIA,
        cte="qp",
    )
    finish(30, body, MARIA, "Не могут войти партнёры")
    add(
        30,
        "mismatch-client-id",
        body,
        "A known contact of ООО Ромашка gives the client ID of АО Вектор: complete, sender "
        "flagged 'mismatch'.",
        sender_state="mismatch",
        fields={"client_ref": "ED-2002", "org_name": "АО Вектор"},
    )

    # 31 ---------------------------------------------------------------
    body = text(
        "Здравствуйте.\n"
        "\n"
        "Организация: ИП Белов К. А.\n"
        "ИД клиента: CL-4040\n"
        "Контактное лицо: Константин Белов\n"
        "Телефон: +7 (912) 345-67-89\n"
        "E-mail для входа: k.belov@mail.ru\n"
        "Описание проблемы: не приходит СМС с кодом подтверждения при входе.\n",
        cte="b64",
    )
    finish(31, body, ("Константин Белов", "k.belov@mail.ru"), "Не приходит СМС с кодом")
    add(
        31,
        "unknown-sender-unknown-client-id",
        body,
        "Unknown sender, unknown client ID CL-4040: complete but sender 'unknown'.",
        sender_state="unknown",
        fields={
            "client_ref": "CL-4040",
            "contact_phone": "+79123456789",
            "login_email": "k.belov@mail.ru",
        },
    )

    # 32 ---------------------------------------------------------------
    body = text(
        "Добрый день!\n"
        "\n"
        "Организация: АО Вектор\n"
        "ИД клиента: ED-2002\n"
        "Контактное лицо: Пётр Сидоров\n"
        "Телефон: +7 (383) 210-45-67\n"
        "E-mail для входа: p.sidorov@vector.ru\n"
        "Описание проблемы: настроили автоответы контрагентам о получении документов, но "
        "письма-автоответы не уходят.\n",
        cte="qp",
    )
    finish(
        32,
        body,
        PETR,
        "Автоответы в EnDocs не отправляются контрагентам",
        extra=[("Auto-Submitted", "no")],
    )
    add(
        32,
        "auto-submitted-no-real-request",
        body,
        "A real request that only talks about auto-replies: subject 'Автоответы в EnDocs ...' "
        "and 'Auto-Submitted: no' must NOT be taken for an automatic message.",
        sender_state="matched",
        fields={"client_ref": "ED-2002"},
    )

    # 33 ---------------------------------------------------------------
    body = text(
        "Здравствуйте!\n"
        "\n"
        "Организация: ООО Ромашка\n"
        "ИД клиента: ED-1001\n"
        "Контактное лицо: Мария Иванова\n"
        "Телефон: +7 495 123-45-67\n"
        "Описание проблемы: при отправке документа контрагенту система пишет:\n"
        "«Не удалось проверить сертификат подписи. Обратитесь к администратору.»\n"
        "E-mail для входа в EnDocs: m.ivanova@romashka.ru\n",
        cte="qp",
    )
    finish(33, body, MARIA, "Не удалось проверить сертификат")
    add(
        33,
        "description-line-ends-with-pishet",
        body,
        "The description line ends with 'система пишет:' (the error text follows on the next "
        "line), the login comes after it.",
        sender_state="matched",
        fields={
            "login_email": "m.ivanova@romashka.ru",
            "description": "при отправке документа контрагенту система пишет:\n"
            "«Не удалось проверить сертификат подписи. Обратитесь к администратору.»",
        },
        known_issue="the reply-attribution stop pattern '.+ пишет:$' matches the description "
        "line, so parsing stops there: no description label, login_email missing.",
    )

    # 34 ---------------------------------------------------------------
    body = text(
        "Добрый день!\n"
        "Дополняю запрос:\n"
        "\n"
        "Организация: ООО Ромашка\n"
        "ИД клиента: ED-1001\n"
        "Контактное лицо: Мария Иванова\n"
        "Телефон: +7 (495) 123-45-67\n"
        "E-mail для входа: m.ivanova@romashka.ru\n"
        "\n"
        "3 марта 2025 г., в 12:11, Мария Иванова <m.ivanova@romashka.ru> пишет:\n"
        + quote_plain(freeform.rstrip("\n"))
        + "\n",
        cte="qp",
    )
    finish(
        34,
        body,
        MARIA,
        "Re: Не работает подписание документов",
        in_reply_to=msgid(17),
        references=msgid(17),
    )
    add(
        34,
        "reply-completes-17",
        body,
        "Plain-text reply (In-Reply-To/References the free-form request 17) supplying the five "
        "missing fields above the quoted original: request 17 becomes complete.",
        creates=False,
        reply_to=file_of(17),
        fields={
            "org_name": "ООО Ромашка",
            "client_ref": "ED-1001",
            "contact_name": "Мария Иванова",
            "contact_phone": "+74951234567",
            "login_email": "m.ivanova@romashka.ru",
        },
    )

    # 35 ---------------------------------------------------------------
    original = [
        "Добрый день.",
        "",
        "Организация: АО Вектор",
        "ИД клиента: ED-2002",
        "Контактное лицо: Пётр Сидоров",
        "E-mail для входа в EnDocs: p.sidorov@vector.ru",
        "Описание проблемы: не удаётся добавить нового сотрудника в справочник пользователей, "
        "кнопка «Добавить» неактивна.",
    ]
    html = (
        '<div dir="ltr">Добрый день!<br>Забыл указать телефон.<br>Телефон: +7 (383) 210-45-67<br>'
        "<br>Пётр</div><br>"
        '<div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">'
        'пн, 3 мар. 2025 г. в 12:32, Пётр Сидоров &lt;<a href="mailto:p.sidorov@vector.ru">'
        "p.sidorov@vector.ru</a>&gt;:<br></div>"
        '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid '
        'rgb(204,204,204);padding-left:1ex">'
        + "<br>".join(original)
        + "<br>\n</blockquote></div>\n"
    )
    plain = (
        "Добрый день!\nЗабыл указать телефон.\nТелефон: +7 (383) 210-45-67\n\nПётр\n\n"
        "пн, 3 мар. 2025 г. в 12:32, Пётр Сидоров <p.sidorov@vector.ru>:\n\n"
        + quote_plain("\n".join(original))
        + "\n"
    )
    body = multipart(
        "alternative", 35, 1, [text(plain, cte="b64"), text(html, "html", cte="qp")]
    )
    finish(
        35,
        body,
        PETR,
        "Re: Не добавляется пользователь",
        in_reply_to=msgid(19),
        references=msgid(19),
    )
    add(
        35,
        "reply-gmail-html-completes-19",
        body,
        "Gmail HTML reply to request 19 adding the phone above the gmail_quote: request 19 "
        "becomes complete.",
        creates=False,
        reply_to=file_of(19),
        fields={"contact_phone": "+73832104567", "client_ref": "ED-2002"},
    )

    # 36 ---------------------------------------------------------------
    body = text(
        "Hi,\n"
        "\n"
        "sorry, here are our details:\n"
        "Organization: Northwind Trading LLC\n"
        "Customer ID: nw-3003\n"
        "\n"
        "John\n"
        "\n"
        "On Mon, 3 Mar 2025 at 12:19, John Miller <john.miller@northwind.example> wrote:\n"
        "> Hello,\n"
        ">\n"
        "> we evaluate EnDocs for our Russian subsidiary and cannot log in to the trial\n"
        "> account since yesterday: the login page says the account is locked.\n",
        cte="7bit",
    )
    finish(
        36,
        body,
        ("John Miller", "john.miller@northwind.example"),
        "Re: Account locked",
        in_reply_to=msgid(18),
        references=msgid(18),
        extra=[("X-Mailer", "Apple Mail (2.3774.400.31)")],
    )
    add(
        36,
        "reply-partial-18",
        body,
        "English plain reply to request 18 giving only organisation and customer ID: request "
        "18 stays incomplete (contact, phone, login missing).",
        creates=False,
        reply_to=file_of(18),
        missing=["contact_name", "contact_phone", "login_email"],
        fields={"org_name": "Northwind Trading LLC", "client_ref": "NW-3003"},
    )

    # 37 ---------------------------------------------------------------
    body = text(
        "Добрый день!\n"
        "\n"
        "Телефон контактного лица: +7 (916) 555-12-34\n"
        "\n"
        "Мария\n"
        "\n"
        "3 марта 2025 г., в 12:40, Мария Иванова <m.ivanova@romashka.ru> пишет:\n"
        "> Телефон: 12-34\n",
        cte="qp",
    )
    finish(
        37,
        body,
        MARIA,
        "Re: Не печатается штамп ЭП",
        in_reply_to=msgid(20),
        references=msgid(20),
    )
    add(
        37,
        "reply-title-label-completes-20",
        body,
        "Reply to request 20 giving the phone under the field's own title, as listed in the "
        "registration notice ('Телефон контактного лица: ...'): request 20 becomes complete.",
        creates=False,
        reply_to=file_of(20),
        fields={"contact_phone": "+79165551234"},
        known_issue="'Телефон контактного лица' (intake.title('contact_phone'), the wording of "
        "the registration notice) is not a label: the label 'телефон' must be followed by the "
        "separator. Same for 'Контактный телефон', 'Массовость проблемы'. Request 20 stays "
        "incomplete.",
    )

    # 38 ---------------------------------------------------------------
    body = text(
        "Здравствуйте!\n"
        "\n"
        "Я в отпуске до 10 марта 2025 г. включительно, почту не читаю.\n"
        "По срочным вопросам обращайтесь к Марии Ивановой.\n"
        "Телефон: +7 (495) 123-45-67\n"
        "\n"
        "Алексей Смирнов\n",
        cte="qp",
    )
    finish(
        38,
        body,
        ("Алексей Смирнов", "a.smirnov@romashka.ru"),
        "Отпуск до 10.03.2025",
        in_reply_to="<notice-sd-00004@endocs.ru>",
        extra=[
            ("Auto-Submitted", "auto-replied"),
            ("X-Mailer", "Microsoft Outlook 16.0"),
        ],
    )
    add(
        38,
        "ooo-auto-submitted-ru",
        body,
        "Russian out-of-office reply with 'Auto-Submitted: auto-replied' and a neutral subject "
        "(in reply to a notice id unknown to the corpus): no request.",
        creates=False,
    )

    # 39 ---------------------------------------------------------------
    body = text(
        "Thank you for your message. I am out of the office until 10 March with limited access "
        "to e-mail.\n\nJohn Miller\nNorthwind Trading\n",
        cte="7bit",
    )
    finish(
        39,
        body,
        ("John Miller", "john.miller@northwind.example"),
        "Out of Office: Request SD-00018 registered",
        in_reply_to="<notice-sd-00018@endocs.ru>",
        extra=[("Auto-Submitted", "auto-replied"), ("Precedence", "auto_reply")],
    )
    add(
        39,
        "ooo-auto-submitted-en",
        body,
        "English Gmail-style vacation responder: 'Auto-Submitted: auto-replied', "
        "'Precedence: auto_reply', subject 'Out of Office: ...': no request.",
        creates=False,
    )

    # 40 ---------------------------------------------------------------
    html = (
        '<html><body><table width="600" cellpadding="0" cellspacing="0">'
        "<tr><td><h1>Дайджест электронного документооборота</h1></td></tr>"
        "<tr><td><p>Компания: Партнёрский дайджест</p><p>Пять новых функций, которые стоит "
        'включить в марте.</p><p><a href="https://digest.example/unsubscribe?u=support%40endocs.ru">'
        "Отписаться</a></p></td></tr></table></body></html>\n"
    )
    plain = (
        "Дайджест электронного документооборота\n\nКомпания: Партнёрский дайджест\n"
        "Пять новых функций, которые стоит включить в марте.\n\n"
        "Отписаться: https://digest.example/unsubscribe?u=support%40endocs.ru\n"
    )
    body = multipart(
        "alternative", 40, 1, [text(plain, cte="qp"), text(html, "html", cte="qp")]
    )
    finish(
        40,
        body,
        ("Партнёрский дайджест", "news@digest.example"),
        "Пять новых функций ЭДО в марте",
        extra=[
            ("Precedence", "bulk"),
            (
                "List-Unsubscribe",
                "<https://digest.example/unsubscribe?u=support%40endocs.ru>",
            ),
            ("List-Id", "Digest <digest.example>"),
        ],
    )
    add(
        40,
        "newsletter-precedence-bulk",
        body,
        "Newsletter with 'Precedence: bulk' and List-Unsubscribe: no request.",
        creates=False,
        quarantine="bulk",
    )

    # 41 ---------------------------------------------------------------
    body = text(
        "Здравствуйте! Ваше письмо получено. Отвечу в ближайшее время.\n"
        "Константин Белов\n",
        cte="b64",
    )
    finish(
        41,
        body,
        ("Константин Белов", "k.belov@mail.ru"),
        "Re: Запрос SD-00031 зарегистрирован",
        in_reply_to="<notice-sd-00031@endocs.ru>",
        extra=[("X-Autoreply", "yes")],
    )
    add(
        41,
        "x-autoreply-header",
        body,
        "Mail.ru-style auto-reply recognisable only by 'X-Autoreply: yes' (subject 'Re: ...'): "
        "no request.",
        creates=False,
    )

    # 42 ---------------------------------------------------------------
    html = outlook(
        [
            "I am currently out of the office with no access to e-mail. I will return on Monday, "
            "10 March.",
            "",
            "Irina Lebedeva",
        ]
    )
    plain = (
        "I am currently out of the office with no access to e-mail. I will return on Monday, "
        "10 March.\n\nIrina Lebedeva\n"
    )
    body = multipart(
        "alternative", 42, 1, [text(plain, cte="qp"), text(html, "html", cte="qp")]
    )
    finish(
        42,
        body,
        ("Irina Lebedeva", "i.lebedeva@vector.ru"),
        "Automatic reply: Request SD-00019 registered",
        in_reply_to="<notice-sd-00019@endocs.ru>",
        extra=[
            ("Thread-Topic", "Request SD-00019 registered"),
            ("Thread-Index", "AQHbjA1b2c3d4e5f6a7b8c9d0e1f2g=="),
            ("X-MS-Has-Attach", ""),
            ("X-MS-TNEF-Correlator", ""),
            ("Content-Language", "en-US"),
        ],
    )
    add(
        42,
        "exchange-automatic-reply-subject",
        body,
        "Exchange/Outlook out-of-office recognisable only by its subject 'Automatic reply: "
        "...': no request.",
        creates=False,
    )

    # 43 ---------------------------------------------------------------
    html = outlook(
        [
            "Добрый день!",
            "",
            "Я нахожусь в командировке до 7 марта. По вопросам документооборота обращайтесь к "
            "Петру Сидорову.",
            "",
            "Ирина Лебедева",
        ]
    )
    body = text(html, "html", cte="b64")
    finish(
        43,
        body,
        ("Ирина Лебедева", "i.lebedeva@vector.ru"),
        "Автоматический ответ: Запрос SD-00022 зарегистрирован",
        in_reply_to="<notice-sd-00022@endocs.ru>",
        extra=[
            ("X-Auto-Response-Suppress", "All"),
            ("Thread-Topic", "Запрос SD-00022 зарегистрирован"),
            ("X-MS-Exchange-Inbox-Rules-Loop", "i.lebedeva@vector.ru"),
            ("Content-Language", "ru-RU"),
        ],
    )
    add(
        43,
        "exchange-avtomaticheskiy-otvet",
        body,
        "Russian Exchange out-of-office: subject 'Автоматический ответ: ...' and "
        "'X-Auto-Response-Suppress: All' (HTML only): no request.",
        creates=False,
    )

    # 44 ---------------------------------------------------------------
    report = text(
        "This is the mail system at host mx.romashka.ru.\n"
        "\n"
        "I'm sorry to have to inform you that your message could not\n"
        "be delivered to one or more recipients. It's attached below.\n"
        "\n"
        "                   The mail system\n"
        "\n"
        "<e.sokolova@romashka.ru>: host mailbox.romashka.ru[10.0.0.12] said: 550 5.1.1\n"
        "    <e.sokolova@romashka.ru>: Recipient address rejected: User unknown in\n"
        "    virtual mailbox table (in reply to RCPT TO command)\n",
        charset="us-ascii",
        cte="7bit",
    )
    report.set_param("charset", "us-ascii")
    report["Content-Description"] = "Notification"
    status = MIMEBase("message", "delivery-status")
    del status["MIME-Version"]
    status["Content-Description"] = "Delivery report"
    per_message = Message()
    per_message["Reporting-MTA"] = "dns; mx.romashka.ru"
    per_message["X-Postfix-Queue-ID"] = "4Z6Qm31kLzz9sWq"
    per_message["X-Postfix-Sender"] = "rfc822; support@endocs.ru"
    per_message["Arrival-Date"] = "Mon,  3 Mar 2025 17:05:11 +0300 (MSK)"
    per_recipient = Message()
    per_recipient["Final-Recipient"] = "rfc822; e.sokolova@romashka.ru"
    per_recipient["Original-Recipient"] = "rfc822;e.sokolova@romashka.ru"
    per_recipient["Action"] = "failed"
    per_recipient["Status"] = "5.1.1"
    per_recipient["Remote-MTA"] = "dns; mailbox.romashka.ru"
    per_recipient["Diagnostic-Code"] = (
        "smtp; 550 5.1.1 <e.sokolova@romashka.ru>: Recipient address rejected: User\n"
        "    unknown in virtual mailbox table"
    )
    status.set_payload([per_message, per_recipient])
    headers = text(
        "Return-Path: <support@endocs.ru>\n"
        "Date: Mon, 03 Mar 2025 17:05:10 +0300\n"
        f"From: {_word('Служба поддержки EnDocs', 'utf-8')} <support@endocs.ru>\n"
        "To: e.sokolova@romashka.ru\n"
        f"Subject: {_word('Запрос SD-00024 зарегистрирован', 'utf-8')}\n"
        "Message-ID: <notice-sd-00024@endocs.ru>\n",
        "rfc822-headers",
        charset="us-ascii",
        cte="7bit",
    )
    del headers["Content-Type"]
    headers["Content-Type"] = "text/rfc822-headers"
    headers["Content-Description"] = "Undelivered Message Headers"
    body = multipart(
        "report", 44, 1, [report, status, headers], report_type="delivery-status"
    )
    finish(
        44,
        body,
        "MAILER-DAEMON@mx.romashka.ru (Mail Delivery System)",
        "Undelivered Mail Returned to Sender",
    )
    add(
        44,
        "bounce-mailer-daemon",
        body,
        "Postfix bounce from MAILER-DAEMON: multipart/report; report-type=delivery-status "
        "(text, message/delivery-status, text/rfc822-headers) with a subject the subject "
        "rule does not know: recognised by the sender: no request.",
        creates=False,
    )

    # 45 ---------------------------------------------------------------
    colleague = [
        "Маша, привет!",
        "",
        "У меня с утра не открываются карточки входящих документов, висит «Загрузка...».",
        "Телефон: +7 (495) 123-45-68",
        "",
        "Алексей",
    ]
    top = [
        "Коллеги, добрый день!",
        "",
        "Подключаю поддержку, описание от коллеги ниже.",
        "",
        "Организация: ООО Ромашка",
        "ИД клиента: ED-1001",
        "Контактное лицо: Мария Иванова",
        "E-mail для входа: m.ivanova@romashka.ru",
        "Описание проблемы: у сотрудников не открываются карточки входящих документов.",
    ]
    html = (
        gmail_br(top).rstrip("\n")
        + '<br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">'
        'On Mon, 3 Mar 2025 at 09:52, Алексей Смирнов &lt;<a href="mailto:a.smirnov@romashka.ru">'
        "a.smirnov@romashka.ru</a>&gt; wrote:<br></div>"
        '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid '
        'rgb(204,204,204);padding-left:1ex"><div dir="ltr">'
        + "<br>".join(colleague)
        + "</div>\n</blockquote></div>\n"
    )
    plain = (
        "\n".join(top) + "\n\n"
        "On Mon, 3 Mar 2025 at 09:52, Алексей Смирнов <a.smirnov@romashka.ru> wrote:\n\n"
        + quote_plain("\n".join(colleague))
        + "\n"
    )
    body = multipart(
        "alternative", 45, 1, [text(plain, cte="b64"), text(html, "html", cte="qp")]
    )
    finish(
        45,
        body,
        MARIA,
        "Re: не открываются карточки",
        cc=address("Алексей Смирнов", "a.smirnov@romashka.ru"),
        in_reply_to="<CAHx7pQ4mZ2vYQx0sK9=corpus45@mail.gmail.com>",
        references="<CAHx7pQ4mZ2vYQx0sK9=corpus45@mail.gmail.com>",
    )
    add(
        45,
        "gmail-reply-all-quoted-phone",
        body,
        "Gmail HTML (English UI) reply-all to a colleague's e-mail, support added in To (a new "
        "request: the replied message is unknown to Odoo); the fields above omit the phone, the "
        "quoted colleague's message has 'Телефон: ...': the quote must not fill it.",
        sender_state="matched",
        missing=["contact_phone"],
        fields={
            "client_ref": "ED-1001",
            "login_email": "m.ivanova@romashka.ru",
            "contact_phone": None,
        },
        known_issue="Odoo's quote tagging puts an attribute on the <br> of the Gmail attribution, "
        "so html2plaintext glues 'On ... wrote:' to the first quoted line and the stop pattern "
        "'on .+ wrote:$' never matches: the quoted 'Телефон: +7 (495) 123-45-68' (the colleague's) "
        "becomes the contact phone and the request looks complete.",
    )


# ----------------------------------------------------------------------
# The gateway corpus (issue 15): broken mail, machines, lists, the formats of
# the clients Russian companies use
# ----------------------------------------------------------------------

MARIA_LINES = [
    "Организация: ООО Ромашка",
    "ИД клиента: ED-1001",
    "Контактное лицо: Мария Иванова",
    "Телефон: +7 495 123-45-67",
    "E-mail для входа: m.ivanova@romashka.ru",
]
MARIA_FIELDS = {
    "org_name": "ООО Ромашка",
    "client_ref": "ED-1001",
    "contact_name": "Мария Иванова",
    "contact_phone": "+74951234567",
    "login_email": "m.ivanova@romashka.ru",
}
PROBLEM = "не открывается карточка входящего документа, висит «Загрузка...»."
PROBLEM_2 = "После обновления браузера ошибка повторяется у всех сотрудников."


def _bytes(msg):
    return msg.as_bytes(policy=compat32.clone(max_line_length=0))


def _plain(nn, sender, subject, lines, *, charset="utf-8", cte="qp", **kwargs):
    return finish(
        nn, text("\n".join(lines) + "\n", charset=charset, cte=cte), sender, subject,
        **kwargs,
    )


def _html(nn, sender, subject, html, *, charset="utf-8", cte="qp", **kwargs):
    return finish(nn, text(html, "html", charset=charset, cte=cte), sender, subject, **kwargs)


def build_gateway():  # noqa: C901 - one message after another
    nn = 46
    msg = _plain(
        nn, MARIA, "Не открывается карточка",
        ["Добрый день!", "", *MARIA_LINES, f"Описание проблемы: {PROBLEM}"],
    )
    raw = _bytes(msg)
    subject = msg["Subject"].encode()
    raw = raw.replace(subject, b"Ne otkryvaetsya\x00 kartochka\x00")
    add(
        nn, "nul-in-subject", raw,
        "A NUL byte in the Subject (PostgreSQL refuses it on the insert, and Odoo's own "
        "failure path too): cleaned, registered.",
        sender_state="matched", fields={**MARIA_FIELDS, "description": PROBLEM},
    )

    nn = 47
    msg = _plain(
        nn, "placeholder@example.com", "Проблема со входом",
        ["Здравствуйте!", "", f"Описание проблемы: {PROBLEM}", "", "Борис"],
    )
    raw = _bytes(msg).replace(
        b"From: placeholder@example.com",
        b"From: =?utf-8?B?" + base64.b64encode("Борис\r\nBcc: x@evil.example".encode())
        + b"?= <b.petrov@unknown-client.ru>",
    )
    add(
        nn, "from-decodes-to-crlf", raw,
        "A From whose encoded name decodes to CR/LF (Python's email refuses it: 'address "
        "parts cannot contain CR or LF'): cleaned, registered for an unknown sender named "
        "by the clean display name.",
        sender_state="unknown", missing=["org_name", "client_ref", "contact_name",
                                         "contact_phone", "login_email"],
        partner_name="Борис Bcc: x@evil.example",
    )

    nn = 48
    report = (
        "This is the mail system at host mx.vector.ru.\n\n"
        "I'm sorry to have to inform you that your message could not be delivered.\n"
        "<o.orlova@vector.ru>: User unknown\n"
    )
    raw = (
        f"Date: {date_of(nn)}\n"
        "From: MAILER-DAEMON@mx.vector.ru (Mail Delivery System)\n"
        f"To: {SUPPORT}\n"
        "Subject: Undelivered Mail Returned to Sender\n"
        f"Message-ID: {msgid(nn)}\n"
        "MIME-Version: 1.0\n"
        "Content-Type: multipart/report; report-type=delivery-status\n"
        "\n"
        f"{report}\n"
        "Reporting-MTA: dns; mx.vector.ru\n"
        "Final-Recipient: rfc822; o.orlova@vector.ru\n"
        "Action: failed\n"
        "Status: 5.1.1\n"
    ).encode()
    add(
        nn, "bounce-missing-boundary", raw,
        "Delivery report declared multipart/report without a boundary (the whole body one "
        "string: Odoo's _get_bounced_message_data raises AttributeError 'str' object has no "
        "attribute 'get_all'): read defensively, kept in the quarantine.",
        creates=False, quarantine="machine",
    )

    nn = 49
    raw = (
        f"Date: {date_of(nn)}\n"
        "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\n"
        f"To: {SUPPORT}\n"
        "Subject: Delivery Status Notification (Failure)\n"
        f"Message-ID: {msgid(nn)}\n"
        "Auto-Submitted: auto-replied\n"
        "MIME-Version: 1.0\n"
        'Content-Type: multipart/report; boundary="cut49"; report-type=delivery-status\n'
        "\n"
        "--cut49\n"
        "Content-Type: text/plain; charset=UTF-8\n\n"
        "Address not found: o.orlova@vector.ru\n\n"
        "--cut49\n"
        "Content-Type: message/delivery-status\n\n"
        "Reporting-MTA: dns; googlemail.com\n\n"
        "Final-Recipient: rfc822; o.orlova@vector.ru\n"
        "Action: failed\n\n"
        "--cut49\n"
        "Content-Type: message/rfc822\n\n"
        "Return-Path: <bounce@endocs.ru>\n"
        "Message-ID: <notice-sd-00049@endocs.ru>\n"
        "Subject: =?utf-8?B?0JfQsNC/0YDQvtGB?=\n"
        "Content-Type: multipart/alternative; boundary=\"inner49\"\n\n"
        "--inner49\n"
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Запрос зарегис"
    ).encode()
    add(
        nn, "bounce-cut-mime", raw,
        "Gmail delivery report cut in the returned message (no closing boundaries, the inner "
        "multipart unfinished): kept in the quarantine, nothing answered.",
        creates=False, quarantine="machine",
    )

    nn = 50
    parts = [text(
        "\n".join(["Добрый день!", "", *MARIA_LINES, f"Описание проблемы: {PROBLEM}"]),
        cte="b64",
    )]
    for index in range(3000):
        parts.append(text(
            f"<html><body><p>Фрагмент журнала {index}: "
            f"<b>ERROR</b> sign-service {'x' * 120}</p></body></html>",
            "html", cte="7bit" if False else "b64",
        ))
    body = multipart("mixed", nn, 1, parts)
    finish(nn, body, MARIA, "Журнал ошибок подписи")
    add(
        nn, "three-thousand-html-parts", body,
        "About 3,000 HTML parts (Odoo sanitises the growing body once per part: 17 minutes "
        "on a 3 MB message; Python's email reads every part's headers several times): "
        "the first 100 parts are kept (20 in the body, 80 as attachments) and the whole "
        "message is attached as original-message.eml; registered in bounded time.",
        sender_state="matched", fields=MARIA_FIELDS, attachments=81,
    )

    nn = 51
    msg = _plain(
        nn, ("Barry Warsaw", "barry@python.example"), "[dev] Вопрос по выгрузке в EnDocs",
        ["Коллеги, подскажите, у кого ещё не выгружаются документы в EnDocs после обновления?",
         "У нас с утра ошибка 502.", "", "Barry",
         "_______________________________________________",
         "dev mailing list -- dev@lists.example",
         "To unsubscribe send an email to dev-leave@lists.example"],
        extra=[
            ("List-Id", "Dev discussions <dev.lists.example>"),
            ("List-Post", "<mailto:dev@lists.example>"),
            ("List-Unsubscribe", "<mailto:dev-leave@lists.example>"),
            ("Precedence", "bulk"),
        ],
    )
    add(
        nn, "list-post-precedence-bulk", msg,
        "A person's post through a discussion list (List-Id, List-Post) with Precedence: "
        "bulk: registered (it was dropped as automatic), no notice to the list, no contact.",
        sender_state="unknown", notice=False,
        missing=["org_name", "client_ref", "contact_name", "contact_phone", "login_email"],
    )

    nn = 52
    html = gmail_divs([
        "Добрый день!", "", "Пишу с технического адреса, мой ящик не работает.",
        *MARIA_LINES[:3], f"Описание проблемы: {PROBLEM}", "", "Мария",
    ])
    msg = _html(nn, ("Мария Иванова", "postmaster@romashka.ru"), "Не работает EnDocs", html)
    add(
        nn, "person-from-postmaster-html", msg,
        "A person's HTML mail from a postmaster@ address (it was dropped as automatic): "
        "registered, but no notice and no new contact for postmaster@.",
        sender_state="org_only", notice=False,
        missing=["contact_phone", "login_email"],
    )

    nn = 53
    msg = _plain(
        nn, ("Сбербанк Бизнес Онлайн", "noreply@sberbank.example"), "Выписка по счёту",
        ["Уважаемый клиент!", "", "Выписка по счёту за 03.03.2025 сформирована.",
         "Телефон: 8 800 555-55-50", "Email: noreply@sberbank.example",
         "", "Это письмо сформировано автоматически, не отвечайте на него."],
    )
    add(
        nn, "noreply-bank-notification", msg,
        "A bank's notification from noreply@ with 'Телефон:' and 'Email:' lines and no "
        "automatic header: registered, no notice, no contact; the weak labels alone are "
        "no intake data.",
        sender_state="unknown", notice=False,
        missing=["org_name", "client_ref", "contact_name", "contact_phone", "login_email"],
        fields={"contact_phone": None, "login_email": None},
    )

    nn = 54
    msg = _plain(
        nn, ("'Иван Петров' via Поддержка клиентов", "clients@googlegroups.example"),
        "Не проходит подпись",
        ["Организация: АО Вектор", "ИД клиента: ED-2002",
         f"Описание проблемы: {PROBLEM}", "", "Иван"],
        extra=[("Reply-To", "ivan.petrov@vector.ru"),
               ("X-Original-From", "ivan.petrov@vector.ru")],
    )
    add(
        nn, "google-group-via-from", msg,
        "A Google Group post whose From was rewritten to «'Иван Петров' via Поддержка "
        "клиентов» <clients@googlegroups…>: registered, nothing sent to the group.",
        sender_state="org_only", notice=False,
        missing=["contact_name", "contact_phone", "login_email"],
    )

    nn = 55
    msg = _plain(
        nn, "dev-request@lists.example", "dev Digest, Vol 12, Issue 3",
        ["Send dev mailing list submissions to dev@lists.example", "",
         "Today's Topics:", "   1. Выгрузка в EnDocs (Barry)"],
    )
    add(
        nn, "digest-request-address", msg,
        "A list digest from a -request@ address: registered without a notice.",
        sender_state="unknown", notice=False,
        missing=["org_name", "client_ref", "contact_name", "contact_phone", "login_email"],
    )

    nn = 56
    html = (
        "<html><body><h1>Новости EnDocs за март</h1><p>Телефон: +7 800 000-00-00</p>"
        '<p><a href="https://news.example/u">Отписаться</a></p></body></html>'
    )
    msg = _html(
        nn, ("Новости ЭДО", "news@edo-news.example"), "Новости ЭДО: март", html,
        extra=[("List-Unsubscribe", "<https://news.example/u?id=1>"),
               ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")],
    )
    add(
        nn, "newsletter-list-unsubscribe", msg,
        "A newsletter with List-Unsubscribe only: kept in the quarantine (bulk), no notice.",
        creates=False, quarantine="bulk",
    )

    nn = 57
    msg = _plain(
        nn, ("Светлана Кузнецова", "s.kuznetsova@vector.ru"), "[buh] Ошибка в EnDocs",
        ["Организация: АО Вектор", "ИД клиента: ED-2002",
         f"Описание проблемы: {PROBLEM}"],
        extra=[("Precedence", "list"), ("List-Id", "<buh.vector.ru>")],
    )
    add(
        nn, "company-list-precedence-list", msg,
        "A company's internal list (Precedence: list, List-Id) copying support: registered "
        "without a notice.",
        sender_state="org_only", notice=False,
        missing=["contact_name", "contact_phone", "login_email"],
    )

    nn = 58
    html = outlook([
        "Добрый день!", "",
        *MARIA_LINES,
        "Описание проблемы:",
        PROBLEM,
        PROBLEM_2,
        "",
        "С уважением,",
        "Мария Иванова",
        "Телефон: +7 495 000-00-00",
        "<div style='border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm'>"
        "<p class=MsoNormal><b>От:</b> Ольга Орлова<br><b>Отправлено:</b> 3 марта 2025 г. "
        "9:15<br><b>Кому:</b> Мария Иванова<br><b>Тема:</b> карточки</p></div>",
        "Контактное лицо: Ольга Орлова",
    ])
    msg = _html(nn, MARIA, "RE: карточки", html, cte="b64")
    add(
        nn, "outlook-ru-reply-signoff", msg,
        "Outlook in Russian (HTML): a multi-line description, then «С уважением,», a "
        "signature phone and Outlook's «От: … Отправлено: …» header without an address: "
        "the description stops at the sign-off.",
        sender_state="matched",
        fields={**MARIA_FIELDS, "description": f"{PROBLEM}\n{PROBLEM_2}"},
    )

    nn = 59
    html = (
        "<div>Добрый день!</div><div> </div>"
        + "".join(f"<div>{line}</div>" for line in MARIA_LINES)
        + f"<div>Описание проблемы: {PROBLEM}</div><div>{PROBLEM_2}</div>"
        "<div> </div><div>-- </div><div>Мария</div><div> </div>"
        "<div>03.03.2025, 10:00, \"Ольга Орлова\" &lt;o.orlova@vector.ru&gt;:</div>"
        "<blockquote><div>Мобильный: +7 916 000-00-00</div></blockquote>"
    )
    msg = _html(nn, MARIA, "Re: карточки", html, extra=[("X-Mailer", "Yamail [ http://yandex.ru ] 5.0")])
    add(
        nn, "yandex-html-signature", msg,
        "Yandex Mail HTML (one <div> per line): the description's second line kept, the "
        "«-- » signature and the quote header «03.03.2025, 10:00, \"…\" <…>:» end it.",
        sender_state="matched",
        fields={**MARIA_FIELDS, "description": f"{PROBLEM}\n{PROBLEM_2}"},
    )

    nn = 60
    lines = [
        "Добрый день!", "", *MARIA_LINES, "Описание проблемы:", PROBLEM, PROBLEM_2, "",
        "Понедельник, 3 марта 2025, 9:15 +03:00 от Ольга Орлова <o.orlova@vector.ru>:",
        "> Телефон: +7 916 000-00-00", "",
        "--", "Отправлено из Почты Mail.ru",
    ]
    msg = _plain(nn, MARIA, "Re: карточки", lines, extra=[("X-Mailer", "Mail.Ru Mailer 1.0")])
    add(
        nn, "mailru-quote-header", msg,
        "Mail.ru: «Понедельник, 3 марта 2025, 9:15 +03:00 от … <…>:» ends the multi-line "
        "description.",
        sender_state="matched",
        fields={**MARIA_FIELDS, "description": f"{PROBLEM}\n{PROBLEM_2}"},
    )

    nn = 61
    lines = [
        "Здравствуйте, Служба.", "", *MARIA_LINES, "Описание проблемы:", PROBLEM, PROBLEM_2,
        "", "Вы писали 3 марта 2025 г., 9:15:05:", "",
        "> Контактное лицо: Ольга Орлова", "", "--", "С уважением,",
        " Мария                          mailto:m.ivanova@romashka.ru",
    ]
    msg = _plain(
        nn, MARIA, "Re: карточки", lines, charset="windows-1251", cte="8bit",
        subject_charset="windows-1251", from_charset="windows-1251",
        extra=[("X-Mailer", "The Bat! (v10.4.1) Professional")],
    )
    add(
        nn, "thebat-cp1251-quote", msg,
        "The Bat! in windows-1251 (8bit): «Вы писали 3 марта 2025 г., 9:15:05:» ends the "
        "description.",
        sender_state="matched",
        fields={**MARIA_FIELDS, "description": f"{PROBLEM}\n{PROBLEM_2}"},
    )

    nn = 62
    rows = [
        ("Организация", "ООО Ромашка"), ("ИД клиента", "ED-1001"),
        ("Контактное лицо", "Мария Иванова"), ("Телефон", "+7 (495) 123-45-67"),
        ("E-mail для входа", "m.ivanova@romashka.ru"), ("Описание проблемы", PROBLEM),
    ]
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; '
        'charset=windows-1251"></head><body><p>Обращение в техническую поддержку '
        "(сформировано автоматически 1С:Предприятие 8.3)</p>"
        '<table border="1">'
        + "".join(f"<tr><td>{k}:</td><td>{v}</td></tr>" for k, v in rows)
        + "</table></body></html>"
    )
    msg = _html(
        nn, ("Бухгалтерия Ромашка", "m.ivanova@romashka.ru"), "Обращение в поддержку", html,
        charset="windows-1251", cte="b64", subject_charset="windows-1251",
        from_charset="windows-1251",
        extra=[("X-Mailer", "1C:Enterprise 8.3")],
    )
    add(
        nn, "1c-enterprise-table-cp1251", msg,
        "Mail generated by 1C:Enterprise 8.3: windows-1251 base64 HTML, the data as a "
        "table of «label:» and value cells.",
        sender_state="matched", fields={**MARIA_FIELDS, "description": PROBLEM},
    )

    nn = 63
    lines = [
        *MARIA_LINES, "Описание проблемы:", PROBLEM, PROBLEM_2, "",
        "В сообщении от понедельник, 3 марта 2025 г. 09:15:00 MSK пользователь Ольга "
        "Орлова написал:",
        "> Телефон: +7 916 000-00-00",
    ]
    msg = _plain(nn, MARIA, "Re: карточки", lines, extra=[("User-Agent", "KMail/5.2.3")])
    add(
        nn, "kmail-ru-quote-header", msg,
        "KMail in Russian: «В сообщении от … пользователь … написал:» ends the description.",
        sender_state="matched",
        fields={**MARIA_FIELDS, "description": f"{PROBLEM}\n{PROBLEM_2}"},
    )

    nn = 64
    lines = [
        *MARIA_LINES, "Problem description:", PROBLEM, PROBLEM_2, "",
        "On Mon, 3 Mar 2025 at 09:15, Olga Orlova <o.orlova@vector.ru>",
        "wrote:", "", "> Contact person: Olga Orlova",
    ]
    msg = _plain(nn, MARIA, "Re: cards", lines)
    add(
        nn, "gmail-wrapped-attribution", msg,
        "Gmail plain text whose attribution wraps before «wrote:»: the lone «wrote:» line "
        "ends the description.",
        sender_state="matched",
        fields={**MARIA_FIELDS, "description": f"{PROBLEM}\n{PROBLEM_2}"},
    )

    nn = 65
    lines = [
        *MARIA_LINES, "Описание проблемы:", PROBLEM, PROBLEM_2, "",
        "Отправлено с iPhone", "",
        "3 мар. 2025 г., в 09:15, Ольга Орлова <o.orlova@vector.ru> написал(а):",
        "", "> Телефон: +7 916 000-00-00",
    ]
    msg = _plain(nn, MARIA, "Re: карточки", lines, extra=[("X-Mailer", "iPhone Mail (21D61)")])
    add(
        nn, "apple-mail-ru", msg,
        "Apple Mail in Russian: «Отправлено с iPhone» and «… написал(а):» end the "
        "description.",
        sender_state="matched",
        fields={**MARIA_FIELDS, "description": f"{PROBLEM}\n{PROBLEM_2}"},
    )

    nn = 66
    html = outlook([
        "Добрый день!",
        "Организация: ООО «Ромашка и\nК»",
        "ИД клиента: ED-1001",
        "Контактное лицо: Мария\nИванова",
        "Телефон: +7 495 123-45-67",
        "E-mail для входа: m.ivanova@romashka.ru",
        f"Описание проблемы: не открывается карточка входящего\nдокумента, висит «Загрузка...».",
    ])
    msg = _html(nn, MARIA, "Карточка", html, cte="qp")
    add(
        nn, "word-soft-wrapped-html", msg,
        "Word HTML wrapped mid-sentence in its source («ООО «Ромашка и» / «К»»): the text is "
        "joined as the reader sees it.",
        sender_state="matched",
        fields={**MARIA_FIELDS, "org_name": "ООО «Ромашка и К»", "description": PROBLEM},
    )

    nn = 67
    log = "\n".join(
        f"2025-03-03 09:58:{i % 60:02d} ERROR [endocs.sign] CryptoProviderError 0x800B010A "
        f"at SignService.sign (sign-service.js:{i})"
        for i in range(300)
    )
    msg = _plain(
        nn, MARIA, "Журнал",
        [*MARIA_LINES, "Описание проблемы: не подписываются документы, журнал ниже.", log],
        cte="b64",
    )
    add(
        nn, "long-description-log", msg,
        "A description with a 30,000-character log (over the 20,000 of the portal form): "
        "complete, not «missing».",
        sender_state="matched", fields=MARIA_FIELDS,
    )

    nn = 68
    msg = _plain(
        nn, MARIA, "Вход",
        ["Организация: ООО Ромашка", "ИД клиента: ED-1001", "Контактное лицо: Мария Иванова",
         "Телефон: +7 495 123-45-67", "Email: m.ivanova собака romashka.ru",
         f"Описание проблемы: {PROBLEM}"],
    )
    add(
        nn, "invalid-email-label", msg,
        "An invalid address under «Email:»: not stored as the login e-mail (missing), the "
        "line kept in the description.",
        sender_state="matched", missing=["login_email"],
        fields={"login_email": None,
                "description": f"{PROBLEM}\nE-mail для входа в EnDocs: "
                "m.ivanova собака romashka.ru"},
    )

    nn = 69
    msg = _plain(
        nn, ("Best Offers", "offers@promo-mail.example"), "Скидка 50% на SEO-продвижение",
        ["Здравствуйте!", "", "Только сегодня продвижение сайта в ТОП-10 со скидкой 50%.",
         "", "Mobile: +7 999 111-22-33", "Email: sales@promo-mail.example",
         "Company: Promo LLC"],
    )
    add(
        nn, "spam-mobile-email-lines", msg,
        "Spam with «Mobile:», «Email:» and «Company:» lines: registered as an unknown "
        "sender's message, but those lines are not intake data.",
        sender_state="unknown",
        missing=["org_name", "client_ref", "contact_name", "contact_phone", "login_email"],
        fields={"contact_phone": None, "login_email": None, "org_name": None},
        partner_name="Best Offers",
    )

    nn = 70
    msg = _plain(
        nn, MARIA, "Fwd: ошибка",
        ["Пересылаю письмо коллеги, посмотрите, пожалуйста.", "",
         "-------- Перенаправленное сообщение --------",
         "Тема: ошибка", "Дата: Mon, 3 Mar 2025 09:15:00 +0300",
         "От: Алексей Смирнов <a.smirnov@romashka.ru>", "",
         "Не открывается карточка.", "", "Алексей Смирнов",
         "Mobile: +7 916 222-33-44", "Email: a.smirnov@romashka.ru"],
        extra=[("User-Agent", "Mozilla Thunderbird")],
    )
    add(
        nn, "thunderbird-ru-forward-signature", msg,
        "Thunderbird in Russian forwards a colleague's mail whose signature has «Mobile:» "
        "and «Email:»: the forwarded block is not intake data.",
        sender_state="matched",
        missing=["org_name", "client_ref", "contact_name", "contact_phone", "login_email"],
        fields={"contact_phone": None, "login_email": None},
    )

    nn = 71
    body = text("Organisation: Orange mécanique SARL\nClient ID: ED-1001\n"
                "Description: le module de signature échoue après la mise à jour.\n",
                charset="latin-1", cte="8bit")
    body.set_param("charset", "x-unknown")
    finish(nn, body, ("Élodie Martin", "e.martin@orange-mecanique.example"), "Signature")
    add(
        nn, "unknown-charset-latin1", body,
        "A Latin-1 text declared 'x-unknown': detected, read without replacement characters "
        "(«Orange mécanique», not «Orange m�canique»).",
        sender_state="org_only",
        missing=["contact_name", "contact_phone", "login_email"],
        fields={"org_name": "Orange mécanique SARL",
                "description": "le module de signature échoue après la mise à jour."},
        partner_name="Élodie Martin",
    )

    nn = 72
    body = text("\n".join([*MARIA_LINES, f"Описание проблемы: {PROBLEM}"]) + "\n",
                charset="windows-1251", cte="8bit")
    body.set_param("charset", "utf-8")
    finish(nn, body, MARIA, "Карточка")
    add(
        nn, "cp1251-declared-utf8", body,
        "A windows-1251 text declared UTF-8 (a misconfigured 1C or script): detected and "
        "read as windows-1251.",
        sender_state="matched", fields={**MARIA_FIELDS, "description": PROBLEM},
    )

    nn = 73
    problem = PROBLEM.replace("«", '"').replace("»", '"')  # not in KOI8-R
    body = text("\n".join([*MARIA_LINES, f"Описание проблемы: {problem}"]) + "\n",
                charset="koi8-r", cte="b64")
    body.set_param("charset", "koi8")
    body.set_param("charset", "x-koi8-unknown")
    finish(nn, body, MARIA, "Карточка")
    add(
        nn, "koi8r-unknown-charset-name", body,
        "A KOI8-R text under an unknown charset name: detected as KOI8-R (not UTF-8 with "
        "replacement characters).",
        sender_state="matched", fields={**MARIA_FIELDS, "description": problem},
    )

    nn = 74
    msg = _plain(
        nn, ("Служба поддержки EnDocs", SUPPORT), "Запрос SD-00074 зарегистрирован",
        ["Здравствуйте!", "Ваш запрос зарегистрирован."],
    )
    add(
        nn, "own-notice-coming-back", msg,
        "Our own notice coming back from our alias (a forwarding loop): no request, kept in "
        "the quarantine.",
        creates=False, quarantine="loop",
    )

    nn = 75
    msg = _plain(
        nn, '"Barry" <barry@unknown-client.example>', "Question",
        ["Hello,", "", "Problem description: the signature button does nothing since "
         "this morning."],
    )
    add(
        nn, "quoted-display-name", msg,
        "A From with a quoted display name: the new contact is named «Barry», not the raw "
        "header «\"Barry\" <barry@…>».",
        sender_state="unknown",
        missing=["org_name", "client_ref", "contact_name", "contact_phone", "login_email"],
        partner_name="Barry",
    )

    nn = 76
    msg = _plain(
        nn, ("Ирина Лебедева", "i.lebedeva@vector.ru"), "Re: Запрос зарегистрирован",
        ["Добрый день!", "", "Я в отпуске до 10 марта."],
        extra=[("Auto-Submitted", "auto-replied"), ("X-Autoreply", "yes")],
    )
    add(
        nn, "ooo-without-thread", msg,
        "An out-of-office of a notice Odoo does not know (no thread): quarantine, no answer.",
        creates=False, quarantine="machine",
    )


def main():
    build()
    build_gateway()
    for old in HERE.glob("[0-9][0-9]-*.eml"):
        old.unlink()
    expected = []
    for filename, msg, entry in CORPUS:
        # headers are folded by encoded_word() already: no re-folding
        (HERE / filename).write_bytes(
            msg
            if isinstance(msg, bytes)
            else msg.as_bytes(policy=compat32.clone(max_line_length=0))
        )
        expected.append(entry)
    (HERE / "expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    print(f"wrote {len(CORPUS)} messages and expected.json to {HERE}")


if __name__ == "__main__":
    main()
