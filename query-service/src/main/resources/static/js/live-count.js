// The live count of an open motion: follows the ledger's change feed (server-sent events, resumed by the browser
// with Last-Event-ID after a break) and, when an event of this motion or of its meeting arrives, fetches the count
// again from the server. The page never counts by itself: the numbers and the tests are the server's.
(function () {
  'use strict';
  var main = document.getElementById('main');
  var motion = main.dataset.motion;
  var meeting = main.dataset.meeting;
  var countUrl = '/motions/' + encodeURIComponent(motion) + '/count';
  var fetching = false;
  var again = false;

  function refresh() {
    if (fetching) { again = true; return; }
    fetching = true;
    fetch(countUrl, { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html) {
          var current = document.getElementById('count');
          var next = document.createRange().createContextualFragment(html).getElementById('count');
          if (current && next) { current.replaceWith(next); }
        }
      })
      .finally(function () {
        fetching = false;
        if (again) { again = false; refresh(); }
      });
  }

  var feed = new EventSource('/api/events/stream?after=' + encodeURIComponent(main.dataset.after));
  function onEvent(message) {
    var event = JSON.parse(message.data);
    if (event.aggregate === motion || event.aggregate === meeting) {
      if (event.type === 'MotionDecided' && event.aggregate === motion) {
        feed.close();
        window.location.reload(); // the decided motion's page: the recorded arithmetic
        return;
      }
      refresh();
    }
  }
  ['VoteCast', 'MotionDecided', 'AttendanceRecorded'].forEach(function (type) {
    feed.addEventListener(type, onEvent);
  });
})();
