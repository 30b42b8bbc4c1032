import { loadGatewayConfig } from './env';
import { startGateway } from './start-gateway';

const gateway = await startGateway(loadGatewayConfig());

const shutdown = (signal: string) => {
  gateway.log.info({ signal }, 'shutting down');
  gateway.stop().then(
    () => process.exit(0),
    (err: unknown) => {
      gateway.log.error(
        { err: err instanceof Error ? err.message : String(err) },
        'unclean shutdown',
      );
      process.exit(1);
    },
  );
};
process.once('SIGTERM', () => shutdown('SIGTERM'));
process.once('SIGINT', () => shutdown('SIGINT'));
