/* The citizen's chat: opens it with the first message (POST /api/v1/citizen/chats), keeps
 * {id, token} in sessionStorage so that a reload comes back to the same conversation, writes with
 * POST messages, and receives the officer's answers live on /ws/citizen/chats/{id} (the token is
 * the socket's first message, never in the URL). When the socket fails it reads GET messages every
 * 3 s until the socket is back. Texts are always set with textContent, never as markup. */
(function () {
  'use strict';

  var KEY = 'relais.chat';
  var POLL_MS = 3000;

  function start() {
    var root = document.getElementById('chat');
    if (!root) {
      return;
    }
    var list = document.getElementById('chat-messages');
    var form = document.getElementById('chat-form');
    var input = document.getElementById('chat-text');
    var status = document.getElementById('chat-status');
    var label = root.dataset;
    var chat = stored();
    var shown = {};
    var socket = null;
    var poller = null;
    var attempts = 0;
    var waitingBox = document.getElementById('chat-waiting');
    var waitingTimer = null;
    var WAITING_MS = 20000;

    function stored() {
      try {
        return JSON.parse(sessionStorage.getItem(KEY));
      } catch (e) {
        return null;
      }
    }

    function forget() {
      chat = null;
      try {
        sessionStorage.removeItem(KEY);
      } catch (e) {
        // nothing kept
      }
    }

    function say(text) {
      status.textContent = text || '';
    }

    function render(line) {
      if (!line || line.id == null || shown[line.id]) {
        return;
      }
      shown[line.id] = true;
      var item = document.createElement('li');
      item.className = 'chat-line chat-line-' + String(line.author).toLowerCase();
      var who = document.createElement('span');
      who.className = 'chat-author';
      var authors = {OPERATOR: label.officer, PSYCHOLOGIST: label.psychologist, RECEIPT: label.receipt, SYSTEM: label.system};
      who.textContent = authors[line.author] || label.you;
      var text = document.createElement('p');
      text.className = 'chat-text';
      if (line.author === 'RECEIPT') {
        // the platform's receipt: the line's text is the reference alone, the words are the page's
        text.appendChild(document.createTextNode(label.receiptText + ' '));
        var reference = document.createElement('strong');
        reference.className = 'receipt-reference';
        reference.textContent = line.text;
        text.appendChild(reference);
        text.appendChild(document.createTextNode('. '));
        var follow = document.createElement('a');
        follow.href = label.follow;
        follow.textContent = label.receiptLink;
        text.appendChild(follow);
      } else {
        text.textContent = line.text;
      }
      var time = document.createElement('time');
      time.dateTime = line.sentAt;
      var at = new Date(line.sentAt);
      time.textContent = isNaN(at) ? '' : at.toLocaleTimeString('fr-FR', {hour: '2-digit', minute: '2-digit'});
      item.appendChild(who);
      item.appendChild(text);
      item.appendChild(time);
      list.appendChild(item);
      list.scrollTop = list.scrollHeight;
    }

    /* Position and estimate while the chat waits (pushed, or read with GET waiting); words from the page. */
    function showWaiting(w) {
      if (!waitingBox || !w) {
        return;
      }
      if (w.status !== 'WAITING') {
        stopWaiting();
        waitingBox.textContent = w.status === 'TAKEN' ? label.taken : '';
        waitingBox.hidden = w.status !== 'TAKEN';
        return;
      }
      var rank = w.position === 1 ? label.first : label.nth.replace('{0}', String(w.position));
      var text = label.position.replace('{0}', rank);
      if (w.nobodyAvailable) {
        text += ' ' + label.nobody;
      } else if (w.estimatedMinutes === 1) {
        text += ' ' + label.estimateOne;
      } else {
        text += ' ' + label.estimate.replace('{0}', String(w.estimatedMinutes));
      }
      waitingBox.textContent = text;
      waitingBox.classList.toggle('chat-waiting-nobody', !!w.nobodyAvailable);
      waitingBox.hidden = false;
    }

    function readWaiting() {
      if (!chat) {
        return Promise.resolve();
      }
      return fetch(label.api + '/' + chat.id + '/waiting', {headers: headers(), cache: 'no-store'})
        .then(json)
        .then(showWaiting);
    }

    function startWaiting() {
      readWaiting().catch(function () {});
      if (!waitingTimer) {
        waitingTimer = window.setInterval(function () {
          readWaiting().catch(function () {});
        }, WAITING_MS);
      }
    }

    function stopWaiting() {
      if (waitingTimer) {
        window.clearInterval(waitingTimer);
        waitingTimer = null;
      }
    }

    function headers() {
      var h = {'Accept': 'application/json', 'Content-Type': 'application/json'};
      if (chat) {
        h['X-Chat-Token'] = chat.token;
      }
      return h;
    }

    function json(response) {
      if (response.status === 404) {
        forget();
        stopPolling();
        say(label.lost);
        throw new Error('chat lost');
      }
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    }

    function catchUp() {
      if (!chat) {
        return Promise.resolve();
      }
      return fetch(label.api + '/' + chat.id + '/messages', {headers: headers(), cache: 'no-store'})
        .then(json)
        .then(function (lines) {
          lines.forEach(render);
        });
    }

    function startPolling() {
      if (!poller && chat) {
        say(label.offline);
        poller = window.setInterval(function () {
          catchUp().catch(function () {});
        }, POLL_MS);
      }
    }

    function stopPolling() {
      if (poller) {
        window.clearInterval(poller);
        poller = null;
      }
    }

    function connect() {
      if (!chat || !('WebSocket' in window)) {
        startPolling();
        return;
      }
      var scheme = window.location.protocol === 'https:' ? 'wss://' : 'ws://';
      try {
        socket = new WebSocket(scheme + window.location.host + label.ws + chat.id);
      } catch (e) {
        startPolling();
        return;
      }
      socket.onopen = function () {
        socket.send(chat.token);
      };
      socket.onmessage = function (event) {
        var data;
        try {
          data = JSON.parse(event.data);
        } catch (e) {
          return;
        }
        if (data.type === 'ready') {
          attempts = 0;
          stopPolling();
          say('');
          catchUp().catch(function () {});
          readWaiting().catch(function () {});
          return;
        }
        if (data.type === 'waiting') {
          showWaiting(data.waiting);
          return;
        }
        render(data);
      };
      socket.onclose = function (event) {
        socket = null;
        if (!chat) {
          return;
        }
        startPolling();
        if (event.code === 1008) {
          return; // refused: the next read says whether the chat still exists
        }
        attempts += 1;
        window.setTimeout(connect, Math.min(30000, 1000 * Math.pow(2, attempts)));
      };
    }

    function open(text) {
      return fetch(label.api, {
        method: 'POST',
        headers: headers(),
        body: JSON.stringify({door: label.door, topic: label.topic, message: text})
      })
        .then(json)
        .then(function (opened) {
          chat = {id: opened.id, token: opened.token};
          sessionStorage.setItem(KEY, JSON.stringify(chat));
          say(label.waiting);
          connect();
          startWaiting();
          return catchUp();
        });
    }

    function post(text) {
      return fetch(label.api + '/' + chat.id + '/messages', {
        method: 'POST',
        headers: headers(),
        body: JSON.stringify({text: text})
      })
        .then(json)
        .then(render);
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var text = input.value.trim();
      if (!text) {
        return;
      }
      if (!chat && !label.door) {
        say(label.failed);
        return;
      }
      (chat ? post(text) : open(text)).then(function () {
        input.value = '';
        input.focus();
      }, function () {
        if (status.textContent !== label.lost) {
          say(label.failed);
        }
      });
    });

    if (chat) {
      catchUp().catch(function () {});
      connect();
      startWaiting();
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
