/* The follow-up page: asks GET /api/v1/citizen/reports/{reference} and says where the report is
 * (received, forwarded to the competent unit, taken over), or that no report has this reference.
 * Texts come from the page (data-*) and are set with textContent. */
(function () {
  'use strict';

  var STAGES = {RECEIVED: 'stageReceived', FORWARDED: 'stageForwarded', TAKEN_OVER: 'stageTakenOver'};

  function start() {
    var root = document.getElementById('receipt');
    if (!root) {
      return;
    }
    var label = root.dataset;
    var form = document.getElementById('receipt-form');
    var input = document.getElementById('receipt-reference');
    var result = document.getElementById('receipt-result');

    function show(text, kind) {
      delete result.dataset.stage;
      result.textContent = text;
      result.className = 'receipt-result receipt-' + kind;
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var reference = input.value.trim();
      if (!reference) {
        show(label.unknown, 'unknown');
        return;
      }
      fetch(label.api + encodeURIComponent(reference), {headers: {'Accept': 'application/json'}, cache: 'no-store'})
        .then(function (response) {
          if (response.status === 404 || response.status === 400) {
            show(label.unknown, 'unknown');
            return null;
          }
          if (!response.ok) {
            throw new Error('HTTP ' + response.status);
          }
          return response.json();
        })
        .then(function (status) {
          if (status && STAGES[status.stage]) {
            show(label[STAGES[status.stage]] + ' (' + label['for'] + ' ' + status.reference + ')', 'found');
            result.dataset.stage = status.stage;
          }
        })
        .catch(function () {
          show(label.failed, 'failed');
        });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
