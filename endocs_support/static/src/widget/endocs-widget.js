/* Copyright 2026 EnDocs
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
 *
 * EnDocs support widget: the reference client of /api/endocs/v1 (plain
 * JavaScript, no build). The EnDocs product includes it where the support form
 * goes:
 *
 *   <div id="endocs-support"></div>
 *   <script src="https://support.endocs.ru/endocs_support/static/src/widget/endocs-widget.js"
 *           data-key="endocs_…" data-target="#endocs-support"
 *           data-login-email="i.petrov@romashka.ru" data-client-ref="ED-1001"
 *           data-org-name="ООО Ромашка" data-contact-name="Иван Петров"
 *           data-contact-phone="+7 495 765-43-21"></script>
 *
 * It shows the intake form of the regulation (I3.3, I3.4) with a message under
 * each field the API refuses, the files, the off-hours notice «Обработка
 * начнётся … (МСК)» before submission, the organisation's requests with the
 * specialist's questions, and the customer's replies. Retries of a submission
 * reuse its Idempotency-Key, so a dropped connection never makes a second
 * request. */
(function () {
    "use strict";
    var script = document.currentScript;
    var cfg = script.dataset;
    var api = cfg.api || new URL(script.src).origin + "/api/endocs/v1";
    var T = {
        title: "Обращение в техническую поддержку",
        subject: "Тема",
        org_name: "Наименование организации",
        client_ref: "ИД клиента",
        contact_name: "Контактное лицо",
        contact_phone: "Контактный телефон",
        login_email: "E-mail (логин в EnDocs)",
        description: "Описание проблемы",
        scope: "Масштаб проблемы",
        scopes: {"": "—", one: "Один пользователь", several: "Несколько пользователей", all: "Все пользователи"},
        steps: "Шаги, которые привели к проблеме",
        actions_taken: "Что уже предпринято",
        other_info: "Прочая информация",
        attachments: "Скриншоты и журналы",
        send: "Отправить",
        sent: "Заявка № %s зарегистрирована.",
        mine: "Заявки организации",
        none: "Заявок пока нет.",
        questions: "Вопросы специалиста",
        reply: "Ответить",
        replied: "Ответ отправлен.",
        back: "К списку",
        failed: "Не удалось связаться со службой поддержки. Попробуйте ещё раз.",
    };
    var FIELDS = ["subject", "org_name", "client_ref", "contact_name", "contact_phone", "login_email"];
    var TEXTS = ["description", "steps", "actions_taken", "other_info"];

    function el(tag, attrs, children) {
        var node = document.createElement(tag);
        Object.keys(attrs || {}).forEach(function (name) {
            if (name === "text") node.textContent = attrs[name];
            else node.setAttribute(name, attrs[name]);
        });
        (children || []).forEach(function (child) { node.appendChild(child); });
        return node;
    }

    function call(method, path, body, key) {
        var headers = {Authorization: "Bearer " + cfg.key, "Accept-Language": cfg.lang || "ru-RU"};
        if (key) headers["Idempotency-Key"] = key;
        return fetch(api + path, {method: method, headers: headers, body: body}).then(function (response) {
            return response.json().then(function (data) {
                return {status: response.status, data: data};
            });
        });
    }

    function identity() {
        return "login_email=" + encodeURIComponent(cfg.loginEmail || "") +
            "&client_ref=" + encodeURIComponent(cfg.clientRef || "");
    }

    function uuid() {
        return (window.crypto && crypto.randomUUID) ? crypto.randomUUID() :
            String(Date.now()) + "-" + Math.random().toString(16).slice(2);
    }

    function showErrors(form, result) {
        form.querySelectorAll(".endocs-error").forEach(function (node) { node.textContent = ""; });
        var errors = (result.data && result.data.errors) || {};
        var general = form.querySelector(".endocs-error[data-field='_']");
        Object.keys(errors).forEach(function (field) {
            var base = field.split("[")[0];
            var node = form.querySelector(".endocs-error[data-field='" + base + "']") || general;
            node.textContent = (node.textContent ? node.textContent + " " : "") +
                (field !== base ? field.slice(base.length) + " " : "") + errors[field];
        });
        if (!Object.keys(errors).length) general.textContent = (result.data && result.data.message) || T.failed;
    }

    function row(label, input, field) {
        return el("div", {class: "endocs-row"}, [
            el("label", {text: label}), input, el("div", {class: "endocs-error", "data-field": field}),
        ]);
    }

    function Widget(root) {
        this.root = root;
        this.root.classList.add("endocs-widget");
        this.formEl = this.buildForm();
        this.listEl = el("div", {class: "endocs-list"});
        this.detailEl = el("div", {class: "endocs-detail", hidden: "hidden"});
        root.appendChild(el("h3", {text: T.title}));
        root.appendChild(this.formEl);
        root.appendChild(el("h3", {text: T.mine}));
        root.appendChild(this.listEl);
        root.appendChild(this.detailEl);
        this.ready = Promise.all([this.loadNotice(), this.loadList()]);
    }

    Widget.prototype.buildForm = function () {
        var self = this;
        var form = el("form", {class: "endocs-form", novalidate: "novalidate"});
        form.appendChild(el("div", {class: "endocs-offhours", hidden: "hidden"}));
        var prefill = {org_name: cfg.orgName, client_ref: cfg.clientRef, contact_name: cfg.contactName,
            contact_phone: cfg.contactPhone, login_email: cfg.loginEmail};
        FIELDS.forEach(function (name) {
            form.appendChild(row(T[name], el("input", {name: name, value: prefill[name] || ""}), name));
        });
        form.appendChild(row(T.description, el("textarea", {name: "description", rows: "4"}), "description"));
        var scope = el("select", {name: "scope"});
        Object.keys(T.scopes).forEach(function (code) {
            scope.appendChild(el("option", {value: code, text: T.scopes[code]}));
        });
        form.appendChild(row(T.scope, scope, "scope"));
        TEXTS.slice(1).forEach(function (name) {
            form.appendChild(row(T[name], el("textarea", {name: name, rows: "2"}), name));
        });
        form.appendChild(row(T.attachments, el("input", {type: "file", name: "attachments", multiple: "multiple"}), "attachments"));
        form.appendChild(el("div", {class: "endocs-error", "data-field": "_"}));
        form.appendChild(el("button", {type: "submit", class: "endocs-send", text: T.send}));
        form.appendChild(el("div", {class: "endocs-success"}));
        form.addEventListener("input", function () { self.submitKey = null; });
        form.addEventListener("submit", function (ev) { ev.preventDefault(); self.submit(); });
        return form;
    };

    Widget.prototype.loadNotice = function () {
        var box = this.formEl.querySelector(".endocs-offhours");
        return call("GET", "/processing-start").then(function (result) {
            if (result.status === 200 && result.data.notice) {
                box.textContent = result.data.notice;
                box.hidden = false;
            } else {
                box.hidden = true;
            }
        });
    };

    Widget.prototype.submit = function () {
        var self = this;
        var form = this.formEl;
        var body = new FormData();
        FIELDS.concat(TEXTS, ["scope"]).forEach(function (name) {
            var value = form.elements[name].value;
            if (value || name !== "scope") body.append(name, value);
        });
        Array.prototype.forEach.call(form.elements.attachments.files, function (file) {
            body.append("attachments", file, file.name);
        });
        // one key per content: a retry after a dropped answer is the same request
        this.submitKey = this.submitKey || uuid();
        form.querySelector(".endocs-success").textContent = "";
        return call("POST", "/requests", body, this.submitKey).then(function (result) {
            if (result.status === 201) {
                showErrors(form, {data: {errors: {}, message: ""}});
                form.querySelector(".endocs-success").textContent = T.sent.replace("%s", result.data.number);
                ["subject", "description", "steps", "actions_taken", "other_info"].forEach(function (name) {
                    form.elements[name].value = "";
                });
                form.elements.attachments.value = "";
                self.submitKey = null;
                return self.loadList();
            }
            showErrors(form, result);
        }, function () { showErrors(form, {data: {message: T.failed}}); });
    };

    Widget.prototype.loadList = function () {
        var self = this;
        return call("GET", "/requests?" + identity()).then(function (result) {
            self.listEl.textContent = "";
            var items = (result.data && result.data.items) || [];
            if (!items.length) self.listEl.appendChild(el("p", {text: T.none}));
            items.forEach(function (item) {
                var link = el("a", {href: "#", class: "endocs-request", "data-number": item.number,
                    text: item.number + " · " + item.subject + " · " + item.state.name +
                        (item.open_questions ? " · " + T.questions + ": " + item.open_questions : "")});
                link.addEventListener("click", function (ev) { ev.preventDefault(); self.open(item.number); });
                self.listEl.appendChild(el("div", {}, [link]));
            });
        });
    };

    Widget.prototype.open = function (number) {
        var self = this;
        return call("GET", "/requests/" + encodeURIComponent(number) + "?" + identity()).then(function (result) {
            var req = result.data;
            var box = self.detailEl;
            box.textContent = "";
            box.hidden = false;
            box.appendChild(el("h4", {text: req.number + " · " + req.subject}));
            box.appendChild(el("p", {class: "endocs-state", text: req.state.name}));
            if (req.processing_start) box.appendChild(el("p", {text: req.processing_start.text}));
            if (req.open_questions.length) {
                box.appendChild(el("h5", {text: T.questions}));
                req.open_questions.forEach(function (q) {
                    box.appendChild(el("p", {class: "endocs-question", text: q.question}));
                });
            }
            req.messages.forEach(function (m) {
                box.appendChild(el("div", {class: "endocs-message" + (m.from_customer ? " endocs-mine" : "")}, [
                    el("small", {text: m.author + " · " + m.date}), el("p", {text: m.body}),
                ]));
            });
            var form = el("form", {class: "endocs-reply"});
            form.appendChild(row(T.reply, el("textarea", {name: "body", rows: "3"}), "body"));
            form.appendChild(row(T.attachments, el("input", {type: "file", name: "attachments", multiple: "multiple"}), "attachments"));
            form.appendChild(el("div", {class: "endocs-error", "data-field": "_"}));
            form.appendChild(el("button", {type: "submit", class: "endocs-reply-send", text: T.reply}));
            var key = null;
            form.addEventListener("input", function () { key = null; });
            form.addEventListener("submit", function (ev) {
                ev.preventDefault();
                var body = new FormData();
                body.append("login_email", cfg.loginEmail || "");
                body.append("client_ref", cfg.clientRef || "");
                body.append("body", form.elements.body.value);
                Array.prototype.forEach.call(form.elements.attachments.files, function (file) {
                    body.append("attachments", file, file.name);
                });
                key = key || uuid();
                call("POST", "/requests/" + encodeURIComponent(number) + "/messages", body, key).then(function (res) {
                    if (res.status === 201) {
                        return self.open(number).then(function () {
                            self.detailEl.appendChild(el("p", {class: "endocs-reply-ok", text: T.replied}));
                            return self.loadList();
                        });
                    }
                    showErrors(form, res);
                });
            });
            box.appendChild(form);
        });
    };

    function start() {
        var root = cfg.target ? document.querySelector(cfg.target) : null;
        if (!root) {
            root = document.createElement("div");
            script.parentNode.insertBefore(root, script.nextSibling);
        }
        window.EndocsWidget = new Widget(root);
    }

    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
})();
