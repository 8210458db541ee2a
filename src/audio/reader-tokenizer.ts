// A strtok3 tokenizer over a RandomAccessReader, so music-metadata can parse files it cannot hold in memory.
import {
  AbstractTokenizer,
  EndOfStreamError,
  type IRandomAccessFileInfo,
  type IReadChunkOptions,
} from 'strtok3';
import type { RandomAccessReader } from '../media-store/media-store.ts';

/** Random-access tokenizer: every read goes to `reader.read(offset, length)` at the asked position. */
export class ReaderTokenizer extends AbstractTokenizer {
  readonly fileInfo: IRandomAccessFileInfo;
  readonly #reader: RandomAccessReader;

  /** `maxBufferSize` bounds any single read a parser asks for (a tag claiming 200 MB, say). */
  constructor(
    reader: RandomAccessReader,
    options: { maxBufferSize?: number; mimeType?: string; path?: string } = {},
  ) {
    const { maxBufferSize, ...fileInfo } = options;
    super({ maxBufferSize });
    this.#reader = reader;
    this.fileInfo = { ...fileInfo, size: reader.size };
  }

  supportsRandomAccess(): boolean {
    return true;
  }

  setPosition(position: number): void {
    this.position = position;
  }

  async readBuffer(buffer: Uint8Array, options?: IReadChunkOptions): Promise<number> {
    const normalized = this.normalizeOptions(buffer, options);
    const bytesRead = await this.peekBuffer(buffer, normalized);
    this.position = normalized.position + bytesRead;
    return bytesRead;
  }

  async peekBuffer(buffer: Uint8Array, options?: IReadChunkOptions): Promise<number> {
    const normalized = this.normalizeOptions(buffer, options);
    const available = Math.max(0, Math.min(this.#reader.size - normalized.position, normalized.length));
    if (!normalized.mayBeLess && available < normalized.length) throw new EndOfStreamError();
    if (available === 0) return 0;
    const bytes = await this.#reader.read(normalized.position, available);
    buffer.set(bytes, 0);
    if (!normalized.mayBeLess && bytes.byteLength < normalized.length) throw new EndOfStreamError();
    return bytes.byteLength;
  }
}
