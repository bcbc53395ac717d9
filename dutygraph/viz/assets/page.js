/* dutygraph network page. Every string from a document is set with textContent, never as markup.
 *
 * The page shows one part (a jurisdiction's notices of one year) at a time; with several parts it
 * opens on an overview, one node per part, and a click drills down. Positions come from Python and
 * are never moved by the page, so Reset returns to exactly the first picture. */
(function () {
  "use strict";

  // Large pages carry their data gzip-compressed (base64 text); the browser inflates it locally.
  function readData() {
    var plain = document.getElementById("dg-data");
    if (plain) { return Promise.resolve(JSON.parse(plain.textContent)); }
    var packed = atob(document.getElementById("dg-data-gz").textContent);
    var bytes = new Uint8Array(packed.length);
    for (var i = 0; i < packed.length; i++) { bytes[i] = packed.charCodeAt(i); }
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text().then(JSON.parse);
  }

  function main(data) {
  var meta = data.meta;
  var records = data.nodes;
  var parts = meta.parts;
  var byId = new Array(records.length);
  records.forEach(function (r) { byId[r.id] = r; });
  var overviewOn = !!meta.overview;
  var state = {
    part: overviewOn ? null : 0, jurisdiction: "", year: "",
    leader: "", cluster: "", document: "", highlighted: null, shown: null, focused: null
  };
  var api = { ready: false, data: data, state: state, firstDrawAt: null };
  window.dutygraph = api;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  // ---- names ------------------------------------------------------------------------------
  function placeOf(r) { return r.jurisdiction || parts[r.part].label; }
  // "市发展改革委 · 湖州市 2019": every city has a 市发展改革委, so a name alone is ambiguous.
  function fullName(r) { var place = placeOf(r); return place ? r.label + " · " + place : r.label; }
  function clusterName(index) {
    var c = meta.clusters[index];
    return "协作群 " + c.id + "：" + c.hubs.join("、");
  }
  function inView(partIndex) { return state.part === partIndex; }
  function overviewMode() { return overviewOn && state.part === null; }

  // ---- styles -----------------------------------------------------------------------------
  function clusterColour(r) {
    if (r.kind === "leader") { return meta.colours.leader; }
    if (r.kind === "task") { return meta.colours.task; }
    if (r.cluster === undefined) { return meta.colours.none; }
    return meta.clusters[r.cluster].colour;
  }
  function shade(hex, factor) {
    var n = parseInt(hex.slice(1), 16);
    var rgb = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map(function (c) {
      return Math.max(0, Math.min(255, Math.round(c * factor)));
    });
    return "rgb(" + rgb.join(",") + ")";
  }
  function alpha(hex, a) {
    var n = parseInt(hex.slice(1), 16);
    return "rgba(" + ((n >> 16) & 255) + "," + ((n >> 8) & 255) + "," + (n & 255) + "," + a + ")";
  }
  var FADED_NODE = { background: "rgba(215,220,226,0.45)", border: "rgba(190,198,206,0.6)" };
  var FADED_FONT = "rgba(120,130,140,0.35)";
  var FADED_EDGE = "rgba(200,206,212,0.12)";

  function nodeStyle(r) {
    var colour = clusterColour(r);
    var border = r.flag ? "#b42318" : shade(colour, 0.7);
    var background = r.group ? alpha(colour, 0.35) : colour;
    var kind = meta.kinds[r.kind] || meta.kinds.other;
    var style = {
      id: r.id, part: r.part, label: r.label, shape: kind.shape, x: r.x, y: r.y, size: r.size,
      color: {
        background: background, border: border,
        highlight: { background: background, border: "#111111" },
        hover: { background: background, border: "#111111" }
      },
      borderWidth: r.group ? 2.5 : (r.flag ? 3 : 1.5),
      shapeProperties: { borderDashes: r.group ? [5, 3] : false },
      font: { color: "#1f2933" }
    };
    if (r.kind === "task") { style.font = { color: "#1f2933", size: 12 }; }
    // White text on the dark leader ellipse, without the white halo that made it unreadable.
    if (r.kind === "leader") { style.font = { color: "#ffffff", size: 14, strokeWidth: 0 }; }
    return style;
  }
  function edgeColour(kind) { return { color: alpha(kind.colour, 0.75), highlight: kind.colour, hover: kind.colour }; }
  function edgeStyle(e, i) {
    var kind = meta.edgeKinds[e[2]];
    var style = {
      id: i, from: e[0], to: e[1], kind: e[2], part: byId[e[0]].part,
      width: 1 + 5 * Math.sqrt(e[3] / meta.maxWeight),
      color: edgeColour(kind), dashes: kind.dashes || false
    };
    if (meta.directed) { style.arrows = { to: { enabled: true, scaleFactor: 0.5 } }; }
    return style;
  }

  // ---- tooltip and details card -----------------------------------------------------------
  function taskLine(index) {
    var t = data.tasks[index];
    var item = el("li", null, (t[1] ? "第" + t[1] + "项 " : "") + t[2]);
    if (t[0] >= 0) { item.appendChild(el("span", "dg-card-doc", "（" + data.documents[t[0]] + "）")); }
    return item;
  }
  function card(r, full) {
    var box = el("div", "dg-card");
    var name = el("div", "dg-card-name", r.label);
    var place = placeOf(r);
    if (place) { name.appendChild(el("span", "dg-card-place", " · " + place)); }
    box.appendChild(name);
    if (r.aliases && r.aliases.length) { box.appendChild(el("div", "dg-card-line", "又称：" + r.aliases.join("、"))); }
    var kind = meta.kinds[r.kind] || meta.kinds.other;
    box.appendChild(el("div", "dg-card-line", "类型：" + kind.label + (r.group ? "（集体提法）" : "")));
    if (r.cluster !== undefined) { box.appendChild(el("div", "dg-card-line", clusterName(r.cluster))); }
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
      for (var i = 0; i < limit; i++) { list.appendChild(taskLine(tasks[i])); }
      box.appendChild(list);
      if (limit < tasks.length) { box.appendChild(el("div", "dg-card-line", "…另 " + (tasks.length - limit) + " 项，点击查看")); }
    }
    return box;
  }
  function partCard(p) {
    var box = el("div", "dg-card");
    var o = meta.overview.nodes[p];
    box.appendChild(el("div", "dg-card-name", parts[p].label));
    box.appendChild(el("div", "dg-card-line", o.units + " 个单位 · 总负荷 " + o.load));
    box.appendChild(el("div", "dg-card-line", "点击查看该辖区该年的单位网络"));
    return box;
  }

  var tooltip = document.getElementById("dg-tooltip");
  var details = document.getElementById("dg-details");
  function showTooltip(id, pointer) {
    tooltip.replaceChildren(overviewMode() ? partCard(id) : card(byId[id], false));
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
  function edgeIcon(kind) {
    var s = svg(28, 10);
    var line = document.createElementNS(SVG, "line");
    line.setAttribute("x1", 1); line.setAttribute("y1", 5); line.setAttribute("x2", 27); line.setAttribute("y2", 5);
    line.setAttribute("stroke", kind.colour); line.setAttribute("stroke-width", 2.5);
    if (kind.dashes) { line.setAttribute("stroke-dasharray", kind.dashes.join(" ")); }
    s.appendChild(line);
    return s;
  }
  function buildLegend() {
    var legend = document.getElementById("dg-legend-body");
    legend.replaceChildren();
    if (overviewMode()) {
      legend.appendChild(el("h3", null, "总览"));
      legend.appendChild(legendRow(shapeIcon("dot", meta.colours.part, false), "一个圆点 = 一个辖区的一年，大小 = 任务负荷"));
      legend.appendChild(legendRow(edgeIcon(meta.edgeKinds["next-year"]), meta.edgeKinds["next-year"].label));
      legend.appendChild(el("div", "dg-card-line", "点击圆点进入该辖区该年的单位网络"));
      return;
    }
    var here = meta.clusters.map(function (c, i) { return i; }).filter(function (i) { return inView(meta.clusters[i].part); });
    if (here.length) {
      var place = parts[state.part].label;
      legend.appendChild(el("h3", null, "协作群（颜色）" + (place ? " · " + place : "")));
      here.forEach(function (i) {
        var c = meta.clusters[i];
        var row = legendRow(shapeIcon("dot", c.colour, false), clusterName(i) + " 等 " + c.size + " 个");
        row.classList.add("dg-pickable");
        row.dataset.cluster = String(i);
        row.addEventListener("click", function () { api.setFilter("cluster", String(i)); });
        legend.appendChild(row);
      });
    }
    var alone = records.filter(function (r) {
      return inView(r.part) && r.lead !== undefined && r.cluster === undefined && !r.group;
    }).length;
    if (alone && here.length) { legend.appendChild(legendRow(shapeIcon("dot", meta.colours.none, false), alone + " 个单位独立承担任务")); }
    if (parts[state.part].webgl) {
      legend.appendChild(el("div", "dg-card-line", "单位较多，此图以 WebGL 绘制：单位均为圆点，类型见单位卡片"));
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
      meta.legend.edges.forEach(function (k) { legend.appendChild(legendRow(edgeIcon(meta.edgeKinds[k]), meta.edgeKinds[k].label)); });
      legend.appendChild(legendRow(svg(28, 10), "线宽 = 共同任务数"));
    }
  }

  // ---- which parts the jurisdiction and year selectors allow ---------------------------------
  function partAllowed(p) {
    return (!state.jurisdiction || parts[p].jurisdiction === state.jurisdiction) &&
      (!state.year || parts[p].span === state.year);
  }
  function scopeAllows(p) { return overviewMode() ? partAllowed(p) : inView(p); }

  // ---- filter lists: grouped by part, searchable -------------------------------------------
  var FILTERS = {
    leader: {
      values: meta.filters.leaders, part: function (v) { return v[1]; },
      label: function (v) { return v[0]; }
    },
    cluster: {
      values: meta.filters.clusters, part: function (v) { return meta.clusters[v].part; },
      label: function (v) { return clusterName(v); }
    },
    document: {
      values: meta.filters.documents, part: function (v) { return v[1]; },
      label: function (v) { return data.documents[v[0]]; }
    }
  };
  function fillFilter(name) {
    var spec = FILTERS[name];
    var select = document.getElementById("dg-filter-" + name);
    var find = document.getElementById("dg-find-" + name).value.trim().toLowerCase();
    select.replaceChildren(el("option", null, "全部"));
    select.firstChild.value = "";
    var groups = {};
    var order = [];
    spec.values.forEach(function (v, i) {
      var p = spec.part(v);
      if (!scopeAllows(p)) { return; }
      var label = spec.label(v);
      if (find && label.toLowerCase().indexOf(find) < 0 && parts[p].label.toLowerCase().indexOf(find) < 0) { return; }
      if (!groups[p]) { groups[p] = []; order.push(p); }
      var option = el("option", null, label);
      option.value = String(i);
      groups[p].push(option);
    });
    var grouped = order.length > 1;
    order.forEach(function (p) {
      var holder = select;
      if (grouped) { holder = el("optgroup"); holder.label = parts[p].label || "—"; select.appendChild(holder); }
      groups[p].forEach(function (option) { holder.appendChild(option); });
    });
    showChoice(name);
  }
  // The list's choice follows the state (the first entry, 全部, when the list does not hold it).
  function showChoice(name) {
    var select = document.getElementById("dg-filter-" + name);
    select.value = state[name];
    if (select.value !== state[name]) { select.value = ""; }
  }
  function fillFilters() { ["leader", "cluster", "document"].forEach(fillFilter); }
  function fillScopeSelectors() {
    var places = [];
    var years = [];
    parts.forEach(function (p) {
      if (p.jurisdiction && places.indexOf(p.jurisdiction) < 0) { places.push(p.jurisdiction); }
      if (p.span && years.indexOf(p.span) < 0) { years.push(p.span); }
    });
    years.sort();
    [["jurisdiction", places], ["year", years]].forEach(function (pair) {
      var select = document.getElementById("dg-filter-" + pair[0]);
      pair[1].forEach(function (v) { var o = el("option", null, v); o.value = v; select.appendChild(o); });
      document.getElementById("dg-pick-" + pair[0]).hidden = !overviewOn || pair[1].length < 2;
    });
  }

  function passes(r) {
    if (!inView(r.part)) { return false; }
    if (state.leader !== "") {
      var l = meta.filters.leaders[+state.leader];
      if (!((r.leaders && r.leaders.indexOf(l[0]) >= 0) || (r.kind === "leader" && r.label === l[0]))) { return false; }
    }
    if (state.cluster !== "" && r.cluster !== +state.cluster) { return false; }
    if (state.document !== "") {
      var d = meta.filters.documents[+state.document][0];
      var inDoc = (r.documents && r.documents.indexOf(d) >= 0) ||
        (r.tasks && r.tasks.some(function (t) { return data.tasks[t][0] === d; }));
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
      if (best) { hits.push({ id: r.id, rank: best.rank, name: best.name, here: inView(r.part) ? 0 : 1 }); }
    });
    // Within the part on screen first, then the best match, then the order of the data.
    hits.sort(function (a, b) { return a.here - b.here || a.rank - b.rank || a.id - b.id; });
    return hits.slice(0, 12);
  }

  function start() {
    // One pair of DataSets per part, built when the part is first shown: the overview of 1,000
    // notices is drawn without first styling 200,000 edges it does not show.
    var nodeIdsByPart = parts.map(function () { return []; });
    var edgeIdsByPart = parts.map(function () { return []; });
    records.forEach(function (r) { nodeIdsByPart[r.part].push(r.id); });
    data.edges.forEach(function (e, i) { edgeIdsByPart[byId[e[0]].part].push(i); });
    var sets = {};
    var nodes = null;
    var edges = null;
    function useSets(p) {
      if (!sets[p]) {
        sets[p] = {
          nodes: new vis.DataSet(nodeIdsByPart[p].map(function (id) { return nodeStyle(byId[id]); })),
          edges: new vis.DataSet(edgeIdsByPart[p].map(function (i) { return edgeStyle(data.edges[i], i); }))
        };
      }
      nodes = sets[p].nodes;
      edges = sets[p].edges;
      api.nodes = nodes;
      api.edges = edges;
    }
    // Fresh views at every switch: vis-network stops following a DataView it was given before.
    var nodesView = null;
    var edgesView = null;
    var views = [];
    function dropViews() {
      views.forEach(function (v) { if (v.dispose) { v.dispose(); } });
      views = [];
    }
    function unitData() {
      dropViews();
      useSets(state.part);
      nodesView = new vis.DataView(nodes, {
        filter: function (n) { return inView(n.part) && (state.shown === null || state.shown.has(n.id)); }
      });
      edgesView = new vis.DataView(edges, {
        filter: function (e) {
          return inView(e.part) && (state.shown === null || (state.shown.has(e.from) && state.shown.has(e.to)));
        }
      });
      api.nodesView = nodesView;
      api.edgesView = edgesView;
      views = [nodesView, edgesView];
      return { nodes: nodesView, edges: edgesView };
    }
    var partNodes = null;
    var partEdges = null;
    if (overviewOn) {
      partNodes = new vis.DataSet(meta.overview.nodes.map(function (o) {
        return {
          id: o.part, label: parts[o.part].label, shape: "dot", x: o.x, y: o.y, size: o.size,
          color: { background: meta.colours.part, border: shade(meta.colours.part, 0.7),
                   highlight: { background: meta.colours.part, border: "#111111" } }
        };
      }));
      var nextYear = meta.edgeKinds["next-year"];
      partEdges = new vis.DataSet(meta.overview.edges.map(function (e, i) {
        return { id: i, from: e[0], to: e[1], width: 1.5, color: edgeColour(nextYear) };
      }));
    }
    function overviewData() {
      dropViews();
      nodesView = null;
      edgesView = null;
      views = [
        new vis.DataView(partNodes, { filter: function (n) { return partAllowed(n.id); } }),
        new vis.DataView(partEdges, { filter: function (e) { return partAllowed(e.from) && partAllowed(e.to); } })
      ];
      return { nodes: views[0], edges: views[1] };
    }
    var container = document.getElementById("dg-network");
    var options = meta.options;
    var status = document.getElementById("dg-status");
    var crumbs = document.getElementById("dg-crumbs");
    var network = null;
    // The header gets its final content before the first draw, so the first view is fitted to the
    // drawing area as it stays (a header that wraps later would change what Reset returns to).
    fillScopeSelectors();
    fillFilters();
    buildLegend();
    renderCrumbs();
    status.textContent = "显示 …";
    var glBox = document.getElementById("dg-webgl");
    var gl = null;
    var firstOnGl = glScope();
    network = new vis.Network(container, firstOnGl ? emptyData() : (overviewMode() ? overviewData() : unitData()), options);
    if (firstOnGl) { showGl(); }

    network.once("afterDrawing", function () {
      api.firstView = { scale: network.getScale(), position: network.getViewPosition() };
      if (firstOnGl) { return; }
      api.firstDrawAt = performance.now();
      if (!meta.physics) { api.ready = true; }
    });
    if (meta.physics) {
      network.once("stabilizationIterationsDone", function () {
        network.setOptions({ physics: { enabled: false } });
        api.ready = true;
      });
    }

    // ---- the WebGL view (webgl.js) for parts above meta.webglAbove units -------------------
    function glScope() { return !overviewMode() && !!parts[state.part].webgl; }
    function emptyData() {
      dropViews();
      nodesView = null;
      edgesView = null;
      return { nodes: new vis.DataSet([]), edges: new vis.DataSet([]) };
    }
    function glLook() {
      return {
        node: function (r) { return { color: clusterColour(r) }; },
        edge: function (e) {
          return { color: alpha(meta.edgeKinds[e[2]].colour, 0.75), size: 1 + 5 * Math.sqrt(e[3] / meta.maxWeight) };
        },
        fadedNode: FADED_NODE.background, fadedEdge: FADED_EDGE
      };
    }
    function showGl() {
      glBox.hidden = false;
      if (gl === null) {
        gl = window.dutygraphWebGL(glBox, {
          labelFont: meta.options.nodes.font.face, labelSize: 14, labelColor: { color: "#1f2933" }
        }, glLook());
        gl.on("click", function (id) {
          if (id === null) { clearHighlight(); showDetails(null); state.focused = null; return; }
          highlight(id); showDetails(id); state.focused = id;
        });
        gl.on("hover", function (id, pointer) { showTooltip(id, pointer); });
        gl.on("leave", function () { tooltip.hidden = true; });
        gl.on("moved", function () { tooltip.hidden = true; });
        gl.on("drawn", function () {
          if (api.firstDrawAt === null) { api.firstDrawAt = performance.now(); api.ready = true; }
        });
        api.gl = gl;
      }
      gl.show(state.part, nodeIdsByPart[state.part], edgeIdsByPart[state.part], byId, data.edges, meta.directed);
    }
    function hideGl() { glBox.hidden = true; }

    function drawnCounts() {
      if (glScope()) { return gl.drawn(); }
      return { nodes: network.body.nodeIndices.length, edges: network.body.edgeIndices.length };
    }
    function updateStatus() {
      var counts = drawnCounts();
      if (overviewMode()) {
        status.textContent = "总览：" + counts.nodes + " / " + parts.length + " 个辖区年份";
        return;
      }
      var total = nodeIdsByPart[state.part].length;
      var totalEdges = edgeIdsByPart[state.part].length;
      status.textContent = "显示 " + counts.nodes + " / " + total + " 个节点，" + counts.edges + " / " + totalEdges + " 条连线";
    }

    function renderCrumbs() {
      crumbs.replaceChildren();
      if (!overviewOn) { return; }
      var top = el("button", null, "总览");
      top.type = "button";
      top.disabled = overviewMode() && !state.jurisdiction && !state.year;
      top.addEventListener("click", function () { showOverview("", ""); });
      crumbs.appendChild(top);
      var here = overviewMode() ? [state.jurisdiction, state.year].filter(Boolean).join(" ") : parts[state.part].label;
      if (here) {
        crumbs.appendChild(el("span", null, "›"));
        crumbs.appendChild(el("span", "dg-crumb-here", here));
      }
    }

    // ---- neighbourhood highlight: nodes and edges outside it fade ---------------------------
    var faded = { nodes: [], edges: [] };
    function clearHighlight() {
      if (state.highlighted === null) { return; }
      if (state.highlighted.webgl) { gl.clear(); state.highlighted = null; return; }
      nodes.update(faded.nodes.map(function (id) { var s = nodeStyle(byId[id]); return { id: id, color: s.color, font: s.font }; }));
      edges.update(faded.edges.map(function (id) { return { id: id, color: edgeColour(meta.edgeKinds[data.edges[id][2]]) }; }));
      faded = { nodes: [], edges: [] };
      state.highlighted = null;
    }
    // With `scale`, also centre on `id`, zoomed in to at least `scale` (one frame on WebGL).
    function highlight(id, scale) {
      clearHighlight();
      if (glScope()) {
        var seen = scale === undefined ? gl.highlight(id) : gl.focus(id, scale);
        state.highlighted = { id: id, neighbourhood: seen.neighbourhood, fadedNodes: seen.fadedNodes, fadedEdges: seen.fadedEdges, webgl: true };
        return;
      }
      var keep = new Set(network.getConnectedNodes(id).concat([id]));
      var nodeUpdates = [];
      nodesView.getIds().forEach(function (n) {
        if (keep.has(n)) { return; }
        faded.nodes.push(n);
        nodeUpdates.push({ id: n, color: FADED_NODE, font: { color: FADED_FONT } });
      });
      var edgeUpdates = [];
      edgesView.get().forEach(function (e) {
        if (e.from === id || e.to === id) { return; }
        faded.edges.push(e.id);
        edgeUpdates.push({ id: e.id, color: { color: FADED_EDGE, highlight: FADED_EDGE, hover: FADED_EDGE } });
      });
      nodes.update(nodeUpdates);
      edges.update(edgeUpdates);
      state.highlighted = {
        id: id, neighbourhood: Array.from(keep).sort(function (a, b) { return a - b; }),
        fadedNodes: faded.nodes.length, fadedEdges: faded.edges.length
      };
      if (scale !== undefined) {
        network.selectNodes([id]);
        network.focus(id, { scale: Math.max(network.getScale(), scale), animation: false });
      }
    }

    // ---- moving between the overview and a part ----------------------------------------------
    var dragged = new Set();
    function restorePositions() {
      if (!dragged.size) { return; }
      var moved = Array.from(dragged);
      dragged.clear();
      if (overviewMode()) {
        partNodes.update(moved.map(function (p) { var o = meta.overview.nodes[p]; return { id: p, x: o.x, y: o.y }; }));
      } else {
        nodes.update(moved.map(function (id) { return { id: id, x: byId[id].x, y: byId[id].y }; }));
      }
    }
    function clearFilterState() {
      state.leader = ""; state.cluster = ""; state.document = ""; state.shown = null;
      ["leader", "cluster", "document"].forEach(function (name) { document.getElementById("dg-find-" + name).value = ""; });
    }
    function showScope() {
      restorePositions();
      clearHighlight();
      network.unselectAll();
      showDetails(null);
      tooltip.hidden = true;
      if (glScope()) {
        network.setData(emptyData());
        showGl();
      } else {
        hideGl();
        network.setData(overviewMode() ? overviewData() : unitData());
        network.fit({ animation: false });
      }
      document.getElementById("dg-filter-jurisdiction").value = state.jurisdiction;
      document.getElementById("dg-filter-year").value = state.year;
      fillFilters();
      buildLegend();
      renderCrumbs();
      updateStatus();
    }
    function enterPart(p) {
      if (state.part === p) { return; }
      restorePositions();
      clearFilterState();
      state.part = p;
      if (overviewOn) { state.jurisdiction = parts[p].jurisdiction; state.year = parts[p].span; }
      showScope();
    }
    function showOverview(jurisdiction, year) {
      restorePositions();
      clearFilterState();
      state.part = null;
      state.jurisdiction = jurisdiction;
      state.year = year;
      showScope();
    }
    function chooseScope() {
      var matching = parts.map(function (p, i) { return i; }).filter(partAllowed);
      if (matching.length === 1 && (state.jurisdiction || state.year)) { var p = matching[0]; state.part = null; enterPart(p); }
      else { showOverview(state.jurisdiction, state.year); }
    }

    // ---- filters: narrow, then fit the view to what remains -------------------------------------
    // The legend and the lists do not depend on the filters: a filter leaves them as they are.
    function applyFilters() {
      if (overviewMode()) { updateStatus(); return; }
      var all = state.leader === "" && state.cluster === "" && state.document === "";
      state.shown = all ? null : new Set(records.filter(passes).map(function (r) { return r.id; }));
      clearHighlight();
      if (glScope()) {
        gl.filter(state.shown);
        updateStatus();
        return;
      }
      nodesView.refresh();
      edgesView.refresh();
      var ids = nodesView.getIds();
      if (ids.length) { network.fit({ nodes: ids, animation: false }); } else { network.redraw(); }
      updateStatus();
    }
    function setFilter(name, value) {
      var v = value === null || value === undefined ? "" : String(value);
      if (v !== "" && FILTERS[name]) {
        var p = FILTERS[name].part(FILTERS[name].values[+v]);
        if (!inView(p)) { enterPart(p); }
      }
      state[name] = v;
      showChoice(name);
      applyFilters();
    }

    function focusNode(id) {
      var r = byId[id];
      if (!inView(r.part)) { enterPart(r.part); }
      if (state.shown !== null && !state.shown.has(id)) {
        clearFilterState(); fillFilters(); applyFilters();
      }
      highlight(id, 1.2);
      showDetails(id);
      state.focused = id;
    }

    function reset() {
      restorePositions();
      clearFilterState();
      state.part = overviewOn ? null : 0;
      state.jurisdiction = ""; state.year = "";
      state.focused = null;
      input.value = "";
      showScope();
      if (glScope()) { return; }  // showScope put the WebGL view back to its first camera
      var back = function () { network.moveTo({ position: api.firstView.position, scale: api.firstView.scale, animation: false }); };
      back();
      requestAnimationFrame(back);  // after any fit vis-network schedules for the new data
    }

    ["leader", "cluster", "document"].forEach(function (name) {
      document.getElementById("dg-filter-" + name).addEventListener("change", function (ev) { setFilter(name, ev.target.value); });
      document.getElementById("dg-find-" + name).addEventListener("input", function () { fillFilter(name); });
    });
    document.getElementById("dg-filter-jurisdiction").addEventListener("change", function (ev) {
      state.jurisdiction = ev.target.value; state.part = null; chooseScope();
    });
    document.getElementById("dg-filter-year").addEventListener("change", function (ev) {
      state.year = ev.target.value; state.part = null; chooseScope();
    });
    document.getElementById("dg-reset").addEventListener("click", reset);

    // Search box with a result list; Enter picks the best hit.
    var input = document.getElementById("dg-search");
    var results = document.getElementById("dg-results");
    var hits = [];
    function renderResults() {
      results.replaceChildren();
      hits.forEach(function (h, i) {
        var r = byId[h.id];
        var item = el("li", i === 0 ? "active" : null, fullName(r));
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
      if (overviewMode()) {
        if (params.nodes.length) { enterPart(params.nodes[0]); }
        return;
      }
      if (params.nodes.length) {
        highlight(params.nodes[0]);
        showDetails(params.nodes[0]);
        state.focused = params.nodes[0];
      } else {
        clearHighlight();
        showDetails(null);
        state.focused = null;
      }
    });
    network.on("dragEnd", function (params) { params.nodes.forEach(function (id) { dragged.add(id); }); });
    network.on("hoverNode", function (params) { showTooltip(params.node, params.pointer.DOM); });
    network.on("blurNode", function () { tooltip.hidden = true; });
    network.on("dragStart", function () { tooltip.hidden = true; });
    network.on("zoom", function () { tooltip.hidden = true; });

    updateStatus();
    api.network = network;
    api.drawn = drawnCounts;
    api.search = search;
    api.focus = focusNode;
    api.enterPart = enterPart;
    api.overview = function () { showOverview("", ""); };
    api.fullName = function (id) { return fullName(byId[id]); };
    api.setFilter = setFilter;
    // Renderer-neutral views for tests and the bench: which renderer draws, what is selected,
    // the zoom (screen pixels per layout unit), zooming by a factor.
    api.renderer = function () { return glScope() ? "webgl" : "canvas"; };
    api.selected = function () { return glScope() ? gl.selected() : network.getSelectedNodes(); };
    api.scale = function () { return glScope() ? gl.scale() : network.getScale(); };
    api.zoom = function (factor) {
      if (glScope()) { gl.zoom(factor); } else { network.moveTo({ scale: network.getScale() * factor, animation: false }); }
    };
    api.shownIds = function () {
      if (overviewMode()) { return []; }
      return nodeIdsByPart[state.part].filter(function (id) { return state.shown === null || state.shown.has(id); });
    };
  }

  var fontSpec = '14px "' + meta.font + '"';
  var sample = records.slice(0, 50).map(function (r) { return r.label; }).join("") || "湖州";
  var fonts = document.fonts && document.fonts.load ? document.fonts.load(fontSpec, sample) : Promise.resolve();
  fonts.then(start, start);
  }

  readData().then(main, function (error) { console.error("dutygraph: cannot read the page data: " + error); });
})();
