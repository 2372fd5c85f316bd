/** PUT for the administration pages: the shared api-client's. */
export { apiPut } from '../../../lib/api-client.js';
