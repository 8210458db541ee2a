// analyzeMpeg: the exact decoded length of an MP3 from its VBR header when trustworthy, else by walking every frame.
import type { RandomAccessReader } from '../../media-store/media-store.ts';
import { type FrameHeader, parseFrameHeader, STREAM_SIGNATURE_MASK } from './frame-header.ts';
import { findFirstFrame } from './frame-sync.ts';
import { walkFrames } from './frame-walk.ts';
import { minuteFrames } from './minute-mark.ts';
import { parseVbrHeader, type VbrHeader } from './vbr-header.ts';

export interface MpegAnalysis {
  readonly durationSeconds: number;
  /** Samples a gapless decoder outputs (encoder delay and padding removed when the LAME tag says). */
  readonly samples: number;
  readonly header: FrameHeader;
  /** Average bits per second over the audio frames. */
  readonly bitrate: number;
  readonly method: 'xing' | 'info' | 'vbri' | 'frame-walk';
  readonly frames: number;
  readonly vbr: VbrHeader | undefined;
  /** Offset of the first audio frame (after tags, junk and the header frame). */
  readonly audioStart: number;
  /**
   * Offset just past the frame in which gapless playback reaches 60 s; undefined when the stream
   * ends first or the frames up to there could not be walked.
   */
  readonly minuteEnd: number | undefined;
  readonly partial: boolean;
  readonly warnings: readonly string[];
}

/**
 * Analyses the MPEG audio between `start` (after ID3v2) and `end` (before trailing tags).
 * A Xing/Info or VBRI frame count is used only when the declared stream size matches the bytes
 * present; otherwise, or without such a header, every frame is walked, which is exact.
 */
export async function analyzeMpeg(
  reader: RandomAccessReader,
  start: number,
  end: number,
): Promise<MpegAnalysis> {
  const first = await findFirstFrame(reader, start, end);
  const header = parseFrameHeader(first.header) as FrameHeader;
  const firstFrame = await reader.read(first.offset, header.frameLength);
  const vbr = parseVbrHeader(firstFrame, header);
  const audioStart = vbr ? first.offset + header.frameLength : first.offset;
  const warnings: string[] = [];
  if (first.offset > start)
    warnings.push(`skipped ${first.offset - start} bytes of junk before the first frame`);

  const available = end - first.offset;
  const signature = first.header & STREAM_SIGNATURE_MASK;
  const mark = minuteFrames(header, vbr);
  if (vbr?.frames !== undefined && vbr.frames > 0) {
    const declared = vbr.bytes;
    const slack = header.frameLength * 2;
    if (declared === undefined || Math.abs(declared - available) <= slack) {
      const raw = vbr.frames * header.samplesPerFrame;
      const trim = (vbr.encoderDelay ?? 0) + (vbr.encoderPadding ?? 0);
      const samples = trim < raw ? raw - trim : raw;
      // The length needs no walk; where the first minute ends does: walk just that far.
      const perFrame = declared !== undefined ? declared / (vbr.frames + 1) : header.frameLength;
      const short =
        mark <= vbr.frames
          ? await walkFrames(reader, audioStart, end, signature, {
              mark,
              stopAtMark: true,
              firstChunk: Math.ceil(mark * perFrame * 1.1) + 4096,
            })
          : undefined;
      return result(
        header,
        samples,
        vbr.kind,
        vbr.frames,
        (end - audioStart) * 8,
        vbr,
        audioStart,
        short?.markEnd,
        false,
        warnings,
      );
    }
    warnings.push(
      declared > available
        ? `file is truncated: the ${vbr.kind} header declares ${declared} bytes, ${available} are present`
        : `the ${vbr.kind} header declares ${declared} bytes but ${available} are present; walked the frames`,
    );
  }

  const walk = await walkFrames(reader, audioStart, end, signature, { mark });
  warnings.push(...walk.warnings);
  const truncated = walk.truncated || (vbr?.bytes !== undefined && vbr.bytes > available);
  // Gapless trimming applies only when the header's frame count describes these very frames.
  const trim = vbr?.frames === walk.frames ? (vbr.encoderDelay ?? 0) + (vbr.encoderPadding ?? 0) : 0;
  const raw = walk.frames * header.samplesPerFrame;
  const samples = trim < raw ? raw - trim : raw;
  return result(
    header,
    samples,
    'frame-walk',
    walk.frames,
    walk.audioBytes * 8,
    vbr,
    audioStart,
    walk.markEnd,
    truncated,
    warnings,
  );
}

function result(
  header: FrameHeader,
  samples: number,
  method: MpegAnalysis['method'],
  frames: number,
  audioBits: number,
  vbr: VbrHeader | undefined,
  audioStart: number,
  minuteEnd: number | undefined,
  partial: boolean,
  warnings: string[],
): MpegAnalysis {
  const durationSeconds = samples / header.sampleRate;
  // Over the frames' full length (delay and padding included), so a CBR file reports its nominal rate.
  const framesSeconds = (frames * header.samplesPerFrame) / header.sampleRate;
  const bitrate = framesSeconds > 0 ? Math.round(audioBits / framesSeconds) : header.bitrate;
  return {
    durationSeconds,
    samples,
    header,
    bitrate,
    method,
    frames,
    vbr,
    audioStart,
    minuteEnd,
    partial,
    warnings,
  };
}
