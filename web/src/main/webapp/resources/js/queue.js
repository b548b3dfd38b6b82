/* The operator's console, live: each push of the staff's socket (staff-socket.js) names what
 * changed ("queue": the platform's queue; "operator": a chat the operator holds; "alerts": the
 * alerts, on the supervisors' alerts screen) and the matching remote command of the page reloads
 * it. Waiting times go on ticking between two pushes. Each time was computed by the server when the table was drawn (data-seconds);
 * amber from 60 s, red from 120 s, as there. */
(function () {
  'use strict';

  function tick() {
    var now = Date.now();
    var times = document.querySelectorAll('.waiting[data-seconds]');
    for (var i = 0; i < times.length; i++) {
      var el = times[i];
      if (!el.dataset.drawnAt) {
        el.dataset.drawnAt = String(now);
      }
      var seconds = Number(el.dataset.seconds) + Math.floor((now - Number(el.dataset.drawnAt)) / 1000);
      el.textContent = seconds + ' s';
      el.classList.toggle('waiting-ok', seconds < 60);
      el.classList.toggle('waiting-amber', seconds >= 60 && seconds < 120);
      el.classList.toggle('waiting-red', seconds >= 120);
    }
  }

  window.relaisConsole = {
    pushed: function (message) {
      if (message === 'queue' && typeof window.relaisRefreshQueue === 'function') {
        window.relaisRefreshQueue();
      } else if (message === 'operator' && typeof window.relaisRefreshThread === 'function') {
        window.relaisRefreshThread();
      } else if (message === 'alerts' && typeof window.relaisRefreshAlerts === 'function') {
        window.relaisRefreshAlerts();
      }
    }
  };

  window.setInterval(tick, 1000);
}());
