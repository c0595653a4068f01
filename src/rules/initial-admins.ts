import { defineRule, RuleContext } from './support/rule';
import { show } from './support/message';
import { whereIs } from './support/values';

/**
 * `initialAdmins` (server `adminPrincipals`) holds user *names*: the server lower-cases the name it
 * derives from the token (the part before `@`) and marks the user admin when the list contains it;
 * bootstrap creates each entry as `<name>@<principalDomain>` (OpenMetadata DefaultAuthorizer,
 * UserUtil; docs "john.doe from john.doe@example.com"). `name:password` is a basic-auth bootstrap
 * feature only; elsewhere the whole entry became the user name on older servers
 * (openmetadata-helm-charts #218, OpenMetadata #15518). An empty entry or an empty list leaves
 * nobody admin (#22675, openmetadata-helm-charts #316; server validation "At least one admin
 * principal is required", SystemRepository). Bots cannot be promoted to admin (#12604, #12610;
 * UserUtil "Bot user cannot be promoted").
 */
const BOT_NAME = /(^|[-_.])bot$|applicationbot$/i;

export default defineRule({
  id: 'initial-admins',
  severity: 'error',
  description: 'initialAdmins entries that can never match a user: empty, name:password, emails, upper case, bots.',
  messages: {
    emptyList:
      'initialAdmins is empty, so no user becomes admin at first start and nobody can manage OpenMetadata; ' +
      'list at least one user name (e.g. "jane.doe" for jane.doe@your email domain).',
    emptyEntry: 'An empty initialAdmins entry names no user; remove it or write a user name.',
    spaces:
      '{{entry}} contains spaces; user names derived from a login never do, so this admin never matches anyone. Write the bare user name.',
    upperCase:
      '{{entry}} has upper-case letters, but OpenMetadata lower-cases user names before comparing, so it never matches; write {{lowerCase}}.',
    bot: '{{entry}} looks like a bot; bots cannot be promoted to admin (the server logs an error and skips it). List people only.',
    passwordBasic:
      'The initialAdmins entry for {{user}} carries a password in plain text (it lands in a Kubernetes Secret and in git). ' +
      'Write only {{user}} and set the password after the first login.',
    passwordNotBasic:
      'The "name:password" form of the entry for {{user}} only works with provider basic; with {{provider}} older servers ' +
      'create a user literally named after the whole entry, password included, and the real {{user}} never becomes admin. Write only {{user}}.',
    email:
      'initialAdmins takes user names, not emails: OpenMetadata compares the part of the login before "@" ({{user}}) ' +
      'with this list, so {{entry}} never matches. Write {{user}}.',
    emailOtherDomain:
      'initialAdmins takes user names, not emails: OpenMetadata compares the part of the login before "@" ({{user}}) ' +
      'with this list, so {{entry}} never matches (its domain {{domain}} also differs from principalDomain {{principalDomain}}, ' +
      '{{principalDomainWhere}}). Write {{user}}.',
  },
  check(ctx) {
    const admins = ctx.get(['authorizer', 'initialAdmins']);
    if (!Array.isArray(admins)) return;
    if (admins.length === 0) {
      ctx.report({ at: ['authorizer', 'initialAdmins'], target: 'key', messageId: 'emptyList' });
      return;
    }
    admins.forEach((entry, index) => {
      if (typeof entry === 'string') checkEntry(ctx, entry, index);
    });
  },
});

function checkEntry(ctx: RuleContext, entry: string, index: number): void {
  const at = ['authorizer', 'initialAdmins', index];
  const name = entry.trim();
  if (name === '') {
    ctx.report({ at, messageId: 'emptyEntry' });
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
    ctx.report({ at, severity: 'warn', messageId: 'bot', data: { entry: show(entry) } });
  }
}

/** Never echo the entry: the part after the colon is a password. */
function reportPassword(ctx: RuleContext, at: (string | number)[], user: string): void {
  if (ctx.provider === 'basic') {
    ctx.report({ at, severity: 'warn', messageId: 'passwordBasic', data: { user: show(user) } });
    return;
  }
  // The provider is a value of the chart's enumeration (okta, azure…), never a secret: it goes in as it is.
  ctx.report({ at, messageId: 'passwordNotBasic', data: { user: show(user), provider: ctx.provider } });
}

function reportEmail(ctx: RuleContext, at: (string | number)[], entry: string): void {
  const [user, domain] = [entry.slice(0, entry.indexOf('@')), entry.slice(entry.indexOf('@') + 1)];
  const principalDomain = String(ctx.effective(['authorizer', 'principalDomain']) ?? '').trim();
  const data = { user: show(user.toLowerCase()), entry: show(entry) };
  if (principalDomain && domain.toLowerCase() !== principalDomain.toLowerCase()) {
    ctx.report({
      at,
      severity: 'warn',
      messageId: 'emailOtherDomain',
      data: {
        ...data,
        domain: show(domain),
        principalDomain: show(principalDomain),
        principalDomainWhere: whereIs(ctx, ['authorizer', 'principalDomain']),
      },
    });
  } else {
    ctx.report({ at, severity: 'warn', messageId: 'email', data });
  }
}
