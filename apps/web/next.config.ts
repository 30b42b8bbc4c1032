import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // The workspace packages ship TypeScript sources; Next compiles them with the app.
  transpilePackages: ['@yunguan/contract', '@yunguan/domain', '@yunguan/notifications'],
  reactStrictMode: true,
  poweredByHeader: false,
};

export default nextConfig;
