# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Intake rules, pure Python (no database): R-IN-2, R-IN-3, R-IN-4."""

import pytest

from odoo.addons.endocs_support.tools import intake
from odoo.addons.endocs_support.tools.mailcheck import is_automatic

COMPLETE = {
    "org_name": "ООО «Ромашка»",
    "client_ref": "ed-1001",
    "contact_name": "Мария Иванова",
    "contact_phone": "8 (495) 123-45-67",
    "login_email": "M.Ivanova@Romashka.ru",
    "description": "Не открывается карточка документа после обновления.",
}


def test_complete_data_is_normalised_r_in_2():
    clean, errors = intake.validate(COMPLETE)
    assert errors == {}
    assert clean["client_ref"] == "ED-1001"
    assert clean["contact_phone"] == "+74951234567"
    assert clean["login_email"] == "m.ivanova@romashka.ru"


@pytest.mark.parametrize("key", intake.REQUIRED)
def test_each_required_field_r_in_2(key):
    data = dict(COMPLETE, **{key: "  "})
    _clean, errors = intake.validate(data)
    assert errors == {key: "required"}
    assert intake.missing_fields(data) == [key]


@pytest.mark.parametrize(
    "phone,expected",
    [
        ("+7 (495) 123-45-67", "+74951234567"),
        ("8 495 123 45 67", "+74951234567"),
        ("4951234567", "+74951234567"),
        ("+44 20 7946 0958", "+442079460958"),
        ("+7.912.345.67.89", "+79123456789"),
        ("12-34", None),
        ("+7 495 ABC-45-67", None),
        ("+1234567890123456", None),
    ],
)
def test_phone_format_r_in_3(phone, expected):
    assert intake.normalize_phone(phone) == expected
    _clean, errors = intake.validate(dict(COMPLETE, contact_phone=phone))
    assert ("contact_phone" in errors) is (expected is None)


@pytest.mark.parametrize(
    "value,code",
    [
        ("name@company", "email"),
        ("name company.ru", "email"),
        ("@company.ru", "email"),
        ("имя@компания.рф", "email"),
    ],
)
def test_email_format_r_in_3(value, code):
    _clean, errors = intake.validate(dict(COMPLETE, login_email=value))
    assert errors == {"login_email": code}


@pytest.mark.parametrize(
    "value,code",
    [
        ("E", "client_ref"),
        ("ED 1001", "client_ref"),
        ("-ED1001", "client_ref"),
        ("ЕД-1001", "client_ref"),
        ("X" * 33, "too_long"),
    ],
)
def test_client_ref_format_r_in_3(value, code):
    _clean, errors = intake.validate(dict(COMPLETE, client_ref=value))
    assert errors == {"client_ref": code}


def test_too_long_wrong_type_short_description_r_in_3():
    _clean, errors = intake.validate(
        dict(COMPLETE, org_name="x" * 201, contact_name=42, description="слом")
    )
    assert errors == {
        "org_name": "too_long",
        "contact_name": "type",
        "description": "too_short",
    }


def test_parse_labelled_any_order_ru_en_r_in_4():
    text = """Добрый день!

Описание проблемы: Не открывается карточка документа
после обновления браузера до версии 120.
Client ID: ed-1001
Телефон: +7 495 123-45-67
* Организация: ООО «Ромашка»
**Контактное лицо:** Мария Иванова
Login e-mail: m.ivanova@romashka.ru
Массовость: все пользователи
Приоритет: высокий

--
С уважением, Мария
Организация: другая (подпись не разбирается)
"""
    parsed = intake.parse_labelled(text)
    assert parsed["description"].startswith("Не открывается")
    assert parsed["description"].endswith("до версии 120.")
    assert parsed["org_name"] == "ООО «Ромашка»"
    assert parsed["contact_name"] == "Мария Иванова"
    clean, errors = intake.validate(parsed)
    assert errors == {}
    assert clean["scope"] == "all"
    assert clean["expected_priority"] == "2"


def test_parse_stops_at_quoted_reply_r_in_4():
    text = (
        "Телефон: 8 495 1234567\n\n"
        "On Mon, 1 Dec 2025 Support wrote:\n> ИД клиента: ED-1\n"
    )
    assert intake.parse_labelled(text) == {"contact_phone": "8 495 1234567"}
    assert intake.parse_labelled("просто текст без полей") == {}
    assert intake.parse_labelled("") == {}


def test_first_occurrence_wins_r_in_4():
    parsed = intake.parse_labelled("Client ID: ED-1\nClient ID: ED-2\n")
    assert parsed == {"client_ref": "ED-1"}


@pytest.mark.parametrize(
    "headers,subject,sender,expected",
    [
        ({"Auto-Submitted": "auto-replied"}, "Re: запрос", "a@b.ru", True),
        ({"Auto-Submitted": "no"}, "Вопрос", "a@b.ru", False),
        # bulk mail and lists may be people: not answered, but not machines
        ({"Precedence": "bulk"}, "Новости", "news@b.ru", False),
        ({"X-Autoreply": "yes"}, "Re", "a@b.ru", True),
        ({"X-Auto-Response-Suppress": "All"}, "x", "a@b.ru", True),
        ({}, "Automatic reply: запрос", "a@b.ru", True),
        ({}, "Автоматический ответ: запрос", "a@b.ru", True),
        ({}, "Undeliverable: запрос", "a@b.ru", True),
        ({}, "Ошибка", "MAILER-DAEMON@mx.example", True),
        ({"Return-Path": "<>"}, "x", "a@b.ru", True),
        ({}, "Не работает вход", "a@b.ru", False),
    ],
)
def test_automatic_messages_r_in_4(headers, subject, sender, expected):
    assert is_automatic(headers, subject, sender) is expected


def test_html_to_text_blocks_links_quotes_r_in_4():
    markup = (
        '<div dir="ltr"><div>Организация: ООО Ромашка</div><div>Логин: '
        '<a href="mailto:p@vector.ru">p@vector.ru</a></div>Телефон: 8 495 123-45-67'
        '<br>доб. 12<div class="gmail_quote">Телефон: +7 000 000-00-00</div>'
        '<blockquote data-o-mail-quote="1">ИД клиента: ZZ-1</blockquote></div>'
    )
    text = intake.html_to_text(markup)
    assert text.splitlines()[:3] == [
        "Организация: ООО Ромашка",
        "Логин: p@vector.ru",
        "Телефон: 8 495 123-45-67",
    ]
    assert "ZZ-1" not in text and "000-00-00" not in text
    assert intake.html_to_text("") == ""


def test_labels_before_stops_and_titles_r_in_4():
    text = (
        "Описание проблемы: при отправке документа система пишет:\n"
        "«Ошибка подписи»\n"
        "Телефон контактного лица: +7 (916) 555-12-34 доб. 7\n"
        "*От:* Ольга <o@vector.ru>\n"
        "ИД клиента: ED-2002\n"
    )
    parsed = intake.parse_labelled(text)
    assert parsed["description"].endswith("«Ошибка подписи»")
    assert intake.normalize_phone(parsed["contact_phone"]) == "+79165551234"
    assert "client_ref" not in parsed
