/* dutygraph network page: the WebGL view (sigma.js + graphology) for parts too large for
 * vis-network's 2D canvas. The page script decides which part uses it (meta.parts[p].webgl) and
 * talks to it only through the object returned below, so search, focus, filters and Reset behave
 * as on the vis-network view. Labels are drawn by sigma with fillText: never markup.
 *
 * Positions are the ones Python computed (y flipped: sigma's y axis points up); nodes cannot be
 * dragged, so Reset only has to restore the camera. */
(function () {
  "use strict";

  // Sigma's own node and edge programs, drawn without instancing: the same shaders, but each
  // item's data written once per vertex and drawn by one drawArrays. SwiftShader (software WebGL,
  // all a browser without a GPU has) draws an instanced call instance by instance, which is
  // seconds per frame for 66,000 edges; one flat call is a few milliseconds.
  //
  // A focus (a unit and its neighbours) is drawn by the same programs without touching sigma's
  // data for the rest: `focusLayer` below names the neighbourhood's nodes and edges, and while it is
  // set each program draws its items faded — nodes in the faded colour, edges as one-pixel lines
  // in the faded colour (a line costs SwiftShader a third to a half of sigma's rectangle) — then the
  // neighbourhood on top, from a small array of its own. So a focus costs the neighbourhood, not
  // the 66,000 edges of a 10,000-unit part.
  var P = window.SigmaPrograms;
  // The page's one WebGL view sets it (see mark below): {nodes, edges: [keys], kept, keptEdges:
  // Sets of the same keys, fadedNode, fadedEdge: colours}, or null when nothing is focused.
  var focusLayer = null;
  // A filter hides units through sigma (its reducer), but its edges only here: {edges: [keys] in
  // the programs' order, kept: a Set of them, widest: the thickest}, or null when nothing is
  // filtered. The edge programs then draw these edges from an array of their own, so a filter
  // costs the units it changes and the edges it keeps, not every edge of the part.
  var filterLayer = null;

  function offsetOf(attributes, name) {
    var at = 0;
    for (var i = 0; i < attributes.length && attributes[i].name !== name; i++) {
      at += P.getAttributesItemsCount([attributes[i]]);
    }
    return at;
  }
  // Sigma blends as if colours were premultiplied by their alpha (ONE, ONE_MINUS_SRC_ALPHA), so
  // a faded colour is premultiplied before it is drawn: unmultiplied, a pale translucent grey
  // would add up to white and wash out the neighbourhood's edges under it.
  function premultiplied(colour) {
    var c = colour.match(/[\d.]+/g).map(Number);
    var a = c.length > 3 ? c[3] : 1;
    return [c[0] / 255 * a, c[1] / 255 * a, c[2] / 255 * a, a];
  }
  function css(c) { return "rgba(" + [c[0] * 255, c[1] * 255, c[2] * 255].map(Math.round).join(",") + "," + c[3] + ")"; }
  // Edges as one-pixel lines: each in its own colour (u_own 1) or all in one (u_color).
  var LINE_VERTEX = [
    "attribute vec2 a_position; attribute vec4 a_color;",
    "uniform mat3 u_matrix; uniform vec4 u_color; uniform float u_own; varying vec4 v_color;",
    "void main() {",
    "  gl_Position = vec4((u_matrix * vec3(a_position, 1)).xy, 0, 1);",
    "  v_color = mix(u_color, a_color, u_own);",
    "}"
  ].join("\n");
  var LINE_FRAGMENT = "precision mediump float; varying vec4 v_color;\nvoid main() { gl_FragColor = v_color; }";
  function lineProgram(gl) {
    var program = gl.createProgram();
    [[gl.VERTEX_SHADER, LINE_VERTEX], [gl.FRAGMENT_SHADER, LINE_FRAGMENT]].forEach(function (pair) {
      var shader = gl.createShader(pair[0]);
      gl.shaderSource(shader, pair[1]);
      gl.compileShader(shader);
      gl.attachShader(program, shader);
    });
    gl.linkProgram(program);
    return {
      program: program, buffer: gl.createBuffer(), position: gl.getAttribLocation(program, "a_position"),
      colour: gl.getAttribLocation(program, "a_color"), matrix: gl.getUniformLocation(program, "u_matrix"),
      uniformColour: gl.getUniformLocation(program, "u_color"), own: gl.getUniformLocation(program, "u_own"),
      part: gl.createBuffer(), changes: -1, count: 0
    };
  }
  // The lines of `points` (per end: x, y, colour) that can reach the stage under `params`' matrix,
  // or null when most can: a line whose ends are both beyond one side of the stage (by more than
  // its width) draws no pixel, so leaving it out changes nothing on screen. Zoomed in, most lines
  // are off the stage, and SwiftShader no longer clips them one by one.
  function onStage(points, params) {
    var m = params.matrix;
    var mx = 1 + 4 / (params.width * params.pixelRatio);
    var my = 1 + 4 / (params.height * params.pixelRatio);
    var n = points.length / 6;
    var kept = new Uint32Array(n);
    var k = 0;
    for (var i = 0, at = 0; i < n; i++, at += 6) {
      var ax = m[0] * points[at] + m[3] * points[at + 1] + m[6];
      var bx = m[0] * points[at + 3] + m[3] * points[at + 4] + m[6];
      if ((ax < -mx && bx < -mx) || (ax > mx && bx > mx)) { continue; }
      var ay = m[1] * points[at] + m[4] * points[at + 1] + m[7];
      var by = m[1] * points[at + 3] + m[4] * points[at + 4] + m[7];
      if ((ay < -my && by < -my) || (ay > my && by > my)) { continue; }
      kept[k++] = i;
    }
    if (k > 0.75 * n) { return null; }
    var from = new Uint32Array(points.buffer);  // colours are packed bits: copied as bits
    var out = new Uint32Array(k * 6);
    for (var j = 0; j < k; j++) { out.set(from.subarray(kept[j] * 6, kept[j] * 6 + 6), j * 6); }
    return new Float32Array(out.buffer);
  }

  // With `focusing` ({faded, edges}) the program draws the focus: `faded` says how it draws the
  // rest — "colour" (nodes), "lines" (edge bodies) or null (arrow heads: not at all) — and `edges`
  // whether its items are edges. Without it (the hover layer) it draws what sigma gives it.
  function flat(Instanced, focusing) {
    var base = Instanced.prototype.getDefinition();
    var perItem = P.getAttributesItemsCount(base.ATTRIBUTES);
    var perConstant = P.getAttributesItemsCount(base.CONSTANT_ATTRIBUTES);
    var perVertex = perItem + perConstant;
    var constant = new Float32Array([].concat.apply([], base.CONSTANT_DATA));
    var item = new Float32Array(perItem);
    var itemBits = new Uint32Array(item.buffer);
    var definition = Object.assign({}, base, { ATTRIBUTES: base.ATTRIBUTES.concat(base.CONSTANT_ATTRIBUTES) });
    delete definition.CONSTANT_ATTRIBUTES;
    delete definition.CONSTANT_DATA;
    var colourAt = offsetOf(base.ATTRIBUTES, "a_color");
    var startAt = offsetOf(base.ATTRIBUTES, "a_positionStart");
    var endAt = offsetOf(base.ATTRIBUTES, "a_positionEnd");
    var faded = focusing ? focusing.faded : null;
    var edges = focusing ? focusing.edges : false;
    return class extends Instanced {
      getDefinition() { return definition; }
      reallocate(capacity) {
        this.widest = 0;  // every item is processed again
        return super.reallocate(capacity);
      }
      process(index, offset, a, b, c) {
        this.changes = (this.changes || 0) + 1;  // the items changed: what is built from them is stale
        if (edges && !c.hidden) { this.widest = Math.max(this.widest || 0, c.size || 1); }
        return super.process.apply(this, arguments);
      }
      processVisibleItem(index, start, a, b, c) {
        var array = this.array;
        this.array = item;  // the instanced program writes one item's attributes here
        try { super.processVisibleItem(index, 0, a, b, c); } finally { this.array = array; }
        if (this.bits === undefined || this.bits.buffer !== array.buffer) { this.bits = new Uint32Array(array.buffer); }
        var bits = this.bits;  // colours are packed bits: copied as bits, not as numbers
        for (var v = 0, at = start; v < base.VERTICES; v++) {
          for (var i = 0; i < perItem; i++) { bits[at++] = itemBits[i]; }
          for (var k = 0; k < perConstant; k++) { array[at++] = constant[v * perConstant + k]; }
        }
      }
      // The neighbourhood's items, written as sigma writes them, and (nodes) every item recoloured.
      focusArrays() {
        var built = this.built;
        if (focusLayer === null || !focusing) { return null; }
        if (built && built.focus === focusLayer && built.changes === this.changes) { return built; }
        var renderer = this.renderer;
        var keys = edges ? focusLayer.edges : focusLayer.nodes;
        var main = this.array;
        built = { focus: focusLayer, changes: this.changes, items: new Float32Array(keys.length * this.STRIDE), count: keys.length };
        this.array = built.items;
        try {
          keys.forEach(function (key, i) {
            if (edges) {
              var ends = renderer.getGraph().extremities(key);
              this.processVisibleItem(0, i * this.STRIDE, renderer.getNodeDisplayData(ends[0]),
                renderer.getNodeDisplayData(ends[1]), renderer.getEdgeDisplayData(key));
            } else {
              this.processVisibleItem(0, i * this.STRIDE, renderer.getNodeDisplayData(key));
            }
          }, this);
        } finally { this.array = main; }
        if (faded === "colour") {
          var scratch = new Float32Array(this.STRIDE);
          this.array = scratch;
          try { this.processVisibleItem(0, 0, { x: 0, y: 0, size: 1, color: css(premultiplied(focusLayer.fadedNode)) }); } finally { this.array = main; }
          var colour = new Uint32Array(scratch.buffer)[colourAt];
          built.faded = main.slice();
          var bits = new Uint32Array(built.faded.buffer);
          for (var at = colourAt; at < bits.length; at += perVertex) { if (bits[at] !== 0) { bits[at] = colour; } }
        }
        this.built = built;
        return built;
      }
      // The filter's edges, copied from the main array in its order (edges only).
      filterArrays() {
        var filtered = this.filtered;
        if (filterLayer === null || !edges) { return null; }
        if (filtered && filtered.filter === filterLayer && filtered.changes === this.changes) { return filtered; }
        var index = this.renderer.edgeProgramIndex;
        var main = this.array;
        var stride = this.STRIDE;
        var items = new Float32Array(filterLayer.edges.length * stride);
        var from = new Uint32Array(main.buffer);  // colours are packed bits: copied as bits
        var to = new Uint32Array(items.buffer);
        filterLayer.edges.forEach(function (key, i) {
          var at = index[key] * stride;
          to.set(from.subarray(at, at + stride), i * stride);
        });
        this.filtered = { filter: filterLayer, changes: this.changes, items: items, count: filterLayer.edges.length };
        return this.filtered;
      }
      // Whether every edge would be drawn at sigma's minimum thickness (zoomed out): then one-pixel
      // lines show the same picture for a third to a half of the cost.
      thin(params) {
        var widest = this.only ? filterLayer.widest : this.widest;
        return widest <= params.minEdgeThickness * params.sizeRatio;
      }
      // Every edge drawn (the filter's, or all of the main array) as a line from its first
      // vertex's start to its end, in its own colour (own) or in the faded one.
      drawLines(params, own) {
        var gl = this.normalProgram.gl;
        var lines = this.lines || (this.lines = lineProgram(gl));
        var source = this.only ? this.only.items : this.array;
        var count = this.only ? this.only.count : this.capacity;
        gl.bindBuffer(gl.ARRAY_BUFFER, lines.buffer);
        if (lines.source !== source || lines.changes !== this.changes) {
          var sourceBits = new Uint32Array(source.buffer);
          var points = new Float32Array(count * 6);  // per end: x, y, colour bits
          var bits = new Uint32Array(points.buffer);
          for (var i = 0, at = 0, to = 0; i < count; i++, at += this.STRIDE, to += 6) {
            points[to] = source[at + startAt]; points[to + 1] = source[at + startAt + 1];
            points[to + 3] = source[at + endAt]; points[to + 4] = source[at + endAt + 1];
            bits[to + 2] = bits[to + 5] = sourceBits[at + colourAt];
          }
          gl.bufferData(gl.ARRAY_BUFFER, points, gl.STATIC_DRAW);
          lines.points = points;
          lines.source = source;
          lines.changes = this.changes;
          lines.count = 2 * count;
        }
        var vertices = lines.count;
        var part = onStage(lines.points, params);
        if (part !== null) {
          gl.bindBuffer(gl.ARRAY_BUFFER, lines.part);
          gl.bufferData(gl.ARRAY_BUFFER, part, gl.STREAM_DRAW);
          vertices = part.length / 3;
        }
        gl.bindFramebuffer(gl.FRAMEBUFFER, null);
        gl.viewport(0, 0, params.width * params.pixelRatio, params.height * params.pixelRatio);
        gl.useProgram(lines.program);
        gl.enable(gl.BLEND);
        gl.uniformMatrix3fv(lines.matrix, false, params.matrix);
        gl.uniform1f(lines.own, own ? 1 : 0);
        gl.uniform4fv(lines.uniformColour, own ? [0, 0, 0, 0] : premultiplied(focusLayer.fadedEdge));
        gl.enableVertexAttribArray(lines.position);
        gl.vertexAttribPointer(lines.position, 2, gl.FLOAT, false, 12, 0);
        gl.enableVertexAttribArray(lines.colour);
        gl.vertexAttribPointer(lines.colour, 4, gl.UNSIGNED_BYTE, true, 12, 8);
        gl.drawArrays(gl.LINES, 0, vertices);
        gl.disableVertexAttribArray(lines.position);
        gl.disableVertexAttribArray(lines.colour);
        gl.bindBuffer(gl.ARRAY_BUFFER, null);
      }
      // Focused: the rest as faded lines, then the neighbourhood by sigma's program. Zoomed out
      // with nothing focused: every edge as a line in its own colour. Filtered: only its edges.
      render(params) {
        this.drawing = this.focusArrays();
        this.only = this.filterArrays();
        try {
          var count = this.only ? this.only.count : this.capacity;
          var lines = faded === "lines" && count > 0 && (this.drawing !== null || this.thin(params));
          if (lines) { this.drawLines(params, this.drawing === null); }
          if ((!lines && count > 0) || this.drawing !== null) { super.render(params); }
        } finally { this.drawing = null; this.only = null; }
      }
      // While focused, the normal pass uploads the faded items (nodes) or only the neighbourhood;
      // picking keeps every item, so a faded unit can still be clicked. Filtered, the edges' pass
      // uploads the filter's edges.
      bindProgram(info) {
        var drawing = info.isPicking ? null : this.drawing;
        var array = this.array;
        if (drawing) { this.array = faded === "colour" ? drawing.faded : drawing.items; }
        else if (this.only && !info.isPicking) { this.array = this.only.items; }
        try { super.bindProgram(info); } finally { this.array = array; }
      }
      drawWebGL(method, info) {
        var drawing = info.isPicking ? null : this.drawing;
        var gl = info.gl;
        if (!drawing && this.only && !info.isPicking) {
          gl.bindFramebuffer(gl.FRAMEBUFFER, info.frameBuffer);
          gl.drawArrays(method, 0, this.only.count * base.VERTICES);
          return;
        }
        if (!drawing) { super.drawWebGL(method, info); return; }
        gl.bindFramebuffer(gl.FRAMEBUFFER, info.frameBuffer);
        if (faded === "colour") {
          gl.drawArrays(method, 0, this.verticesCount);
          gl.bindBuffer(gl.ARRAY_BUFFER, info.buffer);
          gl.bufferData(gl.ARRAY_BUFFER, drawing.items, gl.DYNAMIC_DRAW);
          gl.bindBuffer(gl.ARRAY_BUFFER, null);
        }
        gl.drawArrays(method, 0, drawing.count * base.VERTICES);
      }
    };
  }
  var EDGE_PROGRAMS = {
    line: flat(P.EdgeRectangleProgram, { faded: "lines", edges: true }),
    arrow: P.createEdgeCompoundProgram([
      flat(P.createEdgeClampedProgram(), { faded: "lines", edges: true }),
      flat(P.createEdgeArrowHeadProgram(), { faded: null, edges: true })
    ])
  };
  var NODE_PROGRAMS = { circle: flat(P.NodeCircleProgram, { faded: "colour", edges: false }) };
  var HOVER_PROGRAMS = { circle: flat(P.NodeCircleProgram) };  // hovered and highlighted nodes only

  // Above this many edges a frame of them all takes SwiftShader longer than a move's frame (about
  // 0.25 s at 33,000), so edges hide while the view is dragged or wheel-zoomed (sigma's
  // hideEdgesOnMove) and come back when it stops.
  var HIDE_EDGES_ON_MOVE_ABOVE = 20000;
  // The ring around the focused unit.
  var FOCUS_RING = "#1f2933";
  // Sigma's layers the page never shows: edge labels (none are drawn) and the hover layers (a
  // hovered unit gets the page's tooltip card). The compositor blends every shown layer over the
  // whole stage in every frame — on software WebGL tens of milliseconds a layer — so they are not shown.
  var UNSHOWN_LAYERS = ["edgeLabels", "hovers", "hoverNodes"];

  // look.node(record) -> {color, label}; look.edge(edge) -> {color, size}; look.faded* colours.
  window.dutygraphWebGL = function (container, settings, look) {
    var graphs = {};
    var graph = null;
    var shown = null;         // Set of node ids a filter keeps, or null
    var keep = null;          // Set of node ids in the focused neighbourhood, or null
    var focused = null;
    var counts = { nodes: 0, edges: 0 };
    var handlers = { click: null, hover: null, leave: null, moved: null, drawn: null };

    // The filter hides units (and the edge programs draw only its edges, see filterLayer); the
    // focus only labels its neighbourhood and highlights its unit (the programs fade the rest, see
    // focusLayer). So a filter re-reduces only the units it hides or shows, a focus only the
    // units it changes, and neither the part's edges.
    function nodeReducer(key, attrs) {
      var id = +key;
      if (shown !== null && !shown.has(id)) { return { x: attrs.x, y: attrs.y, size: attrs.size, hidden: true }; }
      var out = { x: attrs.x, y: attrs.y, size: attrs.size, color: attrs.color, label: attrs.label };
      if (keep !== null && keep.has(id)) { out.forceLabel = true; }
      return out;
    }
    // Sigma's label (its default drawer's text and place), but none for a faded unit. The focused
    // unit is marked here, on the label layer — a ring and its name in bold on a light box — not
    // by sigma's "highlighted", whose two hover layers cost software WebGL a third of every frame.
    function drawLabel(context, data, options) {
      if (!data.label || (focusLayer !== null && !focusLayer.kept.has(data.key))) { return; }
      var size = options.labelSize;
      var x = data.x + data.size + 3;
      var y = data.y + size / 3;
      var marked = focused !== null && data.key === String(focused);
      context.font = (marked ? "bold" : options.labelWeight) + " " + size + "px " + options.labelFont;
      if (marked) {
        context.beginPath();
        context.arc(data.x, data.y, data.size + 2, 0, 2 * Math.PI);
        context.lineWidth = 2;
        context.strokeStyle = FOCUS_RING;
        context.stroke();
        context.fillStyle = "rgba(255,255,255,0.85)";
        context.fillRect(x - 2, data.y - size / 2 - 2, context.measureText(data.label).width + 4, size + 4);
      }
      context.fillStyle = options.labelColor.color;
      context.fillText(data.label, x, y);
    }

    var renderer = null;
    function build(nodeIds, edgeIds, records, edges, directed) {
      var g = new window.graphology.Graph({ type: directed ? "directed" : "undirected", multi: true });
      nodeIds.forEach(function (id) {
        var r = records[id];
        var l = look.node(r);
        g.addNode(String(id), { x: r.x, y: -r.y, size: r.size, color: l.color, label: r.label });
      });
      edgeIds.forEach(function (i) {
        var e = edges[i];
        var l = look.edge(e);
        g.addEdgeWithKey(String(i), String(e[0]), String(e[1]), {
          color: l.color, size: l.size, type: directed ? "arrow" : "line"
        });
      });
      return g;
    }
    function countDrawn() {
      counts = shown === null ? { nodes: graph.order, edges: graph.size } : { nodes: shown.size, edges: filterLayer.edges.length };
    }
    // The filter's layer: the edges between units of `ids`, found from those units' own edges, in
    // the order the programs hold them (the order they are drawn in without a filter).
    function filterEdges(ids) {
      var index = renderer.edgeProgramIndex;
      var slots = new Array(graph.size);
      var widest = 0;
      ids.forEach(function (id) {
        graph.forEachEdge(String(id), function (e, attrs, s, t) {
          if (ids.has(+s) && ids.has(+t)) { slots[index[e]] = e; widest = Math.max(widest, attrs.size || 1); }
        });
      });
      var edges = [];
      for (var i = 0; i < slots.length; i++) { if (slots[i] !== undefined) { edges.push(slots[i]); } }
      return { edges: edges, kept: new Set(edges), widest: widest };
    }
    // Sigma's getCorrectionRatio: how a graph of `graph` dimensions is fitted to the `stage`.
    function correction(stage, dims) {
      var stageRatio = stage.height / stage.width;
      var graphRatio = dims.height / dims.width;
      if ((stageRatio < 1 && graphRatio > 1) || (stageRatio > 1 && graphRatio < 1)) { return 1; }
      return Math.min(Math.max(graphRatio, 1 / graphRatio), Math.max(1 / stageRatio, stageRatio));
    }
    // The camera that shows the part as sigma shows a graph whose bounding box is `box` (its
    // custom bounding box, which would re-normalise every unit and edge): the same picture,
    // reached by moving the camera over the part's own frame.
    function fitCamera(box) {
      function frame(e) {
        var dims = { width: e.x[1] - e.x[0] || 1, height: e.y[1] - e.y[0] || 1 };
        var r = Math.max(e.x[1] - e.x[0], e.y[1] - e.y[0]);
        if (r === 0 || !isFinite(r) || isNaN(r)) { r = 1; }
        return { dims: dims, r: r, x: (e.x[0] + e.x[1]) / 2, y: (e.y[0] + e.y[1]) / 2 };
      }
      var stage = renderer.getDimensions();
      var all = frame(renderer.nodeExtent);
      var part = frame(box);
      return {
        x: 0.5 + (part.x - all.x) / all.r, y: 0.5 + (part.y - all.y) / all.r, angle: 0,
        ratio: correction(stage, all.dims) * part.r / (correction(stage, part.dims) * all.r)
      };
    }
    // Sigma picks labels from a grid of where units are at its first camera (process); with a
    // filter the grid holds the units it keeps where they are at the filter's camera, and is read
    // at zoom levels relative to that camera: the labels sigma would show for the kept units
    // framed by a bounding box of their own. Without a filter, the grid process builds.
    var filterCamera = null;
    function regrid() {
      var grid = renderer.labelGrid;
      delete grid.getLabelsToDisplay;
      var camera = shown === null ? HOME : filterCamera;
      grid.resizeAndClear(renderer.getDimensions(), renderer.getSetting("labelGridCellSize"));
      var o = renderer.framedGraphToViewport({ x: 0, y: 0 }, { cameraState: camera });
      var ox = renderer.framedGraphToViewport({ x: 1, y: 0 }, { cameraState: camera });
      var oy = renderer.framedGraphToViewport({ x: 0, y: 1 }, { cameraState: camera });
      var cache = renderer.nodeDataCache;
      var add = function (key) {
        var d = cache[key];
        if (typeof d.label !== "string" || d.hidden) { return; }
        grid.add(key, d.size, {
          x: o.x + d.x * (ox.x - o.x) + d.y * (oy.x - o.x), y: o.y + d.x * (ox.y - o.y) + d.y * (oy.y - o.y)
        });
      };
      if (shown === null) { graph.forEachNode(add); } else { shown.forEach(function (id) { add(String(id)); }); }
      grid.organize();
      if (shown === null) { return; }
      var read = Object.getPrototypeOf(grid).getLabelsToDisplay;
      grid.getLabelsToDisplay = function (ratio, density) { return read.call(grid, ratio / camera.ratio, density); };
    }
    // A full process while filtered writes the edges at a hidden unit as empty: until the next
    // full process, a change of filter cannot take edges from the programs' arrays.
    var edgesStale = false;
    function start() {
      renderer = new window.Sigma(graph, container, Object.assign({
        nodeReducer: nodeReducer, defaultDrawNodeLabel: drawLabel, allowInvalidContainer: true,
        itemSizesReference: "positions", zoomToSizeRatioFunction: function (ratio) { return ratio; },
        enableCameraRotation: false, hideEdgesOnMove: false,
        nodeProgramClasses: NODE_PROGRAMS, nodeHoverProgramClasses: HOVER_PROGRAMS, edgeProgramClasses: EDGE_PROGRAMS
      }, settings));
      UNSHOWN_LAYERS.forEach(function (name) { renderer.getCanvases()[name].style.display = "none"; });
      renderer.on("clickNode", function (ev) { if (handlers.click) { handlers.click(+ev.node); } });
      renderer.on("clickStage", function () { if (handlers.click) { handlers.click(null); } });
      renderer.on("enterNode", function (ev) {
        if (handlers.hover) { handlers.hover(+ev.node, { x: ev.event.x, y: ev.event.y }); }
      });
      renderer.on("leaveNode", function () { if (handlers.leave) { handlers.leave(); } });
      renderer.getCamera().on("updated", function () { if (handlers.moved) { handlers.moved(); } });
      renderer.on("afterRender", function () { if (handlers.drawn) { handlers.drawn(); } });
      renderer.on("afterProcess", function () {
        edgesStale = shown !== null;
        if (shown !== null) { regrid(); } else { delete renderer.labelGrid.getLabelsToDisplay; }
      });
      // The header may wrap after the first frame (status, lists): follow the stage's size, so the
      // first camera shows the same picture when Reset returns to it.
      if (window.ResizeObserver) {
        new ResizeObserver(function () {
          var d = renderer.getDimensions();
          if (container.offsetWidth !== d.width || container.offsetHeight !== d.height) { redrawSoon(); }
        }).observe(container);
      }
    }
    // Every change is drawn by one refresh (reducers, then one frame): now when the caller reads
    // the result at once, else at the next animation frame, where changes made meanwhile join it.
    // `partial` names the only nodes whose reduced look changed (a focus), unless a full refresh waits.
    var pending = null;
    function redraw(partial) {
      if (pending !== null) { cancelAnimationFrame(pending); pending = null; partial = undefined; }
      renderer.refresh(partial && { partialGraph: { nodes: partial }, skipIndexation: true });
    }
    function redrawSoon() {
      if (pending === null) { pending = requestAnimationFrame(function () { pending = null; renderer.refresh(); }); }
    }
    // Node keys whose reduced look a change of focus alters: the old and the new neighbourhood.
    function touched(before) {
      var keys = new Set();
      [before, keep].forEach(function (ids) { if (ids !== null) { ids.forEach(function (id) { keys.add(String(id)); }); } });
      return Array.from(keys);
    }
    // The neighbourhood of `id` (within the filter) becomes the focus; everything else fades.
    // Only its own edges are visited, never the whole part.
    function mark(id) {
      var before = keep;
      var edges = [];
      keep = new Set([id]);
      graph.forEachEdge(String(id), function (e, attrs, s, t) {
        var other = +s === id ? +t : +s;
        if (shown === null || shown.has(other)) { keep.add(other); edges.push(e); }
      });
      focused = id;
      var nodes = Array.from(keep).sort(function (a, b) { return a - b; });
      var keys = nodes.map(String);
      focusLayer = {
        nodes: keys, edges: edges, kept: new Set(keys), keptEdges: new Set(edges),
        fadedNode: look.fadedNode, fadedEdge: look.fadedEdge
      };
      return {
        seen: { neighbourhood: nodes, fadedNodes: counts.nodes - keep.size, fadedEdges: counts.edges - edges.length },
        changed: touched(before)
      };
    }
    var HOME = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };

    var view = {
      on: function (name, fn) { handlers[name] = fn; },
      // Show part `p`: its graph (built once), nothing filtered or focused, the whole part in view.
      show: function (p, nodeIds, edgeIds, records, edges, directed) {
        if (!graphs[p]) { graphs[p] = build(nodeIds, edgeIds, records, edges, directed); }
        graph = graphs[p];
        shown = null; keep = null; focused = null; focusLayer = null; filterLayer = null; filterCamera = null;
        if (renderer === null) { start(); } else { renderer.setGraph(graph); }
        var hide = graph.size > HIDE_EDGES_ON_MOVE_ABOVE;
        if (renderer.getSetting("hideEdgesOnMove") !== hide) { renderer.setSetting("hideEdgesOnMove", hide); }
        renderer.getCamera().setState(HOME);
        redraw();
        countDrawn();
      },
      // Keep only `ids` (a Set, or null for all) and fit the view to them: only the units whose
      // look changes are reduced again, and the edge programs draw the filter's edges.
      filter: function (ids) {
        var before = shown;
        var focusedBefore = keep;
        shown = ids; keep = null; focused = null; focusLayer = null;
        filterCamera = HOME;
        if (ids !== null && ids.size) {
          var x = [Infinity, -Infinity];
          var y = [Infinity, -Infinity];
          ids.forEach(function (id) {
            var a = graph.getNodeAttributes(String(id));
            x[0] = Math.min(x[0], a.x - a.size); x[1] = Math.max(x[1], a.x + a.size);
            y[0] = Math.min(y[0], a.y - a.size); y[1] = Math.max(y[1], a.y + a.size);
          });
          filterCamera = fitCamera({ x: x, y: y });
        }
        renderer.getCamera().setState(filterCamera);
        filterLayer = ids === null ? null : filterEdges(ids);
        countDrawn();
        if (edgesStale || pending !== null) { redraw(); return; }
        var changed = [];
        graph.forEachNode(function (key) {
          var id = +key;
          var was = before === null || before.has(id);
          if (was !== (ids === null || ids.has(id)) || (focusedBefore !== null && focusedBefore.has(id))) { changed.push(key); }
        });
        renderer.refresh({ partialGraph: { nodes: changed }, skipIndexation: true, schedule: true });
        regrid();
        renderer.render();
      },
      // Fade everything outside `id` and its neighbours, edges included.
      highlight: function (id) {
        var marked = mark(id);
        redraw(marked.changed);
        return marked.seen;
      },
      // Nothing focused: the neighbourhood's looks now, the frame at the next animation frame.
      clear: function () {
        if (keep === null) { return; }
        var before = keep;
        keep = null; focused = null; focusLayer = null;
        renderer.refresh({ partialGraph: { nodes: touched(before) }, skipIndexation: true, schedule: true });
      },
      // Highlight `id`, centred, zoomed in to at least `scale` screen pixels per layout unit: one frame.
      focus: function (id, scale) {
        var d = renderer.getNodeDisplayData(String(id));  // where the last frame put it
        var camera = renderer.getCamera();
        var ratio = camera.ratio;
        var now = renderer.getGraphToViewportRatio();
        if (now < scale) { ratio = ratio * now / scale; }
        camera.setState({ x: d.x, y: d.y, ratio: ratio, angle: 0 });
        var marked = mark(id);
        redraw(marked.changed);  // now: sigma's screen measures (scale, toViewport) follow the last frame
        return marked.seen;
      },
      // Only the camera moves: unless a change waits to be drawn, the frame is drawn from what
      // sigma already holds, nothing reduced again.
      zoom: function (factor) {
        var c = renderer.getCamera();
        c.setState({ ratio: c.ratio / factor });
        if (pending !== null) { redraw(); } else { renderer.render(); }
      },
      drawn: function () { return { nodes: counts.nodes, edges: counts.edges }; },
      scale: function () { return renderer.getGraphToViewportRatio(); },
      camera: function () { return renderer.getCamera().getState(); },
      selected: function () { return focused === null ? [] : [focused]; },
      // Where node `id` is on screen (pixels from the container's top left).
      toViewport: function (id) {
        var a = graph.getNodeAttributes(String(id));
        return renderer.graphToViewport({ x: a.x, y: a.y });
      },
      // What is drawn for a node or an edge: sigma's data after the reducers, and the faded
      // colour (no label) for what a focus fades.
      nodeLook: function (id) {
        var d = renderer.getNodeDisplayData(String(id));
        if (!d.hidden && focusLayer !== null && !focusLayer.kept.has(String(id))) { d.color = focusLayer.fadedNode; d.label = null; }
        return d;
      },
      edgeLook: function (i) {
        var d = renderer.getEdgeDisplayData(String(i));
        if (filterLayer !== null && !filterLayer.kept.has(String(i))) { d.hidden = true; }
        if (!d.hidden && focusLayer !== null && !focusLayer.keptEdges.has(String(i))) { d.color = focusLayer.fadedEdge; }
        return d;
      },
      renderer: function () { return renderer; }
    };
    return view;
  };
})();
