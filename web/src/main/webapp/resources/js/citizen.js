/* Every citizen page: the quick exit leaves for a neutral site, replacing this page in the
 * history, and forgets the conversation kept in this tab. */
(function () {
  'use strict';

  function forget() {
    try {
      sessionStorage.clear();
      localStorage.removeItem('relais.chat');
    } catch (e) {
      // storage disabled: nothing was kept
    }
  }

  document.addEventListener('click', function (event) {
    var exit = event.target.closest && event.target.closest('#quick-exit');
    if (!exit) {
      return;
    }
    event.preventDefault();
    forget();
    window.location.replace(exit.href);
  });

  document.addEventListener('keydown', function (event) {
    // Escape twice within a second: the same quick exit, for keyboards
    if (event.key !== 'Escape') {
      return;
    }
    var now = Date.now();
    if (window.relaisLastEscape && now - window.relaisLastEscape < 1000) {
      var exit = document.getElementById('quick-exit');
      if (exit) {
        forget();
        window.location.replace(exit.href);
      }
    }
    window.relaisLastEscape = now;
  });
}());
