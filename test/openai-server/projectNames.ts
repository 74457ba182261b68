import { pick, type Random } from './random';

const PREFIXES = [
	'Marketing',
	'Support',
	'Sales',
	'Legal',
	'Finance',
	'HR',
	'Product',
	'Research',
	'Data Platform',
	'Customer Success',
	'Security',
	'Onboarding',
	'Internal Tools',
	'Mobile App',
	'Search',
];

const PURPOSES = [
	'Copy Generator',
	'Triage Bot',
	'Assistant',
	'Summarizer',
	'Email Drafts',
	'Knowledge Base',
	'Classifier',
	'Chat Widget',
	'Translation',
	'Contract Review',
	'Analytics Q&A',
	'Prototype',
	'Evaluation Harness',
	'Batch Jobs',
];

const SUFFIXES = ['', '', '', ' (staging)', ' (prod)', ' v2', ' - EU'];

/** Realistic, deterministic project names; repeats are allowed, as OpenAI allows them. */
export function randomProjectName(random: Random): string {
	return `${pick(random, PREFIXES)} ${pick(random, PURPOSES)}${pick(random, SUFFIXES)}`;
}
