import { defineRule } from './support/rule';
import { forEachString } from './support/helpers';
import { isHelmModel } from '../layouts/model';

/**
 * `${VAR:-default}` is Dropwizard substitution inside the server's openmetadata.yaml. Helm does not
 * expand it: the chart writes the text into an env var verbatim, so the server receives the literal
 * string (chart `templates/secrets.yaml` @ 1.13.1; the SAML Kubernetes docs page ships such values,
 * test/corpus/docs/v1.10.x-SNAPSHOT/saml-1.yaml).
 */
const SUBSTITUTION = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/;

export default defineRule({
  id: 'no-env-substitution',
  severity: 'error',
  description: 'openmetadata.yaml `${VAR:-default}` syntax inside Helm values, where it is passed through literally.',
  check(ctx) {
    // In openmetadata.yaml and env files the server does expand it (the server layout evaluates it).
    if (!isHelmModel(ctx.model)) return;
    forEachString(ctx, ctx.model.config, (path, text) => {
      const match = SUBSTITUTION.exec(text);
      if (!match) return;
      const fallback = match[2] !== undefined ? ` (its default here is ${match[2].trim() || 'empty'})` : '';
      ctx.report({
        at: path,
        message:
          `"\${${match[1]}…}" is openmetadata.yaml syntax; Helm does not expand it and the server gets the text ` +
          `literally. Write the value itself${fallback}.`,
      });
    });
  },
});
