# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The mail gateway's rules, pure Python (no database): who sent a message, the
repairs that keep it from being lost, and the parsing a person would trust
(R-IN-4, R-REL-1)."""

import email
import email.policy
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

import pytest

from odoo.addons.endocs_support.tools import intake, mailcheck


@pytest.mark.parametrize(
    "headers,subject,sender,kind",
    [
        ({"Auto-Submitted": "auto-replied"}, "Re", "a@b.ru", "machine"),
        ({"Content-Type": "multipart/report; report-type=x"}, "x", "a@b.ru", "machine"),
        ({}, "Ошибка", "MAILER-DAEMON@mx.example", "machine"),
        ({"Precedence": "bulk"}, "Новости", "news@b.ru", "bulk"),
        ({"Precedence": "junk"}, "x", "a@b.ru", "bulk"),
        ({"List-Unsubscribe": "<https://u>"}, "x", "news@b.ru", "bulk"),
        # a person's post through a discussion list, whatever its Precedence
        (
            {"Precedence": "bulk", "List-Post": "<mailto:dev@l.example>"},
            "x",
            "a@b.ru",
            "list",
        ),
        ({"Precedence": "list"}, "x", "a@b.ru", "list"),
        ({"List-Id": "<dev.l.example>"}, "x", "a@b.ru", "list"),
        ({}, "x", "'Иван' via Группа <g@groups.example>", "list"),
        ({}, "x", "dev-request@lists.example", "list"),
        ({}, "x", "postmaster@romashka.ru", "silent"),
        ({}, "x", "No-Reply <no-reply@bank.example>", "silent"),
        ({}, "x", "noreply.notify@bank.example", "silent"),
        ({}, "Vianello", "Via Nello <via@b.ru>", "person"),
        ({}, "Не работает вход", "a@b.ru", "person"),
    ],
)
def test_who_sent_it_r_in_4(headers, subject, sender, kind):
    assert mailcheck.classify(headers, subject, sender).kind == kind


def test_silent_senders_are_a_team_setting_r_in_4():
    assert mailcheck.is_silent_sender("robot@x.ru", "robot")
    assert not mailcheck.is_silent_sender("postmaster@x.ru", "robot")
    assert mailcheck.is_silent_sender("dev-owner@l.example", "*-owner")
    assert not mailcheck.is_silent_sender("owner-dev@l.example", "*-owner")
    assert mailcheck.classify({}, "x", "postmaster@x.ru", silent="").kind == "person"


@pytest.mark.parametrize(
    "sender,name",
    [
        ('"Barry" <barry@x.ru>', "Barry"),
        ("'Мария  Иванова' <m@x.ru>", "Мария Иванова"),
        ("barry@x.ru", "barry@x.ru"),
        ("<barry@x.ru>", "barry@x.ru"),
    ],
)
def test_contact_named_by_display_name_r_in_7(sender, name):
    assert mailcheck.contact_name(sender) == name


def test_sanitize_nul_and_crlf_headers_r_rel_1():
    raw = (
        b"From: =?utf-8?B?QmFycnkNCkJjYzogeEBldmlsLmV4YW1wbGU=?= <b@x.ru>\r\n"
        b"To: support@endocs.ru\r\nSubject: Pro\x00blem\r\n"
        b"Message-Id: <a@b>\r\n\r\nbody\r\n"
    )
    clean, cleaned = mailcheck.sanitize_raw(raw)
    assert cleaned == ["From", "Subject"]
    message = email.message_from_bytes(clean, policy=email.policy.SMTP)
    assert str(message["Subject"]) == "Problem"
    # the address is the raw header's; the decoded name stays a name
    assert message["From"].addresses[0].addr_spec == "b@x.ru"
    assert message["From"].addresses[0].display_name == "Barry Bcc: x@evil.example"
    assert clean.endswith(b"\r\n\r\nbody\r\n")


def test_sanitize_keeps_intact_mail_and_names_the_nameless():
    raw = b"From: a@b.ru\nMessage-Id: <x@y>\n\nhi\n"
    assert mailcheck.sanitize_raw(raw) == (raw, [])
    once, cleaned = mailcheck.sanitize_raw(b"From: a@b.ru\n\nhi\n")
    assert cleaned == ["Message-Id"]
    assert once == mailcheck.sanitize_raw(b"From: a@b.ru\n\nhi\n")[0]


def _part(data, charset):
    part = email.message_from_bytes(
        b'Content-Type: text/plain; charset="'
        + charset.encode()
        + b'"\nContent-Transfer-Encoding: 8bit\n\n'
        + data,
        policy=email.policy.SMTP,
    )
    return part


@pytest.mark.parametrize(
    "text,encoding,declared,used",
    [
        ("Orange mécanique, le film de Kubrick", "latin-1", "x-unknown", None),
        ("Не открывается карточка документа", "koi8-r", "x-koi8-unknown", "koi8-r"),
        ("Не открывается карточка документа", "cp1251", "utf-8", "cp1251"),
        ("Добрый день!", "cp1251", "win-1251", "cp1251"),
    ],
)
def test_charsets_alias_detection_before_replacement_r_rel_1(
    text, encoding, declared, used
):
    part = _part(text.encode(encoding), declared)
    replaced = mailcheck.repair_charsets(part)
    assert replaced and replaced[0][0] == declared
    if used:
        assert replaced[0][1] == used
    assert part.get_content().strip() == text


def test_a_stray_bad_byte_keeps_the_declared_charset():
    data = ("Не открывается карточка документа. " * 20).encode() + b"\xff"
    part = _part(data, "utf-8")
    assert mailcheck.repair_charsets(part) == []


def _many_parts(count):
    message = MIMEMultipart("mixed")
    message["Message-Id"] = "<many@x>"
    message.attach(MIMEText("Описание проблемы: журнал ниже", "plain", "utf-8"))
    for index in range(count):
        message.attach(MIMEText(f"<p>часть {index}</p>", "html", "utf-8"))
    return message


def test_thousands_of_parts_are_trimmed_with_the_original_attached_r_rel_1():
    raw = _many_parts(3000).as_bytes()
    trimmed, dropped = mailcheck.trim_parts(raw)
    assert dropped == 2901
    message = email.message_from_bytes(trimmed, policy=email.policy.SMTP)
    parts = list(message.iter_parts())
    assert len(parts) == 101
    assert parts[-1].get_filename() == "original-message.eml"
    assert parts[-1].get_content() == raw
    assert mailcheck.trim_parts(_many_parts(10).as_bytes())[1] == 0


def test_parts_beyond_the_body_become_attachments_r_rel_1():
    message = email.message_from_bytes(
        _many_parts(30).as_bytes(), policy=email.policy.SMTP
    )
    assert mailcheck.bound_parts(message, max_inline=20) == 11
    names = [part.get_filename() for part in message.iter_parts()]
    assert names[:20] == [None] * 20
    assert names[20] == "part-21.html"


# ----------------------------------------------------------------------
# Parsing a person would trust
# ----------------------------------------------------------------------

FIELDS = (
    "Организация: ООО Ромашка\nИД клиента: ED-1001\nОписание проблемы: "
    "не открывается карточка.\nОшибка повторяется у всех.\n"
)


@pytest.mark.parametrize(
    "header",
    [
        "-- ",
        "С уважением,",
        "С уважением, Мария Иванова",
        "Best regards,",
        "On Mon, 3 Mar 2025 at 09:15, Olga <o@v.ru> wrote:",
        "03.03.2025 10:00, Ольга Орлова пишет:",
        "пн, 3 мар. 2025 г. в 10:00, Ольга Орлова <o@v.ru>:",
        '03.03.2025, 10:00, "Ольга Орлова" <o@v.ru>:',
        "Понедельник, 3 марта 2025, 9:15 +03:00 от Ольга Орлова <o@v.ru>:",
        "Вы писали 3 марта 2025 г., 9:15:05:",
        "You wrote 3 March 2025, 9:15:05:",
        "В сообщении от понедельник, 3 марта 2025 г. 09:15:00 MSK пользователь Ольга "
        "написал:",
        "3 мар. 2025 г., в 09:15, Ольга Орлова <o@v.ru> написал(а):",
        "-------- Пересылаемое сообщение --------",
        "-------- Перенаправленное сообщение --------",
        "---------- Forwarded message ---------",
        "Begin forwarded message:",
        "-----Original Message-----",
        "________________________________",
        "Отправлено с iPhone",
        "Отправлено из Почты Mail.ru",
    ],
)
def test_a_multiline_value_stops_at_quotes_and_signatures_r_in_4(header):
    parsed = intake.parse_labelled(
        FIELDS + header + "\nОдна строка цитаты\nТелефон: +7 916 000-00-00\n"
    )
    assert (
        parsed["description"] == "не открывается карточка.\nОшибка повторяется у всех."
    )
    assert "contact_phone" not in parsed


def test_outlook_header_without_address_and_wrapped_attribution_r_in_4():
    outlook = (
        FIELDS + "От: Ольга Орлова\nОтправлено: 3 марта 2025 г. 9:15\nТелефон: 1\n"
    )
    gmail = FIELDS + "On Mon, 3 Mar 2025 at 09:15, Olga Orlova <o@v.ru>\nwrote:\n"
    for text in (outlook, gmail):
        parsed = intake.parse_labelled(text)
        assert parsed["description"].endswith("Ошибка повторяется у всех.")
        assert "contact_phone" not in parsed


def test_soft_wrapped_html_is_joined_but_labels_keep_their_lines_r_in_4():
    markup = (
        "<p>Организация: ООО «Ромашка и\nК»</p><p>Описание проблемы: не открывается\n"
        "   карточка</p>\n<b>ИД клиента</b>: ED-1001\n<b>Телефон</b>: 8 495 123-45-67"
        "<pre>строка 1\nстрока 2</pre>"
    )
    text = intake.html_to_text(markup)
    assert text.splitlines() == [
        "Организация: ООО «Ромашка и К»",
        "Описание проблемы: не открывается карточка",
        "ИД клиента: ED-1001",
        "Телефон: 8 495 123-45-67",
        "строка 1",
        "строка 2",
    ]


def test_signature_labels_alone_are_no_intake_data_r_in_4():
    spam = "Скидка 50%!\nMobile: +7 999 111-22-33\nEmail: sales@promo.example\n"
    assert intake.parse_labelled(spam, strict=True) == {}
    # a reply may bring only the phone that was missing
    assert intake.parse_labelled(spam)["contact_phone"] == "+7 999 111-22-33"
    assert intake.parse_labelled(FIELDS + "Email: a@b.ru", strict=True)


def test_invalid_values_stay_in_the_description_r_in_4():
    parsed = intake.parse_labelled(
        "Email: ivanov собака romashka.ru\nТелефон: 12-34\nИД клиента: ED-1001\n"
    )
    valid, lines = intake.split_invalid(parsed)
    assert valid == {"client_ref": "ED-1001"}
    assert lines == [
        "E-mail для входа в EnDocs: ivanov собака romashka.ru",
        "Телефон контактного лица: 12-34",
    ]


def test_a_long_description_is_not_missing_r_in_4():
    data = {
        "org_name": "ООО Ромашка",
        "client_ref": "ED-1001",
        "contact_name": "Мария Иванова",
        "contact_phone": "+74951234567",
        "login_email": "m@romashka.ru",
        "description": "Журнал: " + "x" * 30000,
    }
    assert intake.missing_fields(data) == []
    assert intake.validate(data)[1] == {"description": "too_long"}  # the portal's limit


def test_declared_charsets_trusted_outside_our_teams():
    """For mail that is not our teams' (detect=False), a charset Python knows
    is kept as declared, whatever the bytes, as Odoo reads it; an unknown one
    is still replaced so that the e-mail is not lost."""
    message = email.message_from_bytes(
        b"Content-Type: text/plain; charset=ascii\r\n\r\nChauss\xc3\xa9e\r\n"
    )
    assert mailcheck.repair_charsets(message, detect=False) == []
    assert message.get_param("charset") == "ascii"
    unknown = email.message_from_bytes(
        b"Content-Type: text/plain; charset=x-unknown-8bit\r\n\r\nabc\r\n"
    )
    assert mailcheck.repair_charsets(unknown, detect=False) == [
        ("x-unknown-8bit", "utf-8")
    ]
