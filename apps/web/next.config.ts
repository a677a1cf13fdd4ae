import type { NextConfig } from "next";

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The dashboard only talks to the API over GraphQL; no image optimisation service, no telemetry.
  images: { unoptimized: true },
};

export default config;
