import type { webApi } from '@slack/bolt';
import { slackFailure } from './failure.ts';

/**
 * One file to Slack with files upload v2 (files.getUploadURLExternal → the bytes to the URL it
 * gives → files.completeUploadExternal), through the Web API client's own `filesUploadV2`.
 * Shared in `channelId` when given (people there see it), else only uploaded to the bot's
 * files. Every failure comes back as a PostFailure: its `detail` is Slack's error code
 * (`not_in_channel`, `channel_not_found`…) or the HTTP status, never the token.
 */
export interface FileToUpload {
  bytes: Buffer;
  filename: string;
  title: string;
  /**
   * A conversation id (C…, G…, D…): Slack refuses a user id here (invalid_arguments), so open
   * the person's DM first with openDirectMessage (./open-dm.ts).
   */
  channelId?: string;
  threadTs?: string;
  /** Posted with the file, in the message that shares it. */
  initialComment?: string;
  altText?: string;
}

export async function uploadFile(client: webApi.WebClient, file: FileToUpload): Promise<{ fileId: string }> {
  let result: webApi.WebAPICallResult & { files?: Array<{ files?: Array<{ id?: string }> ; id?: string }> };
  try {
    result = await client.filesUploadV2({
      file: file.bytes,
      filename: file.filename,
      title: file.title,
      ...(file.altText ? { alt_text: file.altText } : {}),
      ...(file.initialComment ? { initial_comment: file.initialComment } : {}),
      ...(file.channelId ? { channel_id: file.channelId } : {}),
      ...(file.threadTs ? { thread_ts: file.threadTs } : {}),
    } as webApi.FilesUploadV2Arguments);
  } catch (error) {
    throw slackFailure(error);
  }
  // filesUploadV2 answers one completeUploadExternal result per upload job.
  const completed = result.files?.[0];
  const fileId = completed?.files?.[0]?.id ?? completed?.id;
  if (typeof fileId !== 'string') throw slackFailure(new Error('files.completeUploadExternal named no file'));
  return { fileId };
}
