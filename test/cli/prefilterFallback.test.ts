/**
 * The keyword prefilter's strategies, seen from the built command: the WebAssembly scan by
 * default, and the RE2 fallback when the runtime has no WebAssembly (`node --jitless`) —
 * masking the same, saying so once on stderr — or when LOGVEIL_PREFILTER=re2 asks for it.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bin } from './support.js';

const input = 'ok line\npassword=Zq8vT2mW9kR4 token=ghp_16C7e42F292c6912E7710c838347Ae178B4a\n{"api_key":"Zq8vT2mW9kR4pL7xNq3f"}\n'.repeat(3);

function run(nodeArgs: string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync(process.execPath, [...nodeArgs, bin], { input, env: { PATH: process.env.PATH, NODE_DEBUG: 'logveil', ...env }, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('prefilter strategy', () => {
  const wasm = run([], {});

  it('is the WebAssembly scan by default, and says so under NODE_DEBUG=logveil', () => {
    expect(wasm.code).toBe(0);
    expect(wasm.stderr).toMatch(/strategy wasm-simd keyword scan/);
    expect(wasm.stdout).not.toMatch(/Zq8vT2mW9kR4|ghp_16C7/);
  });

  it('falls back to RE2 without WebAssembly: the same output, one warning', () => {
    const jitless = run(['--jitless'], {});
    expect(jitless.code).toBe(0);
    expect(jitless.stdout).toBe(wasm.stdout);
    expect(jitless.stderr).toMatch(/strategy re2-keyword-scan \+ re2-set-per-line \(fallback: WebAssembly SIMD is unavailable/);
    expect(jitless.stderr.match(/LOGVEIL_NO_WASM_SIMD/g)).toHaveLength(1);
  });

  it('takes RE2 when LOGVEIL_PREFILTER=re2 asks for it, without a warning', () => {
    const re2 = run([], { LOGVEIL_PREFILTER: 're2' });
    expect(re2.code).toBe(0);
    expect(re2.stdout).toBe(wasm.stdout);
    expect(re2.stderr).toMatch(/fallback: LOGVEIL_PREFILTER=re2/);
    expect(re2.stderr).not.toMatch(/LOGVEIL_NO_WASM_SIMD/);
  });
});
