import { createFileRoute } from './create-file.ts';
import { getFileRoute } from './get-file.ts';

export const fileRoutes = [createFileRoute, getFileRoute];
