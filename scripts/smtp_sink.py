"""The project's own SMTP server for the demo: accepts every message, sends none.

    smtp_sink.py serve [--port 2525] [--dir DIR] [--pid-file F]
    smtp_sink.py list [--dir DIR] [--db NAME]        newest first
    smtp_sink.py show [last|N|PATH] [--dir DIR] [--db NAME]

``serve`` listens on 127.0.0.1 only (port ``ENDOCS_SMTP_PORT``, default 2525; no
root needed) and stores each message as ``DIR/<database>/<UTC time>-<id>.eml``:
the bytes exactly as received, with a sidecar ``.json`` holding the envelope
(MAIL FROM, RCPT TO), the time and the SMTP login. The login names the database:
each database's outgoing mail server (``scripts/demo_mail.py``) logs in with its
own name, so one server keeps the mail of several databases apart; a session
that does not log in is filed under ``_unknown``. DIR defaults to
``$CACHE_DIR/mails`` (see scripts/common.sh). SIGTERM or SIGINT stop it cleanly;
the pid file is removed on the way out.

``list`` and ``show`` read what was stored (``make mails``).
"""

import argparse
import asyncio
import contextlib
import email
import email.policy
import json
import logging
import os
import re
import signal
import sys
import uuid
from datetime import datetime, timezone
from email.header import decode_header, make_header
from html.parser import HTMLParser
from pathlib import Path

HOST = "127.0.0.1"  # loopback only: nothing outside this machine reaches it
UNKNOWN_DB = "_unknown"
# Odoo's own rule for database names (odoo.service.db.DBNAME_PATTERN)
DB_NAME = re.compile(r"^[a-zA-Z0-9][a-zA-Z0-9_.-]+$")


def default_dir():
    cache = os.environ.get("ENDOCS_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"),
        "endocs-support",
    )
    return Path(cache) / "mails"


def out(text=""):
    sys.stdout.write(f"{text}\n")
    sys.stdout.flush()


# --- serve ---------------------------------------------------------------------------


def accept_any_login(server, session, envelope, mechanism, auth_data):
    """Every login is accepted: it only says which database's folder to use."""
    from aiosmtpd.smtp import AuthResult

    return AuthResult(success=True, auth_data=auth_data)


class Store:
    """aiosmtpd handler: one .eml (bytes as received) and one .json per message."""

    def __init__(self, root):
        self.root = Path(root)

    def folder(self, session):
        login = getattr(session.auth_data, "login", None)
        if isinstance(login, bytes):
            login = login.decode("utf-8", "replace")
        name = login if login and DB_NAME.match(login) else UNKNOWN_DB
        return self.root / name

    async def handle_DATA(self, server, session, envelope):
        folder = self.folder(session)
        folder.mkdir(parents=True, exist_ok=True)
        now = datetime.now(timezone.utc)
        stem = f"{now:%Y%m%dT%H%M%S.%fZ}-{uuid.uuid4().hex[:8]}"
        eml = folder / f"{stem}.eml"
        envelope_data = {
            "received_at": now.isoformat(timespec="microseconds"),
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            "login": folder.name if folder.name != UNKNOWN_DB else None,
            "peer": list(session.peer) if session.peer else None,
            "size": len(envelope.original_content),
        }
        tmp = folder / f".{stem}.tmp"
        tmp.write_bytes(envelope.original_content)
        (folder / f"{stem}.json").write_text(json.dumps(envelope_data, indent=1))
        tmp.rename(eml)  # the .eml appears complete, its envelope already beside it
        out(
            f"{now:%Y-%m-%d %H:%M:%S} {folder.name}: {envelope.mail_from} -> "
            f"{', '.join(envelope.rcpt_tos)} ({len(envelope.original_content)} bytes)"
        )
        return "250 2.0.0 Message accepted"


def smtp_factory(handler):
    from aiosmtpd.smtp import SMTP

    return SMTP(
        handler,
        hostname="endocs-smtp-sink",
        enable_SMTPUTF8=True,
        # AUTH on loopback without TLS: the login is a folder name, not a secret
        auth_require_tls=False,
        authenticator=accept_any_login,
    )


async def serve(args):
    loop = asyncio.get_running_loop()
    handler = Store(args.dir)
    server = await loop.create_server(
        lambda: smtp_factory(handler), host=HOST, port=args.port
    )
    stop = asyncio.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    pid_file = Path(args.pid_file)
    pid_file.write_text(f"{os.getpid()}\n")
    out(f"SMTP sink on {HOST}:{args.port}, mail into {args.dir}")
    try:
        await stop.wait()
    finally:
        server.close()
        await server.wait_closed()
        with contextlib.suppress(FileNotFoundError):
            if pid_file.read_text().strip() == str(os.getpid()):
                pid_file.unlink()
    out("SMTP sink stopped")


class _QuietDeprecation(logging.Filter):
    """aiosmtpd 1.4 warns about its own Session.login_data on every AUTH."""

    def filter(self, record):
        return "login_data is deprecated" not in record.getMessage()


def running_sink(pid_file):
    """The pid of the sink named by ``pid_file`` while it runs, else None."""
    try:
        pid = int(pid_file.read_text().strip())
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except (OSError, ValueError):
        return None
    return pid if b"smtp_sink.py" in cmdline else None


def cmd_serve(args):
    logging.basicConfig(
        level=logging.WARNING, format="%(asctime)s %(name)s %(message)s"
    )
    logging.getLogger("mail.log").addFilter(_QuietDeprecation())
    Path(args.dir).mkdir(parents=True, exist_ok=True)
    args.pid_file = args.pid_file or str(Path(args.dir) / "smtp_sink.pid")
    if running := running_sink(Path(args.pid_file)):
        sys.exit(f"smtp_sink: another one runs (pid {running}, {args.pid_file})")
    try:
        asyncio.run(serve(args))
    except OSError as error:  # the port is taken
        sys.exit(f"smtp_sink: cannot listen on {HOST}:{args.port}: {error}")


# --- list, show ----------------------------------------------------------------------


class _TextOf(HTMLParser):
    """HTML to readable text: block elements end lines, links show their target."""

    BLOCKS = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "table", "hr"}
    SKIP = {"style", "script", "head", "title"}
    VOID = {"br", "hr", "img", "meta", "link", "input", "col", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.href = [], None
        self.hidden = None  # [tag, depth] of the element being skipped

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        hidden = "display:none" in (attrs.get("style") or "").replace(" ", "")
        if self.hidden:
            self.hidden[1] += tag == self.hidden[0]
        elif tag in self.SKIP or (hidden and tag not in self.VOID):
            self.hidden = [tag, 1]  # also the mail layouts' hidden preview line
        elif tag in self.BLOCKS:
            self.parts.append("\n")
        elif tag == "a":
            self.href = attrs.get("href")

    def handle_startendtag(self, tag, attrs):
        if not self.hidden and tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if self.hidden:
            if tag == self.hidden[0]:
                self.hidden[1] -= 1
                if not self.hidden[1]:
                    self.hidden = None
        elif tag in self.BLOCKS:
            self.parts.append("\n")
        elif tag == "a" and self.href:
            if not self.href.startswith(("#", "mailto:")):
                self.parts.append(f" <{self.href}>")
            self.href = None

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(re.sub(r"\s+", " ", data))

    def text(self):
        lines = (line.strip() for line in "".join(self.parts).splitlines())
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def html_to_text(html):
    parser = _TextOf()
    parser.feed(html)
    parser.close()
    return parser.text()


def stored(folder):
    """The .eml files of a folder, newest first (their names start with the time)."""
    return sorted(Path(folder).glob("*.eml"), reverse=True)


def read(path):
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    sidecar = path.with_suffix(".json")
    envelope = json.loads(sidecar.read_text()) if sidecar.exists() else {}
    return message, envelope


def header(message, name):
    """A header decoded as mail clients show it, or None. (The parser of
    ``email.policy.default`` keeps a space between two encoded words inside a
    comment, such as the «(специалист)» of a display name; RFC 2047 drops it,
    and so does ``decode_header``.)"""
    for key, raw in message.raw_items():
        if key.lower() == name.lower():
            unfolded = re.sub(r"\r?\n[ \t]+", " ", str(raw)).strip()
            return str(make_header(decode_header(unfolded)))
    return None


def _when(envelope):
    moment = envelope.get("received_at")
    if not moment:
        return "?"
    local = datetime.fromisoformat(moment).astimezone()
    return f"{local:%Y-%m-%d %H:%M:%S}"


def cmd_list(args):
    folder = Path(args.dir) / args.db
    paths = stored(folder)
    if not paths:
        out(f"No messages for {args.db} in {folder}")
        return
    for path in paths:
        message, envelope = read(path)
        out(
            f"{_when(envelope)}  From: {header(message, 'From')}\n"
            f"    To: {header(message, 'To')}\n"
            f"    Subject: {header(message, 'Subject')}\n"
            f"    {path}"
        )
    out(f"{len(paths)} message(s), newest first")


def cmd_show(args):
    which = args.which
    if which != "last" and not which.isdigit():
        path = Path(which)
    else:
        paths = stored(Path(args.dir) / args.db)
        index = 0 if which == "last" else int(which) - 1
        if not 0 <= index < len(paths):
            sys.exit(f"No message {which} for {args.db} ({len(paths)} stored)")
        path = paths[index]
    message, envelope = read(path)
    out(f"File: {path}")
    out(f"Received: {_when(envelope)}")
    if envelope:
        out(f"Envelope: {envelope['mail_from']} -> {', '.join(envelope['rcpt_tos'])}")
    for name in ("From", "Reply-To", "To", "Cc", "Subject", "Message-Id", "References"):
        if (value := header(message, name)) is not None:
            out(f"{name}: {value}")
    body = message.get_body(preferencelist=("html", "plain"))
    if body is None:
        text = "(no text body)"
    elif body.get_content_type() == "text/html":
        text = html_to_text(body.get_content())
    else:
        text = body.get_content().strip()
    out(f"\n{text}\n")
    for part in message.iter_attachments():
        size = len(part.get_content() or b"")
        name = part.get_filename() or "(no name)"
        out(f"Attachment: {name} ({part.get_content_type()}, {size} bytes)")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    sub = parser.add_subparsers(dest="command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--dir", default=str(default_dir()), help="the mail folder")
    serve_p = sub.add_parser("serve", parents=[common], help="run the SMTP server")
    serve_p.add_argument(
        "--port", type=int, default=int(os.environ.get("ENDOCS_SMTP_PORT", "2525"))
    )
    serve_p.add_argument("--pid-file", help="default: DIR/smtp_sink.pid")
    for name, help_ in (("list", "list a database's messages"), ("show", "print one")):
        reader = sub.add_parser(name, parents=[common], help=help_)
        reader.add_argument("--db", default=os.environ.get("ENDOCS_DB", "endocs_demo"))
        if name == "show":
            reader.add_argument("which", nargs="?", default="last")
    args = parser.parse_args(argv)
    if args.command != "serve":  # `... | head` ends quietly
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    {"serve": cmd_serve, "list": cmd_list, "show": cmd_show}[args.command](args)


if __name__ == "__main__":
    main()
