# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""R-UX-2: the SMTP test harness (smtp_capture.py) — an e-mail Odoo queues
really travels over SMTP and arrives as the customer's mail client gets it."""

from markupsafe import Markup

from odoo.tests import TransactionCase, tagged

from .smtp_capture import SMTPCaptureMixin, smtp_capture


@tagged("post_install", "-at_install")
class TestSmtpCapture(SMTPCaptureMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create(
            {"name": "Мария Иванова", "email": "m.ivanova@romashka.ru"}
        )

    def test_queued_mail_arrives_over_smtp_r_ux_2(self):
        # a server of the sender's domain: Odoo keeps the From as it is
        self.smtp_mail_server.from_filter = "endocs.ru"
        body = Markup(
            "<p>Здравствуйте, <b>Мария</b>!</p>"
            '<p>Ваш запрос <a href="https://support.example/my/ticket/42">№ 42</a> '
            "зарегистрирован &amp; принят.</p>"
        )
        mail = self.env["mail.mail"].create(
            {
                "subject": "Запрос № 42 зарегистрирован",
                "email_from": '"Поддержка EnDocs" <support@endocs.ru>',
                "recipient_ids": [(4, self.customer.id)],
                "body_html": body,
                "model": "res.partner",
                "res_id": self.customer.id,
                "auto_delete": False,
            }
        )

        received = self.smtp_send_queued(self.customer)

        self.assertEqual(mail.state, "sent", mail.failure_reason)
        self.assertEqual(len(received), 1)
        message = received[0]
        # the server got the bytes: the envelope and the raw DATA
        self.assertEqual(message.rcpt_tos, ["m.ivanova@romashka.ru"])
        self.assertTrue(message.mail_from)
        self.assertIn(b"Subject: ", message.data)
        self.assertEqual(message["Subject"], "Запрос № 42 зарегистрирован")
        self.assertEqual(message["From"].addresses[0].addr_spec, "support@endocs.ru")
        self.assertEqual(message["From"].addresses[0].display_name, "Поддержка EnDocs")
        self.assertEqual(message.header("From"), "Поддержка EnDocs <support@endocs.ru>")
        self.assertEqual(message["To"].addresses[0].addr_spec, "m.ivanova@romashka.ru")
        self.assertEqual(message["Message-Id"], mail.message_id)
        # the HTML body intact: markup as markup, no escaped tags
        html = message.html
        self.assertIn("<b>Мария</b>", html)
        self.assertIn('<a href="https://support.example/my/ticket/42">№ 42</a>', html)
        self.assertIn("&amp; принят", html)
        self.assertNotIn("&lt;", html)
        self.assertIn("Мария", message.text)
        self.assertNotIn("<b>", message.text)

    def test_only_the_records_own_mail_is_sent_r_ux_2(self):
        other = self.env["res.partner"].create(
            {"name": "Пётр Сидоров", "email": "p.sidorov@vector.ru"}
        )
        for partner in (self.customer, other):
            self.env["mail.mail"].create(
                {
                    "subject": f"Для {partner.name}",
                    "email_from": "support@endocs.ru",
                    "email_to": partner.email,
                    "body_html": Markup("<p>Текст</p>"),
                    "model": "res.partner",
                    "res_id": partner.id,
                }
            )

        received = self.smtp_send_queued(other)

        self.assertEqual([m.rcpt_tos for m in received], [["p.sidorov@vector.ru"]])
        self.assertEqual(self.smtp.messages, received)
        waiting = self.env["mail.mail"].search(
            [("model", "=", "res.partner"), ("res_id", "=", self.customer.id)]
        )
        self.assertEqual(waiting.mapped("state"), ["outgoing"])


@tagged("post_install", "-at_install")
class TestSmtpCaptureBlock(TransactionCase):
    def test_notification_of_a_post_over_smtp_r_ux_2(self):
        """Odoo's own notification of a post (its layout, sent at once) through
        ``smtp_capture`` for one ``with`` block."""
        customer = self.env["res.partner"].create(
            {"name": "Мария Иванова", "email": "m.ivanova@romashka.ru"}
        )
        org = self.env["res.partner"].create(
            {"name": "ООО Ромашка", "is_company": True}
        )

        with smtp_capture(self.env) as smtp:
            org.message_post(
                body=Markup("<p>Ответ: <b>готово</b></p>"),
                partner_ids=customer.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )

        self.assertEqual([m.rcpt_tos for m in smtp.messages], [[customer.email]])
        message = smtp.messages[0]
        self.assertEqual(message["To"].addresses[0].addr_spec, customer.email)
        self.assertTrue(message["Message-Id"])
        self.assertIn("<b>готово</b>", message.html)
        self.assertNotIn("&lt;b&gt;", message.html)
