/** Reading files upload v2 off the Web API stand-in: which file was shared where, with which bytes. */
import type { RecordedCall, SlackApiStandIn } from './slack-api-stand-in.ts';

export interface SharedFile {
  /** files.completeUploadExternal's channel_id: where the file was shared. */
  channelId: unknown;
  comment: unknown;
  fileIds: string[];
  /** The bytes POSTed to each file's upload URL, in the order of `fileIds`. */
  bytes: Buffer[];
  complete: RecordedCall;
}

/** The n-th completed upload (1-based), waiting for it; failed calls count too. */
export async function sharedFile(standIn: SlackApiStandIn, count = 1, timeoutMs = 20_000): Promise<SharedFile> {
  const complete = await standIn.waitForCall('files.completeUploadExternal', { count, timeoutMs });
  const raw = complete.body.files;
  const files = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ id: string }>;
  const fileIds = files.map((f) => f.id);
  const bytes = fileIds.map((id) => {
    const upload = standIn.callsTo('file_upload').find((c) => c.body.fileId === id && !c.failed);
    if (!upload) throw new Error(`no bytes were uploaded for ${id}`);
    return upload.body.bytes as Buffer;
  });
  return { channelId: complete.body.channel_id, comment: complete.body.initial_comment, fileIds, bytes, complete };
}
