import { cursorAfter } from '../../nodes/shared/transport/pagination';

describe('where a limit/after list continues', () => {
	const data = [{ id: 'a' }, { id: 'b' }];

	it('follows the API\'s `next` first (groups, roles and role assignments answer with it)', () => {
		expect(cursorAfter({ has_more: true, next: 'cursor-9', last_id: 'b' }, data)).toBe('cursor-9');
		expect(cursorAfter({ has_more: true, next: 'cursor-9' }, [{ id: 'user-1' }])).toBe('cursor-9');
	});

	it('then `last_id` (projects, users, invites, keys…)', () => {
		expect(cursorAfter({ has_more: true, last_id: 'b' }, data)).toBe('b');
		expect(cursorAfter({ has_more: true, next: null, last_id: 'b' }, data)).toBe('b');
		expect(cursorAfter({ has_more: true, next: '', last_id: 'b' }, data)).toBe('b');
	});

	it('then the last entry\'s id, and nothing when there is none', () => {
		expect(cursorAfter({ has_more: true }, data)).toBe('b');
		expect(cursorAfter({ has_more: true, last_id: null }, [])).toBeUndefined();
	});
});
