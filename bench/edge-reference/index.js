// bench/edge's reference Worker: a stored podcast feed served with nothing but one D1 row and the R2 body.
export default {
  async fetch(request, env) {
    const { pathname } = new URL(request.url);
    const show = /^\/podcasts\/([a-z0-9-]+)\/feed\.xml$/.exec(pathname)?.[1];
    if (!show)
      return new Response('User-agent: *\nAllow: /\n', { headers: { 'content-type': 'text/plain' } });
    const row = await env.DB.prepare('SELECT hash, content_type FROM rendered_documents WHERE key = ?')
      .bind(`podcast\n${show}`)
      .first();
    const object = row && (await env.MEDIA.get(`.rendered/${row.hash}`));
    if (!object) return new Response('not stored', { status: 404 });
    return new Response(object.body, {
      headers: { 'content-type': row.content_type, etag: `"${row.hash.slice(0, 16)}"` },
    });
  },
};
