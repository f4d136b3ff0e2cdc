enum TrackerTemplate {
    static let text = """
        {{> head}}
        <h1>{{t.tracker_title}}</h1>
        <div class="card">
        <form method="get" action="/tracker">
        <label for="code">{{t.tracker_code}}</label>
        <input type="text" id="code" name="code" value="{{query}}" autocomplete="off" required>
        <div><button type="submit" id="find">{{t.tracker_find}}</button></div>
        </form>
        </div>
        {{#answer}}
        <div class="{{#found}}ok{{/found}}{{^found}}message{{/found}}" id="answer" data-status="{{status}}">
        <p><strong id="status-text">{{statusText}}</strong></p>
        {{#station}}<p class="small">{{t.tracker_station}}: {{station}}{{#decidedAt}} · {{t.tracker_at}}: {{decidedAt}}{{/decidedAt}}</p>{{/station}}
        {{#choiceText}}<p class="small">{{t.booth_challenged_choice}}: <strong>{{choiceText}}</strong></p>{{/choiceText}}
        <p class="code small">{{code}}</p>
        </div>
        {{/answer}}
        {{> foot}}
        """
}
