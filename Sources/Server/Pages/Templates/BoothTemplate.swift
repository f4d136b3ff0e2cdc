/// The station terminal: one page that shows the step the voter is at.
enum BoothTemplate {
    static let text = """
        {{> head}}
        <h1>{{t.booth_title}}</h1>
        <form method="post" action="/logout" class="muted small">{{t.booth_station}}: <strong id="station">{{station}}</strong> · {{t.booth_device}}: <strong id="device">{{device}}</strong>
         · <button class="secondary" style="padding:1px 10px;margin:0;font-size:.9em">{{t.nav_logout}}</button></form>
        {{#checkIn}}
        <div class="card">
        <form method="post" action="/booth/check-in">
        <label for="credential">{{t.booth_credential}}</label>
        <input type="text" id="credential" name="credential" autocomplete="off" autofocus required placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX">
        <div><button type="submit" id="check-in">{{t.booth_checkin}}</button></div>
        </form>
        </div>
        {{/checkIn}}
        {{#challenged}}
        <div class="ok" id="challenged">
        <p><strong>{{t.booth_challenged}}</strong></p>
        <p>{{t.booth_challenged_choice}}: <strong id="revealed-choice">{{choiceText}}</strong></p>
        <p class="small">{{t.booth_code}}:</p>
        <p class="code" id="challenged-code">{{code}}</p>
        <p class="small muted">{{t.booth_nonce}}: <code>{{nonce}}</code></p>
        <p>{{t.booth_challenged_note}}</p>
        </div>
        {{/challenged}}
        {{#choose}}
        <div class="card">
        <p class="muted small">{{t.booth_region}}: {{regionName}}</p>
        <p style="font-size:1.2em"><strong>{{question}}</strong></p>
        <form method="post" action="/booth/encrypt">
        <input type="hidden" name="session" value="{{session}}">
        <div class="options">
        {{#options}}<label><input type="radio" name="choice" value="{{id}}" id="choice-{{id}}" required> {{text}}</label>{{/options}}
        </div>
        <button type="submit" id="encrypt">{{t.booth_encrypt}}</button>
        </form>
        </div>
        {{/choose}}
        {{#decide}}
        <div class="card">
        <p><strong>{{t.booth_code}}</strong></p>
        <p class="code" id="code">{{code}}</p>
        <p class="muted">{{t.booth_code_note}}</p>
        <form method="post" action="/booth/cast" style="display:inline">
        <input type="hidden" name="session" value="{{session}}"><button type="submit" id="cast">{{t.booth_cast}}</button>
        </form>
        <form method="post" action="/booth/challenge" style="display:inline">
        <input type="hidden" name="session" value="{{session}}"><button type="submit" class="secondary" id="challenge">{{t.booth_challenge}}</button>
        </form>
        </div>
        {{/decide}}
        {{#cast}}
        <div class="ok" id="cast-done">
        <p><strong>{{t.booth_cast_done}}</strong></p>
        <p class="code" id="cast-code">{{code}}</p>
        <p>{{t.booth_cast_note}}</p>
        </div>
        {{#paper}}
        <div class="card paper-ballot" id="paper-ballot">
        <p class="muted">{{t.booth_paper_title}}</p>
        <p>{{question}}</p>
        <p class="paper-choice" id="paper-choice"><strong>{{choiceText}}</strong></p>
        <p>{{regionName}} · {{station}}</p>
        <p class="code" id="paper-sheet">{{sheet}}</p>
        <p>{{t.booth_paper_envelope}}: <span class="code" id="paper-envelope">{{envelope}}</span></p>
        <p class="muted no-print">{{t.booth_paper_note}}</p>
        </div>
        {{/paper}}
        <p><a class="button" href="/booth" id="next">{{t.booth_next}}</a></p>
        {{/cast}}
        {{> foot}}
        """
}
