#!/usr/bin/env -S node --max-semi-space-size=2
// --max-semi-space-size=2 (MiB, also in `npm start`): V8's young generation otherwise grows to 2 × 16 MiB
// and stays resident; measured ~45 MB less resident memory idle and while receiving (bench/hub/README.md).
// Runs the TypeScript sources directly (tsx), so a checkout needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../server/entry/cli/main.ts');
