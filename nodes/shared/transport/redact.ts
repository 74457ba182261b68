const KEY_LIKE = /\bsk-[A-Za-z0-9_-]{16,}/g;
/** `scheme://user:password@` in any URL: the password goes, the user name stays to recognise the URL by. */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#@:]*):[^\s/?#@]*@/gi;
/** `Authorization: …`, `api-key=…`, `"cookie": "…"`: the value of a header that carries a secret. */
const SECRET_HEADER =
	/\b(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key|openai-api-key)(["']?\s*[:=]\s*["']?)((?:bearer|basic|token)\s+)?[^\s"',;)]+/gi;
/** A credential after its scheme anywhere else in a text: `Bearer abc…`, `Basic dXNl…`. */
const SCHEME_CREDENTIAL = /\b(Bearer|Basic)\s+(?!\*\*\*)[A-Za-z0-9._~+/=-]{6,}/g;
const HIDDEN = '***';

/** `sk-...abcd`: enough to tell keys apart in an error, never enough to use one. */
export function keyFingerprint(apiKey: string): string {
	if (!apiKey) return '(no key)';
	return `${apiKey.startsWith('sk-') ? 'sk-' : ''}...${apiKey.slice(-4)}`;
}

/** What a text may contain that must not reach the user: the request's own key and Base URL. */
export interface SecretsToHide {
	apiKey?: string;
	baseUrl?: string;
}

function loginIn(baseUrl: string | undefined): { user: string; password: string } | undefined {
	const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#@]*)@/i.exec(baseUrl ?? '');
	if (!match) return undefined;
	const [user, ...rest] = match[1].split(':');
	return { user, password: rest.join(':') };
}

function decoded(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/**
 * The one redaction of this package, used by the error table for every message, fix and detail: the request's
 * API key and anything shaped like an OpenAI key become a fingerprint (sk-...abcd); a password in any URL, the value
 * of any header that carries a secret (Authorization, cookies, api-key…), a Bearer or Basic credential, and the
 * Base URL's own password (plain or URL-decoded) become ***.
 */
export function redactSecrets(text: string, secrets?: string | SecretsToHide): string {
	const { apiKey, baseUrl } = typeof secrets === 'string' ? { apiKey: secrets, baseUrl: undefined } : (secrets ?? {});
	let result = text;
	if (apiKey && apiKey.length >= 8) result = result.split(apiKey).join(keyFingerprint(apiKey));
	const login = loginIn(baseUrl);
	if (login && login.password) {
		for (const secret of [login.password, decoded(login.password)]) {
			if (secret.length >= 3) result = result.split(secret).join(HIDDEN);
		}
	}
	return result
		.replace(KEY_LIKE, (key) => keyFingerprint(key))
		.replace(URL_USERINFO, `$1$2:${HIDDEN}@`)
		.replace(SECRET_HEADER, (_match, name: string, separator: string, scheme: string | undefined) =>
			`${name}${separator}${scheme ?? ''}${HIDDEN}`,
		)
		.replace(SCHEME_CREDENTIAL, `$1 ${HIDDEN}`);
}
