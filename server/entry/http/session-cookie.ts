export const SESSION_COOKIE = 'lt_session';
