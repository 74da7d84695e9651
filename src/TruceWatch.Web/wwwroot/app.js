"use strict";
// The first TruceWatch page: each agreement's scorecard per party, and the incident list with verdicts and traces.
const VERDICTS = ["violation", "indeterminate", "permitted", "out-of-scope", "outside-window"];
const PAGE = 200;
const state = { agreement: null, verdict: "", shown: 0 };

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v; else if (k.startsWith("on")) node.addEventListener(k.slice(2), v); else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(c ?? ""));
  return node;
}

async function getJson(url) {
  const response = await fetch(url);
  if (!response.ok) {
    let detail = response.statusText;
    try { const p = await response.json(); detail = p.detail || p.title || detail; } catch { /* not JSON */ }
    throw new Error(`${url}: ${detail}`);
  }
  return response.json();
}

function showError(error) {
  const box = document.getElementById("error");
  box.textContent = String(error.message || error);
  box.hidden = false;
}

// "2022-09-27T21:00:00+00:00" → ["2022-09-27", "21:00", "UTC"]; the full value stays in the cell's title.
function parts(iso) {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  if (!m) return [iso, "", ""];
  const time = m[3] && m[3] !== "00" ? `${m[2]}:${m[3]}` : m[2];
  return [m[1], time, m[4] === "Z" || m[4] === "+00:00" ? "UTC" : m[4]];
}

// A day-precision time is a Kyiv calendar day (how the sources count days); shown in UTC it would read as the evening before.
function kyivDay(iso, offsetMs = 0) {
  try {
    return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Kyiv" }).format(new Date(Date.parse(iso) + offsetMs));
  } catch {
    return iso.slice(0, 10);
  }
}

// Each end of a range stays on one line (non-breaking spaces); a long range may wrap at its arrow.
function when(occurred) {
  return whenText(occurred).split(" → ").map(part => part.replaceAll(" ", "\u00a0")).join(" → ");
}

function whenText(occurred) {
  if (!occurred) return "unknown";
  if (occurred.precision === "day") {
    const first = kyivDay(occurred.start);
    const last = occurred.end ? kyivDay(occurred.end, -1000) : first; // an end at midnight closes the day before it
    return (last > first ? `${first} → ${last}` : first) + " (Kyiv day)";
  }
  const [day, time, zone] = parts(occurred.start);
  if (!occurred.end || occurred.end === occurred.start) return `${day} ${time} ${zone}`;
  const [endDay, endTime, endZone] = parts(occurred.end);
  return endDay === day && endZone === zone ? `${day} ${time}–${endTime} ${zone}` : `${day} ${time} ${zone} → ${endDay} ${endTime} ${endZone}`;
}

function badge(verdict) { return el("span", { class: `badge ${verdict}` }, verdict); }

async function loadAgreements() {
  const list = await getJson("/api/agreements");
  const host = document.getElementById("agreements");
  host.replaceChildren();
  for (const a of list.agreements) {
    const doc = await getJson(`/api/assessments?agreement=${encodeURIComponent(a.id)}&limit=0`);
    const head = el("tr", {}, el("th", {}, "party"), ...VERDICTS.map(v => el("th", { class: "num" }, v)));
    const rows = Object.entries(doc.summary).map(([party, counts]) =>
      el("tr", { "data-party": party }, el("td", {}, party), ...VERDICTS.map(v => el("td", { class: "num", "data-verdict": v }, counts[v].toLocaleString("en"))))
    );
    // Several windows (holiday ceasefires) are listed one by one; a single one as its span.
    const window = a.windows.length > 1 ? a.windows.join("; ") : a.window_start ? `${a.window_start} → ${a.window_end ?? "open"}` : a.windows.length === 1 ? a.windows[0] : "no window";
    const button = el("button", { onclick: () => selectAgreement(a, button) }, "Show incidents");
    host.append(el("article", { class: "card", "data-agreement": a.id },
      el("h2", {}, a.title),
      el("p", { class: "meta" }, `${a.id} · v${a.version} · ${a.status} · ${window} · parties ${a.parties.join(", ")}`),
      el("table", { class: "scorecard" }, el("thead", {}, head), el("tbody", {}, ...rows)),
      button));
  }
  for (const bad of list.invalid) showError(`${bad.file}: ${bad.errors.join("; ")}`);
  if (list.agreements.length > 0) host.querySelector("button").click();
}

async function selectAgreement(agreement, button) {
  document.querySelectorAll(".card button").forEach(b => b.classList.remove("active"));
  button.classList.add("active");
  state.agreement = agreement;
  state.shown = 0;
  document.getElementById("incident-rows").replaceChildren();
  document.getElementById("incidents").hidden = false;
  document.getElementById("incidents-title").textContent = `Incidents under ${agreement.title}`;
  await loadMore();
}

async function loadMore() {
  const a = state.agreement;
  const limit = state.shown + PAGE;
  const url = `/api/assessments?agreement=${encodeURIComponent(a.id)}&order=verdict&limit=${limit}` + (state.verdict ? `&verdict=${state.verdict}` : "");
  const doc = await getJson(url);
  const body = document.getElementById("incident-rows");
  for (const i of doc.incidents.slice(state.shown)) {
    const row = el("tr", { "data-incident": i.id, "data-verdict": i.verdict },
      el("td", {}, String(i.id)),
      el("td", { class: "when", title: i.occurred ? `${i.occurred.start}${i.occurred.end ? ` → ${i.occurred.end}` : ""} (${i.occurred.precision})` : "" }, when(i.occurred)),
      el("td", {}, i.perpetrator ?? "unknown"),
      el("td", {}, i.weapon ?? i.means ?? "unknown"),
      el("td", {}, i.place ?? "unknown"),
      el("td", {}, badge(i.verdict)),
      el("td", {}, i.trace.reason));
    row.addEventListener("click", () => toggleTrace(row, i));
    body.append(row);
  }
  state.shown = doc.incidents.length;
  const total = state.verdict
    ? Object.values(doc.summary).reduce((n, c) => n + c[state.verdict], 0)
    : Object.values(doc.summary).reduce((n, c) => n + VERDICTS.reduce((m, v) => m + c[v], 0), 0);
  const more = document.getElementById("incident-more");
  more.replaceChildren(`${state.shown.toLocaleString("en")} of ${total.toLocaleString("en")} incidents shown. `);
  if (state.shown < total) more.append(el("button", { onclick: () => loadMore().catch(showError) }, "Show more"));
}

function toggleTrace(row, incident) {
  if (row.nextElementSibling && row.nextElementSibling.classList.contains("trace")) { row.nextElementSibling.remove(); return; }
  const t = incident.trace;
  const lines = [`window ${t.window.expected}: ${t.window.value} (time = ${t.window.fact_value ?? "unknown"})`];
  for (const c of t.clauses) {
    lines.push(`clause ${c.id}: ${c.outcome}`);
    for (const k of c.conditions) lines.push(`  ${k.condition} ${k.expected}: ${k.value} (${k.fact} = ${k.fact_value ?? "unknown"})`);
    for (const e of c.exceptions) {
      lines.push(`  except #${e.index + 1}: ${e.value}`);
      for (const k of e.conditions) lines.push(`    ${k.condition} ${k.expected}: ${k.value} (${k.fact} = ${k.fact_value ?? "unknown"})`);
    }
  }
  if (t.missing.length) lines.push(`would be settled by: ${t.missing.join(", ")}`);
  lines.push(`reports: ${incident.reports.join(", ")}`);
  row.after(el("tr", { class: "trace" }, el("td", { colspan: "7" }, el("pre", {}, lines.join("\n")))));
}

document.getElementById("verdict-filter").addEventListener("change", async e => {
  state.verdict = e.target.value;
  state.shown = 0;
  document.getElementById("incident-rows").replaceChildren();
  await loadMore().catch(showError);
});

// Obligations (exchanges, the cease-fire line) as of today: one row each, with the facts behind its status.
async function loadObligations() {
  const doc = await getJson("/api/obligations");
  const rows = doc.obligations.map(o => el("tr", { "data-obligation": `${o.agreement}/${o.obligation}` },
    el("td", {}, o.agreement), el("td", {}, o.obligation), el("td", {}, o.kind),
    el("td", {}, el("span", { class: `badge status-${o.status}` }, o.status)), el("td", {}, o.detail)));
  document.getElementById("obligation-rows").replaceChildren(...rows);
  document.getElementById("obligations").hidden = rows.length === 0;
}

loadAgreements().catch(showError);
loadObligations().catch(showError);
