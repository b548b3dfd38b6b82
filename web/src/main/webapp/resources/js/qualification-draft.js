/* The qualification form as the operator types it:
 * - "when": the choice (a date, a period, unknown) shows only its own fields; each date is typed
 *   (jj/mm/aaaa hh:mm) or picked in a calendar shown in the page's flow under its field, so that it
 *   never covers another field; a picked date keeps the time already typed;
 * - the draft: the fields as typed are saved on the server (relaisSaveDraft, a remote command of the
 *   page) a moment after each keystroke, on each change and when a field is left, so that a reload or
 *   a browser crash loses nothing. The server restores them when the form opens. */
(function () {
  'use strict';

  var FORM = 'qualification';
  var PREFIX = FORM + ':';
  var FIELDS = ['category', 'commune', 'postalCode', 'whenKind', 'factsAt', 'factsFrom', 'factsTo', 'urgency',
    'dangerNow', 'victimMinor', 'anonymous', 'contactConsent', 'narrative', 'firstName', 'lastName', 'phone',
    'email'];
  var lastSaved = null;
  var timer = null;

  function form() {
    return document.getElementById(FORM);
  }

  /* field name -> text as typed; checkboxes as "true"/"false", the chosen radio's value */
  function snapshot() {
    var root = form();
    var fields = {};
    for (var i = 0; i < root.elements.length; i++) {
      var e = root.elements[i];
      if (!e.name || e.name.indexOf(PREFIX) !== 0) {
        continue;
      }
      var name = e.name.substring(PREFIX.length).replace(/_input$/, '');
      if (FIELDS.indexOf(name) < 0) {
        continue;
      }
      if (e.type === 'checkbox') {
        fields[name] = e.checked ? 'true' : 'false';
      } else if (e.type === 'radio') {
        if (e.checked) {
          fields[name] = e.value;
        }
      } else {
        fields[name] = e.value;
      }
    }
    return JSON.stringify(fields);
  }

  function save() {
    clearTimeout(timer);
    timer = null;
    if (!form() || typeof window.relaisSaveDraft !== 'function') {
      return;
    }
    var draft = snapshot();
    if (draft === lastSaved) {
      return;
    }
    lastSaved = draft;
    pending();
    window.relaisSaveDraft([{name: 'draft', value: draft}]);
  }

  /* until the server says it saved, the status says a save is pending */
  function pending() {
    var status = document.getElementById('draft:status');
    var saving = document.getElementById('draft-saving');
    if (status && saving) {
      status.textContent = saving.textContent;
    }
  }

  function saveSoon() {
    pending();
    clearTimeout(timer);
    timer = setTimeout(save, 600);
  }

  function showChosenWhen() {
    var root = form();
    var chosen = root.querySelector('input[name="' + PREFIX + 'whenKind"]:checked');
    var kind = chosen ? chosen.value : '';
    var choices = root.querySelectorAll('.when-choice');
    for (var i = 0; i < choices.length; i++) {
      choices[i].classList.toggle('when-hidden', choices[i].dataset.when !== kind);
    }
  }

  function toggleCalendar(button) {
    var calendar = document.getElementById(button.getAttribute('aria-controls'));
    var open = calendar.hasAttribute('hidden');
    if (open) {
      calendar.removeAttribute('hidden');
    } else {
      calendar.setAttribute('hidden', 'hidden');
    }
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
  }

  /* the date picked in a calendar (dd/MM/yyyy), with the time already typed in its field */
  function picked(calendar, date) {
    var field = document.getElementById(calendar.dataset.target);
    if (!field || !/^\d{2}\/\d{2}\/\d{4}$/.test(date)) {
      return;
    }
    var time = /\s(?:à\s*)?(\d{1,2}\s*[:hH]\s*(?:\d{2})?)\s*$/.exec(field.value);
    field.value = time ? date + ' ' + time[1] : date;
    field.dispatchEvent(new Event('input', {bubbles: true}));
    calendar.setAttribute('hidden', 'hidden');
    var button = form().querySelector('[aria-controls="' + calendar.id + '"]');
    if (button) {
      button.setAttribute('aria-expanded', 'false');
    }
    field.focus();
    save();
  }

  function start() {
    var root = form();
    if (!root) {
      return;
    }
    lastSaved = snapshot(); // as the server rendered it: the restored draft, or an empty form
    showChosenWhen();
    root.addEventListener('input', saveSoon);
    root.addEventListener('change', function (event) {
      if (event.target.name === PREFIX + 'whenKind') {
        showChosenWhen();
      }
      save();
    });
    root.addEventListener('focusout', save);
    root.addEventListener('click', function (event) {
      var button = event.target.closest && event.target.closest('.when-calendar-toggle');
      if (button) {
        event.preventDefault();
        toggleCalendar(button);
      }
    });
    // PrimeFaces' date picker says "change" through jQuery on its hidden input
    if (window.jQuery) {
      window.jQuery(root).on('change', '.when-calendar input', function () {
        picked(this.closest('.when-calendar'), this.value);
      });
    }
    // a commune picked among the suggestions, or any change made by a script
    setInterval(function () {
      if (timer === null) {
        save();
      }
    }, 5000);
    // a save answered while the operator went on typing: still pending
    if (window.jQuery) {
      window.jQuery(document).on('pfAjaxComplete', function () {
        if (form() && snapshot() !== lastSaved) {
          pending();
        }
      });
    }
    window.addEventListener('pagehide', save);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
