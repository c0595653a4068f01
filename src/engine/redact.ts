/**
 * Secrets never reach any output: the report funnel replaces every secret value found in the
 * document with «redacted» before a message leaves the engine, whatever a rule wrote.
 */
import type { Plain } from '../types';
import { isPlainMap } from '../source/yaml';

export const REDACTED = '«redacted»';

/** Keys whose string values are secrets (chart and server names alike). */
const SECRET_KEY = /(secret|password|passwd|privatekey|private_key|keystorealias|fernetkey|x509certificate|accesstoken|refreshtoken|bottoken|apikey|api_key|credential)/i;

/** Values that look like secrets wherever they sit. */
const SECRET_VALUE = [
  /-----BEGIN [A-Z ]*(PRIVATE KEY|CERTIFICATE)-----/,
  // Long base64-like tokens with upper case, lower case and digits: generated keys and secrets,
  // unlike client ids (lower case and digits) or URLs (dots and slashes).
  /^(?=.*[A-Z])(?=.*[a-z])(?=.*\d)[A-Za-z0-9+/_-]{32,}={0,2}$/,
];

/** Short values ("", "true", "admin") are not worth redacting and would garble messages. */
const MIN_SECRET_LENGTH = 4;

/** Collects the secret strings of a document. */
export function collectSecrets(document: Plain): Set<string> {
  const secrets = new Set<string>();
  const add = (value: string): void => {
    if (value.trim().length >= MIN_SECRET_LENGTH) secrets.add(value.trim());
  };
  const visit = (value: Plain, underSecretKey: boolean, depth: number): void => {
    if (depth > 64) return;
    if (typeof value === 'string') {
      if (underSecretKey || SECRET_VALUE.some((pattern) => pattern.test(value.trim()))) add(value);
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, underSecretKey, depth + 1);
    } else if (isPlainMap(value)) {
      const isEnv = typeof value.name === 'string' && 'value' in value;
      for (const [key, child] of Object.entries(value)) {
        // secretRef / secretKey name a Secret; they are not secret themselves.
        const namesASecret = key === 'secretRef' || key === 'secretKey';
        // extraEnvs entries: { name: OIDC_CLIENT_SECRET, value: ... }
        const secretEnv = isEnv && key === 'value' && SECRET_KEY.test(String(value.name));
        visit(child, !namesASecret && (underSecretKey || SECRET_KEY.test(key) || secretEnv), depth + 1);
      }
    }
  };
  visit(document, false, 0);
  return secrets;
}

/** Secrets shorter than this that are one plain word are matched as whole words only. */
const WORD_SECRET_MAX = 12;

/**
 * Replaces every secret in `text`, longest first so one secret inside another is fully hidden. A
 * short secret that is a plain word ("secret", the LDAP docs' default password) is replaced only
 * where it stands alone, so it cannot garble the words around it ("fernetkey.secretRef"); any
 * longer secret is replaced wherever it appears.
 */
export function redact(text: string, secrets: ReadonlySet<string>): string {
  if (secrets.size === 0) return text;
  let out = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (!out.includes(secret)) continue;
    if (secret.length >= WORD_SECRET_MAX || !/^[A-Za-z0-9]+$/.test(secret)) {
      out = out.split(secret).join(REDACTED);
    } else {
      out = out.replace(new RegExp(`(?<![A-Za-z0-9])${secret}(?![A-Za-z0-9])`, 'g'), REDACTED);
    }
  }
  return out;
}
