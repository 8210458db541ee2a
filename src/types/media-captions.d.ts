// media-captions ships declarations with extension-less relative imports, which "moduleResolution":
// "NodeNext" cannot follow; this declares the one function podwire uses, as the package documents it.
declare module 'media-captions' {
  export interface ParsedCue {
    readonly id: string;
    readonly startTime: number;
    readonly endTime: number;
    readonly text: string;
  }
  export interface ParsedCaptionsResult {
    readonly cues: readonly ParsedCue[];
    readonly errors: readonly { readonly message: string }[];
  }
  export function parseText(
    text: string,
    options?: { type?: 'vtt' | 'srt' | 'ssa' | 'ass'; strict?: boolean },
  ): Promise<ParsedCaptionsResult>;
}
