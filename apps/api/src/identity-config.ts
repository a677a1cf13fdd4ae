import { setting } from "@retrain/config";
import { z } from "zod";
import { SIGN_UP_MODES } from "./services/identity/sign-up-policy.js";

/** Settings of who gets in: the sign-up policy, single sign-on, reset e-mails, live connection limits. */
export const identitySettings = {
  SIGN_UP: z
    .enum(SIGN_UP_MODES)
    .default("invite-only")
    .describe(
      "Who may create an account: open (anyone), invite-only (holders of an invitation link) or closed. The first account of an install is always allowed and becomes its administrator.",
    ),
  OIDC_ISSUER: z
    .string()
    .regex(/^https?:\/\/\S+$/, "must be an http(s) URL")
    .optional()
    .describe(
      "OpenID Connect provider's issuer URL: turns on single sign-on (with OIDC_CLIENT_ID and OIDC_CLIENT_SECRET).",
    ),
  OIDC_CLIENT_ID: z.string().optional().describe("This installation's client id at the OpenID provider."),
  OIDC_CLIENT_SECRET: z.string().optional().describe("This installation's client secret at the OpenID provider."),
  OIDC_NAME: z.string().default("single sign-on").describe('The sign-in button says "Sign in with <OIDC_NAME>".'),
  OIDC_ALLOWED_DOMAINS: setting.list(
    "E-mail domains single sign-on lets in (comma-separated, such as example.com); empty: any verified address.",
  ),
  OIDC_REDIRECT_URL: z
    .string()
    .regex(/^https?:\/\/\S+$/, "must be an http(s) URL")
    .optional()
    .describe(
      "The callback to register at the provider; default <PUBLIC_URL or the first WEB_ORIGINS>/auth/oidc/callback.",
    ),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, "must be an smtp:// or smtps:// URL")
    .optional()
    .describe(
      "Mail server for password reset e-mails (smtp://user:password@host:587); without it, owners and admins make reset links.",
    ),
  SMTP_FROM: z.string().default("Retrain Studio <no-reply@localhost>").describe("Sender of the product's e-mails."),
  WS_CONNECTIONS_PER_ADDRESS: setting.positive(50, "Live-update WebSockets one client address may hold open at once."),
  WS_CONNECTIONS_PER_USER: setting.positive(20, "Live-update WebSockets one account may hold open at once."),
};

type IdentityConfig = z.infer<z.ZodObject<typeof identitySettings>>;

/** Where users reach the dashboard: links in e-mails and the sign-on callback start here. */
export const dashboardUrlOf = (config: { PUBLIC_URL?: string; WEB_ORIGINS: string[] }) =>
  config.PUBLIC_URL ?? config.WEB_ORIGINS[0] ?? "http://localhost:3000";

/** Single sign-on's settings, or null when it is not set up (all three of issuer, id and secret are needed). */
export function singleSignOnFrom(config: IdentityConfig & { PUBLIC_URL?: string; WEB_ORIGINS: string[] }) {
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } = config;
  if (!issuer || !clientId || !clientSecret) return null;
  return {
    issuer,
    clientId,
    clientSecret,
    name: config.OIDC_NAME,
    allowedDomains: config.OIDC_ALLOWED_DOMAINS.map((d) => d.toLowerCase()),
    redirectUrl: config.OIDC_REDIRECT_URL ?? new URL("/auth/oidc/callback", dashboardUrlOf(config)).toString(),
  };
}
