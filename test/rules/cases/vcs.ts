import type { RuleCase } from '../case.js';

/**
 * Rows for src/rules/catalog/vcs.ts. Every token below is random and fake, generated to the
 * provider's documented shape; none is a real credential.
 *
 * GitHub ghp_/gho_/ghu_/ghs_/ghr_ (36-char) and npm tokens here were generated with a VALID
 * checksum: 30 random base62 characters followed by base62(crc32(those 30)), padded to 6, as
 * src/matcher/checksum.ts verifies. The "broken checksum" rows change only the last character.
 */
export const cases: readonly RuleCase[] = [
  // ---------------------------------------------------------------- github
  // valid checksum
  { rule: 'github-pat', text: 'level=warn msg="git clone with token" url=https://x-access-token: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@github.com/acme/shop.git', secret: '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' },
  { rule: 'github-pat', text: 'Authorization: token ghp_0Ko2OoySFyIfdWiTmazHOkduvQQOdN2NYP4z', negative: true, note: 'broken checksum (last character changed)' },
  { rule: 'github-pat', text: 'GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', negative: true, note: 'placeholder' },
  { rule: 'github-pat', text: 'GITHUB_TOKEN=ghp_0Ko2OoySFyIfdWiTmazHOkduvQQOdN2NYP4', negative: true, note: '35 characters' },
  // valid checksum
  { rule: 'github-oauth', text: '{"access_token":"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","token_type":"bearer","scope":"repo"}', secret: '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' },
  { rule: 'github-oauth', text: '{"access_token":"gho_AxEIZMqQAYlRwKa75k6w5GaRJt6fFk35wqNY"}', negative: true, note: 'broken checksum' },
  // valid checksums
  { rule: 'github-app-token', text: 'octokit: request GET /user with ghu_VmMaRHFpla1nXXN7pM2bLyy11BSUku2M9ETP -> 200', secret: 'ghu_VmMaRHFpla1nXXN7pM2bLyy11BSUku2M9ETP' },
  { rule: 'github-app-token', text: 'actions: GITHUB_TOKEN=ghs_qFn287XUIDoyPearVgH6ckntsFLwuL3JnmqN expires_at=2024-05-02T11:00:00Z', secret: 'ghs_qFn287XUIDoyPearVgH6ckntsFLwuL3JnmqN' },
  { rule: 'github-app-token', text: 'GITHUB_TOKEN=ghs_qFn287XUIDoyPearVgH6ckntsFLwuL3JnmqM', negative: true, note: 'broken checksum' },
  { rule: 'github-app-token', text: 'token=ghx_qFn287XUIDoyPearVgH6ckntsFLwuL3JnmqN', negative: true, note: 'unknown prefix' },
  { rule: 'github-app-installation-token-jwt', text: 'installation token issued token=ghs_eyJcvympXlniXJJipaElMZ2rk5XwcLijFcxSK5Y8PNy6HIiCa3pQP_NZyYcIZdL.eyJb1vc2zD83xsdDgB0owZFPsu0uXw44-Cw0LOX2TCL-m1Qn3d86NwlOdUz6y_oUKNrVV_t-0PFOupSdpHRxkO7Z-hWLsEdSCad31zIPteH8qgqTwydp4LllW6ELi5L4Mv4As3wq8W_BslZpdMP40wxgIPhATMY0TyHea_k5lMWWEu_x1gc5ZqrcBeL0Z4C0CMzbCoegBcNMxoJA160RBCLNGLBs40BJSaWCubjNl0UeLbgGFl0TkeIaV8ZsdhRY8nFMGkr6u9ZyD6jOnVqRQc8QXDdNzfmG1si97Ih26e9HAci.dMRxlnmvmx4g6oPmaNkcaZg4oRAeyfx7_u6TcwI5pGAThQGAQdhPCNWRC4pXWEreVMV7gcLsgQn4XGawEg-tLF expires=3600', secret: 'ghs_eyJcvympXlniXJJipaElMZ2rk5XwcLijFcxSK5Y8PNy6HIiCa3pQP_NZyYcIZdL.eyJb1vc2zD83xsdDgB0owZFPsu0uXw44-Cw0LOX2TCL-m1Qn3d86NwlOdUz6y_oUKNrVV_t-0PFOupSdpHRxkO7Z-hWLsEdSCad31zIPteH8qgqTwydp4LllW6ELi5L4Mv4As3wq8W_BslZpdMP40wxgIPhATMY0TyHea_k5lMWWEu_x1gc5ZqrcBeL0Z4C0CMzbCoegBcNMxoJA160RBCLNGLBs40BJSaWCubjNl0UeLbgGFl0TkeIaV8ZsdhRY8nFMGkr6u9ZyD6jOnVqRQc8QXDdNzfmG1si97Ih26e9HAci.dMRxlnmvmx4g6oPmaNkcaZg4oRAeyfx7_u6TcwI5pGAThQGAQdhPCNWRC4pXWEreVMV7gcLsgQn4XGawEg-tLF' },
  { rule: 'github-app-installation-token-jwt', text: 'token=ghs_qFn287XUIDoyPearVgH6ckntsFLwuL3JnmqN.json', negative: true, note: 'a classic token followed by a file extension is not a JWT' },
  // 36-char ghr_ with a valid checksum, and the 76-char form from the Apps docs
  { rule: 'github-refresh-token', text: '{"refresh_token":"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","refresh_token_expires_in":15811200}', secret: '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' },
  { rule: 'github-refresh-token', text: 'refresh_token=ghr_gAfjX48UtPwKOGC4T8UImFJxaLvbpAPJwtfPqTIpjxF6mAHZGZCK8LO9S1lTpQZWyqMULqQTHtGj&grant_type=refresh_token', secret: 'ghr_gAfjX48UtPwKOGC4T8UImFJxaLvbpAPJwtfPqTIpjxF6mAHZGZCK8LO9S1lTpQZWyqMULqQTHtGj' },
  { rule: 'github-refresh-token', text: 'refresh_token=ghr_gAfjX48UtPwKOGC4T8UImFJxaLvbpAPJwtfPqTIpjxF6mAHZ', negative: true, note: '50 characters: neither 36 nor 76' },
  { rule: 'github-fine-grained-pat', text: 'GH_TOKEN=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', secret: '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' },
  { rule: 'github-fine-grained-pat', text: 'github_pat_xxxxxxxxxxxxxxxxxxxxxx_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', negative: true, note: 'placeholder' },
  { rule: 'github-fine-grained-pat', text: 'GH_TOKEN=github_pat_11ALL0JPQR99RWRYD4SKGJs97H6Eij8nYKFCwzPRlyhaol7OeZ4sYaKBkSmE7EOXVaZaqTeaYGQNBUTD3', negative: true, note: 'missing the inner underscore' },

  // ---------------------------------------------------------------- gitlab
  { rule: 'gitlab-pat', text: 'level=error msg="401 from gitlab" private_token=glpat-XueyJjeyOQ05qO0qGo2h path=/api/v4/projects', secret: 'glpat-XueyJjeyOQ05qO0qGo2h' },
  { rule: 'gitlab-pat', text: 'git clone https://oauth2:glpat-k0T2P1ONp2AZZn-aHvsiF5FAabQPwBIltsoOuC.01.qu1372r1i@gitlab.com/acme/shop.git', secret: 'glpat-k0T2P1ONp2AZZn-aHvsiF5FAabQPwBIltsoOuC.01.qu1372r1i', note: 'routable, versioned' },
  { rule: 'gitlab-pat', text: 'PRIVATE-TOKEN: glpat-6dkuAcBxHA9SvmsCLsOXwYkBoK-iut_.0rqdf7lr3', secret: 'glpat-6dkuAcBxHA9SvmsCLsOXwYkBoK-iut_.0rqdf7lr3', note: 'routable, unversioned' },
  { rule: 'gitlab-pat', text: 'PRIVATE-TOKEN: glpat-XXXXXXXXXXX-XXXXXXXX', negative: true, note: 'placeholder' },
  { rule: 'gitlab-pat', text: 'PRIVATE-TOKEN: glpat-XueyJjeyOQ05qO0qG', negative: true, note: '17 characters' },
  { rule: 'gitlab-oauth-app-secret', text: 'GITLAB_OAUTH_SECRET=gloas-9e0db96da61d986116ac96aa82dfaf84bef89e728f707a96355cc7883767e41c', secret: 'gloas-9e0db96da61d986116ac96aa82dfaf84bef89e728f707a96355cc7883767e41c' },
  { rule: 'gitlab-oauth-app-secret', text: 'secret=gloas-9e0db96da61d986116ac96aa82dfaf84', negative: true },
  { rule: 'gitlab-deploy-token', text: 'docker login registry.gitlab.com -u gitlab+deploy-token-42 -p gldt-EXZkcFwP5yZ0rhEHoUnT', secret: 'gldt-EXZkcFwP5yZ0rhEHoUnT' },
  { rule: 'gitlab-deploy-token', text: 'deploy token prefix is gldt- by default', negative: true },
  { rule: 'gitlab-runner-authentication-token', text: 'gitlab-runner register --url https://gitlab.com --token glrt-EHvMNikT1W27UrDZPzt1', secret: 'glrt-EHvMNikT1W27UrDZPzt1' },
  { rule: 'gitlab-runner-authentication-token', text: 'token = "glrt-t1_zWy73FPXsDVIAgW-3vScNK0wiBZ.01vfg38wp"', secret: 'glrt-t1_zWy73FPXsDVIAgW-3vScNK0wiBZ.01vfg38wp', note: 'routable' },
  { rule: 'gitlab-runner-authentication-token', text: 'token = "glrt-tx_xxxxxxxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxx"', negative: true, note: 'placeholder' },
  { rule: 'gitlab-runner-authentication-token', text: 'runner token=glrt-t3_zWy73FPXsDVIAgW-3vScNK0wiBZMdq8.01.0vfg38wp2 registered', secret: 'glrt-t3_zWy73FPXsDVIAgW-3vScNK0wiBZMdq8.01.0vfg38wp2', note: 'routable, versioned, project runner (t3_)' },
  { rule: 'gitlab-runner-authentication-token', text: 'runner token=GLRT-EHvMNikT1W27UrDZPzt1', negative: true, note: 'upper-cased prefix' },
  { rule: 'gitlab-cicd-job-token', text: 'curl --header "JOB-TOKEN: glcbt-64_MBhFLQjFmQUxo3HVlFAd" https://gitlab.com/api/v4/jobs/1/artifacts', secret: 'glcbt-64_MBhFLQjFmQUxo3HVlFAd' },
  { rule: 'gitlab-cicd-job-token', text: 'JOB-TOKEN: glcbt-64_MBhFLQj', negative: true },
  { rule: 'gitlab-ptt', text: 'POST /api/v4/projects/42/trigger/pipeline token=glptt-249e498077c2978424d7b6d309aac6262146644d ref=main', secret: 'glptt-249e498077c2978424d7b6d309aac6262146644d' },
  { rule: 'gitlab-ptt', text: 'token=glptt-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', negative: true },
  { rule: 'gitlab-feed-token', text: 'GET /dashboard/issues.atom?feed_token=glft-pTbs0d9FVZjk17-0yRHB 200', secret: 'glft-pTbs0d9FVZjk17-0yRHB' },
  { rule: 'gitlab-feed-token', text: 'feed_token=glft-pTbs0d9F', negative: true },
  { rule: 'gitlab-incoming-mail-token', text: 'user 42 incoming_email_token=glimt-xM6Gl5aGtbqV4OOC_zVfeqSRr reset', secret: 'glimt-xM6Gl5aGtbqV4OOC_zVfeqSRr' },
  { rule: 'gitlab-incoming-mail-token', text: 'incoming_email_token=glimt-short', negative: true },
  { rule: 'gitlab-kubernetes-agent-token', text: 'agentk: --token glagent-asoIcxSTM1wKTGHTIgUXOs81y4X_FDfaUInMKuMWFQsmliX-eT', secret: 'glagent-asoIcxSTM1wKTGHTIgUXOs81y4X_FDfaUInMKuMWFQsmliX-eT' },
  { rule: 'gitlab-kubernetes-agent-token', text: 'agentk: --token glagent-asoIcxSTM1wKTGHTIgUXOs81y4X', negative: true, note: 'too short' },
  { rule: 'gitlab-scim-token', text: 'Authorization: Bearer glsoat-attIYnNZi6l34GetiTNR', secret: 'glsoat-attIYnNZi6l34GetiTNR' },
  { rule: 'gitlab-scim-token', text: 'Authorization: Bearer glsoat-attIYnNZ', negative: true },
  { rule: 'gitlab-feature-flag-client-token', text: 'unleash: instanceId=glffct-7AISl8N3wgWxhbXCbar3 url=https://gitlab.com/api/v4/feature_flags/unleash/42', secret: 'glffct-7AISl8N3wgWxhbXCbar3' },
  { rule: 'gitlab-feature-flag-client-token', text: 'instanceId=glffct-7AIS', negative: true },
  { rule: 'gitlab-rrt', text: 'gitlab-runner register --registration-token GR134894193DIPfK0g2wGS5h_t-MO', secret: 'GR134894193DIPfK0g2wGS5h_t-MO' },
  { rule: 'gitlab-rrt', text: 'GR134894112312312312312312312', negative: true, note: 'too short and repetitive' },
  { rule: 'gitlab-rrt', text: 'GR1348941XXXXXXXXXXXXXXXXXXXX', negative: true, note: 'placeholder' },

  // ---------------------------------------------------------------- bitbucket
  { rule: 'bitbucket-app-password', text: 'BITBUCKET_APP_PASSWORD=ATBBmrD9GFLs3wL8fBFcx0QR5GiG028F6095', secret: 'ATBBmrD9GFLs3wL8fBFcx0QR5GiG028F6095' },
  { rule: 'bitbucket-app-password', text: 'password=ATBBmrD9GFLs3wL8fBFcx0QR5GiG028f6095', negative: true, note: 'checksum tail must be upper-case hex' },
  { rule: 'bitbucket-access-token', text: 'Authorization: Bearer ATCTT3xFfGN0yDA87tmUrHcwd2VZaAkPmm7MTZdA6G_FHl-LmJolCkpXFX2T2TD3uylVSRmTdTdz2X88936YZFe5v0aKcGldS5zWUOLCyEphzBeYJCLkbFpfUVhasuvfCyVCbaBSs8Xco1niHwq-z2anI7rBOaWN95HtoAa9pFMAWq4eDPCdCLwRAehCyBlHYPN=19E8A2E9', secret: 'ATCTT3xFfGN0yDA87tmUrHcwd2VZaAkPmm7MTZdA6G_FHl-LmJolCkpXFX2T2TD3uylVSRmTdTdz2X88936YZFe5v0aKcGldS5zWUOLCyEphzBeYJCLkbFpfUVhasuvfCyVCbaBSs8Xco1niHwq-z2anI7rBOaWN95HtoAa9pFMAWq4eDPCdCLwRAehCyBlHYPN=19E8A2E9' },
  { rule: 'bitbucket-access-token', text: 'Authorization: Bearer ATCTT3xFfGN0yDA87tmUrHcwd2VZaAkPmm7MTZdA6G_FHl', negative: true, note: 'truncated, no checksum' },

  // ---------------------------------------------------------------- npm
  // valid checksum
  { rule: 'npm-access-token', text: '//registry.npmjs.org/:_authToken=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', secret: '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' },
  { rule: 'npm-access-token', text: 'npm notice using NPM_TOKEN=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 for publish', secret: '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' },
  { rule: 'npm-access-token', text: '//registry.npmjs.org/:_authToken=npm_h24k27TF40jX9YSHZgu5OgtcwZ3nkO0O3UHJ', negative: true, note: 'broken checksum' },
  { rule: 'npm-access-token', text: 'npm_config_registry=https://registry.npmjs.org/', negative: true },

  // ---------------------------------------------------------------- pypi
  { rule: 'pypi-upload-token', text: 'twine upload --username __token__ --password pypi-AgEIcHlwaS5vcmcCJPWRuvZHMT-fCbvm6qazQarWF6sobhRj_CXeKpawQAKBYpOgUlu89o3Tzmsd3xyIhI0WXR3_qPdj2zWVEtJCLo8-_m2CYoMDLKIWptDlILMnELu4jnhDiS1jeFBWJGd5OV60mw9kh3KpQBnGvjad22Y dist/*', secret: 'pypi-AgEIcHlwaS5vcmcCJPWRuvZHMT-fCbvm6qazQarWF6sobhRj_CXeKpawQAKBYpOgUlu89o3Tzmsd3xyIhI0WXR3_qPdj2zWVEtJCLo8-_m2CYoMDLKIWptDlILMnELu4jnhDiS1jeFBWJGd5OV60mw9kh3KpQBnGvjad22Y' },
  { rule: 'pypi-upload-token', text: 'password = pypi-AgEIcHlwaS5vcmc', negative: true, note: 'prefix only' },
  { rule: 'pypi-upload-token', text: 'TWINE_PASSWORD=pypi-AgENdGVzdC5weXBpLm9yZwIkMTUzZTdjMmEtMjZhMi1jMGJkLTNiMTItODdmZmY1MmRkZjVkAAIleyJ2ZXJzaW9uIjogMSwgInBlcm1pc3Npb25zIjogInVzZXIifQAABiDwmhwtvX27JnaGYTuJjJSo6um7O56QFgN_hCZ8LozC1A twine upload -r testpypi', secret: 'pypi-AgENdGVzdC5weXBpLm9yZwIkMTUzZTdjMmEtMjZhMi1jMGJkLTNiMTItODdmZmY1MmRkZjVkAAIleyJ2ZXJzaW9uIjogMSwgInBlcm1pc3Npb25zIjogInVzZXIifQAABiDwmhwtvX27JnaGYTuJjJSo6um7O56QFgN_hCZ8LozC1A', note: 'TestPyPI token: v2 macaroon with a UUID identifier, one caveat, 32-byte signature' },
  { rule: 'pypi-upload-token', text: 'password = pypi-AgEIcHlwaS5vcmcCJPWRuvZHMT-fCbvm6qazQarWF6sobhRj_CXeKpawQAKBYpOgUlu89o3Tzmsd3x', negative: true, note: '75 characters after the location: shorter than identifier + signature' },
  { rule: 'pypi-upload-token', text: 'index=PYPI-AGEICHLWAS5VCMCCJPWRUVZHMT-FCBVM6QAZQARWF6SOBHRJ_CXEKPAWQAKBYPOGULU89O3TZMSD3XYIHI0WXR3_QPDJ2ZWVETJCLO8-_M2CYOMDLKIWPTDLILMNELU4JNHDIS1JEFBWJGD5OV60MW9KH3KPQBNGVJAD22Y', negative: true, note: 'upper-cased: base64 is case-sensitive, so is the keyword' },

  // ---------------------------------------------------------------- docker
  { rule: 'docker-hub-pat', text: 'echo $TOKEN | docker login -u ci-bot --password-stdin # TOKEN=dckr_pat_PBoAREFCA6MrUJU3G72o4vYLKZj', secret: 'dckr_pat_PBoAREFCA6MrUJU3G72o4vYLKZj' },
  { rule: 'docker-hub-pat', text: 'DOCKERHUB_TOKEN=dckr_oat_DPEw3cdVsjLXHmf5dsyCC213XNg2GnRp', secret: 'dckr_oat_DPEw3cdVsjLXHmf5dsyCC213XNg2GnRp' },
  { rule: 'docker-hub-pat', text: 'DOCKERHUB_TOKEN=dckr_pat_PBoAREFCA6MrUJU', negative: true, note: 'too short' },

  // ---------------------------------------------------------------- jfrog
  { rule: 'artifactory-api-key', text: 'curl -H "X-JFrog-Art-Api: AKCpYlWASff9rImLzFWojJysnaqhJoFSfB8hDsyNYreNAaCKb1AUlaem1SyfVigbdTKiMJP7G" https://acme.jfrog.io/artifactory/api/repositories', secret: 'AKCpYlWASff9rImLzFWojJysnaqhJoFSfB8hDsyNYreNAaCKb1AUlaem1SyfVigbdTKiMJP7G' },
  { rule: 'artifactory-api-key', text: 'lowEntropy := AKCpXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', negative: true },
  { rule: 'artifactory-reference-token', text: 'Authorization: Bearer cmVmdGtuOjAxOjwPwvgsmh5GqfEGpJICzVihGSb7JeB4Xl90UTJ7NcGoLfPIJRNI', secret: 'cmVmdGtuOjAxOjwPwvgsmh5GqfEGpJICzVihGSb7JeB4Xl90UTJ7NcGoLfPIJRNI' },
  { rule: 'artifactory-reference-token', text: 'lowEntropy := cmVmdXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', negative: true },

  // ---------------------------------------------------------------- circleci / travis / buildkite / octopus
  { rule: 'circleci-api-token', text: 'curl -H "Circle-Token: CCIPAT_NGU3UYYaL5zrRCpuv52hdQ_fbeeb37edb50b9ffa2807e9c2eecb557513bff01" https://circleci.com/api/v2/me', secret: 'CCIPAT_NGU3UYYaL5zrRCpuv52hdQ_fbeeb37edb50b9ffa2807e9c2eecb557513bff01' },
  { rule: 'circleci-api-token', text: 'CIRCLE_TOKEN=CCIPRJ_Q2ELkXfCuoYLmpyCZzCymU_fb514a0927a32fc4783e56e68c08ab36ac28f3f4', secret: 'CCIPRJ_Q2ELkXfCuoYLmpyCZzCymU_fb514a0927a32fc4783e56e68c08ab36ac28f3f4' },
  { rule: 'circleci-api-token', text: 'CCIPAT_NGU3UYYaL5zrRCpuv52hdQ_fbeeb37edb50b9ffa2807e9c', negative: true, note: 'hex part truncated' },
  { rule: 'circleci-legacy-token', text: 'curl -H "Circle-Token: 5350fe98c9540d68469da96155044aaca52a9350" https://circleci.com/api/v2/me', secret: '5350fe98c9540d68469da96155044aaca52a9350' },
  { rule: 'circleci-legacy-token', text: 'CIRCLE_SHA1=5350fe98c9540d68469da96155044aaca52a9350', secret: '5350fe98c9540d68469da96155044aaca52a9350', note: 'over-masks a commit sha under a circle key name: accepted trade-off' },
  { rule: 'circleci-legacy-token', text: 'CIRCLE_BUILD_NUM=51234', negative: true },
  { rule: 'travisci-access-token', text: 'TRAVIS_API_TOKEN=SCqZ_tua2OAWQ1fVFtQtgK', secret: 'SCqZ_tua2OAWQ1fVFtQtgK' },
  { rule: 'travisci-access-token', text: 'TRAVIS_BRANCH=feature/faster-builds-now', negative: true, note: 'not 22 token characters' },
  { rule: 'buildkite-api-token', text: 'BUILDKITE_API_TOKEN=bkua_41061670839718b93d908f1e2275e324f99682df', secret: 'bkua_41061670839718b93d908f1e2275e324f99682df' },
  { rule: 'buildkite-api-token', text: 'BUILDKITE_API_TOKEN=bkua_41061670839718b93d908f1e2275e324f9968', negative: true },
  { rule: 'octopus-deploy-api-key', text: 'set apikey="API-0N9C0WMJLZJ1PVNMV1M3FDUYMO"', secret: 'API-0N9C0WMJLZJ1PVNMV1M3FDUYMO' },
  { rule: 'octopus-deploy-api-key', text: 'msgstr "GSSAPI-VIRHEKAPSELOINTIMERKKIJONO."', negative: true, note: 'API- inside a word' },
  { rule: 'octopus-deploy-api-key', text: 'https://fog-ringer-f42.notion.site/API-BD80F56CDC1441E6BF6011AB6D852875', negative: true, note: '32 characters' },
  { rule: 'octopus-deploy-api-key', text: 'upstream=api-0n9c0wmjlzj1pvnmv1m3fduymo.internal:8443 status=200', negative: true, note: 'lower-case api- hostnames: no longer a keyword (API- is case-sensitive)' },

  // ---------------------------------------------------------------- vault / terraform
  { rule: 'vault-service-token', text: 'vault: X-Vault-Token: hvs.CAESIcFj-itDL-qR50uBHr0VgcWoLalOx8L3R1u6BVVWrRU0lLdyV8gyqQAKk-eRFVu3-zdWomLoWGkouL20C9gKSat', secret: 'hvs.CAESIcFj-itDL-qR50uBHr0VgcWoLalOx8L3R1u6BVVWrRU0lLdyV8gyqQAKk-eRFVu3-zdWomLoWGkouL20C9gKSat' },
  { rule: 'vault-service-token', text: 'hvs.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', negative: true },
  { rule: 'vault-service-token', text: 'token=hvs.CAESIcFj-itDL-qR50uBHr0VgcWoLal', secret: 'hvs.CAESIcFj-itDL-qR50uBHr0VgcWoLal', note: 'cut short by a logger: still the secret\'s bytes' },
  { rule: 'vault-service-token', text: 'token=hvs.CAESIcFj-itDL', negative: true, note: 'too short to be told from a word' },
  { rule: 'vault-batch-token', text: 'VAULT_TOKEN=hvb.AAAAAQJyrF4BDI4hlolGJf_hXLt6G3bbgyBPHE06OlnoYfyYSY8hWS_Fd9p0_OcKMi3gC3NGX61AtWCAb12RI9rNb-eFQ7hSIz31bvKY-dkvTQ-QsVA68MzwTfhwTv2-3lxJihoM', secret: 'hvb.AAAAAQJyrF4BDI4hlolGJf_hXLt6G3bbgyBPHE06OlnoYfyYSY8hWS_Fd9p0_OcKMi3gC3NGX61AtWCAb12RI9rNb-eFQ7hSIz31bvKY-dkvTQ-QsVA68MzwTfhwTv2-3lxJihoM' },
  { rule: 'vault-batch-token', text: 'VAULT_TOKEN=hvb.AAAAAQJyrF4BDI4hlolGJf', negative: true },
  { rule: 'vault-recovery-token', text: 'recovery token: hvr.MEzTnkTVLRHgNwhr5NjeSoTBCNQdVRyhMxkHmedS93xAQG5TufI1-HJy27gFR3EWAcR6JbC85opSY4aBUZzUeuoNiJU9', secret: 'hvr.MEzTnkTVLRHgNwhr5NjeSoTBCNQdVRyhMxkHmedS93xAQG5TufI1-HJy27gFR3EWAcR6JbC85opSY4aBUZzUeuoNiJU9' },
  { rule: 'vault-recovery-token', text: 'recovery token: hvr.MEzTnkTVLRHg', negative: true },
  { rule: 'vault-legacy-token', text: 'VAULT_TOKEN=s.zgJPAmQIYnKICkbUPud25X5V', secret: 's.zgJPAmQIYnKICkbUPud25X5V' },
  { rule: 'vault-legacy-token', text: 'INFO s.AcceptanceTimeoutSeconds loaded from vault config', negative: true, note: 's. without a vault key name' },
  { rule: 'vault-legacy-token', text: 'vault_token: s.zgJPAmQIYnKICkb', negative: true, note: 'too short' },
  { rule: 'vault-legacy-token', text: 'curl -H "X-Vault-Token: s.LlqsajAIxNKu8iS2G8NPRVdD" https://vault.internal:8200/v1/secret/data/app', secret: 's.LlqsajAIxNKu8iS2G8NPRVdD' },
  { rule: 'vault-legacy-token', text: '{"vault_token":"s.LlqsajAIxNKu8iS2G8NPRVdD","lease_duration":2764800}', secret: 's.LlqsajAIxNKu8iS2G8NPRVdD' },
  { rule: 'vault-legacy-token', text: "vault.token = 's.LlqsajAIxNKu8iS2G8NPRVdD'", secret: 's.LlqsajAIxNKu8iS2G8NPRVdD' },
  { rule: 'vault-legacy-token', text: '2024-05-02T10:11:12Z [INFO] vault: lease renewed path=secret/data/app ttl=768h', negative: true, note: 'a Vault server line: vault is no longer a keyword, the separator before s. is' },
  { rule: 'vault-legacy-token', text: 'VAULT_TOKEN=S.LlqsajAIxNKu8iS2G8NPRVdD', negative: true, note: 'legacy tokens start with lower-case s.' },
  { rule: 'hashicorp-tf-api-token', text: 'credentials "app.terraform.io" { token = "wcPxB54EvYGGKC.atlasv1.6-jKDjPbb3CM75zwmtQFX_BSjDv_YB_J0282XGKPD1NYxtrAr-eSisj9yg-ui6LnRb-" }', secret: 'wcPxB54EvYGGKC.atlasv1.6-jKDjPbb3CM75zwmtQFX_BSjDv_YB_J0282XGKPD1NYxtrAr-eSisj9yg-ui6LnRb-' },
  { rule: 'hashicorp-tf-api-token', text: 'token = "xxxxxxxxxxxxxx.atlasv1.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"', negative: true },
  { rule: 'hashicorp-tf-api-token', text: 'TF_TOKEN_app_terraform_io=LKOmxgJTeKdNnF.atlasv1.RIBXuDL7DxtpYlSXpfKtHF4vUCsMehGAkWvj7FAc9QeWJKY40uvSwMFLZDe1f8rESQe', secret: 'LKOmxgJTeKdNnF.atlasv1.RIBXuDL7DxtpYlSXpfKtHF4vUCsMehGAkWvj7FAc9QeWJKY40uvSwMFLZDe1f8rESQe', note: 'the real shape: 14 + .atlasv1. + 67 alphanumerics' },
  { rule: 'hashicorp-tf-api-token', text: 'token: dUStPKR0CsTy4Q.atlasv1.wb8DwkNhFdnXsiVpzz63FfkCzJr4i0B3JrTAwR4y', negative: true, note: '40-character secret: truncated' },
  { rule: 'hashicorp-tf-api-token', text: 'grpc: atlasv1.RegisterAtlasServiceServer(grpcSrv, app.GRPCServer)', negative: true },

  // ---------------------------------------------------------------- doppler / pulumi
  { rule: 'doppler-api-token', text: 'DOPPLER_TOKEN=dp.pt.1A5VFbgnBm2khnZMHdDhMentdf7Bu98VsmJ33tL1tF8', secret: 'dp.pt.1A5VFbgnBm2khnZMHdDhMentdf7Bu98VsmJ33tL1tF8' },
  { rule: 'doppler-api-token', text: 'doppler run --token dp.st.prd.dEA9qrpucrRsGo2WBGgemdvD4SMJRRzEuhUnGwcNev1 -- ./server', secret: 'dp.st.prd.dEA9qrpucrRsGo2WBGgemdvD4SMJRRzEuhUnGwcNev1' },
  { rule: 'doppler-api-token', text: 'DOPPLER_TOKEN=dp.xx.1A5VFbgnBm2khnZMHdDhMentdf7Bu98VsmJ33tL1tF8', negative: true, note: 'unknown token type' },
  { rule: 'pulumi-api-token', text: 'PULUMI_ACCESS_TOKEN=pul-e29bed9a26b60f4bf84e0f77536e9781c77aa19e', secret: 'pul-e29bed9a26b60f4bf84e0f77536e9781c77aa19e' },
  { rule: 'pulumi-api-token', text: '<img src="./assets/vipul-f0eb1acf0da84c06a50c5b2c59932001997786b176dec02bd16128ee9ea83628.png">', negative: true, note: 'pul- inside a word' },

  // ---------------------------------------------------------------- sourcegraph / snyk / sonar / databricks
  { rule: 'sourcegraph-access-token', text: 'SRC_ACCESS_TOKEN=sgp_88c540b32e24c927e751651604ecbca0e5f72981', secret: 'sgp_88c540b32e24c927e751651604ecbca0e5f72981' },
  { rule: 'sourcegraph-access-token', text: 'Authorization: token sgp_df899b649d041093_b776cd10f00de48342754f96653dfbb30c52f340', secret: 'sgp_df899b649d041093_b776cd10f00de48342754f96653dfbb30c52f340' },
  { rule: 'sourcegraph-access-token', text: 'SOURCEGRAPH_TOKEN=6d2fabeb6add229bc199faba28fd3efb57df0bd3', secret: '6d2fabeb6add229bc199faba28fd3efb57df0bd3', note: 'pre-prefix token under a sourcegraph key name' },
  { rule: 'sourcegraph-access-token', text: 'sgp_652d9a2e48FC7E!FcDbEA1BC2E2A6CE23cFe7F7D', negative: true },
  { rule: 'sourcegraph-access-token', text: 'commit=6d2fabeb6add229bc199faba28fd3efb57df0bd3 sourcegraph indexing done', negative: true, note: 'a sha without the key name' },
  { rule: 'sourcegraph-access-token', text: 'SRC_ACCESS_TOKEN=sgph_40928b5b7a767c76_fb008f86bebb2737f6a6f0fb23c6f5da2cec2554', secret: 'sgph_40928b5b7a767c76_fb008f86bebb2737f6a6f0fb23c6f5da2cec2554', note: 'sgph_ is accepted by Sourcegraph\'s token parser' },
  { rule: 'sourcegraph-access-token', text: 'Sourcegraph_Token: 6d2fabeb6add229bc199faba28fd3efb57df0bd3', secret: '6d2fabeb6add229bc199faba28fd3efb57df0bd3' },
  { rule: 'sourcegraph-access-token', text: 'market=SGP_3598805ee9b36398c8c2c1c2a70c495ba66c12ae', negative: true, note: 'SGP_ (Singapore) is not the lower-case sgp_ prefix' },
  { rule: 'snyk-api-token', text: 'SNYK_TOKEN=4a7b7c4f-054a-4b8f-a4ac-fd53227cc045', secret: '4a7b7c4f-054a-4b8f-a4ac-fd53227cc045' },
  { rule: 'snyk-api-token', text: '{"snyk_api_token": "4a7b7c4f-054a-4b8f-a4ac-fd53227cc045"}', secret: '4a7b7c4f-054a-4b8f-a4ac-fd53227cc045' },
  { rule: 'snyk-api-token', text: 'snyk test --org=4a7b7c4f-054a-4b8f-a4ac-fd53227cc045', negative: true, note: 'an org id after a snyk command, not under a key name' },
  { rule: 'snyk-api-token', text: 'snyk monitor project=4a7b7c4f-054a-4b8f-a4ac-fd53227cc045', negative: true, note: 'UUID not directly under a snyk key name' },
  { rule: 'sonar-api-token', text: 'mvn sonar:sonar -Dsonar.token=squ_950c12cf9233e87dd6f5f251bd7e557d501ea01a', secret: 'squ_950c12cf9233e87dd6f5f251bd7e557d501ea01a' },
  { rule: 'sonar-api-token', text: 'SONAR_TOKEN=sqp_519af049c558fd0985cc13fbb937af1896da5dd6', secret: 'sqp_519af049c558fd0985cc13fbb937af1896da5dd6' },
  { rule: 'sonar-api-token', text: 'SONAR_TOKEN=sqx_519af049c558fd0985cc13fbb937af1896da5dd6', negative: true },
  { rule: 'sonar-legacy-token', text: 'SONAR_LOGIN=1c0e911db6b3a69df11a56131c5b5f2382dcc7b4', secret: '1c0e911db6b3a69df11a56131c5b5f2382dcc7b4' },
  { rule: 'sonar-legacy-token', text: 'SONAR_HOST_URL=https://sonarcloud.io', negative: true },
  { rule: 'databricks-api-token', text: 'DATABRICKS_TOKEN=dapi9697d94061ac2ca9f8872af6cf4e4c85', secret: 'dapi9697d94061ac2ca9f8872af6cf4e4c85' },
  { rule: 'databricks-api-token', text: 'token = dapif13ac4b49d1cb31f69f678e39602e381-2', secret: 'dapif13ac4b49d1cb31f69f678e39602e381-2', note: 'gitleaks tp sample' },
  { rule: 'databricks-api-token', text: 'DATABRICKS_TOKEN=dapi123456789012345678a9bc01234defg5', negative: true, note: 'g is not hex' },
  { rule: 'databricks-api-token', text: 'databricks configure --token <<< dapi04e4fb440034d6608697a8d41bed440e-3', secret: 'dapi04e4fb440034d6608697a8d41bed440e-3', note: 'Azure Databricks -<digit> suffix' },
  { rule: 'databricks-api-token', text: 'TOKEN=DAPI9697D94061AC2CA9F8872AF6CF4E4C85', negative: true, note: 'upper case: the Token API returns dapi + lower-case hex' },
  // Long-tail provider formats (issue 12): random fake values.
  { rule: "rubygems-api-token", text: "GEM_HOST_API_KEY=rubygems_4bae39338a37f517052bfe24b4b542b0fcf7e00b3ad6facf gem push acme-1.2.0.gem", secret: "rubygems_4bae39338a37f517052bfe24b4b542b0fcf7e00b3ad6facf" },
  { rule: "rubygems-api-token", text: "Successfully registered gem: rubygems_mirror (0.3.1)", negative: true, note: "gem name" },
  { rule: "clojars-api-token", text: "CLOJARS_PASSWORD=CLOJARS_1cf2738bf132294f6a2238aa110ba9ff2386935cd5345825e17025b68d9e", secret: "CLOJARS_1cf2738bf132294f6a2238aa110ba9ff2386935cd5345825e17025b68d9e" },
  { rule: "clojars-api-token", text: "CLOJARS_USERNAME=acme-bot", negative: true, note: "env var name" },
  { rule: "crates-io-api-token", text: "cargo publish --token ciogYoCGx4libw0ShEFS0cb3KXfZptUnlNi", secret: "ciogYoCGx4libw0ShEFS0cb3KXfZptUnlNi" },
  { rule: "crates-io-api-token", text: "Francisco precious associo", negative: true, note: "cio inside words" },
  { rule: "nuget-api-key", text: "dotnet nuget push Acme.1.0.0.nupkg --api-key oy2bg68kos0ai1n85oxzmwqda0tkn0gx8llxg535bj5rek --source nuget.org", secret: "oy2bg68kos0ai1n85oxzmwqda0tkn0gx8llxg535bj5rek" },
  { rule: "nuget-api-key", text: "oy2xnoj5fntxi1iwldrh89j", negative: true, note: "too short" },
  { rule: "gitlab-session-cookie", text: "> Cookie: _gitlab_session=f2470507ef92ad8b904c702cfa9f2904; event_filter=all", secret: "f2470507ef92ad8b904c702cfa9f2904" },
  { rule: "gitlab-session-cookie", text: "Set-Cookie: _gitlab_session=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT", negative: true, note: "cleared cookie" },
  { rule: "harness-api-key", text: "x-api-key: pat.5jxuA9tdYyFlBIHwTL-Jdf.zWj1FgIGdhbs51cL0r1pCPC0.sGNuNyyfZynOx5rAc7OP", secret: "pat.5jxuA9tdYyFlBIHwTL-Jdf.zWj1FgIGdhbs51cL0r1pCPC0.sGNuNyyfZynOx5rAc7OP" },
  { rule: "harness-api-key", text: "loaded module compat.py from site-packages", negative: true, note: "pat. in a word" },
  { rule: "youtrack-permanent-token", text: "Authorization: Bearer perm:ZPs3anPn==.ZHH6o3Ci==.vJMAcviNs7NBmlSy8G3G3MjA4JFOvb", secret: "perm:ZPs3anPn==.ZHH6o3Ci==.vJMAcviNs7NBmlSy8G3G3MjA4JFOvb" },
  { rule: "youtrack-permanent-token", text: "chmod perm:0644 file.txt", negative: true, note: "permission string" },
  { rule: "databricks-oauth-secret", text: "DATABRICKS_CLIENT_SECRET=dose5b0bc7a793eb30d814d9f1d6474a5362", secret: "dose5b0bc7a793eb30d814d9f1d6474a5362" },
  { rule: "databricks-oauth-secret", text: "max dose 20mg per day", negative: true, note: "the word dose" },
];
