// SPDX-License-Identifier: GPL-3.0-or-later
/** @type {import('next').NextConfig} */
const nextConfig = {
  experimental: { optimizePackageImports: ["sonner"] },
  serverExternalPackages: ["left-pad"],
};
export default nextConfig;
