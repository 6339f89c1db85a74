/* The directory's map: an extra on top of the list, drawn only when Leaflet has loaded.
   It reads the places from the JSON the list renders, and redraws after an htmx update. */
(function () {
  "use strict";
  var map, layer;

  function points() {
    var data = document.getElementById("plekken-kaart-data");
    return data ? JSON.parse(data.textContent) : [];
  }

  function draw() {
    if (!map) return;
    layer.clearLayers();
    var bounds = [];
    points().forEach(function (place) {
      var marker = L.marker([place.lat, place.lon], { alt: place.name, title: place.name });
      var link = document.createElement("a");
      link.href = place.url;
      link.textContent = place.name;
      marker.bindPopup(link);
      layer.addLayer(marker);
      bounds.push([place.lat, place.lon]);
    });
    if (bounds.length) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15 });
  }

  function init() {
    var element = document.getElementById("plekken-kaart");
    if (!element || typeof L === "undefined") return;
    element.closest("[data-place-map]").hidden = false;
    map = L.map(element, { scrollWheelZoom: false }).setView([50.851, 5.69], 13);
    L.tileLayer(element.dataset.tiles, {
      maxZoom: 19,
      attribution: element.dataset.attribution,
    }).addTo(map);
    layer = L.layerGroup().addTo(map);
    draw();
  }

  document.addEventListener("DOMContentLoaded", init);
  document.addEventListener("htmx:afterSettle", function (event) {
    if (event.target && event.target.id === "plekken-resultaten") draw();
  });
})();
