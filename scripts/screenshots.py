# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Screenshots of the running demo with headless Chromium (DevTools protocol
over websocket-client). Called by scripts/screenshots.sh, which starts Odoo and
sets ENDOCS_SHOT_URL, ENDOCS_SHOT_DB, ENDOCS_SHOT_DIR, ENDOCS_TICKET_ID and
ENDOCS_INVOICE_ID."""

import base64
import html
import io
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import openpyxl
import requests
import websocket

BASE = os.environ["ENDOCS_SHOT_URL"]
DB = os.environ["ENDOCS_SHOT_DB"]
OUT = Path(os.environ["ENDOCS_SHOT_DIR"])
TICKET = os.environ["ENDOCS_TICKET_ID"]
INVOICE = os.environ["ENDOCS_INVOICE_ID"]
WIDTH, HEIGHT = 1440, 900
TIMEOUT = 90  # seconds for the server, for each page


def wait_until(check, what, timeout=TIMEOUT):
    """Poll ``check`` until it returns a true value (the server or the page is
    not ready yet), at most ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.25)
    raise TimeoutError(f"timed out waiting for {what}")


def server_up():
    try:
        return urllib.request.urlopen(f"{BASE}/web/login", timeout=5).status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def session(login):
    """A session cookie of ``login`` (the demo passwords equal the logins)."""
    http = requests.Session()
    response = http.post(
        f"{BASE}/web/session/authenticate",
        json={
            "jsonrpc": "2.0",
            "params": {"db": DB, "login": login, "password": login},
        },
        timeout=60,
    )
    response.raise_for_status()
    if response.json().get("error"):
        raise RuntimeError(f"login {login}: {response.json()['error']}")
    return http.cookies["session_id"]


class Chromium:
    def __init__(self):
        binary = next(
            filter(
                None,
                map(shutil.which, ("chromium", "chromium-browser", "google-chrome")),
            )
        )
        self.profile = tempfile.mkdtemp(prefix="endocs-shots-")
        self.port = 9333
        self.process = subprocess.Popen(  # noqa: S603 - our own arguments
            [
                binary,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                f"--remote-debugging-port={self.port}",
                f"--user-data-dir={self.profile}",
                f"--window-size={WIDTH},{HEIGHT}",
                "--lang=ru-RU",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        target = wait_until(self._page_target, "Chromium's DevTools")
        self.ws = websocket.create_connection(target, timeout=TIMEOUT)
        self.ids = itertools.count(1)
        self.call("Page.enable")
        self.call("Network.enable")
        self.call(
            "Emulation.setDeviceMetricsOverride",
            width=WIDTH,
            height=HEIGHT,
            deviceScaleFactor=1,
            mobile=False,
        )
        # the demo's people work in Moscow: so does the browser (the back office
        # tells times in the browser's zone)
        self.call("Emulation.setTimezoneOverride", timezoneId="Europe/Moscow")

    def _page_target(self):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/json") as r:
                pages = [t for t in json.load(r) if t["type"] == "page"]
        except (urllib.error.URLError, ConnectionError):
            return None
        return pages and pages[0]["webSocketDebuggerUrl"]

    def call(self, method, **params):
        call_id = next(self.ids)
        self.ws.send(json.dumps({"id": call_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == call_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression):
        result = self.call(
            "Runtime.evaluate", expression=expression, returnByValue=True
        )
        return result.get("result", {}).get("value")

    def shot(self, name, url, ready, cookie=None):
        self.call("Network.clearBrowserCookies")
        if cookie:
            self.call(
                "Network.setCookie",
                name="session_id",
                value=cookie,
                domain="127.0.0.1",
                path="/",
            )
        self.call("Page.navigate", url=url)
        wait_until(
            lambda: self.evaluate(
                "document.readyState === 'complete'"
                f" && !!document.querySelector({json.dumps(ready)})"
                " && !document.querySelector('.o_loading_indicator, .o_blockUI')"
            ),
            f"{ready} on {url}",
        )
        # Odoo's transient notifications (e.g. "the page is out of date") are
        # not part of the page.
        self.evaluate(
            "document.querySelectorAll('.o_notification_manager')"
            ".forEach(e => e.remove())"
        )
        data = self.call("Page.captureScreenshot", format="png")["data"]
        path = OUT / f"{name}.png"
        path.write_bytes(base64.b64decode(data))
        sys.stdout.write(f"{path.relative_to(OUT.parent.parent)}: {url}\n")

    def close(self):
        self.ws.close()
        self.process.terminate()
        self.process.wait(timeout=30)
        shutil.rmtree(self.profile, ignore_errors=True)


def _text(value):
    if value is None:
        return ""
    if hasattr(value, "strftime"):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float):
        return f"{value:.2f}".replace(".", ",")
    return str(value)


def act_preview(cookie):
    """The invoice's act (XLSX), downloaded as the customer does and laid out
    as an HTML table: a browser cannot show a workbook."""
    response = requests.get(
        f"{BASE}/my/invoices/{INVOICE}/endocs_act",
        cookies={"session_id": cookie},
        timeout=60,
    )
    response.raise_for_status()
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = []
    for row in sheet.iter_rows(values_only=True):
        cells = "".join(f"<td>{html.escape(_text(v))}</td>" for v in row)
        rows.append(f"<tr>{cells}</tr>")
    page = OUT / "_act.html"
    page.write_text(
        "<html><head><meta charset='utf-8'><style>"
        "body{font:13px sans-serif;margin:24px}"
        "table{border-collapse:collapse}td{border:1px solid #ccc;padding:3px 6px;"
        "vertical-align:top;max-width:320px}"
        "tr:first-child td{white-space:nowrap;font-weight:bold;"
        "font-size:16px;border:none}</style></head><body><table id='act'>"
        + "".join(rows)
        + "</table></body></html>",
        encoding="utf-8",
    )
    return page


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    wait_until(server_up, "the Odoo server")
    customer, specialist, manager = (
        session("customer"),
        session("specialist"),
        session("manager"),
    )
    browser = Chromium()
    try:
        browser.shot(
            "portal_form",
            f"{BASE}/new/ticket",
            "form input[name='subject'], form",
            customer,
        )
        browser.shot(
            "backoffice_request",
            f"{BASE}/odoo/helpdesk.ticket/{TICKET}",
            ".o_form_view .o_form_sheet",
            specialist,
        )
        browser.shot(
            "sla_report",
            f"{BASE}/odoo/action-endocs_support.helpdesk_ticket_action_sla_report",
            ".o_graph_renderer canvas, .o_pivot table, .o_list_table",
            manager,
        )
        browser.shot(
            "portal_invoice_act",
            f"{BASE}/my/invoices/{INVOICE}",
            ".o_endocs_act",
            customer,
        )
        page = act_preview(customer)
        browser.shot("act", page.as_uri(), "#act")
        page.unlink()
    finally:
        browser.close()


if __name__ == "__main__":
    sys.exit(main())
