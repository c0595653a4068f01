/**
 * Generates the benchmark inputs into bench/out/ (gitignored), deterministically (seeded PRNG):
 *   one/values.yaml               one OpenMetadata values file with mistakes (the pre-commit case)
 *   k1/team-NN/values-NNNN.yaml   1 000 files, the mix below (a CI run over a values repository)
 *   k10/team-NN/values-NNNN.yaml  10 000 files, the same mix
 *   d10/team-NN/values-NNNN.yaml  10 000 OpenMetadata values files, half of them with one or two
 *                                 mistakes (about nine findings a file, info included): a repository
 *                                 that has findings, as real ones do
 *   big/values.yaml               one ~5 MB umbrella values file: hundreds of unrelated subcharts + the auth sections
 * Mix: 20 % other charts without any auth word, 10 % other charts whose text holds an auth word
 * (they pass a text prefilter and must be parsed), 40 % valid OpenMetadata values (Helm and umbrella
 * layouts, every provider), 30 % OpenMetadata values with one or two of the mistakes the rules catch
 * (a few of them with YAML syntax errors). Average size ~4 KB, like the chart's own values.yaml.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const OUT = path.join(__dirname, 'out');
const GENERATOR_VERSION = '4';

function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Gen {
  constructor(seed) {
    this.random = prng(seed);
  }
  int(min, max) {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  pick(list) {
    return list[Math.floor(this.random() * list.length)];
  }
  chance(p) {
    return this.random() < p;
  }
  hex(n) {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[this.int(0, 15)];
    return s;
  }
  guid() {
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${this.pick(['8', '9', 'a', 'b'])}${this.hex(3)}-${this.hex(12)}`;
  }
}

const COMPANIES = ['acme', 'globex', 'initech', 'umbrella-corp', 'hooli', 'stark-ind', 'wayne-ent', 'tyrell', 'cyberdyne', 'soylent'];
const ENVS = ['dev', 'staging', 'prod', 'qa', 'sandbox', 'eu-prod', 'us-prod'];
const PROVIDERS = ['google', 'okta', 'azure', 'auth0', 'custom-oidc', 'aws-cognito', 'ldap', 'saml', 'basic'];

function indent(text, spaces) {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((line) => (line.length > 0 ? pad + line : line))
    .join('\n');
}

/** Values every OpenMetadata chart values file carries besides the auth sections. */
function omChartBody(g, ctx) {
  const extraEnvs = [];
  for (let i = 0, n = g.int(1, 6); i < n; i++) {
    extraEnvs.push(`- name: ${g.pick(['OPENMETADATA_CLUSTER_NAME', 'LOG_LEVEL', 'SERVER_HOST_API_URL', 'OM_SM_REGION', 'PIPELINE_SERVICE_CLIENT_VERIFY_SSL', 'EVENT_MONITOR', 'MIGRATION_LIMIT_PARAM'])}\n  value: "${g.pick(['INFO', ctx.env, 'eu-west-1', 'no-ssl', 'prometheus', '1200', `https://${ctx.host}/api`])}"`);
  }
  const hosts = [];
  for (let i = 0, n = g.int(1, 3); i < n; i++) hosts.push(i === 0 ? ctx.host : `${g.pick(['om', 'catalog', 'metadata'])}-${i}.${ctx.company}.io`);
  return {
    top: `# OpenMetadata ${ctx.env} values for ${ctx.company} (chart 1.${g.int(3, 13)}.${g.int(0, 5)})
replicaCount: ${g.int(1, 3)}
image:
  repository: docker.getcollate.io/openmetadata/server
  pullPolicy: IfNotPresent
  tag: "1.${g.int(3, 9)}.${g.int(0, 9)}"
imagePullSecrets: []
nameOverride: ""
fullnameOverride: ""
`,
    configBefore: `upgradeMigrationConfigs:
  debug: false
  additionalArgs: ""
deployPipelinesConfig:
  enabled: ${g.pick(['true', 'false'])}
  debug: false
reindexConfig:
  enabled: false
clusterName: ${ctx.company}-${ctx.env}
logLevel: ${g.pick(['INFO', 'DEBUG', 'WARN'])}
openmetadata:
  host: "0.0.0.0"
  uri: "http://openmetadata:8585"
  port: 8585
  adminPort: 8586
elasticsearch:
  enabled: true
  host: ${g.pick(['opensearch', 'elasticsearch', `search.${ctx.company}.internal`])}
  searchType: ${g.pick(['opensearch', 'elasticsearch'])}
  port: 9200
  scheme: ${g.pick(['http', 'https'])}
  clusterAlias: ""
  size: 10000
  connectionTimeoutSecs: 5
  socketTimeoutSecs: 60
  batchSize: ${g.pick([10, 50, 100])}
  searchIndexMappingLanguage: "EN"
  keepAliveTimeoutSecs: 600
  trustStore:
    enabled: false
    path: ""
    password:
      secretRef: "elasticsearch-truststore-secrets"
      secretKey: "openmetadata-elasticsearch-truststore-password"
  auth:
    enabled: ${g.pick(['true', 'false'])}
    username: "elastic"
    password:
      secretRef: elasticsearch-secrets
      secretKey: openmetadata-elasticsearch-password
database:
  enabled: true
  host: ${g.pick(['mysql', 'postgresql', `db-${ctx.env}.${ctx.company}.internal`])}
  port: ${g.pick([3306, 5432])}
  driverClass: ${g.pick(['com.mysql.cj.jdbc.Driver', 'org.postgresql.Driver'])}
  dbScheme: ${g.pick(['mysql', 'postgresql'])}
  databaseName: openmetadata_db
  auth:
    username: openmetadata_user
    password:
      secretRef: mysql-secrets
      secretKey: openmetadata-mysql-password
  dbParams: "allowPublicKeyRetrieval=true&useSSL=${g.pick(['true', 'false'])}&serverTimezone=UTC"
pipelineServiceClientConfig:
  enabled: true
  className: "org.openmetadata.service.clients.pipeline.airflow.AirflowRESTClient"
  apiEndpoint: http://openmetadata-dependencies-web:8080
  metadataApiEndpoint: http://openmetadata:8585/api
  ingestionIpInfoEnabled: false
  hostIp: ""
  healthCheckInterval: 300
  verifySsl: "no-ssl"
  sslCertificatePath: "/no/path"
  auth:
    enabled: true
    username: admin
    password:
      secretRef: airflow-secrets
      secretKey: openmetadata-airflow-password
`,
    configAfter: `eventMonitor:
  enabled: true
  type: prometheus
  batchSize: 10
  pathPattern: ["/api/v1/tables/*", "/api/v1/health-check"]
  latency: []
secretsManager:
  enabled: ${g.pick(['true', 'false'])}
  provider: ${g.pick(['db', 'managed-aws', 'managed-azure-kv'])}
  prefix: "${ctx.company}"
  tags: []
  additionalParameters:
    enabled: false
    region: "eu-west-1"
web:
  enabled: true
  uriPath: "/api"
  hsts:
    enabled: false
    maxAge: "365 days"
    includeSubDomains: "true"
    preload: "true"
  frameOptions:
    enabled: false
    option: "SAMEORIGIN"
`,
    bottom: `networkPolicy:
  enabled: false
podSecurityContext:
  runAsUser: 1000
  fsGroup: 1000
securityContext: {}
service:
  type: ClusterIP
  port: 8585
  adminPort: 8586
ingress:
  enabled: true
  className: "nginx"
  annotations:
    cert-manager.io/cluster-issuer: letsencrypt-prod
    nginx.ingress.kubernetes.io/proxy-body-size: 50m
  hosts:
${hosts.map((h) => `    - host: ${h}\n      paths:\n        - path: /\n          pathType: ImplementationSpecific`).join('\n')}
  tls:
    - secretName: openmetadata-${ctx.env}-tls
      hosts:
${hosts.map((h) => `        - ${h}`).join('\n')}
extraEnvs:
${indent(extraEnvs.join('\n'), 2)}
extraVolumes: []
extraVolumeMounts: []
resources:
  limits:
    cpu: ${g.int(1, 4)}
    memory: ${g.pick(['4Gi', '6Gi', '8Gi'])}
  requests:
    cpu: ${g.pick(['500m', '1', '2'])}
    memory: ${g.pick(['2Gi', '4Gi'])}
nodeSelector: {}
tolerations: []
affinity: {}
${g.chance(0.5) ? '' : `livenessProbe:
  initialDelaySeconds: 60
  periodSeconds: 30
  failureThreshold: 5
  httpGet:
    path: /healthcheck
    port: http-admin
readinessProbe:
  initialDelaySeconds: 60
  periodSeconds: 30
  failureThreshold: 5
  httpGet:
    path: /
    port: http
`}`,
  };
}

/** The auth sections for a provider, as a correct configuration would write them. */
function authSections(g, ctx) {
  const domain = `${ctx.company}.io`;
  const admins = ['admin', g.pick(['jane.doe', 'omar.haddad', 'li.wei', 'ana.souza']), g.pick(['data-platform', 'sre-bot', 'k.tanaka'])];
  const ownJwks = `https://${ctx.host}/api/v1/system/config/jwks`;
  const tenant = g.guid();
  const clientId = ctx.provider === 'google' ? `${g.int(100000000000, 999999999999)}-${g.hex(32)}.apps.googleusercontent.com` : g.guid();
  const confidential = ['google', 'okta', 'azure', 'auth0', 'custom-oidc'].includes(ctx.provider) && g.chance(0.5);
  const idp = {
    google: { authority: 'https://accounts.google.com', jwks: 'https://www.googleapis.com/oauth2/v3/certs', discovery: 'https://accounts.google.com/.well-known/openid-configuration' },
    okta: { authority: `https://${ctx.company}.okta.com/oauth2/default`, jwks: `https://${ctx.company}.okta.com/oauth2/default/v1/keys`, discovery: `https://${ctx.company}.okta.com/oauth2/default/.well-known/openid-configuration` },
    azure: { authority: `https://login.microsoftonline.com/${tenant}`, jwks: `https://login.microsoftonline.com/${tenant}/discovery/v2.0/keys`, discovery: `https://login.microsoftonline.com/${tenant}/v2.0/.well-known/openid-configuration` },
    auth0: { authority: `https://${ctx.company}.eu.auth0.com/`, jwks: `https://${ctx.company}.eu.auth0.com/.well-known/jwks.json`, discovery: `https://${ctx.company}.eu.auth0.com/.well-known/openid-configuration` },
    'custom-oidc': { authority: `https://sso.${domain}/realms/data`, jwks: `https://sso.${domain}/realms/data/protocol/openid-connect/certs`, discovery: `https://sso.${domain}/realms/data/.well-known/openid-configuration` },
    'aws-cognito': { authority: `https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_${g.hex(9)}`, jwks: `https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_${g.hex(9)}/.well-known/jwks.json`, discovery: '' },
  }[ctx.provider];
  const authorizer = `authorizer:
  className: "org.openmetadata.service.security.DefaultAuthorizer"
  containerRequestFilter: "org.openmetadata.service.security.JwtFilter"
  initialAdmins:
${admins.map((a) => `    - "${a}"`).join('\n')}
  allowedEmailRegistrationDomains:
    - "${domain}"
  principalDomain: "${domain}"
  enforcePrincipalDomain: ${g.pick(['true', 'false'])}
  enableSecureSocketConnection: false
`;
  let authentication = `authentication:
  provider: "${ctx.provider}"
`;
  if (idp) {
    authentication += `  clientType: ${confidential ? 'confidential' : 'public'}
  publicKeys:
    - "${ownJwks}"
    - "${idp.jwks}"
  authority: "${idp.authority}"
  clientId: "${clientId}"
  callbackUrl: "https://${ctx.host}/callback"
  jwtPrincipalClaims:
    - "email"
    - "preferred_username"
    - "sub"
  enableSelfSignup: ${g.pick(['true', 'false'])}
`;
    if (confidential) {
      authentication += `  oidcConfiguration:
    enabled: true
    oidcType: "${ctx.provider === 'custom-oidc' ? 'custom' : ctx.provider}"
    clientId:
      secretRef: oidc-secrets
      secretKey: openmetadata-oidc-client-id
    clientSecret:
      secretRef: oidc-secrets
      secretKey: openmetadata-oidc-client-secret
    scope: "openid email profile"
    discoveryUri: "${idp.discovery}"
    useNonce: true
    preferredJwsAlgorithm: RS256
    responseType: code
    disablePkce: true
    callbackUrl: https://${ctx.host}/callback
    serverUrl: https://${ctx.host}
${ctx.provider === 'azure' ? `    tenant: "${tenant}"\n` : ''}`;
    }
  } else if (ctx.provider === 'ldap') {
    authentication += `  publicKeys:
    - "${ownJwks}"
  enableSelfSignup: false
  ldapConfiguration:
    host: ldap.${domain}
    port: 636
    dnAdminPrincipal: "cn=admin,dc=${ctx.company},dc=io"
    dnAdminPassword:
      secretRef: ldap-admin-secret
      secretKey: openmetadata-ldap-secret
    userBaseDN: "ou=people,dc=${ctx.company},dc=io"
    mailAttributeName: mail
    maxPoolSize: 3
    sslEnabled: true
    truststoreConfigType: TrustAll
    trustStoreConfig:
      trustAllConfig:
        examineValidityDates: true
`;
  } else if (ctx.provider === 'saml') {
    authentication += `  publicKeys:
    - "${ownJwks}"
  saml:
    debugMode: false
    idp:
      entityId: "https://sts.windows.net/${tenant}/"
      ssoLoginUrl: "https://login.microsoftonline.com/${tenant}/saml2"
      idpX509Certificate:
        secretRef: saml-secrets
        secretKey: idp-certificate
      authorityUrl: "https://${ctx.host}/api/v1/saml/login"
      nameId: "urn:oasis:names:tc:SAML:2.0:nameid-format:emailAddress"
    sp:
      entityId: "https://${ctx.host}/api/v1/saml/metadata"
      acs: "https://${ctx.host}/api/v1/saml/acs"
      callback: "https://${ctx.host}/saml/callback"
    security:
      strictMode: true
      tokenValidity: 3600
      wantAssertionsSigned: true
`;
  } else {
    authentication += `  publicKeys:
    - "${ownJwks}"
    - "http://openmetadata:8585/api/v1/system/config/jwks"
  enableSelfSignup: ${g.pick(['true', 'false'])}
`;
  }
  const jwt = `jwtTokenConfiguration:
  enabled: true
  rsapublicKeyFilePath: "./conf/public_key.der"
  rsaprivateKeyFilePath: "./conf/private_key.der"
  jwtissuer: "${domain}"
  keyId: "${g.guid()}"
fernetkey:
  secretRef: fernet-secrets
  secretKey: fernet-key
`;
  return `${authorizer}${authentication}${jwt}`;
}

/** One or two mistakes the rules catch, applied to correct auth sections. */
const MISTAKES = [
  (g, s) => s.replace(/ {4}- "https:\/\/[^"]*\/api\/v1\/system\/config\/jwks"\n/, ''), // jwks-public-key (when an IdP key remains)
  (g, s) => s.replace(/clientId: "[^"]*"/, 'clientId: "{Client ID}"'), // no-placeholders
  (g, s) => s.replace(/principalDomain: "[^"]*"/, 'principalDomain: "<your-domain>"'),
  (g, s) => s.replace(/authority: "[^"]*"/, 'authority: "${AUTHENTICATION_AUTHORITY:-https://accounts.google.com}"'), // no-env-substitution
  (g, s) => s.replace('    enabled: true\n    oidcType', '    oidcConfiguration.enabled: true\n    oidcType'), // no-dotted-keys
  (g, s) => s.replace(/( {2}provider: "[^"]*"\n)/, `$1  provider: "${g.pick(PROVIDERS)}"\n`), // no-duplicate-keys
  (g, s) => s.replace('  publicKeys:\n', '  publicKeyUrls:\n'), // no-unknown-keys (server name)
  (g, s) => s.replace('  callbackUrl:', '  callbackURL:'), // no-unknown-keys (typo)
  (g, s) => s.replace(/enableSelfSignup: (true|false)/, 'enableSelfSignup: "$1"'), // valid-schema
  (g, s) => s.replace(/clientType: (public|confidential)/, 'clientType: Confidential'), // valid-schema enum
  (g, s) => s.replace('/api/v1/system/config/jwks', '/api/v1/config/jwks'), // no-legacy-layout
  (g, s) => s.replace('enableSecureSocketConnection: false\n', 'enableSecureSocketConnection: false\n  botPrincipals:\n    - ingestion-bot\n'),
  (g, s) => s.replace(/authority: "([^"]*)"/, 'authority: "$1'), // yaml-syntax: unterminated quote
  (g, s) => s.replace(/discoveryUri: "/, 'discoveryUri:"'), // yaml-syntax (as in the keycloak docs page)
];

/** `mistakes`: how many random ones, or the list of MISTAKES indexes to apply. */
function omValues(g, ctx, mistakes, layout = g.random()) {
  let auth = authSections(g, ctx);
  const chosen = Array.isArray(mistakes)
    ? mistakes
    : // The last two mistakes break the YAML; keep them rare.
      Array.from({ length: mistakes }, () => (g.chance(0.1) ? g.int(MISTAKES.length - 2, MISTAKES.length - 1) : g.int(0, MISTAKES.length - 3)));
  for (const index of chosen) auth = MISTAKES[index](g, auth);
  const body = omChartBody(g, ctx);
  if (layout < 0.75) {
    return `${body.top}openmetadata:\n  config:\n${indent(body.configBefore + auth + body.configAfter, 4)}\n${body.bottom}`;
  }
  if (layout < 0.95) {
    const name = g.pick(['catalog', 'openmetadata-stack', 'metadata']);
    return `# Umbrella chart: OpenMetadata as dependency "${name}"\nglobal:\n  storageClass: gp3\n${name}:\n${indent(`${body.top}openmetadata:\n  config:\n${indent(body.configBefore + auth + body.configAfter, 4)}\n${body.bottom}`, 2)}\n`;
  }
  return `${body.top}global:\n${indent(auth, 2)}\n${body.bottom}`; // pre-1.0 layout
}

function otherChart(g, ctx, withAuthWord) {
  const kind = g.pick(['postgresql', 'airflow', 'grafana', 'redis', 'superset']);
  const lines = [`# ${kind} values for ${ctx.company} ${ctx.env}`];
  lines.push(`image:\n  registry: docker.io\n  repository: bitnami/${kind}\n  tag: ${g.int(10, 16)}.${g.int(0, 9)}.${g.int(0, 20)}\n  pullPolicy: IfNotPresent`);
  lines.push(`fullnameOverride: ${kind}-${ctx.env}`);
  if (withAuthWord) {
    lines.push(
      g.pick([
        `# LDAP authentication is configured in the ${kind} config map below`,
        `auth:\n  authentication:\n    method: ${g.pick(['md5', 'scram-sha-256', 'password'])}\n  enablePostgresUser: true`,
        `webserver:\n  authenticate: true\n  authorizer: airflow.www.security.FabAirflowSecurityManagerOverride\n  defaultUser:\n    enabled: false`,
      ]),
    );
  }
  for (let i = 0, n = g.int(4, 12); i < n; i++) {
    const name = `${g.pick(['primary', 'replica', 'worker', 'scheduler', 'metrics', 'backup', 'exporter'])}${i}`;
    lines.push(`${name}:
  enabled: ${g.pick(['true', 'false'])}
  replicaCount: ${g.int(1, 5)}
  resources:
    limits:
      cpu: ${g.pick(['250m', '500m', '1'])}
      memory: ${g.pick(['256Mi', '512Mi', '1Gi'])}
  persistence:
    enabled: ${g.pick(['true', 'false'])}
    size: ${g.int(1, 100)}Gi
    storageClass: gp3
  podAnnotations:
    prometheus.io/scrape: "true"
    prometheus.io/port: "${g.int(8000, 9999)}"
  nodeSelector:
    kubernetes.io/os: linux
  env:
    - name: TZ
      value: Europe/Berlin`);
  }
  return `${lines.join('\n')}\n`;
}

function valuesFile(g, env) {
  const company = g.pick(COMPANIES);
  const ctx = { company, env, host: `${g.pick(['openmetadata', 'catalog', 'om', 'metadata'])}.${env}.${company}.io`, provider: g.pick(PROVIDERS) };
  const roll = g.random();
  if (roll < 0.2) return otherChart(g, ctx, false);
  if (roll < 0.3) return otherChart(g, ctx, true);
  if (roll < 0.7) return omValues(g, ctx, 0);
  return omValues(g, ctx, g.int(1, 2));
}

/** The d10 mix: OpenMetadata values only, half clean, half with one or two mistakes. */
function defectsFile(g, env) {
  const company = g.pick(COMPANIES);
  const ctx = { company, env, host: `${g.pick(['openmetadata', 'catalog', 'om', 'metadata'])}.${env}.${company}.io`, provider: g.pick(PROVIDERS) };
  return omValues(g, ctx, g.chance(0.5) ? 0 : g.int(1, 2));
}

function writeSet(name, count, seed, file = valuesFile) {
  const dir = path.join(OUT, name);
  fs.rmSync(dir, { recursive: true, force: true });
  const g = new Gen(seed);
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const team = path.join(dir, `team-${String(Math.floor(i / 100)).padStart(3, '0')}`);
    if (i % 100 === 0) fs.mkdirSync(team, { recursive: true });
    const text = file(g, g.pick(ENVS));
    bytes += Buffer.byteLength(text);
    fs.writeFileSync(path.join(team, `values-${String(i).padStart(5, '0')}.yaml`), text);
  }
  return bytes;
}

/** A config file embedded as a literal block, as big umbrella values files carry them. */
function embeddedConfig(g, service) {
  const lines = [`${service}.name=${service}`];
  for (let i = 0, n = g.int(10, 40); i < n; i++) {
    lines.push(`${service}.${g.pick(['pool', 'cache', 'http', 'jdbc', 'kafka'])}.${g.pick(['size', 'timeout', 'retries', 'url', 'enabled'])}${i}=${g.pick([g.int(1, 9999), 'true', `http://${service}.svc.cluster.local:${g.int(1000, 9999)}/api`])}`);
  }
  return `configFile: |\n${indent(lines.join('\n'), 2)}\n`;
}

/** One ~5 MB umbrella values file: many unrelated subcharts around the OpenMetadata auth sections. */
function writeBig(targetBytes) {
  const g = new Gen(5);
  const ctx = { company: 'acme', env: 'prod', host: 'openmetadata.prod.acme.io', provider: 'azure' };
  const parts = ['# Platform umbrella chart: every service of the data platform in one values file\n'];
  let bytes = 0;
  let i = 0;
  const half = targetBytes / 2;
  let placed = false;
  while (bytes < targetBytes) {
    if (!placed && bytes > half) {
      parts.push(`openmetadata-stack:\n${indent(omValues(g, ctx, [1, 3], 0), 2)}\n`); // a placeholder, a ${VAR} (js-yaml must load it)
      placed = true;
      continue;
    }
    const service = `svc-${String(i++).padStart(4, '0')}`;
    const chunk = `${service}:\n${indent(otherChart(g, ctx, false), 2)}\n${indent(embeddedConfig(g, service), 2)}`;
    parts.push(chunk);
    bytes += chunk.length;
  }
  const dir = path.join(OUT, 'big');
  fs.mkdirSync(dir, { recursive: true });
  const text = parts.join('');
  fs.writeFileSync(path.join(dir, 'values.yaml'), text);
  return Buffer.byteLength(text);
}

function writeOne() {
  const g = new Gen(1);
  const dir = path.join(OUT, 'one');
  fs.mkdirSync(dir, { recursive: true });
  const ctx = { company: 'acme', env: 'prod', host: 'openmetadata.prod.acme.io', provider: 'okta' };
  const text = omValues(g, ctx, [0, 1], 0); // no JWKS of its own, a placeholder client id
  fs.writeFileSync(path.join(dir, 'values.yaml'), text);
  return Buffer.byteLength(text);
}

/** Generates the inputs unless bench/out already holds this generator version's. */
function generate({ force = false } = {}) {
  const stamp = path.join(OUT, '.generated');
  if (!force && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === GENERATOR_VERSION) return readSummary();
  fs.mkdirSync(OUT, { recursive: true });
  const summary = {
    one: { files: 1, bytes: writeOne() },
    k1: { files: 1000, bytes: writeSet('k1', 1000, 1000) },
    k10: { files: 10000, bytes: writeSet('k10', 10000, 10000) },
    d10: { files: 10000, bytes: writeSet('d10', 10000, 20000, defectsFile) },
    big: { files: 1, bytes: writeBig(5 * 1024 * 1024) },
  };
  fs.writeFileSync(path.join(OUT, 'summary.json'), JSON.stringify(summary));
  fs.writeFileSync(stamp, GENERATOR_VERSION);
  return summary;
}

function readSummary() {
  return JSON.parse(fs.readFileSync(path.join(OUT, 'summary.json'), 'utf8'));
}

/** `count` generated values files (the same mix), for test/fast-path.test.ts. */
function sampleValuesFiles(count, seed) {
  const g = new Gen(seed);
  return Array.from({ length: count }, () => valuesFile(g, g.pick(ENVS)));
}

module.exports = { generate, sampleValuesFiles, prng, OUT };

if (require.main === module) {
  console.log(generate({ force: process.argv.includes('--force') }));
}
