/* The operator's console: a click on a canned answer inserts its text in the reply box at the
 * cursor (the text comes from the button's data-text attribute and stays plain text). Listens on
 * the document, since the conversation panel is redrawn by ajax. */
(function () {
  'use strict';

  document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('.canned-answer') : null;
    if (!button) {
      return;
    }
    var box = document.getElementById('tasks:reply');
    if (!box) {
      return;
    }
    var text = button.dataset.text || '';
    var start = typeof box.selectionStart === 'number' ? box.selectionStart : box.value.length;
    var end = typeof box.selectionEnd === 'number' ? box.selectionEnd : box.value.length;
    var before = box.value.slice(0, start);
    var separator = before && !/\s$/.test(before) ? ' ' : '';
    box.value = before + separator + text + box.value.slice(end);
    var caret = (before + separator + text).length;
    box.focus();
    box.setSelectionRange(caret, caret);
    box.dispatchEvent(new Event('input', {bubbles: true}));
  });
}());
