// The web form works without this file. With it: focus moves to the error summary, and
// the line and stop fields suggest names from the region's timetable data.
(function () {
  'use strict';

  var summary = document.getElementById('error-summary');
  if (summary) summary.focus();

  function clear(list) {
    while (list.firstChild) list.removeChild(list.firstChild);
  }

  function fill(list, items) {
    clear(list);
    items.forEach(function (item) {
      var option = document.createElement('option');
      option.value = item.value;
      if (item.label) option.label = item.label;
      list.appendChild(option);
    });
  }

  function suggest(inputId, listId, parameter, minLength) {
    var input = document.getElementById(inputId);
    var list = document.getElementById(listId);
    if (!input || !list || !window.fetch) return;
    var cache = {};
    var timer = null;

    input.addEventListener('input', function () {
      window.clearTimeout(timer);
      var text = input.value.trim();
      if (text.length < minLength) return clear(list);
      if (cache[text]) return fill(list, cache[text]);
      // Wait for a pause in typing: one request per word, not per letter.
      timer = window.setTimeout(function () {
        var url = '/feedback/suggest?' + parameter + '=' + encodeURIComponent(text);
        window
          .fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
          .then(function (response) {
            return response.ok ? response.json() : { suggestions: [] };
          })
          .then(function (body) {
            cache[text] = body.suggestions || [];
            if (input.value.trim() === text) fill(list, cache[text]);
          })
          .catch(function () {
            // Suggestions are a help; without them the field works as before.
          });
      }, 250);
    });
  }

  suggest('line', 'line-suggestions', 'line', 1);
  suggest('stop', 'stop-suggestions', 'stop', 2);
})();
