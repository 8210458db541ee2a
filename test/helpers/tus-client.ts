// Drives tus-js-client (the studio's tus client) from Node: one upload to its end, recording the requests it made.
import { type HttpRequest, Upload, type UploadOptions } from 'tus-js-client';

export interface TusRun {
  /** The upload URL. */
  readonly url: string;
  /** `METHOD Upload-Offset` of every request the client sent, in order. */
  readonly requests: readonly string[];
}

/** Uploads `bytes` with tus-js-client; rejects with the client's error (status in `originalResponse`). */
export function tusUpload(
  bytes: Uint8Array,
  options: UploadOptions & { onStarted?: (upload: Upload) => void },
): Promise<TusRun> {
  const requests: string[] = [];
  return new Promise((resolve, reject) => {
    const upload = new Upload(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      retryDelays: [],
      ...options,
      onBeforeRequest(request: HttpRequest) {
        requests.push(`${request.getMethod()} ${request.getHeader('Upload-Offset') ?? ''}`.trim());
        return options.onBeforeRequest?.(request);
      },
      onSuccess(payload) {
        options.onSuccess?.(payload);
        resolve({ url: upload.url as string, requests });
      },
      onError(error) {
        options.onError?.(error);
        reject(error);
      },
    });
    options.onStarted?.(upload);
    upload.start();
  });
}
