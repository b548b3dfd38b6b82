/* The review screen: "Masquer la sélection" sends the text selected in the outgoing text area (its
 * selection start and end, so that what is typed there counts too) in the hidden field the server reads.
 * The button refuses to submit when nothing is selected. No inline script: loaded as a file (CSP). */
(function () {
  'use strict';

  var lastSelection = '';

  function area() {
    return document.getElementById('review:outgoing');
  }

  function remember() {
    var a = area();
    if (a && a.selectionEnd > a.selectionStart) {
      lastSelection = a.value.substring(a.selectionStart, a.selectionEnd);
    }
  }

  function wire() {
    var a = area();
    var button = document.getElementById('review:mask');
    var hidden = document.getElementById('review:selection');
    if (!a || !button || !hidden) {
      return;
    }
    ['select', 'mouseup', 'keyup'].forEach(function (type) {
      a.addEventListener(type, remember);
    });
    button.addEventListener('click', function (event) {
      remember();
      var text = lastSelection.trim();
      if (!text) {
        event.preventDefault();
        event.stopImmediatePropagation();
        a.focus();
        return;
      }
      hidden.value = text;
    }, true);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', wire);
  } else {
    wire();
  }
}());
