import type { Rule } from '../rule.js';

/**
 * Source control, package registries and CI/CD: GitHub, GitLab, Bitbucket, npm, PyPI, Docker Hub,
 * CircleCI, Travis CI, HashiCorp Vault and Terraform Cloud, Doppler, Pulumi, Buildkite,
 * Sourcegraph, JFrog Artifactory, Octopus Deploy, Snyk, SonarQube and Databricks.
 *
 * Formats come from each provider's documentation:
 * - GitHub: "Behind GitHub's new authentication token formats" (prefixes `ghp_`, `gho_`, `ghu_`,
 *   `ghs_`, `ghr_`; 30 random base62 characters + a 6-character base62 CRC32 checksum), the
 *   fine-grained PAT format (`github_pat_` + 22 + `_` + 59), refresh tokens (`ghr_` + 76 in the
 *   Apps docs) and the 2026 stateless installation tokens (`ghs_` + a JWT, ~520 characters).
 * - GitLab: "GitLab token overview" prefixes (`glpat-`, `gloas-`, `gldt-`, `glrt-`, `glcbt-`,
 *   `glptt-`, `glft-`, `glimt-`, `glagent-`, `glsoat-`, `glffct-`, `GR1348941`) and the routable
 *   token design (`<prefix><base64url payload>.[<2-char version>.]<2-char length><7-char crc>`).
 * - npm: "npm's new access token format" (`npm_` + 36, same CRC32 scheme as GitHub).
 * - PyPI: API tokens are macaroons, `pypi-` + base64 starting with the encoded `pypi.org` location.
 * - Docker Hub (`dckr_pat_`, `dckr_oat_`), CircleCI (`CCIPAT_`/`CCIPRJ_<base58 uuid>_<40 hex>`,
 *   legacy 40 hex), Vault (`hvs.`/`hvb.`/`hvr.`, legacy `s.` + 24), Terraform Cloud
 *   (`<14>.atlasv1.<60–70>`), Doppler (`dp.<type>.` + 40–44), Pulumi (`pul-` + 40 hex),
 *   Buildkite (`bkua_` + 40 hex), Sourcegraph (`sgp_` + 40 hex, optionally instance-scoped),
 *   JFrog (`AKCp` API keys, `cmVmdGtuOjAxOj` reference tokens), Octopus (`API-` + 26),
 *   SonarQube (`squ_`/`sqp_`/`sqa_` + 40 hex), Databricks (`dapi` + 32 hex, OAuth secrets `dose`
 *   + 32 hex).
 * - More registries and CI: RubyGems (`rubygems_` + 48 hex), Clojars (`CLOJARS_` + 60),
 *   crates.io (`cio` + 32), NuGet.org (`oy2` + 43), Harness (`pat.`/`sat.` + account, token id
 *   and secret), JetBrains YouTrack/Hub permanent tokens (`perm:`), GitLab's
 *   `_gitlab_session` cookie.
 *
 * The GitHub `ghp_`/`gho_`/`ghu_`/`ghs_` rules and npm carry a `checksum`: a match whose last six
 * characters are not the CRC32 of the random part is not a real token and is skipped.
 *
 * Keywords: every rule whose prefix has a fixed case matches its keywords case-sensitively
 * (`caseSensitiveKeywords`), so `API-3` hosts, `Pul-` or `DAPI` words do not make a line a
 * candidate; the `(?i)` context rules (key name + value) keep case-insensitive keywords.
 */

/** Key-name tail between the provider word and the separator. */
const GAP = String.raw`[\w.\-]{0,20}`;
/** Separator between a key and its value in env files, logfmt, JSON, YAML, headers and code. */
const SEP = String.raw`["'\x60]?[ \t]{0,4}(?:=>|:=|[:=])[ \t]{0,4}["'\x60]?`;
/** A hex UUID. */
const UUID = String.raw`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`;
/** End of a base64url-ish token: next char is outside [A-Za-z0-9_-], or end of line. */
const END_URL = String.raw`(?:[^A-Za-z0-9_\-]|$)`;

/**
 * GitLab routable-token body, from GitLab's generator (lib/authn/token_field/generator/
 * routable_token.rb) and the routable-tokens design document: unpadded base64url of 16 random
 * bytes + the routing payload (`k:v` lines, `o:` required) + 1 length byte, then `.`, the
 * 2-character base36 token version and `.` (tokens minted before the version field lack
 * them), then the payload length as 2 base36 characters and the CRC32 as 7 base36 characters.
 * The shortest payload (`o:` + one character) encodes to 27 characters; the longest is bounded
 * by GitLab's 316-character token limit (MR 169322), i.e. 300 after a `glpat-` prefix.
 */
const GL_ROUTABLE = String.raw`[0-9A-Za-z_\-]{27,300}\.(?:[0-9a-z]{2}\.)?[0-9a-z]{2}[0-9a-z]{7}`;

/** A GitLab token rule: routable form first (leftmost-first alternation), then the legacy body. */
function gitlab(id: string, description: string, prefix: string, legacy: string): Rule {
  const p = prefix.replace(/[.\-]/g, (c) => `\\${c}`);
  return {
    id,
    description,
    tags: ['gitlab', 'token', 'vcs'],
    pattern: String.raw`\b(${p}(?:${GL_ROUTABLE}|${legacy}))${END_URL}`,
    keywords: [prefix],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  };
}

export const vcsRules: readonly Rule[] = [
  // ---------------------------------------------------------------- GitHub
  {
    id: 'github-pat',
    description: 'GitHub personal access token (classic)',
    tags: ['github', 'token', 'vcs'],
    // `ghp_` + 30 base62 + 6-char base62 CRC32 of those 30.
    pattern: String.raw`\b(ghp_[A-Za-z0-9]{36})\b`,
    keywords: ['ghp_'],
    caseSensitiveKeywords: true,
    checksum: 'github-crc32',
  },
  {
    id: 'github-oauth',
    description: 'GitHub OAuth access token',
    tags: ['github', 'token', 'vcs'],
    pattern: String.raw`\b(gho_[A-Za-z0-9]{36})\b`,
    keywords: ['gho_'],
    caseSensitiveKeywords: true,
    checksum: 'github-crc32',
  },
  {
    id: 'github-app-token',
    description: 'GitHub App user-to-server (ghu_) or server-to-server (ghs_) token',
    tags: ['github', 'token', 'vcs'],
    pattern: String.raw`\b(gh[us]_[A-Za-z0-9]{36})\b`,
    keywords: ['ghu_', 'ghs_'],
    caseSensitiveKeywords: true,
    checksum: 'github-crc32',
  },
  {
    id: 'github-app-installation-token-jwt',
    description: 'GitHub App installation token in the stateless (JWT) format',
    tags: ['github', 'token', 'vcs'],
    // `ghs_` + a JWT (two dots), ~520 characters; no CRC32 suffix.
    pattern: String.raw`\b(ghs_[A-Za-z0-9_\-]{20,1000}\.[A-Za-z0-9_\-]{10,1000}\.[A-Za-z0-9_\-]{10,1000})`,
    keywords: ['ghs_'],
    caseSensitiveKeywords: true,
    minEntropy: 4.0,
  },
  {
    id: 'github-refresh-token',
    description: 'GitHub App refresh token',
    tags: ['github', 'token', 'vcs'],
    // The Apps docs show `ghr_` + 76 characters; 36 is accepted as in the 2021 announcement.
    // No checksum gate: the scheme is only documented for the 36-character tokens.
    pattern: String.raw`\b(ghr_(?:[A-Za-z0-9]{76}|[A-Za-z0-9]{36}))\b`,
    keywords: ['ghr_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'github-fine-grained-pat',
    description: 'GitHub fine-grained personal access token',
    tags: ['github', 'token', 'vcs'],
    // `github_pat_` + 22 + `_` + 59 (base62).
    pattern: String.raw`\b(github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})\b`,
    keywords: ['github_pat_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },

  // ---------------------------------------------------------------- GitLab
  gitlab('gitlab-pat', 'GitLab personal, project or group access token', 'glpat-', String.raw`[0-9A-Za-z_\-]{20}`),
  gitlab('gitlab-oauth-app-secret', 'GitLab OAuth application secret', 'gloas-', String.raw`[0-9a-f]{64}`),
  gitlab('gitlab-deploy-token', 'GitLab deploy token', 'gldt-', String.raw`[0-9A-Za-z_\-]{20,64}`),
  {
    id: 'gitlab-runner-authentication-token',
    description: 'GitLab runner authentication token (legacy and routable t1_/t2_/t3_ forms)',
    tags: ['gitlab', 'token', 'vcs'],
    // `glrt-` (Ci::Runner CREATED_RUNNER_TOKEN_PREFIX), then optionally `t<runner type>_` with
    // the type 1 instance, 2 group, 3 project (Ci::Runner runner_type enum), then a routable
    // body or a 20-character Devise friendly token (GitLab's default token length).
    pattern: String.raw`\b(glrt-(?:t[1-3]_)?(?:${GL_ROUTABLE}|[0-9A-Za-z_\-]{20}))${END_URL}`,
    keywords: ['glrt-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  gitlab('gitlab-cicd-job-token', 'GitLab CI/CD job token', 'glcbt-', String.raw`(?:[0-9a-fA-F]{1,5}_)?[0-9A-Za-z_\-]{20,64}`),
  gitlab('gitlab-ptt', 'GitLab pipeline trigger token', 'glptt-', String.raw`[0-9a-f]{40}`),
  gitlab('gitlab-feed-token', 'GitLab feed token', 'glft-', String.raw`[0-9A-Za-z_\-]{20,64}`),
  gitlab('gitlab-incoming-mail-token', 'GitLab incoming e-mail token', 'glimt-', String.raw`[0-9A-Za-z_\-]{20,64}`),
  gitlab('gitlab-kubernetes-agent-token', 'GitLab agent for Kubernetes token', 'glagent-', String.raw`[0-9A-Za-z_\-]{50,64}`),
  gitlab('gitlab-scim-token', 'GitLab SCIM / OAuth token', 'glsoat-', String.raw`[0-9A-Za-z_\-]{20,64}`),
  gitlab('gitlab-feature-flag-client-token', 'GitLab feature flags client token', 'glffct-', String.raw`[0-9A-Za-z_\-]{20,64}`),
  {
    id: 'gitlab-rrt',
    description: 'GitLab runner registration token (deprecated GR1348941 format)',
    tags: ['gitlab', 'token', 'vcs'],
    pattern: String.raw`\b(GR1348941[0-9A-Za-z_\-]{20})${END_URL}`,
    keywords: ['GR1348941'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    id: 'gitlab-session-cookie',
    description: 'GitLab session cookie (_gitlab_session=<32 hex>)',
    tags: ['gitlab', 'session-cookie', 'vcs'],
    // The Rails session id GitLab sets as `_gitlab_session`: 32 lower-case hex. Whoever holds
    // it is signed in as the user; `curl -v` and proxy logs print it in `Cookie:` headers.
    pattern: String.raw`_gitlab_session=([0-9a-f]{32})\b`,
    keywords: ['_gitlab_session='],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },

  // ---------------------------------------------------------------- Bitbucket
  {
    id: 'bitbucket-app-password',
    description: 'Bitbucket app password / API token (ATBB)',
    tags: ['bitbucket', 'app-password', 'vcs'],
    // `ATBB` + 32 characters (the last 8 are an uppercase-hex checksum).
    pattern: String.raw`\b(ATBB[A-Za-z0-9_=.\-]{24}[A-F0-9]{8})\b`,
    keywords: ['ATBB'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    id: 'bitbucket-access-token',
    description: 'Bitbucket repository / project / workspace access token',
    tags: ['bitbucket', 'access-token', 'vcs'],
    // `ATCTT3xFfGN0` + base64url body + `=` + 8 uppercase hex (checksum).
    pattern: String.raw`\b(ATCTT3xFfGN0[A-Za-z0-9_\-]{100,300}=[A-F0-9]{8})\b`,
    keywords: ['ATCTT3xFfGN0'],
    caseSensitiveKeywords: true,
  },

  // ---------------------------------------------------------------- Package registries
  {
    id: 'npm-access-token',
    description: 'npm access token',
    tags: ['npm', 'token', 'registry'],
    // `npm_` + 30 base62 + 6-char base62 CRC32, as GitHub's tokens.
    pattern: String.raw`\b(npm_[A-Za-z0-9]{36})\b`,
    keywords: ['npm_'],
    caseSensitiveKeywords: true,
    checksum: 'npm-crc32',
  },
  {
    id: 'pypi-upload-token',
    description: 'PyPI / TestPyPI API token',
    tags: ['pypi', 'token', 'registry'],
    // Warehouse (warehouse/macaroons/services.py) mints `pypi-` + a pymacaroons version-2 binary
    // macaroon in unpadded base64url, and only accepts tokens with that prefix. The macaroon
    // opens with its location, the index's domain, so every pypi.org token
    // starts `AgEIcHlwaS5vcmc` (02 01 08 "pypi.org") and every TestPyPI one
    // `AgENdGVzdC5weXBpLm9yZw` ("test.pypi.org"). What follows holds at least the identifier
    // (a 36-character UUID), two end markers and the 32-byte signature: 74 bytes, 99 base64
    // characters; we require 90. Caveats make tokens longer (restricted tokens hundreds of
    // characters): two chunks because RE2 caps one repetition at 1000.
    pattern: String.raw`\b(pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_\-]{90,1000}[A-Za-z0-9_\-]{0,1000})${END_URL}`,
    keywords: ['pypi-AgEIcHlwaS5vcmc', 'pypi-AgENdGVzdC5weXBpLm9yZw'],
    caseSensitiveKeywords: true,
  },
  {
    id: 'docker-hub-pat',
    description: 'Docker Hub personal (dckr_pat_) or organization (dckr_oat_) access token',
    tags: ['docker', 'token', 'registry'],
    pattern: String.raw`\b(dckr_(?:pat|oat)_[A-Za-z0-9_\-]{27,40})${END_URL}`,
    keywords: ['dckr_pat_', 'dckr_oat_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    id: 'artifactory-api-key',
    description: 'JFrog Artifactory API key',
    tags: ['jfrog', 'api-key', 'registry'],
    // `AKCp` + 69 alphanumerics (73 in all).
    pattern: String.raw`\b(AKCp[A-Za-z0-9]{69})\b`,
    keywords: ['AKCp'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'artifactory-reference-token',
    description: 'JFrog Platform reference token',
    tags: ['jfrog', 'token', 'registry'],
    // base64("reftkn:01:…"): fixed `cmVmdGtuOjAxOj` prefix, 64 characters in all.
    pattern: String.raw`\b(cmVmdGtuOjAxOj[A-Za-z0-9]{40,60})\b`,
    keywords: ['cmVmdGtuOjAxOj'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'rubygems-api-token',
    description: 'RubyGems.org API key (rubygems_ + 48 hex)',
    tags: ['rubygems', 'api-key', 'registry'],
    // guides.rubygems.org (API key scopes): keys minted since 2021 read `rubygems_` + 48 hex.
    pattern: String.raw`\b(rubygems_[a-f0-9]{48})\b`,
    keywords: ['rubygems_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    id: 'clojars-api-token',
    description: 'Clojars deploy token (CLOJARS_ + 60)',
    tags: ['clojars', 'deploy-token', 'registry'],
    // Clojars deploy tokens: `CLOJARS_` + 60 alphanumerics (lower-case hex in issued tokens;
    // we accept either case).
    pattern: String.raw`\b(CLOJARS_[A-Za-z0-9]{60})\b`,
    keywords: ['CLOJARS_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    id: 'crates-io-api-token',
    description: 'crates.io API token (cio + 32)',
    tags: ['crates-io', 'api-token', 'registry'],
    // crates.io (src/util/token.rs): `cio` + 32 base62. `cio` is no English word prefix
    // followed by 32 alphanumerics, and the entropy gate skips runs such as `cio` + repeats.
    pattern: String.raw`\b(cio[A-Za-z0-9]{32})\b`,
    keywords: ['cio'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'nuget-api-key',
    description: 'NuGet.org API key (oy2 + 43)',
    tags: ['nuget', 'api-key', 'registry'],
    // NuGet.org API keys are 46 lower-case base32-ish characters that open with `oy2`.
    pattern: String.raw`\b(oy2[a-z0-9]{43})\b`,
    keywords: ['oy2'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },

  // ---------------------------------------------------------------- CI/CD
  {
    id: 'circleci-api-token',
    description: 'CircleCI personal (CCIPAT_) or project (CCIPRJ_) API token',
    tags: ['circleci', 'token', 'ci'],
    // Prefix + base58 UUID (≈22) + `_` + 40 hex.
    pattern: String.raw`\b(CCIP(?:AT|RJ)_[1-9A-HJ-NP-Za-km-z]{20,24}_[a-f0-9]{40})\b`,
    keywords: ['CCIPAT_', 'CCIPRJ_'],
    caseSensitiveKeywords: true,
  },
  {
    id: 'circleci-legacy-token',
    description: 'CircleCI legacy API token (40 hex) next to a circle key name or Circle-Token header',
    tags: ['circleci', 'token', 'ci'],
    pattern: String.raw`(?i)circle${GAP}${SEP}([a-f0-9]{40})\b`,
    // `circle` is the only literal every match holds (the value is 40 bare hex).
    keywords: ['circle'],
    minEntropy: 3.0,
  },
  {
    id: 'travisci-access-token',
    description: 'Travis CI API token (22 characters) next to a travis key name',
    tags: ['travisci', 'token', 'ci'],
    pattern: String.raw`(?i)travis${GAP}${SEP}([A-Za-z0-9_\-]{22})${END_URL}`,
    keywords: ['travis'],
    minEntropy: 3.0,
  },
  {
    id: 'buildkite-api-token',
    description: 'Buildkite user API access token',
    tags: ['buildkite', 'token', 'ci'],
    pattern: String.raw`\b(bkua_[a-f0-9]{40})\b`,
    keywords: ['bkua_'],
    caseSensitiveKeywords: true,
  },
  {
    id: 'harness-api-key',
    description: 'Harness personal (pat.) or service account (sat.) token',
    tags: ['harness', 'api-key', 'ci'],
    // developer.harness.io (API keys): tokens read `pat.` or `sat.`, the 22-character account
    // id, the 24-character token id and a 20-character secret, joined by dots.
    pattern: String.raw`\b([ps]at\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9]{24}\.[A-Za-z0-9]{20})\b`,
    keywords: ['pat.', 'sat.'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'youtrack-permanent-token',
    description: 'JetBrains YouTrack / Hub permanent token (perm:… or perm-…)',
    tags: ['jetbrains', 'permanent-token', 'ci'],
    // YouTrack permanent tokens: `perm:` (newer: `perm-`), base64 of the user name, `.`,
    // base64 of the token name, `.`, a 30-character secret (Hub docs, "Permanent tokens").
    pattern: String.raw`\b(perm[:\-][A-Za-z0-9+/=_\-]{2,64}\.[A-Za-z0-9+/=_\-]{2,64}\.[A-Za-z0-9]{30})\b`,
    keywords: ['perm:', 'perm-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    id: 'octopus-deploy-api-key',
    description: 'Octopus Deploy API key',
    tags: ['octopus', 'api-key', 'ci'],
    // `API-` + 26 uppercase alphanumerics (the upper-case body keeps `API-Gateway` style names out).
    pattern: String.raw`\b(API-[A-Z0-9]{26})\b`,
    keywords: ['API-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },

  // ---------------------------------------------------------------- HashiCorp
  {
    id: 'vault-service-token',
    description: 'HashiCorp Vault service token (hvs.)',
    tags: ['vault', 'token', 'secrets-manager'],
    // `hvs.` + ≥ 90 base64url characters (longer in namespaces); older and dev-mode servers
    // print shorter ones, so ≥ 24 (the legacy `s.` token's length) behind the fixed prefix.
    pattern: String.raw`\b(hvs\.[A-Za-z0-9_\-]{24,300})${END_URL}`,
    keywords: ['hvs.'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'vault-batch-token',
    description: 'HashiCorp Vault batch token (hvb.)',
    tags: ['vault', 'token', 'secrets-manager'],
    pattern: String.raw`\b(hvb\.[A-Za-z0-9_\-]{100,400})${END_URL}`,
    keywords: ['hvb.'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'vault-recovery-token',
    description: 'HashiCorp Vault recovery token (hvr.)',
    tags: ['vault', 'token', 'secrets-manager'],
    pattern: String.raw`\b(hvr\.[A-Za-z0-9_\-]{90,300})${END_URL}`,
    keywords: ['hvr.'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'vault-legacy-token',
    description: 'HashiCorp Vault pre-1.10 token (s. + 24) next to a vault key name or X-Vault-Token',
    tags: ['vault', 'token', 'secrets-manager'],
    // `s.` alone is far too common; only after a vault key name. The keywords are the separator
    // side instead of `vault` (every Vault server log line, `vault.internal` hosts): the byte
    // before `s.` is the end of the separator, one of `=` `:` `>` space tab `"` `'` backtick.
    pattern: String.raw`(?i:vault)${GAP}${SEP}(s\.[A-Za-z0-9]{24})\b`,
    keywords: ['=s.', ':s.', '>s.', ' s.', '\ts.', '"s.', "'s.", '`s.'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'hashicorp-tf-api-token',
    description: 'Terraform Cloud / Enterprise API token',
    tags: ['terraform', 'token', 'ci'],
    // `<token id>.atlasv1.<secret>`. HashiCorp does not document the format; every real token
    // we found (configs and READMEs that published one) has a 14-character alphanumeric id and
    // a 67-character alphanumeric secret after the `.atlasv1.` marker. Our bounds for the
    // secret are wider (50–100, base64url alphabet in case `-`/`_` appear). Entropy gate:
    // random tokens of this shape stay above 5 bits/char; `xxxx` placeholders are near 1.
    pattern: String.raw`\b([A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_\-]{50,100})${END_URL}`,
    keywords: ['.atlasv1.'],
    caseSensitiveKeywords: true,
    minEntropy: 4.5,
  },

  // ---------------------------------------------------------------- Secrets / IaC platforms
  {
    id: 'doppler-api-token',
    description: 'Doppler token (personal, service, service account, CLI, SCIM, audit)',
    tags: ['doppler', 'token', 'secrets-manager'],
    // `dp.<type>.` + 40–44 alphanumerics; service tokens may carry a config slug segment.
    pattern: String.raw`\b(dp\.(?:pt|st|sa|ct|scim|audit)\.(?:[a-z0-9_\-]{1,40}\.)?[A-Za-z0-9]{40,44})\b`,
    keywords: ['dp.pt.', 'dp.st.', 'dp.sa.', 'dp.ct.', 'dp.scim.', 'dp.audit.'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'pulumi-api-token',
    description: 'Pulumi access token',
    tags: ['pulumi', 'token', 'ci'],
    pattern: String.raw`\b(pul-[a-f0-9]{40})\b`,
    keywords: ['pul-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },

  // ---------------------------------------------------------------- Code intelligence / quality
  {
    id: 'sourcegraph-access-token',
    description: 'Sourcegraph access token',
    tags: ['sourcegraph', 'token', 'vcs'],
    // Sourcegraph's accesstoken package: tokens are `sgp_<instance id>_<token>`, the token 20
    // random bytes in hex (40), the instance id 16 hex characters of an HMAC of the license key
    // or `local` on dev instances; its parser also accepts `sgph_` and the bare `sgp_<token>`
    // form, and either hex case. Tokens from before the prefix are 40 hex, recognisable only
    // under a sourcegraph key name (in the casings people write, so keywords can be exact).
    pattern: String.raw`\b(sgph?_(?:[a-fA-F0-9]{16}_|local_)?[a-fA-F0-9]{40})\b|(?:sourcegraph|Sourcegraph|SourceGraph|SOURCEGRAPH)${GAP}${SEP}([a-fA-F0-9]{40})\b`,
    keywords: ['sgp_', 'sgph_', 'sourcegraph', 'Sourcegraph', 'SourceGraph', 'SOURCEGRAPH'],
    caseSensitiveKeywords: true,
    secretGroup: [1, 2],
    minEntropy: 3.0,
  },
  {
    id: 'snyk-api-token',
    description: 'Snyk API token (a UUID) next to a snyk key name',
    tags: ['snyk', 'token', 'ci'],
    pattern: String.raw`(?i)snyk${GAP}${SEP}(${UUID})\b`,
    keywords: ['snyk'],
    minEntropy: 3.0,
  },
  {
    id: 'sonar-api-token',
    description: 'SonarQube / SonarCloud token (user squ_, project sqp_, global analysis sqa_)',
    tags: ['sonarqube', 'token', 'ci'],
    // Prefix + 40 characters (hex in practice; any alphanumeric accepted behind the prefix).
    pattern: String.raw`\b(sq[upa]_[A-Za-z0-9]{40})\b`,
    keywords: ['squ_', 'sqp_', 'sqa_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    id: 'sonar-legacy-token',
    description: 'SonarQube legacy token (40 characters, unprefixed) next to a sonar key name',
    tags: ['sonarqube', 'token', 'ci'],
    pattern: String.raw`(?i)sonar${GAP}${SEP}([A-Za-z0-9]{40})\b`,
    keywords: ['sonar'],
    minEntropy: 3.0,
  },

  // ---------------------------------------------------------------- Data platforms
  {
    id: 'databricks-api-token',
    description: 'Databricks personal access token',
    tags: ['databricks', 'token', 'ci'],
    // Databricks Token API (POST /api/2.0/token/create) and CLI docs: `token_value` is `dapi` +
    // 32 lower-case hex (`dapi1a2b3c45d67890e1f234567a8bc9012d`). Azure Databricks tokens are
    // also seen with a `-<digit>` suffix (undocumented; we accept one or two digits). Entropy
    // gate: random tokens stay above 3.3 bits/char in 99.9% of 100k samples.
    pattern: String.raw`\b(dapi[a-f0-9]{32}(?:-[0-9]{1,2})?)\b`,
    keywords: ['dapi'],
    caseSensitiveKeywords: true,
    minEntropy: 3.2,
  },
  {
    id: 'databricks-oauth-secret',
    description: 'Databricks service principal OAuth secret (dose + 32 hex)',
    tags: ['databricks', 'oauth-secret', 'ci'],
    // Databricks OAuth secrets for service principals (OAuth M2M) open with `dose`, then 32
    // lower-case hex, as `dapi` tokens do.
    pattern: String.raw`\b(dose[a-f0-9]{32})\b`,
    keywords: ['dose'],
    caseSensitiveKeywords: true,
    minEntropy: 3.2,
  },
];
