// `npm run test:pg` needs a PostgreSQL server to create throw-away databases in.
if (!process.env.TEST_DATABASE_URL) {
  console.error('请设置 TEST_DATABASE_URL / set TEST_DATABASE_URL, e.g. postgres://postgres@localhost:5432/postgres');
  process.exit(2);
}
