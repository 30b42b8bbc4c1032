import { createHash, generateKeyPairSync } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { novaError } from '../core/errors';
import type { SimContext } from '../core/sim-context';
import { computeOf, type Keypair } from './compute-state';
import { atLeast, bodyOf, firstOf, objectIn, query, str } from './nova-http';

const sshString = (data: Buffer) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  return Buffer.concat([len, data]);
};
const mpint = (b64url: string) => {
  let bytes = Buffer.from(b64url, 'base64url');
  if ((bytes[0] ?? 0) & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return sshString(bytes);
};

/** Nova's generated key pair: RSA 2048, private key as PEM, public key in OpenSSH format. */
export const generateSshKeyPair = (
  type: 'rsa' | 'ed25519' = 'rsa',
): { publicKey: string; privateKey: string } => {
  if (type === 'ed25519') {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const x = publicKey.export({ format: 'jwk' }).x ?? '';
    const blob = Buffer.concat([
      sshString(Buffer.from('ssh-ed25519')),
      sshString(Buffer.from(x, 'base64url')),
    ]);
    return {
      publicKey: `ssh-ed25519 ${blob.toString('base64')} Generated-by-Nova`,
      privateKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    };
  }
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  const blob = Buffer.concat([
    sshString(Buffer.from('ssh-rsa')),
    mpint(jwk.e ?? ''),
    mpint(jwk.n ?? ''),
  ]);
  return {
    publicKey: `ssh-rsa ${blob.toString('base64')} Generated-by-Nova`,
    privateKey: privateKey.export({ format: 'pem', type: 'pkcs1' }).toString(),
  };
};

/** MD5 fingerprint of the key blob, colon-separated, as Nova stores it. */
export const fingerprintOf = (publicKey: string): string => {
  const match = /^(ssh-rsa|ssh-ed25519|ssh-dss|ecdsa-sha2-nistp\d+)\s+([A-Za-z0-9+/=]+)/.exec(
    publicKey.trim(),
  );
  if (!match?.[2])
    throw novaError('badRequest', 'Keypair data is invalid: failed to generate fingerprint');
  const digest = createHash('md5').update(Buffer.from(match[2], 'base64')).digest('hex');
  return digest.match(/.{2}/g)?.join(':') ?? digest;
};

/** Refuse what Nova's key import cannot parse: a known type whose base64 blob names that type. */
export const checkPublicKey = (publicKey: string) => {
  const invalid = () =>
    novaError('badRequest', 'Keypair data is invalid: failed to generate fingerprint');
  const [kind, data] = publicKey.trim().split(/\s+/);
  if (kind === undefined || data === undefined || !/^[A-Za-z0-9+/]+={0,2}$/.test(data))
    throw invalid();
  const blob = Buffer.from(data, 'base64');
  if (blob.length < 4) throw invalid();
  const len = blob.readUInt32BE(0);
  if (len + 4 > blob.length || blob.subarray(4, 4 + len).toString() !== kind) throw invalid();
};

export const registerKeypairRoutes = (scope: FastifyInstance, ctx: SimContext) => {
  const view = (k: Keypair, full: boolean, v2: boolean) => ({
    name: k.name,
    public_key: k.publicKey,
    fingerprint: k.fingerprint,
    ...(v2 ? { type: k.type } : {}),
    ...(full
      ? {
          user_id: k.userId,
          id: k.id,
          created_at: k.createdAt,
          deleted: false,
          updated_at: null,
          deleted_at: null,
        }
      : {}),
  });
  const userFor = (isAdmin: boolean, self: string, requested: string | undefined) => {
    if (requested && requested !== self && !isAdmin)
      throw novaError(
        'forbidden',
        "Policy doesn't allow os_compute_api:os-keypairs:index to be performed.",
      );
    return requested ?? self;
  };

  scope.get('/os-keypairs', (request) => {
    const caller = ctx.caller(request);
    const userId = userFor(caller.isAdmin, caller.userId, firstOf(query(request).user_id));
    const keypairs = computeOf(ctx).keypairs.filter((k) => k.userId === userId);
    return { keypairs: keypairs.map((k) => ({ keypair: view(k, false, atLeast(request, 2)) })) };
  });
  scope.get<{ Params: { name: string } }>('/os-keypairs/:name', (request) => {
    const caller = ctx.caller(request);
    const userId = userFor(caller.isAdmin, caller.userId, firstOf(query(request).user_id));
    const keypair = computeOf(ctx).keypairs.find(
      (k) => k.name === request.params.name && k.userId === userId,
    );
    if (!keypair)
      throw novaError(
        'itemNotFound',
        `Keypair ${request.params.name} not found for user ${userId}`,
      );
    return { keypair: view(keypair, true, atLeast(request, 2)) };
  });
  scope.post('/os-keypairs', (request, reply) => {
    const caller = ctx.caller(request);
    const input = objectIn(bodyOf(request), 'keypair');
    const name = str(input.name, 'name') ?? '';
    // Nova's name pattern; 2.92 also allows '.' and '@'.
    const pattern = atLeast(request, 92) ? /^[\w .@-]{1,255}$/ : /^[\w -]{1,255}$/;
    if (!pattern.test(name))
      throw novaError('badRequest', `Invalid input for field/attribute name. Value: ${name}.`);
    const userId = atLeast(request, 10)
      ? userFor(caller.isAdmin, caller.userId, str(input.user_id, 'user_id', false))
      : caller.userId;
    const compute = computeOf(ctx);
    if (compute.keypairs.some((k) => k.name === name && k.userId === userId))
      throw novaError('conflictingRequest', `Key pair '${name}' already exists.`);
    const limit = compute.quotas[caller.projectId]?.key_pairs ?? compute.quotaDefaults.key_pairs;
    if (limit >= 0 && compute.keypairs.filter((k) => k.userId === userId).length >= limit)
      throw novaError('forbidden', 'Quota exceeded, too many key pairs.');
    const type = str(input.type, 'type', false) === 'x509' ? 'x509' : 'ssh';
    const imported = str(input.public_key, 'public_key', atLeast(request, 92));
    if (imported !== undefined) checkPublicKey(imported);
    const generated = imported ? null : generateSshKeyPair('rsa');
    const publicKey = imported ?? generated?.publicKey ?? '';
    const keypair: Keypair = {
      id: compute.nextKeypairId++,
      name,
      userId,
      type,
      publicKey,
      fingerprint: fingerprintOf(publicKey),
      createdAt: ctx.now().toISOString(),
    };
    compute.keypairs.push(keypair);
    ctx.store.changed();
    const body = {
      keypair: {
        name,
        public_key: publicKey,
        fingerprint: keypair.fingerprint,
        user_id: userId,
        ...(atLeast(request, 2) ? { type } : {}),
        ...(generated ? { private_key: generated.privateKey } : {}),
      },
    };
    return void reply.code(atLeast(request, 2) ? 201 : 200).send(body);
  });
  scope.delete<{ Params: { name: string } }>('/os-keypairs/:name', (request, reply) => {
    const caller = ctx.caller(request);
    const userId = userFor(caller.isAdmin, caller.userId, firstOf(query(request).user_id));
    const compute = computeOf(ctx);
    const index = compute.keypairs.findIndex(
      (k) => k.name === request.params.name && k.userId === userId,
    );
    if (index < 0)
      throw novaError(
        'itemNotFound',
        `Keypair ${request.params.name} not found for user ${userId}`,
      );
    compute.keypairs.splice(index, 1);
    ctx.store.changed();
    return void reply.code(atLeast(request, 2) ? 204 : 202).send();
  });
};
