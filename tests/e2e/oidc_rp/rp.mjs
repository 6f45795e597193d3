// A certified OpenID relying party (openid-client, by the author of the OpenID-certified node-oidc-provider)
// against the running mesh: every step Tongban's OP promises, in the way an integrator's app would do it.
// Driven by tests/e2e/test_certified_relying_party.py, which passes the settings in the environment and reads
// one JSON document from stdout: {"steps": {name: {"ok": bool, ...}}}. Nothing here works around the OP: the
// only non-default option is allowInsecureRequests, because the test mesh listens on plain http on loopback.
import * as client from "openid-client";

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const ISSUER = new URL(env("RP_ISSUER"));
const WEB = env("RP_WEB_CLIENT");
const REDIRECT = env("RP_WEB_REDIRECT");
const ORIGIN = new URL(REDIRECT).origin;
const LOGIN = env("RP_LOGIN");
const PASSWORD = env("RP_PASSWORD");
const SYSTEM = env("RP_SYSTEM_CLIENT");
const SYSTEM_SECRET = env("RP_SYSTEM_SECRET");

const steps = {};

// What openid-client says about a failure: ResponseBodyError carries the OAuth error the OP sent; a problem+json
// body would come out as OAUTH_RESPONSE_IS_NOT_JSON instead.
function failure(error) {
  return {
    name: error?.name,
    code: error?.code,
    error: error?.error,
    status: error?.status,
    scheme: error?.cause?.[0]?.scheme,
    challenge: error?.cause?.[0]?.parameters?.error,
    message: String(error?.message ?? error),
  };
}

async function step(name, run) {
  try {
    steps[name] = { ok: true, ...((await run()) ?? {}) };
  } catch (error) {
    steps[name] = { ok: false, ...failure(error) };
  }
}

// The step passes when the call fails with exactly this OAuth error (and status).
async function refused(name, expected, run) {
  try {
    await run();
    steps[name] = { ok: false, message: "the call succeeded" };
  } catch (error) {
    const seen = failure(error);
    const ok = Object.entries(expected).every(([key, value]) => seen[key] === value);
    steps[name] = { ok, expected, ...seen };
  }
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

// Every request of the browser app carries its Origin, as a page on ORIGIN would send it; each answer must allow it.
const corsAnswers = [];
function fromBrowserOrigin(config) {
  config[client.customFetch] = async (url, options) => {
    const response = await fetch(url, { ...options, headers: { ...options.headers, Origin: ORIGIN } });
    corsAnswers.push({ url: String(url), allow: response.headers.get("access-control-allow-origin") });
    return response;
  };
}

// The person at the browser: the login page, its form, the cookies it sets (no JavaScript on the OP's pages).
const cookies = new Map();
function remember(response) {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(";");
    const [name, ...rest] = pair.split("=");
    const value = rest.join("=");
    if (value && !/max-age=0/i.test(header)) cookies.set(name.trim(), value);
    else cookies.delete(name.trim());
  }
}
const cookieHeader = () => [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");

async function browse(url, init = {}) {
  const response = await fetch(url, {
    ...init,
    redirect: "manual",
    headers: { ...(init.headers ?? {}), Cookie: cookieHeader() },
  });
  remember(response);
  return response;
}

const unescape = (text) =>
  text.replaceAll("&quot;", '"').replaceAll("&#x27;", "'").replaceAll("&lt;", "<").replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");

async function logIn(authorizationUrl) {
  const page = await browse(authorizationUrl);
  if (page.status === 302) return new URL(page.headers.get("location")); // single sign-on
  const html = await page.text();
  check(page.status === 200, `login page answered ${page.status}`);
  const pending = html.match(/name="pending" value="([^"]*)"/);
  const action = html.match(/<form method="post" action="([^"]*)"/);
  check(pending && action, "no login form on the page");
  const posted = await browse(unescape(action[1]), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ pending: unescape(pending[1]), login: LOGIN, password: PASSWORD }),
  });
  check(posted.status === 303, `login form answered ${posted.status}`);
  return new URL(posted.headers.get("location"));
}

async function authorizationRequest(web, extra = {}) {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(web, {
    redirect_uri: REDIRECT,
    scope: "openid profile phone",
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    nonce,
    ...extra,
  });
  return { url, checks: { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce } };
}

const insecure = { execute: [client.allowInsecureRequests] }; // plain http on loopback only
let web, system, wrongSecret, wrongBasic;

await step("discovery", async () => {
  web = await client.discovery(ISSUER, WEB, { redirect_uris: [REDIRECT] }, client.None(), insecure);
  system = await client.discovery(ISSUER, SYSTEM, undefined, client.ClientSecretBasic(SYSTEM_SECRET), insecure);
  wrongSecret = await client.discovery(ISSUER, SYSTEM, undefined, client.ClientSecretPost("wrong"), insecure);
  wrongBasic = await client.discovery(ISSUER, SYSTEM, undefined, client.ClientSecretBasic("wrong"), insecure);
  fromBrowserOrigin(web);
  const metadata = web.serverMetadata();
  check(metadata.issuer === ISSUER.href.replace(/\/$/, ""), `issuer ${metadata.issuer}`);
  check(metadata.code_challenge_methods_supported.includes("S256"), "S256 not advertised");
  return { issuer: metadata.issuer };
});

let first, firstCallback, firstChecks;
await step("authorization_code_pkce", async () => {
  const request = await authorizationRequest(web);
  firstChecks = request.checks;
  firstCallback = await logIn(request.url);
  first = await client.authorizationCodeGrant(web, firstCallback, { ...request.checks, idTokenExpected: true });
  check(first.access_token && first.refresh_token && first.id_token, "tokens missing");
  return { scope: first.scope, expires_in: first.expires_in };
});

await step("id_token_validated", async () => {
  // authorizationCodeGrant verified signature (JWKS), iss, aud, exp, iat, nonce, azp; these are what it returned
  const claims = first.claims();
  check(claims.nonce === firstChecks.expectedNonce, "nonce");
  check(claims.aud === WEB || claims.aud.includes(WEB), "aud");
  check(["1", "2", "3"].includes(claims.acr), `acr ${claims.acr}`);
  return { sub: claims.sub, acr: claims.acr, tb_kind: claims.tb_kind };
});

await step("userinfo", async () => {
  const info = await client.fetchUserInfo(web, first.access_token, first.claims().sub);
  check(info.id_number_masked && !info.id_number_masked.includes(LOGIN), "identifiers must be masked");
  return { sub: info.sub, tb_kind: info.tb_kind };
});


let rotated;
await step("refresh_rotation", async () => {
  rotated = await client.refreshTokenGrant(web, first.refresh_token);
  check(rotated.refresh_token && rotated.refresh_token !== first.refresh_token, "refresh token not rotated");
  check(rotated.access_token !== first.access_token, "same access token");
});
await refused("error_refresh_reuse_is_invalid_grant", { code: "OAUTH_RESPONSE_BODY_ERROR", error: "invalid_grant", status: 400 },
  () => client.refreshTokenGrant(web, first.refresh_token));
await refused("refresh_reuse_revoked_the_family", { error: "invalid_grant" },
  () => client.refreshTokenGrant(web, rotated.refresh_token));

// A replayed code is refused (and what it issued is revoked, RFC 6749 §4.1.2; here already revoked above).
await refused("error_code_replayed_is_invalid_grant", { code: "OAUTH_RESPONSE_BODY_ERROR", error: "invalid_grant" },
  () => client.authorizationCodeGrant(web, firstCallback, { ...firstChecks, idTokenExpected: true }));

let second;
await step("single_sign_on", async () => {
  const request = await authorizationRequest(web);
  const callback = await logIn(request.url); // the OP's session cookie answers without the form
  second = await client.authorizationCodeGrant(web, callback, { ...request.checks, idTokenExpected: true });
  check(second.claims().sub === first.claims().sub, "another subject");
});

await step("introspection", async () => {
  const active = await client.tokenIntrospection(system, second.access_token);
  check(active.active === true && active.sub === second.claims().sub, "not active");
  const unknown = await client.tokenIntrospection(system, "no-such-token");
  check(unknown.active === false, "unknown token active");
  return { client_id: active.client_id, scope: active.scope };
});

await step("revocation", async () => {
  await client.tokenRevocation(web, second.access_token);
  await client.tokenRevocation(web, second.refresh_token, { token_type_hint: "refresh_token" });
  await client.tokenRevocation(web, "no-such-token"); // RFC 7009: unknown tokens are fine too
  const after = await client.tokenIntrospection(system, second.access_token);
  check(after.active === false, "revoked token still active");
});
await refused("revoked_refresh_token_is_invalid_grant", { error: "invalid_grant" },
  () => client.refreshTokenGrant(web, second.refresh_token));
await refused("error_revoked_access_token_at_userinfo", { code: "OAUTH_WWW_AUTHENTICATE_CHALLENGE", challenge: "invalid_token" },
  () => client.fetchUserInfo(web, second.access_token, client.skipSubjectCheck));
await refused("error_id_token_revocation_is_unsupported_token_type", { error: "unsupported_token_type" },
  () => client.tokenRevocation(web, second.id_token));

await step("client_credentials", async () => {
  const grant = await client.clientCredentialsGrant(system);
  check(grant.access_token && !grant.refresh_token, "client credentials grant");
  const active = await client.tokenIntrospection(system, grant.access_token);
  check(active.active === true && active.sub === SYSTEM, "system token not active");
  return { scope: grant.scope };
});
await refused("error_wrong_secret_is_invalid_client", { code: "OAUTH_RESPONSE_BODY_ERROR", error: "invalid_client", status: 401 },
  () => client.clientCredentialsGrant(wrongSecret));
// RFC 6749 §5.2: with HTTP Basic the 401 carries a Basic challenge, which openid-client reports as such; the
// body still says invalid_client.
await step("error_wrong_basic_secret_is_a_basic_challenge", async () => {
  try {
    await client.clientCredentialsGrant(wrongBasic);
  } catch (error) {
    const body = await error.response.json();
    check(error.code === "OAUTH_WWW_AUTHENTICATE_CHALLENGE" && error.cause[0].scheme === "basic", error.code);
    check(body.error === "invalid_client", `body ${JSON.stringify(body)}`);
    return { code: error.code, error: body.error };
  }
  throw new Error("the call succeeded");
});
await refused("error_scope_beyond_grant_is_invalid_scope", { error: "invalid_scope", status: 400 },
  () => client.clientCredentialsGrant(system, { scope: "identity:admin-everything" }));
await refused("error_public_client_credentials_is_unauthorized_client", { error: "unauthorized_client" },
  () => client.clientCredentialsGrant(web));
await refused("error_introspection_wrong_secret_is_invalid_client", { error: "invalid_client", status: 401 },
  () => client.tokenIntrospection(wrongSecret, "x"));
await refused("error_prompt_none_without_session_is_login_required", { error: "login_required" }, async () => {
  cookies.clear();
  const request = await authorizationRequest(web, { prompt: "none" });
  const answer = await browse(request.url);
  await client.authorizationCodeGrant(web, new URL(answer.headers.get("location")), request.checks);
});

await step("cors_for_the_registered_origin", async () => {
  const refusedAnswers = corsAnswers.filter((answer) => answer.allow !== ORIGIN);
  check(corsAnswers.length >= 10, `only ${corsAnswers.length} calls from the browser origin`);
  check(refusedAnswers.length === 0, `no CORS allow for ${JSON.stringify(refusedAnswers)}`);
  return { calls: corsAnswers.length };
});

process.stdout.write(JSON.stringify({ steps }) + "\n");
