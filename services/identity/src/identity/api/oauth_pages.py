"""The OP's plain HTML pages (Chinese): login, errors, logout confirmation. No scripts, nothing external;
every value is escaped, and the headers forbid framing, caching and referrers."""

from __future__ import annotations

from html import escape
from string import Template
from typing import Any
from urllib.parse import urlsplit

from fastapi.responses import HTMLResponse

__all__ = [
    "FORM_REFUSED",
    "code_login_page",
    "error_page",
    "logged_out_page",
    "login_page",
    "logout_confirm_page",
]

_LAYOUT = Template("""<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>$title</title>
<style>
body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;background:#f3f5f8;margin:0}
main{max-width:24rem;margin:4rem auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002}
h1{font-size:1.3rem;margin:0 0 1rem}label{display:block;margin:.8rem 0 .3rem}
input{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem}
button{margin-top:1.2rem;width:100%;padding:.6rem;font-size:1rem;background:#c0392b;color:#fff;border:0;border-radius:4px}
.error{color:#b00020;background:#fdecea;padding:.6rem;border-radius:4px}.hint{color:#666;font-size:.85rem}
</style>
</head>
<body><main>
$body
</main></body>
</html>
""")

_LOGIN = Template("""<h1>统一身份认证 登录</h1>
<p>「$client」请求使用您的通办账号登录。</p>
$error
<form method="post" action="$action" autocomplete="off">
<input type="hidden" name="pending" value="$pending">
<label for="login">证件号码/用户名</label>
<input id="login" name="login" value="$login" required maxlength="64" autocomplete="username">
<label for="password">密码</label>
<input id="password" name="password" type="password" required maxlength="128" autocomplete="current-password">
<label for="credit_code">统一社会信用代码（以企业身份办事时填写）</label>
<input id="credit_code" name="credit_code" maxlength="18">
<button type="submit">登录</button>
</form>
<p class="hint">居民请输入公民身份号码，工作人员请输入用户名。连续 5 次密码错误，账号将被暂时锁定。</p>
<form method="post" action="$action/codes" autocomplete="off">
<input type="hidden" name="pending" value="$pending">
<label for="code_login">忘记密码或账号被锁定？居民可用登记的手机接收验证码登录：公民身份号码</label>
<input id="code_login" name="login" value="$login" required maxlength="64">
<button type="submit">发送短信验证码</button>
</form>""")

_CODE_LOGIN = Template("""<h1>短信验证码登录</h1>
<p>「$client」请求使用您的通办账号登录。</p>
$notice
<form method="post" action="$action/code" autocomplete="off">
<input type="hidden" name="pending" value="$pending">
<label for="login">公民身份号码</label>
<input id="login" name="login" value="$login" required maxlength="64">
<label for="code">短信验证码</label>
<input id="code" name="code" required maxlength="12" inputmode="numeric" autocomplete="one-time-code">
<label for="credit_code">统一社会信用代码（以企业身份办事时填写）</label>
<input id="credit_code" name="credit_code" maxlength="18">
<button type="submit">登录</button>
</form>""")

_LOGOUT = Template("""<h1>退出登录</h1>
<p>确定要退出统一身份认证吗？退出后，通过本账号登录的应用需要重新登录。</p>
<form method="post" action="$action">
<input type="hidden" name="confirm" value="$csrf">
<input type="hidden" name="client_id" value="$client_id">
<input type="hidden" name="post_logout_redirect_uri" value="$redirect_uri">
<input type="hidden" name="state" value="$state">
<button type="submit">退出登录</button>
</form>""")


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def _page(title: str, body: str, *, status: int = 200, form_targets: tuple[str, ...] = ()) -> HTMLResponse:
    # A form's redirect counts against form-action, so the client's origin is allowed when it follows a post.
    targets = " ".join(dict.fromkeys(origin for origin in map(_origin, form_targets) if origin))
    policy = (
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'; "
        f"form-action 'self' {targets}".rstrip()
    )
    headers = {
        "Cache-Control": "no-store",
        "Pragma": "no-cache",
        "Content-Security-Policy": policy,
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "no-referrer",
        "X-Content-Type-Options": "nosniff",
    }
    return HTMLResponse(
        _LAYOUT.substitute(title=escape(title), body=body), status_code=status, headers=headers
    )


def login_page(
    *,
    action: str,
    pending: str,
    client_name: str,
    redirect_uri: str,
    login: str = "",
    error: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    body = _LOGIN.substitute(
        client=escape(client_name),
        action=escape(action),
        pending=escape(pending),
        login=escape(login),
        error=f'<p class="error" role="alert">{escape(error)}</p>' if error else "",
    )
    return _page("统一身份认证 登录", body, status=status, form_targets=(action, redirect_uri))


def code_login_page(
    *,
    action: str,
    pending: str,
    client_name: str,
    redirect_uri: str,
    login: str,
    notice: str,
    error: bool = False,
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    """Where the code sent to the registered phone is entered (``action`` is the authorization endpoint)."""
    kind = 'class="error" role="alert"' if error else 'class="hint"'
    body = _CODE_LOGIN.substitute(
        client=escape(client_name),
        action=escape(action),
        pending=escape(pending),
        login=escape(login),
        notice=f"<p {kind}>{escape(notice)}</p>",
    )
    page = _page("短信验证码登录", body, status=status, form_targets=(action, redirect_uri))
    page.headers.update(headers or {})
    return page


def error_page(message: str, *, status: int = 400) -> HTMLResponse:
    body = f'<h1>无法完成登录</h1>\n<p class="error">{escape(message)}</p>\n<p>请返回原应用重新发起登录。</p>'
    return _page("统一身份认证", body, status=status)


def logout_confirm_page(
    *, action: str, csrf: str, client_id: str | None, redirect_uri: str | None, state: str | None
) -> HTMLResponse:
    body = _LOGOUT.substitute(
        action=escape(action),
        csrf=escape(csrf),
        client_id=escape(client_id or ""),
        redirect_uri=escape(redirect_uri or ""),
        state=escape(state or ""),
    )
    return _page("退出登录", body, form_targets=(action, redirect_uri or ""))


def logged_out_page() -> HTMLResponse:
    return _page("已退出", "<h1>您已退出统一身份认证</h1>\n<p>可以关闭此页面。</p>")


FORM_REFUSED: dict[int | str, dict[str, Any]] = {
    400: {
        "description": "the page again, saying what was wrong (an expired or unknown login, a bad form or request)",
        "content": {"text/html": {}},
    },
}
"""The OpenAPI answer of a login form refused: its page again, with status 400."""
