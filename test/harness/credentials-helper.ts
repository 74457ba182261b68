import { Credentials, getAdditionalKeys } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsExpressionResolveValues,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowDataProxyAdditionalKeys,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, Workflow, isExpression } from 'n8n-workflow';

import { harnessNodeTypes, resolveCredentialType } from './type-registry';

const credentialResolutionNode: INode = {
	id: 'harness-credential-resolution',
	name: '',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/**
 * n8n's ICredentialsHelper over plain credential values, following what the n8n CLI's CredentialsHelper does:
 * stored data is encrypted and decrypted by n8n-core's Credentials, completed with the type's defaults, its
 * expressions resolved; `authenticate` is applied in its function form or its generic (object) form.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	private readonly encryptedById = new Map<string, Credentials>();

	constructor(plainById: Record<string, Record<string, unknown>>) {
		super();
		for (const [id, data] of Object.entries(plainById)) {
			const credentials = new Credentials({ id, name: id }, '');
			credentials.setData(data as ICredentialDataDecryptedObject);
			this.encryptedById.set(id, credentials);
		}
	}

	getParentTypes(typeName: string): string[] {
		const parents = resolveCredentialType(typeName).extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.tryParentTypes(parent)]);
	}

	private tryParentTypes(typeName: string): string[] {
		try {
			return this.getParentTypes(typeName);
		} catch {
			// n8n's own base types (oAuth2Api, …) are not loaded; they have no parents a test relies on.
			return [];
		}
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = resolveCredentialType(typeName);
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (authenticate?.type === 'generic') {
			requestOptions.headers ??= {};
			const target = requestOptions as unknown as Record<string, Record<string, unknown>>;
			for (const [section, entries] of Object.entries(authenticate.properties)) {
				target[section] ??= {};
				for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
					const resolvedKey = String(resolveForRequest(key, credentials, workflow, node));
					target[section][resolvedKey] = resolveForRequest(value, credentials, workflow, node);
				}
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	/** Refreshes an expirable token (a hidden property with `expirable`) through the type's `preAuthentication`. */
	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = resolveCredentialType(typeName);
		const expirable = credentialType.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!expirable || typeof credentialType.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;

		const output = await credentialType.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		const nodeCredentials = node.credentials?.[typeName];
		if (nodeCredentials)
			await this.updateCredentials(nodeCredentials, typeName, {
				...credentials,
				...(output as ICredentialDataDecryptedObject),
			});
		return Object.assign(credentials, output);
	}

	async getCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<Credentials> {
		const id = nodeCredentials.id;
		const stored = id === null ? undefined : this.encryptedById.get(id);
		if (!stored) {
			const known =
				[...this.encryptedById.keys()].map((knownId) => `"${knownId}"`).join(', ') || 'none';
			throw new Error(
				`Credential with ID "${id}" does not exist for type "${type}" (the harness was given: ${known}).`,
			);
		}
		return stored;
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = (await this.getCredentials(nodeCredentials, type)).getData();
		if (raw === true) return stored;

		const withDefaults = NodeHelpers.getNodeParameters(
			this.getCredentialsProperties(type),
			stored as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		const additionalKeys = getAdditionalKeys(additionalData, mode, null, { secretsEnabled: false });
		return resolveCredentialExpressions(
			withDefaults,
			mode,
			additionalKeys,
			executeData,
			expressionResolveValues,
		);
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		_type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		if (nodeCredentials.id === null) return;
		const credentials = new Credentials({ id: nodeCredentials.id, name: nodeCredentials.name }, '');
		credentials.setData(data);
		this.encryptedById.set(nodeCredentials.id, credentials);
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const current = (await this.getCredentials(nodeCredentials, type)).getData();
		await this.updateCredentials(nodeCredentials, type, {
			...current,
			oauthTokenData: data.oauthTokenData,
		});
	}

	/** The type's properties, with those of the types it `extends` (the child's win). */
	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialType = resolveCredentialType(type);
		const combined: INodeProperties[] = [];
		for (const parent of credentialType.extends ?? []) {
			NodeHelpers.mergeNodeProperties(combined, this.getCredentialsProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(combined, credentialType.properties);
		return combined;
	}
}

function resolveCredentialExpressions(
	data: ICredentialDataDecryptedObject,
	mode: WorkflowExecuteMode,
	additionalKeys: IWorkflowDataProxyAdditionalKeys,
	executeData: IExecuteData | undefined,
	resolveValues: ICredentialsExpressionResolveValues | undefined,
): ICredentialDataDecryptedObject {
	if (resolveValues) {
		return resolveValues.workflow.expression.getParameterValue(
			data as INodeParameters,
			resolveValues.runExecutionData,
			resolveValues.runIndex,
			resolveValues.itemIndex,
			resolveValues.node.name,
			resolveValues.connectionInputData,
			mode,
			additionalKeys,
			executeData,
			false,
			data,
		) as ICredentialDataDecryptedObject;
	}
	const workflow = new Workflow({
		nodes: [credentialResolutionNode],
		connections: {},
		active: false,
		nodeTypes: harnessNodeTypes,
	});
	return workflow.expression.getComplexParameterValue(
		credentialResolutionNode,
		data as INodeParameters,
		mode,
		additionalKeys,
		undefined,
		undefined,
		data,
	) as ICredentialDataDecryptedObject;
}

function resolveForRequest(
	value: unknown,
	credentials: ICredentialDataDecryptedObject,
	workflow: Workflow,
	node: INode,
): unknown {
	if (typeof value !== 'string' || !isExpression(value)) return value;
	const resolved = workflow.expression.getSimpleParameterValue(
		node,
		value,
		'internal',
		{ $credentials: credentials },
		undefined,
		'',
	);
	return resolved ? resolved.toString() : '';
}

/** Resolves one expression of a credential (e.g. its test request's URL) with n8n's expression engine. */
export function resolveCredentialExpression(value: unknown, credentials: ICredentialDataDecryptedObject): unknown {
	const workflow = new Workflow({ nodes: [credentialResolutionNode], connections: {}, active: false, nodeTypes: harnessNodeTypes });
	return resolveForRequest(value, credentials, workflow, credentialResolutionNode);
}
