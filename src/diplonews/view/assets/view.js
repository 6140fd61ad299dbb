// diplonews view: select a mention or trigger to see its entity chain, relations and event frames;
// a filter box hides index rows and timeline treaties that do not match. No network, no libraries.
(function () {
  "use strict";
  const data = {};
  for (const side of ["gold", "pred"]) {
    const node = document.getElementById("data-" + side);
    if (node) data[side] = JSON.parse(node.textContent);
  }
  const panel = document.getElementById("panel");

  function element(side, id) {
    return document.getElementById(side === "gold" ? id : "pred-" + id);
  }

  function link(side, id, text) {
    const a = document.createElement("a");
    a.href = "#" + (side === "gold" ? id : "pred-" + id);
    a.textContent = text;
    a.addEventListener("click", (e) => { e.preventDefault(); select(side, id); });
    return a;
  }

  function list(title, items) {
    const h = document.createElement("h3");
    h.textContent = title;
    const ul = document.createElement("ul");
    for (const parts of items) {
      const li = document.createElement("li");
      li.append(...parts);
      ul.append(li);
    }
    return items.length ? [h, ul] : [];
  }

  function attributes(item) {
    return Object.entries(item.attributes || {}).map(([k, v]) => [k + " = " + v]);
  }

  function mentionText(side, id) {
    const m = data[side].mentions[id];
    return m ? link(side, id, "“" + m.text + "” " + m.label + " [" + m.start + ", " + m.end + ")") : id;
  }

  function describe(side, id) {
    const d = data[side];
    const out = [];
    const m = d.mentions[id];
    const ev = d.events[id];
    const related = [];
    if (m) {
      out.push(...list("Mention " + m.label, [["“" + m.text + "” [" + m.start + ", " + m.end + ")"], ...attributes(m)]));
      const entity = d.entities.find((e) => e.mentions.includes(id));
      if (entity) {
        out.push(...list("Entity " + entity.name + (entity.kb_id ? " (" + entity.kb_id + ")" : ""),
          entity.mentions.map((mid) => [mentionText(side, mid)])));
        related.push(...entity.mentions);
      }
      const rels = d.relations.filter((r) => r.head === id || r.tail === id);
      out.push(...list("Relations", rels.map((r) => [mentionText(side, r.head), " " + r.type + " ", mentionText(side, r.tail)])));
      const frames = Object.values(d.events).filter((e) => e.arguments.some((a) => a.ref === id));
      out.push(...list("Argument of", frames.map((e) => [link(side, e.id, e.type + " “" + e.trigger.text + "”"),
        " as " + e.arguments.filter((a) => a.ref === id).map((a) => a.role).join(", ")])));
    }
    if (ev) {
      out.push(...list("Event " + ev.type, [["“" + ev.trigger.text + "” status = " + ev.status], ...attributes(ev)]));
      out.push(...list("Arguments", ev.arguments.map((a) => [a.role + ": ", mentionText(side, a.ref)])));
      related.push(...ev.arguments.map((a) => a.ref));
    }
    const error = element(side, id) && element(side, id).dataset.error;
    if (error) out.unshift(...list("Scorer", [[error]]));
    return [out, related];
  }

  function select(side, id) {
    if (!data[side]) return;
    document.querySelectorAll(".sel, .hl").forEach((n) => n.classList.remove("sel", "hl"));
    const [content, related] = describe(side, id);
    for (const rid of related) {
      const n = element(side, rid);
      if (n) n.classList.add("hl");
    }
    const target = element(side, id);
    if (target) target.classList.add("sel");
    panel.replaceChildren(...content);
    history.replaceState(null, "", "#" + (side === "gold" ? id : "pred-" + id));
  }

  document.addEventListener("click", (e) => {
    const node = e.target.closest("[data-id]");
    if (!node || !panel) return;
    e.preventDefault();
    select(node.dataset.side, node.dataset.id);
  });

  const filter = document.getElementById("filter");
  if (filter) {
    filter.addEventListener("input", () => {
      const q = filter.value.toLowerCase();
      document.querySelectorAll("#index tbody tr, section.treaty").forEach((n) => {
        n.hidden = q !== "" && !n.textContent.toLowerCase().includes(q);
      });
    });
  }

  if (panel && location.hash) {
    const raw = decodeURIComponent(location.hash.slice(1));
    const side = raw.startsWith("pred-") && data.pred ? "pred" : "gold";
    select(side, side === "pred" ? raw.slice(5) : raw);
  }
})();
