/* A unit's 24-hour desk, live: a push on the staff's socket's "desk" channel (staff-socket.js)
 * says the unit's danger-now requests changed; the remote command of the desk reloads them through the boundary. */
(function () {
  'use strict';
  window.relaisDesk = {
    pushed: function () {
      if (typeof window.relaisRefreshDesk === 'function') {
        window.relaisRefreshDesk();
      }
    }
  };
}());
