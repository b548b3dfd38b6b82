/* The qualification form's transcript: the operator ticks messages of the conversation and copies
 * them, in the order they were written, at the end of the narrative in one click ("Author : text",
 * one line each). Ticks survive the live re-render of the transcript (a push when the citizen
 * writes). Texts are read with textContent: nothing a citizen typed is ever parsed as markup. */
(function () {
  'use strict';

  var picked = {};

  function restore(root) {
    var boxes = root.querySelectorAll('.transcript-pick');
    for (var i = 0; i < boxes.length; i++) {
      boxes[i].checked = picked[boxes[i].value] === true;
    }
  }

  function copy(root) {
    var narrative = document.getElementById('qualification:narrative');
    if (!narrative) {
      return;
    }
    var lines = [];
    var boxes = root.querySelectorAll('.transcript-pick');
    for (var i = 0; i < boxes.length; i++) {
      if (boxes[i].checked) {
        var text = boxes[i].closest('.transcript-line').querySelector('.message-text').textContent;
        lines.push(boxes[i].dataset.author + ' : ' + text);
      }
    }
    if (lines.length === 0) {
      return;
    }
    var current = narrative.value.replace(/\s+$/, '');
    narrative.value = (current ? current + '\n' : '') + lines.join('\n');
    narrative.dispatchEvent(new Event('input', {bubbles: true}));
    picked = {};
    restore(root);
    narrative.focus();
  }

  function start() {
    var root = document.getElementById('transcript');
    if (!root) {
      return;
    }
    root.addEventListener('change', function (event) {
      var box = event.target;
      if (box.classList && box.classList.contains('transcript-pick')) {
        if (box.checked) {
          picked[box.value] = true;
        } else {
          delete picked[box.value];
        }
      }
    });
    root.addEventListener('click', function (event) {
      if (event.target.closest && event.target.closest('#copy-transcript')) {
        event.preventDefault();
        copy(root);
      }
    });
    new MutationObserver(function () {
      restore(root);
    }).observe(root, {childList: true, subtree: true});
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
