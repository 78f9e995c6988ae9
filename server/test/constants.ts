/** Key for tests only; real installs generate theirs into DATA_DIR. */
export const TEST_SECRET = 'test-secret-for-guardline-tests-only-0123456789';
