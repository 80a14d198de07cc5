/**
 * Self-describing credentials: JSON Web Tokens (RFC 7519: base64url header `{"` → `eyJ`,
 * base64url payload, optional signature) and PEM/OpenSSH/PGP private keys (RFC 7468 labels:
 * `-----BEGIN <label> PRIVATE KEY-----`), including the one-line form with `\n` escapes that
 * JSON loggers print.
 */
import type { Rule } from '../rule.js';

const PEM_LABEL = String.raw`[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?`;
/** PEM body characters on one line: base64, `\n`/`\r` escapes, header fields (Proc-Type, DEK-Info). */
const PEM_BODY = String.raw`(?:\\[rn]|[ \t\r]|[A-Za-z0-9+/=:,.-])`;

export const keyRules: readonly Rule[] = [
  {
    id: 'jwt',
    description: 'JSON Web Token (header.payload.signature, base64url, header starting {")',
    tags: ['jwt', 'token'],
    pattern: String.raw`\b(eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*)`,
    keywords: ['eyJ'],
    caseSensitiveKeywords: true,
  },
  {
    id: 'jwt-base64',
    description: 'A JWT that was base64-encoded once more (Basic auth payloads, Kubernetes secrets, cookies)',
    tags: ['jwt', 'token', 'base64'],
    pattern: String.raw`\b(ZXlK[A-Za-z0-9+/_-]{60,}={0,2})`,
    keywords: ['ZXlK'],
    caseSensitiveKeywords: true,
    minEntropy: 4,
  },
  {
    id: 'private-key',
    description: 'PEM private key (RSA, EC, DSA, OPENSSH, ENCRYPTED, PKCS#8, PGP) on one line; an unterminated block is masked to the end of what follows (fail closed)',
    tags: ['private-key', 'pem', 'key'],
    pattern: String.raw`-----BEGIN ${PEM_LABEL}-----(?:(${PEM_BODY}{16,}?)-----END ${PEM_LABEL}-----|((?:\\[rn]|[ \t\r]|[A-Za-z0-9+/=:,.])${PEM_BODY}{15,}))`,
    keywords: ['PRIVATE KEY'],
    caseSensitiveKeywords: true,
    secretGroup: [1, 2],
  },
  {
    id: 'putty-private-key',
    description: 'PuTTY private key file (PPK) private lines',
    tags: ['private-key', 'putty', 'key'],
    pattern: String.raw`(?i)Private-Lines:\s*\d+(?:\\[rn]|\s)+((?:[A-Za-z0-9+/=]|\\n){32,})`,
    keywords: ['private-lines'],
  },
];
