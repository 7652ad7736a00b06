// Email goes out over real SMTP when SMTP_URL is set: a local SMTP listener receives the letter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { makeTestContext } from '../helpers/context.ts';
import { canSendMail, sendMail } from '../../src/auth/mail.ts';

/** The smallest SMTP server nodemailer will talk to; collects each message's envelope and data. */
function smtpListener() {
  const received: { from: string; to: string[]; data: string }[] = [];
  const server = createServer((socket: Socket) => {
    let buffer = '';
    let inData = false;
    let current = { from: '', to: [] as string[], data: '' };
    socket.write('220 mail.khabar.test ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          current.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          received.push(current);
          current = { from: '', to: [], data: '' };
          inData = false;
          socket.write('250 queued\r\n');
          continue;
        }
        const nl = buffer.indexOf('\r\n');
        if (nl < 0) return;
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 mail.khabar.test\r\n');
        else if (verb === 'MAIL') { current.from = line; socket.write('250 ok\r\n'); }
        else if (verb === 'RCPT') { current.to.push(line); socket.write('250 ok\r\n'); }
        else if (verb === 'DATA') { inData = true; socket.write('354 go on\r\n'); }
        else if (verb === 'QUIT') { socket.end('221 bye\r\n'); return; }
        else socket.write('250 ok\r\n');
      }
    });
  });
  return { server, received };
}

test('with SMTP_URL set, a letter is delivered over SMTP from the site\'s own address', async () => {
  const { server, received } = smtpListener();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const t = await makeTestContext('sqlite', { smtpUrl: `smtp://127.0.0.1:${port}?ignoreTLS=true`, publicUrl: 'https://news.khabar.test' });
  try {
    assert.equal(canSendMail(t.ctx), true);
    assert.equal(await sendMail(t.ctx, { to: 'reporter@khabar.test', subject: 'Your invitation', text: 'Open https://news.khabar.test/admin/invitation?token=abc' }), true);
    assert.equal(received.length, 1);
    assert.match(received[0].from, /<no-reply@news\.khabar\.test>/);
    assert.deepEqual(received[0].to, ['RCPT TO:<reporter@khabar.test>']);
    assert.match(received[0].data, /^Subject: Your invitation$/m);
    assert.match(received[0].data, /admin\/invitation\?token=abc/);
  } finally {
    await t.close();
    server.close();
  }
});

test('without SMTP_URL nothing is sent and the caller is told so', async () => {
  const t = await makeTestContext('sqlite');
  try {
    assert.equal(canSendMail(t.ctx), false);
    assert.equal(await sendMail(t.ctx, { to: 'reporter@khabar.test', subject: 'x', text: 'y' }), false);
  } finally {
    await t.close();
  }
});
