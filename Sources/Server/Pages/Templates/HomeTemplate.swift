enum HomeTemplate {
    static let text = """
        {{> head}}
        <h1>{{referendumTitle}}</h1>
        <div class="card">
        <p style="font-size:1.2em"><strong>{{question}}</strong></p>
        <p>{{#options}}<span class="pill">{{text}}</span> {{/options}}</p>
        <p class="muted">{{t.home_lead}}</p>
        <p>{{t.state}}: <strong>{{stateText}}</strong></p>
        </div>
        <p><a class="button" href="/tracker">{{t.nav_tracker}}</a> <a class="button" href="/results">{{t.nav_results}}</a></p>
        {{> foot}}
        """
}
