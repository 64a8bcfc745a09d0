// The dev page: phone threads, email outbox and the simulated clock, refreshed every 3 s.
const el = (tag, attrs = {}, ...kids) => { const n = document.createElement(tag); Object.assign(n, attrs); n.append(...kids); return n; };
const when = iso => iso ? new Date(iso).toLocaleString([], {timeZone: "UTC", dateStyle: "medium", timeStyle: "short"}) + " UTC" : "none";
async function send(from, body, to) {
  const r = await fetch("/dev/phone", {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify({from, body, to})});
  if (!r.ok) alert((await r.json()).message);
  refresh();
}
// One thread per phone and service number; a reply goes to the number of its thread.
function thread(t) {
  // a scrolling region keyboard users can reach and read (WCAG: scrollable regions must be focusable)
  const box = el("div", {className: "thread", tabIndex: 0, role: "log", ariaLabel: "Texts of " + t.phone});
  for (const m of t.messages) box.append(el("div", {className: "msg " + m.direction}, m.body, el("small", {}, when(m.created_at) + (m.direction === "outbound" ? " · " + m.status : ""))));
  const label = "Reply as " + t.phone + (t.default ? "" : " to " + t.service_number);
  const input = el("input", {type: "text", placeholder: label, ariaLabel: label});
  input.dataset.phone = t.phone + " " + t.service_number;
  const form = el("form", {}, input, el("button", {}, "Send"));
  form.onsubmit = e => { e.preventDefault(); if (input.value) { const body = input.value; input.value = ""; send(t.phone, body, t.service_number); } };
  return el("div", {className: "phone"}, el("h3", {}, t.phone + " ", el("small", {}, "with " + t.service_number + " · " + t.clinic)), box, form);
}
async function refresh() {
  const [clock, threads, emails] = await Promise.all(["/dev/clock", "/dev/threads", "/dev/emails"].map(u => fetch(u).then(r => r.json())));
  document.getElementById("now").textContent = when(clock.now);
  document.getElementById("next").textContent = when(clock.next_due);
  // Redraw the threads, keeping the reply box being typed in (its text and focus) as it was.
  const typing = document.activeElement && document.activeElement.dataset && document.activeElement.dataset.phone;
  const drafts = Object.fromEntries([...document.querySelectorAll("#threads input")].map(i => [i.dataset.phone, i.value]));
  document.getElementById("threads").replaceChildren(...threads.threads.map(thread));
  for (const i of document.querySelectorAll("#threads input")) {
    if (drafts[i.dataset.phone]) i.value = drafts[i.dataset.phone];
    if (i.dataset.phone === typing) i.focus();
  }
  for (const box of document.querySelectorAll(".thread")) box.scrollTop = box.scrollHeight;
  const box = document.getElementById("emails");
  if (emails.emails.length) box.replaceChildren(...emails.emails.slice().reverse().map(e =>
    el("div", {className: "email"}, el("strong", {}, e.subject), el("div", {}, "To " + e.to + " · " + when(e.sent_at)), el("pre", {}, e.text))));
}
document.querySelectorAll("[data-move]").forEach(b => b.onclick = async () => {
  const r = await fetch("/dev/clock", {method: "POST", headers: {"Content-Type": "application/json"}, body: b.dataset.move});
  const data = await r.json();
  document.getElementById("report").textContent = r.ok ? "dispatch: " + Object.entries(data.dispatch).filter(([, n]) => n).map(([k, n]) => k + " " + n).join(", ") || "dispatch: nothing due" : data.message;
  refresh();
});
document.getElementById("new-phone").onsubmit = e => { e.preventDefault(); send(document.getElementById("new-from").value, document.getElementById("new-body").value, document.getElementById("new-to").value); };
refresh(); setInterval(refresh, 3000);
