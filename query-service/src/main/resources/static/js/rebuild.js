// Starts a rebuild through the API (the browser sends the auditor's credentials) and opens its progress page.
(function () {
  'use strict';
  var form = document.getElementById('start-rebuild');
  if (!form) { return; }
  form.addEventListener('submit', function (submitted) {
    submitted.preventDefault();
    var status = document.getElementById('rebuild-status');
    status.textContent = 'Starting…';
    fetch('/api/audit/rebuilds', { method: 'POST', credentials: 'same-origin' })
      .then(function (response) {
        return response.json().then(function (body) {
          if (response.status === 202) {
            window.location.assign('/audit/rebuilds/' + encodeURIComponent(body.id));
          } else {
            status.textContent = 'Refused (' + response.status + '): ' + (body.detail || body.title);
          }
        });
      })
      .catch(function () { status.textContent = 'The service did not answer; try again.'; });
  });
})();
