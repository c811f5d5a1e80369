import { definePushRoute } from './push-route.ts';

export const pushPackage = definePushRoute('document', '/api/hub/packages', 'Peer hub pushes a document package (EDXML bytes; bearer token; acknowledgement after commit)');
