# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.1.0: the notices' bodies moved from QWeb views into the mail templates
themselves. The templates are noupdate records, which an update never rewrites:
they are removed here and created again from the new data file."""

NAMES = (
    "mail_template_registration",
    "mail_template_split",
    "mail_template_reminder",
    "mail_template_closed_no_reply",
    "mail_template_cause_third_party",
    "mail_template_cause_hardware",
)


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        DELETE FROM mail_template WHERE id IN (
            SELECT res_id FROM ir_model_data
             WHERE module = 'endocs_support' AND model = 'mail.template'
               AND name IN %s)
        """,
        (NAMES,),
    )
    cr.execute(
        """
        DELETE FROM ir_model_data
         WHERE module = 'endocs_support' AND model = 'mail.template'
           AND name IN %s
        """,
        (NAMES,),
    )
