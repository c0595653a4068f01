import { defineRule, RuleContext } from './support/rule';
import { show } from './support/message';
import { whereIs } from './support/values';
import { hasSsoValidator } from './support/server-release';

/**
 * `initialAdmins` (server `adminPrincipals`, env AUTHORIZER_ADMIN_PRINCIPALS) holds user *names*: the
 * server lower-cases the name it derives from the token (the part before `@`) and marks the user admin
 * when the list contains it; bootstrap creates each entry as `<name>@<principalDomain>` (OpenMetadata
 * DefaultAuthorizer, UserUtil; docs "john.doe from john.doe@example.com").
 * `name:password`: from PR #11463 (OpenMetadata 1.1) to at least 1.4 the whole entry became the user
 * name whatever the provider, so the admin was never made and, with basic login, not even the
 * default admin password worked (OpenMetadata #15518 and #16662 with basic auth, docker and Helm;
 * openmetadata-helm-charts #218); later UserUtil.addUsers splits it again (@ 049f17d2), but the
 * password is then plain text in the deployment's files: an error for every provider.
 * An empty entry or an empty list leaves nobody admin (#22675, openmetadata-helm-charts #316; server
 * validation "At least one admin principal is required", SystemRepository). A bot in the list was
 * promoted to admin and lost its auth mechanism, so every ingestion job using it failed (#12610);
 * newer servers refuse ("Bot user cannot be promoted", UserUtil): an error too.
 */
const BOT_NAME = /(^|[-_.])bot$|applicationbot$/i;
const ADMINS = ['authorizer', 'initialAdmins'];
const WHOLE_ENTRY =
  'OpenMetadata 1.1 to at least 1.4 take the whole entry as the user name, create an admin named after it, password included, ' +
  'and {{user}} never becomes admin';
const PASSWORD_ADVICE =
  'On any version the password sits in plain text in {{where}}. Write only {{user}} and set the password after the first login.';

export default defineRule({
  id: 'initial-admins',
  severity: 'error',
  description: 'initialAdmins entries that never make anyone admin: empty, name:password, bots, emails, case.',
  messages: {
    emptyList:
      '{{key}} is empty, so no user becomes admin at first start and nobody can manage OpenMetadata; ' +
      'list at least one user name (e.g. "jane.doe" for jane.doe@your email domain).{{validator}}',
    emptyEntry: 'An empty {{key}} entry names no user; remove it or write a user name.',
    spaces:
      '{{entry}} contains spaces; user names derived from a login never do, so this admin never matches anyone. Write the bare user name.',
    upperCase:
      '{{entry}} has upper-case letters, but OpenMetadata lower-cases user names before comparing, so it never matches; write {{lowerCase}}.',
    bot:
      '{{entry}} looks like a bot; bots cannot be admins: older servers promoted the bot and dropped its token, so every ingestion ' +
      'job that uses it failed, and newer ones refuse it. List people only.',
    password: `The {{key}} entry for {{user}} has the "name:password" form: ${WHOLE_ENTRY}. ${PASSWORD_ADVICE}`,
    passwordBasic:
      `The {{key}} entry for {{user}} has the "name:password" form: ${WHOLE_ENTRY}, and not even the default admin password ` +
      `worked any more. ${PASSWORD_ADVICE}`,
    email:
      '{{key}} takes user names, not emails: OpenMetadata compares the part of the login before "@" ({{user}}) ' +
      'with this list, so {{entry}} never matches. Write {{user}}.',
    emailOtherDomain:
      '{{key}} takes user names, not emails: OpenMetadata compares the part of the login before "@" ({{user}}) ' +
      'with this list, so {{entry}} never matches (its domain {{domain}} also differs from {{principalDomainKey}} {{principalDomain}}, ' +
      '{{principalDomainWhere}}). Write {{user}}.',
  },
  check(ctx) {
    const admins = ctx.get(ADMINS);
    if (!Array.isArray(admins)) return;
    if (admins.length === 0) {
      // SystemRepository.validateAuthorizerConfiguration (1.10+) refuses every save of Settings > SSO with no admin.
      const validator = hasSsoValidator(ctx) ? ' Settings > SSO also refuses every save ("At least one admin principal is required").' : '';
      ctx.report({ at: ADMINS, target: 'key', messageId: 'emptyList', data: { key: ctx.keyName(ADMINS), validator } });
      return;
    }
    admins.forEach((entry, index) => {
      if (typeof entry === 'string') checkEntry(ctx, entry, index);
    });
  },
});

function checkEntry(ctx: RuleContext, entry: string, index: number): void {
  const at = [...ADMINS, index];
  const name = entry.trim();
  if (name === '') {
    ctx.report({ at, messageId: 'emptyEntry', data: { key: ctx.keyName(ADMINS) } });
    return;
  }
  if (name.includes(':')) {
    reportPassword(ctx, at, name.slice(0, name.indexOf(':')));
    return;
  }
  if (name.includes('@')) {
    reportEmail(ctx, at, name);
    return;
  }
  if (/\s/.test(entry)) {
    ctx.report({ at, severity: 'warn', messageId: 'spaces', data: { entry: show(entry) } });
  } else if (name !== name.toLowerCase()) {
    ctx.report({ at, severity: 'warn', messageId: 'upperCase', data: { entry: show(entry), lowerCase: show(name.toLowerCase()) } });
  }
  if (BOT_NAME.test(name)) {
    ctx.report({ at, messageId: 'bot', data: { entry: show(entry) } });
  }
}

/** Never echo the entry: the part after the colon is a password. */
function reportPassword(ctx: RuleContext, at: (string | number)[], user: string): void {
  const where = ctx.form === 'values' ? 'the values file and the Kubernetes Secret the chart renders' : 'this file';
  const messageId = ctx.provider === 'basic' ? 'passwordBasic' : 'password';
  ctx.report({ at, messageId, data: { key: ctx.keyName(ADMINS), user: show(user), where } });
}

function reportEmail(ctx: RuleContext, at: (string | number)[], entry: string): void {
  const [user, domain] = [entry.slice(0, entry.indexOf('@')), entry.slice(entry.indexOf('@') + 1)];
  const principalDomain = String(ctx.effective(['authorizer', 'principalDomain']) ?? '').trim();
  const data = { key: ctx.keyName(ADMINS), user: show(user.toLowerCase()), entry: show(entry) };
  if (principalDomain && domain.toLowerCase() !== principalDomain.toLowerCase()) {
    ctx.report({
      at,
      severity: 'warn',
      messageId: 'emailOtherDomain',
      data: {
        ...data,
        domain: show(domain),
        principalDomainKey: ctx.keyName(['authorizer', 'principalDomain']),
        principalDomain: show(principalDomain),
        principalDomainWhere: whereIs(ctx, ['authorizer', 'principalDomain']),
      },
    });
  } else {
    ctx.report({ at, severity: 'warn', messageId: 'email', data });
  }
}
