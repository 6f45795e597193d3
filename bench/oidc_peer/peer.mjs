// The token peer of `make bench` (issue 21): oidc-provider, the certified OpenID Provider for Node.js
// (panva/node-oidc-provider), issuing client-credentials grants as ES256-signed JWT access tokens (RFC 9068)
// to the same client, with the same secret and scopes, as Tongban's identity service. In-memory adapter (the
// default): JWT access tokens are not stored, so neither side reaches a database on this grant beyond its own
// client lookup. Usage: node peer.mjs PORT CLIENT_ID CLIENT_SECRET "SCOPE ..."
import { generateKeyPairSync } from 'node:crypto';
import Provider from 'oidc-provider';

const [port, clientId, clientSecret, scope] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;
const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const jwk = { ...privateKey.export({ format: 'jwk' }), alg: 'ES256', use: 'sig', kid: 'bench-es256' };

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'client_secret_basic',
      scope,
    },
  ],
  clientDefaults: { id_token_signed_response_alg: 'ES256' },
  jwks: { keys: [jwk] },
  scopes: scope.split(' '),
  ttl: { ClientCredentials: 600 },
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => 'urn:tongban',
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({
        scope,
        audience: 'tongban',
        accessTokenTTL: 600,
        accessTokenFormat: 'jwt',
        jwt: { sign: { alg: 'ES256' } },
      }),
    },
  },
});

const server = provider.listen(Number(port), '127.0.0.1', () => {
  console.log(`oidc-provider listening on ${issuer}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
