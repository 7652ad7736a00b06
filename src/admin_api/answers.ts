// The shapes of the Admin API's answers that the newsroom app reads, declared once: an endpoint names one as its
// `answers` (endpoint.ts), the OpenAPI document carries it, and the app's types are generated from the document
// (admin-ui/src/api_types.gen.ts). They describe and never serialize, so a field they leave out still goes out.
import { Described as d, Type } from './schemas.ts';

const Str = (description: string) => Type.String({ description });
const Num = (description: string) => Type.Integer({ description });
const OrNull = <T extends Parameters<typeof Type.Union>[0][number]>(s: T, description: string) => Type.Union([s, Type.Null()], { description });

/** GET /api/admin/auth/me: who is signed in, how far the sign-in got, and what they may do. */
export const MeAnswer = Type.Object({
  user: d('The signed-in account.', Type.Object({
    id: Num('The account\'s id.'),
    name: Str('The name shown in the app.'),
    email: Str('The sign-in email.'),
    role: Str('The role: owner, editor, author or contributor.'),
    personId: OrNull(Type.Integer(), 'The byline (person) this account writes as, if any.'),
    twoFactorEnabled: Type.Boolean({ description: 'Whether the account has two-factor sign-in.' }),
  })),
  stage: Str('How far the sign-in got: full, or enroll while two-factor setup is required.'),
  capabilities: Type.Array(Type.String(), { description: 'What this account may do (the capability names, e.g. articles.publish).' }),
  timeZone: Str('The site\'s IANA time zone (e.g. Asia/Kabul): the app shows every date and time on its clock.'),
});
