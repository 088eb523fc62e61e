# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The load test's client (scripts/load.sh starts the nodes): 50 portal users
submitting requests and a steady 20 e-mails a second, for a bounded time, spread
over the nodes of ENDOCS_LOAD_URLS (comma separated: user n and mail n go to
node n modulo their count); then every request is looked up: registered exactly
once. Prints p50/p95 and appends them to ENDOCS_LOAD_RESULTS (JSON lines).
ENDOCS_LOAD_FLAVOUR=plain fills plain helpdesk_mgmt's portal form instead of
ours."""

import json
import os
import queue
import re
import statistics
import sys
import threading
import time
import xmlrpc.client
from concurrent.futures import ThreadPoolExecutor
from email.message import EmailMessage

import requests

NODES = os.environ["ENDOCS_LOAD_URLS"].split(",")
BASE = NODES[0]
PLAIN = os.environ.get("ENDOCS_LOAD_FLAVOUR") == "plain"
LABEL = os.environ.get("ENDOCS_LOAD_LABEL", "ours")
DB = os.environ["ENDOCS_LOAD_DB"]
SECONDS = float(os.environ.get("ENDOCS_LOAD_SECONDS", 120))
USERS = int(os.environ.get("ENDOCS_LOAD_USERS", 50))
MAILS_PER_SECOND = float(os.environ.get("ENDOCS_LOAD_MAILS", 20))
TAG = f"LOAD{int(time.time())}"

lock = threading.Lock()
latency = {"portal": [], "mail": []}
errors = []
sent = {"portal": [], "mail": []}


def record(channel, subject, began, error=None):
    with lock:
        if error:
            errors.append(f"{channel} {subject}: {error}")
        else:
            latency[channel].append(time.perf_counter() - began)
            sent[channel].append(subject)


def wait_for_server(base, timeout=180):
    last = None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{base}/web/login", timeout=5).status_code == 200:
                return
        except requests.RequestException as error:
            last = error  # not up yet
        time.sleep(0.5)
    sys.exit(f"the Odoo server at {base} did not start ({last})")


def form_data(form, n, subject):
    """The fields of the portal form: ours, or plain helpdesk_mgmt's."""
    token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
    data = {
        "csrf_token": token,
        "subject": subject,
        "description": "Нагрузочная проверка: не открывается карточка.",
    }
    if PLAIN:
        category = re.search(r'name="category".*?<option[^>]*value="(\d+)"', form, re.S)
        data["category"] = category.group(1) if category else ""
        return data
    data.update(
        {
            "org_name": re.search(r'name="org_name"[^>]*value="([^"]*)"', form).group(
                1
            ),
            "client_ref": re.search(
                r'name="client_ref"[^>]*value="([^"]*)"', form
            ).group(1),
            "contact_name": f"Load user {n}",
            "contact_phone": "+7 495 000-00-00",
            "login_email": f"load{n}@load.example",
        }
    )
    return data


def portal_user(n, start, logged_in):
    """Log in (before the clock starts), then submit requests until the
    deadline ``start`` gives."""
    login = f"load{n}"
    base = NODES[n % len(NODES)]
    http = requests.Session()
    # Odoo's prefork workers close an idle kept-alive connection after 2 s; a
    # browser retries on a fresh one, requests would report a reset: one
    # connection per request, as a proxy in front of Odoo does.
    http.headers["Connection"] = "close"
    began = time.perf_counter()
    try:
        page = http.get(f"{base}/web/login", timeout=120).text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        response = http.post(
            f"{base}/web/login",
            data={"login": login, "password": login, "csrf_token": token, "db": DB},
            timeout=120,
        )
        response.raise_for_status()
    except Exception as error:  # counted, reported
        record("portal", f"login {login}", began, error)
        logged_in.release()
        return
    logged_in.release()
    deadline = start.get() + SECONDS
    count = 0
    while time.monotonic() < deadline:
        count += 1
        subject = f"{TAG}-P{n}-{count}"
        began = time.perf_counter()
        try:
            form = http.get(f"{base}/new/ticket", timeout=120)
            response = http.post(
                f"{base}/submitted/ticket",
                data=form_data(form.text, n, subject),
                allow_redirects=False,
                timeout=120,
            )
            if response.status_code != 302 or "/my/ticket/" not in response.headers.get(
                "Location", ""
            ):
                raise RuntimeError(f"HTTP {response.status_code}")
            record("portal", subject, began)
        except Exception as error:  # counted, reported
            record("portal", subject, began, error)


def send_mail(n):
    subject = f"{TAG}-M{n}"
    msg = EmailMessage()
    msg["From"] = f"sender{n % 40}@mail-load.example"
    msg["To"] = "support@endocs.ru"
    msg["Subject"] = subject
    msg["Message-Id"] = f"<{subject}@mail-load.example>"
    msg.set_content(
        "Организация: ООО «Ромашка»\nИД клиента: ED-5001\nКонтактное лицо: Тест\n"
        "Телефон: +7 495 000-00-01\nE-mail для входа: t@romashka.example\n"
        "Описание проблемы: не приходят уведомления о новых задачах."
    )
    began = time.perf_counter()
    try:
        base = NODES[n % len(NODES)]
        proxy = xmlrpc.client.ServerProxy(f"{base}/xmlrpc/2/object", allow_none=True)
        proxy.execute_kw(
            DB,
            2,
            "admin",
            "mail.thread",
            "message_process",
            ["helpdesk.ticket", xmlrpc.client.Binary(msg.as_bytes())],
        )
        record("mail", subject, began)
    except Exception as error:  # counted, reported
        record("mail", subject, began, error)


def percentile(values, q):
    return statistics.quantiles(values, n=100)[q - 1] if len(values) > 1 else values[0]


def main():
    for base in NODES:
        wait_for_server(base)
    # every user logs in first: the clock measures the requests only
    start, logged_in = queue.Queue(), threading.Semaphore(0)
    users = [
        threading.Thread(target=portal_user, args=(n, start, logged_in))
        for n in range(USERS)
    ]
    for thread in users:
        thread.start()
    for _ in users:
        logged_in.acquire()
    deadline = time.monotonic() + SECONDS
    for _ in users:
        start.put(deadline - SECONDS)
    with ThreadPoolExecutor(max_workers=16) as pool:
        n, start = 0, time.monotonic()
        while time.monotonic() < deadline:
            pool.submit(send_mail, n)
            n += 1
            time.sleep(max(0.0, start + n / MAILS_PER_SECOND - time.monotonic()))
    for thread in users:
        thread.join()
    # every request registered exactly once
    common = xmlrpc.client.ServerProxy(f"{BASE}/xmlrpc/2/object", allow_none=True)
    names = [
        row["name"]
        for row in common.execute_kw(
            DB,
            2,
            "admin",
            "helpdesk.ticket",
            "search_read",
            [[("name", "=like", f"{TAG}-%")]],
            {"fields": ["name"]},
        )
    ]
    expected = sent["portal"] + sent["mail"]
    missing = sorted(set(expected) - set(names))
    doubled = sorted({x for x in names if names.count(x) > 1})
    extra = sorted(set(names) - set(expected))  # failed on our side, made anyway
    summary = {"label": LABEL}
    for channel in ("portal", "mail"):
        values = latency[channel]
        if values:
            summary[channel] = {
                "count": len(values),
                "rate": len(values) / SECONDS,
                "p50": percentile(values, 50) * 1e3,
                "p95": percentile(values, 95) * 1e3,
            }
            sys.stdout.write(
                f"load.{LABEL}.{channel:<7} {len(values):>5} requests on "
                f"{len(NODES)} nodes, {len(values) / SECONDS:5.1f}/s, "
                f"p50 {percentile(values, 50) * 1e3:6.0f} ms, "
                f"p95 {percentile(values, 95) * 1e3:6.0f} ms\n"
            )
    if os.environ.get("ENDOCS_LOAD_RESULTS"):
        with open(os.environ["ENDOCS_LOAD_RESULTS"], "a") as out:
            out.write(json.dumps(summary) + "\n")
    ok = (
        not errors
        and not missing
        and not doubled
        and not extra
        and all(latency.values())
    )
    sys.stdout.write(
        f"load.{LABEL}.check  {len(names)} registered of {len(expected)} sent; "
        f"errors {len(errors)}, missing {len(missing)}, doubled {len(doubled)}, "
        f"unexpected {len(extra)} "
        f"{'OK' if ok else 'FAILED'}\n"
    )
    for line in errors[:10]:
        sys.stderr.write(line + "\n")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
