#!/usr/bin/env -S node --max-semi-space-size=2 --expose-gc
// --max-semi-space-size=2 (MiB, also in `npm start`): V8's young generation otherwise grows to 2 × 16 MiB
// and stays resident; measured ~45 MB less resident memory idle and while receiving (bench/hub/README.md).
// --expose-gc: `lienthong start` runs one full collection once it serves, releasing the start-up's garbage
// (migrations, compiled sources), which otherwise stays resident until the first large allocation.
// Runs the TypeScript sources directly (tsx), so a checkout needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../server/entry/cli/main.ts');
