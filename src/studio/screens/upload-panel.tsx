/** @jsxImportSource hono/jsx */
// One file of a record (audio, artwork, image, transcript): what is stored now, and a form to send another. The form posts the file
// as is without the script; with it, the file goes through tus (/api/v1/uploads) with a progress bar and is then attached by its upload URL.
import type { Child } from 'hono/jsx';
import type { FieldErrors } from '../form/field-errors.ts';
import { FileField } from '../form/fields.tsx';
import { PostForm } from './common.tsx';

export interface UploadPanelProps {
  /** Heading and landmark name ("Audio", "Artwork"). */
  readonly title: string;
  /** The studio URL the form posts the file to (no script). */
  readonly action: string;
  /** The API URL that attaches a finished tus upload (`PUT {"upload": url}`), used by the script. */
  readonly attach: string;
  /** What the script checks before sending: `audio`, `artwork` (Apple's rules), `image`, `document`. */
  readonly check: 'audio' | 'artwork' | 'image' | 'document';
  readonly label: string;
  readonly accept: string;
  readonly hint?: Child;
  readonly csrf: string;
  readonly etag: string;
  readonly errors: FieldErrors;
  /** What is stored now: facts, a thumbnail, a link. */
  readonly children?: Child;
}

export function UploadPanel(props: UploadPanelProps) {
  const slug = props.title.toLowerCase().replace(/[^a-z]+/g, '-');
  return (
    <section class="panel upload" aria-labelledby={`${slug}-title`} id={`${slug}-panel`}>
      <h2 id={`${slug}-title`}>{props.title}</h2>
      <div data-upload-current="">{props.children}</div>
      <PostForm
        action={props.action}
        csrf={props.csrf}
        etag={props.etag}
        multipart
        label={`Upload ${props.title.toLowerCase()}`}
      >
        <FileField
          name="file"
          id={`f-${slug}-file`}
          label={props.label}
          accept={props.accept}
          hint={props.hint}
          errors={props.errors}
          upload={{ attach: props.attach, check: props.check }}
        />
        <div data-upload-progress="" hidden>
          <progress class="progress" max={100} value={0} aria-label={`${props.title} upload progress`} />
        </div>
        <p class="upload-status" role="status" data-upload-status="" />
        <p class="actions">
          <button type="submit" class="secondary">
            Upload {props.title.toLowerCase()}
          </button>
        </p>
      </PostForm>
    </section>
  );
}
