'use strict';
/** OpenAI Organization > Usage of a kind besides completions, grouped as the contract allows, and Costs by API key with names, inside a real n8n. */
const { itemsJson, why, succeeded, apiRequests } = require('../lib/expectations');

module.exports = [
	{
		workflow: 'usage-images-and-costs-by-key.json',
		async verify({ run, requests, check }) {
			check('Usage of images and Costs by API key run', succeeded(run), why(run));
			const usage = itemsJson(run, 'Image Usage');
			check('image usage comes per day, project, model, size and key', usage.length > 0 && usage.every((item) => typeof item.images === 'number' && item.size === '1024x1024' && item.model === 'gpt-image-1' && 'apiKeyId' in item), JSON.stringify(usage[0]));
			const [usageRequest] = apiRequests(requests, 'GET', '/v1/organization/usage/images');
			const groupBy = usageRequest && [usageRequest.query['group_by[]']].flat();
			check('the request groups by project, model, size and API key', JSON.stringify(groupBy) === JSON.stringify(['project_id', 'model', 'size', 'api_key_id']), JSON.stringify(groupBy));
			const costs = itemsJson(run, 'Costs by Key');
			const named = costs.filter((item) => typeof item.apiKeyName === 'string');
			check('costs come per key, the keys named from their projects\' key lists', costs.length > 0 && named.length > 0 && costs.every((item) => 'apiKeyId' in item), `${costs.length} items, ${named.length} named`);
		},
	},
];
