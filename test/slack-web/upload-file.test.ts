import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PostFailure } from '../../commands/alerts/publish.ts';
import { uploadFile } from '../../src/slack-web/upload-file.ts';
import { startSlackApiStandIn, type SlackApiStandIn } from '../support/slack-api-stand-in.ts';

let standIn: SlackApiStandIn;
let client: webApi.WebClient;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

beforeAll(async () => {
  standIn = await startSlackApiStandIn();
  client = new webApi.WebClient('xoxb-upload-test', {
    slackApiUrl: standIn.url,
    retryConfig: { retries: 0 },
    logLevel: webApi.LogLevel.ERROR,
  });
});
beforeEach(() => standIn.reset());
afterAll(() => standIn.close());

describe('files upload v2', () => {
  it('asks for an upload URL, sends the bytes there and shares the file in the channel', async () => {
    const { fileId } = await uploadFile(client, { bytes: PNG, filename: '13.png', title: '⑬', channelId: 'C0PLAN', initialComment: 'グラフ' });
    const asked = standIn.callsTo('files.getUploadURLExternal')[0]!;
    expect(asked.body).toMatchObject({ filename: '13.png', length: String(PNG.length) });
    const sent = standIn.callsTo('file_upload')[0]!;
    expect(sent.body.fileId).toBe(fileId);
    expect(Buffer.compare(sent.body.bytes as Buffer, PNG)).toBe(0);
    const completed = standIn.callsTo('files.completeUploadExternal')[0]!;
    expect(completed.body).toMatchObject({ channel_id: 'C0PLAN', initial_comment: 'グラフ' });
    expect(JSON.stringify(completed.body.files)).toContain(fileId);
  });

  it('reports Slack refusing to share (not_in_channel) as a PostFailure naming the code', async () => {
    standIn.failNext('files.completeUploadExternal', 1, { okFalse: 'not_in_channel' });
    const failure = await uploadFile(client, { bytes: PNG, filename: '13.png', title: '⑬', channelId: 'C0ELSE' }).catch((e) => e);
    expect(failure).toBeInstanceOf(PostFailure);
    expect(failure).toMatchObject({ kind: 'platform', detail: 'not_in_channel' });
  });
});
