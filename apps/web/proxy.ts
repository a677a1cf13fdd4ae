import { type NextRequest, NextResponse } from "next/server";

/**
 * Security headers on every page: a Content-Security-Policy whose scripts need this request's nonce (Next.js
 * puts it on its own scripts), no framing by other sites, no MIME sniffing, and no full URLs in referrers.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    // React renders style attributes (charts, progress bars): attributes cannot carry a nonce.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    // Uploads may go from the page straight to the S3 bucket (UPLOAD_ORIGINS, checked by server.ts).
    `connect-src 'self'${process.env.UPLOAD_ORIGINS ? ` ${process.env.UPLOAD_ORIGINS}` : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  response.headers.set("x-frame-options", "DENY");
  response.headers.set("x-content-type-options", "nosniff");
  response.headers.set("referrer-policy", "strict-origin-when-cross-origin");
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only. The API's routes (graphql, thumbnails, exports, uploads) are left out: a request through
      // this proxy has its body buffered by Next.js, and theirs must stream to the API untouched.
      source: "/((?!_next/static|_next/image|favicon.ico|graphql|thumbnails|exports|uploads|auth/oidc).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
