import type { RuleCase } from '../case.js';

const JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MiIsIm5hbWUiOiJCb2IiLCJpYXQiOjE3MDAwMDAwMDB9.q3N8vW2kR7pL1xZ9mT4bC6dF0gH5jK8nM2sV7yA1eU4';
const JWT_B64 = Buffer.from(JWT).toString('base64');
const PEM_BODY = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj';

/** JWTs and private keys. */
export const cases: readonly RuleCase[] = [
  { rule: 'jwt', text: `{"msg":"auth ok","id_token":"${JWT}"}`, secret: JWT },
  { rule: 'jwt', text: `Authorization: Bearer ${JWT}`, secret: JWT },
  { rule: 'jwt', text: 'eyJhbGciOiJIUzI1NiJ9 is only a header', negative: true },
  { rule: 'jwt-base64', text: `cookie_b64=${JWT_B64}`, secret: JWT_B64 },
  { rule: 'jwt-base64', text: 'ZXlKaGJHY2lPaUpJVXpJMU5pSjk=', negative: true, note: 'a base64 header alone' },
  { rule: 'private-key', text: `-----BEGIN RSA PRIVATE KEY-----${PEM_BODY}-----END RSA PRIVATE KEY-----`, secret: PEM_BODY },
  { rule: 'private-key', text: `{"key":"-----BEGIN PRIVATE KEY-----\\n${PEM_BODY}\\n-----END PRIVATE KEY-----\\n"}`, secret: `\\n${PEM_BODY}\\n` },
  { rule: 'private-key', text: `{"key":"-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ`, secret: '\\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ', note: 'truncated block: masked to where the body ends' },
  { rule: 'private-key', text: `-----BEGIN PGP PRIVATE KEY BLOCK-----\\n\\nlQOYBF0a1b2c3d4e5f6g7h8i9j0-----END PGP PRIVATE KEY BLOCK-----`, secret: '\\n\\nlQOYBF0a1b2c3d4e5f6g7h8i9j0' },
  { rule: 'private-key', text: '-----BEGIN OPENSSH PRIVATE KEY----------END OPENSSH PRIVATE KEY-----', negative: true, note: 'empty block' },
  { rule: 'private-key', text: '-----BEGIN PUBLIC KEY-----MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA-----END PUBLIC KEY-----', negative: true },
  { rule: 'putty-private-key', text: 'PuTTY-User-Key-File-2: ssh-rsa\\nPrivate-Lines: 14\\nAAABAQCx0Y1Z2a3b4c5d6e7f8g9h0i1j2k3l4m5n6', secret: 'AAABAQCx0Y1Z2a3b4c5d6e7f8g9h0i1j2k3l4m5n6' },
  { rule: 'putty-private-key', text: 'Private-Lines: 14', negative: true },
];
