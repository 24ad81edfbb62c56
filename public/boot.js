/*
 * The first screen's requests, started while the app's JavaScript is still downloading: config.json, then the API's
 * meta, then the summary of the default year and date. On a phone link that JavaScript takes about a second; without
 * this the three requests waited for it and then for each other. The app takes each response once, by its exact URL
 * (src/api/early.ts); anything it asks otherwise it fetches itself. A file, not an inline script: the server's
 * policy allows scripts from its own origin only. Loaded async: it never holds up the page.
 */
(function () {
  'use strict';
  // the app's own script came first (from the cache): it asks for what it needs itself
  if (window.__jjApp || !window.fetch || !window.Promise) return;
  var early = (window.__jjEarly = window.__jjEarly || {});
  var script = document.currentScript;
  var base = script && script.src ? new URL('.', script.src).pathname : '/';
  // as the app's getJson asks (src/api/client.ts): the same URL and init, so the response is what it would have got
  function get(url, extra) {
    var init = { credentials: 'include', headers: { Accept: 'application/json' } };
    if (extra) init.cache = extra;
    var response = fetch(url, init);
    early[url] = response;
    response.catch(function () {}); // a failure is the app's to report, when it takes the response
    return response;
  }
  function json(response) {
    return response.ok ? response.clone().json() : null;
  }
  var params = new URLSearchParams(location.search);
  // another year or date than the default: the app works out which; it asks for that summary itself
  var defaultView = !params.has('year') && !params.has('asOf');
  get(base + 'config.json', 'no-store')
    .then(json)
    .then(function (config) {
      // the mock backend (development) has no summary, and its requests need the mock worker the app starts
      if (!config || config.mocks || typeof config.apiBaseUrl !== 'string') return null;
      var api = config.apiBaseUrl.replace(/\/+$/, '');
      return get(api + '/v1/meta')
        .then(json)
        .then(function (meta) {
          if (!meta || !defaultView || typeof meta.defaultYear !== 'number' || typeof meta.asOf !== 'string') return;
          // the default date as src/data/asOf.ts gives it: meta's date, inside the default year
          var year = meta.defaultYear;
          var first = year + '-01-01';
          var last = year + '-12-31';
          var asOf = meta.asOf < first ? first : meta.asOf > last ? last : meta.asOf;
          get(api + '/v1/summary?year=' + year + '&asOf=' + asOf);
        });
    })
    .catch(function () {});
})();
