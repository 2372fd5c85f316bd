import { describe, expect, it } from 'vitest';
import { matchAppRoute } from './routes.js';

const table = [{ path: '/' }, { path: '/tasks' }, { path: '/tasks/:no' }, { path: '/zones' }];

describe('matchAppRoute', () => {
  it('matches static and parameterised paths', () => {
    expect(matchAppRoute('/', table)?.path).toBe('/');
    expect(matchAppRoute('/tasks', table)?.path).toBe('/tasks');
    expect(matchAppRoute('/tasks/', table)?.path).toBe('/tasks');
    expect(matchAppRoute('/tasks/6', table)?.path).toBe('/tasks/:no');
    expect(matchAppRoute('/zones/x', table)).toBeUndefined();
    expect(matchAppRoute('/nope', table)).toBeUndefined();
  });
});
