/**
 * A path of this site to go to after signing in; anything else (another site, `//host`, `/\host`, which
 * browsers read as `//host`) becomes the workspaces page.
 */
export function safeNext(requested: string | null | undefined): string {
  const path = requested ?? "";
  return /^\/(?![/\\])[^\\\s]*$/.test(path) ? path : "/workspaces";
}

/** The invitation token of a `next` that is an invitation page (`/invite/<token>`), for sign-up by invitation. */
export const invitationIn = (next: string): string | undefined => next.match(/^\/invite\/([\w-]+)$/)?.[1];
