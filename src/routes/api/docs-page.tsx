/** @jsxImportSource hono/jsx */
// The admin API's readable documentation: every operation from the OpenAPI document, on one plain page.
import { raw } from 'hono/html';

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
  responses?: Record<string, { description?: string }>;
}

interface Document {
  info: { title: string; description?: string; version: string };
  paths?: Record<string, Record<string, Operation>>;
}

const refName = (ref: string | undefined) => (ref ? ref.slice(ref.lastIndexOf('/') + 1) : undefined);

/** Rendered on the server from the same document /api/openapi.json serves: no scripts, no CDN. */
export function renderApiDocs(document: unknown) {
  const doc = document as Document;
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
  const tags = [...new Set(operations.flatMap((o) => o.op.tags ?? ['Other']))];
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{doc.info.title}</title>
          <style>{`body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1a1a1a}
code{background:#f2f2f2;padding:0 .25em}h3{font-size:1rem;margin:1.5rem 0 .25rem}.m{display:inline-block;min-width:4.5em;font-weight:bold}
.auth{color:#8a3b00;font-size:.9em}table{border-collapse:collapse}td{padding:.1rem .6rem .1rem 0;vertical-align:top}`}</style>
        </head>
        <body>
          <main>
            <h1>{doc.info.title}</h1>
            <p>{doc.info.description}</p>
            <p>
              Version {doc.info.version}. Machine-readable: <a href="openapi.json">openapi.json</a> (OpenAPI
              3.1).
            </p>
            {tags.map((tag) => (
              <section>
                <h2>{tag}</h2>
                {operations
                  .filter((o) => (o.op.tags ?? ['Other']).includes(tag))
                  .map(({ path, method, op }) => {
                    const body = op.requestBody?.content ?? {};
                    const types = Object.keys(body);
                    const schema = refName(Object.values(body)[0]?.schema?.$ref);
                    return (
                      <article>
                        <h3>
                          <span class="m">{method}</span> <code>/api{path}</code>
                        </h3>
                        <p>
                          {op.summary}
                          {op.security && op.security.length > 0 ? (
                            <span class="auth"> (admin token)</span>
                          ) : null}
                        </p>
                        {op.description ? <p>{op.description}</p> : null}
                        {types.length > 0 ? (
                          <p>
                            Body: {schema ? <code>{schema}</code> : null} as {types.join(', ')}
                          </p>
                        ) : null}
                        <table>
                          {Object.entries(op.responses ?? {}).map(([status, response]) => (
                            <tr>
                              <td>
                                <code>{status}</code>
                              </td>
                              <td>{response.description}</td>
                            </tr>
                          ))}
                        </table>
                      </article>
                    );
                  })}
              </section>
            ))}
          </main>
        </body>
      </html>
    </>
  );
}
