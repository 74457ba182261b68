/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import type { ServerResponse } from 'node:http';
import { appendAuditEvents, auditLogJson, auditStore, setAuditLogging, type AuditLogAppend } from './auditLogData';
import type { ControlTarget } from './control';
import { sendJson } from './http';

/**
 * `POST /__control/audit_logs` `{"events": [{"type": "api_key.created", "project_id": "proj_…"}]}` appends events
 * that happen now (or at `effective_at`), as between two polls of a trigger; answers them as the API lists them.
 * `POST /__control/audit_logs/settings` `{"organizationId": "org-…", "enabled": false}` turns an organization's
 * audit logging off or on. `POST /__control/channel` takes any JSON a workflow posts (as a Slack incoming webhook
 * would) and `GET /__control/channel` lists it; a reset empties it.
 */
export function handleAuditLogControl(route: string, raw: string, response: ServerResponse, target: ControlTarget) {
	const nowSeconds = Math.floor((target.now?.() ?? Date.now()) / 1000);
	let body: Record<string, unknown>;
	try {
		body = JSON.parse(raw || '{}');
	} catch {
		return sendJson(response, 400, JSON.stringify({ error: 'the body must be JSON' }));
	}
	if (route === 'POST /__control/audit_logs') {
		const events = body.events;
		if (!Array.isArray(events) || !events.every((event) => typeof event?.type === 'string')) {
			return sendJson(response, 400, JSON.stringify({ error: 'events must be a list of {type, …}' }));
		}
		const added = appendAuditEvents(target.state, events as AuditLogAppend[], nowSeconds);
		return sendJson(response, 200, JSON.stringify({ data: added.map(auditLogJson) }));
	}
	if (route === 'POST /__control/channel') {
		auditStore(target.state, nowSeconds).channel.push(body);
		return sendJson(response, 200, JSON.stringify({ ok: true }));
	}
	if (route === 'GET /__control/channel') {
		return sendJson(response, 200, JSON.stringify(auditStore(target.state, nowSeconds).channel));
	}
	if (route === 'POST /__control/audit_logs/settings') {
		if (typeof body.organizationId !== 'string' || typeof body.enabled !== 'boolean') {
			return sendJson(response, 400, JSON.stringify({ error: 'organizationId (string) and enabled (boolean) are required' }));
		}
		setAuditLogging(target.state, body.organizationId, body.enabled, nowSeconds);
		return sendJson(response, 200, JSON.stringify({ ok: true }));
	}
	return sendJson(response, 404, JSON.stringify({ error: `unknown control route ${route}` }));
}
