import type { OutsiderCases } from './types.ts';

export const coreCases: OutsiderCases = {
  'GET /healthz': { kind: 'public', why: 'says only that the process runs' },
  'GET /readyz': { kind: 'public', why: 'says only whether the database is reachable and migrated' },
  'GET /api/openapi.json': { kind: 'public', why: 'the API description holds no data' },
  'POST /api/auth/login': { kind: 'public', why: 'starts a session for the credentials given; a wrong one gets the same answer for every user' },
  'POST /api/auth/logout': { kind: 'self', why: 'ends the caller’s own session only' },
  'GET /api/auth/me': { kind: 'self', why: 'returns the caller’s own profile only' },
  'POST /api/auth/password': { kind: 'self', why: 'changes the caller’s own password only (current password required)' },
};
