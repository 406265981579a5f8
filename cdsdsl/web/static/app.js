/* cdsdsl pages: debounced checks, the unit form, the cohort upload, sortable tables.
   Plain JavaScript, no library. HTML put into the page comes only from the server's templates
   (autoescaped); text from the user is only ever set with .value / .textContent. */
"use strict";
(function () {
  const lang = document.body.dataset.lang || "vi";
  const $ = (sel) => document.querySelector(sel);

  function debounce(fn, ms) {
    let timer = null;
    return function () { clearTimeout(timer); timer = setTimeout(fn, ms); };
  }

  async function post(url, body) {
    const res = await fetch(url + (url.includes("?") ? "&" : "?") + "lang=" + lang, { method: "POST", body: body });
    return res;
  }

  function download(blob, name) {
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  // ---------------------------------------------------------------- author page
  function initAuthor() {
    const text = $("#ruleset-text"), fmt = $("#ruleset-format"), max = $("#formula-max");
    const out = $("#author-result"), status = $("#author-status");
    const KEY = "cdsdsl.author.draft";
    const saved = localStorage.getItem(KEY);
    if (saved !== null && !text.value) {
      try { const d = JSON.parse(saved); text.value = d.text || ""; fmt.value = d.format || ""; } catch (e) { /* ignore */ }
    }
    let seq = 0;
    function form() {
      const f = new FormData();
      f.append("text", text.value); f.append("format", fmt.value); f.append("max", max.value);
      return f;
    }
    async function check() {
      const mine = ++seq;
      status.textContent = status.dataset.checking;
      const res = await post("/author/check", form());
      const html = await res.text();
      if (mine !== seq) return;  // a newer check is on its way
      out.innerHTML = html;
      status.textContent = "";
      out.dataset.checked = String(mine);
    }
    async function save() {
      const draft = { text: text.value, format: fmt.value };
      localStorage.setItem(KEY, JSON.stringify(draft));
      const res = await fetch("/api/v1/drafts/author", { method: "PUT", headers: { "content-type": "application/json" },
        body: JSON.stringify(draft) });
      if (res.ok) status.textContent = status.dataset.saved;
    }
    const later = debounce(function () { check(); save(); }, 250);
    text.addEventListener("input", later);
    fmt.addEventListener("change", later);
    max.addEventListener("input", later);
    $("#ruleset-file").addEventListener("change", async function () {
      const f = new FormData(); f.append("ruleset", this.files[0]);
      const res = await post("/author/upload", f);
      if (res.ok) { const d = await res.json(); text.value = d.text; fmt.value = d.format; later(); }
      else { out.innerHTML = await errorHtml(res); }
    });
    for (const [id, kind, name] of [["#download-cds", "cds", "bo-chi-so.cds"], ["#download-template", "template", "bieu-mau.xlsx"]]) {
      $(id).addEventListener("click", async function () {
        const res = await post("/author/download/" + kind, form());
        if (res.ok) download(await res.blob(), name); else out.innerHTML = await errorHtml(res);
      });
    }
    $("#use-ruleset").addEventListener("click", async function () {
      const res = await fetch("/api/v1/ruleset?lang=" + lang, { method: "PUT", headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: text.value, format: fmt.value }) });
      if (res.ok) window.location.href = "/unit"; else out.innerHTML = await errorHtml(res);
    });
    check();
  }

  async function errorHtml(res) {
    // an API error: its messages set as text (never as markup)
    const box = document.createElement("div");
    box.className = "error-box";
    try {
      const body = await res.json();
      for (const e of body.errors || []) {
        const p = document.createElement("p");
        p.className = "finding error";
        p.textContent = e.code + " " + e.message + (e.hint ? " — " + e.hint : "");
        box.appendChild(p);
      }
    } catch (e) { box.textContent = String(res.status); }
    return box.outerHTML;
  }

  // ---------------------------------------------------------------- unit page
  function initUnit() {
    const form = $("#unit-form"), out = $("#unit-result");
    const KEY = "cdsdsl.unit.form." + location.pathname;
    const saved = JSON.parse(localStorage.getItem(KEY) || "{}");
    for (const el of form.elements) if (el.name && saved[el.name] !== undefined) el.value = saved[el.name];
    async function validate() {
      const data = new FormData(form);
      const keep = {};
      for (const [k, v] of data.entries()) keep[k] = v;
      localStorage.setItem(KEY, JSON.stringify(keep));
      const res = await post("/unit/validate", data);
      if (!res.ok) return;
      const messages = await res.json();
      for (const box of form.querySelectorAll(".field")) {
        const msg = messages[box.dataset.column];
        box.classList.toggle("invalid", !!msg);
        box.querySelector(".field-msg").textContent = msg ? msg.join("\n") : "";
      }
    }
    form.addEventListener("input", debounce(validate, 300));
    $("#score-unit").addEventListener("click", async function () {
      const res = await post("/unit/score", new FormData(form));
      out.innerHTML = await res.text();
      out.scrollIntoView({ behavior: "smooth" });
    });
    $("#print-unit").addEventListener("click", function () { window.print(); });
  }

  // ---------------------------------------------------------------- cohort page
  function initCohort() {
    const out = $("#cohort-result");
    $("#rank-cohort").addEventListener("click", async function () {
      const res = await post("/cohort/rank", new FormData($("#cohort-form")));
      out.innerHTML = await res.text();
      const table = out.querySelector("table.sortable");
      if (table) sortable(table);
    });
  }

  function sortable(table) {
    const heads = table.querySelectorAll("thead th");
    heads.forEach(function (th, col) {
      th.addEventListener("click", function () {
        const numeric = th.dataset.numeric === "1";
        const asc = th.dataset.order !== "asc";
        heads.forEach((h) => delete h.dataset.order);
        th.dataset.order = asc ? "asc" : "desc";
        const rows = Array.from(table.tBodies[0].rows);
        rows.sort(function (a, b) {
          const x = a.cells[col], y = b.cells[col];
          let c;
          if (numeric) c = (parseFloat(x.dataset.sort) || 0) - (parseFloat(y.dataset.sort) || 0);
          else c = x.textContent.localeCompare(y.textContent, lang);
          return asc ? c : -c;
        });
        for (const r of rows) table.tBodies[0].appendChild(r);
      });
    });
  }

  const page = document.body.dataset.page;
  if (page === "author") initAuthor();
  if (page === "unit" && $("#unit-form")) initUnit();
  if (page === "cohort" && $("#cohort-form")) initCohort();
})();
