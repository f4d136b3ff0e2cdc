/// The paper and the risk-limiting audit: public progress (protocols beside the electronic totals,
/// each region's rounds and risk, what is drawn now) and, for the commission's audit board, the
/// form that enters a round's counts.
enum AuditTemplate {
    static let text = """
        {{> head}}
        <h1>{{t.audit_title}}</h1>
        <p class="muted">{{t.audit_intro}}</p>
        {{#audit}}
        <p>{{t.audit_method}}: <strong>{{method}}</strong> · {{t.audit_limit}}: <strong>{{riskLimit}}</strong> · {{t.audit_seed}}: <span class="code">{{seed}}</span></p>
        <table id="audit-regions">
        <tr><th>{{t.results_region}}</th><th>{{t.audit_status}}</th><th>{{t.audit_rounds}}</th></tr>
        {{#contests}}<tr><td>{{name}}</td><td id="audit-status-{{region}}"><strong>{{statusText}}</strong>{{#handCountWinner}} ({{t.audit_byhand}}: {{handCountWinner}}){{/handCountWinner}}</td>
        <td>{{#rounds}}<div>{{t.audit_round}} {{number}}: {{size}} {{t.audit_drawn}}{{#risk}}, {{t.audit_risk}} {{risk}}{{/risk}}{{#decision}} → {{decision}}{{/decision}}</div>{{/rounds}}</td></tr>{{/contests}}
        </table>
        {{#board}}
        {{#due}}
        <form method="post" action="/audit/board" class="card" id="board-{{region}}">
        <h2>{{name}}: {{t.audit_round}} {{round}}</h2>
        <input type="hidden" name="region" value="{{region}}">
        <table>
        {{#batches}}<tr><td>{{batch}}</td><td>{{t.results_ballots}} <input type="text" name="ballots.{{batch}}" inputmode="numeric" size="6"></td>
        {{#options}}<td>{{text}} <input type="text" name="votes.{{batch}}.{{id}}" inputmode="numeric" size="6"></td>{{/options}}</tr>{{/batches}}
        {{#ballots}}<tr><td class="code">{{ticket}}</td><td>{{batch}}, {{t.audit_ballot}} {{position}}</td>
        <td><select name="read.{{ticket}}">{{#options}}<option value="{{id}}">{{text}}</option>{{/options}}<option value="invalid">{{t.audit_invalid}}</option></select></td></tr>{{/ballots}}
        </table>
        <button type="submit" id="enter-{{region}}">{{t.audit_enter}}</button>
        </form>
        {{/due}}
        {{/board}}
        {{^board}}{{#sampling}}
        <h2>{{t.audit_now}}</h2>
        {{#due}}<p><strong>{{name}}</strong>, {{t.audit_round}} {{round}}: {{#batches}}<span class="pill">{{batch}}</span> {{/batches}}{{#ballots}}<span class="pill">{{batch}} #{{position}}</span> {{/ballots}}</p>{{/due}}
        {{/sampling}}{{/board}}
        {{/audit}}
        {{^audit}}<p class="muted">{{t.audit_none}}</p>{{/audit}}
        {{#hasCells}}
        <h2>{{t.audit_protocols}}</h2>
        <table id="paper-cells">
        <tr><th>{{t.results_station}}</th><th>{{t.audit_differences}}</th></tr>
        {{#cells}}<tr><td>{{scope}}</td><td>{{#unexplained}}<strong>⚠ </strong>{{/unexplained}}{{differences}}</td></tr>{{/cells}}
        </table>
        {{/hasCells}}
        {{> foot}}
        """
}
