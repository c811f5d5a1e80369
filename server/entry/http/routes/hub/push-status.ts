import { definePushRoute } from './push-route.ts';

export const pushStatus = definePushRoute('status', '/api/hub/statuses', 'Peer hub pushes a status package (EDXML bytes; package id in x-package-id)');
