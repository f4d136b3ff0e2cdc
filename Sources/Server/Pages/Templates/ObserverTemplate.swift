/// Live turnout for observers: rendered with the current snapshot, then kept up to date by the
/// Server-Sent Events stream (a few lines of inline script; the page works without them too).
enum ObserverTemplate {
    static let text = """
        {{> head}}
        <h1>{{t.observer_title}} <span class="live small" id="live">● {{t.observer_live}}</span></h1>
        <p class="muted small">{{t.state}}: <strong id="state">{{stateText}}</strong> · {{t.observer_updated}}: <span id="updated">{{updated}}</span></p>
        <table id="turnout">
        <tr><th>{{t.results_region}}</th><th class="num">{{t.results_registered}}</th><th class="num">{{t.results_voters}}</th><th class="num">{{t.results_turnout}}</th></tr>
        {{#regions}}<tr data-region="{{id}}"><td>{{name}}</td><td class="num">{{registered}}</td><td class="num voters">{{voters}}</td><td class="num share">{{turnout}}</td></tr>{{/regions}}
        </table>
        <h2>{{t.observer_ballots}}</h2>
        <table id="statuses"><tr>{{#statuses}}<th class="num">{{label}}</th>{{/statuses}}</tr><tr>{{#statuses}}<td class="num" data-status="{{key}}">{{count}}</td>{{/statuses}}</tr></table>
        <h2>{{t.results_station}}</h2>
        <table id="stations"><tr><th>{{t.results_station}}</th><th class="num">{{t.observer_cast}}</th></tr>
        {{#stations}}<tr data-station="{{id}}"><td>{{id}} <span class="muted small">{{kind}}</span></td><td class="num">{{ballots}}</td></tr>{{/stations}}
        </table>
        {{#hasDevices}}<h2>{{t.observer_devices}}</h2>
        <table id="devices"><tr><th>{{t.observer_device}}</th><th>{{t.results_station}}</th><th class="num">{{t.observer_received}}</th><th>{{t.observer_last}}</th><th class="num">{{t.observer_missing}}</th></tr>
        {{#devices}}<tr data-device="{{device}}"><td>{{device}}</td><td>{{station}}</td><td class="num">{{received}}</td><td>{{last}}</td><td class="num">{{missing}}</td></tr>{{/devices}}
        </table>{{/hasDevices}}
        <h2>{{t.observer_links}}</h2>
        <p class="small"><a href="/api/v1/observer/ballots">/api/v1/observer/ballots</a> · <a href="/api/v1/observer/mobile-visits">/api/v1/observer/mobile-visits</a> · <a href="/api/v1/observer/audit">/api/v1/observer/audit</a> · <a href="/api/v1/observer/devices">/api/v1/observer/devices</a> · <a href="/api/v1/observer/turnout/stream">/api/v1/observer/turnout/stream</a></p>
        <script>
        (function () {
          if (!window.EventSource) return;
          var pct = function (v) { return v == null ? "–" : (100 * v).toFixed(2) + "%"; };
          var source = new EventSource("/api/v1/observer/turnout/stream");
          source.addEventListener("turnout", function (event) {
            var s = JSON.parse(event.data);
            document.getElementById("updated").textContent = new Date(s.at).toLocaleString();
            s.regions.forEach(function (r) {
              var row = document.querySelector('tr[data-region="' + r.id + '"]');
              if (row) { row.querySelector(".voters").textContent = r.voters; row.querySelector(".share").textContent = pct(r.turnout); }
            });
            s.stations.forEach(function (st) {
              var row = document.querySelector('tr[data-station="' + st.id + '"] td.num');
              if (row) row.textContent = st.ballots;
            });
            Object.keys(s.ballots).forEach(function (k) {
              var cell = document.querySelector('td[data-status="' + k + '"]');
              if (cell) cell.textContent = s.ballots[k];
            });
          });
          source.onerror = function () { document.getElementById("live").style.opacity = 0.3; };
          source.onopen = function () { document.getElementById("live").style.opacity = 1; };
        })();
        </script>
        {{> foot}}
        """
}
