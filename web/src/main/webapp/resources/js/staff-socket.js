/* The staff screens' live link: one WebSocket per element marked data-staff-socket (its value is the
 * endpoint's path, /ws/staff), asking for the channels the element names in its data attributes
 * (data-queue: a platform, data-operator: a user name, data-desk: a unit code, data-alerts: any
 * value). Each message is the name of a channel that changed; it goes to the page's handler
 * (data-handler: relaisConsole or relaisDesk, whose pushed(name) calls the matching remote command).
 * A closed socket is opened again with a growing delay (1 s doubling up to 30 s); after such a
 * reconnection every channel counts as changed, since a push may have been missed meanwhile. A refusal
 * (1008: not signed in, a channel the user may not have) is not retried. The element's data-state
 * says where the link is: connecting, open (the server accepted the channels), closed or refused. */
(function () {
  'use strict';

  var CHANNELS = ['queue', 'operator', 'desk', 'alerts'];
  var POLICY_VIOLATION = 1008;
  var MAX_DELAY = 30000;

  function query(el) {
    var parts = [];
    var channels = [];
    CHANNELS.forEach(function (channel) {
      var value = el.getAttribute('data-' + channel);
      if (value) {
        channels.push(channel);
        parts.push(encodeURIComponent(channel) + (channel === 'alerts' ? '' : '=' + encodeURIComponent(value)));
      }
    });
    return { channels: channels, text: parts.join('&') };
  }

  function deliver(el, channel) {
    var handler = window[el.getAttribute('data-handler')];
    if (handler && typeof handler.pushed === 'function') {
      handler.pushed(channel);
    }
  }

  function connect(el) {
    var asked = query(el);
    if (asked.channels.length === 0 || !('WebSocket' in window)) {
      return;
    }
    var url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host
        + el.getAttribute('data-staff-socket') + '?' + asked.text;
    var attempts = 0;
    var opened = false;
    var leaving = false;
    var socket;

    function open() {
      el.setAttribute('data-state', 'connecting');
      socket = new WebSocket(url);
      socket.onmessage = function (event) {
        if (event.data === 'ready') {
          el.setAttribute('data-state', 'open');
          attempts = 0;
          if (opened) {
            asked.channels.forEach(function (channel) { deliver(el, channel); });
          }
          opened = true;
        } else {
          deliver(el, event.data);
        }
      };
      socket.onclose = function (event) {
        if (leaving) {
          return;
        }
        if (event.code === POLICY_VIOLATION) {
          el.setAttribute('data-state', 'refused');
          return;
        }
        el.setAttribute('data-state', 'closed');
        var delay = Math.min(MAX_DELAY, 1000 * Math.pow(2, attempts));
        attempts++;
        window.setTimeout(open, delay + Math.floor(Math.random() * 500));
      };
    }

    window.addEventListener('pagehide', function () {
      leaving = true;
      if (socket) {
        socket.close(1000);
      }
    });
    window.addEventListener('pageshow', function (event) {
      if (event.persisted) { // back from the browser's page cache: the socket was closed on leaving
        leaving = false;
        open();
      }
    });
    open();
  }

  function start() {
    var elements = document.querySelectorAll('[data-staff-socket]');
    for (var i = 0; i < elements.length; i++) {
      connect(elements[i]);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
