/// The frame of every page: head with the inline style sheet (no external CDN, no script but the
/// observer page's own), navigation, language switch; and the foot.
enum LayoutTemplates {
    static let head = """
        <!DOCTYPE html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{pageTitle}} · {{referendumTitle}}</title>
        <style>
        :root { --ink: #1d2433; --muted: #5b6478; --line: #d7dce5; --accent: #0057b8; --accent2: #ffd700; --ok: #1f7a3a; --bad: #b3261e; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 17px/1.5 system-ui, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: #f6f7f9; }
        header { background: var(--accent); color: #fff; border-bottom: 4px solid var(--accent2); }
        header .nav { max-width: 960px; margin: 0 auto; padding: 10px 16px; display: flex; flex-wrap: wrap; gap: 8px 18px; align-items: center; }
        header a { color: #fff; text-decoration: none; } header a:hover { text-decoration: underline; }
        header .brand { font-weight: 700; margin-right: auto; }
        header .langs a { padding: 2px 6px; border-radius: 4px; } header .langs a.current { background: rgba(255,255,255,.25); }
        main { max-width: 960px; margin: 0 auto; padding: 20px 16px 48px; }
        h1 { font-size: 1.6em; margin: .2em 0 .6em; } h2 { font-size: 1.25em; margin: 1.4em 0 .5em; }
        .card { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 18px 20px; margin: 14px 0; }
        .muted { color: var(--muted); } .small { font-size: .88em; }
        label { display: block; font-weight: 600; margin: 10px 0 4px; }
        input[type=text], input[type=password] { width: 100%; max-width: 520px; padding: 10px 12px; font-size: 1.05em; border: 1px solid #aab2c0; border-radius: 6px; }
        button, .button { display: inline-block; padding: 10px 18px; margin: 12px 8px 0 0; font-size: 1.05em; border: 0; border-radius: 6px; background: var(--accent); color: #fff; cursor: pointer; text-decoration: none; }
        button.secondary { background: #fff; color: var(--accent); border: 2px solid var(--accent); }
        .options label { font-weight: 500; border: 2px solid var(--line); border-radius: 8px; padding: 12px 14px; margin: 8px 0; max-width: 520px; cursor: pointer; }
        .options input { margin-right: 10px; transform: scale(1.3); }
        .code { font: 600 1.25em/1.6 ui-monospace, "DejaVu Sans Mono", monospace; letter-spacing: .04em; word-spacing: .3em; background: #fffbe6; border: 2px dashed #c9a400; border-radius: 8px; padding: 10px 14px; max-width: 640px; }
        .message { border-left: 5px solid var(--bad); background: #fdecea; padding: 10px 14px; border-radius: 6px; margin: 12px 0; }
        .ok { border-left: 5px solid var(--ok); background: #e8f5ec; padding: 10px 14px; border-radius: 6px; margin: 12px 0; }
        table { border-collapse: collapse; width: 100%; background: #fff; } th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); }
        th { font-size: .9em; color: var(--muted); font-weight: 600; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .votebar { height: 8px; background: var(--accent); border-radius: 3px; margin-top: 3px; }
        .pill { display: inline-block; padding: 1px 8px; border-radius: 10px; background: #e6ecf5; font-size: .85em; }
        .live { color: var(--ok); font-weight: 700; } svg text { font: 12px system-ui, sans-serif; fill: var(--muted); }
        .paper-ballot { border: 2px solid #222; max-width: 420px; } .paper-choice { font-size: 1.6em; }
        @media print { body * { visibility: hidden; } .paper-ballot, .paper-ballot * { visibility: visible; } .paper-ballot { position: absolute; top: 0; left: 0; } .no-print { display: none; } }
        </style>
        </head>
        <body>
        <header><div class="nav">
        <a class="brand" href="/?lang={{lang}}">{{referendumTitle}}</a>
        <a href="/booth">{{t.nav_booth}}</a>
        <a href="/tracker">{{t.nav_tracker}}</a>
        <a href="/results">{{t.nav_results}}</a>
        <a href="/observer">{{t.nav_observer}}</a>
        <a href="/audit">{{t.nav_audit}}</a>
        <span class="langs">{{#languages}}<a href="?lang={{code}}" class="{{#current}}current{{/current}}" hreflang="{{code}}">{{name}}</a> {{/languages}}</span>
        </div></header>
        <main>
        {{#error}}<div class="message" role="alert"><strong>{{t.error}}:</strong> {{error}}</div>{{/error}}
        """

    static let foot = """
        </main>
        </body>
        </html>
        """
}
