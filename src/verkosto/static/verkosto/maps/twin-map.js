// Draws the twin-town map with Leaflet on a Natural Earth country outline (world-atlas,
// turned from TopoJSON into GeoJSON by topojson-client) — no tile server, works offline.
// The page is complete without this file: the table below the map lists the same towns.
(function () {
  "use strict";

  var STATUS = {
    active: { color: "#1e6b36", dashArray: null },
    dormant: { color: "#7a4d00", dashArray: "8 6" },
    suspended: { color: "#a4161a", dashArray: "2 6" },
    ended: { color: "#4a5560", dashArray: "1 8" },
  };
  var ANTARCTICA = "010";
  var EUROPE = [
    [34, -25],
    [71, 45],
  ];

  // Rings that cross the antimeridian (Russia, Fiji) jump from +180 to -180; unwrapping
  // them keeps Leaflet from drawing a line across the whole world.
  function unwrap(ring) {
    for (var i = 1; i < ring.length; i++) {
      var lon = ring[i][0];
      var previous = ring[i - 1][0];
      while (lon - previous > 180) lon -= 360;
      while (lon - previous < -180) lon += 360;
      ring[i] = [lon, ring[i][1]];
    }
  }

  function polygons(geometry) {
    if (!geometry) return [];
    return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  }

  // Area-weighted centroid of a ring in plain lon/lat: good enough to place a town
  // "somewhere in its country" when the registry has no coordinates for it.
  function ringCentre(ring) {
    var area = 0;
    var x = 0;
    var y = 0;
    for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      var cross = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
      area += cross;
      x += (ring[j][0] + ring[i][0]) * cross;
      y += (ring[j][1] + ring[i][1]) * cross;
    }
    if (area === 0) return { area: 0, lat: ring[0][1], lon: ring[0][0] };
    return { area: Math.abs(area / 2), lat: y / (3 * area), lon: x / (3 * area) };
  }

  function countryCentre(feature) {
    var best = null;
    polygons(feature.geometry).forEach(function (polygon) {
      var centre = ringCentre(polygon[0]);
      if (!best || centre.area > best.area) best = centre;
    });
    return best ? [best.lat, best.lon] : null;
  }

  function outline(topology) {
    var collection = window.topojson.feature(topology, topology.objects.countries);
    collection.features = collection.features.filter(function (f) {
      return f.id !== ANTARCTICA;
    });
    collection.features.forEach(function (feature) {
      polygons(feature.geometry).forEach(function (polygon) {
        polygon.forEach(unwrap);
      });
    });
    return collection;
  }

  function position(place, centres) {
    if (place.lat !== null && place.lon !== null) return [place.lat, place.lon];
    return centres[place.country_numeric] || null;
  }

  function link(text, url) {
    var element = document.createElement(url ? "a" : "span");
    element.textContent = text;
    if (url) element.href = url;
    return element;
  }

  function popup(town) {
    var box = document.createElement("div");
    var title = document.createElement("strong");
    title.appendChild(link(town.label, town.url));
    box.appendChild(title);
    [town.kind_label, town.status_label, town.period, town.status_reason].forEach(function (line) {
      if (!line) return;
      var row = document.createElement("div");
      row.textContent = line;
      box.appendChild(row);
    });
    return box;
  }

  function draw(container, data, countries) {
    var centres = {};
    countries.features.forEach(function (feature) {
      if (feature.id) centres[feature.id] = countryCentre(feature);
    });
    var cityAt = position(data.city, centres);
    var placed = [];
    data.towns.forEach(function (town) {
      var at = position(town, centres);
      if (at) placed.push({ town: town, at: at });
    });
    var points = placed.map(function (item) {
      return item.at;
    });
    if (cityAt) points.push(cityAt);

    // Leaflet needs a view before it can add vector layers.
    var map = window.L.map(container, { zoomSnap: 0.25 });
    if (points.length > 1) {
      map.fitBounds(window.L.latLngBounds(points).pad(0.25), { maxZoom: 6 });
    } else if (points.length === 1) {
      map.setView(points[0], 5);
    } else {
      map.fitBounds(EUROPE);
    }
    map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a> · Natural Earth');

    var home = data.city.country_numeric;
    window.L.geoJSON(countries, {
      style: function (feature) {
        return {
          color: "#6b7680",
          weight: 0.6,
          fillColor: feature.id === home ? "#e8eef5" : "#fbfbf8",
          fillOpacity: 1,
        };
      },
      interactive: false,
    }).addTo(map);

    placed.forEach(function (item) {
      var town = item.town;
      var style = STATUS[town.status] || STATUS.ended;
      if (cityAt) {
        window.L.polyline([cityAt, item.at], {
          color: style.color,
          dashArray: style.dashArray,
          weight: 3,
          opacity: town.current ? 0.9 : 0.5,
        }).addTo(map);
      }
      // A town placed at its country's centre is drawn hollow: the place is a guess.
      window.L.circleMarker(item.at, {
        radius: 6,
        color: town.approximate ? style.color : "#1b1f23",
        weight: town.approximate ? 3 : 2,
        fillColor: town.approximate ? "#ffffff" : style.color,
        fillOpacity: 1,
      })
        .bindTooltip(town.label, { permanent: true, direction: "right", className: "map-label" })
        .bindPopup(popup(town))
        .addTo(map);
    });
    if (cityAt) {
      window.L.circleMarker(cityAt, {
        radius: 9,
        color: "#1b1f23",
        weight: 2,
        fillColor: data.city.approximate ? "#ffe3a3" : "#ffbf47",
        fillOpacity: 1,
      })
        .bindTooltip(data.city.label, {
          permanent: true,
          direction: "top",
          offset: [0, -8],
          className: "map-label map-label--centre",
        })
        .addTo(map);
    }
    window.verkostoTwinMap = map;
    container.setAttribute("data-drawn", String(placed.length));
  }

  function fail(container, error) {
    var message = container.getAttribute("data-error") || "The map could not be drawn.";
    container.textContent = message;
    container.setAttribute("data-drawn", "error");
    if (window.console) window.console.error(error);
  }

  function start() {
    var container = document.getElementById("twin-map");
    var source = document.getElementById("twin-map-data");
    if (!container || !source || !window.L || !window.topojson) return;
    var data = JSON.parse(source.textContent);
    fetch(container.getAttribute("data-outline-url"), { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("outline: HTTP " + response.status);
        return response.json();
      })
      .then(function (topology) {
        draw(container, data, outline(topology));
      })
      .catch(function (error) {
        fail(container, error);
      });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
