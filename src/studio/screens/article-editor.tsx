/** @jsxImportSource hono/jsx */
// The article screen: the form (headline, standfirst, body, section, authors, tags, image alt text), and beside it publication, image, episodes and history.
import type { Child } from 'hono/jsx';
import type { Html } from '../../domain/html.ts';
import { ErrorSummary } from '../form/error-summary.tsx';
import type { FieldErrors } from '../form/field-errors.ts';
import { type Choice, SelectField, TextArea, TextField } from '../form/fields.tsx';
import { type FormValues, firstValue } from '../form/form-values.ts';
import { ARTICLE_LABELS, type ArticleViewModel } from '../forms/article-form.ts';
import { Crumbs, Layout, PostForm, Refusal } from './common.tsx';
import { RichTextField } from './rich-text-field.tsx';

export interface ArticleEditorProps {
  readonly article?: ArticleViewModel;
  readonly etag?: string;
  readonly values: FormValues;
  readonly errors: FieldErrors;
  readonly sanitizedBody: Html;
  readonly sections: readonly Choice[];
  readonly csrf: string;
  readonly refusal?: string;
  /** Set when the actor may only read the item: said above the form, every form control disabled. */
  readonly readOnly?: string;
  /** Above the form: the conflict notice and both versions, after a stale save. */
  readonly conflict?: Child;
  /** Publication, image, episodes, history (edit only). */
  readonly aside?: Child;
}

export function ArticleEditor(props: ArticleEditorProps) {
  const { article, values, errors } = props;
  const v = (name: string) => firstValue(values, name);
  return (
    <div class="screen">
      <Crumbs trail={[['Articles', `/articles`]]} />
      <h1>{article ? `Edit article: ${article.headline}` : 'New article'}</h1>
      <Refusal text={props.refusal} />
      {props.conflict}
      <ErrorSummary errors={errors} labels={ARTICLE_LABELS} />
      <Layout readOnly={props.readOnly}>
        <PostForm
          action={article ? `/articles/${article.id}` : `/articles`}
          csrf={props.csrf}
          etag={props.etag}
          label="Article"
        >
          <TextField
            name="headline"
            label={ARTICLE_LABELS.headline}
            value={v('headline')}
            errors={errors}
            required
          />
          <TextField
            name="slug"
            label={ARTICLE_LABELS.slug}
            value={v('slug')}
            errors={errors}
            hint={
              article
                ? `The address is ${article.url}; a new slug redirects the old address.`
                : 'Left empty: made from the headline.'
            }
          />
          <TextArea
            name="standfirst"
            label={ARTICLE_LABELS.standfirst}
            value={v('standfirst')}
            errors={errors}
            rows={3}
          />
          <RichTextField
            name="bodyHtml"
            label={ARTICLE_LABELS.bodyHtml}
            value={v('bodyHtml')}
            sanitized={props.sanitizedBody}
            errors={errors}
          />
          <SelectField
            name="sectionId"
            label={ARTICLE_LABELS.sectionId}
            value={v('sectionId')}
            choices={props.sections}
            errors={errors}
            required
          />
          <TextArea
            name="authors"
            label={ARTICLE_LABELS.authors}
            value={v('authors')}
            errors={errors}
            rows={3}
            hint="One per line: name, then optionally an e-mail in angle brackets and a web address, as in “Ada Lovelace <ada@example.com> https://example.com/ada”."
          />
          <TextField
            name="tags"
            label={ARTICLE_LABELS.tags}
            value={v('tags')}
            errors={errors}
            hint="Separated by commas."
          />
          <TextField
            name="imageAlt"
            label={ARTICLE_LABELS.imageAlt}
            value={v('imageAlt')}
            errors={errors}
            hint="What the image shows, for readers who cannot see it."
          />
          <div class="actions">
            <button type="submit">{article ? 'Save article' : 'Create draft'}</button>
          </div>
        </PostForm>
        {props.aside ? <div class="aside">{props.aside}</div> : null}
      </Layout>
    </div>
  );
}
