import pkg from '../package.json' with { type: 'json' };

export const gatewayVersion: string = pkg.version;
