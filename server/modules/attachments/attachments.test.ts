import { describe, expect, it } from 'vitest';
import { useTestApp } from '#server/test/test-app.ts';
import { sniffMime } from './attachments.service.ts';
import { multipart } from './attachments.test-support.ts';

const env = useTestApp();

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('rest-of-a-tiny-png'),
]);
const PDF = Buffer.from('%PDF-1.4\n% 会议记录\n');

describe('sniffMime', () => {
  it.each([
    [PNG, 'image/png'],
    [Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'image/jpeg'],
    [PDF, 'application/pdf'],
    [Buffer.from('GIF89a....'), 'image/gif'],
    [Buffer.from('RIFF\0\0\0\0WEBPVP8 '), 'image/webp'],
    [Buffer.from('MZ\x90\0 an exe'), null],
    [Buffer.from('<html>'), null],
  ])('%#', (head, mime) => expect(sniffMime(head)).toBe(mime));
});

describe('attachments API', () => {
  it('uploads an image, lists and reads it back within scope (audited), hides it outside scope', async () => {
    const village = await env.login('village_officer');
    const up = multipart({ ownerKind: 'visit' }, { name: '入户照片.png', type: 'image/png', data: PNG });
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/attachments',
      headers: { cookie: village, ...up.headers },
      payload: up.payload,
    });
    expect(res.statusCode, res.body).toBe(200);
    const row = res.json();
    expect(row).toMatchObject({
      ownerKind: 'visit',
      ownerId: null,
      fileName: '入户照片.png',
      mime: 'image/png',
      sizeBytes: PNG.length,
      orgCode: '140521100201',
    });
    expect(row).not.toHaveProperty('sha256');

    const got = await env.app.inject({
      method: 'GET',
      url: `/api/attachments/${row.id}`,
      headers: { cookie: village },
    });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.rawPayload.equals(PNG)).toBe(true);

    // Linked by its owner's module on save (the owner kind here names no module that vouches for upload-time owners).
    const session = (await env.services.auth.resolve(village.split('=')[1]))!;
    await env.services.db.transaction((tx) =>
      env.services.attachments.link(
        tx,
        { actor: session.actor, requestId: 't' },
        { ids: [row.id], ownerKind: 'visit', ownerId: 999, orgCode: '140521100201' },
      ),
    );
    const list = await env.app.inject({
      method: 'GET',
      url: '/api/attachments?ownerKind=visit&ownerId=999',
      headers: { cookie: await env.login('county_staff') },
    });
    expect(list.json()).toHaveLength(1);

    // A user of another village does not see it.
    const { services } = env;
    const other = {
      requestId: 't',
      actor: {
        id: 99,
        username: 'x',
        displayName: 'x',
        role: 'villageOfficer' as const,
        orgCode: '140521100202',
        orgName: 'x',
        feedSource: null,
        scopePrefix: '140521100202',
      },
    };
    await expect(services.attachments.openForRead(other, row.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const audit = await env.app.inject({
      method: 'GET',
      url: '/api/audit?entity=attachment',
      headers: { cookie: await env.login('county_admin') },
    });
    const actions = (audit.json().items as { action: string; entityId: string }[])
      .filter((a) => a.entityId === String(row.id))
      .map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['upload', 'read']));
  });

  it('accepts a PDF and refuses other file types whatever the declared type (zh/en)', async () => {
    const cookie = await env.login('township_staff');
    const ok = multipart({ ownerKind: 'caseStep' }, { name: '评议记录.pdf', type: 'application/pdf', data: PDF });
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/attachments',
      headers: { cookie, ...ok.headers },
      payload: ok.payload,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().ownerId).toBeNull();

    const bad = multipart(
      { ownerKind: 'caseStep' },
      { name: 'x.png', type: 'image/png', data: Buffer.from('MZ not an image') },
    );
    const refused = await env.app.inject({
      method: 'POST',
      url: '/api/attachments',
      headers: { cookie, ...bad.headers },
      payload: bad.payload,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields[0]).toMatchObject({ field: 'file' });
    expect(refused.json().error.fields[0].messageZh).toContain('PDF');
  });

  it('refuses files over the size limit with 413 and a message', async () => {
    const cookie = await env.login('township_staff');
    const big = multipart(
      { ownerKind: 'caseStep' },
      { name: 'big.pdf', type: 'application/pdf', data: Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)]) },
    );
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/attachments',
      headers: { cookie, ...big.headers },
      payload: big.payload,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.messageZh).toContain('MB');
  });

  it('is refused to roles without the permission and to an org outside scope', async () => {
    const up = multipart({ ownerKind: 'visit' }, { name: 'a.png', type: 'image/png', data: PNG });
    const dept = await env.app.inject({
      method: 'POST',
      url: '/api/attachments',
      headers: { cookie: await env.login('dept_medical'), ...up.headers },
      payload: up.payload,
    });
    expect(dept.statusCode).toBe(403);
    const outside = multipart(
      { ownerKind: 'visit', orgCode: '140521104201' },
      { name: 'a.png', type: 'image/png', data: PNG },
    );
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/attachments',
      headers: { cookie: await env.login('township_staff'), ...outside.headers },
      payload: outside.payload,
    });
    expect(res.statusCode).toBe(404);
  });
});
