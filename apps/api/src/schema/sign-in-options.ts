import { builder } from "./builder.js";

const SignUpModeEnum = builder.enumType("SignUpMode", {
  description: "Who may create an account on this installation (the SIGN_UP setting).",
  values: {
    OPEN: { value: "open", description: "Anyone." },
    INVITE_ONLY: { value: "invite-only", description: "Holders of an invitation link." },
    CLOSED: { value: "closed", description: "Nobody new." },
  } as const,
});

type Policy = { mode: "open" | "invite-only" | "closed"; firstAccount: boolean; message: string | null };
type Options = { signUp: Policy; sso: { name: string; startPath: string } | null; resetByEmail: boolean };

const SignUpPolicyRef = builder.objectRef<Policy>("SignUpPolicy").implement({
  description: "What the sign-up page may offer.",
  fields: (t) => ({
    mode: t.field({ type: SignUpModeEnum, description: "The policy.", resolve: (p) => p.mode }),
    firstAccount: t.exposeBoolean("firstAccount", {
      description: "No account exists yet: the next sign-up is allowed whatever the mode, and administers the install.",
    }),
    message: t.exposeString("message", {
      nullable: true,
      description:
        "Why a sign-up without an invitation is refused, in words to show instead of the form; null when it is not.",
    }),
  }),
});

const SingleSignOnRef = builder.objectRef<{ name: string; startPath: string }>("SingleSignOn").implement({
  description: "Single sign-on with an OpenID Connect provider.",
  fields: (t) => ({
    name: t.exposeString("name", { description: 'The button says "Sign in with <name>".' }),
    startPath: t.exposeString("startPath", {
      description: "Where the browser goes to start (add ?next=<path of this site> to come back there).",
    }),
  }),
});

const SignInOptionsRef = builder.objectRef<Options>("SignInOptions").implement({
  description: "How people get in here: sign-up policy, single sign-on, password resets by e-mail.",
  fields: (t) => ({
    signUp: t.field({ type: SignUpPolicyRef, description: "The sign-up policy.", resolve: (o) => o.signUp }),
    singleSignOn: t.field({
      type: SingleSignOnRef,
      nullable: true,
      description: "Single sign-on, when set up.",
      resolve: (o) => o.sso,
    }),
    passwordResetByEmail: t.exposeBoolean("resetByEmail", {
      description: "Whether people may ask for a reset link by e-mail (requestPasswordReset).",
    }),
  }),
});

builder.queryField("signInOptions", (t) =>
  t.field({
    type: SignInOptionsRef,
    description: "How people get in here, for the sign-in and sign-up pages (no sign-in needed).",
    resolve: async (_root, _args, { services }) => ({
      signUp: await services.signUpPolicy.describe(),
      sso: services.sso.describe(),
      resetByEmail: services.passwordResets.byEmail,
    }),
  }),
);

const ResetLinkRef = builder
  .objectRef<{ token: string; path: string; expiresAt: Date }>("PasswordResetLink")
  .implement({
    description: "A one-time password reset link: shown this once (only a hash is stored), valid 24 hours.",
    fields: (t) => ({
      token: t.exposeString("token", { description: "The secret." }),
      path: t.exposeString("path", { description: "The dashboard's page for it (/reset/<token>)." }),
      expiresAt: t.expose("expiresAt", { type: "DateTime", description: "When it stops working." }),
    }),
  });

builder.mutationFields((t) => ({
  createPasswordResetLink: t.field({
    type: ResetLinkRef,
    description:
      "An owner or admin makes a one-time reset link for a member below them, to hand over (no e-mail needed). Refused (FORBIDDEN) when the member is also in a workspace where the caller does not manage them.",
    args: {
      workspaceId: t.arg.id({ required: true, description: "The workspace you manage them in." }),
      memberId: t.arg.id({ required: true, description: "The member's user id." }),
    },
    resolve: (_r, args, { services, caller }) =>
      services.passwordResets.createLink(caller, args.workspaceId, args.memberId),
  }),
  requestPasswordReset: t.boolean({
    description:
      "Ask for a reset link by e-mail (only where SMTP is set up). The answer is the same whether or not the address has an account.",
    args: { email: t.arg.string({ required: true, description: "The account's e-mail." }) },
    resolve: (_r, args, { services, address }) => services.passwordResets.requestByEmail(args.email, { address }),
  }),
  resetPassword: t.boolean({
    description:
      "Set a new password with a reset link's token: once, within 24 hours; every session of the account ends.",
    args: {
      token: t.arg.string({ required: true, description: "The link's token." }),
      newPassword: t.arg.string({ required: true, description: "8 to 1,024 characters." }),
    },
    resolve: (_r, args, { services }) => services.passwordResets.reset(args.token, args.newPassword),
  }),
}));
