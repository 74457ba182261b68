import type { Handler } from '../context';
import type { Route } from '../routes';
import { createAdminApiKey, deleteAdminApiKey, listAdminApiKeys, retrieveAdminApiKey } from './adminKeys';
import {
	activateOrganizationCertificates,
	activateProjectCertificates,
	deactivateOrganizationCertificates,
	deactivateProjectCertificates,
	deleteCertificate,
	listOrganizationCertificates,
	listProjectCertificates,
	modifyCertificate,
	retrieveCertificate,
	uploadCertificate,
} from './certificates';
import { updateProjectServiceAccount } from './serviceAccountUpdate';

function at(method: Route['method'], path: string, handler: Handler): Route {
	return { method, pattern: new RegExp(`^/v1/organization/${path}$`), scope: 'api.management.read', handler };
}

const KEY = '(?<key_id>[^/]+)';
const CERTIFICATE = '(?<certificate_id>[^/]+)';
const PROJECT = 'projects/(?<project_id>[^/]+)';

/** Admin API keys, certificates (of the organization and per project), and a service account's update (issue 31). */
export const KEY_AND_CERTIFICATE_ROUTES: readonly Route[] = [
	at('GET', 'admin_api_keys', listAdminApiKeys),
	at('POST', 'admin_api_keys', createAdminApiKey),
	at('GET', `admin_api_keys/${KEY}`, retrieveAdminApiKey),
	at('DELETE', `admin_api_keys/${KEY}`, deleteAdminApiKey),
	at('GET', 'certificates', listOrganizationCertificates),
	at('POST', 'certificates', uploadCertificate),
	// Before certificates/{id}: "activate" and "deactivate" are not certificate IDs.
	at('POST', 'certificates/activate', activateOrganizationCertificates),
	at('POST', 'certificates/deactivate', deactivateOrganizationCertificates),
	at('GET', `certificates/${CERTIFICATE}`, retrieveCertificate),
	at('POST', `certificates/${CERTIFICATE}`, modifyCertificate),
	at('DELETE', `certificates/${CERTIFICATE}`, deleteCertificate),
	at('GET', `${PROJECT}/certificates`, listProjectCertificates),
	at('POST', `${PROJECT}/certificates/activate`, activateProjectCertificates),
	at('POST', `${PROJECT}/certificates/deactivate`, deactivateProjectCertificates),
	at('POST', `${PROJECT}/service_accounts/(?<service_account_id>[^/]+)`, updateProjectServiceAccount),
];
