import { withoutTrailingSlash } from './trailing-slash';

describe('withoutTrailingSlash', () => {
  it.each([
    ['/api/users/', '/api/users'],
    ['/api/users/?page=1', '/api/users?page=1'],
    ['/users/login/', '/users/login'],
  ])('drops the trailing slash of the API path %p', (url, expected) => {
    expect(withoutTrailingSlash(url)).toBe(expected);
  });

  it.each(['/api/users', '/docs/', '/', '/api/users?next=/x/', '/api/users//', '/health/live/'])('leaves %p as it is', (url) => {
    expect(withoutTrailingSlash(url)).toBe(url);
  });
});
