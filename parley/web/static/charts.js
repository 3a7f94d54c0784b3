// Draws every element with a data-spec attribute: fetches its Vega-Lite spec (same origin) and renders it with the
// vendored vega-embed. `ast: true` makes Vega interpret expressions instead of compiling them, as the
// Content-Security-Policy forbids eval.
"use strict";
document.querySelectorAll("[data-spec]").forEach(function (element) {
  fetch(element.dataset.spec)
    .then(function (response) {
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      return response.json();
    })
    .then(function (spec) {
      return vegaEmbed(element, spec, { actions: false, ast: true, renderer: "svg", defaultStyle: false });
    })
    .then(function () { element.dataset.rendered = "true"; })
    .catch(function (error) {
      element.textContent = "The chart could not be drawn (" + error.message + ").";
      element.dataset.rendered = "error";
    });
});
