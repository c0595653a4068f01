import { defineRule } from './support/rule';
import { forEachString, parseHttpUrl } from './support/helpers';
import { show } from './support/message';

/**
 * Template text copied from the docs and never filled in (OpenMetadata PR #22070: an Azure tenant left as
 * `{tenantid}` broke pac4j; the Azure Kubernetes docs page itself ships `{your domain}`).
 */
const PLACEHOLDERS: { pattern: RegExp; what: string }[] = [
  { pattern: /\{\s*[A-Za-z][^{}"':]*\}/, what: 'a {…} placeholder' },
  { pattern: /<\s*[A-Za-z][\w .-]*>/, what: 'a <…> placeholder' },
  { pattern: /\bYOUR_[A-Z0-9_]+/, what: 'a YOUR_… placeholder' },
  { pattern: /\byour[-_ ]?(domain|tenant|client|realm|org|organi[sz]ation|company|secret|password|host|server|issuer|app)\b/i, what: 'a "your-…" placeholder' },
  { pattern: /(^|[^A-Za-z])x{3,}($|[^A-Za-z])/i, what: 'an "xxx" placeholder' },
  { pattern: /\bchange[-_ ]?me\b/i, what: 'a "changeme" placeholder' },
];

/**
 * Text without any of these cannot match a PLACEHOLDERS pattern, nor name an example host (a host
 * may be percent-encoded): most values are skipped with one test instead of six and a URL parse.
 */
const MAY_HOLD_PLACEHOLDER = /[{<]|your|xxx|change/i;
const MAY_NAME_EXAMPLE_HOST = /example|%/i;

/** JSON-in-a-string values: their braces are syntax, not placeholders. */
const JSON_VALUED_KEYS = new Set(['customParams', 'authRolesMapping']);

/** Server-YAML `${VAR:-default}` is no-env-substitution's business; look only at what is inside. */
const ENV_SUBSTITUTION = /\$\{[A-Za-z_][A-Za-z0-9_]*(:-)?/g;

/**
 * A template expression (`{{domain}}` of an ApplicationSet, `{{ .Values.host }}`) is filled in by the
 * tool that renders it before Helm reads the value (docs/gitops.md): not docs text left behind.
 */
const TEMPLATE_EXPRESSIONS = /\{\{[\s\S]*?\}\}/g;

export default defineRule({
  id: 'no-placeholders',
  severity: 'error',
  description: 'Template text from the docs (like {Tenant ID} or <your-domain>) left in a value.',
  messages: {
    placeholder: '{{value}} still holds {{what}} from the docs template; replace it with the real value.',
    exampleHost: '{{value}} points at {{host}}, a documentation example host; use your real host.',
  },
  check(ctx) {
    forEachString(ctx, ctx.model.config, (path, text) => {
      if (JSON_VALUED_KEYS.has(String(path.at(-1)))) return;
      const value = MAY_HOLD_PLACEHOLDER.test(text) ? text.replace(TEMPLATE_EXPRESSIONS, '').replace(ENV_SUBSTITUTION, '') : '';
      const placeholder = value === '' ? undefined : PLACEHOLDERS.find(({ pattern }) => pattern.test(value));
      if (placeholder) {
        ctx.report({ at: path, messageId: 'placeholder', data: { value: show(text), what: placeholder.what } });
        return;
      }
      const url = MAY_NAME_EXAMPLE_HOST.test(text) ? ctx.once(parseHttpUrl, text) : undefined;
      if (url && /(^|\.)example\.(com|org|net)$/i.test(url.hostname)) {
        // The host is part of the value, which may be a secret: it is shown (and redacted) like the value.
        ctx.report({ at: path, messageId: 'exampleHost', data: { value: show(text), host: show(url.hostname) } });
      }
    });
  },
});
