import { createHash, randomBytes } from "node:crypto";
import { credentialsRepository, type Db, usersRepository, workspacesRepository } from "@retrain/db";
import * as oidc from "openid-client";
import { ForbiddenError, UnauthenticatedError, UnavailableError } from "../../domain/errors.js";
import { safeRedirectPath } from "../../domain/validate.js";
import type { AuthService, RequestOrigin } from "./auth-service.js";
import { NO_PASSWORD } from "./auth-service.js";
import type { SignUpPolicy } from "./sign-up-policy.js";

export interface SingleSignOnSettings {
  /** The provider's issuer URL (its discovery document is at `/.well-known/openid-configuration`). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** What the dashboard's button says: "Sign in with <name>". */
  name: string;
  /** E-mail domains allowed in; empty: any. */
  allowedDomains: readonly string[];
  /** The dashboard's callback URL, registered at the provider. */
  redirectUrl: string;
}

const ATTEMPT_MINUTES = 10;
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * Single sign-on with OpenID Connect: the authorization code flow with PKCE, state and nonce, the ID token
 * verified by openid-client. Accounts are matched by verified e-mail; a person without an account gets one
 * where the sign-up policy would give one (open, first account, or an invitation waiting for that address).
 */
export function createSingleSignOn(
  db: Db,
  settings: SingleSignOnSettings | null,
  auth: AuthService,
  policy: SignUpPolicy,
  limits: { signUp(address: string): Promise<void> },
) {
  const users = usersRepository(db);
  const credentials = credentialsRepository(db);
  const workspaces = workspacesRepository(db);
  let discovered: Promise<oidc.Configuration> | undefined;

  function configuration(s: SingleSignOnSettings): Promise<oidc.Configuration> {
    const insecure = new URL(s.issuer).protocol === "http:"; // a provider on this machine or a test's
    discovered ??= oidc
      .discovery(new URL(s.issuer), s.clientId, s.clientSecret, undefined, {
        ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
      })
      .catch((error: unknown) => {
        discovered = undefined; // try again on the next sign-in
        throw new UnavailableError(`The sign-on provider cannot be reached (${(error as Error).message}).`);
      });
    return discovered;
  }

  const enabled = () => {
    if (!settings) throw new ForbiddenError("Single sign-on is not set up on this installation.");
    return settings;
  };

  async function accountFor(email: string, name: string, origin: RequestOrigin) {
    const existing = await users.findByEmail(email);
    if (existing) return existing;
    const invited = (await workspaces.pendingInvitationsFor(email)).length > 0;
    await policy.check(invited);
    await limits.signUp(origin.address);
    return users.create({ email, name, passwordHash: NO_PASSWORD });
  }

  return {
    /** The button's words, or null when single sign-on is not set up. */
    describe: () => (settings ? { name: settings.name, startPath: "/auth/oidc/start" } : null),

    /** Starts a sign-in: the provider's URL to send the browser to, and the secret for the browser's cookie. */
    async start(nextPath: string | undefined) {
      const s = enabled();
      const config = await configuration(s);
      const secret = randomBytes(32).toString("base64url");
      const attempt = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        codeVerifier: oidc.randomPKCECodeVerifier(),
      };
      await credentials.saveOidcLogin({
        id: sha256(secret),
        ...attempt,
        next: safeRedirectPath(nextPath),
        expiresAt: new Date(Date.now() + ATTEMPT_MINUTES * 60_000),
      });
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: s.redirectUrl,
        scope: "openid email profile",
        state: attempt.state,
        nonce: attempt.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(attempt.codeVerifier),
        code_challenge_method: "S256",
      });
      return { url: url.toString(), secret, maxAgeSeconds: ATTEMPT_MINUTES * 60 };
    },

    /**
     * The provider's answer: the attempt is taken once, the code exchanged with the PKCE verifier, the ID token
     * checked (signature, issuer, audience, expiry, nonce), the state compared; a verified e-mail signs in.
     */
    async finish(secret: string | undefined, query: string, origin: RequestOrigin) {
      const s = enabled();
      const attempt = secret && secret.length <= 100 ? await credentials.takeOidcLogin(sha256(secret)) : null;
      if (!attempt) throw new UnauthenticatedError("This sign-in attempt is unknown or has expired: start again.");
      const config = await configuration(s);
      const callback = new URL(s.redirectUrl);
      callback.search = query;
      let claims: Record<string, unknown> | undefined;
      try {
        const tokens = await oidc.authorizationCodeGrant(config, callback, {
          pkceCodeVerifier: attempt.codeVerifier,
          expectedState: attempt.state,
          expectedNonce: attempt.nonce,
          idTokenExpected: true,
        });
        const idToken = tokens.claims();
        claims = idToken;
        // Providers that keep profile claims out of the ID token give them at the userinfo endpoint, for the
        // same subject (checked by openid-client).
        if (idToken && typeof idToken.email !== "string")
          claims = { ...(await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub)), ...idToken };
      } catch (error) {
        throw new UnauthenticatedError(`The sign-on provider's answer was refused (${(error as Error).message}).`);
      }
      const email = typeof claims?.email === "string" ? claims.email.trim().toLowerCase() : "";
      if (!email || claims?.email_verified !== true)
        throw new UnauthenticatedError("The sign-on provider has not verified this account's e-mail address.");
      const domain = email.split("@").at(-1) ?? "";
      if (s.allowedDomains.length > 0 && !s.allowedDomains.includes(domain))
        throw new ForbiddenError(`Accounts of ${domain} cannot sign in here.`);
      const name = typeof claims?.name === "string" && claims.name.trim() ? claims.name.trim().slice(0, 100) : email;
      const user = await accountFor(email, name, origin);
      return { user, next: attempt.next, ...(await auth.startSession(user.id)) };
    },
  };
}

export type SingleSignOn = ReturnType<typeof createSingleSignOn>;
