/* Copyright 2026 EnDocs
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
/* R-TIME-6: on the page of a regulated request, every time the web client
 * formats (the chatter's messages) is told in the team calendar's zone, as the
 * page's own times are, whatever zone the customer's browser is in. */
const page = document.querySelector("[data-endocs-tz]");
if (page && window.luxon) {
    window.luxon.Settings.defaultZone = page.dataset.endocsTz;
}
