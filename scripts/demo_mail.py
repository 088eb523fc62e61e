"""Point a database's outgoing mail at the project's SMTP sink (``make run``).

    demo_mail.py -c ODOO_CONF --addons-path=... -d DB --smtp-sink-port=2525 [--mark=M]

Idempotent; run by scripts/run.sh (common.sh ``demo_mail_setup``) on the demo
database, never shipped by the addons (a real deployment has its own mail server):

- an outgoing mail server *EnDocs SMTP sink* on localhost, no TLS, for the
  senders of endocs.ru, that logs in with the database's name (the sink files
  the messages under that name);
- the company's alias domain ``endocs.ru`` (catchall@, bounce@, default sender
  support@), also for the support team's alias, which reads support@endocs.ru;
- Odoo's mail queue (*Mail: Email Queue Manager*) active, every minute, and run
  now for what waits in it;
- ``--mark`` stored in the parameter ``endocs_support.demo_mail``, so that the run
  script knows it is done.
"""

import argparse
import sys

SERVER_NAME = "EnDocs SMTP sink (make run)"
ALIAS_DOMAIN = "endocs.ru"
ALIAS_DOMAIN_VALUES = {
    "catchall_alias": "catchall",
    "bounce_alias": "bounce",
    "default_from": "support",
}
MARK_KEY = "endocs_support.demo_mail"


def configure_alias_domain(env):
    Domain = env["mail.alias.domain"]
    domain = Domain.search([("name", "=", ALIAS_DOMAIN)], limit=1)
    if domain:
        domain.write(ALIAS_DOMAIN_VALUES)
    else:
        domain = Domain.create({"name": ALIAS_DOMAIN, **ALIAS_DOMAIN_VALUES})
    env.ref("base.main_company").alias_domain_id = domain
    team = env.ref("endocs_support.helpdesk_team_support", raise_if_not_found=False)
    if team:
        team.alias_id.alias_domain_id = domain
    # the aliases made while no domain existed (create() only adopts them for the
    # very first domain of a database)
    env["mail.alias"].search([("alias_domain_id", "=", False)]).alias_domain_id = domain
    return domain


def configure_mail_server(env, port):
    values = {
        "name": SERVER_NAME,
        "smtp_host": "localhost",
        "smtp_port": port,
        "smtp_encryption": "none",
        # the login only names the database's folder in the sink; no secret
        "smtp_authentication": "login",
        "smtp_user": env.cr.dbname,
        "smtp_pass": "sink",
        # as a real server of the domain would: mail from an endocs.ru address
        # goes out as it is, any other From as "Name <support@endocs.ru>"
        "from_filter": ALIAS_DOMAIN,
        "sequence": 1,
        "active": True,
    }
    Server = env["ir.mail_server"].with_context(active_test=False)
    server = Server.search([("name", "=", SERVER_NAME)], limit=1)
    if server:
        server.write(values)
    else:
        server = Server.create(values)
    return server


def configure_mail_queue(env):
    cron = env.ref("mail.ir_cron_mail_scheduler_action")
    cron.write({"active": True, "interval_number": 1, "interval_type": "minutes"})
    cron._trigger()
    return cron


def configure(env, port, mark=None):
    domain = configure_alias_domain(env)
    server = configure_mail_server(env, port)
    configure_mail_queue(env)
    if mark:
        env["ir.config_parameter"].set_param(MARK_KEY, mark)
    team = env.ref("endocs_support.helpdesk_team_support", raise_if_not_found=False)
    waiting = env["mail.mail"].search_count([("state", "=", "outgoing")])
    return (
        f"{env.cr.dbname}: mail through {server.smtp_host}:{server.smtp_port} "
        f"(login {server.smtp_user}), alias domain {domain.name}"
        + (f", support team alias {team.alias_id.display_name}" if team else "")
        + f"; {waiting} message(s) in the queue"
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--smtp-sink-port", type=int, default=2525)
    parser.add_argument("--mark")
    args, odoo_args = parser.parse_known_args(argv)

    import odoo
    from odoo.modules.registry import Registry

    odoo.tools.config.parse_config([*odoo_args, "--log-level=warn"])
    db = odoo.tools.config["db_name"]
    if not db:
        sys.exit("demo_mail.py: give the database with -d")
    registry = Registry(db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        summary = configure(env, args.smtp_sink_port, args.mark)
    sys.stdout.write(f"{summary}\n")


if __name__ == "__main__":
    main()
