/* dutygraph network page: the WebGL view (sigma.js + graphology) for parts too large for
 * vis-network's 2D canvas. The page script decides which part uses it (meta.parts[p].webgl) and
 * talks to it only through the object returned below, so search, focus, filters and Reset behave
 * as on the vis-network view. Labels are drawn by sigma with fillText: never markup.
 *
 * Positions are the ones Python computed (y flipped: sigma's y axis points up); nodes cannot be
 * dragged, so Reset only has to restore the camera and the bounding box. */
(function () {
  "use strict";

  // Sigma's own node and edge programs, drawn without instancing: the same shaders, but each
  // item's data written once per vertex and drawn by one drawArrays. SwiftShader (software WebGL,
  // all a browser without a GPU has) draws an instanced call instance by instance, which is
  // seconds per frame for 66,000 edges; one flat call is a few milliseconds.
  var P = window.SigmaPrograms;
  function flat(Instanced) {
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
    return class extends Instanced {
      getDefinition() { return definition; }
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
    };
  }
  var EDGE_PROGRAMS = {
    line: flat(P.EdgeRectangleProgram),
    arrow: P.createEdgeCompoundProgram([flat(P.createEdgeClampedProgram()), flat(P.createEdgeArrowHeadProgram())])
  };
  var NODE_PROGRAMS = { circle: flat(P.NodeCircleProgram) };

  // look.node(record) -> {color, label}; look.edge(edge) -> {color, size}; look.faded* colours.
  window.dutygraphWebGL = function (container, settings, look) {
    var graphs = {};
    var graph = null;
    var shown = null;         // Set of node ids a filter keeps, or null
    var keep = null;          // Set of node ids in the focused neighbourhood, or null
    var focused = null;
    var counts = { nodes: 0, edges: 0 };
    var handlers = { click: null, hover: null, leave: null, moved: null, drawn: null };

    function nodeReducer(key, attrs) {
      var id = +key;
      if (shown !== null && !shown.has(id)) { return { x: attrs.x, y: attrs.y, size: attrs.size, hidden: true }; }
      if (keep !== null && !keep.has(id)) {
        return { x: attrs.x, y: attrs.y, size: attrs.size, color: look.fadedNode, label: null, zIndex: 0 };
      }
      var out = { x: attrs.x, y: attrs.y, size: attrs.size, color: attrs.color, label: attrs.label, zIndex: 1 };
      if (keep !== null) { out.forceLabel = true; }
      if (id === focused) { out.highlighted = true; out.zIndex = 2; }
      return out;
    }
    function edgeReducer(key, attrs) {
      var s = +graph.source(key);
      var t = +graph.target(key);
      if (shown !== null && !(shown.has(s) && shown.has(t))) { return { hidden: true }; }
      if (keep !== null && s !== focused && t !== focused) { return { color: look.fadedEdge, size: attrs.size, zIndex: 0 }; }
      return { color: attrs.color, size: attrs.size, zIndex: 1, type: attrs.type };
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
      if (shown === null) { counts = { nodes: graph.order, edges: graph.size }; return; }
      var edgesShown = 0;
      graph.forEachEdge(function (key, attrs, s, t) { if (shown.has(+s) && shown.has(+t)) { edgesShown++; } });
      counts = { nodes: shown.size, edges: edgesShown };
    }
    function start() {
      renderer = new window.Sigma(graph, container, Object.assign({
        nodeReducer: nodeReducer, edgeReducer: edgeReducer, zIndex: true, allowInvalidContainer: true,
        itemSizesReference: "positions", zoomToSizeRatioFunction: function (ratio) { return ratio; },
        enableCameraRotation: false, hideEdgesOnMove: false,
        nodeProgramClasses: NODE_PROGRAMS, edgeProgramClasses: EDGE_PROGRAMS
      }, settings));
      renderer.on("clickNode", function (ev) { if (handlers.click) { handlers.click(+ev.node); } });
      renderer.on("clickStage", function () { if (handlers.click) { handlers.click(null); } });
      renderer.on("enterNode", function (ev) {
        if (handlers.hover) { handlers.hover(+ev.node, { x: ev.event.x, y: ev.event.y }); }
      });
      renderer.on("leaveNode", function () { if (handlers.leave) { handlers.leave(); } });
      renderer.getCamera().on("updated", function () { if (handlers.moved) { handlers.moved(); } });
      renderer.on("afterRender", function () { if (handlers.drawn) { handlers.drawn(); } });
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
    var pending = null;
    function redraw() {
      if (pending !== null) { cancelAnimationFrame(pending); pending = null; }
      renderer.refresh();
    }
    function redrawSoon() {
      if (pending === null) { pending = requestAnimationFrame(function () { pending = null; renderer.refresh(); }); }
    }
    // The neighbourhood of `id` (within the filter) becomes the focus; everything else fades.
    function mark(id) {
      keep = new Set([id]);
      graph.forEachNeighbor(String(id), function (n) { if (shown === null || shown.has(+n)) { keep.add(+n); } });
      focused = id;
      var fadedEdges = 0;
      graph.forEachEdge(function (e, attrs, s, t) {
        var visible = shown === null || (shown.has(+s) && shown.has(+t));
        if (visible && +s !== id && +t !== id) { fadedEdges++; }
      });
      return {
        neighbourhood: Array.from(keep).sort(function (a, b) { return a - b; }),
        fadedNodes: counts.nodes - keep.size, fadedEdges: fadedEdges
      };
    }
    var HOME = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };

    var view = {
      on: function (name, fn) { handlers[name] = fn; },
      // Show part `p`: its graph (built once), nothing filtered or focused, the whole part in view.
      show: function (p, nodeIds, edgeIds, records, edges, directed) {
        if (!graphs[p]) { graphs[p] = build(nodeIds, edgeIds, records, edges, directed); }
        graph = graphs[p];
        shown = null; keep = null; focused = null;
        if (renderer === null) { start(); } else { renderer.setGraph(graph); }
        renderer.setCustomBBox(null);
        renderer.getCamera().setState(HOME);
        redraw();
        countDrawn();
      },
      // Keep only `ids` (a Set, or null for all) and fit the view to them.
      filter: function (ids) {
        shown = ids; keep = null; focused = null;
        var box = null;
        if (ids !== null && ids.size) {
          var x = [Infinity, -Infinity];
          var y = [Infinity, -Infinity];
          ids.forEach(function (id) {
            var a = graph.getNodeAttributes(String(id));
            x[0] = Math.min(x[0], a.x - a.size); x[1] = Math.max(x[1], a.x + a.size);
            y[0] = Math.min(y[0], a.y - a.size); y[1] = Math.max(y[1], a.y + a.size);
          });
          box = { x: x, y: y };
        }
        renderer.setCustomBBox(box);
        renderer.getCamera().setState(HOME);
        redraw();
        countDrawn();
      },
      // Fade everything outside `id` and its neighbours, edges included.
      highlight: function (id) {
        var seen = mark(id);
        redraw();
        return seen;
      },
      clear: function () {
        if (keep === null && focused === null) { return; }
        keep = null; focused = null;
        redrawSoon();
      },
      // Highlight `id`, centred, zoomed in to at least `scale` screen pixels per layout unit: one frame.
      focus: function (id, scale) {
        var d = renderer.getNodeDisplayData(String(id));  // where the last frame put it
        var camera = renderer.getCamera();
        var ratio = camera.ratio;
        var now = renderer.getGraphToViewportRatio();
        if (now < scale) { ratio = ratio * now / scale; }
        camera.setState({ x: d.x, y: d.y, ratio: ratio, angle: 0 });
        var seen = mark(id);
        redraw();  // now: sigma's screen measures (scale, toViewport) follow the last frame
        return seen;
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
      // What is drawn for a node or an edge (after the reducers): colour, label, hidden.
      nodeLook: function (id) { return renderer.getNodeDisplayData(String(id)); },
      edgeLook: function (i) { return renderer.getEdgeDisplayData(String(i)); },
      renderer: function () { return renderer; }
    };
    return view;
  };
})();
