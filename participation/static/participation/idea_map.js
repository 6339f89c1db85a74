/* The map of an idea: an extra on top of the numbers, drawn only when Leaflet has loaded.
   [data-idea-map] shows the point in data-lat/data-lon; with data-pick a click (or Enter on
   the focused map, for its centre) fills the latitude and longitude fields of the form. */
(function () {
  "use strict";

  function init(element) {
    if (typeof L === "undefined") return;
    var lat = document.getElementById("id_latitude");
    var lon = document.getElementById("id_longitude");
    var picking = element.hasAttribute("data-pick") && lat && lon;
    var start = picking && lat.value && lon.value
      ? [Number(lat.value), Number(lon.value)]
      : [Number(element.dataset.lat), Number(element.dataset.lon)];
    element.hidden = false;
    var map = L.map(element, { scrollWheelZoom: false }).setView(start, picking ? 15 : 16);
    L.tileLayer(element.dataset.tiles, {
      maxZoom: 19,
      attribution: element.dataset.attribution,
    }).addTo(map);
    var marker = null;
    function place(point) {
      if (marker) marker.setLatLng(point);
      else marker = L.marker(point, { alt: element.dataset.label || "" }).addTo(map);
    }
    if (!picking) {
      place(start);
      return;
    }
    if (lat.value && lon.value) place(start);
    function choose(point) {
      place(point);
      lat.value = point.lat.toFixed(5);
      lon.value = point.lng.toFixed(5);
    }
    map.on("click", function (event) { choose(event.latlng); });
    element.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && event.target === element) {
        event.preventDefault();
        choose(map.getCenter());
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-idea-map]").forEach(init);
  });
})();
