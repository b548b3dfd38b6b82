/* The auditor's diagrams (auditor/report.xhtml), one per process instance the report ran (its lifecycle,
 * its deliveries): bpmn-js's navigated viewer, served by the application, draws the exact process version
 * each instance ran; the elements and sequence flows it passed
 * get the marker class "relais-passed", and each element passed an overlay with its number of passes and
 * the time spent there. The data comes from the page as JSON in a data attribute (read with JSON.parse);
 * overlay texts are set with textContent: nothing is parsed as markup. */
(function () {
  'use strict';

  var MARKER = 'relais-passed';

  function duration(ms) {
    var s = Math.floor(ms / 1000);
    if (s < 60) {
      return s + ' s';
    }
    if (s < 3600) {
      return Math.floor(s / 60) + ' min ' + (s % 60) + ' s';
    }
    return Math.floor(s / 3600) + ' h ' + Math.floor((s % 3600) / 60) + ' min';
  }

  function fail(root, reason) {
    root.setAttribute('data-state', 'error');
    var p = document.createElement('p');
    p.className = 'auditor-diagram-error';
    p.textContent = root.getAttribute('data-unavailable') || reason;
    root.appendChild(p);
    if (window.console) {
      window.console.warn('diagram: ' + reason);
    }
  }

  function draw(root) {
    var data;
    try {
      data = JSON.parse(root.getAttribute('data-diagram'));
    } catch (e) {
      fail(root, 'unreadable data');
      return;
    }
    if (typeof window.BpmnJS !== 'function') {
      fail(root, 'viewer not loaded');
      return;
    }
    var viewer = new window.BpmnJS({ container: root.querySelector('.auditor-diagram-canvas') });
    viewer.importXML(data.bpmnXml).then(function () {
      var canvas = viewer.get('canvas');
      var overlays = viewer.get('overlays');
      var registry = viewer.get('elementRegistry');
      canvas.zoom('fit-viewport');
      var totals = {};
      (data.activities || []).forEach(function (a) {
        if (!registry.get(a.id)) {
          return;
        }
        var t = totals[a.id] || (totals[a.id] = { passes: 0, ms: 0, running: false });
        t.passes += 1;
        t.ms += a.durationMs || 0;
        t.running = t.running || !a.endedAt;
      });
      Object.keys(totals).forEach(function (id) {
        canvas.addMarker(id, MARKER);
        var t = totals[id];
        var label = document.createElement('div');
        label.className = 'relais-step-time';
        label.textContent = (t.passes > 1 ? t.passes + '× · ' : '') + duration(t.ms) + (t.running ? ' …' : '');
        overlays.add(id, 'relais-time', { position: { top: -16, left: 0 }, html: label });
      });
      (data.flows || []).forEach(function (id) {
        if (registry.get(id)) {
          canvas.addMarker(id, MARKER);
        }
      });
      root.setAttribute('data-state', 'rendered');
    }).catch(function (e) {
      fail(root, e && e.message ? e.message : 'import failed');
    });
  }

  function start() {
    var roots = document.querySelectorAll('.auditor-diagram[data-state="loading"]');
    for (var i = 0; i < roots.length; i++) {
      draw(roots[i]);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
