/* The public report form (no chat, no account): checks what is missing, sends the report to
 * POST /api/v1/citizen/reports with an idempotency key (a retry of the same report makes no second
 * one), shows each refusal beside its field, then the receipt reference. Texts come from the page;
 * everything is written with textContent, never as HTML. */
(function () {
  'use strict';

  /* the field each refusal code is about: [input to mark, message element] */
  var FIELDS = {
    missing_category: ['report-category', 'report-category-error'],
    invalid_category: ['report-category', 'report-category-error'],
    missing_commune: ['report-commune', 'report-commune-error'],
    invalid_commune: ['report-commune', 'report-commune-error'],
    territory_not_covered: ['report-commune', 'report-commune-error'],
    invalid_postal_code: ['report-postal-code', 'report-postal-code-error'],
    postal_code_mismatch: ['report-postal-code', 'report-postal-code-error'],
    invalid_place: ['report-place', 'report-place-error'],
    missing_when: ['report-date', 'report-when-error'],
    invalid_when: ['report-date', 'report-when-error'],
    invalid_narrative: ['report-narrative', 'report-narrative-error'],
    narrative_too_long: ['report-narrative', 'report-narrative-error'],
    invalid_identity: ['report-last-name', 'report-identity-error'],
    invalid_phone: ['report-phone', 'report-phone-error'],
    invalid_email: ['report-email', 'report-email-error']
  };
  /* a suggestion of the commune list ends with the INSEE code in brackets */
  var SUGGESTION = /\(([0-9AB]{5})\)\s*$/;

  function start() {
    var root = document.getElementById('report');
    if (!root) {
      return;
    }
    var form = document.getElementById('report-form');
    var general = document.getElementById('report-error');
    var send = document.getElementById('report-send');
    var commune = document.getElementById('report-commune');
    var communeList = document.getElementById('report-commune-list');
    var giveIdentity = document.getElementById('report-give-identity');
    var identity = document.getElementById('report-identity');
    var lastKey = null;
    var lastBody = null;
    var searchTimer = null;

    function text(code) {
      var item = document.querySelector('#report-messages [data-code="' + code + '"]');
      return item ? item.textContent : null;
    }

    function value(id) {
      return document.getElementById(id).value.trim();
    }

    function clearErrors() {
      general.textContent = '';
      Object.keys(FIELDS).forEach(function (code) {
        document.getElementById(FIELDS[code][0]).removeAttribute('aria-invalid');
        document.getElementById(FIELDS[code][1]).textContent = '';
      });
    }

    function refuse(code, serverMessage) {
      var field = FIELDS[code];
      var message = text(code) || serverMessage || text('failed');
      if (!field) {
        general.textContent = message;
        return null;
      }
      var input = document.getElementById(field[0]);
      input.setAttribute('aria-invalid', 'true');
      document.getElementById(field[1]).textContent = message;
      return input;
    }

    /* JJ/MM/AAAA and an optional HH:MM as the API reads them: 2026-11-27 or 2026-11-27T21:30 */
    function when() {
      if (document.getElementById('report-when-unknown').checked) {
        return 'unknown';
      }
      var date = value('report-date');
      var time = value('report-time');
      if (!date) {
        return {error: 'missing_when'};
      }
      var d = /^(\d{1,2})[\/.\-](\d{1,2})[\/.\-](\d{4})$/.exec(date);
      var t = time ? /^(\d{1,2})[:h](\d{2})$/.exec(time) : null;
      if (!d || (time && !t)) {
        return {error: 'invalid_when'};
      }
      var iso = d[3] + '-' + ('0' + d[2]).slice(-2) + '-' + ('0' + d[1]).slice(-2);
      return t ? iso + 'T' + ('0' + t[1]).slice(-2) + ':' + t[2] : iso;
    }

    function report() {
      var place = value('report-commune');
      var picked = SUGGESTION.exec(place);
      var anonymous = !giveIdentity.checked;
      return {
        category: value('report-category') || null,
        communeInsee: picked ? picked[1] : null,
        commune: picked ? null : (place || null),
        postalCode: value('report-postal-code') || null,
        place: value('report-place') || null,
        when: when(),
        narrative: document.getElementById('report-narrative').value,
        anonymous: anonymous,
        firstName: anonymous ? null : (value('report-first-name') || null),
        lastName: anonymous ? null : (value('report-last-name') || null),
        phone: value('report-phone') || null,
        email: value('report-email') || null
      };
    }

    /* what the page can tell before sending: every missing field at once */
    function missing(body) {
      var codes = [];
      if (!body.category) {
        codes.push('missing_category');
      }
      if (!body.communeInsee && !body.commune) {
        codes.push('missing_commune');
      }
      if (body.when && body.when.error) {
        codes.push(body.when.error);
      }
      if (!body.narrative.trim()) {
        codes.push('invalid_narrative');
      }
      if (!body.anonymous && !body.lastName) {
        codes.push('invalid_identity');
      }
      return codes;
    }

    function key() {
      if (window.crypto && window.crypto.randomUUID) {
        return window.crypto.randomUUID();
      }
      var bytes = new Uint8Array(16);
      window.crypto.getRandomValues(bytes);
      return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
    }

    function done(receipt) {
      form.hidden = true;
      var box = document.getElementById('report-done');
      document.getElementById('report-reference').textContent = receipt.reference;
      box.hidden = false;
      box.focus();
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      clearErrors();
      var body = report();
      var codes = missing(body);
      if (codes.length) {
        var first = null;
        codes.forEach(function (code) {
          var input = refuse(code);
          first = first || input;
        });
        general.textContent = text('check');
        if (first) {
          first.focus();
        }
        return;
      }
      var json = JSON.stringify(body);
      if (json !== lastBody) {
        lastBody = json;
        lastKey = key(); // the same report sent again (a lost answer) keeps its key
      }
      send.disabled = true;
      fetch(root.dataset.api, {
        method: 'POST',
        headers: {'Content-Type': 'application/json', 'Accept': 'application/json', 'Idempotency-Key': lastKey},
        body: json,
        cache: 'no-store'
      })
        .then(function (response) {
          return response.json().catch(function () { return {}; }).then(function (answer) {
            return {status: response.status, answer: answer};
          });
        })
        .then(function (result) {
          send.disabled = false;
          if (result.status === 201 && result.answer.reference) {
            done(result.answer);
            return;
          }
          var input = refuse(result.answer.error || 'failed', result.answer.message);
          if (input) {
            general.textContent = text('check');
            input.focus();
          }
        })
        .catch(function () {
          send.disabled = false;
          general.textContent = text('failed');
        });
    });

    giveIdentity.addEventListener('change', function () {
      identity.hidden = !giveIdentity.checked;
    });

    document.getElementById('report-when-unknown').addEventListener('change', function () {
      document.getElementById('report-date').disabled = true;
      document.getElementById('report-time').disabled = true;
    });
    document.getElementById('report-when-known').addEventListener('change', function () {
      document.getElementById('report-date').disabled = false;
      document.getElementById('report-time').disabled = false;
    });

    /* suggestions from the official list of communes as the citizen types (name or postal code) */
    commune.addEventListener('input', function () {
      var query = commune.value.trim();
      window.clearTimeout(searchTimer);
      if (query.length < 2 || SUGGESTION.test(query)) {
        return;
      }
      searchTimer = window.setTimeout(function () {
        fetch(root.dataset.communes + '?limit=8&q=' + encodeURIComponent(query), {headers: {'Accept': 'application/json'}})
          .then(function (response) { return response.ok ? response.json() : []; })
          .then(function (found) {
            while (communeList.firstChild) {
              communeList.removeChild(communeList.firstChild);
            }
            found.forEach(function (c) {
              var option = document.createElement('option');
              option.value = c.name + ' — ' + c.departmentName + ' (' + c.insee + ')';
              communeList.appendChild(option);
            });
          })
          .catch(function () { /* no suggestions: the name and postal code still work */ });
      }, 250);
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
