enum LoginTemplate {
    static let text = """
        {{> head}}
        <h1>{{t.login_title}}</h1>
        <div class="card">
        <p class="muted">{{t.login_needed}} <strong>{{neededRole}}</strong>.</p>
        <form method="post" action="/login">
        <input type="hidden" name="next" value="{{next}}">
        <label for="token">{{t.login_token}}</label>
        <input type="password" id="token" name="token" autocomplete="off" required>
        {{#askDevice}}
        <label for="device">{{t.login_device}}</label>
        <input type="text" id="device" name="device" value="{{device}}" required>
        {{/askDevice}}
        <div><button type="submit" id="login">{{t.login_submit}}</button></div>
        </form>
        </div>
        {{> foot}}
        """
}
