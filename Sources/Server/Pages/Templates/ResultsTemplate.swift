/// The results dashboard: the decrypted result per region and station once it exists; turnout
/// (table and chart over time) always.
enum ResultsTemplate {
    static let text = """
        {{> head}}
        <h1>{{t.results_title}}</h1>
        <p>{{t.state}}: <strong>{{stateText}}</strong></p>
        {{#results}}
        <h2>{{t.results_region}}</h2>
        <table id="regions">
        <tr><th>{{t.results_region}}</th><th class="num">{{t.results_registered}}</th><th class="num">{{t.results_ballots}}</th><th class="num">{{t.results_turnout}}</th>{{#optionNames}}<th class="num">{{.}}</th>{{/optionNames}}<th class="num">{{t.results_mobile}}</th></tr>
        {{#regions}}<tr><td>{{name}}</td><td class="num">{{registered}}</td><td class="num">{{ballots}}</td><td class="num">{{turnout}}</td>{{#votes}}<td class="num">{{count}} <span class="muted small">({{share}})</span><div class="votebar" style="width:{{width}}%"></div></td>{{/votes}}<td class="num">{{mobileShare}}</td></tr>{{/regions}}
        <tr><td><strong>{{t.results_total}}</strong></td><td class="num">{{total.registered}}</td><td class="num">{{total.ballots}}</td><td class="num">{{total.turnout}}</td>{{#total.votes}}<td class="num"><strong>{{count}}</strong> <span class="muted small">({{share}})</span></td>{{/total.votes}}<td></td></tr>
        </table>
        <h2>{{t.results_station}}</h2>
        <table id="stations">
        <tr><th>{{t.results_station}}</th><th>{{t.results_region}}</th><th class="num">{{t.results_registered}}</th><th class="num">{{t.results_ballots}}</th>{{#optionNames}}<th class="num">{{.}}</th>{{/optionNames}}<th class="num">{{t.results_mobile}}</th></tr>
        {{#stations}}<tr><td>{{id}} <span class="muted small">{{kind}}</span></td><td>{{region}}</td><td class="num">{{registered}}</td><td class="num">{{ballots}}</td>{{#votes}}<td class="num">{{count}}</td>{{/votes}}<td class="num">{{mobileShare}}</td></tr>{{/stations}}
        </table>
        <p><a href="/api/v1/results/stations.csv">{{t.results_csv}}</a>{{#published}} · <a href="/record.zip">{{t.results_download}}</a>{{/published}}</p>
        {{/results}}
        {{^results}}<p class="muted">{{t.results_notyet}}</p>{{/results}}
        <h2>{{t.results_turnout}}</h2>
        <table id="turnout">
        <tr><th>{{t.results_region}}</th><th class="num">{{t.results_registered}}</th><th class="num">{{t.results_voters}}</th><th class="num">{{t.results_turnout}}</th></tr>
        {{#turnout}}<tr><td>{{name}}</td><td class="num">{{registered}}</td><td class="num">{{voters}}</td><td class="num">{{turnout}}</td></tr>{{/turnout}}
        </table>
        <h2>{{t.results_chart}}</h2>
        <div class="card" id="chart">{{{chart}}}</div>
        {{> foot}}
        """
}
