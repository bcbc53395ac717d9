/* dutygraph network page. Every string from a document is set with textContent, never as markup. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("dg-data").textContent);
  var meta = data.meta;
  var records = data.nodes;
  var byId = new Array(records.length);
  records.forEach(function (r) { byId[r.id] = r; });
  var state = { leader: "", cluster: "", document: "", highlighted: null, shown: null };
  var api = { ready: false, data: data, state: state, firstDrawAt: null };
  window.dutygraph = api;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function clusterColour(r) {
    if (r.kind === "leader") { return meta.colours.leader; }
    if (r.kind === "task") { return meta.colours.task; }
    if (r.cluster === undefined) { return meta.colours.none; }
    return meta.palette[((r.cluster % meta.palette.length) + meta.palette.length) % meta.palette.length];
  }

  function shade(hex, factor) {
    var n = parseInt(hex.slice(1), 16);
    var parts = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map(function (c) {
      return Math.max(0, Math.min(255, Math.round(c * factor)));
    });
    return "rgb(" + parts.join(",") + ")";
  }

  function alpha(hex, a) {
    var n = parseInt(hex.slice(1), 16);
    return "rgba(" + ((n >> 16) & 255) + "," + ((n >> 8) & 255) + "," + (n & 255) + "," + a + ")";
  }

  function nodeStyle(r) {
    var colour = clusterColour(r);
    var border = r.flag ? "#b42318" : shade(colour, 0.7);
    var background = r.group ? alpha(colour, 0.35) : colour;
    var kind = meta.kinds[r.kind] || meta.kinds.other;
    var style = {
      id: r.id,
      label: r.label,
      shape: kind.shape,
      x: r.x,
      y: r.y,
      color: {
        background: background, border: border,
        highlight: { background: background, border: "#111111" },
        hover: { background: background, border: "#111111" }
      },
      borderWidth: r.group ? 2.5 : (r.flag ? 3 : 1.5),
      shapeProperties: { borderDashes: r.group ? [5, 3] : false },
      font: { color: "#1f2933" }
    };
    if (r.size !== undefined) { style.size = r.size; }
    if (r.kind === "task") { style.font = { color: "#1f2933", size: 12 }; }
    if (r.kind === "leader") { style.font = { color: "#ffffff", size: 14 }; }
    return style;
  }

  function edgeStyle(e, i) {
    var kind = meta.edgeKinds[e[2]];
    var style = {
      id: i, from: e[0], to: e[1], kind: e[2],
      width: 1 + 5 * Math.sqrt(e[3] / meta.maxWeight),
      color: { color: alpha(kind.colour, 0.75), highlight: kind.colour, hover: kind.colour },
      dashes: kind.dashes || false
    };
    if (meta.directed) { style.arrows = { to: { enabled: true, scaleFactor: 0.5 } }; }
    return style;
  }

  // ---- tooltip and details card -----------------------------------------------------------
  function card(r, full) {
    var box = el("div", "dg-card");
    box.appendChild(el("div", "dg-card-name", r.label));
    if (r.aliases && r.aliases.length) { box.appendChild(el("div", "dg-card-line", "又称：" + r.aliases.join("、"))); }
    var kind = meta.kinds[r.kind] || meta.kinds.other;
    var line = "类型：" + kind.label + (r.group ? "（集体提法）" : "");
    if (r.cluster !== undefined) { line += " · 聚类 " + r.cluster; }
    box.appendChild(el("div", "dg-card-line", line));
    if (r.jurisdiction) { box.appendChild(el("div", "dg-card-line", "辖区：" + r.jurisdiction)); }
    if (r.lead !== undefined) {
      box.appendChild(el("div", "dg-card-line", "牵头 " + r.lead + " 项 · 配合 " + r.co + " 项 · 负荷 " + r.load));
    }
    if (r.flag) { box.appendChild(el("div", "dg-card-flag", "⚠ " + r.flag)); }
    if (r.leaders && r.leaders.length && r.kind !== "leader") {
      box.appendChild(el("div", "dg-card-line", "分管领导：" + r.leaders.join("、")));
    }
    var tasks = r.tasks || [];
    var limit = full ? tasks.length : Math.min(tasks.length, 6);
    if (limit) {
      var list = el("ul", "dg-card-tasks");
      for (var i = 0; i < limit; i++) {
        var t = tasks[i];
        var item = el("li", null, (t[1] ? "第" + t[1] + "项 " : "") + t[2]);
        if (t[0]) { item.appendChild(el("span", "dg-card-doc", "（" + t[0] + "）")); }
        list.appendChild(item);
      }
      box.appendChild(list);
      if (limit < tasks.length) { box.appendChild(el("div", "dg-card-line", "…另 " + (tasks.length - limit) + " 项，点击查看")); }
    }
    return box;
  }

  var tooltip = document.getElementById("dg-tooltip");
  var details = document.getElementById("dg-details");

  function showTooltip(id, pointer) {
    tooltip.replaceChildren(card(byId[id], false));
    tooltip.hidden = false;
    var rect = document.getElementById("dg-network").getBoundingClientRect();
    var x = rect.left + pointer.x + 14;
    var y = rect.top + pointer.y + 14;
    tooltip.style.left = Math.min(x, window.innerWidth - tooltip.offsetWidth - 8) + "px";
    tooltip.style.top = Math.min(y, window.innerHeight - tooltip.offsetHeight - 8) + "px";
  }

  function showDetails(id) {
    if (id === null || id === undefined) { details.hidden = true; details.replaceChildren(); return; }
    details.replaceChildren(card(byId[id], true));
    details.hidden = false;
  }

  // ---- legend ---------------------------------------------------------------------------
  var SVG = "http://www.w3.org/2000/svg";
  function svg(width, height) {
    var s = document.createElementNS(SVG, "svg");
    s.setAttribute("width", width); s.setAttribute("height", height);
    s.setAttribute("viewBox", "0 0 " + width + " " + height);
    return s;
  }
  function shapeIcon(shape, fill, dashed) {
    var s = svg(18, 18);
    var item;
    var points = {
      diamond: "9,1 17,9 9,17 1,9", triangle: "9,2 17,16 1,16", triangleDown: "1,2 17,2 9,16",
      hexagon: "5,2 13,2 17,9 13,16 5,16 1,9", star: "9,1 11.2,6.5 17,6.8 12.5,10.5 14,16.5 9,13.2 4,16.5 5.5,10.5 1,6.8 6.8,6.5"
    };
    if (shape === "square" || shape === "box" || shape === "ellipse") {
      item = document.createElementNS(SVG, "rect");
      item.setAttribute("x", 2); item.setAttribute("y", shape === "square" ? 2 : 4);
      item.setAttribute("width", 14); item.setAttribute("height", shape === "square" ? 14 : 10);
      item.setAttribute("rx", shape === "ellipse" ? 5 : 1);
    } else if (points[shape]) {
      item = document.createElementNS(SVG, "polygon");
      item.setAttribute("points", points[shape]);
    } else {
      item = document.createElementNS(SVG, "circle");
      item.setAttribute("cx", 9); item.setAttribute("cy", 9); item.setAttribute("r", 7);
    }
    item.setAttribute("fill", fill);
    item.setAttribute("stroke", "#52606d");
    item.setAttribute("stroke-width", dashed ? 2 : 1);
    if (dashed) { item.setAttribute("stroke-dasharray", "3 2"); }
    s.appendChild(item);
    return s;
  }
  function legendRow(icon, text) {
    var row = el("div", "dg-legend-row");
    row.appendChild(icon);
    row.appendChild(el("span", null, text));
    return row;
  }
  function buildLegend() {
    var legend = document.getElementById("dg-legend");
    if (meta.legend.clusters.length) {
      legend.appendChild(el("h3", null, "聚类（颜色）"));
      meta.legend.clusters.forEach(function (c) {
        legend.appendChild(legendRow(shapeIcon("dot", c.colour, false), "聚类 " + c.id + "：" + c.top + " 等 " + c.size + " 个"));
      });
    }
    legend.appendChild(el("h3", null, "类型（形状）"));
    meta.legend.kinds.forEach(function (k) {
      var kind = meta.kinds[k];
      var fill = k === "leader" ? meta.colours.leader : (k === "task" ? meta.colours.task : "#d5dbe1");
      legend.appendChild(legendRow(shapeIcon(kind.shape, fill, k === "group"), kind.label));
    });
    legend.appendChild(legendRow(shapeIcon("dot", "#ffffff", false), "大小 = 任务负荷；红框 = 负荷过重"));
    if (meta.legend.edges.length) {
      legend.appendChild(el("h3", null, "连线"));
      meta.legend.edges.forEach(function (k) {
        var kind = meta.edgeKinds[k];
        var s = svg(28, 10);
        var line = document.createElementNS(SVG, "line");
        line.setAttribute("x1", 1); line.setAttribute("y1", 5); line.setAttribute("x2", 27); line.setAttribute("y2", 5);
        line.setAttribute("stroke", kind.colour); line.setAttribute("stroke-width", 2.5);
        if (kind.dashes) { line.setAttribute("stroke-dasharray", kind.dashes.join(" ")); }
        s.appendChild(line);
        legend.appendChild(legendRow(s, kind.label));
      });
      legend.appendChild(legendRow(svg(28, 10), "线宽 = 共同任务数"));
    }
  }

  // ---- filters --------------------------------------------------------------------------
  function fillSelect(id, values, labeller) {
    var select = document.getElementById(id);
    values.forEach(function (v) {
      var option = el("option", null, labeller ? labeller(v) : v);
      option.value = String(v);
      select.appendChild(option);
    });
    return select;
  }

  function passes(r) {
    if (state.leader && !((r.leaders && r.leaders.indexOf(state.leader) >= 0) ||
        (r.kind === "leader" && r.label === state.leader))) { return false; }
    if (state.cluster !== "" && String(r.cluster) !== state.cluster) { return false; }
    if (state.document) {
      var inDoc = (r.documents && r.documents.indexOf(state.document) >= 0) ||
        (r.tasks && r.tasks.some(function (t) { return t[0] === state.document; }));
      if (!inDoc) { return false; }
    }
    return true;
  }

  // ---- search -----------------------------------------------------------------------------
  function names(r) { return [r.label].concat(r.aliases || []); }

  function search(query) {
    var q = query.trim().toLowerCase();
    if (!q) { return []; }
    var hits = [];
    records.forEach(function (r) {
      if (r.kind === "task") { return; }
      var best = null;
      names(r).forEach(function (name) {
        var n = name.toLowerCase();
        var rank = n === q ? 0 : (n.indexOf(q) === 0 ? 1 : (n.indexOf(q) >= 0 ? 2 : 3));
        if (rank < 3 && (best === null || rank < best.rank)) { best = { rank: rank, name: name }; }
      });
      if (best) { hits.push({ id: r.id, rank: best.rank, name: best.name }); }
    });
    hits.sort(function (a, b) { return a.rank - b.rank || a.id - b.id; });
    return hits.slice(0, 10);
  }

  function start() {
    var nodes = new vis.DataSet(records.map(nodeStyle));
    var edges = new vis.DataSet(data.edges.map(edgeStyle));
    var nodesView = new vis.DataView(nodes, { filter: function (n) { return state.shown === null || state.shown.has(n.id); } });
    var edgesView = new vis.DataView(edges, {
      filter: function (e) { return state.shown === null || (state.shown.has(e.from) && state.shown.has(e.to)); }
    });
    var container = document.getElementById("dg-network");
    var network = new vis.Network(container, { nodes: nodesView, edges: edgesView }, meta.options);
    var status = document.getElementById("dg-status");

    network.once("afterDrawing", function () {
      api.firstDrawAt = performance.now();
      if (!meta.physics) { api.ready = true; }
    });
    if (meta.physics) {
      network.once("stabilizationIterationsDone", function () {
        network.setOptions({ physics: { enabled: false } });
        api.ready = true;
      });
    }

    function drawnCounts() {
      return { nodes: network.body.nodeIndices.length, edges: network.body.edgeIndices.length };
    }

    function updateStatus() {
      var counts = drawnCounts();
      status.textContent = "显示 " + counts.nodes + " / " + records.length + " 个节点，" +
        counts.edges + " / " + data.edges.length + " 条连线";
    }

    function applyFilters() {
      var all = !state.leader && state.cluster === "" && !state.document;
      state.shown = all ? null : new Set(records.filter(passes).map(function (r) { return r.id; }));
      clearHighlight();
      nodesView.refresh();
      edgesView.refresh();
      network.redraw();
      updateStatus();
    }

    // Neighbourhood highlight: everything outside the clicked node's neighbourhood fades.
    var original = {};
    function clearHighlight() {
      if (state.highlighted === null) { return; }
      nodes.update(Object.keys(original).map(function (id) { return original[id]; }));
      original = {};
      edges.update(edges.getIds().map(function (id) { return { id: id, hidden: false }; }));
      state.highlighted = null;
    }
    function highlight(id) {
      clearHighlight();
      var keep = new Set(network.getConnectedNodes(id).concat([id]));
      var updates = [];
      records.forEach(function (r) {
        if (keep.has(r.id)) { return; }
        var style = nodeStyle(r);
        original[r.id] = { id: r.id, color: style.color, font: style.font };
        updates.push({ id: r.id, color: { background: "rgba(215,220,226,0.45)", border: "rgba(190,198,206,0.6)" },
                       font: { color: "rgba(120,130,140,0.35)" } });
      });
      nodes.update(updates);
      state.highlighted = { id: id, neighbourhood: Array.from(keep).sort(function (a, b) { return a - b; }) };
    }

    function focusNode(id) {
      if (state.shown !== null && !state.shown.has(id)) { resetFilters(false); }
      network.selectNodes([id]);
      highlight(id);
      showDetails(id);
      network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: { duration: 300, easingFunction: "easeInOutQuad" } });
      state.focused = id;
    }

    function resetFilters(apply) {
      state.leader = ""; state.cluster = ""; state.document = "";
      ["dg-filter-leader", "dg-filter-cluster", "dg-filter-document"].forEach(function (sid) {
        document.getElementById(sid).value = "";
      });
      if (apply !== false) { applyFilters(); } else {
        state.shown = null; nodesView.refresh(); edgesView.refresh(); updateStatus();
      }
    }

    fillSelect("dg-filter-leader", meta.filters.leaders).addEventListener("change", function (ev) {
      state.leader = ev.target.value; applyFilters();
    });
    fillSelect("dg-filter-cluster", meta.filters.clusters, function (c) { return "聚类 " + c; })
      .addEventListener("change", function (ev) { state.cluster = ev.target.value; applyFilters(); });
    fillSelect("dg-filter-document", meta.filters.documents).addEventListener("change", function (ev) {
      state.document = ev.target.value; applyFilters();
    });
    document.getElementById("dg-reset").addEventListener("click", function () {
      resetFilters(true); network.unselectAll(); showDetails(null); network.fit();
    });

    // Search box with a result list; Enter picks the best hit.
    var input = document.getElementById("dg-search");
    var results = document.getElementById("dg-results");
    var hits = [];
    function renderResults() {
      results.replaceChildren();
      hits.forEach(function (h, i) {
        var r = byId[h.id];
        var item = el("li", i === 0 ? "active" : null, r.label);
        item.setAttribute("role", "option");
        item.dataset.id = String(h.id);
        if (h.name !== r.label) { item.appendChild(el("span", "dg-alias", h.name)); }
        item.addEventListener("mousedown", function (ev) { ev.preventDefault(); pick(h.id); });
        results.appendChild(item);
      });
      results.hidden = hits.length === 0;
    }
    function pick(id) {
      hits = []; renderResults();
      input.value = byId[id].label;
      focusNode(id);
    }
    input.addEventListener("input", function () { hits = search(input.value); renderResults(); });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter") {
        hits = search(input.value);
        if (hits.length) { pick(hits[0].id); } else { status.textContent = "未找到：" + input.value; }
      } else if (ev.key === "Escape") { hits = []; renderResults(); }
    });
    input.addEventListener("blur", function () { hits = []; renderResults(); });

    network.on("click", function (params) {
      if (params.nodes.length) {
        highlight(params.nodes[0]);
        showDetails(params.nodes[0]);
      } else {
        clearHighlight();
        showDetails(null);
      }
    });
    network.on("hoverNode", function (params) { showTooltip(params.node, params.pointer.DOM); });
    network.on("blurNode", function () { tooltip.hidden = true; });
    network.on("dragStart", function () { tooltip.hidden = true; });
    network.on("zoom", function () { tooltip.hidden = true; });

    buildLegend();
    updateStatus();
    api.network = network;
    api.nodes = nodes;
    api.edges = edges;
    api.nodesView = nodesView;
    api.edgesView = edgesView;
    api.drawn = drawnCounts;
    api.search = search;
    api.focus = focusNode;
    api.setFilter = function (name, value) {
      state[name] = value === null || value === undefined ? "" : String(value);
      document.getElementById("dg-filter-" + name).value = state[name];
      applyFilters();
    };
  }

  var fontSpec = '14px "' + meta.font + '"';
  var sample = records.slice(0, 50).map(function (r) { return r.label; }).join("") || "湖州";
  var fonts = document.fonts && document.fonts.load ? document.fonts.load(fontSpec, sample) : Promise.resolve();
  fonts.then(start, start);
})();
