import { defineRule } from './support/rule';
import { forEachString } from './support/helpers';
import { show } from './support/message';
import { isHelmModel } from '../layouts/model';

/**
 * `${VAR:-default}` is Dropwizard substitution inside the server's openmetadata.yaml. Helm does not
 * expand it: the chart writes the text into an env var verbatim, so the server receives the literal
 * string (chart `templates/secrets.yaml` @ 1.13.1; the SAML Kubernetes docs page ships such values,
 * test/corpus/docs/v1.10.x-SNAPSHOT/saml-1.yaml).
 */
const SUBSTITUTION = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/;

const NOT_EXPANDED =
  '"${{{variable}}…}" is openmetadata.yaml syntax; Helm does not expand it and the server gets the text literally. Write the value itself';

export default defineRule({
  id: 'no-env-substitution',
  severity: 'error',
  description: 'openmetadata.yaml `${VAR:-default}` syntax inside Helm values, where it is passed through literally.',
  // The variable's name is a name, not a value: it goes in as it is. Its default is a value (a
  // clientSecret's default is the secret), shown for the funnel to redact.
  messages: {
    noDefault: `${NOT_EXPANDED}.`,
    withDefault: `${NOT_EXPANDED} (its default here is {{fallback}}).`,
    emptyDefault: `${NOT_EXPANDED} (its default here is empty).`,
  },
  check(ctx) {
    // In openmetadata.yaml and env files the server does expand it (the server layout evaluates it).
    if (!isHelmModel(ctx.model)) return;
    forEachString(ctx, ctx.model.config, (path, text) => {
      const match = SUBSTITUTION.exec(text);
      if (!match) return;
      const [, variable, written] = match;
      const fallback = written?.trim();
      if (fallback === undefined) ctx.report({ at: path, messageId: 'noDefault', data: { variable } });
      else if (fallback === '') ctx.report({ at: path, messageId: 'emptyDefault', data: { variable } });
      else ctx.report({ at: path, messageId: 'withDefault', data: { variable, fallback: show(unquoted(fallback)) } });
    });
  },
});

/**
 * The default without its quotes (`${VAR:-"text"}`): once the server has substituted it they are
 * YAML's, not part of the value. A default SUBSTITUTION cuts short at a `}` of its own
 * (`"https://{your domain}/…"` gives `"https://{your domain`) has lost its closing quote.
 */
function unquoted(text: string): string {
  return text.replace(/^(["'])([\s\S]*?)\1?$/, '$2');
}
