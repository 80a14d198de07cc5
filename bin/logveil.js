#!/usr/bin/env node
// The logveil sidecar: see `logveil --help`. Runs the build in dist/ (npm ci builds it).
import { main } from '../dist/cli.js';

process.exitCode = await main();
