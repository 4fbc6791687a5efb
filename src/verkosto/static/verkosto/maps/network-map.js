// Draws the network map with cytoscape.js from the page's json_script data.
// The page is complete without this file: the table below the map lists the same links.
(function () {
  "use strict";

  var KIND_COLOURS = {
    municipality: "#1e6b36",
    region: "#1e6b36",
    network: "#0b4f8a",
    partnership: "#6a3d9a",
  };
  var KIND_SHAPES = {
    municipality: "ellipse",
    region: "ellipse",
    network: "hexagon",
    partnership: "diamond",
  };
  var STATUS_COLOURS = {
    active: "#1e6b36",
    dormant: "#7a4d00",
    suspended: "#a4161a",
    ended: "#4a5560",
  };

  // Rings around the centre: its own links on the inner ring, evenly spaced; on the outer
  // ring, each node next to the inner node it hangs from (a partnership's parties), or
  // — when it hangs from the centre only (networks sharing members) — evenly spaced and
  // offset by half a step so no line runs through an inner node.
  function rings(graph) {
    var positions = {};
    var near = graph.nodes.filter(function (n) { return n.ring === "near"; });
    var far = graph.nodes.filter(function (n) { return n.ring === "far"; });
    var nearAngle = {};
    var r1 = Math.max(140, (near.length * 70) / (2 * Math.PI));
    var r2 = Math.max(r1 + 150, (far.length * 70) / (2 * Math.PI));
    graph.nodes.forEach(function (n) {
      if (n.ring === "centre") positions[n.id] = { x: 0, y: 0 };
    });
    near.forEach(function (n, i) {
      var angle = (2 * Math.PI * i) / near.length - Math.PI / 2;
      nearAngle[n.id] = angle;
      positions[n.id] = { x: r1 * Math.cos(angle), y: r1 * Math.sin(angle) };
    });
    var groups = {};
    var loose = [];
    far.forEach(function (n) {
      var parent = null;
      graph.edges.forEach(function (e) {
        if (parent) return;
        if (e.source === n.id && nearAngle[e.target] !== undefined) parent = e.target;
        if (e.target === n.id && nearAngle[e.source] !== undefined) parent = e.source;
      });
      if (parent) (groups[parent] = groups[parent] || []).push(n);
      else loose.push(n);
    });
    var span = near.length ? (2 * Math.PI) / near.length : 2 * Math.PI;
    Object.keys(groups).forEach(function (parent) {
      // Further out for a large group, within reason: labels must stay readable.
      r2 = Math.max(r2, Math.min(r1 + 220, (groups[parent].length * 70) / (span * 0.9)));
    });
    Object.keys(groups).forEach(function (parent) {
      var members = groups[parent];
      members.forEach(function (n, i) {
        var angle = nearAngle[parent] + span * 0.9 * ((i + 0.5) / members.length - 0.5);
        positions[n.id] = { x: r2 * Math.cos(angle), y: r2 * Math.sin(angle) };
      });
    });
    loose.forEach(function (n, i) {
      var angle = (2 * Math.PI * (i + 0.5)) / loose.length - Math.PI / 2;
      positions[n.id] = { x: r2 * Math.cos(angle), y: r2 * Math.sin(angle) };
    });
    return function (node) {
      return positions[node.id()];
    };
  }

  function elements(graph) {
    var items = [];
    graph.nodes.forEach(function (node) {
      items.push({
        group: "nodes",
        data: {
          id: node.id,
          label: node.label,
          kind: node.kind,
          ring: node.ring,
          url: node.url || "",
          colour: node.ring === "centre" ? "#ffbf47" : KIND_COLOURS[node.kind] || "#4a5560",
          shape: KIND_SHAPES[node.kind] || "round-rectangle",
        },
      });
    });
    graph.edges.forEach(function (edge) {
      var colour = "#6b7680";
      if (edge.kind === "twinning") colour = STATUS_COLOURS[edge.status] || colour;
      if (edge.kind === "partnership") colour = "#6a3d9a";
      if (edge.kind === "shared") colour = "#0b4f8a";
      items.push({
        group: "edges",
        data: {
          id: edge.id,
          source: edge.source,
          target: edge.target,
          kind: edge.kind,
          label: edge.kind === "shared" ? edge.label : "",
          weight: edge.weight || 1,
          colour: colour,
          style: edge.current ? "solid" : "dotted",
        },
      });
    });
    return items;
  }

  function draw(container, graph) {
    var maxWeight = 1;
    graph.edges.forEach(function (edge) {
      maxWeight = Math.max(maxWeight, edge.weight || 1);
    });
    var cy = window.cytoscape({
      container: container,
      elements: elements(graph),
      minZoom: 0.2,
      maxZoom: 3,
      style: [
        {
          selector: "node",
          style: {
            label: "data(label)",
            "background-color": "data(colour)",
            shape: "data(shape)",
            width: 22,
            height: 22,
            "font-size": 11,
            color: "#1b1f23",
            "text-valign": "bottom",
            "text-margin-y": 4,
            "text-wrap": "wrap",
            "text-max-width": 140,
            "text-background-color": "#ffffff",
            "text-background-opacity": 0.85,
            "text-background-padding": 2,
            "border-width": 1,
            "border-color": "#1b1f23",
          },
        },
        { selector: "node[ring = 'centre']", style: { width: 40, height: 40, "font-size": 14, "font-weight": "bold", "border-width": 2 } },
        {
          selector: "edge",
          style: {
            width: maxWeight > 1 ? "mapData(weight, 1, " + maxWeight + ", 1.5, 12)" : 2,
            "line-color": "data(colour)",
            "line-style": "data(style)",
            "curve-style": "bezier",
            label: "data(label)",
            "font-size": 10,
            "text-background-color": "#ffffff",
            "text-background-opacity": 0.85,
          },
        },
        { selector: "node:selected", style: { "border-width": 3, "border-color": "#ffbf47" } },
      ],
      layout: { name: "preset", positions: rings(graph), fit: true, padding: 30, animate: false },
    });
    // A lone node (a network without members) would otherwise fill the whole box.
    if (cy.zoom() > 1.5) {
      cy.zoom(1.5);
      cy.center();
    }
    cy.on("tap", "node", function (event) {
      var url = event.target.data("url");
      if (url) window.location.assign(url);
    });
    return cy;
  }

  function start() {
    var container = document.getElementById("network-map");
    var source = document.getElementById("network-map-data");
    if (!container || !source || !window.cytoscape) return;
    var graph = JSON.parse(source.textContent);
    var cy = draw(container, graph);
    // For the browser tests and anyone debugging in the console.
    window.verkostoNetworkMap = cy;
    container.setAttribute("data-drawn", String(cy.nodes().length));
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
